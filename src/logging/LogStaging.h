#pragma once

#include <QString>
#include <QtGlobal>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace ba {

// Messages on their way from the threads that log to the one thread that writes them down.
//
// Each logging thread appends to a queue of its own, under a lock that only the consumer ever
// competes for (twice per batch): two threads logging at once never wait for each other. A message
// is copied into chunks that the consumer hands back to the thread once written, so steady logging
// allocates nothing, and the consumer never frees, message by message, memory that a logging thread
// allocated (with glibc, such frees contend for the logging thread's malloc arena).
// The consumer sleeps while every queue is empty and is woken by the first message after that.
class LogStaging
{
public:
    struct Message
    {
        QtMsgType level;
        qint64 timeMs;
        quintptr threadId;
        QStringView category;
        QStringView correlationId;
        QStringView text;
    };

    class Batch;

    explicit LogStaging(size_t maxWaitingPerThread);
    ~LogStaging();
    LogStaging(const LogStaging &) = delete;
    LogStaging &operator=(const LogStaging &) = delete;

    // Any thread; never waits for the consumer. Returns false when the message was dropped because
    // this thread already has maxWaitingPerThread messages waiting (a fatal message is never dropped).
    bool append(QtMsgType level, qint64 timeMs, QStringView category, QStringView correlationId,
                QStringView text);

    // The consumer: waits for messages and takes every waiting one. Returns false once stop() was
    // called and nothing is left.
    bool take(Batch &batch);
    // The consumer is done with the batch: flush() calls waiting for these messages return.
    void finished(Batch &batch);

    // Returns when every message appended before the call has been through finished().
    void flush();
    // take() drains what is left, then returns false.
    void stop();

    // The consumer found every queue empty and waits (or is about to) for the next message.
    bool isConsumerAsleep() const { return m_consumerAsleep.load(); }

private:
    struct Chunk;
    struct Queue;

    Queue *queueOfThisThread();
    std::shared_ptr<Queue> createQueue();
    bool takeWaiting(Batch &batch);

    const size_t m_maxWaitingPerThread;
    const quint64 m_id; // tells this staging's queues apart from an earlier one's at the same address

    // Guards the list of queues, the wake-up hand-shake and the progress flush() waits for.
    std::mutex m_mutex;
    std::vector<std::shared_ptr<Queue>> m_queues;
    std::shared_ptr<Queue> m_sharedQueue; // for threads that are exiting (no thread-local storage left)
    std::condition_variable m_wake;
    std::condition_variable m_progress;
    bool m_wakeRequested = false;
    bool m_stopping = false;
    std::atomic<bool> m_consumerAsleep{false};
};

// Every message one take() found, each thread's in the order it logged them.
class LogStaging::Batch
{
public:
    Batch();
    ~Batch();
    bool isEmpty() const { return m_size == 0; }
    size_t size() const { return m_size; }
    quint64 dropped() const { return m_dropped; } // messages no queue had room for since the last batch
    // Visits the messages oldest first, merging the threads' queues by time.
    void forEach(const std::function<void(const Message &)> &visit) const;

private:
    friend class LogStaging;
    std::vector<std::shared_ptr<Queue>> m_parts;
    size_t m_size = 0;
    quint64 m_dropped = 0;
};

} // namespace ba
