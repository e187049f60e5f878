#include "app/AppContext.h"

#include "app/AnalysisFeature.h"
#include "app/NewsFeature.h"
#include "app/SettingsFeature.h"
#include "gui/AboutDialog.h"
#include "gui/AnalysisView.h"
#include "gui/DiagnosticReportDialog.h"
#include "gui/EmptyStateWidget.h"
#include "gui/HealthPanel.h"
#include "gui/LogDock.h"
#include "gui/MainWindow.h"
#include "gui/MarkdownRenderer.h"
#include "gui/NewsView.h"
#include "gui/PriceChartView.h"
#include "gui/PricePresenter.h"
#include "logging/LogHub.h"
#include "net/CoinGeckoClient.h"
#include "net/HttpClient.h"
#include "news/RssSource.h"
#include "services/AppSettings.h"
#include "services/CoinCatalog.h"
#include "services/DiagnosticReport.h"
#include "services/KeyStore.h"
#include "services/NewsService.h"
#include "services/PriceService.h"
#include "services/RefreshCoordinator.h"
#include "services/SourceMetrics.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTime>
#include <QVBoxLayout>
#include <cstdio>

Q_LOGGING_CATEGORY(lcContext, "ba.app.context")

namespace ba {

namespace {

// The plan decides host, key header and budget; a key with no chosen plan is most likely a free Demo key.
CoinGeckoClient::Config coinGeckoConfig(const AppConfig &config, CoinGeckoPlan plan, const QString &key,
                                        int requestsPerMinute)
{
    CoinGeckoClient::Config gecko;
    gecko.apiKey = key;
    gecko.plan = key.isEmpty() ? CoinGeckoPlan::Keyless
                               : (plan == CoinGeckoPlan::Keyless ? CoinGeckoPlan::Demo : plan);
    const bool defaultHost = config.coingeckoUrl == QUrl(QString::fromLatin1(ConfigDefaults::CoinGeckoUrl));
    gecko.baseUrl = gecko.plan == CoinGeckoPlan::Pro && defaultHost
                        ? CoinGeckoClient::defaultBaseUrl(CoinGeckoPlan::Pro)
                        : config.coingeckoUrl;
    if (requestsPerMinute > 0) {
        gecko.budget = RateLimiter::Budget{requestsPerMinute, 60000};
    }
    return gecko;
}

} // namespace

AppContext::AppContext(AppConfig config, std::unique_ptr<QSettings> settings, LogHub &logHub, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_settings(std::move(settings)), m_logHub(logHub),
      m_database(std::make_unique<Database>())
{}

AppContext::~AppContext()
{
    // Views and services go before the store, the store before the database connection.
    m_autoRefresh.stop();
    m_window.reset();
    delete m_analysis;
    delete m_news;
    delete m_settingsFeature;
    delete m_metrics;
    delete m_refresh;
    delete m_prices;
    delete m_coinGecko;
    delete m_http; // aborts what is still running
    delete m_network;
    m_priceStore.reset();
    m_database->close();
}

bool AppContext::start()
{
    if (!openDatabase()) {
        return false;
    }
    buildServices();
    buildWindow();
    m_window->show();
    qCInfo(lcContext) << "main window shown";
    if (m_config.offline) {
        m_window->showStatus(tr("Offline: showing cached data only."));
        m_window->setRefreshState(tr("Offline"));
    } else {
        m_refresh->refresh(RefreshCoordinator::Trigger::StartUp);
    }
    return true;
}

bool AppContext::openDatabase()
{
    const QString path = m_config.databasePath();
    Database::OpenResult result = m_database->open(path);
    if (result.status == Database::OpenStatus::Ok) {
        return true;
    }
    qCCritical(lcContext).noquote() << "Database" << path << "unusable:" << result.detail;
    if (result.status != Database::OpenStatus::NotADatabase) {
        tellUser(result.message);
        return false;
    }
    // A damaged file is kept: the user may start afresh while it stays, renamed, beside the new one.
    if (!m_config.resetDatabase && !askToStartAfresh(result.message)) {
        return false;
    }
    QString error;
    const QString keptAs = Database::setAsideDamagedFile(path, &error);
    if (keptAs.isEmpty()) {
        tellUser(tr("The damaged database could not be moved aside: %1").arg(error));
        return false;
    }
    qCWarning(lcContext).noquote() << "Damaged database kept as" << keptAs;
    result = m_database->open(path);
    if (result.status != Database::OpenStatus::Ok) {
        tellUser(result.message);
        return false;
    }
    return true;
}

bool AppContext::hasDisplay()
{
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

// Without a display nobody can answer a dialog: the message goes to the standard error instead.
void AppContext::tellUser(const QString &message)
{
    if (hasDisplay()) {
        QMessageBox::critical(nullptr, tr("Bitcoin Analyzer"), message);
        return;
    }
    std::fprintf(stderr, "%s\n", qPrintable(message));
    std::fflush(stderr);
}

bool AppContext::askToStartAfresh(const QString &message)
{
    if (!hasDisplay()) {
        tellUser(message + QLatin1Char(' ') +
                 tr("To start with an empty database, run the application again with --reset-database; the "
                    "damaged file is kept, renamed, in the same folder."));
        return false;
    }
    QMessageBox box(QMessageBox::Warning, tr("Bitcoin Analyzer"), message);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(tr("You can start with a fresh database; the damaged file will be kept, renamed, "
                              "in the same folder."));
    QPushButton *fresh = box.addButton(tr("Start With a Fresh Database"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == fresh;
}

void AppContext::buildServices()
{
    m_settingsFeature = new SettingsFeature(m_config, m_settings.get());
    m_priceStore = std::make_unique<PriceStore>(m_database->connection());
    m_network = new QNetworkAccessManager;
    m_http = new HttpClient(m_network);

    const AppSettings *appSettings = m_settingsFeature->settings();
    const CoinGeckoClient::Config geckoConfig =
        coinGeckoConfig(m_config, appSettings->coinGeckoPlan(), m_config.coingeckoApiKey,
                        appSettings->coinGeckoRequestsPerMinute());
    m_coinGecko = new CoinGeckoClient(m_http, geckoConfig);

    m_prices = new PriceService(m_coinGecko, m_priceStore.get());
    m_prices->setOffline(m_config.offline);
    const auto range = static_cast<PriceRange>(
        qBound(0, m_settings->value(QStringLiteral("chart/range"), int(PriceRange::Month)).toInt(),
               int(PriceRange::Max)));
    m_prices->select(m_config.coin, m_config.currency, range);

    m_refresh = new RefreshCoordinator(m_prices);
    m_metrics = new SourceMetrics;
    for (const char *source : {"coingecko", "news-browser"}) {
        m_metrics->addSource(QString::fromLatin1(source));
    }
    m_metrics->attach(m_http);
    m_metrics->setRateLimiter(QStringLiteral("coingecko"), m_coinGecko->rateLimiter());
    connect(m_refresh, &RefreshCoordinator::stepFinished, m_metrics,
            [this](const QString &, const StepReport &report) { m_metrics->recordStep(report); });
    m_analysis =
        new AnalysisFeature(m_config, m_settings.get(), m_database->connection(), m_http, m_priceStore.get());
    m_news = new NewsFeature(m_config, m_database->connection(), m_http);
    m_news->attach(m_refresh);
    // One health row per enabled feed, after the browser row it stands in for.
    for (const NewsSiteProfile &feed :
         m_news->service()->config().enabledOfKind(NewsSiteProfile::Kind::Rss)) {
        const bool saysRss = feed.name.contains(QLatin1String("RSS"), Qt::CaseInsensitive);
        m_metrics->addSource(RssSource::metricsSource(feed),
                             saysRss ? feed.name : tr("%1 (RSS)").arg(feed.name));
    }
    m_metrics->addSource(QStringLiteral("gemini"));
    connect(m_news->service(), &NewsService::browserScraped, m_metrics,
            [this](qint64 latencyMs, const FetchError &error, const QUrl &page) {
                m_metrics->recordOutcome(QStringLiteral("news-browser"), latencyMs, error, page);
            });
    m_analysis->attach(m_refresh, [this] { return m_news->recent(10); });
    connect(&m_autoRefresh, &QTimer::timeout, this,
            [this] { m_refresh->refresh(RefreshCoordinator::Trigger::Timer); });
    connect(m_refresh, &RefreshCoordinator::finished, this, &AppContext::onRefreshFinished);
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
    m_window = std::make_unique<MainWindow>(parts, m_settings.get());
    m_pricePresenter = new PricePresenter(m_prices, m_refresh, chart, m_window.get(), m_window.get());
    auto *coins = new CoinCatalog(m_coinGecko, m_settings.get(), m_pricePresenter);
    coins->setOffline(m_config.offline);
    m_pricePresenter->bindCoinCatalog(coins);

    connect(m_window.get(), &MainWindow::refreshRequested, this, [this] {
        if (m_config.offline) {
            m_window->showStatus(tr("Offline mode: refreshing is switched off (started with --offline)."),
                                 5000);
            return;
        }
        m_refresh->refresh(RefreshCoordinator::Trigger::User, /*force=*/true);
    });
    connect(m_window.get(), &MainWindow::aboutRequested, this, &AppContext::showAbout);
    connect(m_window.get(), &MainWindow::settingsRequested, this, &AppContext::openSettings);
    connect(m_settingsFeature, &SettingsFeature::applied, this, &AppContext::applySettings);
    connect(m_settingsFeature, &SettingsFeature::message, m_window.get(),
            [this](const QString &text) { m_window->showStatus(text, 10000); });
    m_settingsFeature->loadKeys();
    addObservability();
    connect(chart, &PriceChartView::rangeChanged, this,
            [this](ChartRange range) { m_settings->setValue(QStringLiteral("chart/range"), int(range)); });
    connect(m_refresh, &RefreshCoordinator::started, this,
            [this](const QString &id) { m_window->setRefreshState(tr("Refreshing… (%1)").arg(id)); });
}

void AppContext::startAutoRefresh()
{
    const int minutes = m_settingsFeature->settings()->refreshIntervalMinutes();
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
    const AppSettings *settings = m_settingsFeature->settings();
    const KeyStore *keys = m_settingsFeature->keys();
    m_analysis->reconfigure(keys->key(ApiKey::Gemini), settings->geminiModel());

    const CoinGeckoClient::Config gecko =
        coinGeckoConfig(m_config, settings->coinGeckoPlan(), keys->key(ApiKey::CoinGecko),
                        settings->coinGeckoRequestsPerMinute());
    m_coinGecko->setConfig(gecko);
    m_coinGecko->rateLimiter()->setBudget(gecko.budget.value_or(CoinGeckoClient::defaultBudget(gecko.plan)));
    m_logHub.setSecrets({keys->key(ApiKey::Gemini), keys->key(ApiKey::CoinGecko)});
    m_news->service()->setRetentionDays(settings->newsRetentionDays());
    startAutoRefresh();
}

void AppContext::openSettings()
{
    m_settingsFeature->openDialog(m_window.get(), m_news->service(),
                                  [this](std::function<void(QStringList, QString)> done) {
                                      const AiSettings ai = m_settingsFeature->settings()->aiSettings();
                                      m_analysis->listModels(ai.provider == AiProviderKind::OpenAiCompatible,
                                                             m_settingsFeature->keys()->key(ApiKey::Gemini),
                                                             ai.openaiBaseUrl, std::move(done));
                                  });
}

void AppContext::onRefreshFinished(const QString &id, const QList<StepReport> &reports, qint64 totalMs)
{
    const QString time = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    QStringList failed;
    for (const StepReport &report : reports) {
        if (!report.ok) {
            failed << report.step;
        }
    }
    if (failed.isEmpty()) {
        m_window->setRefreshState(tr("Updated %1 in %2 ms (%3)").arg(time).arg(totalMs).arg(id));
    } else {
        m_window->setRefreshState(tr("Refresh %1 at %2: %3 failed; cached data shown")
                                      .arg(id, time, failed.join(QStringLiteral(", "))));
    }
}

void AppContext::addObservability()
{
    m_healthPanel = new HealthPanel(m_metrics, m_window.get());
    m_healthPanel->setObjectName(QStringLiteral("healthPanel"));
    m_window->addBottomDock(m_healthPanel, tr("&Health"), QKeySequence(tr("Ctrl+H")));

    m_window->helpMenu()->addSeparator();
    m_window->helpMenu()->addAction(tr("&Troubleshooting Guide"), this, &AppContext::showTroubleshooting);
    m_window->helpMenu()->addAction(tr("Save &Diagnostic Report…"), this, [this] {
        const QString path = saveDiagnosticReport(m_window.get(), [this] {
            return DiagnosticReport::gather(m_config, m_metrics, &m_logHub, m_database.get());
        });
        if (!path.isEmpty()) {
            m_window->showStatus(tr("Diagnostic report saved to %1.").arg(path), 8000);
        }
    });
    connect(m_refresh, &RefreshCoordinator::finished, m_healthPanel, [this] {
        m_healthPanel->setNextRefresh(
            m_autoRefresh.isActive() ? QDateTime::currentDateTime().addMSecs(m_autoRefresh.remainingTime())
                                     : QDateTime());
    });
}

void AppContext::showTroubleshooting()
{
    QDialog dialog(m_window.get());
    dialog.setWindowTitle(tr("Troubleshooting Guide"));
    dialog.resize(760, 640);
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new MarkdownRenderer(&dialog);
    QFile file(QStringLiteral(":/docs/troubleshooting.md"));
    text->setMarkdownText(file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString());
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.exec();
}

void AppContext::showAbout()
{
    AboutDialog dialog(m_window.get());
    dialog.exec();
}

} // namespace ba
