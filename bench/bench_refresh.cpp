// A full refresh as a dependency graph: prices and news start together, the analysis waits for both.
// With slow loopback fakes (CoinGecko 1 s, the news feed 1.5 s, Gemini 2 s) the refresh should take
// its longest chain, max(prices, news) + analysis = 3.5 s, not the sum of its steps (4.5 s).
//
// The pipeline is the application's: PriceService, NewsFeature (one RSS profile) and AnalysisFeature
// (Gemini) on the real HttpClient and SQLite, plugged into RefreshCoordinator as AppContext does.
// Baseline in the same run: the same refresh with fakes that answer at once (the pipeline's own cost).
#include "BenchStats.h"
#include "app/AnalysisFeature.h"
#include "app/NewsFeature.h"
#include "fakes/DemoMarket.h"
#include "fakes/FakeGemini.h"
#include "fakes/LoopbackPrices.h"
#include "services/AppSettings.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QSettings>

namespace {

using namespace ba;

constexpr int kPricesMs = 1000;
constexpr int kNewsMs = 1500;
constexpr int kAiMs = 2000;
constexpr int kRuns = 5;
constexpr double kAllowedOverChain = 1.10;

struct Pipeline
{
    fakes::LoopbackPrices prices;
    fakes::FakeGemini gemini;
    fakes::FakeNewsSite newsSite;
    std::unique_ptr<QSettings> ini;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<NewsFeature> news;
    std::unique_ptr<AnalysisFeature> analysis;
    qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    int newsDelayMs = 0;

    bool setUp(bool slow)
    {
        prices.clock = [this] { return nowMs; };
        if (!prices.setUp() || !gemini.listen() || !newsSite.listen()) {
            return false;
        }
        fakes::demo::setUp(prices.coinGecko, gemini, newsSite);
        newsSite.server().route("GET", QStringLiteral("/slow-feed/"), [this](const fakes::FakeRequest &) {
            fakes::FakeResponse feed = fakes::demo::feedResponse(newsSite);
            feed.delayMs = newsDelayMs;
            return feed;
        });
        if (slow) {
            prices.coinGecko.setFailure(fakes::FakeCoinGecko::Failure::SlowResponse);
            prices.coinGecko.setSlowDelayMs(kPricesMs);
            gemini.setDelayMs(kAiMs);
            newsDelayMs = kNewsMs;
        }
        AppConfig config;
        config.dataDir = prices.dir.path();
        config.newsConfigPath = prices.dir.filePath(QStringLiteral("news-sites.json"));
        QFile profiles(config.newsConfigPath);
        const QByteArray json = R"json({"sites":[{"id":"feed","name":"Feed","kind":"rss","url":")json" +
                                newsSite.url(QStringLiteral("/slow-feed/")).toEncoded() + "\"}]}";
        if (!profiles.open(QIODevice::WriteOnly) || profiles.write(json) != json.size()) {
            return false;
        }
        profiles.close();
        config.geminiUrl = gemini.baseUrl();
        config.geminiModel = QStringLiteral("gemini-2.5-flash");
        config.geminiApiKey = QStringLiteral("bench-key");
        config.language = QStringLiteral("en");
        ini = std::make_unique<QSettings>(prices.dir.filePath(QStringLiteral("settings.ini")),
                                          QSettings::IniFormat);
        settings = std::make_unique<AppSettings>(ini.get());
        news = std::make_unique<NewsFeature>(config, prices.db.connection(), prices.http.get());
        news->attach(prices.refresh.get());
        analysis = std::make_unique<AnalysisFeature>(config, settings.get(), prices.db.connection(),
                                                     prices.http.get(), prices.prices.get());
        analysis->attach(prices.refresh.get(), [this] { return news->recent(10); });
        return true;
    }

    // One forced refresh of new market data (an hour later each time, so the AI is asked again).
    // Returns the reports, or none when it did not finish.
    QList<StepReport> refreshOnce()
    {
        nowMs += 3600 * 1000;
        prices.coinGecko.setNowMs(nowMs);
        QSignalSpy finished(prices.refresh.get(), &RefreshCoordinator::finished);
        prices.refresh->refresh(RefreshCoordinator::Trigger::User, /*force=*/true);
        if (!finished.wait(30000)) {
            return {};
        }
        return finished.constFirst().at(1).value<QList<StepReport>>();
    }

    ~Pipeline()
    {
        analysis.reset();
        news.reset();
    }
};

// Wall time of each refresh, and the latencies its steps reported (summed per run).
struct Runs
{
    bench::Samples total;
    QList<double> stepSum;
    bool ok = true;
};

Runs measureRefreshes(Pipeline &pipeline, int runs)
{
    Runs result;
    pipeline.refreshOnce(); // warm-up: connections, SQLite pages, first requests
    for (int i = 0; i < runs && result.ok; ++i) {
        QList<StepReport> reports;
        bench::measure(&result.total, [&] { reports = pipeline.refreshOnce(); });
        double sum = 0;
        for (const StepReport &report : reports) {
            if (!report.ok || report.skipped) {
                std::printf("  step %s: %s %s\n", qPrintable(report.step), report.ok ? "skipped" : "failed",
                            qPrintable(report.ok ? report.note : report.error.userMessage));
                result.ok = false;
            }
            sum += double(report.latencyMs);
        }
        result.ok = result.ok && reports.size() == 3;
        result.stepSum.append(sum);
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("ba.*.debug=false\nba.*.info=false\nqt.*=false"));
    qRegisterMetaType<QList<StepReport>>();
    using namespace ba::bench;
    header("bench_refresh", "a full refresh with slow fakes: prices 1 s, news 1.5 s, AI 2 s");

    // One pipeline at a time: each owns the same named database connection.
    const auto run = [](bool slow) {
        Pipeline pipeline;
        if (!pipeline.setUp(slow)) {
            std::printf("  cannot set up the loopback pipeline\n");
            return Runs{{}, {}, false};
        }
        return measureRefreshes(pipeline, kRuns);
    };
    const Runs baseline = run(false);
    const Runs measured = run(true);
    if (!baseline.ok || !measured.ok) {
        std::printf("  a refresh failed or did not finish\n");
        return 1;
    }
    const double chainMs = std::max(kPricesMs, kNewsMs) + kAiMs;
    const double sumMs = kPricesMs + kNewsMs + kAiMs;
    printSamples("baseline: the refresh with instant fakes", baseline.total);
    printSamples("refresh with slow fakes", measured.total);
    printValue("longest chain: max(prices, news) + analysis", chainMs, "ms");
    printValue("sum of the steps as configured", sumMs, "ms");
    printValue("sum of the steps as reported (median)", median(measured.stepSum), "ms");
    const double ratio = median(measured.total.wall) / chainMs;
    printValue("ratio refresh / longest chain", ratio, "x");
    printValue("ratio refresh / sum of the steps", median(measured.total.wall) / sumMs, "x");
    printValue("overhead over the chain, minus the baseline",
               median(measured.total.wall) - chainMs - median(baseline.total.wall), "ms");
    const bool met = verdict("refresh <= longest chain + 10 %", ratio <= kAllowedOverChain,
                             median(measured.total.wall), median(measured.total.cpu), "ms");
    return met ? 0 : 1;
}
