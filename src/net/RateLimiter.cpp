#include "net/RateLimiter.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <algorithm>
#include <memory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.net.ratelimit")
} // namespace

namespace ba {

namespace {

RateLimiter::Clock monotonicClock()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer] { return timer->elapsed(); };
}

} // namespace

RateLimiter::RateLimiter(const Budget &budget, QObject *parent)
    : RateLimiter(budget, monotonicClock(), parent)
{}

RateLimiter::RateLimiter(const Budget &budget, Clock clock, QObject *parent)
    : QObject(parent), m_budget(budget), m_clock(std::move(clock))
{
    m_wake.setSingleShot(true);
    m_wake.setTimerType(Qt::PreciseTimer);
    connect(&m_wake, &QTimer::timeout, this, &RateLimiter::pump);
}

RateLimiter::Ticket RateLimiter::acquire(QObject *context, std::function<void()> ready)
{
    const Ticket ticket = m_nextTicket++;
    const qint64 now = m_clock();
    prune(now);
    if (m_queue.isEmpty() && slotFree(now)) {
        recordStart(now);
        ready();
        return ticket;
    }
    m_queue.append(Waiter{ticket, context, std::move(ready)});
    qCDebug(lc) << "request queued," << m_queue.size() << "waiting";
    scheduleWake();
    return ticket;
}

void RateLimiter::cancel(Ticket ticket)
{
    const auto it =
        std::find_if(m_queue.begin(), m_queue.end(), [&](const Waiter &w) { return w.ticket == ticket; });
    if (it != m_queue.end()) {
        m_queue.erase(it);
        scheduleWake();
    }
}

void RateLimiter::setBudget(const Budget &budget)
{
    m_budget = budget;
    pump();
}

qint64 RateLimiter::msUntilNextSlot()
{
    const qint64 now = m_clock();
    prune(now);
    const qint64 held = std::max<qint64>(0, m_heldUntil - now);
    if (m_budget.requests <= 0 || m_starts.size() < m_budget.requests) {
        return held;
    }
    // The slot frees when the start that keeps the window full ages out.
    const qsizetype blocking = m_starts.size() - m_budget.requests;
    return std::max({qint64(1), held, m_starts.value(blocking) + m_budget.windowMs - now});
}

void RateLimiter::holdFor(qint64 ms)
{
    const qint64 until = m_clock() + std::max<qint64>(0, ms);
    if (until <= m_heldUntil) {
        return;
    }
    m_heldUntil = until;
    qCInfo(lc).noquote() << "service asked for a pause: no request for" << ms << "ms";
    scheduleWake();
}

qint64 RateLimiter::holdRemainingMs() const
{
    return std::max<qint64>(0, m_heldUntil - m_clock());
}

int RateLimiter::slotsLeft()
{
    if (m_budget.requests <= 0) {
        return -1;
    }
    prune(m_clock());
    return std::max(0, m_budget.requests - int(m_starts.size()) - int(m_queue.size()));
}

void RateLimiter::pump()
{
    while (!m_queue.isEmpty()) {
        const qint64 now = m_clock();
        prune(now);
        if (!slotFree(now)) {
            break;
        }
        Waiter waiter = m_queue.takeFirst();
        if (!waiter.context) {
            continue; // its owner is gone; do not spend a slot on it
        }
        recordStart(now);
        waiter.ready();
    }
    scheduleWake();
}

void RateLimiter::prune(qint64 now)
{
    while (!m_starts.isEmpty() && now - m_starts.first() >= m_budget.windowMs) {
        m_starts.removeFirst();
    }
}

void RateLimiter::recordStart(qint64 now)
{
    if (m_budget.requests > 0) {
        m_starts.append(now);
    }
}

bool RateLimiter::slotFree(qint64 now) const
{
    return now >= m_heldUntil && (m_budget.requests <= 0 || m_starts.size() < m_budget.requests);
}

void RateLimiter::scheduleWake()
{
    const qint64 wait = m_queue.isEmpty() ? 0 : msUntilNextSlot();
    if (m_queue.isEmpty()) {
        m_wake.stop();
    } else {
        m_wake.start(int(std::min<qint64>(wait, 24LL * 3600 * 1000)));
    }
    Q_EMIT queueChanged(int(m_queue.size()), wait);
}

} // namespace ba
