#pragma once

#include "domain/FetchError.h"

#include <QMetaType>
#include <QString>

namespace ba {

// The steps of a refresh, by name (StepReport::step, RefreshCoordinator::Step::name).
namespace StepNames {
inline const QString Prices = QStringLiteral("prices");
inline const QString News = QStringLiteral("news");
inline const QString Analysis = QStringLiteral("analysis");
} // namespace StepNames

// What one step of a refresh did: shown in the status bar, the health panel and the log.
struct StepReport
{
    QString step; // "prices", "news", "analysis"
    bool ok = true;
    bool skipped = false; // nothing to do: cached data still fresh, or offline
    FetchError error;
    qint64 latencyMs = 0;
    int items = 0; // rows stored / items delivered
    QString note;  // "from cache", "via RSS fallback", ...
};

} // namespace ba

Q_DECLARE_METATYPE(ba::StepReport)
