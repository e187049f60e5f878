// The real bitcoin-analyzer executable started on a data folder, as a user or a script does:
// one instance per folder, owner-only files, and a damaged database with no display to ask on.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

QProcessEnvironment appEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("BITCOIN_ANALYZER_")) || key.endsWith(QLatin1String("_API_KEY"))) {
            env.remove(key);
        }
    }
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    return env;
}

QFileDevice::Permissions others()
{
    return QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
           QFileDevice::WriteOther | QFileDevice::ExeOther;
}

int countInFile(const QString &path, const QByteArray &needle)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? int(file.readAll().count(needle)) : -1;
}

} // namespace

class TestStartupGuards : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void secondInstance_onTheSameDataDir_exitsOneNamingTheFirst();
    void lockOfAProcessThatDied_isTakenOver();
    void looseFilesOfOlderVersions_becomeOwnerOnly();
    void damagedDatabase_withoutDisplay_exitsWithTheOptionAndKeepsTheFile();
    void damagedDatabase_withResetOption_startsAfreshKeepingTheFile();

private:
    std::unique_ptr<QProcess> start(const QStringList &extra = {});
    bool waitUntilRunning(QProcess &app);
    void stop(QProcess &app);
    QString dataFile(const QString &name) const { return QDir(m_data).filePath(name); }
    bool writeDamagedDatabase(const QByteArray &garbage) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
    int m_shownBefore = 0; // "main window shown" lines in the log when the last process started
};

void TestStartupGuards::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_data = m_dir->filePath(QStringLiteral("data"));
}

void TestStartupGuards::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<QProcess> TestStartupGuards::start(const QStringList &extra)
{
    auto app = std::make_unique<QProcess>();
    app->setProcessEnvironment(appEnvironment(m_dir->path()));
    app->start(QStringLiteral(BA_APP_EXE),
               QStringList{QStringLiteral("--data-dir"), m_data, QStringLiteral("--offline")} + extra);
    app->waitForStarted();
    m_shownBefore =
        std::max(0, countInFile(dataFile(QStringLiteral("logs/bitcoin-analyzer.log")), "main window shown"));
    return app;
}

// Running = the window is up: one more "main window shown" line is in the log, and the process lives.
bool TestStartupGuards::waitUntilRunning(QProcess &app)
{
    QElapsedTimer clock;
    clock.start();
    const QString log = dataFile(QStringLiteral("logs/bitcoin-analyzer.log"));
    while (clock.elapsed() < 60000 && app.state() == QProcess::Running) {
        if (countInFile(log, "main window shown") > m_shownBefore) {
            return true;
        }
        app.waitForFinished(100); // returns early only if the process ends
    }
    return false;
}

void TestStartupGuards::stop(QProcess &app)
{
    app.terminate();
    if (!app.waitForFinished(10000)) {
        app.kill();
        app.waitForFinished();
    }
}

bool TestStartupGuards::writeDamagedDatabase(const QByteArray &garbage) const
{
    QFile file(dataFile(QStringLiteral("bitcoin-analyzer.sqlite")));
    return QDir().mkpath(m_data) && file.open(QIODevice::WriteOnly) && file.write(garbage) == garbage.size();
}

void TestStartupGuards::secondInstance_onTheSameDataDir_exitsOneNamingTheFirst()
{
    auto first = start();
    QVERIFY2(waitUntilRunning(*first), first->readAllStandardError().constData());

    auto second = start();
    QVERIFY(second->waitForFinished(60000));
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->exitCode(), 1);
    const QByteArray said = second->readAllStandardError();
    const QByteArray holder = "process " + QByteArray::number(first->processId());
    QVERIFY2(said.contains("already running") && said.contains(holder), said.constData());
    QVERIFY(said.contains("--data-dir"));
    // The first instance's log holds only its own start.
    QCOMPARE(
        countInFile(dataFile(QStringLiteral("logs/bitcoin-analyzer.log")), "Bitcoin Analyzer 0.1.0 on Qt"),
        1);
    QCOMPARE(first->state(), QProcess::Running);
    stop(*first);
}

void TestStartupGuards::lockOfAProcessThatDied_isTakenOver()
{
    auto first = start();
    QVERIFY(waitUntilRunning(*first));
    first->kill(); // no clean-up: the lock file stays with a dead process id
    first->waitForFinished();
    QVERIFY(QFile::exists(dataFile(QStringLiteral("bitcoin-analyzer.lock"))));

    auto second = start();
    QVERIFY2(waitUntilRunning(*second), second->readAllStandardError().constData());
    stop(*second);
}

void TestStartupGuards::looseFilesOfOlderVersions_becomeOwnerOnly()
{
    auto first = start();
    QVERIFY(waitUntilRunning(*first));
    stop(*first);
    // What older versions left: a 0755 folder and 0644 files.
    QFile settings(dataFile(QStringLiteral("settings.ini")));
    QVERIFY(settings.open(QIODevice::WriteOnly));
    settings.write("[chart]\nrange=2\n");
    settings.close();
    const QStringList files{QStringLiteral("bitcoin-analyzer.sqlite"), QStringLiteral("settings.ini"),
                            QStringLiteral("logs/bitcoin-analyzer.log")};
    QVERIFY(QFile::setPermissions(m_data, QFileDevice::Permissions(0x7755)));
    for (const QString &name : files) {
        QVERIFY2(QFile::exists(dataFile(name)), qPrintable(name));
        QVERIFY(QFile::setPermissions(dataFile(name), QFileDevice::Permissions(0x6644)));
    }

    auto again = start();
    QVERIFY(waitUntilRunning(*again));
    QCOMPARE(QFile::permissions(m_data) & others(), QFileDevice::Permissions());
    // Everything in the folder, old or new (the database's -wal and -shm, the lock), is the owner's.
    QDirIterator it(m_data, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    int checked = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QVERIFY2((QFile::permissions(path) & others()) == QFileDevice::Permissions(), qPrintable(path));
        ++checked;
    }
    QVERIFY(checked >= 5);
    QCOMPARE(QFile::permissions(dataFile(QStringLiteral("logs/bitcoin-analyzer.log"))) & others(),
             QFileDevice::Permissions());
    stop(*again);
}

void TestStartupGuards::damagedDatabase_withoutDisplay_exitsWithTheOptionAndKeepsTheFile()
{
    const QByteArray garbage = QByteArray("this is not an SQLite database\n").repeated(200);
    QVERIFY(writeDamagedDatabase(garbage));

    // Before the fix a modal dialog waited for a click nobody could give.
    auto app = start();
    QVERIFY2(app->waitForFinished(60000), "the start-up blocked");
    QCOMPARE(app->exitCode(), 1);
    const QByteArray said = app->readAllStandardError();
    QVERIFY2(said.contains("--reset-database"), said.constData());
    QFile file(dataFile(QStringLiteral("bitcoin-analyzer.sqlite")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage);
}

void TestStartupGuards::damagedDatabase_withResetOption_startsAfreshKeepingTheFile()
{
    const QByteArray garbage = QByteArray("this is not an SQLite database\n").repeated(200);
    QVERIFY(writeDamagedDatabase(garbage));

    auto app = start({QStringLiteral("--reset-database")});
    QVERIFY2(waitUntilRunning(*app), app->readAllStandardError().constData());
    const QStringList kept =
        QDir(m_data).entryList({QStringLiteral("bitcoin-analyzer.sqlite.damaged-*")}, QDir::Files);
    QCOMPARE(kept.size(), 1);
    QFile aside(dataFile(kept.constFirst()));
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), garbage);
    stop(*app);
}

QTEST_GUILESS_MAIN(TestStartupGuards)
#include "tst_startupguards.moc"
