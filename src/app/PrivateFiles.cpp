#include "app/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace {
Q_LOGGING_CATEGORY(lc, "ba.app.files")
}

namespace ba::PrivateFiles {

namespace {

constexpr QFileDevice::Permissions OwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OwnerOnlyDir = OwnerOnlyFile | QFileDevice::ExeOwner;

void restrict(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || info.isSymLink()) {
        return; // never follow a link out of the folder
    }
    const QFileDevice::Permissions wanted = info.isDir() ? OwnerOnlyDir : OwnerOnlyFile;
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    if ((info.permissions() & others) && !QFile::setPermissions(path, wanted)) {
        qCWarning(lc).noquote() << "could not make" << path << "private";
    }
}

} // namespace

void restrictNewFiles()
{
#ifdef Q_OS_UNIX
    ::umask(S_IRWXG | S_IRWXO);
#endif
}

void restrictDataDir(const QString &dataDir)
{
#ifdef Q_OS_UNIX
    const QDir dir(dataDir);
    restrict(dataDir);
    for (const char *name :
         {"bitcoin-analyzer.sqlite", "bitcoin-analyzer.sqlite-wal", "bitcoin-analyzer.sqlite-shm",
          "settings.ini", "bitcoin-analyzer.lock", "logs", "webengine"}) {
        restrict(dir.filePath(QLatin1String(name)));
    }
    const QDir logs(dir.filePath(QStringLiteral("logs")));
    for (const QString &file : logs.entryList({QStringLiteral("bitcoin-analyzer.log*")}, QDir::Files)) {
        restrict(logs.filePath(file));
    }
#else
    Q_UNUSED(dataDir)
#endif
}

} // namespace ba::PrivateFiles
