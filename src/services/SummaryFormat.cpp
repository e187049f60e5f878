#include "services/SummaryFormat.h"

#include <QDateTime>
#include <cmath>

namespace ba::format {

QString price(double value, const QLocale &locale)
{
    if (std::abs(value) >= 1.0 || value == 0.0) {
        return locale.toString(value, 'f', 2);
    }
    return locale.toString(value, 'g', 6);
}

QString percent(double value, const QLocale &locale, int decimals, bool withSign)
{
    QString text = locale.toString(value, 'f', decimals);
    if (withSign && value >= 0.0) {
        text.prepend(QLatin1Char('+'));
    }
    return text + QStringLiteral(" %");
}

QString decimal(double value, const QLocale &locale, int decimals)
{
    return locale.toString(value, 'f', decimals);
}

QString utcDateTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")) +
           QStringLiteral(" UTC");
}

QString utcDate(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().toString(Qt::ISODate);
}

QString intervalName(qint64 intervalMs)
{
    constexpr qint64 minute = 60 * 1000;
    if (intervalMs <= 0) {
        return QStringLiteral("single");
    }
    if (intervalMs >= 20 * 60 * minute && intervalMs <= 28 * 60 * minute) {
        return QStringLiteral("daily");
    }
    if (intervalMs >= 50 * minute && intervalMs <= 70 * minute) {
        return QStringLiteral("hourly");
    }
    if (intervalMs < 60 * minute) {
        return QString::number(qMax<qint64>(1, intervalMs / minute)) + QStringLiteral("-minute");
    }
    return QString::number(intervalMs / (60 * minute)) + QStringLiteral("-hour");
}

} // namespace ba::format
