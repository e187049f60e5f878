#include "logging/LogStaging.h"

#include <QThread>
#include <algorithm>
#include <cstring>
#include <utility>

namespace ba {

namespace {

// Messages are written into chunks of this size, which the consumer hands back for reuse: steady
// logging allocates nothing and touches no fresh pages. A message larger than a chunk gets its own.
constexpr size_t kChunkBytes = 64 * 1024;
// Spare chunks a queue keeps for its thread (1 MiB); beyond that, chunks a burst needed are freed.
constexpr size_t kSpareChunks = 16;

std::atomic<quint64> nextStagingId{1};

// One message in a chunk, followed by its category, correlation id and text (UTF-16, in that order).
struct Record
{
    qint64 timeMs;
    quintptr threadId;
    QtMsgType level;
    quint32 categoryLength;
    quint32 idLength;
    quint32 textLength;

    size_t charCount() const { return size_t(categoryLength) + idLength + textLength; }
};

constexpr size_t kRecordAlignment = alignof(Record);

size_t recordBytes(size_t chars)
{
    const size_t bytes = sizeof(Record) + chars * sizeof(char16_t);
    return (bytes + kRecordAlignment - 1) / kRecordAlignment * kRecordAlignment;
}

} // namespace

struct LogStaging::Chunk
{
    explicit Chunk(size_t bytes) : data(new std::byte[bytes]), capacity(bytes) {}

    bool fits(size_t bytes) const { return used + bytes <= capacity; }

    std::unique_ptr<std::byte[]> data; // not zeroed: pages are touched only when written
    const size_t capacity;
    size_t used = 0;
};

struct LogStaging::Queue
{
    explicit Queue(quint64 stagingId) : owner(stagingId) {}

    const quint64 owner;
    std::atomic<bool> orphaned{false}; // its staging is gone: the thread forgets the queue

    std::mutex lock;
    // The logging thread's side, under lock.
    std::vector<std::unique_ptr<Chunk>> waiting;
    std::vector<std::unique_ptr<Chunk>> spare;
    size_t waitingCount = 0;
    quint64 appended = 0;
    quint64 dropped = 0;

    // The consumer's side: what take() moved out, its own until finished() hands the chunks back.
    std::vector<std::unique_ptr<Chunk>> taken;
    quint64 takenUpTo = 0;
    quint64 finishedUpTo = 0; // under the staging's m_mutex
};

LogStaging::LogStaging(size_t maxWaitingPerThread)
    : m_maxWaitingPerThread(maxWaitingPerThread), m_id(nextStagingId.fetch_add(1))
{
    m_sharedQueue = createQueue();
}

LogStaging::~LogStaging()
{
    const std::lock_guard lock(m_mutex);
    for (const std::shared_ptr<Queue> &queue : m_queues) {
        queue->orphaned.store(true, std::memory_order_relaxed);
    }
}

std::shared_ptr<LogStaging::Queue> LogStaging::createQueue()
{
    auto queue = std::make_shared<Queue>(m_id);
    const std::lock_guard lock(m_mutex);
    m_queues.push_back(queue);
    return queue;
}

LogStaging::Queue *LogStaging::queueOfThisThread()
{
    struct ThreadQueues
    {
        std::vector<std::shared_ptr<Queue>> queues;
    };
    // A plain pointer and flag: still readable while the thread's thread_local objects are being
    // destroyed, when a destructor may log. From then on the thread uses the shared queue.
    thread_local ThreadQueues *t_queues = nullptr;
    thread_local bool t_exiting = false;
    if (t_exiting) {
        return m_sharedQueue.get();
    }
    if (!t_queues) {
        struct Cleanup
        {
            ~Cleanup()
            {
                delete t_queues;
                t_queues = nullptr;
                t_exiting = true;
            }
        };
        thread_local Cleanup cleanup;
        t_queues = new ThreadQueues;
    }
    std::vector<std::shared_ptr<Queue>> &queues = t_queues->queues;
    for (auto it = queues.begin(); it != queues.end();) {
        if ((*it)->owner == m_id) {
            return it->get();
        }
        it = (*it)->orphaned.load(std::memory_order_relaxed) ? queues.erase(it) : it + 1;
    }
    queues.push_back(createQueue());
    return queues.back().get();
}

bool LogStaging::append(QtMsgType level, qint64 timeMs, QStringView category, QStringView correlationId,
                        QStringView text)
{
    Queue *queue = queueOfThisThread();
    const Record record{timeMs,
                        quintptr(QThread::currentThreadId()),
                        level,
                        quint32(category.size()),
                        quint32(correlationId.size()),
                        quint32(text.size())};
    const size_t bytes = recordBytes(record.charCount());
    bool consumerAsleep = false;
    {
        const std::lock_guard lock(queue->lock);
        if (queue->waitingCount >= m_maxWaitingPerThread && level != QtFatalMsg) {
            ++queue->dropped;
            return false;
        }
        if (queue->waiting.empty() || !queue->waiting.back()->fits(bytes)) {
            if (!queue->spare.empty() && bytes <= kChunkBytes) {
                queue->waiting.push_back(std::move(queue->spare.back()));
                queue->spare.pop_back();
            } else {
                queue->waiting.push_back(std::make_unique<Chunk>(std::max(bytes, kChunkBytes)));
            }
        }
        Chunk &chunk = *queue->waiting.back();
        std::byte *out = chunk.data.get() + chunk.used;
        std::memcpy(out, &record, sizeof record);
        auto *chars = reinterpret_cast<char16_t *>(out + sizeof record);
        for (const QStringView part : {category, correlationId, text}) {
            if (!part.isEmpty()) { // an empty view may have no data at all: memcpy(…, nullptr, 0) is UB
                std::memcpy(chars, part.utf16(), size_t(part.size()) * sizeof(char16_t));
                chars += part.size();
            }
        }
        chunk.used += bytes;
        ++queue->waitingCount;
        ++queue->appended;
        // Read under the queue's lock: take() announces its sleep before it looks into the queues,
        // so either it finds this message or this reads true.
        consumerAsleep = m_consumerAsleep.load(std::memory_order_relaxed);
    }
    if (consumerAsleep && m_consumerAsleep.exchange(false)) { // one thread wakes it, not every one
        {
            const std::lock_guard lock(m_mutex);
            m_wakeRequested = true;
        }
        m_wake.notify_one();
    }
    return true;
}

bool LogStaging::takeWaiting(Batch &batch)
{
    Q_ASSERT(batch.m_parts.empty());
    std::vector<std::shared_ptr<Queue>> queues;
    {
        const std::lock_guard lock(m_mutex);
        queues = m_queues;
    }
    for (std::shared_ptr<Queue> &queue : queues) {
        const std::lock_guard lock(queue->lock);
        if (queue->waitingCount == 0 && queue->dropped == 0) {
            continue;
        }
        Q_ASSERT(queue->taken.empty());
        queue->taken.swap(queue->waiting);
        queue->takenUpTo = queue->appended;
        batch.m_size += std::exchange(queue->waitingCount, 0);
        batch.m_dropped += std::exchange(queue->dropped, 0);
        batch.m_parts.push_back(std::move(queue));
    }
    return !batch.m_parts.empty();
}

bool LogStaging::take(Batch &batch)
{
    for (;;) {
        if (takeWaiting(batch)) {
            return true;
        }
        std::unique_lock lock(m_mutex);
        if (m_stopping) {
            lock.unlock();
            return takeWaiting(batch);
        }
        m_consumerAsleep.store(true);
        lock.unlock();
        // A message appended before the announcement is found here; one after it wakes us.
        if (takeWaiting(batch)) {
            m_consumerAsleep.store(false);
            return true;
        }
        lock.lock();
        m_wake.wait(lock, [this] { return m_wakeRequested || m_stopping; });
        m_wakeRequested = false;
        m_consumerAsleep.store(false);
    }
}

void LogStaging::finished(Batch &batch)
{
    for (const std::shared_ptr<Queue> &queue : batch.m_parts) {
        {
            const std::lock_guard lock(queue->lock);
            for (std::unique_ptr<Chunk> &chunk : queue->taken) {
                if (chunk->capacity == kChunkBytes && queue->spare.size() < kSpareChunks) {
                    chunk->used = 0;
                    queue->spare.push_back(std::move(chunk));
                }
            }
        }
        queue->taken.clear(); // frees what was not kept, outside the thread's lock
    }
    {
        const std::lock_guard lock(m_mutex);
        for (const std::shared_ptr<Queue> &queue : batch.m_parts) {
            queue->finishedUpTo = queue->takenUpTo;
        }
        batch.m_parts.clear();
        batch.m_size = 0;
        batch.m_dropped = 0;
        // A queue only this list holds belongs to a thread that has ended: forget it once drained.
        std::erase_if(m_queues, [](const std::shared_ptr<Queue> &queue) {
            return queue.use_count() == 1 && queue->finishedUpTo == queue->appended;
        });
    }
    m_progress.notify_all();
}

void LogStaging::flush()
{
    std::unique_lock lock(m_mutex);
    std::vector<std::pair<std::shared_ptr<Queue>, quint64>> targets;
    for (const std::shared_ptr<Queue> &queue : m_queues) {
        const std::lock_guard queueLock(queue->lock);
        if (queue->appended > queue->finishedUpTo) {
            targets.emplace_back(queue, queue->appended);
        }
    }
    if (targets.empty()) {
        return;
    }
    m_wakeRequested = true;
    m_wake.notify_one();
    m_progress.wait(lock, [&targets] {
        return std::all_of(targets.begin(), targets.end(),
                           [](const auto &target) { return target.first->finishedUpTo >= target.second; });
    });
}

void LogStaging::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
}

LogStaging::Batch::Batch() = default;
LogStaging::Batch::~Batch() = default;

void LogStaging::Batch::forEach(const std::function<void(const Message &)> &visit) const
{
    // A read position in each part: its chunk and the offset of its next record there.
    struct Cursor
    {
        size_t chunk = 0;
        size_t offset = 0;
    };
    std::vector<Cursor> cursors(m_parts.size());
    const auto recordAt = [this, &cursors](size_t part) -> const Record * {
        Cursor &cursor = cursors[part];
        const std::vector<std::unique_ptr<Chunk>> &chunks = m_parts[part]->taken;
        while (cursor.chunk < chunks.size() && cursor.offset >= chunks[cursor.chunk]->used) {
            ++cursor.chunk;
            cursor.offset = 0;
        }
        return cursor.chunk < chunks.size()
                   ? reinterpret_cast<const Record *>(chunks[cursor.chunk]->data.get() + cursor.offset)
                   : nullptr;
    };
    for (;;) {
        // The part whose next message is the oldest; ties go to the earlier part.
        const Record *oldest = nullptr;
        size_t which = 0;
        for (size_t part = 0; part < m_parts.size(); ++part) {
            const Record *record = recordAt(part);
            if (record && (!oldest || record->timeMs < oldest->timeMs)) {
                oldest = record;
                which = part;
            }
        }
        if (!oldest) {
            return;
        }
        cursors[which].offset += recordBytes(oldest->charCount());
        const auto *chars =
            reinterpret_cast<const char16_t *>(reinterpret_cast<const std::byte *>(oldest) + sizeof(Record));
        const QStringView category(chars, oldest->categoryLength);
        const QStringView correlationId(chars + oldest->categoryLength, oldest->idLength);
        const QStringView text(chars + oldest->categoryLength + oldest->idLength, oldest->textLength);
        visit(Message{oldest->level, oldest->timeMs, oldest->threadId, category, correlationId, text});
    }
}

} // namespace ba
