#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace ba {

// The log file with size-based rotation: before a line would push the file past maxBytes,
// name.log becomes name.log.1, .1 becomes .2 ... and the oldest (.keptFiles) is deleted.
// Not thread-safe: LogHub serialises every call with its file mutex.
class RotatingLogFile
{
public:
    RotatingLogFile(qint64 maxBytes, int keptFiles);

    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }

    void write(const QByteArray &line); // one complete line, '\n' included
    void flush();
    void close();

private:
    void rotate();
    QString rotatedName(int index) const;
    void reportOnce(const QString &problem);

    QFile m_file;
    qint64 m_size = 0;
    qint64 m_maxBytes;
    int m_keptFiles;
    bool m_problemReported = false;
};

} // namespace ba
