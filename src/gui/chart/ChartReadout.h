#pragma once

#include "gui/chart/ChartData.h"
#include "gui/chart/ChartTheme.h"
#include "gui/chart/CrosshairItem.h"

#include <QPointF>
#include <optional>

namespace ba::chart {

// What the crosshair says about the data point nearest to a time: where the point is
// (x = ms, y = price) and the read-out lines: local date and time, price (or O/H/L/C for
// candles), change since the start of the range in green or red, and the volume if known.
struct Readout
{
    QPointF value;
    QList<CrosshairItem::Line> lines;

    QString text() const; // the lines joined with '\n'
};

std::optional<Readout> readoutNear(const ChartData &data, double timeMs, bool candles,
                                   const QString &currency, const ChartTheme &theme);

} // namespace ba::chart
