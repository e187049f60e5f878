#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ba {

// One schema step: PRAGMA user_version becomes `version` once all `statements` ran.
// QSQLITE executes one statement per exec(), hence a list rather than one script.
struct Migration
{
    int version = 0;
    QStringList statements;
};

struct MigrationOutcome
{
    bool ok = true;
    int fromVersion = 0;
    int toVersion = 0; // the version reached (== fromVersion when nothing applied)
    QString failedStatement;
    QString error;
};

// The application's schema history, oldest first. Later versions append; never edit a released one.
const QList<Migration> &schemaMigrations();

// Reads PRAGMA user_version (-1 when it cannot be read).
int readUserVersion(const QSqlDatabase &db, QString *error = nullptr);

// Applies every migration newer than the database's user_version, each in its own transaction
// together with its user_version bump, so a failure leaves the last complete version in place.
MigrationOutcome applyMigrations(QSqlDatabase &db, const QList<Migration> &migrations);

} // namespace ba
