#pragma once

#include "services/StepReport.h"

#include <QList>
#include <QString>
#include <functional>

namespace ba {

// The status bar's line once a refresh has ended. It must be true: after a failed step it says
// whether the window shows data stored by an earlier refresh ("cached data shown") or has none
// for that step yet ("no data yet"), as on a fresh profile.
struct RefreshOutcome
{
    QString id;   // "r3"
    QString time; // when it ended, local short format
    qint64 totalMs = 0;
    QList<StepReport> reports;
    // Whether something stored earlier is shown for this step ("prices", "news", "analysis").
    std::function<bool(const QString &step)> hasStoredData;

    QString text() const;
};

} // namespace ba
