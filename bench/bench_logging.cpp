// Logging throughput and GUI responsiveness (issue "Observability", Benchmark section).
//
// Two threads log 100,000 messages each through the installed LogHub, with the log file open and
// a real LogDock (model + filter proxy + table view, shown offscreen) receiving the hub's batches
// in the GUI thread. A 5 ms heartbeat timer in the GUI thread measures the worst event-loop stall.
// The baseline is the same two threads with a no-op message handler, measured in the same run.
// Checks: worst stall <= 50 ms; every message in the file; the dock holds the newest entries and
// counts the rest as dropped; LogHub throughput >= half the no-op throughput. Prints medians.
#include "gui/LogDock.h"
#include "gui/LogModel.h"
#include "logging/Correlation.h"
#include "logging/LogHub.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

Q_LOGGING_CATEGORY(lcBench, "ba.bench.producer")

namespace {

constexpr int kThreads = 2;
constexpr int kPerThread = 100000;
constexpr int kHeartbeatMs = 5;
constexpr double kMaxStallMs = 50.0;
constexpr double kMinThroughputRatio = 0.5;

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start, Clock::time_point end)
{
    return std::chrono::duration<double, std::milli>(end - start).count();
}

void noopHandler(QtMsgType, const QMessageLogContext &, const QString &) {}

// The worst gap between two ticks of a 5 ms timer: how long the event loop was unable to run.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kHeartbeatMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worstNs = std::max(m_worstNs, now - m_lastNs);
            m_lastNs = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_lastNs = 0;
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return double(m_worstNs) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_worstNs = 0;
};

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

struct ProducerTimes
{
    double wallMs = 0;       // until both threads have logged everything
    double cpuMs = 0;        // the two threads' CPU time together
    double worstStallMs = 0; // of the GUI thread's event loop meanwhile
};

struct Run
{
    ProducerTimes producers;
    double allInDockMs = 0; // until the dock shows the last message
    double worstStallMs = 0;
    qint64 fileLines = 0; // bench lines found in the file
    int dockRows = 0;
    quint64 dockDropped = 0;
    quint64 hubEntries = 0; // entries the hub recorded in this run (sequence of the last one)
    bool newestLast = false;
    int batches = 0;           // batches the dock received
    int largestBatch = 0;      // entries in the largest
    double slowestBatchMs = 0; // the dock's longest time on one batch (model, proxy, view)
};

// Starts the producers and returns when both are done; the GUI thread's event loop keeps running.
ProducerTimes runProducers(QEventLoop &loop)
{
    std::atomic<int> finished{0};
    std::vector<Clock::time_point> ends(kThreads);
    std::vector<double> cpuMs(kThreads);
    const Clock::time_point start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([t, &ends, &cpuMs, &finished, &loop] {
            const double cpuStart = threadCpuMs();
            ba::CorrelationScope scope(QStringLiteral("r%1").arg(t + 1));
            for (int i = 0; i < kPerThread; ++i) {
                qCInfo(lcBench).noquote()
                    << "GET /api/v3/coins/bitcoin/market_chart?vs_currency=usd&days=30 -> 200" << i
                    << "ms 182 KB thread" << t;
            }
            ends[size_t(t)] = Clock::now();
            cpuMs[size_t(t)] = threadCpuMs() - cpuStart;
            if (finished.fetch_add(1) + 1 == kThreads) {
                QMetaObject::invokeMethod(
                    &loop, [&loop] { loop.quit(); }, Qt::QueuedConnection);
            }
        });
    }
    loop.exec();
    for (std::thread &thread : threads) {
        thread.join();
    }
    return {msSince(start, *std::max_element(ends.begin(), ends.end())), cpuMs[0] + cpuMs[1]};
}

// The same load with a no-op handler; its event-loop stall is what the machine alone causes.
ProducerTimes runBaseline()
{
    QEventLoop loop;
    const QtMessageHandler previous = qInstallMessageHandler(noopHandler);
    Heartbeat heartbeat;
    heartbeat.start();
    ProducerTimes times = runProducers(loop);
    times.worstStallMs = heartbeat.stop();
    qInstallMessageHandler(previous);
    return times;
}

qint64 countBenchLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return -1;
    }
    qint64 lines = 0;
    while (!file.atEnd()) {
        lines += file.readLine().contains(" ba.bench.producer [r") ? 1 : 0;
    }
    return lines;
}

Run runHub(int repeat)
{
    Run run;
    QTemporaryDir dir;
    ba::LogHub::Options options;
    options.echoToStderr = false;     // a terminal would be what is measured
    options.maxFileBytes = 1LL << 40; // one file, so that its lines can be counted
    ba::LogHub hub(options);
    const QString path = dir.filePath(QStringLiteral("logs/bitcoin-analyzer.log"));
    hub.openFile(path);
    // Connected around the dock's own slot (slots run in connection order): the dock's time per batch.
    QElapsedTimer batchClock;
    int batchSize = 0;
    QObject::connect(&hub, &ba::LogHub::entriesAppended, &hub, [&](const QList<ba::LogEntry> &entries) {
        batchSize = int(entries.size());
        batchClock.start();
    });
    ba::LogDock dock(&hub);
    QObject::connect(&hub, &ba::LogHub::entriesAppended, &hub, [&] {
        ++run.batches;
        run.largestBatch = std::max(run.largestBatch, batchSize);
        run.slowestBatchMs = std::max(run.slowestBatchMs, double(batchClock.nsecsElapsed()) / 1e6);
    });
    dock.resize(1100, 320);
    dock.show();
    QCoreApplication::processEvents();
    hub.install();

    Heartbeat heartbeat;
    heartbeat.start();
    QElapsedTimer total;
    total.start();
    QEventLoop loop;
    run.producers = runProducers(loop);

    // The last line, logged by the GUI thread: when the dock shows it, everything has been through.
    const QString sentinel = QStringLiteral("bench run %1 done").arg(repeat);
    qCInfo(lcBench).noquote() << sentinel;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const ba::LogModel *model = dock.model();
        if (model->rowCount() > 0 && model->entryAt(model->rowCount() - 1).message == sentinel) {
            loop.quit();
        }
    });
    poll.start(1);
    loop.exec();
    run.allInDockMs = double(total.nsecsElapsed()) / 1e6;
    run.worstStallMs = heartbeat.stop();

    hub.uninstall();
    hub.flush();
    const ba::LogModel *model = dock.model();
    run.dockRows = model->rowCount();
    run.dockDropped = model->droppedCount();
    const QList<ba::LogEntry> newest = hub.recent(1);
    run.hubEntries = newest.isEmpty() ? 0 : newest.constFirst().sequence;
    run.newestLast =
        !newest.isEmpty() && model->entryAt(run.dockRows - 1).sequence == newest.constFirst().sequence;
    run.fileLines = countBenchLines(path);
    return run;
}

template <typename T> T median(std::vector<T> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    const int repeats = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 5;
    const double messages = double(kThreads) * kPerThread;

    std::vector<double> baseline;
    std::vector<double> producers;
    std::vector<double> baselineCpu;
    std::vector<double> producersCpu;
    std::vector<double> inDock;
    std::vector<double> stalls;
    std::vector<double> baselineStalls;
    bool complete = true;
    for (int repeat = 1; repeat <= repeats; ++repeat) {
        const ProducerTimes base = runBaseline();
        baseline.push_back(base.wallMs);
        baselineCpu.push_back(base.cpuMs);
        baselineStalls.push_back(base.worstStallMs);
        const Run run = runHub(repeat);
        producers.push_back(run.producers.wallMs);
        producersCpu.push_back(run.producers.cpuMs);
        inDock.push_back(run.allInDockMs);
        stalls.push_back(run.worstStallMs);
        const bool fileOk = run.fileLines == qint64(messages);
        const bool dockOk = run.newestLast && run.dockRows == ba::LogModel::DefaultCapacity &&
                            quint64(run.dockRows) + run.dockDropped == run.hubEntries;
        complete = complete && fileOk && dockOk;
        std::printf(
            "run %d: no-op %.1f ms (CPU %.1f, stall %.1f), LogHub %.1f ms (CPU %.1f), in dock after %.1f ms, "
            "worst stall %.1f ms, "
            "file %lld/%lld lines, dock %d rows + %llu dropped = %llu entries, %d batches (largest %d, "
            "slowest %.1f ms)%s\n",
            repeat, base.wallMs, base.cpuMs, base.worstStallMs, run.producers.wallMs, run.producers.cpuMs,
            run.allInDockMs, run.worstStallMs, static_cast<long long>(run.fileLines),
            static_cast<long long>(messages), run.dockRows, static_cast<unsigned long long>(run.dockDropped),
            static_cast<unsigned long long>(run.hubEntries), run.batches, run.largestBatch,
            run.slowestBatchMs, fileOk && dockOk ? "" : "  <- INCOMPLETE");
    }

    const double baseRate = messages / median(baseline) * 1000.0;
    const double hubRate = messages / median(producers) * 1000.0;
    const double ratio = hubRate / baseRate;
    const double worstStall = *std::max_element(stalls.begin(), stalls.end());
    std::printf("\nbench_logging: %d threads x %d messages, %d repeats (medians)\n", kThreads, kPerThread,
                repeats);
    std::printf("  no-op handler      %8.1f ms  %6.2f M msg/s\n", median(baseline), baseRate / 1e6);
    std::printf("  LogHub + file + dock %6.1f ms  %6.2f M msg/s  ratio %.2f (need >= %.2f)\n",
                median(producers), hubRate / 1e6, ratio, kMinThroughputRatio);
    // The logging threads' own cost per message; the rest of the difference is CPU that the writer
    // and the GUI thread took from them (two cores).
    std::printf("  logging threads' CPU per message: no-op %.2f us, LogHub %.2f us\n",
                median(baselineCpu) * 1e3 / messages, median(producersCpu) * 1e3 / messages);
    std::printf("  all in the dock after %.1f ms (median)\n", median(inDock));
    std::printf("  event-loop stall: median of runs %.1f ms, worst %.1f ms (need <= %.0f; heartbeat %d ms)\n",
                median(stalls), worstStall, kMaxStallMs, kHeartbeatMs);
    std::printf("  the same with the no-op handler (the machine's own): median %.1f ms, worst %.1f ms\n",
                median(baselineStalls), *std::max_element(baselineStalls.begin(), baselineStalls.end()));
    std::printf("  every message in the file, newest %d in the dock with the rest counted: %s\n",
                ba::LogModel::DefaultCapacity, complete ? "yes" : "NO");
    const bool pass = complete && worstStall <= kMaxStallMs && ratio >= kMinThroughputRatio;
    std::printf("  %s\n", pass ? "PASS" : "FAIL");
    return pass ? 0 : 1;
}
