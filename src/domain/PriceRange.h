#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

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

inline constexpr qint64 DayMs = 24LL * 60 * 60 * 1000;

// Days asked from CoinGecko; 0 means the whole history the plan allows.
int days(PriceRange range);
// Window start for queries of the local store (0 for Max).
qint64 windowStartMs(PriceRange range, qint64 nowMs);
// How long fetched data counts as fresh. Follows CoinGecko's granularity for the range:
// 5-minute data (1 day) ~1 min, hourly data (2-90 days) ~5 min, daily data ~1 h.
qint64 freshnessMs(PriceRange range);
// Newest point older than this means the chart is stale (shown with a badge).
qint64 staleAfterMs(PriceRange range);
// Stable key for the fetch log and stored analyses ("1d", "7d", ..., "max").
QString key(PriceRange range);
std::optional<PriceRange> fromKey(const QString &key);
// Candle request days (CoinGecko's OHLC endpoint accepts a fixed set; the client snaps).
int ohlcDays(PriceRange range);

// CoinGecko's automatic granularity of market_chart for the range's days (wire-formats 1.2):
// 5-minute samples for 1 day, hourly for 2-90 days, daily beyond. A range reads exactly the one
// series of this spacing, so that charts, indicators and analyses never mix resolutions.
qint64 sampleStepMs(PriceRange range);
// The candle length of CoinGecko's OHLC endpoint for ohlcDays(range): 30 minutes for 1-2 days,
// 4 hours for 3-30 days, 4 days beyond.
qint64 candleStepMs(PriceRange range);
// Whether a fetch of `fetchedDays` (0 = the whole history) holds the window of `wantedDays`.
bool covers(int fetchedDays, int wantedDays);
// Short name of a series spacing for logs and the fetch log: "5m", "30m", "1h", "4h", "1d", "4d".
QString stepKey(qint64 stepMs);

} // namespace priceRange
} // namespace ba
