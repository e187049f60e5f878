#pragma once

// The assembled application for scenario tests: the real AppContext (MainWindow, services, SQLite
// in a temporary data folder, the built-in news profiles with the hidden browser) started through
// Bootstrap with the command-line options scripts/demo.sh uses, pointing at the demo market on
// 127.0.0.1 (fakes/DemoMarket.h): coherent prices, a news page with its feed, and a demo AI.
// Tests using it start Qt WebEngine: BA_WEBENGINE_TEST_MAIN_WITH(QApplication, ...).

#include "app/AppContext.h"
#include "app/Bootstrap.h"
#include "fakes/DemoMarket.h"
#include "fakes/FakeCoinGecko.h"
#include "fakes/FakeGemini.h"
#include "fakes/FakeNewsSite.h"
#include "gui/AnalysisView.h"
#include "gui/MainWindow.h"
#include "gui/PriceChartView.h"
#include "logging/LogHub.h"
#include "services/AppSettings.h"
#include "services/RefreshCoordinator.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace ba::test {

class MarketSession
{
public:
    static constexpr double Temperature = 0.7; // Settings → AI, as saved in settings.ini
    static constexpr int MaxOutputTokens = 1536;

    fakes::FakeCoinGecko coinGecko;
    fakes::FakeGemini gemini;
    fakes::FakeNewsSite newsSite;
    QTemporaryDir dir;
    QString dataDir = dir.filePath(QStringLiteral("data"));
    std::unique_ptr<LogHub> hub;
    std::unique_ptr<AppContext> app;
    std::unique_ptr<QSignalSpy> refreshes; // RefreshCoordinator::finished

    // Empty: the system clock; else the services' "now" (the fake CoinGecko's too).
    AppContext::Clock clock;

    ~MarketSession()
    {
        if (app && app->mainWindow()) {
            app->mainWindow()->close();
        }
        refreshes.reset();
        app.reset();
    }

    bool start(const QStringList &extraArguments = {})
    {
        if (!dir.isValid() || !coinGecko.listen() || !gemini.listen() || !newsSite.listen()) {
            return false;
        }
        fakes::demo::setUp(coinGecko, gemini, newsSite);
        if (!QDir().mkpath(dataDir)) {
            return false;
        }
        {
            // The keyless plan allows 10 requests a minute; a session of clicks needs more. The AI
            // sampling is the user's, to be seen in the requests.
            QSettings ini(QDir(dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            AppSettings settings(&ini);
            settings.setCoinGeckoRequestsPerMinute(1000);
            settings.setTemperature(Temperature);
            settings.setMaxOutputTokens(MaxOutputTokens);
        }
        return launch(extraArguments);
    }

    // Closes the window as the user does and starts the app again on the same data folder.
    bool restart(const QStringList &extraArguments = {})
    {
        window()->close();
        refreshes.reset();
        app.reset();
        return launch(extraArguments);
    }

    MainWindow *window() const { return app->mainWindow(); }
    PriceChartView *chart() const { return window()->findChild<PriceChartView *>(); }
    AnalysisView *analysisView() const { return window()->findChild<AnalysisView *>(); }
    QSqlDatabase db() const { return QSqlDatabase::database(QStringLiteral("ba-main")); }

    // Waits until `count` refreshes have finished in all; returns the reports of the last one.
    QList<StepReport> waitForRefreshes(int count, int timeoutMs = 30000)
    {
        if (!QTest::qWaitFor([&] { return refreshes->size() >= count; }, timeoutMs)) {
            return {};
        }
        return refreshes->at(count - 1).at(1).value<QList<StepReport>>();
    }

    static StepReport step(const QList<StepReport> &reports, const QString &name)
    {
        for (const StepReport &report : reports) {
            if (report.step == name) {
                return report;
            }
        }
        return {};
    }

    // As the user does it: a click on the range button.
    void clickRange(ChartRange range) const
    {
        auto *button = chart()->findChild<QAbstractButton *>(QStringLiteral("rangeButton%1").arg(int(range)));
        QVERIFY(button != nullptr);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // As the user does it: arrow keys on the coin or currency picker until `data` is current.
    void choose(const QString &comboName, const QString &data) const
    {
        auto *combo = chart()->findChild<QComboBox *>(comboName);
        QVERIFY(combo != nullptr);
        const int target = combo->findData(data);
        QVERIFY2(target >= 0, qPrintable(data));
        combo->setFocus();
        while (combo->currentIndex() != target) {
            QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
        }
    }

    bool launch(const QStringList &extraArguments)
    {
        LogHub::Options options;
        options.echoToStderr = false;
        hub = std::make_unique<LogHub>(options);
        auto outcome = Bootstrap::prepare(
            QStringList{QStringLiteral("app"), QStringLiteral("--data-dir"), dataDir,
                        QStringLiteral("--coingecko-url"), coinGecko.baseUrl().toString(),
                        QStringLiteral("--gemini-url"), gemini.baseUrl().toString(),
                        QStringLiteral("--news-url"),
                        newsSite.url(QString::fromLatin1(fakes::demo::NewsPath)).toString()} +
                extraArguments,
            {{QStringLiteral("GEMINI_API_KEY"), QStringLiteral("test-gemini-key")}});
        QString error;
        if (outcome.exitCode || !Bootstrap::createDataDir(outcome.prepared.config, *hub, &error)) {
            return false;
        }
        if (clock) {
            coinGecko.setNowMs(clock());
        }
        app = std::make_unique<AppContext>(outcome.prepared.config, std::move(outcome.prepared.settings),
                                           *hub, clock);
        // The coordinator exists once start() has built the services; the start-up refresh begins
        // only after the keys are read, on a later turn of the event loop.
        if (!app->start()) {
            return false;
        }
        refreshes = std::make_unique<QSignalSpy>(app->refreshCoordinator(), &RefreshCoordinator::finished);
        return QTest::qWaitForWindowExposed(window());
    }

    // With BA_SCREENSHOT_DIR set, saves the window at 1600×1000 and 1024×640 as <name>-<size>.png
    // (for looking at after a visible change; the tests never compare pixels).
    void screenshot(const QString &name) const
    {
        const QString folder = qEnvironmentVariable("BA_SCREENSHOT_DIR");
        if (folder.isEmpty()) {
            return;
        }
        for (const QSize size : {QSize(1600, 1000), QSize(1024, 640)}) {
            window()->resize(size);
            QCoreApplication::processEvents();
            window()->grab().save(QDir(folder).filePath(
                QStringLiteral("%1-%2x%3.png").arg(name).arg(size.width()).arg(size.height())));
        }
    }

    int count(const QString &sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
    }
};

} // namespace ba::test
