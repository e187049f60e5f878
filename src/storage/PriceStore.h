#pragma once

#include "domain/MarketTypes.h"
#include "storage/WriteResult.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace ba {

// Prices, candles, the latest market snapshot and the fetch log, for any coin/currency pair.
// Uses the connection it is given, on that connection's thread. Every value is a bound parameter.
class PriceStore
{
public:
    explicit PriceStore(QSqlDatabase db);

    // One transaction and one prepared statement per call. Existing timestamps are updated;
    // a missing (NULL) market cap or volume keeps the value already stored.
    WriteResult upsertPrices(const QString &coinId, const QString &vsCurrency,
                             const QList<PricePoint> &points);
    WriteResult upsertCandles(const QString &coinId, const QString &vsCurrency, const QList<Candle> &candles);

    // Everything stored with fromMs <= ts_ms <= toMs, oldest first. Dense recent points and sparse
    // older ones come back together, so callers get the finest data available for each period.
    QList<PricePoint> prices(const QString &coinId, const QString &vsCurrency, qint64 fromMs,
                             qint64 toMs) const;
    QList<Candle> candles(const QString &coinId, const QString &vsCurrency, qint64 fromMs, qint64 toMs) const;

    std::optional<qint64> latestTimestamp(const QString &coinId, const QString &vsCurrency) const;
    std::optional<qint64> latestCandleTimestamp(const QString &coinId, const QString &vsCurrency) const;

    // One snapshot per coin/currency pair; a newer save replaces the previous one.
    bool saveSnapshot(const MarketSnapshot &snapshot, qint64 fetchedMs);
    std::optional<MarketSnapshot> snapshot(const QString &coinId, const QString &vsCurrency) const;

    // When `source` last fetched `rangeKey` (e.g. "market_chart", "30d") — decides whether the cache is
    // fresh.
    bool markFetched(const QString &source, const QString &coinId, const QString &vsCurrency,
                     const QString &rangeKey, qint64 fetchedMs);
    std::optional<qint64> lastFetched(const QString &source, const QString &coinId, const QString &vsCurrency,
                                      const QString &rangeKey) const;

    // The last SQL error of this store (for the log); empty after a successful call.
    QString lastError() const { return m_lastError; }

private:
    std::optional<qint64> latestIn(const QString &table, const QString &coinId,
                                   const QString &vsCurrency) const;

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace ba
