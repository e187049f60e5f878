#pragma once

#include <optional>

// Small vocabulary shared by PriceChartView and its parts. Kept free of Qt Charts so that
// callers (MainWindow, AppContext) can name a range without pulling the chart module in.
namespace ba {

// The time windows offered above the price chart (24H · 7D · 30D · 90D · 1Y · MAX).
enum class ChartRange
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Max
};

// How the price is drawn: a line with a soft fill, or OHLC candles.
enum class ChartMode
{
    Line,
    Candles
};

// Optional layers the user can switch on and off.
enum class ChartOverlay
{
    Volume,
    Sma20,
    Ema50,
    Bollinger
};

// Days covered by a range; std::nullopt for Max (the whole history).
constexpr std::optional<int> chartRangeDays(ChartRange range)
{
    switch (range) {
    case ChartRange::Day:
        return 1;
    case ChartRange::Week:
        return 7;
    case ChartRange::Month:
        return 30;
    case ChartRange::Quarter:
        return 90;
    case ChartRange::Year:
        return 365;
    case ChartRange::Max:
        break;
    }
    return std::nullopt;
}

} // namespace ba
