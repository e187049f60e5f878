#include "StorageTestUtil.h"
#include "storage/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using ba::Database;
using ba::test::execRaw;
using ba::test::fileBytes;
using ba::test::queryRaw;
using ba::test::scalar;
using ba::test::writeBytes;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes) {
        byte = static_cast<char>(generator.bounded(256));
    }
    return bytes;
}

// A real SQLite file with a table large enough to span many pages.
QByteArray validSqliteBytes(const QString &scratchPath)
{
    QStringList statements{QStringLiteral("BEGIN"),
                           QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, payload TEXT)")};
    for (int i = 0; i < 200; ++i) {
        statements << QStringLiteral("INSERT INTO t(payload) VALUES (hex(randomblob(200)))");
    }
    statements << QStringLiteral("COMMIT");
    if (!execRaw(scratchPath, statements).isEmpty()) {
        return {};
    }
    return fileBytes(scratchPath);
}

QStringList tableNames(const QSqlDatabase &db)
{
    QStringList names;
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"));
    while (query.next()) {
        names << query.value(0).toString();
    }
    return names;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();

    void open_newFile_createsSchemaInWalModeWithForeignKeys();
    void open_missingParentFolder_createsIt();
    void open_existingCurrentFile_keepsDataWithoutMigratingAgain();
    void open_olderVersion_migratesToLatestAndKeepsData();
    void open_migrationFails_reportsAndKeepsPreviousVersion();
    void open_notADatabase_keepsFileAndReports_data();
    void open_notADatabase_keepsFileAndReports();
    void open_corruptSqlite_keepsFileAndReports_data();
    void open_corruptSqlite_keepsFileAndReports();
    void open_newerSchema_refusesAndKeepsFile();
    void open_newerSchemaWithPendingWal_leavesBothFilesUntouched();
    void open_emptyFile_isTreatedAsNewDatabase();
    void open_unusablePath_reportsCannotOpen_data();
    void open_unusablePath_reportsCannotOpen();
    void close_removesTheNamedConnection();
    void setAsideDamagedFile_keepsBytesUnderNewNameAndFreshOpenSucceeds();
    void setAsideDamagedFile_twice_neverOverwritesEarlierCopy();
    void setAsideDamagedFile_missingFile_reportsError();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("bitcoin-analyzer.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::open_newFile_createsSchemaInWalModeWithForeignKeys()
{
    Database database(QStringLiteral("test-new"));
    const Database::OpenResult result = database.open(dbPath());
    QCOMPARE(result.status, Database::OpenStatus::Ok);
    QCOMPARE(result.schemaVersion, Database::latestSchemaVersion());
    QVERIFY(database.isOpen());
    QCOMPARE(database.path(), dbPath());

    const QSqlDatabase db = database.connection();
    const QStringList tables = tableNames(db);
    for (const char *table : {"prices", "candles", "news", "analyses", "snapshots", "fetch_log"}) {
        QVERIFY2(tables.contains(QLatin1String(table)), table);
    }
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA busy_timeout")).toInt(), 5000);
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), Database::latestSchemaVersion());
    QVERIFY(Database::latestSchemaVersion() >= 1);
}

void TestDatabase::open_missingParentFolder_createsIt()
{
    const QString path = m_dir->filePath(QStringLiteral("not/yet/there/db.sqlite"));
    Database database(QStringLiteral("test-folder"));
    QCOMPARE(database.open(path).status, Database::OpenStatus::Ok);
    QVERIFY(QFileInfo(path).isFile());
}

void TestDatabase::open_existingCurrentFile_keepsDataWithoutMigratingAgain()
{
    {
        Database database(QStringLiteral("test-reopen"));
        QCOMPARE(database.open(dbPath()).status, Database::OpenStatus::Ok);
        QSqlQuery query(database.connection());
        QVERIFY(
            query.exec(QStringLiteral("INSERT INTO prices(coin_id, vs_currency, resolution_ms, ts_ms, price)"
                                      " VALUES ('bitcoin', 'usd', 3600000, 1000, 42.5)")));
    }
    Database database(QStringLiteral("test-reopen"));
    // Running migration 1 again would fail on CREATE TABLE, so Ok also proves it was skipped.
    const Database::OpenResult result = database.open(dbPath());
    QCOMPARE(result.status, Database::OpenStatus::Ok);
    QCOMPARE(result.schemaVersion, Database::latestSchemaVersion());
    QCOMPARE(scalar(database.connection(), QStringLiteral("SELECT price FROM prices WHERE ts_ms = 1000"))
                 .toDouble(),
             42.5);
}

void TestDatabase::open_olderVersion_migratesToLatestAndKeepsData()
{
    QCOMPARE(execRaw(dbPath(), {QStringLiteral("CREATE TABLE notes(text TEXT)"),
                                QStringLiteral("INSERT INTO notes VALUES ('kept')"),
                                QStringLiteral("PRAGMA user_version = 0")}),
             QString());

    Database database(QStringLiteral("test-older"));
    const Database::OpenResult result = database.open(dbPath());
    QCOMPARE(result.status, Database::OpenStatus::Ok);
    QCOMPARE(result.schemaVersion, Database::latestSchemaVersion());
    const QSqlDatabase db = database.connection();
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA user_version")).toInt(), Database::latestSchemaVersion());
    QVERIFY(tableNames(db).contains(QStringLiteral("prices")));
    QCOMPARE(scalar(db, QStringLiteral("SELECT text FROM notes")).toString(), QStringLiteral("kept"));
}

void TestDatabase::open_migrationFails_reportsAndKeepsPreviousVersion()
{
    // A version-0 file that already has an incompatible `prices` table makes migration 1 fail.
    QCOMPARE(execRaw(dbPath(), {QStringLiteral("CREATE TABLE prices(whatever TEXT)")}), QString());

    Database database(QStringLiteral("test-migfail"));
    const Database::OpenResult result = database.open(dbPath());
    QCOMPARE(result.status, Database::OpenStatus::MigrationFailed);
    QCOMPARE(result.schemaVersion, 0);
    QVERIFY(!result.message.isEmpty());
    QVERIFY(result.detail.contains(QLatin1String("prices")));
    QVERIFY(!database.isOpen());

    QCOMPARE(queryRaw(dbPath(), QStringLiteral("PRAGMA user_version")).value(0).toInt(), 0);
    // Rolled back: none of migration 1's other tables exist.
    QCOMPARE(queryRaw(dbPath(), QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table'")),
             QVariantList{QStringLiteral("prices")});
}

void TestDatabase::open_notADatabase_keepsFileAndReports_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("random bytes") << randomBytes(64 * 1024, 7);
    QTest::newRow("text file") << QByteArray("price,volume\n1,2\n");
    QTest::newRow("shorter than the header") << QByteArray("SQLite");
    QTest::newRow("html page") << QByteArray("<!DOCTYPE html><html><body>Just a moment...</body></html>");
    QTest::newRow("header without terminating zero") << QByteArray("SQLite format 3!") + randomBytes(4080, 3);
}

void TestDatabase::open_notADatabase_keepsFileAndReports()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(writeBytes(dbPath(), bytes));

    Database database(QStringLiteral("test-notadb"));
    const Database::OpenResult result = database.open(dbPath());
    QCOMPARE(result.status, Database::OpenStatus::NotADatabase);
    QVERIFY(result.message.contains(QDir::toNativeSeparators(dbPath())));
    QVERIFY(!result.detail.isEmpty());
    QVERIFY(!database.isOpen());
    QCOMPARE(fileBytes(dbPath()), bytes);
    QVERIFY(!QFileInfo::exists(dbPath() + QStringLiteral("-wal")));
}

void TestDatabase::open_corruptSqlite_keepsFileAndReports_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray header("SQLite format 3\0", 16);
    QTest::newRow("valid header, garbage after it") << header + randomBytes(8 * 4096 - 16, 11);

    const QTemporaryDir scratch; // _data() runs before init()
    QVERIFY(scratch.isValid());
    const QByteArray valid = validSqliteBytes(scratch.filePath(QStringLiteral("scratch.sqlite")));
    QVERIFY(valid.size() > 4 * 4096);
    QByteArray garbagePages = valid;
    garbagePages.replace(4096, valid.size() - 4096, randomBytes(valid.size() - 4096, 13));
    QTest::newRow("real first page, garbage pages") << garbagePages;
    QTest::newRow("truncated in the middle") << valid.left(valid.size() / 2);
}

void TestDatabase::open_corruptSqlite_keepsFileAndReports()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(writeBytes(dbPath(), bytes));

    Database database(QStringLiteral("test-corrupt"));
    const Database::OpenResult result = database.open(dbPath());
    QCOMPARE(result.status, Database::OpenStatus::NotADatabase);
    QVERIFY(!result.message.isEmpty());
    QVERIFY(!database.isOpen());
    QCOMPARE(fileBytes(dbPath()), bytes);
}

void TestDatabase::open_newerSchema_refusesAndKeepsFile()
{
    const int newer = Database::latestSchemaVersion() + 1;
    QCOMPARE(execRaw(dbPath(), {QStringLiteral("CREATE TABLE future(x)"),
                                QStringLiteral("PRAGMA user_version = ") + QString::number(newer)}),
             QString());
    const QByteArray before = fileBytes(dbPath());

    Database database(QStringLiteral("test-newer"));
    const Database::OpenResult result = database.open(dbPath());
    QCOMPARE(result.status, Database::OpenStatus::NewerSchema);
    QCOMPARE(result.schemaVersion, newer);
    QVERIFY(result.message.contains(QString::number(newer)));
    QVERIFY(result.message.contains(QString::number(Database::latestSchemaVersion())));
    QVERIFY(!database.isOpen());
    QCOMPARE(fileBytes(dbPath()), before);
}

void TestDatabase::open_newerSchemaWithPendingWal_leavesBothFilesUntouched()
{
    // Copy a database and its WAL while the writer still holds them: the state a crash leaves.
    const int newer = Database::latestSchemaVersion() + 1;
    const QString livePath = m_dir->filePath(QStringLiteral("live.sqlite"));
    {
        QSqlDatabase live = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("live"));
        live.setDatabaseName(livePath);
        QVERIFY(live.open());
        QSqlQuery query(live);
        const QStringList statements{QStringLiteral("CREATE TABLE before_wal(x)"),
                                     QStringLiteral("PRAGMA journal_mode=WAL"),
                                     QStringLiteral("CREATE TABLE future(x)"),
                                     QStringLiteral("PRAGMA user_version = ") + QString::number(newer)};
        for (const QString &sql : statements) {
            QVERIFY2(query.exec(sql), qPrintable(sql));
        }
        QVERIFY(QFile::copy(livePath, dbPath()));
        QVERIFY(QFile::copy(livePath + QStringLiteral("-wal"), dbPath() + QStringLiteral("-wal")));
        query.finish();
        live.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("live"));
    const QByteArray mainBefore = fileBytes(dbPath());
    const QByteArray walBefore = fileBytes(dbPath() + QStringLiteral("-wal"));
    QVERIFY(!walBefore.isEmpty());

    Database database(QStringLiteral("test-newer-wal"));
    QCOMPARE(database.open(dbPath()).status, Database::OpenStatus::NewerSchema);
    QCOMPARE(fileBytes(dbPath()), mainBefore);
    QCOMPARE(fileBytes(dbPath() + QStringLiteral("-wal")), walBefore);
}

void TestDatabase::open_emptyFile_isTreatedAsNewDatabase()
{
    QVERIFY(writeBytes(dbPath(), QByteArray()));
    Database database(QStringLiteral("test-empty"));
    QCOMPARE(database.open(dbPath()).status, Database::OpenStatus::Ok);
    QVERIFY(tableNames(database.connection()).contains(QStringLiteral("news")));
}

void TestDatabase::open_unusablePath_reportsCannotOpen_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("path is a folder") << QStringLiteral("folder");
    QTest::newRow("parent is a file") << QStringLiteral("plain-file/db.sqlite");
}

void TestDatabase::open_unusablePath_reportsCannotOpen()
{
    QFETCH(QString, relativePath);
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("folder")));
    QVERIFY(writeBytes(m_dir->filePath(QStringLiteral("plain-file")), QByteArray("x")));

    Database database(QStringLiteral("test-cannot"));
    const QString path = m_dir->filePath(relativePath);
    const Database::OpenResult result = database.open(path);
    QCOMPARE(result.status, Database::OpenStatus::CannotOpen);
    QVERIFY(result.message.contains(QDir::toNativeSeparators(path)));
    QVERIFY(!database.isOpen());
    QCOMPARE(fileBytes(m_dir->filePath(QStringLiteral("plain-file"))), QByteArray("x"));
}

void TestDatabase::close_removesTheNamedConnection()
{
    {
        Database database(QStringLiteral("test-close"));
        QCOMPARE(database.open(dbPath()).status, Database::OpenStatus::Ok);
        QVERIFY(QSqlDatabase::contains(QStringLiteral("test-close")));
        database.close();
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("test-close")));
        QVERIFY(!database.isOpen());
        QCOMPARE(database.open(dbPath()).status, Database::OpenStatus::Ok);
    }
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("test-close"))); // the destructor closes too
}

void TestDatabase::setAsideDamagedFile_keepsBytesUnderNewNameAndFreshOpenSucceeds()
{
    const QByteArray damaged = randomBytes(10000, 5);
    const QByteArray wal = randomBytes(500, 6);
    QVERIFY(writeBytes(dbPath(), damaged));
    QVERIFY(writeBytes(dbPath() + QStringLiteral("-wal"), wal));
    QVERIFY(writeBytes(dbPath() + QStringLiteral("-shm"), QByteArray("shm")));

    QString error;
    const QString aside = Database::setAsideDamagedFile(dbPath(), &error);
    QVERIFY2(!aside.isEmpty(), qPrintable(error));
    QVERIFY(QRegularExpression(QStringLiteral("^bitcoin-analyzer\\.sqlite\\.damaged-\\d{8}T\\d{6}Z$"))
                .match(QFileInfo(aside).fileName())
                .hasMatch());
    QCOMPARE(QFileInfo(aside).absolutePath(), QFileInfo(dbPath()).absolutePath());
    QCOMPARE(fileBytes(aside), damaged);
    QCOMPARE(fileBytes(aside + QStringLiteral("-wal")), wal);
    QCOMPARE(fileBytes(aside + QStringLiteral("-shm")), QByteArray("shm"));
    QVERIFY(!QFileInfo::exists(dbPath()));
    QVERIFY(!QFileInfo::exists(dbPath() + QStringLiteral("-wal")));

    Database database(QStringLiteral("test-aside"));
    QCOMPARE(database.open(dbPath()).status, Database::OpenStatus::Ok);
    QCOMPARE(fileBytes(aside), damaged);
}

void TestDatabase::setAsideDamagedFile_twice_neverOverwritesEarlierCopy()
{
    QVERIFY(writeBytes(dbPath(), QByteArray("first")));
    const QString first = Database::setAsideDamagedFile(dbPath());
    QVERIFY(writeBytes(dbPath(), QByteArray("second")));
    const QString second = Database::setAsideDamagedFile(dbPath());
    QVERIFY(!first.isEmpty());
    QVERIFY(!second.isEmpty());
    QVERIFY(first != second);
    QCOMPARE(fileBytes(first), QByteArray("first"));
    QCOMPARE(fileBytes(second), QByteArray("second"));
}

void TestDatabase::setAsideDamagedFile_missingFile_reportsError()
{
    QString error;
    QCOMPARE(Database::setAsideDamagedFile(dbPath(), &error), QString());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
