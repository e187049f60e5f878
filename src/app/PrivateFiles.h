#pragma once

#include <QString>

namespace ba {

// The data folder holds the user's history, logs and settings: nobody else may read it. New files
// get owner-only modes from the umask set at start (restrictNewFiles); files made by older
// versions (0755 folder, 0644 files) are fixed by restrictDataDir. POSIX only; elsewhere both do
// nothing.
namespace PrivateFiles {

void restrictNewFiles(); // umask 077 for this process

// DIR to 0700; the database (with its -wal/-shm), logs/ and its files, settings.ini, the lock and
// webengine/ to 0600 (folders 0700). Only our own names: DIR may be a folder the user also uses.
void restrictDataDir(const QString &dataDir);

} // namespace PrivateFiles

} // namespace ba
