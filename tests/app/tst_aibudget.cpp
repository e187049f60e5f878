#include "MarketSession.h"
#include "fakes/WebEngineTestMain.h"
#include "gui/AnalysisHistoryModel.h"

#include <QApplication>
#include <QSet>
#include <QTest>

using namespace ba;
using ba::test::MarketSession;

// The AI budget over a session of clicks on the assembled window (simulated time).
class TestAiBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<QList<StepReport>>(); }
    void tenMinuteSession_oneAiRequestPerSelectionWithNewData();
};

// Ten simulated minutes of clicking through ranges, coins and currencies, one click every 20 s:
// the AI is asked once per selection whose market data is new, never again for data it already
// analysed (the quote alone moving is not new data).
void TestAiBudget::tenMinuteSession_oneAiRequestPerSelectionWithNewData()
{
    MarketSession session;
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    qint64 elapsed = 0;
    session.clock = [&] { return start + elapsed; };
    QVERIFY(session.start());
    QVERIFY(!session.waitForRefreshes(1).isEmpty());

    struct Click
    {
        const char *combo; // nullptr: a range button
        const char *value;
        ChartRange range;
    };
    const QList<Click> clicks{
        {nullptr, nullptr, ChartRange::Day},
        {nullptr, nullptr, ChartRange::Week},
        {nullptr, nullptr, ChartRange::Quarter},
        {nullptr, nullptr, ChartRange::Month},
        {"coinCombo", "ethereum", {}},
        {"currencyCombo", "eur", {}},
        {"currencyCombo", "usd", {}},
        {"coinCombo", "bitcoin", {}},
        {nullptr, nullptr, ChartRange::Day},
        {nullptr, nullptr, ChartRange::Month},
        {"coinCombo", "ethereum", {}},
        {"coinCombo", "bitcoin", {}},
        {nullptr, nullptr, ChartRange::Week},
        {nullptr, nullptr, ChartRange::Month},
        {"currencyCombo", "eur", {}},
        {"currencyCombo", "usd", {}},
        {nullptr, nullptr, ChartRange::Quarter},
        {nullptr, nullptr, ChartRange::Month},
        {"coinCombo", "ethereum", {}},
        {"currencyCombo", "eur", {}},
        {"coinCombo", "bitcoin", {}},
        {"currencyCombo", "usd", {}},
        {nullptr, nullptr, ChartRange::Day},
        {nullptr, nullptr, ChartRange::Week},
        {nullptr, nullptr, ChartRange::Month},
        {"coinCombo", "ethereum", {}},
        {"coinCombo", "bitcoin", {}},
        {nullptr, nullptr, ChartRange::Quarter},
        {nullptr, nullptr, ChartRange::Month},
        {"currencyCombo", "eur", {}},
    };
    QSet<QString> analysed; // input hashes (selection, series, headlines) already written
    QSet<QString> selections;
    QList<qint64> refreshMs;
    int newData = 1; // the start-up analysis
    analysed.insert(session.analysisView()->currentRecord()->inputHash);
    selections.insert(
        AnalysisHistoryModel::selectionText(session.analysisView()->currentRecord()->selection()));
    for (qsizetype i = 0; i < clicks.size(); ++i) {
        elapsed += 20 * 1000;
        session.coinGecko.setNowMs(start + elapsed);
        const Click &click = clicks.at(i);
        if (click.combo == nullptr) {
            session.clickRange(click.range);
        } else {
            session.choose(QString::fromLatin1(click.combo), QString::fromLatin1(click.value));
        }
        const int requestsBefore = session.gemini.generateRequestCount();
        QVERIFY(!session.waitForRefreshes(int(i) + 2).isEmpty());
        refreshMs << session.refreshes->constLast().at(2).toLongLong();
        const std::optional<AnalysisRecord> shown = session.analysisView()->currentRecord();
        QVERIFY(shown.has_value());
        selections.insert(AnalysisHistoryModel::selectionText(shown->selection()));
        const bool isNew = !analysed.contains(shown->inputHash);
        analysed.insert(shown->inputHash);
        newData += isNew ? 1 : 0;
        // A summary analysed before never costs a request again.
        QCOMPARE(session.gemini.generateRequestCount() - requestsBefore, isNew ? 1 : 0);
    }
    const int requests = session.gemini.generateRequestCount();
    QCOMPARE(requests, newData);
    QCOMPARE(session.count(QStringLiteral("SELECT COUNT(DISTINCT input_hash) FROM analyses")), requests);
    std::sort(refreshMs.begin(), refreshMs.end());
    qInfo("AI requests in a simulated 10-minute session of %d clicks through %d distinct selections: %d "
          "(one per selection with new market data; %d analyses reused). Refresh after a click: median %lld "
          "ms, "
          "max %lld ms (news from the hidden browser included).",
          int(clicks.size()), int(selections.size()), requests, int(clicks.size()) + 1 - requests,
          refreshMs.at(refreshMs.size() / 2), refreshMs.constLast());
    QVERIFY(requests < int(clicks.size()));
}

BA_WEBENGINE_TEST_MAIN_WITH(QApplication, TestAiBudget)
#include "tst_aibudget.moc"
