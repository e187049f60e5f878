#include "domain/PriceRange.h"

namespace ba::priceRange {

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;
} // namespace

int days(PriceRange range)
{
    switch (range) {
    case PriceRange::Day:
        return 1;
    case PriceRange::Week:
        return 7;
    case PriceRange::Month:
        return 30;
    case PriceRange::Quarter:
        return 90;
    case PriceRange::Year:
        return 365;
    case PriceRange::Max:
        return 0;
    }
    return 30;
}

qint64 windowStartMs(PriceRange range, qint64 nowMs)
{
    const int d = days(range);
    return d == 0 ? 0 : nowMs - d * kDay;
}

qint64 freshnessMs(PriceRange range)
{
    switch (range) {
    case PriceRange::Day:
        return 1 * kMinute;
    case PriceRange::Week:
    case PriceRange::Month:
    case PriceRange::Quarter:
        return 5 * kMinute;
    case PriceRange::Year:
    case PriceRange::Max:
        return 60 * kMinute;
    }
    return 5 * kMinute;
}

qint64 staleAfterMs(PriceRange range)
{
    // Hourly and finer data: more than 30 min behind is stale; daily data: the last point is "now"
    // when CoinGecko answers, so a few hours without a refresh already means stale.
    return range == PriceRange::Year || range == PriceRange::Max ? 3 * 60 * kMinute : 30 * kMinute;
}

QString key(PriceRange range)
{
    const int d = days(range);
    return d == 0 ? QStringLiteral("max") : QString::number(d) + u'd';
}

int ohlcDays(PriceRange range)
{
    const int d = days(range);
    return d == 0 ? 365 : d;
}

} // namespace ba::priceRange
