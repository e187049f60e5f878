#include "app/InstanceLock.h"

#include <QDir>

namespace ba {

InstanceLock::InstanceLock(const QString &dataDir)
    : m_dataDir(dataDir), m_file(QDir(dataDir).filePath(QStringLiteral("bitcoin-analyzer.lock")))
{
    // Never stale by age: the first instance may run for weeks. A dead holder is still detected.
    m_file.setStaleLockTime(0);
}

bool InstanceLock::tryLock(QString *message)
{
    if (m_file.tryLock(0)) {
        return true;
    }
    qint64 pid = 0;
    QString host;
    QString application;
    if (m_file.error() == QLockFile::LockFailedError && m_file.getLockInfo(&pid, &host, &application)) {
        *message = tr("Bitcoin Analyzer is already running with the data folder %1 (process %2 on %3). "
                      "Switch to that window, or start with another folder using --data-dir.")
                       .arg(m_dataDir)
                       .arg(pid)
                       .arg(host);
    } else {
        *message = tr("Cannot lock the data folder %1; check that it is writable.").arg(m_dataDir);
    }
    return false;
}

} // namespace ba
