#pragma once

#include "domain/AppConfig.h"

#include <QObject>
#include <QSettings>

#include <memory>

namespace ba {

class Database;
class LogHub;
class MainWindow;
class LogDock;

// Builds everything, wires signals and owns lifetimes. main() only creates this.
class AppContext : public QObject
{
    Q_OBJECT
public:
    AppContext(AppConfig config, std::unique_ptr<QSettings> settings, LogHub &logHub, QObject *parent = nullptr);
    ~AppContext() override;

    // Opens the database (asking the user what to do with a damaged one) and shows the window.
    // Returns false when the app should exit.
    bool start();

    MainWindow *mainWindow() const { return m_window.get(); }

private:
    bool openDatabase();
    void buildWindow();
    void onRefreshRequested();
    void showAbout();

    AppConfig m_config;
    std::unique_ptr<QSettings> m_settings;
    LogHub &m_logHub;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace ba
