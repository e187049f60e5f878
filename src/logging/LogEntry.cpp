#include "logging/LogEntry.h"

#include <QString>
#include <chrono>
#include <cstdio>

namespace ba {

QString levelName(QtMsgType level)
{
    switch (level) {
    case QtDebugMsg:
        return QStringLiteral("DEBUG");
    case QtInfoMsg:
        return QStringLiteral("INFO");
    case QtWarningMsg:
        return QStringLiteral("WARN");
    case QtCriticalMsg:
        return QStringLiteral("ERROR");
    case QtFatalMsg:
        return QStringLiteral("FATAL");
    }
    return QStringLiteral("INFO");
}

QString formatLogTime(qint64 timeMs)
{
    // std::chrono's civil calendar instead of QDateTime: exact UTC, no time zone database, and
    // several times faster, which matters because the writer formats every line.
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds{timeMs}};
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{time - day};
    char buffer[40];
    const int length = std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                                     int(date.year()), unsigned(date.month()), unsigned(date.day()),
                                     int(clock.hours().count()), int(clock.minutes().count()),
                                     int(clock.seconds().count()), int(clock.subseconds().count()));
    return QString::fromLatin1(buffer, length);
}

static QString paddedLevel(QtMsgType level)
{
    return levelName(level).leftJustified(5, QLatin1Char(' '));
}

static QString oneLine(const QString &message)
{
    if (!message.contains(QLatin1Char('\n')) && !message.contains(QLatin1Char('\r'))) {
        return message;
    }
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    line.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return line;
}

QString formatLogLine(const LogEntry &entry)
{
    const QString id = entry.correlationId.isEmpty() ? QStringLiteral("-") : entry.correlationId;
    return formatLogTime(entry.timeMs) % QLatin1Char(' ') % paddedLevel(entry.level) % QLatin1Char(' ') %
           entry.category % QLatin1String(" [") % id % QLatin1String("] ") % oneLine(entry.message);
}

void registerLogMetaTypes()
{
    qRegisterMetaType<ba::LogEntry>();
    qRegisterMetaType<QList<ba::LogEntry>>();
}

} // namespace ba
