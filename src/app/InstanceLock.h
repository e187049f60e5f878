#pragma once

#include <QCoreApplication>
#include <QLockFile>
#include <QString>

namespace ba {

// One application per data folder: a second one would interleave the log and race the database.
// The lock is DIR/bitcoin-analyzer.lock (QLockFile: the holder's process id, host and name); a
// lock left by a crashed process is taken over.
class InstanceLock
{
    Q_DECLARE_TR_FUNCTIONS(InstanceLock)

public:
    explicit InstanceLock(const QString &dataDir);

    // False when another live process holds the folder; *message then says which one and what to do.
    bool tryLock(QString *message);
    QString filePath() const { return m_file.fileName(); }

private:
    QString m_dataDir;
    QLockFile m_file;
};

} // namespace ba
