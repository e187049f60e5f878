#include "services/RefreshOutcome.h"

#include <QTest>

using namespace ba;

namespace {

StepReport report(const QString &step, bool ok)
{
    StepReport r;
    r.step = step;
    r.ok = ok;
    return r;
}

RefreshOutcome outcome(QList<StepReport> reports, QStringList stored)
{
    return RefreshOutcome{QStringLiteral("r3"), QStringLiteral("10:24"), 812, std::move(reports),
                          [stored](const QString &step) { return stored.contains(step); }};
}

} // namespace

// The status bar after a refresh says what is true: "cached data shown" only when there is some.
class TestRefreshOutcome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data()
    {
        QTest::addColumn<QList<StepReport>>("reports");
        QTest::addColumn<QStringList>("stored");
        QTest::addColumn<QString>("expected");
        const QList<StepReport> allOk{report(QStringLiteral("prices"), true),
                                      report(QStringLiteral("news"), true)};
        QTest::newRow("all ok") << allOk << QStringList{} << QStringLiteral("Updated 10:24 in 812 ms (r3)");
        QTest::newRow("fresh profile, prices failed")
            << QList<StepReport>{report(QStringLiteral("prices"), false),
                                 report(QStringLiteral("news"), true)}
            << QStringList{QStringLiteral("news")}
            << QStringLiteral("Refresh r3 at 10:24: prices failed; no data yet");
        QTest::newRow("prices failed, cache shown")
            << QList<StepReport>{report(QStringLiteral("prices"), false)}
            << QStringList{QStringLiteral("prices")}
            << QStringLiteral("Refresh r3 at 10:24: prices failed; cached data shown");
        QTest::newRow("one of each")
            << QList<StepReport>{report(QStringLiteral("prices"), false),
                                 report(QStringLiteral("news"), false)}
            << QStringList{QStringLiteral("news")}
            << QStringLiteral(
                   "Refresh r3 at 10:24: prices failed (no data yet), news failed (cached data shown)");
    }

    void text()
    {
        QFETCH(QList<StepReport>, reports);
        QFETCH(QStringList, stored);
        QFETCH(QString, expected);
        QCOMPARE(outcome(reports, stored).text(), expected);
    }
};

QTEST_GUILESS_MAIN(TestRefreshOutcome)
#include "tst_refreshoutcome.moc"
