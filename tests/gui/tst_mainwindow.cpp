#include "gui/EmptyStateWidget.h"
#include "gui/LogDock.h"
#include "gui/MainWindow.h"
#include "services/AppSettings.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace ba;

namespace {

std::unique_ptr<MainWindow> makeWindow(AppSettings *settings)
{
    MainWindow::Parts parts;
    parts.priceView = EmptyStateWidget::forPrices();
    parts.newsView = EmptyStateWidget::forNews();
    parts.analysisView = EmptyStateWidget::forAnalysis();
    parts.logDock = new LogDock(nullptr);
    return std::make_unique<MainWindow>(parts, settings);
}

void showAndActivate(MainWindow &window)
{
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
}

QAction *action(const MainWindow &window, const char *objectName)
{
    return window.findChild<QAction *>(QLatin1String(objectName));
}

const QLabel *visibleLabelWithText(const QWidget &root, const QString &text)
{
    const QList<QLabel *> labels = root.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->text() == text && label->isVisible()) {
            return label;
        }
    }
    return nullptr;
}

QStringList menuTitles(const QMenuBar &bar)
{
    QStringList titles;
    const QList<QAction *> actions = bar.actions();
    for (const QAction *menuAction : actions) {
        titles.append(menuAction->text());
    }
    return titles;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void open_showsTitleIconAndMenus();
    void open_showsTheThreeEmptyStatesAsPlainText();
    void open_withoutSavedLayout_usesDefaultSize();
    void exportActions_disabledUntilEnabled();
    void f5_emitsRefreshRequested();
    void aboutAction_emitsAboutRequested();
    void ctrlL_togglesTheLogDock();
    void addBottomDock_showsItInFrontOfTheLogTab();
    void ctrlQ_closesTheWindow();
    void statusBar_showsMessageAndRefreshState();
    void closeAndReopen_restoresSizeDockAndSplitters();
    void nullSettings_opensAndClosesWithoutSaving();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppSettings> m_appSettings;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_appSettings = std::make_unique<AppSettings>(m_settings.get());
}

void TestMainWindow::open_showsTitleIconAndMenus()
{
    auto window = makeWindow(m_appSettings.get());
    showAndActivate(*window);

    QCOMPARE(window->windowTitle(), QStringLiteral("Bitcoin Analyzer"));
    QVERIFY(!window->windowIcon().isNull());
    QCOMPARE(menuTitles(*window->menuBar()),
             (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Help")}));
    QVERIFY(window->viewMenu() != nullptr);
    QVERIFY(window->viewMenu()->actions().contains(action(*window, "actionRefresh")));
    QVERIFY(action(*window, "actionAboutQt") != nullptr);
}

void TestMainWindow::open_showsTheThreeEmptyStatesAsPlainText()
{
    auto window = makeWindow(m_appSettings.get());
    showAndActivate(*window);

    const QStringList texts{
        QStringLiteral("No price data yet."),
        QStringLiteral("Press F5 to refresh."),
        QStringLiteral("No news yet."),
        QStringLiteral("Headlines from Bitcoin.com News will appear here after a refresh."),
        QStringLiteral("No analysis yet."),
        QStringLiteral("An analysis of the price trend appears here once prices are loaded."),
    };
    for (const QString &text : texts) {
        const QLabel *label = visibleLabelWithText(*window, text);
        QVERIFY2(label != nullptr, qPrintable(text));
        QCOMPARE(label->textFormat(), Qt::PlainText);
    }
    // The price area sits above the other two and gets the larger share of the height.
    const auto *price = window->findChild<EmptyStateWidget *>(QStringLiteral("priceEmptyState"));
    const auto *news = window->findChild<EmptyStateWidget *>(QStringLiteral("newsEmptyState"));
    const auto *analysis = window->findChild<EmptyStateWidget *>(QStringLiteral("analysisEmptyState"));
    QVERIFY(price && news && analysis);
    const QPoint priceTop = price->mapTo(window.get(), QPoint(0, 0));
    const QPoint newsTop = news->mapTo(window.get(), QPoint(0, 0));
    const QPoint analysisTop = analysis->mapTo(window.get(), QPoint(0, 0));
    QVERIFY(priceTop.y() < newsTop.y());
    QCOMPARE(newsTop.y(), analysisTop.y());
    QVERIFY(newsTop.x() < analysisTop.x());
    QVERIFY(price->height() > news->height());
}

void TestMainWindow::open_withoutSavedLayout_usesDefaultSize()
{
    auto window = makeWindow(m_appSettings.get());

    const QSize expected = QSize(1280, 800).boundedTo(QGuiApplication::primaryScreen()->availableSize());
    QCOMPARE(window->size(), expected);
}

void TestMainWindow::exportActions_disabledUntilEnabled()
{
    auto window = makeWindow(m_appSettings.get());
    QAction *prices = action(*window, "actionExportPrices");
    QAction *chart = action(*window, "actionExportChart");
    QVERIFY(prices && chart);
    QCOMPARE(prices->text(), QStringLiteral("Export Prices to &CSV…"));
    QCOMPARE(chart->text(), QStringLiteral("Export Chart as &PNG…"));
    QVERIFY(!prices->isEnabled());
    QVERIFY(!chart->isEnabled());

    window->setExportEnabled(true);
    QVERIFY(prices->isEnabled());
    QVERIFY(chart->isEnabled());
    QSignalSpy pricesSpy(window.get(), &MainWindow::exportPricesRequested);
    QSignalSpy chartSpy(window.get(), &MainWindow::exportChartRequested);
    prices->trigger();
    chart->trigger();
    QCOMPARE(pricesSpy.count(), 1);
    QCOMPARE(chartSpy.count(), 1);

    window->setExportEnabled(false);
    QVERIFY(!prices->isEnabled());
    QVERIFY(!chart->isEnabled());
}

void TestMainWindow::f5_emitsRefreshRequested()
{
    auto window = makeWindow(m_appSettings.get());
    showAndActivate(*window);
    QSignalSpy refresh(window.get(), &MainWindow::refreshRequested);

    QTest::keyClick(window.get(), Qt::Key_F5);

    QCOMPARE(refresh.count(), 1);
}

void TestMainWindow::aboutAction_emitsAboutRequested()
{
    auto window = makeWindow(m_appSettings.get());
    QSignalSpy about(window.get(), &MainWindow::aboutRequested);

    action(*window, "actionAbout")->trigger();

    QCOMPARE(about.count(), 1);
}

void TestMainWindow::ctrlL_togglesTheLogDock()
{
    auto window = makeWindow(m_appSettings.get());
    showAndActivate(*window);
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("logDock"));
    QVERIFY(dock != nullptr);
    QVERIFY(dock->isVisible());
    QVERIFY(window->viewMenu()->actions().contains(dock->toggleViewAction()));
    QCOMPARE(dock->toggleViewAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+L")));

    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(!dock->isVisible());

    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(dock->isVisible());
}

void TestMainWindow::addBottomDock_showsItInFrontOfTheLogTab()
{
    auto window = makeWindow(m_appSettings.get());
    auto *second = new QDockWidget(QStringLiteral("Second"));
    second->setObjectName(QStringLiteral("secondDock"));
    second->setWidget(new QLabel(QStringLiteral("second")));
    window->addBottomDock(second, QStringLiteral("&Second"), QKeySequence(QStringLiteral("Ctrl+J")));
    showAndActivate(*window);
    auto *log = window->findChild<QDockWidget *>(QStringLiteral("logDock"));
    QVERIFY(log->isVisible());
    QVERIFY(!second->isVisible());
    QVERIFY(window->viewMenu()->actions().contains(second->toggleViewAction()));
    QCOMPARE(window->tabifiedDockWidgets(log), QList<QDockWidget *>{second});

    QTest::keyClick(window.get(), Qt::Key_J, Qt::ControlModifier);

    QVERIFY(second->isVisible());
    QTRY_VERIFY(!second->visibleRegion().isEmpty()); // its tab is the current one
    QVERIFY(log->visibleRegion().isEmpty());
}

void TestMainWindow::ctrlQ_closesTheWindow()
{
    auto window = makeWindow(m_appSettings.get());
    showAndActivate(*window);

    QTest::keyClick(window.get(), Qt::Key_Q, Qt::ControlModifier);

    QVERIFY(!window->isVisible());
    QVERIFY(m_settings->contains(QStringLiteral("window/geometry"))); // closing saves the layout
}

void TestMainWindow::statusBar_showsMessageAndRefreshState()
{
    auto window = makeWindow(m_appSettings.get());
    showAndActivate(*window);

    window->showStatus(QStringLiteral("Refreshing…"));
    window->setRefreshState(QStringLiteral("Updated 10:24"));

    QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("Refreshing…"));
    QCOMPARE(window->refreshState(), QStringLiteral("Updated 10:24"));
    const QLabel *state = visibleLabelWithText(*window, QStringLiteral("Updated 10:24"));
    QVERIFY(state != nullptr);
    QCOMPARE(state->textFormat(), Qt::PlainText);

    window->showStatus(QStringLiteral("Done"), 10);
    QTRY_COMPARE(window->statusBar()->currentMessage(), QString());
    QCOMPARE(window->refreshState(), QStringLiteral("Updated 10:24")); // the permanent label stays
}

void TestMainWindow::closeAndReopen_restoresSizeDockAndSplitters()
{
    QList<int> mainSizes;
    QList<int> bottomSizes;
    QSize size;
    {
        auto window = makeWindow(m_appSettings.get());
        // Smaller than the offscreen screen (800 px), so restoreGeometry() has no reason to adjust it;
        // the width the window accepts (its minimum may be larger than 700) is what must come back.
        showAndActivate(*window);
        window->resize(700, 500);
        QTRY_COMPARE(window->height(), 500);
        size = window->size();
        QVERIFY(size.width() < 800);
        window->findChild<QDockWidget *>(QStringLiteral("logDock"))->hide();
        // Let the main window give the dock's space to the central widget before sizing splitters.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        auto *splitMain = window->findChild<QSplitter *>(QStringLiteral("splitMain"));
        auto *splitBottom = window->findChild<QSplitter *>(QStringLiteral("splitBottom"));
        splitMain->setSizes({300, 100});
        splitBottom->setSizes({450, 200});
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        mainSizes = splitMain->sizes();
        bottomSizes = splitBottom->sizes();
        QVERIFY(mainSizes.at(0) > 2 * mainSizes.at(1));
        QVERIFY(bottomSizes.at(0) > 2 * bottomSizes.at(1));
        QVERIFY(window->close());
    }
    for (const char *key : {"window/geometry", "window/state", "window/splitMain", "window/splitBottom"}) {
        QVERIFY2(m_settings->contains(QLatin1String(key)), key);
    }

    auto reopened = makeWindow(m_appSettings.get());
    showAndActivate(*reopened);

    QCOMPARE(reopened->size(), size);
    QVERIFY(!reopened->findChild<QDockWidget *>(QStringLiteral("logDock"))->isVisible());
    QCOMPARE(reopened->findChild<QSplitter *>(QStringLiteral("splitMain"))->sizes(), mainSizes);
    QCOMPARE(reopened->findChild<QSplitter *>(QStringLiteral("splitBottom"))->sizes(), bottomSizes);
}

void TestMainWindow::nullSettings_opensAndClosesWithoutSaving()
{
    auto window = makeWindow(nullptr);
    showAndActivate(*window);

    QVERIFY(window->close());
    QVERIFY(m_settings->allKeys().isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
