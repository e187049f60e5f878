#include "MarketSession.h"
#include "app/Bootstrap.h"
#include "fakes/WebEngineTestMain.h"
#include "gui/HealthPanel.h"
#include "gui/LogDock.h"
#include "gui/SettingsDialog.h"
#include "gui/Theme.h"
#include "gui/chart/ChartTheme.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace ba;
using ba::test::MarketSession;

namespace {

// Runs `drive` on the Settings dialog once Settings… has opened it (openDialog blocks in exec()).
void whenSettingsOpen(const std::function<void(SettingsDialog &)> &drive)
{
    QTimer::singleShot(0, qApp, [drive] {
        QVERIFY(QTest::qWaitFor(
            [] { return qobject_cast<SettingsDialog *>(QApplication::activeModalWidget()); }));
        drive(*qobject_cast<SettingsDialog *>(QApplication::activeModalWidget()));
    });
}

// As the user does it: Settings…, the Theme box with the arrow keys, OK.
void chooseTheme(const MarketSession &session, UiTheme theme)
{
    whenSettingsOpen([theme](SettingsDialog &dialog) {
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("themeCombo"));
        QVERIFY(combo != nullptr);
        const int target = combo->findData(AppSettings::toString(theme));
        QVERIFY(target >= 0);
        combo->setFocus();
        while (combo->currentIndex() != target) {
            QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
        }
        auto *box = dialog.findChild<QDialogButtonBox *>();
        QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
    });
    session.window()->findChild<QAction *>(QStringLiteral("actionSettings"))->trigger();
}

QChart *priceChart(const MarketSession &session)
{
    auto *view = session.chart()->findChild<QChartView *>();
    return view ? view->chart() : nullptr;
}

QColor textColour(const QWidget *widget)
{
    return widget->palette().color(QPalette::WindowText);
}

// Average lightness of the chart as drawn: what the user sees, not what was asked for.
double chartLightness(const MarketSession &session)
{
    const QImage image = session.chart()->grab().toImage();
    double sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            sum += image.pixelColor(x, y).lightnessF();
            ++count;
        }
    }
    return count ? sum / count : -1;
}

// With BA_SCREENSHOT_DIR set (scripts/screenshots.sh), saves `widget` as <name>-<lang>.png; the
// window at 1600×1000, the size the metainfo announces.
void saveShot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("BA_SCREENSHOT_DIR");
    if (folder.isEmpty()) {
        return;
    }
    if (widget->isWindow() && !qobject_cast<QDialog *>(widget)) {
        widget->resize(1600, 1000);
    }
    QCoreApplication::processEvents();
    const QString lang = qEnvironmentVariable("BA_SCREENSHOT_LANG", QStringLiteral("en"));
    // Quality 0: the strongest PNG compression (the files live in the repository).
    QVERIFY(
        widget->grab().save(QDir(folder).filePath(QStringLiteral("%1-%2.png").arg(name, lang)), "PNG", 0));
}

} // namespace

// The theme on the assembled app (real MainWindow, services, SQLite, the demo market on loopback),
// switched as a user does it in Settings: the chart, its change badge and the application palette
// take the new colours at once, and the choice holds at the next start. The same run takes the
// screenshots of docs/screenshots/ when BA_SCREENSHOT_DIR is set (in BA_SCREENSHOT_LANG).
class TestThemeScenario : public QObject
{
    Q_OBJECT

    MarketSession m_session;

private Q_SLOTS:
    void initTestCase()
    {
        const QString lang = qEnvironmentVariable("BA_SCREENSHOT_LANG", QStringLiteral("en"));
        auto outcome = Bootstrap::prepare({QStringLiteral("app"), QStringLiteral("--lang"), lang}, {});
        QVERIFY(!outcome.exitCode);
        Bootstrap::installTranslations(outcome.prepared.config);
        QVERIFY(m_session.start({QStringLiteral("--lang"), lang}));
        m_session.hub->install(); // the log viewer shows this session's lines, as in the app
        QVERIFY(!m_session.waitForRefreshes(1).isEmpty());
        QTRY_VERIFY(m_session.chart()->findChild<QLabel *>(QStringLiteral("changeLabel"))->isVisible());
        // The hidden browser has read the news page (its progress bar is gone).
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_session.window()->findChild<QWidget *>(QStringLiteral("newsBusy"))->isVisible(), 30000);
    }

    void darkThenLight_recolourChartAndBadgeLive()
    {
        auto *badge = m_session.chart()->findChild<QLabel *>(QStringLiteral("changeLabel"));
        const chart::ChartTheme dark = chart::ChartTheme::fromPalette(Theme::darkPalette());
        const chart::ChartTheme light = chart::ChartTheme::fromPalette(Theme::lightPalette());

        chooseTheme(m_session, UiTheme::Dark);
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 Theme::darkPalette().color(QPalette::Window));
        // Each widget hears of the new palette on the next turn of the event loop.
        QTRY_COMPARE(m_session.window()->palette().color(QPalette::Base),
                     Theme::darkPalette().color(QPalette::Base));
        QTRY_COMPARE(priceChart(m_session)->backgroundBrush().color(), dark.background);
        QTRY_VERIFY2(textColour(badge) == dark.up || textColour(badge) == dark.down,
                     qPrintable(textColour(badge).name()));
        QVERIFY2(chartLightness(m_session) < 0.35, qPrintable(QString::number(chartLightness(m_session))));
        // Secondary text ("4 shown · 4 unread") takes the dark palette's grey, not the light one's.
        const auto *count = m_session.window()->findChild<QLabel *>(QStringLiteral("newsCount"));
        QTRY_COMPARE(count->palette().color(count->foregroundRole()),
                     Theme::darkPalette().color(QPalette::PlaceholderText));
        saveShot(m_session.window(), QStringLiteral("main-dark"));

        chooseTheme(m_session, UiTheme::Light);
        QTRY_COMPARE(priceChart(m_session)->backgroundBrush().color(), light.background);
        QTRY_VERIFY2(textColour(badge) == light.up || textColour(badge) == light.down,
                     qPrintable(textColour(badge).name()));
        QVERIFY2(chartLightness(m_session) > 0.65, qPrintable(QString::number(chartLightness(m_session))));
        saveShot(m_session.window(), QStringLiteral("main-light"));
    }

    void logViewerHealthPanelAndSettings_inTheLightTheme()
    {
        QDockWidget *log = m_session.window()->findChild<LogDock *>();
        QDockWidget *health = m_session.window()->findChild<HealthPanel *>();
        QVERIFY(log != nullptr && health != nullptr);
        // View → Log / Health, as the menu does it.
        if (!log->isVisible()) {
            log->toggleViewAction()->trigger();
        }
        QTRY_VERIFY(log->isVisible());
        // The start-up refresh, followed by its id: what the log viewer is for.
        auto *refreshFilter = log->findChild<QLineEdit *>(QStringLiteral("correlationEdit"));
        QVERIFY(refreshFilter != nullptr);
        QTest::keyClicks(refreshFilter, QStringLiteral("r1"));
        const auto *logView = log->findChild<QAbstractItemView *>();
        QTRY_VERIFY(logView != nullptr && logView->model()->rowCount() > 5);
        saveShot(m_session.window(), QStringLiteral("log-viewer"));
        if (!health->isVisible()) {
            health->toggleViewAction()->trigger();
        }
        QTRY_VERIFY(health->isVisible());
        saveShot(m_session.window(), QStringLiteral("health-panel"));

        bool seen = false;
        whenSettingsOpen([&seen](SettingsDialog &dialog) {
            seen = true;
            QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("themeCombo"))->currentData().toString(),
                     QStringLiteral("light"));
            saveShot(&dialog, QStringLiteral("settings"));
            dialog.reject();
        });
        m_session.window()->findChild<QAction *>(QStringLiteral("actionSettings"))->trigger();
        QVERIFY(seen);
    }

    void chosenTheme_isAppliedAtTheNextStart()
    {
        chooseTheme(m_session, UiTheme::Dark);
        Theme::apply(UiTheme::System); // as a new process starts: the platform's look
        QVERIFY(m_session.restart());
        QCOMPARE(QApplication::palette().color(QPalette::Window),
                 Theme::darkPalette().color(QPalette::Window));
        QTRY_COMPARE(priceChart(m_session)->backgroundBrush().color(),
                     chart::ChartTheme::fromPalette(Theme::darkPalette()).background);
    }
};

BA_WEBENGINE_TEST_MAIN_WITH(QApplication, TestThemeScenario)
#include "tst_themescenario.moc"
