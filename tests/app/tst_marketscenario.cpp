#include "MarketSession.h"
#include "fakes/WebEngineTestMain.h"
#include "gui/HealthTableModel.h"
#include "gui/PricePresenter.h"
#include "services/MarketSummary.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QTest>

using namespace ba;
using ba::test::MarketSession;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

// The prices the user gets from File → Export Prices: the series behind the chart.
QList<qint64> exportedTimes(const MarketSession &session, const QString &path)
{
    session.window()->findChild<PricePresenter *>()->exportPricesCsv(path);
    QFile file(path);
    QList<qint64> times;
    if (!file.open(QIODevice::ReadOnly)) {
        return times;
    }
    file.readLine(); // header
    while (!file.atEnd()) {
        const QByteArray line = file.readLine();
        times << QDateTime::fromString(QString::fromLatin1(line.left(line.indexOf(','))), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch();
    }
    return times;
}

QList<qint64> gaps(const QList<qint64> &times)
{
    QList<qint64> result;
    for (qsizetype i = 1; i < times.size(); ++i) {
        result << times.at(i) - times.at(i - 1);
    }
    return result;
}

// "requests / errors" of a source in the health panel.
QString healthRequests(const MarketSession &session, const QString &source)
{
    const auto *model = session.window()->findChild<HealthTableModel *>();
    for (int row = 0; model != nullptr && row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(HealthTableModel::SourceIdRole).toString() == source) {
            return model->index(row, HealthTableModel::RequestsColumn).data().toString();
        }
    }
    return {};
}

std::optional<MarketSummary> shownSummary(const MarketSession &session)
{
    const std::optional<AnalysisRecord> record = session.analysisView()->currentRecord();
    return record ? MarketSummary::fromJson(record->summaryJson.toUtf8()) : std::nullopt;
}

} // namespace

// The assembled window against one coherent invented market: every number on screen and in the
// analysis belongs to the selected coin, currency and range.
class TestMarketScenario : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<QList<StepReport>>(); }

    void rangeSwitches_eachRangeReadsOneEvenlySpacedSeries();
    void ethereumInEuro_analysisIsStoredAndShownForThatSelection();
    void reselecting_showsTheStoredAnalysisAtOnceWithoutAnAiRequest();
    void firstRefresh_analysisWaitsForTheHeadlines();
    void slowNews_analysisStartsAtTheDeadlineWithStoredHeadlines();
    void diskFull_failsThePriceStepAndKeepsTheRangeStale();
    void choices_areShownAgainAtTheNextStart();
};

// After each click of 24H → 7D → 90D → 30D: what the chart draws, what File → Export gives and what
// the analysis read are one series, with the count and the spacing of that range only (7D and 30D
// come from the hourly series the 30D and 90D fetches stored; nothing of 24H's 5-minute data mixes in).
void TestMarketScenario::rangeSwitches_eachRangeReadsOneEvenlySpacedSeries()
{
    MarketSession session;
    QVERIFY(session.start());
    QVERIFY(!session.waitForRefreshes(1).isEmpty()); // 30D at start-up
    const struct
    {
        ChartRange range;
        qint64 step;
        int points;
        bool fetched;
    } clicks[] = {
        {ChartRange::Day, 5 * kMinute, 24 * 12 + 1, true},
        {ChartRange::Week, kHour, 7 * 24 + 1, false},
        {ChartRange::Quarter, kHour, 90 * 24 + 1, true},
        {ChartRange::Month, kHour, 30 * 24 + 1, false},
    };
    int refreshes = 1;
    for (const auto &click : clicks) {
        const QString name = priceRange::key(click.range);
        session.clickRange(click.range);
        const StepReport prices =
            MarketSession::step(session.waitForRefreshes(++refreshes), StepNames::Prices);
        QVERIFY2(prices.ok, qPrintable(name));
        QCOMPARE(prices.skipped, !click.fetched);
        QCOMPARE(session.chart()->range(), click.range);

        // The chart's series: the count of this range, every gap exactly its step.
        const QList<qint64> times =
            exportedTimes(session, session.dir.filePath(name + QStringLiteral(".csv")));
        QCOMPARE(times.size(), click.points);
        const QList<qint64> spacing = gaps(times);
        QVERIFY2(std::all_of(spacing.cbegin(), spacing.cend(), [&](qint64 gap) { return gap == click.step; }),
                 qPrintable(QStringLiteral("%1: gaps from %2 to %3 ms")
                                .arg(name)
                                .arg(*std::min_element(spacing.cbegin(), spacing.cend()))
                                .arg(*std::max_element(spacing.cbegin(), spacing.cend()))));
        // Drawn: the series up to "now", candles of this range at most one candle earlier.
        const auto [shownFrom, shownTo] = session.chart()->visibleTimeRange();
        QCOMPARE(shownTo, times.constLast());
        QVERIFY(shownFrom <= times.constFirst() &&
                shownFrom >= times.constFirst() - priceRange::candleStepMs(click.range));

        // The analysis on screen read the same series.
        const std::optional<MarketSummary> summary = shownSummary(session);
        QVERIFY(summary.has_value());
        QCOMPARE(summary->rangeKey, name);
        QCOMPARE(summary->pointCount, click.points);
        QCOMPARE(summary->intervalMs, click.step);
        QCOMPARE(summary->firstMs, times.constFirst());
        QCOMPARE(summary->asOfMs, times.constLast());
        QVERIFY(session.analysisView()->currentRecord()->prompt.contains(
            QStringLiteral("Series: %1 ").arg(click.points)));
        session.screenshot(QStringLiteral("range-") + name);
    }
}

void TestMarketScenario::ethereumInEuro_analysisIsStoredAndShownForThatSelection()
{
    MarketSession session;
    QVERIFY(session.start());
    QVERIFY(!session.waitForRefreshes(1).isEmpty());
    session.choose(QStringLiteral("coinCombo"), QStringLiteral("ethereum"));
    session.choose(QStringLiteral("currencyCombo"), QStringLiteral("eur"));
    // Clicks within the settle time make one refresh, for the last selection.
    QSignalSpy started(session.app->refreshCoordinator(), &RefreshCoordinator::started);
    const QList<StepReport> reports = session.waitForRefreshes(2);
    QVERIFY(MarketSession::step(reports, StepNames::Analysis).ok);
    QVERIFY(!started.wait(PricePresenter::SelectionSettleMs + 200)); // a second one would have begun
    QCOMPARE(started.size(), 1);

    const std::optional<AnalysisRecord> shown = session.analysisView()->currentRecord();
    QVERIFY(shown.has_value());
    QCOMPARE(shown->coinId, QStringLiteral("ethereum"));
    QCOMPARE(shown->vsCurrency, QStringLiteral("eur"));
    QCOMPARE(shown->rangeKey, QStringLiteral("30d"));
    QVERIFY2(shown->prompt.contains(QStringLiteral("Asset: ethereum in EUR")), qPrintable(shown->prompt));
    QVERIFY(session.gemini.lastPrompt().contains(QStringLiteral("Asset: ethereum in EUR")));
    // The AI settings (one typed path from settings.ini) reach the request.
    const QJsonObject generation =
        session.gemini.lastRequestJson().value(QLatin1String("generationConfig")).toObject();
    QCOMPARE(generation.value(QLatin1String("temperature")).toDouble(), MarketSession::Temperature);
    QCOMPARE(generation.value(QLatin1String("maxOutputTokens")).toInt(), MarketSession::MaxOutputTokens);
    QVERIFY(!shown->prompt.contains(QLatin1String("bitcoin"), Qt::CaseInsensitive) ||
            shown->prompt.contains(QLatin1String("Demo: Bitcoin"))); // a headline may name it
    QVERIFY(session.analysisView()->findChild<QLabel *>(QStringLiteral("analysisSelectionLabel"))->text() ==
            QStringLiteral("Ethereum · EUR · 30D"));
    QVERIFY(session.analysisView()->currentMarkdown().contains(QStringLiteral("ethereum in EUR over 30d")));
    QCOMPARE(
        session.count(QStringLiteral("SELECT COUNT(*) FROM analyses WHERE coin_id = 'ethereum' AND "
                                     "vs_currency = 'eur' AND range_key = '30d' AND provider = 'gemini'")),
        1);
    // The prompt's quote is the header's: the simple/price snapshot of ethereum in EUR.
    QSqlQuery snapshot(session.db());
    QVERIFY(snapshot.exec(QStringLiteral("SELECT price, change_24h_pct FROM snapshots WHERE coin_id = "
                                         "'ethereum' AND vs_currency = 'eur'")) &&
            snapshot.next());
    const std::optional<MarketSummary> summary = shownSummary(session);
    QCOMPARE(summary->lastPrice, snapshot.value(0).toDouble());
    QCOMPARE(summary->change24hPct, std::optional<double>(snapshot.value(1).toDouble()));
    // No previous ethereum/EUR analysis: nothing is compared with bitcoin's.
    QVERIFY(session.analysisView()->findChild<QLabel *>(QStringLiteral("analysisSinceLabel"))->isHidden());
    QCOMPARE(session.window()->windowTitle(), QStringLiteral("Bitcoin Analyzer — demo data"));
    session.screenshot(QStringLiteral("ethereum-eur"));
}

void TestMarketScenario::reselecting_showsTheStoredAnalysisAtOnceWithoutAnAiRequest()
{
    MarketSession session;
    QVERIFY(session.start());
    QVERIFY(!session.waitForRefreshes(1).isEmpty());
    QTRY_VERIFY(session.analysisView()->currentRecord().has_value());
    const qint64 bitcoinAnalysis = session.analysisView()->currentRecord()->id;
    session.choose(QStringLiteral("coinCombo"), QStringLiteral("ethereum"));
    QVERIFY(!session.waitForRefreshes(2).isEmpty());
    const qint64 ethereumAnalysis = session.analysisView()->currentRecord()->id;
    QVERIFY(ethereumAnalysis != bitcoinAnalysis);
    const int requests = session.gemini.generateRequestCount();
    QCOMPARE(requests, 2);

    // Back to bitcoin: its analysis is on screen before any refresh has run.
    session.choose(QStringLiteral("coinCombo"), QStringLiteral("bitcoin"));
    QCOMPARE(session.analysisView()->currentRecord()->id, bitcoinAnalysis);
    QCOMPARE(session.analysisView()->currentRecord()->coinId, QStringLiteral("bitcoin"));
    QVERIFY(!session.waitForRefreshes(3).isEmpty());
    session.choose(QStringLiteral("coinCombo"), QStringLiteral("ethereum"));
    QCOMPARE(session.analysisView()->currentRecord()->id, ethereumAnalysis);
    QVERIFY(!session.waitForRefreshes(4).isEmpty());
    QCOMPARE(session.gemini.generateRequestCount(), requests);
    QCOMPARE(session.analysisView()->currentRecord()->id, ethereumAnalysis);
    // The same data again is the same analysis: nothing new was stored either.
    QCOMPARE(session.count(QStringLiteral("SELECT COUNT(*) FROM analyses")), 2);
    // The health panel counts the AI requests of the session.
    QCOMPARE(healthRequests(session, QStringLiteral("gemini")), QStringLiteral("2 / 0"));
}

void TestMarketScenario::firstRefresh_analysisWaitsForTheHeadlines()
{
    MarketSession session;
    QVERIFY(session.start());
    const QList<StepReport> reports = session.waitForRefreshes(1);
    QVERIFY(MarketSession::step(reports, StepNames::News).ok);
    QVERIFY(MarketSession::step(reports, StepNames::Analysis).ok);
    QCOMPARE(session.gemini.generateRequestCount(), 1); // nothing sent only to be cancelled
    const std::optional<AnalysisRecord> shown = session.analysisView()->currentRecord();
    QVERIFY(shown.has_value());
    QCOMPARE(shown->headlineState, QString(AnalysisRecord::HeadlinesFresh));
    const std::optional<MarketSummary> summary = shownSummary(session);
    QCOMPARE(summary->headlines.size(), 4);
    for (const SummaryHeadline &headline : summary->headlines) {
        QVERIFY2(headline.title.startsWith(QLatin1String("Demo: ")), qPrintable(headline.title));
        QVERIFY(shown->prompt.contains(headline.title));
    }
    QVERIFY(
        session.gemini.lastPrompt().contains(QStringLiteral("Demo: Bitcoin holds above its 30-day average")));
    QCOMPARE(session.analysisView()->findChild<QLabel *>(QStringLiteral("analysisHeadlinesLabel"))->text(),
             QStringLiteral("with 4 headline(s) from this refresh"));
}

void TestMarketScenario::slowNews_analysisStartsAtTheDeadlineWithStoredHeadlines()
{
    MarketSession session;
    // The news page and its feed answer after 8 s (routes added first win over the demo's own).
    session.newsSite.server().route(
        "GET", QString::fromLatin1(fakes::demo::FeedPath), [&session](const auto &) {
            fakes::FakeResponse slow = fakes::demo::feedResponse(session.newsSite);
            slow.delayMs = 8000;
            return slow;
        });
    session.newsSite.server().route("GET", QString::fromLatin1(fakes::demo::NewsPath), [](const auto &) {
        fakes::FakeResponse slow =
            fakes::FakeResponse::html(200, fakes::FakeNewsSite::page("Slow", "<main></main>"));
        slow.delayMs = 8000;
        return slow;
    });
    QVERIFY(session.start());
    QSignalSpy started(session.app->refreshCoordinator(), &RefreshCoordinator::stepStarted);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(started.cbegin(), started.cend(),
                    [](const QList<QVariant> &args) { return args.at(1).toString() == StepNames::Analysis; }),
        15000);
    const QList<StepReport> reports = session.waitForRefreshes(1);
    QVERIFY(MarketSession::step(reports, StepNames::News).ok);
    const std::optional<AnalysisRecord> shown = session.analysisView()->currentRecord();
    QVERIFY(shown.has_value());
    QCOMPARE(shown->headlineState, QString(AnalysisRecord::HeadlinesLate));
    QCOMPARE(shownSummary(session)->headlines.size(), 0); // nothing stored yet on a fresh profile
    QCOMPARE(session.analysisView()->findChild<QLabel *>(QStringLiteral("analysisHeadlinesLabel"))->text(),
             QStringLiteral("news was still loading: with 0 stored headline(s)"));
}

void TestMarketScenario::diskFull_failsThePriceStepAndKeepsTheRangeStale()
{
    MarketSession session;
    QVERIFY(session.start());
    QVERIFY(MarketSession::step(session.waitForRefreshes(1), StepNames::Prices).ok);
    QSqlQuery pragma(session.db());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA page_count")) && pragma.next());
    const int pages = pragma.value(0).toInt();
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));

    session.clickRange(ChartRange::Day); // 288 new 5-minute rows do not fit
    const StepReport prices = MarketSession::step(session.waitForRefreshes(2), StepNames::Prices);
    QVERIFY(!prices.ok);
    QCOMPARE(prices.error.kind, FetchError::Kind::StorageFailed);
    QVERIFY2(prices.error.userMessage.contains(QLatin1String("could not be saved")),
             qPrintable(prices.error.userMessage));
    QVERIFY(session.chart()->errorText().contains(QLatin1String("could not be saved")));
    QVERIFY(session.window()->refreshState().contains(QLatin1String("prices")));
    QCOMPARE(
        session.count(QStringLiteral("SELECT COUNT(*) FROM fetch_log WHERE range_key = 'market_chart:5m'")),
        0);
    QCOMPARE(session.count(QStringLiteral("SELECT COUNT(*) FROM prices WHERE resolution_ms = 300000")), 0);
    QVERIFY(!session.chart()->hasData());

    // Not fresh, so the next refresh tries again; with room again, the range fills.
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
    const int before = session.coinGecko.requestCount(QStringLiteral("/coins/bitcoin/market_chart"));
    QAction *refresh = session.window()->findChild<QAction *>(QStringLiteral("actionRefresh"));
    QCOMPARE(refresh->shortcut(), QKeySequence(Qt::Key_F5));
    refresh->trigger();
    QVERIFY(MarketSession::step(session.waitForRefreshes(3), StepNames::Prices).ok);
    QCOMPARE(session.coinGecko.requestCount(QStringLiteral("/coins/bitcoin/market_chart")), before + 1);
    QCOMPARE(session.count(QStringLiteral("SELECT COUNT(*) FROM prices WHERE resolution_ms = 300000")), 289);
    QVERIFY(session.chart()->hasData());
}

void TestMarketScenario::choices_areShownAgainAtTheNextStart()
{
    MarketSession session;
    QVERIFY(session.start());
    QVERIFY(!session.waitForRefreshes(1).isEmpty());
    session.clickRange(ChartRange::Quarter);
    session.choose(QStringLiteral("coinCombo"), QStringLiteral("ethereum"));
    session.choose(QStringLiteral("currencyCombo"), QStringLiteral("eur"));
    QVERIFY(!session.waitForRefreshes(2).isEmpty());
    QTest::mouseClick(session.chart()->findChild<QAbstractButton *>(QStringLiteral("candlesModeButton")),
                      Qt::LeftButton);
    QTest::mouseClick(session.chart()->findChild<QAbstractButton *>(
                          QStringLiteral("overlay%1").arg(int(ChartOverlay::Volume))),
                      Qt::LeftButton);
    QTest::mouseClick(session.chart()->findChild<QAbstractButton *>(
                          QStringLiteral("overlay%1").arg(int(ChartOverlay::Bollinger))),
                      Qt::LeftButton);
    QCOMPARE(session.chart()->mode(), ChartMode::Candles);
    QCOMPARE(session.chart()->visibleOverlays(), QList<ChartOverlay>{ChartOverlay::Bollinger});

    QVERIFY(session.restart());
    PriceChartView *chart = session.chart();
    QCOMPARE(chart->range(), ChartRange::Quarter);
    QCOMPARE(chart->currentCoin(), QStringLiteral("ethereum"));
    QCOMPARE(chart->currentCurrency(), QStringLiteral("eur"));
    QCOMPARE(chart->mode(), ChartMode::Candles);
    QCOMPARE(chart->visibleOverlays(), QList<ChartOverlay>{ChartOverlay::Bollinger});
    // The stored data and analysis of that selection are on screen before any request.
    QVERIFY(chart->hasData());
    QCOMPARE(session.analysisView()->currentRecord()->selection(),
             (MarketSelection{QStringLiteral("ethereum"), QStringLiteral("eur"), QStringLiteral("90d")}));
    QVERIFY(!session.waitForRefreshes(1).isEmpty());

    // The command line still wins over what was remembered.
    QVERIFY(session.restart({QStringLiteral("--coin"), QStringLiteral("bitcoin")}));
    QCOMPARE(session.chart()->currentCoin(), QStringLiteral("bitcoin"));
    QCOMPARE(session.chart()->currentCurrency(), QStringLiteral("eur"));
    QVERIFY(!session.waitForRefreshes(1).isEmpty());
}

BA_WEBENGINE_TEST_MAIN_WITH(QApplication, TestMarketScenario)
#include "tst_marketscenario.moc"
