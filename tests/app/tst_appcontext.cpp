#include "app/AppContext.h"
#include "app/Bootstrap.h"
#include "gui/MainWindow.h"
#include "logging/LogHub.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ba;

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
};

QTEST_MAIN(TestAppContext)
#include "tst_appcontext.moc"
