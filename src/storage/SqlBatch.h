#pragma once

// The batched write shared by the stores (internal): one transaction; rows are sent
// kRowsPerStatement at a time through one prepared multi-row statement, because Qt's per-exec
// overhead, not SQLite, dominates single-row inserts (about 2x faster for a million prices).
// Either every accepted item is written or none is.

#include "storage/WriteResult.h"

#include <QElapsedTimer>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <functional>

namespace ba::sql {

constexpr int kRowsPerStatement = 64;

// Runs first inside the batch's transaction (e.g. the DELETE of a replaced window); false with
// *error set rolls everything back.
using Prelude = std::function<bool(QString *error)>;

// head + N comma-separated copies of row + tail, e.g. "INSERT INTO t VALUES" "(?, ?)" "ON CONFLICT ...".
// The `fixedParams` placeholders (if any) come before the rows in the text and are bound once.
struct BatchStatement
{
    QString head;
    QString row;
    QString tail;
    int fixedParams = 0;
    int paramsPerRow = 0;

    QString sql(int rows) const
    {
        QStringList placeholders;
        placeholders.fill(row, rows);
        return head + QLatin1Char(' ') + placeholders.join(QStringLiteral(", ")) + QLatin1Char(' ') + tail;
    }
};

// Sends items [begin, end) in statements of `rowsPerStatement` rows; (end - begin) is a multiple of it.
template <typename Item, typename BindFixed, typename BindRow>
bool execRows(QSqlDatabase &db, const BatchStatement &statement, const QList<const Item *> &items,
              qsizetype begin, qsizetype end, int rowsPerStatement, BindFixed &bindFixed, BindRow &bindRow,
              QString *error)
{
    if (begin == end) {
        return true;
    }
    QSqlQuery query(db);
    if (!query.prepare(statement.sql(rowsPerStatement))) {
        *error = query.lastError().text();
        return false;
    }
    bindFixed(query);
    for (qsizetype first = begin; first < end; first += rowsPerStatement) {
        for (int row = 0; row < rowsPerStatement; ++row) {
            bindRow(query, statement.fixedParams + row * statement.paramsPerRow, *items.at(first + row));
        }
        if (!query.exec()) {
            *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

// The transaction around a batch write, shared by writeBatch() and writeBatchDirect():
// `accept(item)` refuses items that cannot be stored (counted as skipped); the accepted ones go out
// `rowsPerStatement` at a time through `execChunk(accepted, from, to, rows, &error)`, the remainder
// in one shorter statement, after `prelude` (if any); all of them are committed or none.
template <typename Item, typename Accept, typename ExecChunk>
WriteResult runBatch(QSqlDatabase &db, const QList<Item> &items, Accept accept, int rowsPerStatement,
                     ExecChunk execChunk, const Prelude &prelude = {})
{
    QElapsedTimer timer;
    timer.start();
    WriteResult result;
    QList<const Item *> accepted;
    accepted.reserve(items.size());
    for (const Item &item : items) {
        if (accept(item)) {
            accepted.append(&item);
        }
    }
    result.skipped = int(items.size() - accepted.size());
    if (accepted.isEmpty()) {
        result.ok = true;
        return result;
    }
    if (!db.transaction()) {
        result.error = db.lastError().text();
        return result;
    }
    const qsizetype whole = accepted.size() / rowsPerStatement * rowsPerStatement;
    const int rest = int(accepted.size() - whole);
    const bool written = (!prelude || prelude(&result.error)) &&
                         execChunk(accepted, 0, whole, rowsPerStatement, &result.error) &&
                         execChunk(accepted, whole, accepted.size(), rest, &result.error);
    if (!written || !db.commit()) {
        if (written) {
            result.error = db.lastError().text();
        }
        db.rollback();
        result.ms = timer.elapsed();
        return result;
    }
    result.ok = true;
    result.rows = int(accepted.size());
    result.ms = timer.elapsed();
    return result;
}

// `bindFixed(query)` binds the values shared by all rows; `bindRow(query, firstIndex, item)` binds
// one row from firstIndex on.
template <typename Item, typename Accept, typename BindFixed, typename BindRow>
WriteResult writeBatch(QSqlDatabase &db, const BatchStatement &statement, const QList<Item> &items,
                       Accept accept, BindFixed bindFixed, BindRow bindRow, const Prelude &prelude = {})
{
    return runBatch(
        db, items, accept, kRowsPerStatement,
        [&](const QList<const Item *> &accepted, qsizetype from, qsizetype to, int rows, QString *error) {
            return execRows(db, statement, accepted, from, to, rows, bindFixed, bindRow, error);
        },
        prelude);
}

} // namespace ba::sql
