#pragma once

#include <QMainWindow>
#include <QString>
#include <memory>

class QDockWidget;
class QLabel;
class QMenu;

namespace Ui {
class MainWindow;
}

namespace ba {

class AppSettings;

// The window frame: menus, status bar and where the views go. It owns no data and calls no
// service; menu choices leave as signals and AppContext decides what they do.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Parts
    {
        QWidget *priceView = nullptr;    // top, the large area
        QWidget *newsView = nullptr;     // bottom left
        QWidget *analysisView = nullptr; // bottom right
        QDockWidget *logDock = nullptr;  // bottom dock; needs an objectName for state restore
    };

    // Takes ownership of the parts. settings may be null (nothing saved or restored).
    MainWindow(const Parts &parts, AppSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    QMenu *viewMenu() const; // for later entries such as "Health"
    // A further bottom dock (e.g. the health panel), hidden, in a tab beside the log viewer; its
    // View action (with shortcut) shows it in front of the other tabs.
    void addBottomDock(QDockWidget *dock, const QString &menuText, const QKeySequence &shortcut);
    QMenu *helpMenu() const;
    QString refreshState() const;

public Q_SLOTS:
    void showStatus(const QString &text, int timeoutMs = 0);
    void setExportEnabled(bool enabled);
    void setRefreshState(const QString &text); // permanent status-bar label, e.g. "Updated 10:24"
    // The data comes from the demo fakes: the title says so, and a status-bar label stays visible.
    void setDemoData(bool demo);

Q_SIGNALS:
    void refreshRequested();
    void exportPricesRequested();
    void exportChartRequested();
    void aboutRequested();
    void settingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void placeParts(const Parts &parts);
    void connectActions();
    void raiseWhenShown(QDockWidget *dock);
    void restoreLayout();
    void saveLayout() const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    AppSettings *m_settings;
    QLabel *m_refreshStateLabel = nullptr;
    QLabel *m_demoLabel = nullptr;
};

} // namespace ba
