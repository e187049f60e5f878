#pragma once

#include "domain/AppConfig.h"
#include "services/StepReport.h"

#include <QObject>
#include <QSettings>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;

namespace ba {

class AnalysisFeature;
class CoinGeckoClient;
class Database;
class HttpClient;
class LogHub;
class MainWindow;
class NewsFeature;
class PricePresenter;
class PriceService;
class PriceStore;
class RefreshCoordinator;
class SettingsFeature;
class SourceMetrics;
class HealthPanel;

// Builds everything, wires signals and owns lifetimes. main() only creates this.
class AppContext : public QObject
{
    Q_OBJECT
public:
    AppContext(AppConfig config, std::unique_ptr<QSettings> settings, LogHub &logHub,
               QObject *parent = nullptr);
    ~AppContext() override;

    // Opens the database and shows the window. A damaged database is set aside with
    // --reset-database, else after asking the user; without a display the question is printed
    // with the option instead. Returns false when the app should exit.
    bool start();

    MainWindow *mainWindow() const { return m_window.get(); }

private:
    bool openDatabase();
    bool askToStartAfresh(const QString &message);
    static bool hasDisplay();
    static void tellUser(const QString &message);
    void buildServices();
    void buildWindow();
    void startAutoRefresh();
    void applySettings();
    void openSettings();
    void addObservability();
    void showTroubleshooting();
    void onRefreshFinished(const QString &id, const QList<StepReport> &reports, qint64 totalMs);
    void showAbout();

    AppConfig m_config;
    std::unique_ptr<QSettings> m_settings;
    LogHub &m_logHub;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PriceStore> m_priceStore;
    QNetworkAccessManager *m_network = nullptr;
    HttpClient *m_http = nullptr;
    CoinGeckoClient *m_coinGecko = nullptr;
    PriceService *m_prices = nullptr;
    RefreshCoordinator *m_refresh = nullptr;
    AnalysisFeature *m_analysis = nullptr;
    NewsFeature *m_news = nullptr;
    SettingsFeature *m_settingsFeature = nullptr;
    SourceMetrics *m_metrics = nullptr;
    HealthPanel *m_healthPanel = nullptr;
    std::unique_ptr<MainWindow> m_window;
    PricePresenter *m_pricePresenter = nullptr;
    QTimer m_autoRefresh;
};

} // namespace ba
