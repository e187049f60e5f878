#include "storage/Database.h"

#include "storage/Migrations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.storage.db")
} // namespace

namespace ba {

namespace {

using OpenStatus = Database::OpenStatus;
using OpenResult = Database::OpenResult;

OpenResult failure(OpenStatus status, QString message, QString detail)
{
    OpenResult result;
    result.status = status;
    result.message = std::move(message);
    result.detail = std::move(detail);
    return result;
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

OpenResult notADatabase(const QString &path, const QString &detail)
{
    return failure(OpenStatus::NotADatabase,
                   QCoreApplication::translate("Database",
                                               "The database file %1 is not a valid Bitcoin Analyzer "
                                               "database. It was left untouched.")
                       .arg(nativePath(path)),
                   detail);
}

OpenResult cannotOpen(const QString &path, const QString &detail)
{
    return failure(OpenStatus::CannotOpen,
                   QCoreApplication::translate("Database",
                                               "The database file %1 could not be opened. Check that "
                                               "its folder exists and is writable.")
                       .arg(nativePath(path)),
                   detail);
}

// Looks at the first 16 bytes only, so that a foreign file is refused before SQLite touches it.
// An empty file is what SQLite itself creates for a new database, so it passes.
OpenResult checkExistingFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return {};
    }
    if (!info.isFile()) {
        return cannotOpen(path, QStringLiteral("%1 is not a regular file").arg(path));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return cannotOpen(path, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    }
    if (file.size() == 0) {
        return {};
    }
    static const QByteArray magic("SQLite format 3\0", 16);
    const QByteArray header = file.read(magic.size());
    if (header != magic) {
        return notADatabase(path, QStringLiteral("%1 does not start with the SQLite header (first bytes: %2)")
                                      .arg(path, QString::fromLatin1(header.left(8).toHex(' '))));
    }
    return {};
}

// quick_check and user_version only read, so a damaged or newer file stays byte-for-byte intact.
OpenResult inspect(QSqlDatabase &db, const QString &path)
{
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check"))) {
        return notADatabase(path, QStringLiteral("quick_check failed: ") + check.lastError().text());
    }
    QStringList problems;
    while (check.next()) {
        problems << check.value(0).toString();
    }
    if (problems != QStringList{QStringLiteral("ok")}) {
        // quick_check can list hundreds of pages; the first few say enough for the log.
        QString detail = problems.join(QLatin1Char('\n')).replace(QLatin1Char('\n'), QLatin1String("; "));
        if (detail.size() > 300) {
            detail = detail.left(300) + QStringLiteral("...");
        }
        return notADatabase(path, QStringLiteral("quick_check: ") + detail);
    }

    QString error;
    const int version = readUserVersion(db, &error);
    if (version < 0) {
        return notADatabase(path, QStringLiteral("cannot read user_version: ") + error);
    }
    if (version > Database::latestSchemaVersion()) {
        OpenResult result =
            failure(OpenStatus::NewerSchema,
                    QCoreApplication::translate(
                        "Database", "The database %1 was created by a newer version of Bitcoin "
                                    "Analyzer (schema %2; this version knows %3). Please update the app.")
                        .arg(nativePath(path))
                        .arg(version)
                        .arg(Database::latestSchemaVersion()),
                    QStringLiteral("user_version %1 > latest known %2")
                        .arg(version)
                        .arg(Database::latestSchemaVersion()));
        result.schemaVersion = version;
        return result;
    }
    OpenResult ok;
    ok.schemaVersion = version;
    return ok;
}

// WAL lets readers run during a refresh's writes. FULL sync makes every commit survive a power
// cut, not only an application crash: the stores write each fetch in one transaction, so that
// costs one WAL sync per refresh step (about 0.2 ms here), not one per row.
OpenResult configure(QSqlDatabase &db, const QString &path)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL"))) {
        return cannotOpen(path, QStringLiteral("journal_mode=WAL failed: ") + query.lastError().text());
    }
    const QString mode = query.next() ? query.value(0).toString() : QString();
    if (mode.compare(u"wal", Qt::CaseInsensitive) != 0) {
        qCWarning(lc).noquote()
            << QStringLiteral("%1 stays in journal mode '%2' (WAL not available)").arg(path, mode);
    }
    const QStringList pragmas{QStringLiteral("PRAGMA foreign_keys=ON"),
                              QStringLiteral("PRAGMA synchronous=FULL")};
    for (const QString &pragma : pragmas) {
        if (!query.exec(pragma)) {
            return cannotOpen(path, pragma + QStringLiteral(" failed: ") + query.lastError().text());
        }
    }
    return {};
}

OpenResult migrate(QSqlDatabase &db, const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    const MigrationOutcome outcome = applyMigrations(db, schemaMigrations());
    if (!outcome.ok) {
        OpenResult result =
            failure(OpenStatus::MigrationFailed,
                    QCoreApplication::translate(
                        "Database", "The database %1 could not be upgraded to this version's format; "
                                    "it was kept at its previous version. Please report this problem.")
                        .arg(nativePath(path)),
                    QStringLiteral("migration after version %1 failed: %2 [%3]")
                        .arg(outcome.toVersion)
                        .arg(outcome.error, outcome.failedStatement));
        result.schemaVersion = outcome.toVersion;
        return result;
    }
    if (outcome.toVersion != outcome.fromVersion) {
        qCInfo(lc).noquote() << QStringLiteral("migrated %1 from schema %2 to %3 in %4 ms")
                                    .arg(path)
                                    .arg(outcome.fromVersion)
                                    .arg(outcome.toVersion)
                                    .arg(timer.elapsed());
    }
    OpenResult result;
    result.schemaVersion = outcome.toVersion;
    return result;
}

// The checks run on a read-only connection: closing a read-write one may checkpoint a WAL into
// the main file, which would alter a damaged or newer file we promised to leave untouched.
OpenResult inspectReadOnly(QSqlDatabase &db, const QString &path)
{
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        return cannotOpen(path, db.lastError().text());
    }
    const OpenResult result = inspect(db, path);
    db.close();
    db.setConnectOptions(QString());
    return result;
}

OpenResult openConnection(const QString &connectionName, const QString &path)
{
    OpenResult result = checkExistingFile(path);
    if (result.status != OpenStatus::Ok) {
        return result;
    }
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder)) {
        return cannotOpen(path, QStringLiteral("cannot create folder ") + folder);
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    if (QFileInfo::exists(path)) { // even an empty file may come with a -wal holding its content
        result = inspectReadOnly(db, path);
        if (result.status != OpenStatus::Ok) {
            return result;
        }
    }
    if (!db.open()) {
        return cannotOpen(path, db.lastError().text());
    }
    QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout=5000"));
    result = configure(db, path);
    if (result.status != OpenStatus::Ok) {
        return result;
    }
    return migrate(db, path);
}

} // namespace

Database::Database(QString connectionName) : m_connectionName(std::move(connectionName)) {}

Database::~Database()
{
    close();
}

Database::OpenResult Database::open(const QString &path)
{
    close();
    m_path = path;
    const OpenResult result = openConnection(m_connectionName, path);
    if (result.status != OpenStatus::Ok) {
        close(); // the local QSqlDatabase handles are gone now, so the connection can be removed
        qCWarning(lc).noquote() << QStringLiteral("cannot use %1: %2").arg(path, result.detail);
        return result;
    }
    qCInfo(lc).noquote() << QStringLiteral("opened %1 (schema %2)").arg(path).arg(result.schemaVersion);
    return result;
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::setAsideDamagedFile(const QString &path, QString *error)
{
    const auto fail = [&](const QString &reason) {
        qCWarning(lc).noquote() << QStringLiteral("cannot set aside %1: %2").arg(path, reason);
        if (error) {
            *error = reason;
        }
        return QString();
    };
    if (!QFileInfo(path).isFile()) {
        return fail(
            QCoreApplication::translate("Database", "The file %1 does not exist.").arg(nativePath(path)));
    }

    // The WAL and shared-memory files travel with the main file so the set-aside copy stays readable.
    const QStringList siblings{QStringLiteral("-wal"), QStringLiteral("-shm")};
    const QString base = path + QStringLiteral(".damaged-") +
                         QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString target = base;
    const auto taken = [&](const QString &name) {
        return QFileInfo::exists(name) || QFileInfo::exists(name + siblings[0]) ||
               QFileInfo::exists(name + siblings[1]);
    };
    for (int n = 2; taken(target); ++n) {
        target = base + QLatin1Char('-') + QString::number(n);
    }

    for (const QString &suffix : QStringList{QString()} + siblings) {
        QFile file(path + suffix);
        if (!file.exists()) {
            continue;
        }
        if (!file.rename(target + suffix)) {
            return fail(QCoreApplication::translate("Database", "The file %1 could not be renamed to %2: %3")
                            .arg(nativePath(path + suffix), nativePath(target + suffix), file.errorString()));
        }
    }
    qCWarning(lc).noquote() << QStringLiteral("set aside damaged database %1 as %2").arg(path, target);
    return target;
}

int Database::latestSchemaVersion()
{
    return schemaMigrations().isEmpty() ? 0 : schemaMigrations().constLast().version;
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

} // namespace ba
