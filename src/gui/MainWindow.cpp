#include "gui/MainWindow.h"

#include "services/AppSettings.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLoggingCategory>
#include <QScreen>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.gui.mainwindow")
} // namespace

namespace ba {

namespace {

constexpr int DefaultWidth = 1280;
constexpr int DefaultHeight = 800;
constexpr int StateVersion = 1; // bump when docks change, so old saved layouts are ignored

} // namespace

MainWindow::MainWindow(const Parts &parts, AppSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_settings(settings)
{
    m_ui->setupUi(this);

    m_refreshStateLabel = new QLabel(this);
    m_refreshStateLabel->setObjectName(QStringLiteral("refreshStateLabel"));
    m_refreshStateLabel->setTextFormat(Qt::PlainText);
    m_refreshStateLabel->setText(tr("Not refreshed yet"));
    statusBar()->addPermanentWidget(m_refreshStateLabel);
    m_demoLabel = new QLabel(tr("Demo data: not a real market"), this);
    m_demoLabel->setObjectName(QStringLiteral("demoDataLabel"));
    m_demoLabel->setStyleSheet(QStringLiteral("QLabel { background: #ffe08a; color: #4a3500; padding: 0 6px; "
                                              "border-radius: 3px; font-weight: bold; }"));
    m_demoLabel->hide();
    statusBar()->addPermanentWidget(m_demoLabel);

    placeParts(parts);
    connectActions();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::setDemoData(bool demo)
{
    setWindowTitle(demo ? tr("Bitcoin Analyzer — demo data") : tr("Bitcoin Analyzer"));
    m_demoLabel->setVisible(demo);
}

void MainWindow::placeParts(const Parts &parts)
{
    if (parts.priceView != nullptr) {
        m_ui->splitMain->insertWidget(0, parts.priceView);
    }
    if (parts.newsView != nullptr) {
        m_ui->splitBottom->addWidget(parts.newsView);
    }
    if (parts.analysisView != nullptr) {
        m_ui->splitBottom->addWidget(parts.analysisView);
    }
    // The chart gets most of the height when there is no saved layout.
    const int priceIndex = m_ui->splitMain->indexOf(parts.priceView);
    if (priceIndex >= 0) {
        m_ui->splitMain->setStretchFactor(priceIndex, 3);
    }
    m_ui->splitMain->setStretchFactor(m_ui->splitMain->indexOf(m_ui->splitBottom), 2);
    m_ui->splitMain->setSizes({3 * DefaultHeight / 5, 2 * DefaultHeight / 5});

    if (parts.logDock != nullptr) {
        addDockWidget(Qt::BottomDockWidgetArea, parts.logDock);
        QAction *toggleLog = parts.logDock->toggleViewAction();
        toggleLog->setShortcut(QKeySequence(tr("Ctrl+L")));
        toggleLog->setIcon(QIcon(QStringLiteral(":/icons/log.svg")));
        toggleLog->setStatusTip(tr("Show or hide the log viewer"));
        m_ui->menuView->addAction(toggleLog);
        raiseWhenShown(parts.logDock);
    }
}

void MainWindow::addBottomDock(QDockWidget *dock, const QString &menuText, const QKeySequence &shortcut)
{
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *log = findChild<QDockWidget *>(QStringLiteral("logDock")); log && log != dock) {
        tabifyDockWidget(log, dock);
    }
    dock->hide();
    QAction *toggle = dock->toggleViewAction();
    toggle->setText(menuText);
    toggle->setShortcut(shortcut);
    m_ui->menuView->addAction(toggle);
    raiseWhenShown(dock);
}

void MainWindow::raiseWhenShown(QDockWidget *dock)
{
    // A tabified dock that is shown but left behind another tab looks as if nothing happened.
    connect(dock->toggleViewAction(), &QAction::triggered, dock, [dock](bool shown) {
        if (shown) {
            dock->raise();
        }
    });
}

void MainWindow::connectActions()
{
    connect(m_ui->actionRefresh, &QAction::triggered, this, &MainWindow::refreshRequested);
    connect(m_ui->actionExportPrices, &QAction::triggered, this, &MainWindow::exportPricesRequested);
    connect(m_ui->actionExportChart, &QAction::triggered, this, &MainWindow::exportChartRequested);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::aboutRequested);
    connect(m_ui->actionAboutQt, &QAction::triggered, this, [] { QApplication::aboutQt(); });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionSettings, &QAction::triggered, this, &MainWindow::settingsRequested);
}

QMenu *MainWindow::viewMenu() const
{
    return m_ui->menuView;
}

QMenu *MainWindow::helpMenu() const
{
    return m_ui->menuHelp;
}

QString MainWindow::refreshState() const
{
    return m_refreshStateLabel->text();
}

void MainWindow::showStatus(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::setExportEnabled(bool enabled)
{
    m_ui->actionExportPrices->setEnabled(enabled);
    m_ui->actionExportChart->setEnabled(enabled);
}

void MainWindow::setRefreshState(const QString &text)
{
    m_refreshStateLabel->setText(text);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreLayout()
{
    const WindowLayout saved = m_settings != nullptr ? m_settings->windowLayout() : WindowLayout{};
    if (!restoreGeometry(saved.geometry)) {
        // First start (or unreadable settings): a comfortable size that still fits small screens.
        QSize size(DefaultWidth, DefaultHeight);
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            size = size.boundedTo(screen->availableSize());
        }
        resize(size);
        qCDebug(lc) << "No saved window geometry, using" << size;
    }
    if (m_settings == nullptr) {
        return;
    }
    restoreState(saved.state, StateVersion);
    m_ui->splitMain->restoreState(saved.splitMain);
    m_ui->splitBottom->restoreState(saved.splitBottom);
}

void MainWindow::saveLayout() const
{
    if (m_settings != nullptr) {
        m_settings->setWindowLayout({saveGeometry(), saveState(StateVersion), m_ui->splitMain->saveState(),
                                     m_ui->splitBottom->saveState()});
    }
}

} // namespace ba
