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
    static const QList<Migration> migrations{migrationV1(), migrationNewsOrigin(2)};
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
