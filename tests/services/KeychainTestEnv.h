#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QString>
#include <QStringList>

namespace ba::test {

// Cuts the process off from any desktop session before QCoreApplication exists (GLib and Qt read
// these once): no D-Bus session bus, no X11/Wayland display, no $XDG_RUNTIME_DIR/bus, and a
// throw-away home under `root`, so that QtKeychain finds no keychain and anything written to disk
// lands where the test can look for it. Runs before any event loop, hence plain qputenv.
inline void isolateFromDesktopSession(const QString &root)
{
    for (const char *name :
         {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
          "KDE_FULL_SESSION", "KDE_SESSION_VERSION", "GNOME_DESKTOP_SESSION_ID", "GNOME_KEYRING_CONTROL"}) {
        qunsetenv(name);
    }
    const struct
    {
        const char *variable;
        const char *folder;
    } homes[] = {{"HOME", "home"},
                 {"XDG_CONFIG_HOME", "config"},
                 {"XDG_DATA_HOME", "data"},
                 {"XDG_CACHE_HOME", "cache"},
                 {"XDG_RUNTIME_DIR", "runtime"}};
    for (const auto &home : homes) {
        const QString path = QDir(root).filePath(QString::fromLatin1(home.folder));
        QDir().mkpath(path);
        qputenv(home.variable, QFile::encodeName(path));
    }
    QFile::setPermissions(QDir(root).filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// Files under `root` whose bytes contain `needle` (UTF-8), as paths relative to root.
inline QStringList filesContaining(const QString &root, const QString &needle)
{
    QStringList hits;
    const QByteArray bytes = needle.toUtf8();
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(bytes)) {
            hits << QDir(root).relativeFilePath(path);
        }
    }
    return hits;
}

} // namespace ba::test
