#include "app/CommandLine.h"
#include "ba/Version.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace ba;

// Runs the real executable: exit codes and "nothing is created" are properties of the whole program.
class TestCommandLine : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run runApp(const QStringList &arguments, const QProcessEnvironment &env = cleanEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(BA_APP_EXE), arguments);
        Run run;
        if (!process.waitForFinished(30000)) {
            process.kill();
            process.waitForFinished();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
        run.err = QString::fromLocal8Bit(process.readAllStandardError());
        return run;
    }

    static QProcessEnvironment cleanEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : env.keys()) {
            if (key.startsWith(QLatin1String("BITCOIN_ANALYZER_")) ||
                key.endsWith(QLatin1String("_API_KEY"))) {
                env.remove(key);
            }
        }
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return env;
    }

private Q_SLOTS:
    void parse_everyContractOption_isAccepted()
    {
        const QStringList args{QStringLiteral("app"),
                               QStringLiteral("--data-dir"),
                               QStringLiteral("/tmp/x"),
                               QStringLiteral("--coingecko-url"),
                               QStringLiteral("http://127.0.0.1:1/api/v3"),
                               QStringLiteral("--gemini-url"),
                               QStringLiteral("http://127.0.0.1:2/v1beta"),
                               QStringLiteral("--news-url"),
                               QStringLiteral("http://127.0.0.1:3/"),
                               QStringLiteral("--news-config"),
                               QStringLiteral("/tmp/n.json"),
                               QStringLiteral("--gemini-model"),
                               QStringLiteral("gemini-x"),
                               QStringLiteral("--coin"),
                               QStringLiteral("ethereum"),
                               QStringLiteral("--currency"),
                               QStringLiteral("eur"),
                               QStringLiteral("--offline"),
                               QStringLiteral("--lang"),
                               QStringLiteral("fr"),
                               QStringLiteral("--log-level"),
                               QStringLiteral("debug")};
        const CommandLine::Result result = CommandLine::parse(args);
        QCOMPARE(result.outcome, CommandLine::Outcome::Run);
        QCOMPARE(result.values.size(), 11);
        QCOMPARE(result.values.value(QStringLiteral("coin")), QStringLiteral("ethereum"));
        QCOMPARE(result.values.value(QStringLiteral("offline")), QStringLiteral("1"));
    }

    void help_listsEveryOptionOfTheContract()
    {
        const Run run = runApp({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *option :
             {"--data-dir", "--coingecko-url", "--gemini-url", "--news-url", "--news-config",
              "--gemini-model", "--coin", "--currency", "--offline", "--lang", "--log-level", "--help",
              "--version", "GEMINI_API_KEY", "COINGECKO_API_KEY"}) {
            QVERIFY2(run.out.contains(QLatin1String(option)), option);
        }
    }

    void version_printsTheVersion()
    {
        const Run run = runApp({QStringLiteral("--version")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral(BA_VERSION)));
    }

    void badValue_exitsWithStatus2_andCreatesNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("option");
        QTest::newRow("malformed url")
            << QStringList{QStringLiteral("--coingecko-url"), QStringLiteral("::nope")}
            << QStringLiteral("--coingecko-url");
        QTest::newRow("unknown language")
            << QStringList{QStringLiteral("--lang"), QStringLiteral("xx")} << QStringLiteral("--lang");
        QTest::newRow("unknown log level")
            << QStringList{QStringLiteral("--log-level"), QStringLiteral("loud")}
            << QStringLiteral("--log-level");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("missing value") << QStringList{QStringLiteral("--coin")} << QStringLiteral("coin");
    }

    void badValue_exitsWithStatus2_andCreatesNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, option);
        QTemporaryDir dir;
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        const Run run = runApp(QStringList{QStringLiteral("--data-dir"), dataDir} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(option), qPrintable(run.err));
        // One line of ours (Qt may add its own environment warnings on other lines).
        const QStringList ours = run.err.split(u'\n').filter(QStringLiteral("bitcoin-analyzer: "));
        QCOMPARE(ours.size(), 1);
        QVERIFY(ours.constFirst().contains(option));
        QVERIFY(!QDir(dataDir).exists());
    }

    void unreadableDataDir_exitsWithStatus2()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a-file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const Run run = runApp({QStringLiteral("--data-dir"), file});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("--data-dir")));
    }

    void badEnvironmentValue_exitsWithStatus2()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("BITCOIN_ANALYZER_GEMINI_URL"), QStringLiteral("gopher://x"));
        const Run run = runApp({QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("d"))}, env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("--gemini-url")));
        QVERIFY(!QDir(dir.filePath(QStringLiteral("d"))).exists());
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
