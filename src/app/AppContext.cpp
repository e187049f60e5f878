#include "app/AppContext.h"

#include "app/AnalysisFeature.h"
#include "app/NewsFeature.h"
#include "app/SettingsFeature.h"
#include "domain/SourceIds.h"
#include "gui/AboutDialog.h"
#include "gui/AnalysisView.h"
#include "gui/DatabaseRecovery.h"
#include "gui/DiagnosticReportDialog.h"
#include "gui/HealthPanel.h"
#include "gui/LogDock.h"
#include "gui/MainWindow.h"
#include "gui/NewsView.h"
#include "gui/PriceChartView.h"
#include "gui/PricePresenter.h"
#include "gui/TroubleshootingDialog.h"
#include "logging/LogHub.h"
#include "net/CoinGeckoClient.h"
#include "net/HttpClient.h"
#include "news/RssSource.h"
#include "services/AnalysisService.h"
#include "services/AppSettings.h"
#include "services/CoinCatalog.h"
#include "services/CoinGeckoPlanRules.h"
#include "services/DemoDataWatch.h"
#include "services/DiagnosticReport.h"
#include "services/KeyStore.h"
#include "services/NewsService.h"
#include "services/PriceService.h"
#include "services/RefreshCoordinator.h"
#include "services/RefreshOutcome.h"
#include "services/SourceMetrics.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTime>
#include <QTimer>
#include <memory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.app.context")
} // namespace

namespace ba {

namespace {
constexpr int RecentHeadlinesForAnalysis = 10;
// The start-up refresh waits for the keychain (the CoinGecko and Gemini keys may be there) at most this
// long: a request sent without the key would be sent again, or cancelled, once the key arrives.
constexpr int KeysWaitMs = 3000;
} // namespace

AppContext::AppContext(AppConfig config, std::unique_ptr<QSettings> settings, LogHub &logHub, Clock clock,
                       QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_logHub(logHub), m_clock(std::move(clock)),
      m_settings(std::move(settings)),
      m_appSettings(std::make_unique<AppSettings>(m_settings.get(), m_config.geminiModel)),
      m_database(std::make_unique<Database>())
{}

AppContext::~AppContext() = default; // members go in reverse order of declaration (see the header)

bool AppContext::start()
{
    if (!DatabaseRecovery::open(*m_database, m_config.databasePath(),
                                {m_config.resetDatabase, m_config.interactive})) {
        return false;
    }
    buildServices();
    buildWindow();
    m_window->show();
    qCInfo(lc) << "main window shown";
    if (m_config.offline) {
        m_window->showStatus(tr("Offline: showing cached data only."));
        m_window->setRefreshState(tr("Offline"));
    } else {
        refreshOnceKeysAreLoaded();
    }
    return true;
}

void AppContext::refreshOnceKeysAreLoaded()
{
    const KeyStore *keys = m_settingsFeature->keys();
    if (keys->isLoaded()) {
        m_refresh->refresh(RefreshCoordinator::Trigger::StartUp);
        return;
    }
    // applySettings() hears KeyStore::loaded first (connected earlier), so the keys are in place.
    const auto started = std::make_shared<bool>(false);
    const auto startOnce = [this, started] {
        if (!std::exchange(*started, true)) {
            m_refresh->refresh(RefreshCoordinator::Trigger::StartUp);
        }
    };
    connect(keys, &KeyStore::loaded, this, startOnce, Qt::SingleShotConnection);
    QTimer::singleShot(KeysWaitMs, this, startOnce);
}

void AppContext::buildServices()
{
    m_settingsFeature = std::make_unique<SettingsFeature>(m_config, m_appSettings.get());
    m_priceStore = std::make_unique<PriceStore>(m_database->connection());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_network.get());
    m_coinGecko = std::make_unique<CoinGeckoClient>(
        m_http.get(),
        coinGeckoClientConfig(m_config.coingeckoUrl, m_appSettings->coinGeckoPlan(), m_config.coingeckoApiKey,
                              m_appSettings->coinGeckoRequestsPerMinute()));

    m_prices = std::make_unique<PriceService>(m_coinGecko.get(), m_priceStore.get(), m_clock);
    m_prices->setOffline(m_config.offline);
    m_prices->select(m_config.coin, m_config.currency, m_appSettings->chartRange());
    m_refresh = std::make_unique<RefreshCoordinator>();
    m_prices->attachTo(m_refresh.get());

    m_analysis = std::make_unique<AnalysisFeature>(m_config, m_appSettings.get(), m_database->connection(),
                                                   m_http.get(), m_prices.get());
    m_news = std::make_unique<NewsFeature>(m_config, m_database->connection(), m_http.get());
    if (m_clock) {
        m_analysis->service()->setClock(m_clock);
        m_news->service()->setClock(m_clock);
    }
    m_news->attach(m_refresh.get());
    m_analysis->attach(m_refresh.get(), [this] { return m_news->recent(RecentHeadlinesForAnalysis); });
    buildMetrics();

    connect(&m_autoRefresh, &QTimer::timeout, this,
            [this] { m_refresh->refresh(RefreshCoordinator::Trigger::Timer); });
    connect(m_refresh.get(), &RefreshCoordinator::finished, this, &AppContext::onRefreshFinished);
}

void AppContext::buildMetrics()
{
    m_metrics = std::make_unique<SourceMetrics>();
    m_metrics->addSource(SourceIds::CoinGecko);
    m_metrics->addSource(SourceIds::NewsBrowser);
    // One health row per enabled feed, after the browser row it stands in for.
    for (const NewsSiteProfile &feed :
         m_news->service()->config().enabledOfKind(NewsSiteProfile::Kind::Rss)) {
        const bool saysRss = feed.name.contains(QLatin1String("RSS"), Qt::CaseInsensitive);
        m_metrics->addSource(RssSource::metricsSource(feed),
                             saysRss ? feed.name : tr("%1 (RSS)").arg(feed.name));
    }
    m_metrics->addSource(SourceIds::Gemini);
    m_metrics->attach(m_http.get());
    m_demoWatch = std::make_unique<DemoDataWatch>();
    m_demoWatch->attach(m_http.get());
    m_metrics->setRateLimiter(SourceIds::CoinGecko, m_coinGecko->rateLimiter());
    connect(m_refresh.get(), &RefreshCoordinator::stepFinished, m_metrics.get(),
            [this](const QString &, const StepReport &report) { m_metrics->recordStep(report); });
    connect(m_news->service(), &NewsService::browserScraped, m_metrics.get(),
            [this](qint64 latencyMs, const FetchError &error, const QUrl &page) {
                m_metrics->recordOutcome(SourceIds::NewsBrowser, latencyMs, error, page);
            });
}

void AppContext::buildWindow()
{
    auto *chart = new PriceChartView;
    chart->setCurrencies({QStringLiteral("usd"), QStringLiteral("eur"), QStringLiteral("gbp"),
                          QStringLiteral("jpy"), QStringLiteral("chf"), QStringLiteral("cad")});

    MainWindow::Parts parts;
    parts.priceView = chart;
    auto *newsView = new NewsView;
    newsView->bindTo(m_news->service());
    parts.newsView = newsView;
    auto *analysisView = new AnalysisView;
    analysisView->bindTo(m_analysis->service());
    parts.analysisView = analysisView;
    parts.logDock = new LogDock(&m_logHub);
    m_window = std::make_unique<MainWindow>(parts, m_appSettings.get());
    m_pricePresenter =
        new PricePresenter(m_prices.get(), m_refresh.get(), chart, m_window.get(), m_window.get());
    auto *coins = new CoinCatalog(m_coinGecko.get(), m_appSettings.get(), m_pricePresenter);
    coins->setOffline(m_config.offline);
    m_pricePresenter->bindCoinCatalog(coins);
    rememberChartChoices(chart);
    connect(m_demoWatch.get(), &DemoDataWatch::demoDataSeen, m_window.get(),
            [this] { m_window->setDemoData(true); });
    wireWindow();
    m_settingsFeature->loadKeys();
    addObservability();
}

// The range, chart type, overlays, coin and currency picked in the window are shown again at the
// next start (the coin and currency below --coin and --currency).
void AppContext::rememberChartChoices(PriceChartView *chart)
{
    chart->setMode(m_appSettings->chartMode());
    if (const auto overlays = m_appSettings->chartOverlays()) {
        for (ChartOverlay overlay :
             {ChartOverlay::Volume, ChartOverlay::Sma20, ChartOverlay::Ema50, ChartOverlay::Bollinger}) {
            chart->setOverlayVisible(overlay, overlays->contains(overlay));
        }
    }
    connect(chart, &PriceChartView::rangeChanged, this,
            [this](ChartRange range) { m_appSettings->setChartRange(range); });
    connect(chart, &PriceChartView::modeChanged, this,
            [this](ChartMode mode) { m_appSettings->setChartMode(mode); });
    connect(chart, &PriceChartView::overlayChanged, this,
            [this, chart] { m_appSettings->setChartOverlays(chart->visibleOverlays()); });
    const auto rememberMarket = [this, chart] {
        m_appSettings->setSelectedMarket(chart->currentCoin(), chart->currentCurrency());
    };
    connect(chart, &PriceChartView::coinChanged, this, rememberMarket);
    connect(chart, &PriceChartView::currencyChanged, this, rememberMarket);
}

void AppContext::wireWindow()
{
    connect(m_window.get(), &MainWindow::refreshRequested, this, [this] {
        if (m_config.offline) {
            m_window->showStatus(tr("Offline mode: refreshing is switched off (started with --offline)."),
                                 5000);
            return;
        }
        m_refresh->refresh(RefreshCoordinator::Trigger::User, /*force=*/true);
    });
    connect(m_window.get(), &MainWindow::aboutRequested, this,
            [this] { AboutDialog(m_window.get()).exec(); });
    connect(m_window.get(), &MainWindow::settingsRequested, this, &AppContext::openSettings);
    connect(m_settingsFeature.get(), &SettingsFeature::applied, this, &AppContext::applySettings);
    connect(m_settingsFeature.get(), &SettingsFeature::message, m_window.get(),
            [this](const QString &text) { m_window->showStatus(text, 10000); });
    connect(m_refresh.get(), &RefreshCoordinator::started, this,
            [this](const QString &id) { m_window->setRefreshState(tr("Refreshing… (%1)").arg(id)); });
}

void AppContext::startAutoRefresh()
{
    const int minutes = m_appSettings->refreshIntervalMinutes();
    m_metrics->setStaleAfter(SourceMetrics::staleAfterForRefresh(minutes));
    m_autoRefresh.stop();
    if (minutes <= 0 || m_config.offline) {
        return;
    }
    m_autoRefresh.setInterval(minutes * 60 * 1000);
    m_autoRefresh.start();
}

void AppContext::applySettings()
{
    const KeyStore *keys = m_settingsFeature->keys();
    m_analysis->reconfigure(keys->key(ApiKey::Gemini), m_appSettings->geminiModel());
    m_coinGecko->setConfig(coinGeckoClientConfig(m_config.coingeckoUrl, m_appSettings->coinGeckoPlan(),
                                                 keys->key(ApiKey::CoinGecko),
                                                 m_appSettings->coinGeckoRequestsPerMinute()));
    m_logHub.setSecrets({keys->key(ApiKey::Gemini), keys->key(ApiKey::CoinGecko)});
    m_news->service()->setRetentionDays(m_appSettings->newsRetentionDays());
    startAutoRefresh();
}

void AppContext::openSettings()
{
    m_settingsFeature->openDialog(m_window.get(), m_news->service(),
                                  [this](std::function<void(QStringList, QString)> done) {
                                      const AiSettings ai = m_appSettings->aiSettings();
                                      m_analysis->listModels(ai.provider == AiProviderKind::OpenAiCompatible,
                                                             m_settingsFeature->keys()->key(ApiKey::Gemini),
                                                             ai.openaiBaseUrl, std::move(done));
                                  });
}

void AppContext::onRefreshFinished(const QString &id, const QList<StepReport> &reports, qint64 totalMs)
{
    RefreshOutcome outcome{id, QLocale().toString(QTime::currentTime(), QLocale::ShortFormat), totalMs,
                           reports, [this](const QString &step) {
                               if (step == u"prices") {
                                   return !m_prices->data().prices.isEmpty() ||
                                          !m_prices->data().candles.isEmpty();
                               }
                               if (step == u"news") {
                                   return !m_news->recent(1).isEmpty();
                               }
                               return step == u"analysis" && !m_analysis->service()->history(1).isEmpty();
                           }};
    m_window->setRefreshState(outcome.text());
}

void AppContext::addObservability()
{
    m_healthPanel = new HealthPanel(m_metrics.get(), m_window.get());
    m_healthPanel->setObjectName(QStringLiteral("healthPanel"));
    m_window->addBottomDock(m_healthPanel, tr("&Health"), QKeySequence(tr("Ctrl+H")));

    m_window->helpMenu()->addSeparator();
    m_window->helpMenu()->addAction(tr("&Troubleshooting Guide"), this,
                                    [this] { TroubleshootingDialog(m_window.get()).exec(); });
    m_window->helpMenu()->addAction(tr("Save &Diagnostic Report…"), this, [this] {
        const QString path = saveDiagnosticReport(m_window.get(), [this] {
            return DiagnosticReport::gather(m_config, m_metrics.get(), &m_logHub, m_database.get());
        });
        if (!path.isEmpty()) {
            m_window->showStatus(tr("Diagnostic report saved to %1.").arg(path), 8000);
        }
    });
    connect(m_refresh.get(), &RefreshCoordinator::finished, m_healthPanel, [this] {
        m_healthPanel->setNextRefresh(
            m_autoRefresh.isActive() ? QDateTime::currentDateTime().addMSecs(m_autoRefresh.remainingTime())
                                     : QDateTime());
    });
}

} // namespace ba
