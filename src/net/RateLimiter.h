#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace ba {

// Keeps requests to one service under its budget: at most `requests` starts in ANY window of
// `windowMs` (a sliding log, not a refilling bucket: a bucket with burst N lets up to 2N through in
// one window, which is exactly what a server counting per minute punishes). Callers that would
// exceed it wait in a FIFO queue instead of failing. When the service itself asks for a pause (a 429
// with Retry-After), holdFor() stops every caller of that service until the pause is over.
class RateLimiter : public QObject
{
    Q_OBJECT
public:
    struct Budget
    {
        int requests = 10; // <= 0: unlimited
        qint64 windowMs = 60000;
    };
    using Clock = std::function<qint64()>; // monotonic milliseconds
    using Ticket = quint64;

    explicit RateLimiter(const Budget &budget, QObject *parent = nullptr);
    RateLimiter(const Budget &budget, Clock clock, QObject *parent = nullptr);

    // Calls `ready` once a slot is free: synchronously when one is free now, otherwise later from
    // the event loop, in order of arrival. Skipped if `context` is destroyed meanwhile. Never 0.
    Ticket acquire(QObject *context, std::function<void()> ready);
    void cancel(Ticket ticket); // leaves the queue; no effect once `ready` ran

    void setBudget(const Budget &budget);
    Budget budget() const { return m_budget; }
    int queued() const { return int(m_queue.size()); }
    qint64 msUntilNextSlot(); // 0 when a request could start now; counts a hold

    // The service asked for a pause: no slot is granted for `ms` from now. A longer pause already
    // running is kept; the queue waits and then goes on in order.
    void holdFor(qint64 ms);
    qint64 holdRemainingMs() const; // 0 when no pause runs
    int slotsLeft(); // starts still allowed in the current window, queue deducted; -1: unlimited

    // Grants what the clock allows. Runs on its own timer; tests with a manual clock call it directly.
    void pump();

Q_SIGNALS:
    // For "waiting for the rate limit" hints in the UI.
    void queueChanged(int queued, qint64 msUntilNextSlot);

private:
    struct Waiter
    {
        Ticket ticket = 0;
        QPointer<QObject> context;
        std::function<void()> ready;
    };

    void prune(qint64 now);
    bool slotFree(qint64 now) const;
    void recordStart(qint64 now);
    void scheduleWake();

    Budget m_budget;
    Clock m_clock;
    QList<qint64> m_starts; // start times inside the current window, oldest first
    qint64 m_heldUntil = 0; // clock time before which nothing starts (Retry-After)
    QList<Waiter> m_queue;
    QTimer m_wake;
    Ticket m_nextTicket = 1;
};

} // namespace ba
