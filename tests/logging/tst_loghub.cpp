#include "logging/Correlation.h"
#include "logging/LogHub.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <thread>
#include <vector>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using ba::LogEntry;
using ba::LogHub;

Q_LOGGING_CATEGORY(lcHubTest, "ba.test.hub")
Q_LOGGING_CATEGORY(lcQuietByDefault, "ba.test.quiet", QtInfoMsg)

namespace {

const char kCategory[] = "ba.test.hub";

LogHub::Options quietOptions()
{
    LogHub::Options options;
    options.echoToStderr = false; // keep the test output readable
    options.guiBatchIntervalMs = 10;
    return options;
}

QStringList fileLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QString fileText(const QString &path)
{
    return fileLines(path).join(QLatin1Char('\n'));
}

QStringList messages(const QList<LogEntry> &entries)
{
    QStringList result;
    for (const LogEntry &entry : entries) {
        result.append(entry.message);
    }
    return result;
}

} // namespace

class TestLogHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void append_fourThreadsBelowCap_noneLostAndOrderKeptPerThread()
    {
        constexpr int kThreads = 4;
        constexpr int kPerThread = 10000;
        LogHub hub(quietOptions());
        std::vector<std::thread> producers;
        for (int t = 0; t < kThreads; ++t) {
            producers.emplace_back([&hub, t] {
                for (int i = 0; i < kPerThread; ++i) {
                    hub.append(QtInfoMsg, kCategory, QStringLiteral("t%1 %2").arg(t).arg(i));
                }
            });
        }
        for (std::thread &producer : producers) {
            producer.join();
        }
        hub.flush();

        const QList<LogEntry> entries = hub.recent(kThreads * kPerThread + 100);
        QCOMPARE(entries.size(), kThreads * kPerThread);
        QCOMPARE(hub.droppedFromRing(), quint64(0));
        QHash<quintptr, quint64> lastSequence;
        QHash<QString, int> nextCounter;
        for (int index = 0; index < entries.size(); ++index) {
            const LogEntry &entry = entries.at(index);
            QCOMPARE(entry.sequence, quint64(index + 1)); // no gaps below the cap
            QVERIFY(entry.sequence > lastSequence.value(entry.threadId, 0));
            lastSequence.insert(entry.threadId, entry.sequence);
            const QStringList parts = entry.message.split(QLatin1Char(' '));
            QCOMPARE(parts.at(1).toInt(), nextCounter.value(parts.at(0), 0));
            nextCounter.insert(parts.at(0), parts.at(1).toInt() + 1);
        }
        QCOMPARE(lastSequence.size(), kThreads);
        for (int t = 0; t < kThreads; ++t) {
            QCOMPARE(nextCounter.value(QStringLiteral("t%1").arg(t)), kPerThread);
        }
    }

    void append_overRingCapacity_dropsOldestAndCountsThem()
    {
        LogHub::Options options = quietOptions();
        options.ringCapacity = 100;
        LogHub hub(options);
        for (int i = 0; i < 250; ++i) {
            hub.append(QtInfoMsg, kCategory, QStringLiteral("m%1").arg(i));
        }
        hub.flush();
        const QList<LogEntry> entries = hub.recent(1000);
        QCOMPARE(entries.size(), 100);
        QCOMPARE(entries.first().message, QStringLiteral("m150"));
        QCOMPARE(entries.last().message, QStringLiteral("m249"));
        QCOMPARE(hub.droppedFromRing(), quint64(150));
        QCOMPARE(messages(hub.recent(2)), (QStringList{QStringLiteral("m248"), QStringLiteral("m249")}));
    }

    void openFile_smallMaxBytes_rotatesKeepingFiveFilesWithinLimit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        LogHub::Options options = quietOptions();
        options.maxFileBytes = 2000;
        LogHub hub(options);
        const QString path = dir.filePath(QStringLiteral("logs/bitcoin-analyzer.log"));
        QString error;
        QVERIFY2(hub.openFile(path, &error), qPrintable(error));
        QCOMPARE(hub.filePath(), QFileInfo(path).absoluteFilePath());
        for (int i = 0; i < 1000; ++i) { // ~80 KB: about 40 rotations
            hub.append(QtInfoMsg, kCategory, QStringLiteral("rotation line %1").arg(i));
        }
        hub.flush();

        QVERIFY(QFile::exists(path));
        for (int index = 1; index <= 5; ++index) {
            const QString rotated = path + QLatin1Char('.') + QString::number(index);
            QVERIFY2(QFile::exists(rotated), qPrintable(rotated));
            QVERIFY(QFileInfo(rotated).size() <= options.maxFileBytes);
            QVERIFY(QFileInfo(rotated).size() > options.maxFileBytes / 2);
        }
        QVERIFY(!QFile::exists(path + QStringLiteral(".6")));
        QVERIFY(QFileInfo(path).size() <= options.maxFileBytes);
        QVERIFY(fileText(path).endsWith(QStringLiteral("rotation line 999")));
        QCOMPARE(QDir(dir.filePath(QStringLiteral("logs"))).entryList(QDir::Files).size(), 6);
    }

    void openFile_lines_matchContractRegex()
    {
        QTemporaryDir dir;
        LogHub hub(quietOptions());
        hub.setMinimumLevel(QtDebugMsg);
        const QString path = dir.filePath(QStringLiteral("bitcoin-analyzer.log"));
        QVERIFY(hub.openFile(path));
        const QList<QtMsgType> levels{QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg};
        for (QtMsgType level : levels) {
            hub.append(level, "ba.net.coingecko", QStringLiteral("GET /x -> 200"));
            const ba::CorrelationScope scope(QStringLiteral("r42"));
            hub.append(level, "ba.services.refresh", QStringLiteral("multi\nline"));
        }
        hub.flush();

        const QRegularExpression contract(QStringLiteral(
            R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (DEBUG|INFO |WARN |ERROR|FATAL) ba\.[a-z.]+ \[(r\d+|-)\] .*$)"));
        const QStringList lines = fileLines(path);
        QCOMPARE(lines.size(), 8);
        for (const QString &line : lines) {
            QVERIFY2(contract.match(line).hasMatch(), qPrintable(line));
        }
    }

    void append_insideCorrelationScope_stampsCallersId()
    {
        QTemporaryDir dir;
        LogHub hub(quietOptions());
        const QString path = dir.filePath(QStringLiteral("a.log"));
        QVERIFY(hub.openFile(path));
        {
            const ba::CorrelationScope scope(QStringLiteral("r42"));
            hub.append(QtInfoMsg, kCategory, QStringLiteral("inside"));
        }
        hub.append(QtInfoMsg, kCategory, QStringLiteral("outside"));
        hub.flush();

        const QList<LogEntry> entries = hub.recent(2);
        QCOMPARE(entries.at(0).correlationId, QStringLiteral("r42"));
        QVERIFY(entries.at(1).correlationId.isEmpty());
        const QStringList lines = fileLines(path);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).endsWith(QStringLiteral("ba.test.hub [r42] inside")), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).endsWith(QStringLiteral("ba.test.hub [-] outside")), qPrintable(lines.at(1)));
    }

    void append_plantedSecrets_neverInFileOrRing()
    {
        QTemporaryDir dir;
        LogHub hub(quietOptions());
        hub.setSecrets({QStringLiteral("PlantedSecret-4711")});
        const QString path = dir.filePath(QStringLiteral("a.log"));
        hub.append(QtInfoMsg, kCategory, QStringLiteral("before open PlantedSecret-4711"));
        QVERIFY(hub.openFile(path));
        hub.append(QtWarningMsg, kCategory,
                   QStringLiteral("GET https://g.test/v1?key=QueryKey-0815&alt=json"));
        hub.append(QtInfoMsg, kCategory, QStringLiteral("x-goog-api-key: HeaderKey-1234"));
        hub.append(QtInfoMsg, kCategory, QStringLiteral("value PlantedSecret-4711 in text"));
        hub.flush();

        const QString text = fileText(path);
        const QString ring = messages(hub.recent(100)).join(QLatin1Char('\n'));
        for (const QString &haystack : {text, ring}) {
            QVERIFY(!haystack.contains(QStringLiteral("PlantedSecret-4711")));
            QVERIFY(!haystack.contains(QStringLiteral("QueryKey-0815")));
            QVERIFY(!haystack.contains(QStringLiteral("HeaderKey-1234")));
            QCOMPARE(haystack.count(QStringLiteral("***")), 4);
        }
    }

    void setMinimumLevel_info_dropsDebug()
    {
        LogHub hub(quietOptions());
        QCOMPARE(hub.minimumLevel(), QtInfoMsg);
        hub.append(QtDebugMsg, kCategory, QStringLiteral("dropped"));
        hub.append(QtInfoMsg, kCategory, QStringLiteral("kept info"));
        hub.setMinimumLevel(QtWarningMsg);
        hub.append(QtInfoMsg, kCategory, QStringLiteral("dropped too"));
        hub.append(QtCriticalMsg, kCategory, QStringLiteral("kept error"));
        hub.flush();
        QCOMPARE(messages(hub.recent(10)),
                 (QStringList{QStringLiteral("kept info"), QStringLiteral("kept error")}));
    }

    void setMinimumLevel_debug_enablesDebugOfBaCategories()
    {
        qunsetenv("QT_LOGGING_RULES");
        LogHub hub(quietOptions());
        QVERIFY(!lcQuietByDefault().isDebugEnabled());
        hub.setMinimumLevel(QtDebugMsg);
        QVERIFY(lcQuietByDefault().isDebugEnabled());
        hub.setMinimumLevel(QtInfoMsg);
        QVERIFY(!lcQuietByDefault().isDebugEnabled());
    }

    void openFile_afterLogging_writesEarlierLinesFirst()
    {
        QTemporaryDir dir;
        LogHub hub(quietOptions());
        hub.append(QtInfoMsg, kCategory, QStringLiteral("early 1"));
        hub.append(QtWarningMsg, kCategory, QStringLiteral("early 2"));
        hub.flush();
        const QString path = dir.filePath(QStringLiteral("late/a.log"));
        QVERIFY(hub.openFile(path));
        hub.append(QtInfoMsg, kCategory, QStringLiteral("after open"));
        hub.flush();

        const QStringList lines = fileLines(path);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).endsWith(QStringLiteral("early 1")));
        QVERIFY(lines.at(1).endsWith(QStringLiteral("early 2")));
        QVERIFY(lines.at(2).endsWith(QStringLiteral("after open")));
    }

    void openFile_unwritableLocation_returnsFalseWithReason()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        LogHub hub(quietOptions());
        QString error;
        QVERIFY(!hub.openFile(blocker + QStringLiteral("/sub/a.log"), &error)); // a file is in the way
        QVERIFY(!error.isEmpty());
        QVERIFY(hub.filePath().isEmpty());
    }

    void entriesAppended_deliversBatchesInHubThread()
    {
        LogHub hub(quietOptions());
        QThread *deliveredOn = nullptr;
        connect(&hub, &LogHub::entriesAppended, this,
                [&deliveredOn](const QList<LogEntry> &) { deliveredOn = QThread::currentThread(); });
        QSignalSpy spy(&hub, &LogHub::entriesAppended);
        std::thread producer([&hub] {
            for (int i = 0; i < 50; ++i) {
                hub.append(QtInfoMsg, kCategory, QStringLiteral("g%1").arg(i));
            }
        });
        producer.join();

        QStringList delivered;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QList<QVariant> &arguments : std::as_const(spy)) {
                    delivered += messages(arguments.at(0).value<QList<LogEntry>>());
                }
                spy.clear();
                return delivered.size() == 50;
            }(),
            5000);
        QCOMPARE(delivered.first(), QStringLiteral("g0"));
        QCOMPARE(delivered.last(), QStringLiteral("g49"));
        QCOMPARE(deliveredOn, QThread::currentThread());

        // Nothing new: no further (empty) batches.
        QVERIFY(!spy.wait(100));
    }

    void install_qCInfo_routedThroughHub()
    {
        LogHub hub(quietOptions());
        QVERIFY(LogHub::installed() == nullptr);
        hub.install();
        QCOMPARE(LogHub::installed(), &hub);
        {
            const ba::CorrelationScope scope(QStringLiteral("r9"));
            qCInfo(lcHubTest) << "routed" << 42;
        }
        hub.uninstall();
        QVERIFY(LogHub::installed() == nullptr);
        qCInfo(lcHubTest) << "after uninstall";
        hub.flush();

        const QList<LogEntry> entries = hub.recent(10);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).category, QStringLiteral("ba.test.hub"));
        QCOMPARE(entries.at(0).message, QStringLiteral("routed 42"));
        QCOMPARE(entries.at(0).correlationId, QStringLiteral("r9"));
        QCOMPARE(entries.at(0).level, QtInfoMsg);
    }

    void qFatal_installed_lineReachesFileBeforeAbort()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fatal.log"));
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("BA_LOGHUB_FATAL_CHILD"), path);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), QStringList());
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        const QStringList lines = fileLines(path);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(QStringLiteral("WARN  ba.test.hub [-] before fatal")),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).contains(QStringLiteral("FATAL default [r13] fatal reached the file")),
                 qPrintable(lines.at(1)));
    }

#ifdef Q_OS_UNIX
    void append_writerStalledByTheDisk_dropsBeyondTheLimitAndSaysHowMany()
    {
        // The log "file" is a pipe that nobody reads yet: the writer blocks in write() once the
        // pipe's buffer (64 KiB) is full, like a stalled disk.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stalled.log"));
        QCOMPARE(mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        const int reader = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK);
        QVERIFY(reader >= 0);
        QByteArray written;
        std::thread readLater;
        {
            LogHub::Options options = quietOptions();
            options.maxWaitingPerThread = 100;
            LogHub hub(options);
            QVERIFY(hub.openFile(path));
            const QString longLine(1000, QLatin1Char('x'));
            for (int i = 0; i < 200; ++i) { // at least 100 accepted: 100 KB, more than the pipe holds
                hub.append(QtInfoMsg, kCategory, longLine);
            }
            for (int i = 0; i < 1000; ++i) { // at most 100 of these fit while the writer is stuck
                hub.append(QtInfoMsg, kCategory, QStringLiteral("short %1").arg(i));
            }
            // Now read: the writer gets going again and the hub, when destroyed, closes the pipe.
            fcntl(reader, F_SETFL, fcntl(reader, F_GETFL) & ~O_NONBLOCK);
            readLater = std::thread([reader, &written] {
                char buffer[65536];
                ssize_t got = 0;
                while ((got = ::read(reader, buffer, sizeof buffer)) > 0) {
                    written.append(buffer, qsizetype(got));
                }
            });
            hub.flush();
        }
        readLater.join();
        ::close(reader);

        const QStringList lines = QString::fromUtf8(written).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        static const QRegularExpression notice(QStringLiteral("ba\\.logging \\[-\\] (\\d+) messages dropped: "
                                                              "the log writer could not keep up$"));
        int dropped = 0;
        int kept = 0;
        for (const QString &line : lines) {
            const QRegularExpressionMatch match = notice.match(line);
            if (match.hasMatch()) {
                QVERIFY(line.contains(QStringLiteral(" WARN ")));
                dropped += match.captured(1).toInt();
            } else if (line.contains(QLatin1String(kCategory))) {
                ++kept;
            }
        }
        QVERIFY2(dropped >= 900, qPrintable(QStringLiteral("%1 dropped").arg(dropped)));
        QCOMPARE(kept + dropped, 1200); // every message either in the file or counted
    }
#endif

    void destructor_whileInstalled_uninstallsAndDrainsQueue()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.log"));
        {
            LogHub hub(quietOptions());
            hub.install();
            QVERIFY(hub.openFile(path));
            for (int i = 0; i < 500; ++i) {
                qCWarning(lcHubTest, "drain %d", i);
            }
        }
        QVERIFY(LogHub::installed() == nullptr);
        const QStringList lines = fileLines(path);
        QCOMPARE(lines.size(), 500);
        QVERIFY(lines.last().endsWith(QStringLiteral("drain 499")));
    }
};

// Child mode of qFatal_installed_lineReachesFileBeforeAbort: this process logs, calls qFatal and
// is aborted by Qt; the parent then reads the file.
static int runFatalChild(int argc, char **argv, const QString &path)
{
#ifdef Q_OS_UNIX
    const rlimit noCoreDump{0, 0};
    setrlimit(RLIMIT_CORE, &noCoreDump);
#endif
    QCoreApplication app(argc, argv);
    LogHub hub(quietOptions());
    hub.install();
    if (!hub.openFile(path)) {
        return 2;
    }
    qCWarning(lcHubTest) << "before fatal";
    const ba::CorrelationScope scope(QStringLiteral("r13"));
    qFatal("fatal reached the %s", "file");
}

int main(int argc, char **argv)
{
    const QString fatalChildPath = qEnvironmentVariable("BA_LOGHUB_FATAL_CHILD");
    if (!fatalChildPath.isEmpty()) {
        return runFatalChild(argc, argv, fatalChildPath);
    }
    QCoreApplication app(argc, argv);
    TestLogHub test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_loghub.moc"
