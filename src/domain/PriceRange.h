#pragma once

#include <QString>
#include <QtGlobal>

namespace ba {

// The chart ranges the user picks: 24H · 7D · 30D · 90D · 1Y · MAX.
enum class PriceRange
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Max
};

namespace priceRange {

// Days asked from CoinGecko; 0 means the whole history the plan allows.
int days(PriceRange range);
// Window start for queries of the local store (0 for Max).
qint64 windowStartMs(PriceRange range, qint64 nowMs);
// How long fetched data counts as fresh. Follows CoinGecko's granularity for the range:
// 5-minute data (1 day) ~1 min, hourly data (2-90 days) ~5 min, daily data ~1 h.
qint64 freshnessMs(PriceRange range);
// Newest point older than this means the chart is stale (shown with a badge).
qint64 staleAfterMs(PriceRange range);
// Stable key for the fetch log ("1d", "7d", ..., "max").
QString key(PriceRange range);
// Candle request days (CoinGecko's OHLC endpoint accepts a fixed set; the client snaps).
int ohlcDays(PriceRange range);

} // namespace priceRange
} // namespace ba
