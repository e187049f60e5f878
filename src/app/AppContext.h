#pragma once

#include "domain/AppConfig.h"
#include "services/StepReport.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QSettings;

namespace ba {

class AnalysisFeature;
class AppSettings;
class CoinGeckoClient;
class Database;
class DemoDataWatch;
class HealthPanel;
class HttpClient;
class LogHub;
class MainWindow;
class NewsFeature;
class PriceChartView;
class PricePresenter;
class PriceService;
class PriceStore;
class RefreshCoordinator;
class SettingsFeature;
class SourceMetrics;

// The composition root: builds every part, wires their signals and owns their lifetimes.
// main() only creates this. What a part does lives in that part (dialogs in gui/, rules in
// services/); here is only who talks to whom.
class AppContext : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // wall clock, Unix ms; empty = the system clock

    // `clock` drives the price, news and analysis services (scenario tests simulate a session).
    AppContext(AppConfig config, std::unique_ptr<QSettings> settings, LogHub &logHub, Clock clock = {},
               QObject *parent = nullptr);
    ~AppContext() override;

    // Opens the database and shows the window. A damaged database is set aside with
    // --reset-database, else after asking the user; without a display the question is printed
    // with the option instead. Returns false when the app should exit.
    bool start();

    MainWindow *mainWindow() const { return m_window.get(); }
    // For observers (scenario tests): the refreshes and their steps as they run.
    RefreshCoordinator *refreshCoordinator() const { return m_refresh.get(); }

private:
    void buildServices();
    void buildMetrics();
    void buildWindow();
    void wireWindow();
    void addObservability();
    void rememberChartChoices(PriceChartView *chart);
    void refreshOnceKeysAreLoaded();
    void startAutoRefresh();
    void applySettings();
    void openSettings();
    void onRefreshFinished(const QString &id, const QList<StepReport> &reports, qint64 totalMs);

    AppConfig m_config;
    LogHub &m_logHub;
    Clock m_clock;
    // Owned parts, in the order they are built. C++ destroys them in reverse: the window before the
    // features, the features before the clients that serve them, the HTTP client (which aborts what
    // still runs) before its network manager, and every store before the database connection.
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppSettings> m_appSettings;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PriceStore> m_priceStore;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<CoinGeckoClient> m_coinGecko;
    std::unique_ptr<PriceService> m_prices;
    std::unique_ptr<RefreshCoordinator> m_refresh;
    std::unique_ptr<SourceMetrics> m_metrics;
    std::unique_ptr<DemoDataWatch> m_demoWatch;
    std::unique_ptr<SettingsFeature> m_settingsFeature;
    std::unique_ptr<NewsFeature> m_news;
    std::unique_ptr<AnalysisFeature> m_analysis;
    QTimer m_autoRefresh;
    std::unique_ptr<MainWindow> m_window;
    PricePresenter *m_pricePresenter = nullptr; // child of the window
    HealthPanel *m_healthPanel = nullptr;       // child of the window
};

} // namespace ba
