#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

namespace ba {

struct LogEntry
{
    quint64 sequence = 0; // global, increasing; gaps never happen below the ring cap
    qint64 timeMs = 0;    // Unix ms UTC
    QtMsgType level = QtInfoMsg;
    QString category;      // "ba.net.coingecko"
    QString correlationId; // "r42", or empty outside a refresh
    QString message;       // already redacted
    quintptr threadId = 0;
};

// "2026-11-29T10:23:39.049Z INFO  ba.net.coingecko [r42] message" (DESIGN.md, log line contract).
// One entry is always one line: line breaks in the message print as the two characters "\n"
// (and "\r"), so that grep and the line regex keep working on multi-line messages.
QString formatLogLine(const LogEntry &entry);
QString levelName(QtMsgType level);   // "DEBUG", "INFO", "WARN", "ERROR", "FATAL"
QString formatLogTime(qint64 timeMs); // "2026-11-29T10:23:39.049Z"
// QtMsgType values are not ordered by severity (QtInfoMsg is 4, QtWarningMsg 1): this is,
// from 0 (debug) to 4 (fatal).
int severityRank(QtMsgType level);

// Registers LogEntry and QList<LogEntry> for queued connections; LogHub calls it, calling it again is
// harmless.
void registerLogMetaTypes();

} // namespace ba

Q_DECLARE_METATYPE(ba::LogEntry)
Q_DECLARE_METATYPE(QList<ba::LogEntry>)
