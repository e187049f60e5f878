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

std::optional<PriceRange> fromKey(const QString &text)
{
    for (PriceRange range : {PriceRange::Day, PriceRange::Week, PriceRange::Month, PriceRange::Quarter,
                             PriceRange::Year, PriceRange::Max}) {
        if (key(range) == text) {
            return range;
        }
    }
    return std::nullopt;
}

int ohlcDays(PriceRange range)
{
    const int d = days(range);
    return d == 0 ? 365 : d;
}

qint64 sampleStepMs(PriceRange range)
{
    const int d = days(range);
    if (d == 1) {
        return 5 * kMinute;
    }
    return d >= 2 && d <= 90 ? 60 * kMinute : kDay;
}

qint64 candleStepMs(PriceRange range)
{
    const int d = ohlcDays(range);
    if (d <= 2) {
        return 30 * kMinute;
    }
    return d <= 30 ? 4 * 60 * kMinute : 4 * kDay;
}

bool covers(int fetchedDays, int wantedDays)
{
    return fetchedDays == 0 || (wantedDays != 0 && fetchedDays >= wantedDays);
}

QString stepKey(qint64 stepMs)
{
    if (stepMs > 0 && stepMs % kDay == 0) {
        return QString::number(stepMs / kDay) + u'd';
    }
    if (stepMs > 0 && stepMs % (60 * kMinute) == 0) {
        return QString::number(stepMs / (60 * kMinute)) + u'h';
    }
    return QString::number(stepMs / kMinute) + u'm';
}

} // namespace ba::priceRange
