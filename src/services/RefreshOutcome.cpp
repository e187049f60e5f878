#include "services/RefreshOutcome.h"

#include <QCoreApplication>

namespace ba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ba::RefreshOutcome", text);
}

} // namespace

QString RefreshOutcome::text() const
{
    QStringList failed;
    int stored = 0;
    for (const StepReport &report : reports) {
        if (!report.ok) {
            failed << report.step;
            stored += hasStoredData && hasStoredData(report.step) ? 1 : 0;
        }
    }
    if (failed.isEmpty()) {
        return tr("Updated %1 in %2 ms (%3)").arg(time).arg(totalMs).arg(id);
    }
    if (stored == failed.size()) {
        return tr("Refresh %1 at %2: %3 failed; cached data shown")
            .arg(id, time, failed.join(QStringLiteral(", ")));
    }
    if (stored == 0) {
        return tr("Refresh %1 at %2: %3 failed; no data yet")
            .arg(id, time, failed.join(QStringLiteral(", ")));
    }
    QStringList parts;
    for (const QString &step : std::as_const(failed)) {
        parts << (hasStoredData(step) ? tr("%1 failed (cached data shown)") : tr("%1 failed (no data yet)"))
                     .arg(step);
    }
    return tr("Refresh %1 at %2: %3").arg(id, time, parts.join(QStringLiteral(", ")));
}

} // namespace ba
