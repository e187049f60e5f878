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
    // Opens `path`, asking the user what to do when it is damaged. True when `database` is open.
    static bool open(Database &database, const QString &path, QWidget *parent = nullptr);

    // The questions, on their own (tests drive them through the message boxes).
    static void showUnusable(QWidget *parent, const QString &message);
    static bool askToStartFresh(QWidget *parent, const QString &message);
};

} // namespace ba
