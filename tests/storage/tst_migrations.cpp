#include "StorageTestUtil.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using ba::Migration;
using ba::MigrationOutcome;
using ba::test::scalar;

// The migration runner on its own, with made-up schema histories.
class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void schemaMigrations_versionsStartAtOneAndIncrease();
    void applyMigrations_fromEmpty_appliesAllInOrder();
    void applyMigrations_atVersion_appliesOnlyNewerOnes();
    void applyMigrations_failingStatement_keepsLastCompleteVersion();
    void oneSeriesPerRange_classifiesVersion1PricesByTheirSpacing();
    void oneSeriesPerRange_keepsAnalysesWithoutARangeAndDropsOldFetchTimes();
    void schemaMigrations_newsOrigin_keepsOldArticlesAsNotRecorded();

private:
    bool hasTable(const QString &name) const
    {
        return scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM sqlite_schema WHERE name = '%1'").arg(name))
                   .toInt() == 1;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QSqlDatabase m_db;
};

void TestMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("migrations"));
    m_db.setDatabaseName(m_dir->filePath(QStringLiteral("m.sqlite")));
    QVERIFY(m_db.open());
}

void TestMigrations::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("migrations"));
}

void TestMigrations::schemaMigrations_versionsStartAtOneAndIncrease()
{
    const QList<Migration> &migrations = ba::schemaMigrations();
    QVERIFY(!migrations.isEmpty());
    QCOMPARE(migrations.constFirst().version, 1);
    for (qsizetype i = 1; i < migrations.size(); ++i) {
        QCOMPARE(migrations.at(i).version, migrations.at(i - 1).version + 1);
    }
    QCOMPARE(ba::Database::latestSchemaVersion(), migrations.constLast().version);
}

void TestMigrations::applyMigrations_fromEmpty_appliesAllInOrder()
{
    const QList<Migration> history{
        {1, {QStringLiteral("CREATE TABLE a(x)")}},
        {2, {QStringLiteral("CREATE TABLE b(y)"), QStringLiteral("INSERT INTO b SELECT x FROM a")}},
    };
    const MigrationOutcome outcome = ba::applyMigrations(m_db, history);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.fromVersion, 0);
    QCOMPARE(outcome.toVersion, 2);
    QCOMPARE(ba::readUserVersion(m_db), 2);
    QVERIFY(hasTable(QStringLiteral("a")));
    QVERIFY(hasTable(QStringLiteral("b")));
}

void TestMigrations::applyMigrations_atVersion_appliesOnlyNewerOnes()
{
    const Migration first{1, {QStringLiteral("CREATE TABLE a(x)")}};
    QVERIFY(ba::applyMigrations(m_db, {first}).ok);

    // Re-running version 1 would fail (table exists), so success means it was skipped.
    const MigrationOutcome outcome =
        ba::applyMigrations(m_db, {first, {2, {QStringLiteral("CREATE TABLE b(y)")}}});
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.fromVersion, 1);
    QCOMPARE(outcome.toVersion, 2);

    const MigrationOutcome again =
        ba::applyMigrations(m_db, {first, {2, {QStringLiteral("CREATE TABLE b(y)")}}});
    QVERIFY(again.ok);
    QCOMPARE(again.fromVersion, 2);
    QCOMPARE(again.toVersion, 2);
}

void TestMigrations::applyMigrations_failingStatement_keepsLastCompleteVersion()
{
    const QList<Migration> history{
        {1, {QStringLiteral("CREATE TABLE a(x)")}},
        {2, {QStringLiteral("CREATE TABLE b(y)"), QStringLiteral("CREATE TABLE a(x)")}}, // second one fails
        {3, {QStringLiteral("CREATE TABLE c(z)")}},
    };
    const MigrationOutcome outcome = ba::applyMigrations(m_db, history);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.toVersion, 1);
    QCOMPARE(outcome.failedStatement, QStringLiteral("CREATE TABLE a(x)"));
    QVERIFY(!outcome.error.isEmpty());
    QCOMPARE(ba::readUserVersion(m_db), 1);
    QVERIFY(hasTable(QStringLiteral("a")));
    QVERIFY(!hasTable(QStringLiteral("b"))); // version 2 rolled back as a whole
    QVERIFY(!hasTable(QStringLiteral("c"))); // and nothing after it ran
}

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

// The real schema at version 1 with `statements` run on it (rows as version 1 stored them).
void atVersion1(QSqlDatabase &db, const QStringList &statements)
{
    QVERIFY(ba::applyMigrations(db, {ba::schemaMigrations().constFirst()}).ok);
    QSqlQuery query(db);
    for (const QString &sql : statements) {
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text() + u' ' + sql));
    }
}

} // namespace

void TestMigrations::oneSeriesPerRange_classifiesVersion1PricesByTheirSpacing()
{
    // One table for every fetch in version 1: daily points for a year, hourly for the last 30 days
    // (off the hour), 5-minute points for the last day; and candles at 4 days and 4 hours.
    QStringList rows;
    const qint64 end = 500 * kDay;
    for (qint64 ts = end - 365 * kDay; ts < end - 30 * kDay; ts += kDay) {
        rows << QStringLiteral("INSERT INTO prices VALUES ('bitcoin', 'usd', %1, 1, NULL, NULL)").arg(ts);
    }
    for (qint64 ts = end - 30 * kDay + 7 * kMinute; ts < end - kDay; ts += kHour) {
        rows << QStringLiteral("INSERT INTO prices VALUES ('bitcoin', 'usd', %1, 2, NULL, NULL)").arg(ts);
    }
    for (qint64 ts = end - kDay; ts <= end; ts += 5 * kMinute) {
        rows << QStringLiteral("INSERT INTO prices VALUES ('bitcoin', 'usd', %1, 3, NULL, NULL)").arg(ts);
    }
    for (qint64 ts = end - 90 * kDay; ts < end - 30 * kDay; ts += 4 * kDay) {
        rows << QStringLiteral("INSERT INTO candles VALUES ('bitcoin', 'usd', %1, 1, 1, 1, 1)").arg(ts);
    }
    for (qint64 ts = end - 30 * kDay; ts <= end; ts += 4 * kHour) {
        rows << QStringLiteral("INSERT INTO candles VALUES ('bitcoin', 'usd', %1, 2, 2, 2, 2)").arg(ts);
    }
    rows << QStringLiteral("INSERT INTO prices VALUES ('ethereum', 'eur', 42, 5, NULL, NULL)"); // alone
    atVersion1(m_db, rows);

    const MigrationOutcome outcome = ba::applyMigrations(m_db, ba::schemaMigrations());
    QVERIFY2(outcome.ok, qPrintable(outcome.error + u' ' + outcome.failedStatement));
    QCOMPARE(outcome.toVersion, ba::Database::latestSchemaVersion());
    const auto countAt = [this](const QString &table, qint64 step, int price) {
        return scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE resolution_ms = %2 AND %3 = %4")
                                .arg(table)
                                .arg(step)
                                .arg(table == u"prices" ? QStringLiteral("price") : QStringLiteral("close"))
                                .arg(price))
            .toInt();
    };
    QCOMPARE(countAt(QStringLiteral("prices"), kDay, 1), 335);
    QCOMPARE(countAt(QStringLiteral("prices"), kHour, 2), 29 * 24);
    QCOMPARE(countAt(QStringLiteral("prices"), 5 * kMinute, 3), 289);
    QCOMPARE(countAt(QStringLiteral("candles"), 4 * kDay, 1), 15);
    QCOMPARE(countAt(QStringLiteral("candles"), 4 * kHour, 2), 181);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT resolution_ms FROM prices WHERE coin_id = 'ethereum'"))
                 .toLongLong(),
             kDay);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM prices")).toInt(), 335 + 29 * 24 + 289 + 1);
}

void TestMigrations::oneSeriesPerRange_keepsAnalysesWithoutARangeAndDropsOldFetchTimes()
{
    atVersion1(m_db,
               {QStringLiteral("INSERT INTO analyses (created_ms, coin_id, vs_currency, provider, status)"
                               " VALUES (1, 'bitcoin', 'usd', 'local', 'ok')"),
                QStringLiteral(
                    "INSERT INTO fetch_log VALUES ('coingecko', 'bitcoin', 'usd', 'market_chart:30d', 5)"),
                QStringLiteral("INSERT INTO fetch_log VALUES ('coingecko', 'bitcoin', 'usd', 'ohlc:30d', 5)"),
                QStringLiteral("INSERT INTO fetch_log VALUES ('coingecko', 'bitcoin', 'usd', 'spot', 5)")});
    QVERIFY(ba::applyMigrations(m_db, ba::schemaMigrations()).ok);
    QVERIFY(scalar(m_db, QStringLiteral("SELECT range_key FROM analyses")).isNull());
    QVERIFY(scalar(m_db, QStringLiteral("SELECT headline_state FROM analyses")).isNull());
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM fetch_log")).toInt(), 1);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT range_key FROM fetch_log")).toString(),
             QStringLiteral("spot"));
}

// A version-1 database with news: the origin column arrives with 0 ("not recorded") for the
// articles already stored, and the articles themselves are untouched.
void TestMigrations::schemaMigrations_newsOrigin_keepsOldArticlesAsNotRecorded()
{
    const QList<Migration> &all = ba::schemaMigrations();
    QVERIFY(ba::applyMigrations(m_db, {all.constFirst()}).ok);
    QCOMPARE(scalar(m_db, QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QVERIFY(scalar(m_db, QStringLiteral("INSERT INTO news (url, title, fetched_ms, first_seen_ms)"
                                        " VALUES ('https://n.example/old', 'Old', 1, 1) RETURNING id"))
                .isValid());

    const MigrationOutcome outcome = ba::applyMigrations(m_db, all);

    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.toVersion, all.constLast().version);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT seen_via FROM news WHERE title = 'Old'")).toInt(), 0);
    QCOMPARE(scalar(m_db, QStringLiteral("SELECT COUNT(*) FROM news")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
