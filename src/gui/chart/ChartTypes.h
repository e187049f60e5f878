#pragma once

#include "domain/ChartStyle.h"
#include "domain/PriceRange.h"

// Small vocabulary shared by PriceChartView and its parts. Kept free of Qt Charts so that
// callers (MainWindow, AppContext) can name a range without pulling the chart module in.
namespace ba {

// The time windows offered above the price chart (24H · 7D · 30D · 90D · 1Y · MAX) are the
// ranges the price service fetches: one enum, named here in the chart's words.
using ChartRange = PriceRange;

} // namespace ba
