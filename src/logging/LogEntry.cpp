#include "logging/LogEntry.h"

#include <QString>
#include <chrono>

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

int severityRank(QtMsgType level)
{
    switch (level) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 1;
}

QString formatLogTime(qint64 timeMs)
{
    // std::chrono's civil calendar instead of QDateTime: exact UTC, no time zone database; digits
    // written by hand rather than by snprintf, because the writer formats every line.
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds{timeMs}};
    const sys_days day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{time - day};
    QString text(24, Qt::Uninitialized); // "2026-11-29T10:23:39.049Z"
    QChar *out = text.data();
    const auto put = [&out](int value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            out[i] = QChar(u'0' + value % 10);
            value /= 10;
        }
        out += digits;
    };
    const auto sep = [&out](char16_t c) { *out++ = QChar(c); };
    put(int(date.year()), 4);
    sep(u'-');
    put(int(unsigned(date.month())), 2);
    sep(u'-');
    put(int(unsigned(date.day())), 2);
    sep(u'T');
    put(int(clock.hours().count()), 2);
    sep(u':');
    put(int(clock.minutes().count()), 2);
    sep(u':');
    put(int(clock.seconds().count()), 2);
    sep(u'.');
    put(int(clock.subseconds().count()), 3);
    sep(u'Z');
    return text;
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
