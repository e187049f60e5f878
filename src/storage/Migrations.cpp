#include "storage/Migrations.h"

#include <QSqlError>
#include <QSqlQuery>

namespace ba {

namespace {

// Version 1: the DESIGN.md tables plus what the features need (snapshots, fetch bookkeeping).
Migration migrationV1()
{
    return Migration{
        1,
        {
            QStringLiteral("CREATE TABLE prices ("
                           " coin_id TEXT NOT NULL, vs_currency TEXT NOT NULL, ts_ms INTEGER NOT NULL,"
                           " price REAL NOT NULL, market_cap REAL NULL, volume REAL NULL,"
                           " PRIMARY KEY (coin_id, vs_currency, ts_ms)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE candles ("
                           " coin_id TEXT NOT NULL, vs_currency TEXT NOT NULL, ts_ms INTEGER NOT NULL,"
                           " open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL,"
                           " PRIMARY KEY (coin_id, vs_currency, ts_ms)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE news ("
                           " id INTEGER PRIMARY KEY, url TEXT UNIQUE NOT NULL, title TEXT, source TEXT,"
                           " published_ms INTEGER NULL, summary TEXT, image_url TEXT, author TEXT,"
                           " fetched_ms INTEGER NOT NULL,"
                           " first_seen_ms INTEGER NOT NULL, read INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX news_published_ms ON news(published_ms)"),
            QStringLiteral("CREATE TABLE analyses ("
                           " id INTEGER PRIMARY KEY, created_ms INTEGER NOT NULL, coin_id TEXT NOT NULL,"
                           " vs_currency TEXT NOT NULL, provider TEXT NOT NULL, model TEXT, input_hash TEXT,"
                           " prompt TEXT, response TEXT, latency_ms INTEGER NOT NULL DEFAULT 0,"
                           " status TEXT NOT NULL, prompt_tokens INTEGER NULL, output_tokens INTEGER NULL,"
                           " error TEXT NULL, summary_json TEXT NULL)"),
            QStringLiteral("CREATE INDEX analyses_created_ms ON analyses(created_ms)"),
            QStringLiteral("CREATE INDEX analyses_input_hash ON analyses(input_hash, created_ms)"),
            QStringLiteral("CREATE TABLE snapshots ("
                           " coin_id TEXT NOT NULL, vs_currency TEXT NOT NULL, price REAL NOT NULL,"
                           " change_24h_pct REAL NULL, market_cap REAL NULL, volume_24h REAL NULL,"
                           " last_updated_ms INTEGER NOT NULL, fetched_ms INTEGER NOT NULL,"
                           " PRIMARY KEY (coin_id, vs_currency))"),
            QStringLiteral("CREATE TABLE fetch_log ("
                           " source TEXT NOT NULL, coin_id TEXT NOT NULL, vs_currency TEXT NOT NULL,"
                           " range_key TEXT NOT NULL, fetched_ms INTEGER NOT NULL,"
                           " PRIMARY KEY (source, coin_id, vs_currency, range_key))"),
        }};
}

// One evenly spaced series per range (issue 11; version 2 on this branch).
//  - prices and candles gain resolution_ms (the spacing of the series a row belongs to) in their
//    primary key. Rows of version 1 are classified by the gap to their nearest neighbour in the
//    same pair (prices: <= 10 min is 5-minute data, <= 3 h hourly, else daily; candles: <= 1 h is
//    30-minute, <= 8 h 4-hour, else 4-day). Where fetches overlapped, a few rows land in a finer
//    series than they came from; the next fetch of each range replaces its window, and the
//    version-1 fetch log of market_chart and ohlc is dropped so that every range is fetched again.
//  - analyses gain range_key (NULL for older rows: they mixed every range) and headline_state.
//  - fetch_log gains covers_days: how far back a fetch reached, so that one fetch can serve
//    every shorter range of the same spacing.
QString classifiedCopy(const QString &table, const QString &columns, qint64 fine, qint64 middle,
                       qint64 fineStep, qint64 middleStep, qint64 coarseStep)
{
    return QStringLiteral(
               "INSERT INTO %1_v2 (coin_id, vs_currency, resolution_ms, ts_ms, %2)"
               " SELECT coin_id, vs_currency,"
               " CASE WHEN gap <= %3 THEN %5 WHEN gap <= %4 THEN %6 ELSE %7 END, ts_ms, %2 FROM ("
               "  SELECT *, MIN(COALESCE(ts_ms - prev_ts, next_ts - ts_ms, 9e18),"
               "               COALESCE(next_ts - ts_ms, ts_ms - prev_ts, 9e18)) AS gap FROM ("
               "   SELECT *, LAG(ts_ms) OVER pair AS prev_ts, LEAD(ts_ms) OVER pair AS next_ts FROM %1"
               "   WINDOW pair AS (PARTITION BY coin_id, vs_currency ORDER BY ts_ms)))")
        .arg(table, columns)
        .arg(fine)
        .arg(middle)
        .arg(fineStep)
        .arg(middleStep)
        .arg(coarseStep);
}

Migration migrationOneSeriesPerRange(int version)
{
    constexpr qint64 minute = 60 * 1000;
    constexpr qint64 hour = 60 * minute;
    constexpr qint64 day = 24 * hour;
    return Migration{
        version,
        {
            QStringLiteral(
                "CREATE TABLE prices_v2 ("
                " coin_id TEXT NOT NULL, vs_currency TEXT NOT NULL, resolution_ms INTEGER NOT NULL,"
                " ts_ms INTEGER NOT NULL, price REAL NOT NULL, market_cap REAL NULL,"
                " volume REAL NULL,"
                " PRIMARY KEY (coin_id, vs_currency, resolution_ms, ts_ms)) WITHOUT ROWID"),
            classifiedCopy(QStringLiteral("prices"), QStringLiteral("price, market_cap, volume"), 10 * minute,
                           3 * hour, 5 * minute, hour, day),
            QStringLiteral("DROP TABLE prices"),
            QStringLiteral("ALTER TABLE prices_v2 RENAME TO prices"),
            QStringLiteral(
                "CREATE TABLE candles_v2 ("
                " coin_id TEXT NOT NULL, vs_currency TEXT NOT NULL, resolution_ms INTEGER NOT NULL,"
                " ts_ms INTEGER NOT NULL, open REAL NOT NULL, high REAL NOT NULL,"
                " low REAL NOT NULL, close REAL NOT NULL,"
                " PRIMARY KEY (coin_id, vs_currency, resolution_ms, ts_ms)) WITHOUT ROWID"),
            classifiedCopy(QStringLiteral("candles"), QStringLiteral("open, high, low, close"), hour,
                           8 * hour, 30 * minute, 4 * hour, 4 * day),
            QStringLiteral("DROP TABLE candles"),
            QStringLiteral("ALTER TABLE candles_v2 RENAME TO candles"),
            QStringLiteral("ALTER TABLE analyses ADD COLUMN range_key TEXT NULL"),
            QStringLiteral("ALTER TABLE analyses ADD COLUMN headline_state TEXT NULL"),
            QStringLiteral("CREATE INDEX analyses_selection"
                           " ON analyses(coin_id, vs_currency, range_key, created_ms)"),
            QStringLiteral("ALTER TABLE fetch_log ADD COLUMN covers_days INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("DELETE FROM fetch_log WHERE range_key LIKE 'market_chart:%'"
                           " OR range_key LIKE 'ohlc:%'"),
        }};
}

// News origin: where each article was seen (NewsVia bits: 1 the site's page, 2 a feed). Rows
// stored before are 0, "not recorded", until a fetch sees them again.
Migration migrationNewsOrigin(int version)
{
    return Migration{version,
                     {QStringLiteral("ALTER TABLE news ADD COLUMN seen_via INTEGER NOT NULL DEFAULT 0")}};
}

bool execStatement(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql)) {
        return true;
    }
    *error = query.lastError().text();
    return false;
}

// Runs one migration and its user_version bump atomically (user_version is transactional).
bool applyOne(QSqlDatabase &db, const Migration &migration, MigrationOutcome &outcome)
{
    if (!db.transaction()) {
        outcome.error = db.lastError().text();
        return false;
    }
    QStringList statements = migration.statements;
    statements << QStringLiteral("PRAGMA user_version = ") + QString::number(migration.version);
    for (const QString &sql : std::as_const(statements)) {
        if (!execStatement(db, sql, &outcome.error)) {
            outcome.failedStatement = sql;
            db.rollback();
            return false;
        }
    }
    if (!db.commit()) {
        outcome.error = db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace

const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations{migrationV1(), migrationOneSeriesPerRange(2),
                                             migrationNewsOrigin(3)};
    return migrations;
}

int readUserVersion(const QSqlDatabase &db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        if (error) {
            *error = query.lastError().text();
        }
        return -1;
    }
    return query.value(0).toInt();
}

MigrationOutcome applyMigrations(QSqlDatabase &db, const QList<Migration> &migrations)
{
    MigrationOutcome outcome;
    outcome.fromVersion = readUserVersion(db, &outcome.error);
    if (outcome.fromVersion < 0) {
        outcome.ok = false;
        return outcome;
    }
    outcome.toVersion = outcome.fromVersion;
    for (const Migration &migration : migrations) {
        if (migration.version <= outcome.toVersion) {
            continue;
        }
        if (!applyOne(db, migration, outcome)) {
            outcome.ok = false;
            return outcome;
        }
        outcome.toVersion = migration.version;
    }
    return outcome;
}

} // namespace ba
