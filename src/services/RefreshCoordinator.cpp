#include "services/RefreshCoordinator.h"

#include "logging/Correlation.h"
#include "services/PriceService.h"

#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.refresh")
} // namespace

namespace ba {

RefreshCoordinator::RefreshCoordinator(PriceService *prices, QObject *parent)
    : QObject(parent), m_prices(prices)
{
    connect(m_prices, &PriceService::finished, this, &RefreshCoordinator::reportStep);
}

void RefreshCoordinator::addStep(const Step &step)
{
    m_steps.append(step);
}

void RefreshCoordinator::startSteps(bool afterPrices)
{
    for (const Step &step : std::as_const(m_steps)) {
        if (step.afterPrices == afterPrices) {
            step.start(m_id, m_force);
        }
    }
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

QString RefreshCoordinator::refresh(Trigger trigger, bool force)
{
    if (isRunning()) {
        CorrelationScope previous(m_id);
        qCInfo(lc).noquote() << "Superseded by a newer refresh";
    }
    m_id = QStringLiteral("r%1").arg(++m_counter);
    m_reports.clear();
    m_force = force;
    m_running = {QStringLiteral("prices")};
    for (const Step &step : std::as_const(m_steps)) {
        m_running.append(step.name);
    }
    m_total = int(m_running.size());
    m_elapsed.start();

    CorrelationScope scope(m_id);
    qCInfo(lc).noquote() << "Refresh started, trigger:" << triggerName(trigger);
    Q_EMIT started(m_id, trigger);
    Q_EMIT progress(0, m_total);
    const QString id = m_id;
    startSteps(/*afterPrices=*/false);
    if (m_id == id) {
        m_prices->refresh(id, force);
    }
    return id;
}

void RefreshCoordinator::reportStep(const StepReport &report)
{
    if (!m_running.contains(report.step)) {
        return; // a step of a superseded refresh
    }
    CorrelationScope scope(m_id);
    m_running.removeAll(report.step);
    m_reports.append(report);
    if (report.ok) {
        qCInfo(lc).noquote() << "Step" << report.step << (report.skipped ? "skipped" : "ok") << report.items
                             << "items" << report.latencyMs << "ms" << report.note;
    } else {
        qCWarning(lc).noquote() << "Step" << report.step
                                << "failed:" << FetchError::kindName(report.error.kind)
                                << report.error.userMessage;
    }
    Q_EMIT stepFinished(m_id, report);
    if (report.step == u"prices") {
        startSteps(/*afterPrices=*/true);
    }
    Q_EMIT progress(m_total - int(m_running.size()), m_total);
    if (m_running.isEmpty()) {
        const qint64 total = m_elapsed.elapsed();
        qCInfo(lc).noquote() << "Refresh finished in" << total << "ms";
        Q_EMIT finished(m_id, m_reports, total);
    }
}

} // namespace ba
