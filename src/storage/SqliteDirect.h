#pragma once

// The bulk-write fast path shared by the stores (internal): the same batched statements as
// SqlBatch.h, but bound and stepped through the SQLite C API on the handle behind the QSQLITE
// connection. Profiling a million-row price upsert showed two thirds of the time in
// QSqlQuery::bindValue (it builds a placeholder name with QString::arg for every value) and
// QSqlQuery::exec, and one third in SQLite itself; this path leaves only the SQLite part.
// The transaction is still Qt's (QSqlDatabase::transaction/commit), so both paths mix freely.

#include "storage/SqlBatch.h"
#include "storage/WriteResult.h"

#include <QElapsedTimer>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <algorithm>
#include <optional>
#include <sqlite3.h>

namespace ba::sql {

// The sqlite3 handle of a QSQLITE connection, or null when using it would not be safe: another
// driver, a closed connection, or a Qt SQLite plugin that carries its own copy of SQLite instead
// of the shared library this program links (two copies must never touch one database file).
// Callers fall back to QSqlQuery when it is null. Always null in a build without
// BA_SQLITE_DIRECT (the fast path needs glibc), and after setDirectWritesEnabled(false).
sqlite3 *directHandle(const QSqlDatabase &db);

// Whether this build can take the fast path at all (CMake option BA_SQLITE_DIRECT).
bool directWritesBuiltIn();
// Turns the fast path off for the whole process: tests run the portable path with it.
void setDirectWritesEnabled(bool enabled);

// One prepared statement on a raw handle; finalized on destruction.
class DirectStatement
{
public:
    DirectStatement(sqlite3 *db, const QString &sql);
    ~DirectStatement();
    DirectStatement(const DirectStatement &) = delete;
    DirectStatement &operator=(const DirectStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    // Runs the statement with the values bound so far, then resets it for the next run
    // (bindings stay). False on any result but SQLITE_DONE.
    bool run();
    QString error() const;

    // Positions are 0-based like QSqlQuery::bindValue; text must outlive the next run().
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index + 1, value); }
    void bind(int index, double value) { sqlite3_bind_double(m_stmt, index + 1, value); }
    void bind(int index, const std::optional<double> &value)
    {
        if (value) {
            sqlite3_bind_double(m_stmt, index + 1, *value);
        } else {
            sqlite3_bind_null(m_stmt, index + 1);
        }
    }
    void bindText(int index, const QString &text)
    {
        // A null QString is bound as '' (as sql::text() does): the columns are NOT NULL.
        if (text.isNull()) {
            sqlite3_bind_text(m_stmt, index + 1, "", 0, SQLITE_STATIC);
        } else {
            sqlite3_bind_text16(m_stmt, index + 1, text.utf16(), static_cast<int>(text.size() * 2),
                                SQLITE_STATIC);
        }
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// Rows per statement for the direct path: larger than kRowsPerStatement because binding is
// cheap here; SQLite gains little beyond a few hundred. Kept under the variable limit.
int directRowsPerStatement(sqlite3 *db, const BatchStatement &statement);

// Sends items [begin, end) in statements of `rows` rows; (end - begin) is a multiple of it.
template <typename Item, typename BindFixed, typename BindRow>
bool execRowsDirect(sqlite3 *db, const BatchStatement &statement, const QList<const Item *> &items,
                    qsizetype begin, qsizetype end, int rows, BindFixed &bindFixed, BindRow &bindRow,
                    QString *error)
{
    if (begin == end) {
        return true;
    }
    DirectStatement query(db, statement.sql(rows));
    if (!query.isValid()) {
        *error = query.error();
        return false;
    }
    bindFixed(query);
    for (qsizetype first = begin; first < end; first += rows) {
        for (int row = 0; row < rows; ++row) {
            bindRow(query, statement.fixedParams + row * statement.paramsPerRow, *items.at(first + row));
        }
        if (!query.run()) {
            *error = query.error();
            return false;
        }
    }
    return true;
}

// writeBatch() on a raw handle: same contract (all accepted items or none, skipped counted),
// with bindFixed(DirectStatement &) and bindRow(DirectStatement &, firstIndex, item).
template <typename Item, typename Accept, typename BindFixed, typename BindRow>
WriteResult writeBatchDirect(QSqlDatabase &db, sqlite3 *handle, const BatchStatement &statement,
                             const QList<Item> &items, Accept accept, BindFixed bindFixed, BindRow bindRow,
                             const Prelude &prelude = {})
{
    return runBatch(
        db, items, accept, directRowsPerStatement(handle, statement),
        [&](const QList<const Item *> &accepted, qsizetype from, qsizetype to, int rows, QString *error) {
            return execRowsDirect(handle, statement, accepted, from, to, rows, bindFixed, bindRow, error);
        },
        prelude);
}

} // namespace ba::sql
