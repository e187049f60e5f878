#include "services/RefreshCoordinator.h"

#include "logging/Correlation.h"

#include <QLoggingCategory>
#include <algorithm>
#include <limits>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.refresh")
} // namespace

namespace ba {

RefreshCoordinator::RefreshCoordinator(QObject *parent) : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &RefreshCoordinator::startReadySteps);
}

void RefreshCoordinator::addStep(const Step &step)
{
    m_steps.append(step);
}

QString RefreshCoordinator::triggerName(Trigger trigger)
{
    switch (trigger) {
    case Trigger::StartUp:
        return QStringLiteral("start-up");
    case Trigger::User:
        return QStringLiteral("user (F5)");
    case Trigger::Timer:
        return QStringLiteral("auto-refresh timer");
    case Trigger::SelectionChange:
        return QStringLiteral("selection change");
    }
    return QStringLiteral("unknown");
}

const RefreshCoordinator::Step *RefreshCoordinator::step(const QString &name) const
{
    const auto found =
        std::find_if(m_steps.cbegin(), m_steps.cend(), [&](const Step &s) { return s.name == name; });
    return found == m_steps.cend() ? nullptr : &*found;
}

bool RefreshCoordinator::hasReported(const QString &name) const
{
    return std::any_of(m_reports.cbegin(), m_reports.cend(),
                       [&](const StepReport &report) { return report.step == name; });
}

QString RefreshCoordinator::refresh(Trigger trigger, bool force)
{
    if (isRunning()) {
        CorrelationScope previous(m_id);
        qCInfo(lc).noquote() << "Superseded by a newer refresh";
    }
    m_id = QStringLiteral("r%1").arg(++m_counter);
    m_reports.clear();
    m_force = force;
    m_running.clear();
    m_waiting.clear();
    for (const Step &s : std::as_const(m_steps)) {
        m_waiting.append(s.name);
    }
    m_deadline.stop();
    m_finished = false;
    m_elapsed.start();

    CorrelationScope scope(m_id);
    qCInfo(lc).noquote() << "Refresh started, trigger:" << triggerName(trigger);
    const QString id = m_id;
    Q_EMIT started(id, trigger);
    Q_EMIT progress(0, int(m_steps.size()));
    startReadySteps();
    finishIfDone(id); // no steps at all
    return id;
}

void RefreshCoordinator::abandon(const QString &why)
{
    if (!isRunning()) {
        return;
    }
    CorrelationScope scope(m_id);
    qCInfo(lc).noquote() << "Refresh abandoned:" << why;
    m_waiting.clear();
    m_running.clear();
    m_deadline.stop();
    m_finished = true;
}

// Starts every waiting step whose needs have reported and whose wants have reported or are overdue,
// then arms the timer for the next deadline. A step may report (or even start a new refresh) from
// inside its start function, so the waiting list is re-read after each start.
void RefreshCoordinator::startReadySteps()
{
    const QString id = m_id;
    const qint64 elapsed = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    qint64 nextDeadline = std::numeric_limits<qint64>::max();
    const QStringList waiting = m_waiting;
    for (const QString &name : waiting) {
        const Step *s = step(name);
        if (id != m_id || !m_waiting.contains(name) || s == nullptr) {
            continue;
        }
        // A dependency on a step this coordinator does not run counts as met.
        const auto reported = [this](const QString &other) {
            return step(other) == nullptr || hasReported(other);
        };
        if (!std::all_of(s->needs.cbegin(), s->needs.cend(), reported)) {
            continue;
        }
        const bool wantsDone = std::all_of(s->wants.cbegin(), s->wants.cend(), reported);
        if (!wantsDone && elapsed < s->wantsDeadlineMs) {
            nextDeadline = std::min<qint64>(nextDeadline, s->wantsDeadlineMs - elapsed);
            continue;
        }
        startStep(*s);
    }
    if (id != m_id) {
        return;
    }
    if (nextDeadline != std::numeric_limits<qint64>::max()) {
        m_deadline.start(int(nextDeadline));
    }
}

void RefreshCoordinator::startStep(const Step &s)
{
    StepStart how;
    how.id = m_id;
    how.force = m_force;
    for (const StepReport &report : std::as_const(m_reports)) {
        if (s.needs.contains(report.step) || s.wants.contains(report.step)) {
            how.inputs.append(report);
        }
    }
    for (const QString &wanted : s.wants) {
        if (step(wanted) != nullptr && !hasReported(wanted)) {
            how.overdue.append(wanted);
        }
    }
    m_waiting.removeAll(s.name);
    m_running.append(s.name);
    {
        CorrelationScope scope(m_id);
        if (!how.overdue.isEmpty()) {
            qCInfo(lc).noquote() << "Step" << s.name << "starts without waiting longer for"
                                 << how.overdue.join(QStringLiteral(", ")) << "(" << s.wantsDeadlineMs
                                 << "ms deadline passed)";
        }
    }
    Q_EMIT stepStarted(how.id, s.name, how);
    const std::function<void(const StepStart &)> start = s.start; // the step list may change meanwhile
    start(how);
}

void RefreshCoordinator::reportStep(const StepReport &report)
{
    if (!m_running.contains(report.step)) {
        return; // a step of a superseded refresh
    }
    const QString id = m_id;
    {
        CorrelationScope scope(id);
        m_running.removeAll(report.step);
        m_reports.append(report);
        if (report.ok) {
            qCInfo(lc).noquote() << "Step" << report.step << (report.skipped ? "skipped" : "ok")
                                 << report.items << "items" << report.latencyMs << "ms" << report.note;
        } else {
            qCWarning(lc).noquote() << "Step" << report.step
                                    << "failed:" << FetchError::kindName(report.error.kind)
                                    << report.error.userMessage;
        }
    }
    Q_EMIT stepFinished(id, report);
    Q_EMIT progress(int(m_reports.size()), int(m_steps.size()));
    startReadySteps();
    finishIfDone(id);
}

// Once, when every step of refresh `id` has reported (a step reporting from inside another step's
// report gets here twice for the same refresh).
void RefreshCoordinator::finishIfDone(const QString &id)
{
    if (id != m_id || m_finished || !m_running.isEmpty() || !m_waiting.isEmpty()) {
        return;
    }
    m_finished = true;
    m_deadline.stop();
    const qint64 total = m_elapsed.elapsed();
    CorrelationScope scope(id);
    qCInfo(lc).noquote() << "Refresh finished in" << total << "ms";
    Q_EMIT finished(id, m_reports, total);
}

} // namespace ba
