#include "services/DatabaseStats.h"

#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace ba {

namespace {

QString quotedIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : -1;
}

QStringList tableNames(const QSqlDatabase &database, QString *error)
{
    QSqlQuery query(database);
    QStringList names;
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                   "'sqlite_%' ORDER BY name"))) {
        *error = query.lastError().text();
        return names;
    }
    while (query.next()) {
        names.append(query.value(0).toString());
    }
    return names;
}

QString integrityCheck(const QSqlDatabase &database, int maxErrors, QString *error)
{
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check(%1)").arg(std::max(1, maxErrors)))) {
        *error = query.lastError().text();
        return QString();
    }
    QStringList lines;
    while (query.next()) {
        lines.append(query.value(0).toString());
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

DatabaseStats DatabaseStats::collect(const QSqlDatabase &database, const QString &path,
                                     int maxIntegrityErrors)
{
    DatabaseStats stats;
    stats.path = path.isEmpty() ? database.databaseName() : path;
    if (!stats.path.isEmpty() && stats.path != u":memory:") {
        stats.fileBytes = fileSize(stats.path);
        stats.walBytes = fileSize(stats.path + QStringLiteral("-wal"));
    }
    stats.open = database.isValid() && database.isOpen();
    if (!stats.open) {
        return stats;
    }
    QSqlQuery version(database);
    if (version.exec(QStringLiteral("PRAGMA user_version")) && version.next()) {
        stats.schemaVersion = version.value(0).toInt();
    }
    for (const QString &table : tableNames(database, &stats.error)) {
        QSqlQuery count(database);
        qint64 rows = -1;
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM ") + quotedIdentifier(table)) && count.next()) {
            rows = count.value(0).toLongLong();
        }
        stats.rowCounts.append({table, rows});
    }
    stats.integrity = integrityCheck(database, maxIntegrityErrors, &stats.error);
    return stats;
}

} // namespace ba
