#pragma once

// Internal to CoinGeckoParser: the /market_chart body as three time series, read either by a
// single-pass scanner (the common, well-formed case) or, for everything else, from a
// QJsonDocument by CoinGeckoParser; both end in the same join so they give the same points.
//
// Why a scanner: a year of hourly data is ~0.9 MB of JSON, and QJsonDocument plus QJsonArray
// iteration and QHash joins spent ~3x the time of the reading itself (see bench/).

#include "domain/MarketTypes.h"

#include <QByteArray>
#include <QList>

namespace ba::coingecko {

// The latest time a reader accepts: 9999-12-31T23:59:59.999Z. Anything later is not a date, and
// converting it to qint64 would overflow.
inline constexpr double kMaxTimestampMs = 253402300799999.0;

// One usable [time, value] pair: time whole ms in [0, kMaxTimestampMs], value finite. Unusable pairs (nulls,
// negative times, non-finite values) are left out by the readers, as CoinGecko's gaps.
struct TimedValue
{
    qint64 tsMs = 0;
    double value = 0.0;
};

struct MarketChartSeries
{
    QList<TimedValue> prices;
    QList<TimedValue> marketCaps;
    QList<TimedValue> volumes;
};

// Reads {"prices":[[t,v],...],"market_caps":[...],"total_volumes":[...]} (keys in any order,
// caps and volumes optional) where every t and v is a JSON number or null and every pair has
// exactly two elements. Returns false for anything else, valid JSON or not: numeric strings,
// other keys (CoinGecko's error objects), other shapes, syntax errors. The caller then falls
// back to the general reader, which also produces the errors.
bool scanMarketChart(const QByteArray &body, MarketChartSeries *out);

// Prices sorted by time, the last of equal times kept; each joined with the market cap and
// volume of exactly its time (again the last given for that time), if any.
QList<PricePoint> joinMarketChart(MarketChartSeries series);

} // namespace ba::coingecko
