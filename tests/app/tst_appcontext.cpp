#include "app/AppContext.h"
#include "app/Bootstrap.h"
#include "gui/MainWindow.h"
#include "gui/PriceChartView.h"
#include "gui/TroubleshootingDialog.h"
#include "logging/LogHub.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace ba;

namespace {

// The app as main() runs it, offline, in its own data folder: Bootstrap, then AppContext.
struct OfflineApp
{
    explicit OfflineApp(const QString &dataDir)
    {
        options.echoToStderr = false;
        hub = std::make_unique<LogHub>(options);
        auto outcome = Bootstrap::prepare(
            {QStringLiteral("app"), QStringLiteral("--data-dir"), dataDir, QStringLiteral("--offline")}, {});
        QString error;
        if (outcome.exitCode || !Bootstrap::createDataDir(outcome.prepared.config, *hub, &error)) {
            return;
        }
        context =
            std::make_unique<AppContext>(outcome.prepared.config, std::move(outcome.prepared.settings), *hub);
    }

    LogHub::Options options;
    std::unique_ptr<LogHub> hub;
    std::unique_ptr<AppContext> context;
};

// Runs `act` once the next modal widget of type T is shown (the code under test blocks in exec()).
template <typename T> void whenModalOpens(const std::function<void(T &)> &act)
{
    QTimer::singleShot(0, qApp, [act] {
        QVERIFY(QTest::qWaitFor([] { return qobject_cast<T *>(QApplication::activeModalWidget()); }));
        act(*qobject_cast<T *>(QApplication::activeModalWidget()));
    });
}

// A data folder whose database file is 4 KB of junk, as a crash or a bad copy leaves it.
bool writeDamagedDatabase(const QString &dataDir)
{
    QFile junk(dataDir + QStringLiteral("/bitcoin-analyzer.sqlite"));
    return QDir().mkpath(dataDir) && junk.open(QIODevice::WriteOnly) &&
           junk.write(QByteArray(4096, 'j')) == 4096;
}

QAction *helpAction(const MainWindow &window, const QString &text)
{
    for (QAction *action : window.helpMenu()->actions()) {
        if (action->text() == text) {
            return action;
        }
    }
    return nullptr;
}

} // namespace

// The Foundation's "done when": a fresh data dir gets the database with the four tables and a log
// file in the documented format, and the window opens.
class TestAppContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void start_onFreshDataDir_createsDatabaseLogAndWindow()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        LogHub::Options options;
        options.echoToStderr = false;
        LogHub hub(options);
        hub.install();

        auto outcome = Bootstrap::prepare(
            {QStringLiteral("app"), QStringLiteral("--data-dir"), dataDir, QStringLiteral("--offline")}, {});
        QVERIFY(!outcome.exitCode);
        QString error;
        QVERIFY2(Bootstrap::createDataDir(outcome.prepared.config, hub, &error), qPrintable(error));
        {
            AppContext context(outcome.prepared.config, std::move(outcome.prepared.settings), hub);
            QVERIFY(context.start());
            QVERIFY(context.mainWindow());
            QVERIFY(QTest::qWaitForWindowExposed(context.mainWindow()));
            QCOMPARE(context.mainWindow()->windowTitle().contains(QStringLiteral("Bitcoin Analyzer")), true);
            context.mainWindow()->close();
        }
        hub.flush();
        hub.uninstall();

        QVERIFY(QFile::exists(dataDir + QStringLiteral("/settings.ini")));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(dataDir + QStringLiteral("/bitcoin-analyzer.sqlite"));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")));
            QStringList tables;
            while (query.next()) {
                tables << query.value(0).toString();
            }
            for (const char *table : {"prices", "candles", "news", "analyses"}) {
                QVERIFY2(tables.contains(QLatin1String(table)), table);
            }
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));

        QFile log(dataDir + QStringLiteral("/logs/bitcoin-analyzer.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(!lines.isEmpty());
        static const QRegularExpression format(QStringLiteral(
            R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (DEBUG|INFO |WARN |ERROR|FATAL) ba\.[a-z.]+ \[(r\d+|-)\] .+$)"));
        bool sawStart = false;
        for (const QString &line : lines) {
            if (line.contains(QStringLiteral(" ba."))) {
                QVERIFY2(format.match(line).hasMatch(), qPrintable(line));
            }
            sawStart = sawStart || line.contains(QStringLiteral("Bitcoin Analyzer"));
        }
        QVERIFY(sawStart);
    }

    void start_withADamagedDatabase_offersAFreshStartAndKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        QVERIFY(writeDamagedDatabase(dataDir));

        OfflineApp app(dataDir);
        QVERIFY(app.context);
        whenModalOpens<QMessageBox>([](QMessageBox &box) {
            box.findChild<QAbstractButton *>(QStringLiteral("startFreshButton"))->click();
        });
        QVERIFY(app.context->start());
        QVERIFY(QTest::qWaitForWindowExposed(app.context->mainWindow()));
        QCOMPARE(QDir(dataDir).entryList({QStringLiteral("bitcoin-analyzer.sqlite.damaged-*")}).size(), 1);
        app.context->mainWindow()->close();
    }

    void start_withADamagedDatabase_cancelled_exitsAndTouchesNothing()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        QVERIFY(writeDamagedDatabase(dataDir));

        OfflineApp app(dataDir);
        whenModalOpens<QMessageBox>([](QMessageBox &box) { box.button(QMessageBox::Cancel)->click(); });
        QVERIFY(!app.context->start());
        QVERIFY(app.context->mainWindow() == nullptr);
        QCOMPARE(QFileInfo(dataDir + QStringLiteral("/bitcoin-analyzer.sqlite")).size(), 4096);
    }

    void pickedRange_isShownAgainAtTheNextStart()
    {
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        {
            OfflineApp app(dataDir);
            QVERIFY(app.context && app.context->start());
            auto *chart = app.context->mainWindow()->findChild<PriceChartView *>();
            QVERIFY(chart != nullptr);
            QCOMPARE(chart->range(), ChartRange::Month); // the default
            auto *yearButton = chart->findChild<QAbstractButton *>(
                QStringLiteral("rangeButton%1").arg(int(ChartRange::Year)));
            QVERIFY(yearButton != nullptr);
            QTest::mouseClick(yearButton, Qt::LeftButton);
            QCOMPARE(chart->range(), ChartRange::Year);
            app.context->mainWindow()->close();
        }
        OfflineApp again(dataDir);
        QVERIFY(again.context && again.context->start());
        QCOMPARE(again.context->mainWindow()->findChild<PriceChartView *>()->range(), ChartRange::Year);
        again.context->mainWindow()->close();
    }

    void helpMenu_troubleshootingGuide_opensTheBuiltInGuide()
    {
        QTemporaryDir dir;
        OfflineApp app(dir.filePath(QStringLiteral("data")));
        QVERIFY(app.context && app.context->start());
        QAction *guide = helpAction(*app.context->mainWindow(), QStringLiteral("&Troubleshooting Guide"));
        QVERIFY(guide != nullptr);
        QString shownTitle;
        whenModalOpens<TroubleshootingDialog>([&shownTitle](TroubleshootingDialog &dialog) {
            shownTitle = dialog.windowTitle();
            dialog.reject();
        });
        guide->trigger();
        QCOMPARE(shownTitle, QStringLiteral("Troubleshooting Guide"));
        app.context->mainWindow()->close();
    }
};

QTEST_MAIN(TestAppContext)
#include "tst_appcontext.moc"
