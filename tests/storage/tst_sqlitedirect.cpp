#include "storage/SqliteDirect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ba;

// When the fast write path is taken: only on a connection to the SQLite this program links, in a
// build that can tell (glibc), and while it is not switched off.
class TestSqliteDirect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void directHandle_followsBuildAndSwitch()
    {
        QTemporaryDir dir;
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("direct"));
        db.setDatabaseName(dir.filePath(QStringLiteral("test.sqlite")));
        QVERIFY(db.open());
        // As configured (BA_SQLITE_DIRECT); with it, Debian's Qt plugin calls the system
        // libsqlite3, as this program does, so the fast path is taken.
        QCOMPARE(sql::directWritesBuiltIn(), bool(BA_EXPECT_SQLITE_DIRECT));
        QCOMPARE(sql::directHandle(db) != nullptr, bool(BA_EXPECT_SQLITE_DIRECT));
        sql::setDirectWritesEnabled(false);
        QCOMPARE(sql::directHandle(db), nullptr);
        sql::setDirectWritesEnabled(true);
        QCOMPARE(sql::directHandle(db) != nullptr, sql::directWritesBuiltIn());
        db.close();
        QCOMPARE(sql::directHandle(db), nullptr); // a closed connection never
    }
};

QTEST_GUILESS_MAIN(TestSqliteDirect)
#include "tst_sqlitedirect.moc"
