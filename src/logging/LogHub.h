#pragma once

#include "logging/LogEntry.h"

#include <QObject>
#include <QString>
#include <memory>

namespace ba {

// Collects every qDebug/qInfo/qWarning/... of the process. The message handler only copies the
// message into its thread's queue (LogStaging: safe from any thread, never blocks on the GUI or on
// another logging thread); a writer drains the queues into a bounded ring buffer and the rotating
// log file; the GUI receives batches on a timer (<= 50 ms).
class LogHub : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int ringCapacity = 50000;
        qint64 maxFileBytes = 5 * 1024 * 1024;
        int keptFiles = 5; // bitcoin-analyzer.log.1 ... .5
        int guiBatchIntervalMs = 40;
        bool echoToStderr = true;
        // Per logging thread: beyond this many messages waiting for the writer (a stalled disk),
        // new ones are counted and dropped, and the file says how many.
        int maxWaitingPerThread = 250000;
    };

    explicit LogHub(QObject *parent = nullptr);
    LogHub(const Options &options, QObject *parent = nullptr);
    ~LogHub() override;

    // Installs this hub as the process message handler (first thing in main) / restores the previous one.
    void install();
    void uninstall();
    static LogHub *installed();

    // Starts writing to a file; lines logged before are written too. Returns false with a reason.
    bool openFile(const QString &path, QString *error = nullptr);
    QString filePath() const;

    void setMinimumLevel(QtMsgType level); // messages below are dropped (QT_LOGGING_RULES also honoured)
    QtMsgType minimumLevel() const;
    void setSecrets(const QStringList &secrets); // configured key values, redacted from every message

    // Enqueue one message; called by the handler, usable directly by tests.
    void append(QtMsgType level, const char *category, const QString &message);

    // Blocks until everything enqueued so far is in the ring buffer and the file.
    void flush();

    QList<LogEntry> recent(int maxEntries) const; // newest last
    quint64 droppedFromRing() const;              // entries pushed out of the ring buffer

Q_SIGNALS:
    // Emitted in the hub's thread (the GUI thread) in batches.
    void entriesAppended(const QList<ba::LogEntry> &entries);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ba
