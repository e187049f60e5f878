#include "logging/LogHub.h"

#include "logging/Correlation.h"
#include "logging/Redactor.h"
#include "logging/RotatingLogFile.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <pthread.h>
#include <mutex>
#include <thread>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#endif
#include <vector>

namespace ba {

namespace {

// A backstop against a runaway producer when the writer cannot keep up (e.g. a stalled disk):
// the handler must never block, so beyond this many waiting messages new ones are counted and dropped.
constexpr size_t kMaxQueued = 1000000;

// QtMsgType values are not ordered by severity (QtInfoMsg is 4).
int severity(QtMsgType level)
{
    switch (level) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 1;
}

// A message as captured on the calling thread; everything costly happens later in the writer.
struct Pending
{
    QtMsgType level;
    qint64 timeMs;
    QString category;
    QString correlationId;
    QString message;
    quintptr threadId;
};

// Producers hold the queue lock for one push_back: a contended lock is better spun on briefly than
// slept on (glibc's adaptive mutex), or two logging threads hand the lock over through the kernel.
class AdaptiveMutex
{
public:
    AdaptiveMutex()
    {
        pthread_mutexattr_t attributes;
        pthread_mutexattr_init(&attributes);
#if defined(PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP)
        pthread_mutexattr_settype(&attributes, PTHREAD_MUTEX_ADAPTIVE_NP);
#endif
        pthread_mutex_init(&m_mutex, &attributes);
        pthread_mutexattr_destroy(&attributes);
    }
    ~AdaptiveMutex() { pthread_mutex_destroy(&m_mutex); }
    AdaptiveMutex(const AdaptiveMutex &) = delete;
    AdaptiveMutex &operator=(const AdaptiveMutex &) = delete;
    void lock() { pthread_mutex_lock(&m_mutex); }
    void unlock() { pthread_mutex_unlock(&m_mutex); }
    bool try_lock() { return pthread_mutex_trylock(&m_mutex) == 0; }

private:
    pthread_mutex_t m_mutex;
};

bool rulesSetByHub = false; // setFilterRules is process-wide; only undo what we did

// The writer runs below normal priority: when the CPU is short (two cores, a burst of logging), the
// GUI thread and the threads doing the logged work go first and the writer catches up right after.
// Measured by bench_logging on two busy cores: the worst event-loop stall fell from 60-600 ms to
// under 35 ms and logging throughput rose from 0.4 to 0.6-1.0 of a no-op handler. Nothing is lost:
// the queue holds what the writer has not reached yet. On Linux the nice value is per thread.
void lowerWriterPriority()
{
#if defined(Q_OS_LINUX)
    constexpr int kWriterNice = 10;
    setpriority(PRIO_PROCESS, 0, kWriterNice);
#endif
}

// Category names are nearly always static strings: each thread decodes a name once and then shares
// the QString, instead of allocating and decoding it for every message. The bytes are compared too,
// so a name whose memory was reused for another name is never confused with it.
QString categoryName(const char *category)
{
    if (!category) {
        return QStringLiteral("default");
    }
    struct Cached
    {
        QByteArray bytes;
        QString name;
    };
    thread_local QHash<const char *, Cached> cache;
    auto it = cache.find(category);
    if (it == cache.end() || qstrcmp(it->bytes.constData(), category) != 0) {
        const QByteArray bytes(category);
        it = cache.insert(category, Cached{bytes, QString::fromUtf8(bytes)});
    }
    return it->name;
}

} // namespace

struct LogHub::Private
{
    explicit Private(LogHub *hub, const Options &opts)
        : q(hub), options(opts), file(opts.maxFileBytes, opts.keptFiles)
    {}

    void run();
    void process(std::vector<Pending> &batch, quint64 droppedFromQueue);
    LogEntry toEntry(Pending &pending);
    void pushToRing(std::vector<LogEntry> &entries);
    void scheduleDelivery();
    void deliver();

    LogHub *q;
    const Options options;
    Redactor redactor;
    std::atomic<int> minimumSeverity{severity(QtInfoMsg)};
    std::atomic<QtMsgType> minimumLevel{QtInfoMsg};

    // Queue between producers (any thread) and the writer.
    AdaptiveMutex queueMutex;
    std::condition_variable_any queueReady;
    std::condition_variable_any batchDone;
    std::vector<Pending> queue;
    quint64 enqueued = 0;
    quint64 processed = 0;
    quint64 droppedFromQueue = 0;
    bool stopping = false;
    std::thread writer;

    // Only the writer writes (and openFile replays the ring); both hold fileMutex.
    mutable std::mutex fileMutex;
    RotatingLogFile file;
    bool fileEverOpened = false;
    quint64 nextSequence = 0; // writer only

    mutable std::mutex ringMutex;
    std::deque<LogEntry> ring;
    quint64 droppedFromRing = 0;
    quint64 lastDelivered = 0; // GUI thread only, under ringMutex

    std::atomic<bool> deliveryScheduled{false};
    QTimer *deliveryTimer = nullptr;
};

void LogHub::Private::run()
{
    std::vector<Pending> batch;
    std::unique_lock lock(queueMutex);
    for (;;) {
        queueReady.wait(lock, [this] { return stopping || !queue.empty() || droppedFromQueue > 0; });
        if (queue.empty() && droppedFromQueue == 0 && stopping) {
            return;
        }
        batch.swap(queue);
        const quint64 dropped = std::exchange(droppedFromQueue, 0);
        lock.unlock();
        process(batch, dropped);
        lock.lock();
        processed += batch.size();
        batch.clear(); // keeps its capacity for the next swap
        batchDone.notify_all();
    }
}

LogEntry LogHub::Private::toEntry(Pending &pending)
{
    LogEntry entry;
    entry.sequence = ++nextSequence;
    entry.timeMs = pending.timeMs;
    entry.level = pending.level;
    entry.category = std::move(pending.category);
    entry.correlationId = std::move(pending.correlationId);
    entry.message = redactor.redact(pending.message);
    entry.threadId = pending.threadId;
    return entry;
}

void LogHub::Private::process(std::vector<Pending> &batch, quint64 droppedFromQueueCount)
{
    std::vector<LogEntry> entries;
    entries.reserve(batch.size() + 1);
    if (droppedFromQueueCount > 0) {
        Pending notice{QtWarningMsg,
                       QDateTime::currentMSecsSinceEpoch(),
                       QStringLiteral("ba.logging"),
                       QString(),
                       QStringLiteral("%1 messages dropped: the log writer could not keep up")
                           .arg(droppedFromQueueCount),
                       quintptr(QThread::currentThreadId())};
        entries.push_back(toEntry(notice));
    }
    for (Pending &pending : batch) {
        entries.push_back(toEntry(pending));
    }

    QByteArray echo;
    {
        const std::lock_guard fileLock(fileMutex);
        for (const LogEntry &entry : entries) {
            const QByteArray line = QString(formatLogLine(entry) % QLatin1Char('\n')).toUtf8();
            file.write(line);
            if (options.echoToStderr) {
                echo += line;
            }
        }
        file.flush();
        // Still under fileMutex: openFile replays exactly the entries that never reached a file.
        pushToRing(entries);
    }
    if (!echo.isEmpty()) {
        std::fwrite(echo.constData(), 1, size_t(echo.size()), stderr);
        std::fflush(stderr);
    }
    scheduleDelivery();
}

void LogHub::Private::pushToRing(std::vector<LogEntry> &entries)
{
    const std::lock_guard ringLock(ringMutex);
    for (LogEntry &entry : entries) {
        ring.push_back(std::move(entry));
    }
    while (ring.size() > size_t(std::max(1, options.ringCapacity))) {
        ring.pop_front();
        ++droppedFromRing;
    }
}

// Called by the writer: one queued call per delivery, so an idle hub costs no timer wake-ups and
// a hub created before QCoreApplication starts delivering once the event loop runs.
void LogHub::Private::scheduleDelivery()
{
    if (deliveryScheduled.exchange(true)) {
        return;
    }
    QMetaObject::invokeMethod(
        q,
        [this] {
            if (!deliveryTimer->isActive()) {
                deliveryTimer->start();
            }
        },
        Qt::QueuedConnection);
}

void LogHub::Private::deliver()
{
    // Cleared before reading: an entry pushed from now on schedules another delivery.
    deliveryScheduled.store(false);
    QList<LogEntry> batch;
    {
        const std::lock_guard ringLock(ringMutex);
        if (ring.empty()) {
            return;
        }
        const quint64 front = ring.front().sequence;
        const quint64 first = std::max(lastDelivered + 1, front);
        batch.reserve(qsizetype(ring.size() - std::min(ring.size(), size_t(first - front))));
        for (size_t index = size_t(first - front); index < ring.size(); ++index) {
            batch.append(ring[index]);
        }
        lastDelivered = ring.back().sequence;
    }
    if (!batch.isEmpty()) {
        Q_EMIT q->entriesAppended(batch);
    }
}

LogHub::LogHub(QObject *parent) : LogHub(Options(), parent) {}

LogHub::LogHub(const Options &options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, options))
{
    registerLogMetaTypes();
    d->deliveryTimer = new QTimer(this);
    d->deliveryTimer->setSingleShot(true);
    d->deliveryTimer->setInterval(std::max(0, options.guiBatchIntervalMs));
    connect(d->deliveryTimer, &QTimer::timeout, this, [this] { d->deliver(); });
    d->writer = std::thread([this] {
        lowerWriterPriority();
        d->run();
    });
}

LogHub::~LogHub()
{
    uninstall();
    {
        const std::lock_guard lock(d->queueMutex);
        d->stopping = true;
    }
    d->queueReady.notify_all();
    d->writer.join(); // the writer drains the queue before it returns
    const std::lock_guard fileLock(d->fileMutex);
    d->file.close();
}

bool LogHub::openFile(const QString &path, QString *error)
{
    const std::lock_guard fileLock(d->fileMutex);
    if (!d->file.open(path, error)) {
        return false;
    }
    if (!d->fileEverOpened) {
        // Lines logged before the data folder was known: the ring holds them (bounded by its capacity).
        d->fileEverOpened = true;
        const QList<LogEntry> earlier = recent(d->options.ringCapacity);
        for (const LogEntry &entry : earlier) {
            d->file.write(QString(formatLogLine(entry) % QLatin1Char('\n')).toUtf8());
        }
        d->file.flush();
    }
    return true;
}

QString LogHub::filePath() const
{
    const std::lock_guard fileLock(d->fileMutex);
    return d->file.isOpen() ? d->file.path() : QString();
}

void LogHub::setMinimumLevel(QtMsgType level)
{
    d->minimumLevel.store(level);
    d->minimumSeverity.store(severity(level));
    // Categories declared with a default severity (Q_LOGGING_CATEGORY(x, "ba.y", QtInfoMsg)) never
    // reach the handler with debug messages; --log-level debug turns them on. QT_LOGGING_RULES, when
    // set, wins: Qt applies it before the handler and we leave the rules alone.
    if (qEnvironmentVariableIsSet("QT_LOGGING_RULES")) {
        return;
    }
    if (level == QtDebugMsg) {
        QLoggingCategory::setFilterRules(QStringLiteral("ba.*.debug=true"));
        rulesSetByHub = true;
    } else if (rulesSetByHub) {
        QLoggingCategory::setFilterRules(QString());
        rulesSetByHub = false;
    }
}

QtMsgType LogHub::minimumLevel() const
{
    return d->minimumLevel.load();
}

void LogHub::setSecrets(const QStringList &secrets)
{
    d->redactor.setSecrets(secrets);
}

void LogHub::append(QtMsgType level, const char *category, const QString &message)
{
    if (level != QtFatalMsg && severity(level) < d->minimumSeverity.load(std::memory_order_relaxed)) {
        return;
    }
    Pending pending{level,
                    QDateTime::currentMSecsSinceEpoch(),
                    categoryName(category),
                    currentCorrelationId(), // the caller's id: the writer runs on another thread
                    message,
                    quintptr(QThread::currentThreadId())};
    bool writerMayWait = false;
    {
        const std::lock_guard lock(d->queueMutex);
        if (d->queue.size() >= kMaxQueued && level != QtFatalMsg) {
            ++d->droppedFromQueue;
            return;
        }
        // The writer takes the whole queue at once, so it can only be waiting while the queue is
        // empty: waking it for every message cost a futex call and a context switch each.
        writerMayWait = d->queue.empty();
        d->queue.push_back(std::move(pending));
        ++d->enqueued;
    }
    if (writerMayWait) {
        d->queueReady.notify_one();
    }
}

void LogHub::flush()
{
    if (std::this_thread::get_id() == d->writer.get_id()) {
        return; // the writer flushes after every batch; waiting for itself would dead-lock
    }
    std::unique_lock lock(d->queueMutex);
    const quint64 target = d->enqueued;
    d->queueReady.notify_one();
    d->batchDone.wait(lock, [this, target] { return d->processed >= target; });
}

QList<LogEntry> LogHub::recent(int maxEntries) const
{
    QList<LogEntry> entries;
    const std::lock_guard ringLock(d->ringMutex);
    const size_t count = std::min(d->ring.size(), size_t(std::max(0, maxEntries)));
    entries.reserve(qsizetype(count));
    for (size_t index = d->ring.size() - count; index < d->ring.size(); ++index) {
        entries.append(d->ring[index]);
    }
    return entries;
}

quint64 LogHub::droppedFromRing() const
{
    const std::lock_guard ringLock(d->ringMutex);
    return d->droppedFromRing;
}

} // namespace ba
