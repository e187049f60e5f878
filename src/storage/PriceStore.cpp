#include "storage/PriceStore.h"

#include "domain/PriceRange.h"
#include "storage/SqlBatch.h"
#include "storage/SqlValues.h"
#include "storage/SqliteDirect.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>
#include <cmath>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.storage.prices")
} // namespace

namespace ba {

namespace {

// The series (pair and spacing) is bound once; VALUES rows carry the per-point columns.
const sql::BatchStatement kUpsertPrices{
    QStringLiteral(
        "INSERT INTO prices (coin_id, vs_currency, resolution_ms, ts_ms, price, market_cap, volume)"
        " SELECT ?, ?, ?, column1, column2, column3, column4 FROM (VALUES"),
    QStringLiteral("(?, ?, ?, ?)"),
    // "WHERE true" keeps SQLite from reading ON as a join constraint of the SELECT.
    QStringLiteral(") WHERE true ON CONFLICT (coin_id, vs_currency, resolution_ms, ts_ms) DO UPDATE SET"
                   " price = excluded.price, market_cap = COALESCE(excluded.market_cap, prices.market_cap),"
                   " volume = COALESCE(excluded.volume, prices.volume)"),
    3, 4};

const sql::BatchStatement kUpsertCandles{
    QStringLiteral("INSERT INTO candles (coin_id, vs_currency, resolution_ms, ts_ms, open, high, low, close)"
                   " SELECT ?, ?, ?, column1, column2, column3, column4, column5 FROM (VALUES"),
    QStringLiteral("(?, ?, ?, ?, ?)"),
    QStringLiteral(") WHERE true ON CONFLICT (coin_id, vs_currency, resolution_ms, ts_ms) DO UPDATE SET"
                   " open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close"),
    3, 5};

// Deletes the series' rows from fromMs on, inside the batch's transaction. `table` is one of our
// own constants; the values are bound.
sql::Prelude deleteFrom(QSqlDatabase db, const QString &table, const SeriesKey &series,
                        std::optional<qint64> fromMs)
{
    if (!fromMs) {
        return {};
    }
    return [db, table, series, from = *fromMs](QString *error) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM ") + table +
                      QStringLiteral(" WHERE coin_id = ? AND vs_currency = ? AND resolution_ms = ?"
                                     " AND ts_ms >= ?"));
        query.addBindValue(sql::text(series.coinId));
        query.addBindValue(sql::text(series.vsCurrency));
        query.addBindValue(series.stepMs);
        query.addBindValue(from);
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
        return true;
    };
}

// The WHERE clause and values of one series' rows in a time window.
QVariantList seriesWindow(const SeriesKey &series, qint64 fromMs, qint64 toMs)
{
    return {series.coinId, series.vsCurrency, series.stepMs, fromMs, toMs};
}
const QString kSeriesWindow =
    QStringLiteral(" WHERE coin_id = ? AND vs_currency = ? AND resolution_ms = ? AND ts_ms BETWEEN ? AND ?"
                   " ORDER BY ts_ms");

// NaN would reach SQLite as NULL; an infinite value is no price either.
std::optional<double> finiteOrNothing(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? value : std::nullopt;
}

void logWrite(const char *what, const SeriesKey &series, const WriteResult &result)
{
    const QString target =
        QStringLiteral("%1/%2 %3").arg(series.coinId, series.vsCurrency, priceRange::stepKey(series.stepMs));
    if (result.ok) {
        qCInfo(lc).noquote() << QStringLiteral("stored %1 %2 for %3 in %4 ms (%5 skipped)")
                                    .arg(result.rows)
                                    .arg(QLatin1String(what), target)
                                    .arg(result.ms)
                                    .arg(result.skipped);
    } else {
        qCWarning(lc).noquote() << QStringLiteral("writing %1 for %2 failed, nothing stored: %3")
                                       .arg(QLatin1String(what), target, result.error);
    }
}

} // namespace

PriceStore::PriceStore(QSqlDatabase db) : m_db(std::move(db)) {}

WriteResult PriceStore::upsertPrices(const SeriesKey &series, const QList<PricePoint> &points)
{
    return writePrices(series, points, std::nullopt);
}

WriteResult PriceStore::replacePrices(const SeriesKey &series, qint64 fromMs, const QList<PricePoint> &points)
{
    return writePrices(series, points, fromMs);
}

WriteResult PriceStore::upsertCandles(const SeriesKey &series, const QList<Candle> &candles)
{
    return writeCandles(series, candles, std::nullopt);
}

WriteResult PriceStore::replaceCandles(const SeriesKey &series, qint64 fromMs, const QList<Candle> &candles)
{
    return writeCandles(series, candles, fromMs);
}

WriteResult PriceStore::writePrices(const SeriesKey &series, const QList<PricePoint> &points,
                                    std::optional<qint64> replaceFromMs)
{
    const auto accept = [](const PricePoint &point) { return std::isfinite(point.price); };
    const sql::Prelude prelude = deleteFrom(m_db, QStringLiteral("prices"), series, replaceFromMs);
    WriteResult result;
    if (sqlite3 *handle = sql::directHandle(m_db)) {
        // The hot path (a year of 5-minute data is 100,000 rows): no QVariant per value.
        const auto bindSeries = [&](sql::DirectStatement &query) {
            query.bindText(0, series.coinId);
            query.bindText(1, series.vsCurrency);
            query.bind(2, series.stepMs);
        };
        const auto bindPoint = [](sql::DirectStatement &query, int first, const PricePoint &point) {
            query.bind(first, point.tsMs);
            query.bind(first + 1, point.price);
            query.bind(first + 2, finiteOrNothing(point.marketCap));
            query.bind(first + 3, finiteOrNothing(point.volume));
        };
        result = sql::writeBatchDirect(m_db, handle, kUpsertPrices, points, accept, bindSeries, bindPoint,
                                       prelude);
    } else {
        const auto bindSeries = [&](QSqlQuery &query) {
            query.bindValue(0, sql::text(series.coinId));
            query.bindValue(1, sql::text(series.vsCurrency));
            query.bindValue(2, series.stepMs);
        };
        const auto bindPoint = [](QSqlQuery &query, int first, const PricePoint &point) {
            query.bindValue(first, point.tsMs);
            query.bindValue(first + 1, point.price);
            query.bindValue(first + 2, sql::nullable(finiteOrNothing(point.marketCap)));
            query.bindValue(first + 3, sql::nullable(finiteOrNothing(point.volume)));
        };
        result = sql::writeBatch(m_db, kUpsertPrices, points, accept, bindSeries, bindPoint, prelude);
    }
    m_lastError = result.error;
    logWrite("prices", series, result);
    return result;
}

WriteResult PriceStore::writeCandles(const SeriesKey &series, const QList<Candle> &candles,
                                     std::optional<qint64> replaceFromMs)
{
    const auto bindSeries = [&](QSqlQuery &query) {
        query.bindValue(0, sql::text(series.coinId));
        query.bindValue(1, sql::text(series.vsCurrency));
        query.bindValue(2, series.stepMs);
    };
    const auto accept = [](const Candle &candle) {
        return std::isfinite(candle.open) && std::isfinite(candle.high) && std::isfinite(candle.low) &&
               std::isfinite(candle.close);
    };
    const auto bindCandle = [](QSqlQuery &query, int first, const Candle &candle) {
        query.bindValue(first, candle.tsMs);
        query.bindValue(first + 1, candle.open);
        query.bindValue(first + 2, candle.high);
        query.bindValue(first + 3, candle.low);
        query.bindValue(first + 4, candle.close);
    };
    const WriteResult result =
        sql::writeBatch(m_db, kUpsertCandles, candles, accept, bindSeries, bindCandle,
                        deleteFrom(m_db, QStringLiteral("candles"), series, replaceFromMs));
    m_lastError = result.error;
    logWrite("candles", series, result);
    return result;
}

QList<PricePoint> PriceStore::prices(const SeriesKey &series, qint64 fromMs, qint64 toMs) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ts_ms, price, market_cap, volume FROM prices") + kSeriesWindow);
    for (const QVariant &value : seriesWindow(series, fromMs, toMs)) {
        query.addBindValue(value);
    }
    QList<PricePoint> points;
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("reading prices failed: ") + m_lastError;
        return points;
    }
    m_lastError.clear();
    while (query.next()) {
        points.append(PricePoint{query.value(0).toLongLong(), query.value(1).toDouble(),
                                 sql::optionalDouble(query.value(2)), sql::optionalDouble(query.value(3))});
    }
    return points;
}

QList<Candle> PriceStore::candles(const SeriesKey &series, qint64 fromMs, qint64 toMs) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ts_ms, open, high, low, close FROM candles") + kSeriesWindow);
    for (const QVariant &value : seriesWindow(series, fromMs, toMs)) {
        query.addBindValue(value);
    }
    QList<Candle> result;
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("reading candles failed: ") + m_lastError;
        return result;
    }
    m_lastError.clear();
    while (query.next()) {
        result.append(Candle{query.value(0).toLongLong(), query.value(1).toDouble(),
                             query.value(2).toDouble(), query.value(3).toDouble(),
                             query.value(4).toDouble()});
    }
    return result;
}

std::optional<qint64> PriceStore::latestTimestamp(const SeriesKey &series) const
{
    return latestIn(QStringLiteral("prices"), series);
}

std::optional<qint64> PriceStore::latestCandleTimestamp(const SeriesKey &series) const
{
    return latestIn(QStringLiteral("candles"), series);
}

// `table` is one of our own constants, never user input; the values are bound.
std::optional<qint64> PriceStore::latestIn(const QString &table, const SeriesKey &series) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT MAX(ts_ms) FROM ") + table +
                  QStringLiteral(" WHERE coin_id = ? AND vs_currency = ? AND resolution_ms = ?"));
    query.addBindValue(series.coinId);
    query.addBindValue(series.vsCurrency);
    query.addBindValue(series.stepMs);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("reading latest %1 failed: %2").arg(table, m_lastError);
        return std::nullopt;
    }
    m_lastError.clear();
    return sql::optionalInt64(query.value(0));
}

bool PriceStore::saveSnapshot(const MarketSnapshot &snapshot, qint64 fetchedMs)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO snapshots (coin_id, vs_currency, price, change_24h_pct, market_cap, volume_24h,"
        " last_updated_ms, fetched_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (coin_id, vs_currency) DO UPDATE SET price = excluded.price,"
        " change_24h_pct = excluded.change_24h_pct, market_cap = excluded.market_cap,"
        " volume_24h = excluded.volume_24h, last_updated_ms = excluded.last_updated_ms,"
        " fetched_ms = excluded.fetched_ms"));
    query.addBindValue(sql::text(snapshot.coinId));
    query.addBindValue(sql::text(snapshot.vsCurrency));
    query.addBindValue(snapshot.price);
    query.addBindValue(sql::nullable(finiteOrNothing(snapshot.change24hPct)));
    query.addBindValue(sql::nullable(finiteOrNothing(snapshot.marketCap)));
    query.addBindValue(sql::nullable(finiteOrNothing(snapshot.volume24h)));
    query.addBindValue(snapshot.lastUpdatedMs);
    query.addBindValue(fetchedMs);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("saving the %1/%2 snapshot failed: %3")
                                       .arg(snapshot.coinId, snapshot.vsCurrency, m_lastError);
        return false;
    }
    m_lastError.clear();
    return true;
}

std::optional<MarketSnapshot> PriceStore::snapshot(const QString &coinId, const QString &vsCurrency) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT price, change_24h_pct, market_cap, volume_24h, last_updated_ms"
                                 " FROM snapshots WHERE coin_id = ? AND vs_currency = ?"));
    query.addBindValue(coinId);
    query.addBindValue(vsCurrency);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("reading the snapshot failed: ") + m_lastError;
        return std::nullopt;
    }
    m_lastError.clear();
    if (!query.next()) {
        return std::nullopt;
    }
    MarketSnapshot result;
    result.coinId = coinId;
    result.vsCurrency = vsCurrency;
    result.price = query.value(0).toDouble();
    result.change24hPct = sql::optionalDouble(query.value(1));
    result.marketCap = sql::optionalDouble(query.value(2));
    result.volume24h = sql::optionalDouble(query.value(3));
    result.lastUpdatedMs = query.value(4).toLongLong();
    return result;
}

bool PriceStore::markFetched(const QString &source, const QString &coinId, const QString &vsCurrency,
                             const QString &rangeKey, qint64 fetchedMs, int days)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO fetch_log (source, coin_id, vs_currency, range_key, fetched_ms, covers_days)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, coin_id, vs_currency, range_key)"
        " DO UPDATE SET fetched_ms = excluded.fetched_ms, covers_days = excluded.covers_days"));
    for (const QString &value : {source, coinId, vsCurrency, rangeKey}) {
        query.addBindValue(sql::text(value));
    }
    query.addBindValue(fetchedMs);
    query.addBindValue(days);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote()
            << QStringLiteral("recording the fetch of %1 failed: %2").arg(rangeKey, m_lastError);
        return false;
    }
    m_lastError.clear();
    return true;
}

std::optional<FetchMark> PriceStore::lastFetch(const QString &source, const QString &coinId,
                                               const QString &vsCurrency, const QString &rangeKey) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT fetched_ms, covers_days FROM fetch_log"
                                 " WHERE source = ? AND coin_id = ? AND vs_currency = ? AND range_key = ?"));
    for (const QString &value : {source, coinId, vsCurrency, rangeKey}) {
        query.addBindValue(sql::text(value));
    }
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("reading the fetch log failed: ") + m_lastError;
        return std::nullopt;
    }
    m_lastError.clear();
    if (!query.next()) {
        return std::nullopt;
    }
    return FetchMark{query.value(0).toLongLong(), query.value(1).toInt()};
}

std::optional<qint64> PriceStore::lastFetched(const QString &source, const QString &coinId,
                                              const QString &vsCurrency, const QString &rangeKey) const
{
    const std::optional<FetchMark> mark = lastFetch(source, coinId, vsCurrency, rangeKey);
    return mark ? std::optional<qint64>(mark->fetchedMs) : std::nullopt;
}

} // namespace ba
