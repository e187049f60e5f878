#include "StorageTestUtil.h"
#include "storage/Database.h"
#include "storage/Migrations.h"

#include <QSqlDatabase>
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
