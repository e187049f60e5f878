#include "logging/LogHub.h"

#include "logging/Correlation.h"
#include "logging/LogStaging.h"
#include "logging/Redactor.h"
#include "logging/RotatingLogFile.h"

#include <QDateTime>
#include <QHash>
#include <QLoggingCategory>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#endif
#include <vector>

namespace ba {

namespace {

// Category names and correlation ids repeat on nearly every line: the writer keeps one QString per
// distinct value and shares it between entries. Bounded, since ids grow with each refresh.
class StringPool
{
public:
    QString get(QStringView text)
    {
        if (text.isEmpty()) {
            return QString();
        }
        // A key over the caller's characters, no copy: most lookups find the string.
        const QString key = QString::fromRawData(reinterpret_cast<const QChar *>(text.utf16()), text.size());
        const auto it = m_strings.constFind(key);
        if (it != m_strings.cend()) {
            return *it;
        }
        if (m_strings.size() >= kMaxStrings) {
            m_strings.clear();
        }
        const QString copy = text.toString();
        m_strings.insert(copy);
        return copy;
    }

private:
    static constexpr qsizetype kMaxStrings = 4096;
    QSet<QString> m_strings;
};

constexpr int kDeliveryRetryMs = 5;

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
    void process(const LogStaging::Batch &batch);
    LogEntry toEntry(const LogStaging::Message &message);
    void pushToRing(std::vector<LogEntry> &entries);
    void scheduleDelivery();
    void deliver();

    LogHub *q;
    const Options options;
    Redactor redactor;
    std::atomic<int> minimumSeverity{severityRank(QtInfoMsg)};
    std::atomic<QtMsgType> minimumLevel{QtInfoMsg};

    // Between the logging threads and the writer.
    // The handler must never block: when the writer cannot keep up (a stalled disk), a thread's
    // messages beyond options.maxWaitingPerThread are dropped and counted. The default, 250,000
    // typical lines, is about 60 MB; a burst of 100,000 per thread (the benchmark) fits.
    LogStaging staging{size_t(std::max(1, options.maxWaitingPerThread))};
    std::thread writer;
    StringPool categories;     // writer only
    StringPool correlationIds; // writer only

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
    LogStaging::Batch batch;
    while (staging.take(batch)) {
        process(batch);
        staging.finished(batch);
    }
}

LogEntry LogHub::Private::toEntry(const LogStaging::Message &message)
{
    LogEntry entry;
    entry.sequence = ++nextSequence;
    entry.timeMs = message.timeMs;
    entry.level = message.level;
    entry.category = categories.get(message.category);
    entry.correlationId = correlationIds.get(message.correlationId);
    entry.message = redactor.redact(message.text.toString());
    entry.threadId = message.threadId;
    return entry;
}

void LogHub::Private::process(const LogStaging::Batch &batch)
{
    std::vector<LogEntry> entries;
    entries.reserve(batch.size() + 1);
    if (batch.dropped() > 0) {
        const QString notice =
            QStringLiteral("%1 messages dropped: the log writer could not keep up").arg(batch.dropped());
        entries.push_back(
            toEntry({QtWarningMsg, QDateTime::currentMSecsSinceEpoch(), quintptr(QThread::currentThreadId()),
                     u"ba.logging", QStringView(), notice}));
    }
    batch.forEach(
        [this, &entries](const LogStaging::Message &message) { entries.push_back(toEntry(message)); });

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
                deliveryTimer->start(std::max(0, options.guiBatchIntervalMs));
            }
        },
        Qt::QueuedConnection);
}

void LogHub::Private::deliver()
{
    // The GUI thread never waits for the writer: it runs below normal priority and may be preempted
    // while it holds the ring, which stalled the event loop for tens of milliseconds when the CPU was
    // busy. A busy ring means entries are arriving; try again shortly.
    std::unique_lock ringLock(ringMutex, std::try_to_lock);
    if (!ringLock.owns_lock()) {
        deliveryTimer->start(kDeliveryRetryMs);
        return;
    }
    // Cleared before reading: an entry pushed from now on schedules another delivery.
    deliveryScheduled.store(false);
    if (ring.empty()) {
        return;
    }
    QList<LogEntry> batch;
    const quint64 front = ring.front().sequence;
    const quint64 first = std::max(lastDelivered + 1, front);
    batch.reserve(qsizetype(ring.size() - std::min(ring.size(), size_t(first - front))));
    for (size_t index = size_t(first - front); index < ring.size(); ++index) {
        batch.append(ring[index]);
    }
    lastDelivered = ring.back().sequence;
    ringLock.unlock();
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
    connect(d->deliveryTimer, &QTimer::timeout, this, [this] { d->deliver(); });
    d->writer = std::thread([this] {
        lowerWriterPriority();
        d->run();
    });
}

LogHub::~LogHub()
{
    uninstall();
    d->staging.stop();
    d->writer.join(); // the writer drains what is waiting before it returns
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
    d->minimumSeverity.store(severityRank(level));
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
    if (level != QtFatalMsg && severityRank(level) < d->minimumSeverity.load(std::memory_order_relaxed)) {
        return;
    }
    // The caller's correlation id: the writer runs on another thread.
    d->staging.append(level, QDateTime::currentMSecsSinceEpoch(), categoryName(category),
                      currentCorrelationId(), message);
}

void LogHub::flush()
{
    if (std::this_thread::get_id() == d->writer.get_id()) {
        return; // the writer flushes after every batch; waiting for itself would dead-lock
    }
    d->staging.flush();
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
