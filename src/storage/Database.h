#pragma once

#include <QSqlDatabase>
#include <QString>

namespace ba {

// Opens the SQLite file (WAL, foreign keys, busy timeout) and brings its schema up to date with
// numbered migrations (PRAGMA user_version). A damaged file is never overwritten or deleted.
class Database
{
public:
    enum class OpenStatus
    {
        Ok,
        NotADatabase, // the file exists but is not SQLite, or is corrupt
        NewerSchema,  // user_version greater than this build knows
        CannotOpen,   // I/O or permission problem
        MigrationFailed,
    };

    struct OpenResult
    {
        OpenStatus status = OpenStatus::Ok;
        int schemaVersion = 0;
        QString message; // one sentence for the user, translated (context "Database"); empty when Ok
        QString detail;  // for the log
    };

    explicit Database(QString connectionName = QStringLiteral("ba-main"));
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Refuses (and leaves byte-for-byte untouched) a file that is not SQLite, fails PRAGMA quick_check
    // or has a newer schema; otherwise sets WAL/foreign keys/busy timeout and applies migrations.
    // Creates the parent folder if missing. The connection belongs to the calling thread.
    OpenResult open(const QString &path);
    // Destroy the stores (they hold connection handles) before closing or re-opening.
    void close();

    // Renames a damaged file (and its -wal/-shm) to "<name>.damaged-<UTC timestamp>" beside it,
    // so that a fresh database can be created; returns the new name, or empty on failure.
    static QString setAsideDamagedFile(const QString &path, QString *error = nullptr);

    static int latestSchemaVersion();

    QSqlDatabase connection() const; // for stores on this thread
    QString connectionName() const { return m_connectionName; }
    QString path() const { return m_path; }
    bool isOpen() const;

private:
    QString m_connectionName;
    QString m_path;
};

} // namespace ba
