#include "logging/RotatingLogFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <cstdio>

namespace ba {

RotatingLogFile::RotatingLogFile(qint64 maxBytes, int keptFiles)
    : m_maxBytes(maxBytes), m_keptFiles(keptFiles)
{}

bool RotatingLogFile::open(const QString &path, QString *error)
{
    close();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        if (error) {
            *error = QCoreApplication::translate("ba::LogHub", "Cannot create the log folder %1.")
                         .arg(QDir::toNativeSeparators(info.absolutePath()));
        }
        return false;
    }
    m_file.setFileName(info.absoluteFilePath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error) {
            *error = QCoreApplication::translate("ba::LogHub", "Cannot open the log file %1: %2")
                         .arg(QDir::toNativeSeparators(m_file.fileName()), m_file.errorString());
        }
        return false;
    }
    m_size = m_file.size();
    m_problemReported = false;
    return true;
}

void RotatingLogFile::write(const QByteArray &line)
{
    if (!m_file.isOpen()) {
        return;
    }
    // A line longer than the limit still goes into a file of its own rather than being lost.
    if (m_size > 0 && m_size + line.size() > m_maxBytes) {
        rotate();
        if (!m_file.isOpen()) {
            return;
        }
    }
    if (m_file.write(line) != line.size()) {
        reportOnce(m_file.errorString());
        return;
    }
    m_size += line.size();
}

void RotatingLogFile::flush()
{
    if (m_file.isOpen()) {
        m_file.flush();
    }
}

void RotatingLogFile::close()
{
    if (m_file.isOpen()) {
        m_file.close();
    }
}

QString RotatingLogFile::rotatedName(int index) const
{
    return m_file.fileName() % QLatin1Char('.') % QString::number(index);
}

void RotatingLogFile::rotate()
{
    m_file.close();
    // QFile::rename refuses to overwrite, so each target is removed first.
    QFile::remove(rotatedName(m_keptFiles));
    for (int index = m_keptFiles - 1; index >= 1; --index) {
        if (QFile::exists(rotatedName(index))) {
            QFile::rename(rotatedName(index), rotatedName(index + 1));
        }
    }
    if (m_keptFiles > 0) {
        QFile::rename(m_file.fileName(), rotatedName(1));
    }
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        reportOnce(m_file.errorString());
    }
    m_size = 0;
}

// The writer cannot log its own failures through qWarning (that would feed the queue it is
// draining), so a failing disk is reported once on stderr.
void RotatingLogFile::reportOnce(const QString &problem)
{
    if (m_problemReported) {
        return;
    }
    m_problemReported = true;
    const QByteArray text = "bitcoin-analyzer: cannot write the log file " + m_file.fileName().toLocal8Bit() +
                            ": " + problem.toLocal8Bit() + '\n';
    std::fputs(text.constData(), stderr);
}

} // namespace ba
