#include "news/RelativeDateParser.h"

#include <QtTest>
#include <optional>

using ba::RelativeDateParser;

namespace {

// Every relative row is computed against this moment.
const QDateTime FetchedAt(QDate(2026, 11, 29), QTime(10, 23, 39), Qt::UTC);

qint64 utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toMSecsSinceEpoch();
}

qint64 before(qint64 seconds)
{
    return FetchedAt.addSecs(-seconds).toMSecsSinceEpoch();
}

} // namespace

Q_DECLARE_METATYPE(std::optional<qint64>)

class TestRelativeDateParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parse_invalidFetchTime_relativeGivesNothing();
};

void TestRelativeDateParser::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::optional<qint64>>("expected");
    using O = std::optional<qint64>;

    // Relative phrases
    QTest::newRow("3 hours ago") << QStringLiteral("3 hours ago") << O(before(3 * 3600));
    QTest::newRow("2 days ago") << QStringLiteral("2 days ago") << O(before(2 * 86400));
    QTest::newRow("1 min ago") << QStringLiteral("1 min ago") << O(before(60));
    QTest::newRow("45 minutes ago") << QStringLiteral("45 minutes ago") << O(before(45 * 60));
    QTest::newRow("5m ago") << QStringLiteral("5m ago") << O(before(300));
    QTest::newRow("10 seconds ago") << QStringLiteral("10 seconds ago") << O(before(10));
    QTest::newRow("an hour ago") << QStringLiteral("an hour ago") << O(before(3600));
    QTest::newRow("a day ago") << QStringLiteral("a day ago") << O(before(86400));
    QTest::newRow("1 week ago") << QStringLiteral("1 week ago") << O(before(7 * 86400));
    QTest::newRow("2 months ago") << QStringLiteral("2 months ago")
                                  << O(FetchedAt.addMonths(-2).toMSecsSinceEpoch());
    QTest::newRow("a year ago") << QStringLiteral("a year ago")
                                << O(FetchedAt.addYears(-1).toMSecsSinceEpoch());
    QTest::newRow("upper case") << QStringLiteral("3 HOURS AGO") << O(before(3 * 3600));
    QTest::newRow("extra spaces") << QStringLiteral("  3   hours \n ago ") << O(before(3 * 3600));
    QTest::newRow("inside footer") << QStringLiteral("Jane Doe | 3 hours ago") << O(before(3 * 3600));
    QTest::newRow("just now") << QStringLiteral("just now") << O(FetchedAt.toMSecsSinceEpoch());
    QTest::newRow("Just Now") << QStringLiteral("Just Now") << O(FetchedAt.toMSecsSinceEpoch());
    QTest::newRow("yesterday") << QStringLiteral("yesterday") << O(before(86400));
    QTest::newRow("Yesterday at") << QStringLiteral("Yesterday, 14:00") << O(before(86400));

    // ISO 8601
    QTest::newRow("iso Z") << QStringLiteral("2026-11-28T10:23:39Z") << O(utc(2026, 11, 28, 10, 23, 39));
    QTest::newRow("iso ms") << QStringLiteral("2026-11-28T10:23:39.049Z")
                            << O(utc(2026, 11, 28, 10, 23, 39) + 49);
    QTest::newRow("iso offset") << QStringLiteral("2026-11-28T11:23:39+01:00")
                                << O(utc(2026, 11, 28, 10, 23, 39));
    QTest::newRow("iso offset no colon")
        << QStringLiteral("2026-11-28T05:23:39-0500") << O(utc(2026, 11, 28, 10, 23, 39));
    QTest::newRow("iso no zone is UTC") << QStringLiteral("2026-11-28T10:23") << O(utc(2026, 11, 28, 10, 23));
    QTest::newRow("iso date only") << QStringLiteral("2026-11-28") << O(utc(2026, 11, 28));

    // Written dates
    QTest::newRow("Nov 28, 2026") << QStringLiteral("Nov 28, 2026") << O(utc(2026, 11, 28));
    QTest::newRow("November 28, 2026") << QStringLiteral("November 28, 2026") << O(utc(2026, 11, 28));
    QTest::newRow("Sept. 3rd, 2026") << QStringLiteral("Sept. 3rd, 2026") << O(utc(2026, 9, 3));
    QTest::newRow("28 November 2026") << QStringLiteral("28 November 2026") << O(utc(2026, 11, 28));
    QTest::newRow("28 Nov 2026") << QStringLiteral("28 Nov 2026") << O(utc(2026, 11, 28));
    QTest::newRow("with prefix") << QStringLiteral("Updated: Nov 28, 2026") << O(utc(2026, 11, 28));

    // RFC 822 / 2822
    QTest::newRow("rfc +0000") << QStringLiteral("Sat, 28 Nov 2026 10:23:39 +0000")
                               << O(utc(2026, 11, 28, 10, 23, 39));
    QTest::newRow("rfc GMT") << QStringLiteral("Sat, 28 Nov 2026 10:23:39 GMT")
                             << O(utc(2026, 11, 28, 10, 23, 39));
    QTest::newRow("rfc EST") << QStringLiteral("Sat, 28 Nov 2026 05:23:39 EST")
                             << O(utc(2026, 11, 28, 10, 23, 39));
    QTest::newRow("rfc -0800") << QStringLiteral("28 Nov 2026 02:23 -0800") << O(utc(2026, 11, 28, 10, 23));
    QTest::newRow("rfc 2-digit year")
        << QStringLiteral("Sat, 28 Nov 26 10:23:39 +0000") << O(utc(2026, 11, 28, 10, 23, 39));

    // Unknown: never invented
    QTest::newRow("empty") << QString() << O();
    QTest::newRow("blank") << QStringLiteral("   ") << O();
    QTest::newRow("words") << QStringLiteral("Breaking news") << O();
    QTest::newRow("in 3 hours") << QStringLiteral("in 3 hours") << O();
    QTest::newRow("3 hours") << QStringLiteral("3 hours") << O();
    QTest::newRow("today") << QStringLiteral("today") << O();
    QTest::newRow("Feb 30") << QStringLiteral("Feb 30, 2026") << O();
    QTest::newRow("month 13") << QStringLiteral("2026-13-01") << O();
    QTest::newRow("hour 25") << QStringLiteral("2026-11-28T25:00:00Z") << O();
    QTest::newRow("bad month name") << QStringLiteral("Foo 28, 2026") << O();
    QTest::newRow("unknown zone") << QStringLiteral("Sat, 28 Nov 2026 10:23:39 XYZ") << O();
    QTest::newRow("absurd amount") << QStringLiteral("9999 years ago") << O();
    QTest::newRow("french") << QStringLiteral("il y a 3 heures") << O();
    QTest::newRow("very long") << QStringLiteral("3 hours ago ").repeated(100) << O();
}

void TestRelativeDateParser::parse()
{
    QFETCH(QString, text);
    QFETCH(std::optional<qint64>, expected);
    const auto actual = RelativeDateParser::parse(text, FetchedAt);
    if (actual != expected) {
        qWarning() << "got"
                   << (actual ? QDateTime::fromMSecsSinceEpoch(*actual, Qt::UTC).toString(Qt::ISODateWithMs)
                              : QStringLiteral("nothing"));
    }
    QCOMPARE(actual, expected);
}

void TestRelativeDateParser::parse_invalidFetchTime_relativeGivesNothing()
{
    QCOMPARE(RelativeDateParser::parse(QStringLiteral("3 hours ago"), QDateTime()), std::optional<qint64>());
    QCOMPARE(RelativeDateParser::parse(QStringLiteral("2026-11-28"), QDateTime()),
             std::optional<qint64>(utc(2026, 11, 28)));
}

QTEST_GUILESS_MAIN(TestRelativeDateParser)
#include "tst_relativedateparser.moc"
