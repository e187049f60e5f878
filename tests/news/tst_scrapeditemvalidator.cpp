#include "news/ScrapedItemValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using ba::ScrapedItemValidator;

namespace {

const QDateTime FetchedAt(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC);

QJsonObject item(const QString &title, const QString &link, const QString &time = QString())
{
    return QJsonObject{{QStringLiteral("title"), title},
                       {QStringLiteral("link"), link},
                       {QStringLiteral("time"), time},
                       {QStringLiteral("summary"), QString()},
                       {QStringLiteral("image"), QString()}};
}

QString extraction(const QJsonArray &items, const QString &method = QStringLiteral("selectors"))
{
    const QJsonObject root{{QStringLiteral("method"), method},
                           {QStringLiteral("selectorMatches"), int(items.size())},
                           {QStringLiteral("selectorError"), QString()},
                           {QStringLiteral("items"), items}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact));
}

} // namespace

class TestScrapedItemValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanText_data();
    void cleanText();
    void cleanWebUrl_data();
    void cleanWebUrl();
    void parse_notTheExpectedShape_givesNothing_data();
    void parse_notTheExpectedShape_givesNothing();
    void parse_validItems_fillsNewsItems();
    void parse_dropsInvalidAndDuplicates();
    void parse_moreThanMax_capsAt200();
};

void TestScrapedItemValidator::cleanText_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("max");
    QTest::addColumn<QString>("expected");

    QTest::newRow("trim and collapse") << QStringLiteral("  a \n\t b  ") << 300 << QStringLiteral("a b");
    QTest::newRow("markup stays literal") << QStringLiteral("<img src=x onerror=alert(1)>") << 300
                                          << QStringLiteral("<img src=x onerror=alert(1)>");
    QTest::newRow("entities stay literal")
        << QStringLiteral("&lt;b&gt;") << 300 << QStringLiteral("&lt;b&gt;");
    QTest::newRow("control chars dropped") << QStringLiteral("a\x01"
                                                             "b\x7f"
                                                             "c")
                                           << 300 << QStringLiteral("abc");
    QTest::newRow("zero width dropped")
        << QString(QStringLiteral("a") + QChar(0x200B) + QStringLiteral("b")) << 300 << QStringLiteral("ab");
    QTest::newRow("nbsp collapses") << QString(QStringLiteral("a") + QChar(0xA0) + QChar(0xA0) +
                                               QStringLiteral("b"))
                                    << 300 << QStringLiteral("a b");
    QTest::newRow("only spaces") << QStringLiteral(" \n ") << 300 << QString();
    QTest::newRow("exactly max") << QStringLiteral("abcde") << 5 << QStringLiteral("abcde");
    QTest::newRow("cut with ellipsis")
        << QStringLiteral("abcdef") << 5 << QString(QStringLiteral("abcd") + QChar(0x2026));
    QTest::newRow("no split surrogate")
        << QString(QStringLiteral("abc") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("zz")) << 5
        << QString(QStringLiteral("abc") + QChar(0x2026));
}

void TestScrapedItemValidator::cleanText()
{
    QFETCH(QString, input);
    QFETCH(int, max);
    QFETCH(QString, expected);
    QCOMPARE(ScrapedItemValidator::cleanText(input, max), expected);
}

void TestScrapedItemValidator::cleanWebUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("https") << QStringLiteral("https://news.example/a?b=1")
                           << QStringLiteral("https://news.example/a?b=1");
    QTest::newRow("fragment removed")
        << QStringLiteral("http://news.example/a#top") << QStringLiteral("http://news.example/a");
    QTest::newRow("upper scheme") << QStringLiteral("HTTPS://News.Example/a")
                                  << QStringLiteral("https://news.example/a");
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << QString();
    QTest::newRow("javascript spaced") << QStringLiteral("  JavaScript:alert(1)") << QString();
    QTest::newRow("data") << QStringLiteral("data:text/html,<b>x</b>") << QString();
    QTest::newRow("mailto") << QStringLiteral("mailto:a@b.example") << QString();
    QTest::newRow("ftp") << QStringLiteral("ftp://files.example/x") << QString();
    QTest::newRow("relative") << QStringLiteral("/news/a") << QString();
    QTest::newRow("no host") << QStringLiteral("http:///a") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("too long") << QString(QStringLiteral("https://a.example/") + QString(3000, u'x'))
                              << QString();
}

void TestScrapedItemValidator::cleanWebUrl()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(ScrapedItemValidator::cleanWebUrl(input), expected);
}

void TestScrapedItemValidator::parse_notTheExpectedShape_givesNothing_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("empty") << QString();
    QTest::newRow("not json") << QStringLiteral("undefined");
    QTest::newRow("array") << QStringLiteral("[]");
    QTest::newRow("no items") << QStringLiteral("{\"method\":\"selectors\"}");
    QTest::newRow("items not array") << QStringLiteral("{\"items\":{}}");
}

void TestScrapedItemValidator::parse_notTheExpectedShape_givesNothing()
{
    QFETCH(QString, json);
    QVERIFY(!ScrapedItemValidator::parse(json, QStringLiteral("S"), FetchedAt).has_value());
}

void TestScrapedItemValidator::parse_validItems_fillsNewsItems()
{
    QJsonObject first =
        item(QStringLiteral(" Title "), QStringLiteral("https://n.example/a"), QStringLiteral("1 hour ago"));
    first.insert(QStringLiteral("summary"), QString(2000, u's'));
    first.insert(QStringLiteral("image"), QStringLiteral("https://n.example/i.png"));
    const auto out = ScrapedItemValidator::parse(extraction({first}, QStringLiteral("json-ld")),
                                                 QStringLiteral("Src"), FetchedAt);
    QVERIFY(out);
    QCOMPARE(out->method, QStringLiteral("json-ld"));
    QCOMPARE(out->items.size(), 1);
    const auto &n = out->items.at(0);
    QCOMPARE(n.title, QStringLiteral("Title"));
    QCOMPARE(n.url, QStringLiteral("https://n.example/a"));
    QCOMPARE(n.summary.size(), ScrapedItemValidator::MaxSummaryChars);
    QCOMPARE(n.imageUrl, QStringLiteral("https://n.example/i.png"));
    QCOMPARE(n.source, QStringLiteral("Src"));
    QCOMPARE(n.publishedMs, FetchedAt.addSecs(-3600).toMSecsSinceEpoch());
    QCOMPARE(n.fetchedMs, FetchedAt.toMSecsSinceEpoch());
}

void TestScrapedItemValidator::parse_dropsInvalidAndDuplicates()
{
    const QJsonArray items{
        item(QStringLiteral("A"), QStringLiteral("https://n.example/a")),
        item(QStringLiteral("A again"), QStringLiteral("https://n.example/a#c")),
        item(QStringLiteral("JS"), QStringLiteral("javascript:void(0)")),
        item(QStringLiteral(""), QStringLiteral("https://n.example/b")),
        item(QStringLiteral("No date"), QStringLiteral("https://n.example/c"), QStringLiteral("soon")),
        QJsonValue(42)};
    const auto out = ScrapedItemValidator::parse(extraction(items), QStringLiteral("S"), FetchedAt);
    QVERIFY(out);
    QCOMPARE(out->rawCount, 6);
    QCOMPARE(out->items.size(), 2);
    QCOMPARE(out->items.at(0).title, QStringLiteral("A"));
    QCOMPARE(out->items.at(1).title, QStringLiteral("No date"));
    QVERIFY(!out->items.at(1).publishedMs.has_value());
}

void TestScrapedItemValidator::parse_moreThanMax_capsAt200()
{
    QJsonArray items;
    for (int i = 0; i < 1000; ++i) {
        items.append(item(QStringLiteral("T%1").arg(i), QStringLiteral("https://n.example/%1").arg(i)));
    }
    const auto out = ScrapedItemValidator::parse(extraction(items), QStringLiteral("S"), FetchedAt);
    QVERIFY(out);
    QCOMPARE(out->items.size(), ScrapedItemValidator::MaxItems);
}

QTEST_GUILESS_MAIN(TestScrapedItemValidator)
#include "tst_scrapeditemvalidator.moc"
