#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QSqlDatabase;

namespace ba {

// What the diagnostic report says about the database: size, schema version, rows per table and
// the result of PRAGMA integrity_check. Read-only; runs on the connection's thread.
struct DatabaseStats
{
    bool open = false;
    QString path;
    qint64 fileBytes = -1; // -1: no file (in-memory or missing)
    qint64 walBytes = -1;  // the -wal file beside it, -1 when absent
    int schemaVersion = -1;
    QList<QPair<QString, qint64>> rowCounts; // table -> rows, by name; -1 when the count failed
    QString integrity;                       // "ok", or the problems integrity_check listed (one per line)
    QString error;                           // why something could not be read

    // integrity_check reads every page: seconds on a large file. maxIntegrityErrors caps its list.
    static DatabaseStats collect(const QSqlDatabase &database, const QString &path,
                                 int maxIntegrityErrors = 20);
};

} // namespace ba
