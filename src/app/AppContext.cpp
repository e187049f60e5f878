#include "app/AppContext.h"

#include "app/AnalysisFeature.h"
#include "gui/AnalysisView.h"

#include "gui/AboutDialog.h"
#include "gui/EmptyStateWidget.h"
#include "gui/LogDock.h"
#include "gui/MainWindow.h"
#include "gui/PriceChartView.h"
#include "gui/PricePresenter.h"
#include "logging/LogHub.h"
#include "net/CoinGeckoClient.h"
#include "net/HttpClient.h"
#include "services/PriceService.h"
#include "services/RefreshCoordinator.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTime>

Q_LOGGING_CATEGORY(lcContext, "ba.app.context")

namespace ba {

namespace {
constexpr int kDefaultAutoRefreshMinutes = 5;
} // namespace

AppContext::AppContext(AppConfig config, std::unique_ptr<QSettings> settings, LogHub &logHub, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_settings(std::move(settings))
    , m_logHub(logHub)
    , m_database(std::make_unique<Database>())
{
}

AppContext::~AppContext()
{
    // Views and services go before the store, the store before the database connection.
    m_autoRefresh.stop();
    m_window.reset();
    delete m_analysis;
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
    if (m_config.offline) {
        m_window->showStatus(tr("Offline: showing cached data only."));
        m_window->setRefreshState(tr("Offline"));
    } else {
        m_refresh->refresh(RefreshCoordinator::Trigger::StartUp);
        startAutoRefresh();
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
        QMessageBox::critical(nullptr, tr("Bitcoin Analyzer"), result.message);
        return false;
    }

    // A damaged file is kept: the user may start afresh while it stays, renamed, beside the new one.
    QMessageBox box(QMessageBox::Warning, tr("Bitcoin Analyzer"), result.message);
    box.setInformativeText(tr("You can start with a fresh database; the damaged file will be kept, renamed, "
                              "in the same folder."));
    QPushButton *fresh = box.addButton(tr("Start With a Fresh Database"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != fresh) {
        return false;
    }
    QString error;
    const QString keptAs = Database::setAsideDamagedFile(path, &error);
    if (keptAs.isEmpty()) {
        QMessageBox::critical(nullptr, tr("Bitcoin Analyzer"),
                              tr("The damaged database could not be moved aside: %1").arg(error));
        return false;
    }
    qCWarning(lcContext).noquote() << "Damaged database kept as" << keptAs;
    result = m_database->open(path);
    if (result.status != Database::OpenStatus::Ok) {
        QMessageBox::critical(nullptr, tr("Bitcoin Analyzer"), result.message);
        return false;
    }
    return true;
}

void AppContext::buildServices()
{
    m_priceStore = std::make_unique<PriceStore>(m_database->connection());
    m_network = new QNetworkAccessManager;
    m_http = new HttpClient(m_network);

    CoinGeckoClient::Config geckoConfig;
    geckoConfig.baseUrl = m_config.coingeckoUrl;
    geckoConfig.apiKey = m_config.coingeckoApiKey;
    if (!geckoConfig.apiKey.isEmpty()) {
        const bool pro = m_settings->value(QStringLiteral("coingecko/plan")).toString() == u"pro";
        geckoConfig.plan = pro ? CoinGeckoPlan::Pro : CoinGeckoPlan::Demo;
        if (pro && m_config.coingeckoUrl == QUrl(QString::fromLatin1(ConfigDefaults::CoinGeckoUrl))) {
            geckoConfig.baseUrl = CoinGeckoClient::defaultBaseUrl(CoinGeckoPlan::Pro);
        }
    }
    m_coinGecko = new CoinGeckoClient(m_http, geckoConfig);

    m_prices = new PriceService(m_coinGecko, m_priceStore.get());
    m_prices->setOffline(m_config.offline);
    const auto range = static_cast<PriceRange>(
        qBound(0, m_settings->value(QStringLiteral("chart/range"), int(PriceRange::Month)).toInt(),
               int(PriceRange::Max)));
    m_prices->select(m_config.coin, m_config.currency, range);

    m_refresh = new RefreshCoordinator(m_prices);
    m_analysis = new AnalysisFeature(m_config, m_settings.get(), m_database->connection(), m_http,
                                     m_priceStore.get());
    m_analysis->attach(m_refresh, {});
    connect(m_refresh, &RefreshCoordinator::finished, this,
            &AppContext::onRefreshFinished);
}

void AppContext::buildWindow()
{
    auto *chart = new PriceChartView;
    chart->setCurrencies({QStringLiteral("usd"), QStringLiteral("eur"), QStringLiteral("gbp"),
                          QStringLiteral("jpy"), QStringLiteral("chf"), QStringLiteral("cad")});
    chart->setCoins({{QStringLiteral("bitcoin"), QStringLiteral("Bitcoin (BTC)")},
                     {QStringLiteral("ethereum"), QStringLiteral("Ethereum (ETH)")},
                     {QStringLiteral("solana"), QStringLiteral("Solana (SOL)")},
                     {QStringLiteral("litecoin"), QStringLiteral("Litecoin (LTC)")}});

    MainWindow::Parts parts;
    parts.priceView = chart;
    parts.newsView = EmptyStateWidget::forNews();
    auto *analysisView = new AnalysisView;
    analysisView->bindTo(m_analysis->service());
    parts.analysisView = analysisView;
    parts.logDock = new LogDock(&m_logHub);
    m_window = std::make_unique<MainWindow>(parts, m_settings.get());
    m_pricePresenter = new PricePresenter(m_prices, m_refresh, chart, m_window.get(), m_window.get());

    connect(m_window.get(), &MainWindow::refreshRequested, this, [this] {
        if (m_config.offline) {
            m_window->showStatus(tr("Offline mode: refreshing is switched off (started with --offline)."), 5000);
            return;
        }
        m_refresh->refresh(RefreshCoordinator::Trigger::User, /*force=*/true);
    });
    connect(m_window.get(), &MainWindow::aboutRequested, this, &AppContext::showAbout);
    connect(chart, &PriceChartView::rangeChanged, this, [this](ChartRange range) {
        m_settings->setValue(QStringLiteral("chart/range"), int(range));
    });
    connect(m_refresh, &RefreshCoordinator::started, this, [this](const QString &id) {
        m_window->setRefreshState(tr("Refreshing… (%1)").arg(id));
    });
}

void AppContext::startAutoRefresh()
{
    const int minutes = m_settings->value(QStringLiteral("refresh/intervalMinutes"), kDefaultAutoRefreshMinutes)
                            .toInt();
    if (minutes <= 0) {
        return;
    }
    m_autoRefresh.setInterval(minutes * 60 * 1000);
    connect(&m_autoRefresh, &QTimer::timeout, this,
            [this] { m_refresh->refresh(RefreshCoordinator::Trigger::Timer); });
    m_autoRefresh.start();
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

void AppContext::showAbout()
{
    AboutDialog dialog(m_window.get());
    dialog.exec();
}

} // namespace ba
