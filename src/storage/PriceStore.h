#pragma once

#include "domain/MarketTypes.h"
#include "storage/WriteResult.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace ba {

// What a fetch covered: when it ended and how many days back it reached (0 = the whole history).
struct FetchMark
{
    qint64 fetchedMs = 0;
    int days = 0;
};

// Prices, candles, the latest market snapshot and the fetch log, for any coin/currency pair.
// Prices and candles are kept per series (SeriesKey: pair + spacing): CoinGecko answers each range
// at its own granularity and at offsets that depend on when it was asked, so samples of different
// fetches at different spacings must never be read together.
// Uses the connection it is given, on that connection's thread. Every value is a bound parameter.
class PriceStore
{
public:
    explicit PriceStore(QSqlDatabase db);

    // One transaction and one prepared statement per call. Existing timestamps are updated;
    // a missing (NULL) market cap or volume keeps the value already stored.
    WriteResult upsertPrices(const SeriesKey &series, const QList<PricePoint> &points);
    WriteResult upsertCandles(const SeriesKey &series, const QList<Candle> &candles);
    // A fetch's answer replaces what the series held from fromMs on (older samples stay), in one
    // transaction: samples of an earlier fetch at other offsets never interleave with the new ones.
    WriteResult replacePrices(const SeriesKey &series, qint64 fromMs, const QList<PricePoint> &points);
    WriteResult replaceCandles(const SeriesKey &series, qint64 fromMs, const QList<Candle> &candles);

    // The series' samples with fromMs <= ts_ms <= toMs, oldest first.
    QList<PricePoint> prices(const SeriesKey &series, qint64 fromMs, qint64 toMs) const;
    QList<Candle> candles(const SeriesKey &series, qint64 fromMs, qint64 toMs) const;

    std::optional<qint64> latestTimestamp(const SeriesKey &series) const;
    std::optional<qint64> latestCandleTimestamp(const SeriesKey &series) const;

    // One snapshot per coin/currency pair; a newer save replaces the previous one.
    bool saveSnapshot(const MarketSnapshot &snapshot, qint64 fetchedMs);
    std::optional<MarketSnapshot> snapshot(const QString &coinId, const QString &vsCurrency) const;

    // When `source` last fetched `rangeKey` (e.g. "market_chart:1h") and how far back that fetch
    // reached — decides whether the cache is fresh for a range.
    bool markFetched(const QString &source, const QString &coinId, const QString &vsCurrency,
                     const QString &rangeKey, qint64 fetchedMs, int days = 0);
    std::optional<FetchMark> lastFetch(const QString &source, const QString &coinId,
                                       const QString &vsCurrency, const QString &rangeKey) const;
    std::optional<qint64> lastFetched(const QString &source, const QString &coinId, const QString &vsCurrency,
                                      const QString &rangeKey) const;

    // The last SQL error of this store (for the log); empty after a successful call.
    QString lastError() const { return m_lastError; }

private:
    std::optional<qint64> latestIn(const QString &table, const SeriesKey &series) const;
    WriteResult writePrices(const SeriesKey &series, const QList<PricePoint> &points,
                            std::optional<qint64> replaceFromMs);
    WriteResult writeCandles(const SeriesKey &series, const QList<Candle> &candles,
                             std::optional<qint64> replaceFromMs);

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace ba
