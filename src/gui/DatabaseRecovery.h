#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace ba {

class Database;

// Start-up with a database that cannot be used. A damaged file (not SQLite, or corrupt) is never
// overwritten: the user may start afresh while it stays, renamed, beside the new one. Any other
// failure (newer schema, I/O, migration) is shown and the app stops.
class DatabaseRecovery
{
    Q_DECLARE_TR_FUNCTIONS(ba::DatabaseRecovery)

public:
    struct Options
    {
        bool resetDamaged = false; // --reset-database: set a damaged file aside without asking
        bool interactive = true;   // false without a display: messages go to stderr, nothing is asked
    };

    // Opens `path`, asking the user what to do when it is damaged. When nobody can answer a dialog the
    // message goes to the standard error and names --reset-database. True when `database` is open.
    static bool open(Database &database, const QString &path, Options options, QWidget *parent = nullptr);
    static bool open(Database &database, const QString &path) { return open(database, path, Options{}); }

    // The questions, on their own (tests drive them through the message boxes).
    static void showUnusable(QWidget *parent, const QString &message, bool interactive = true);
    static bool askToStartFresh(QWidget *parent, const QString &message, bool interactive = true);
};

} // namespace ba
