#include "net/RetryPolicy.h"

#include <QList>
#include <QLocale>
#include <QRandomGenerator>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace ba {

int RetryPolicy::backoffDelayMs(int failedAttempts, double unitRandom) const
{
    const int exponent = std::clamp(failedAttempts - 1, 0, 20);
    const double raw = std::min(double(maxDelayMs), double(baseDelayMs) * std::pow(2.0, exponent));
    const double jitter = raw * jitterFraction * (2.0 * unitRandom - 1.0);
    return std::max(0, int(std::lround(raw + jitter)));
}

int RetryPolicy::backoffDelayMs(int failedAttempts) const
{
    return backoffDelayMs(failedAttempts, QRandomGenerator::global()->generateDouble());
}

std::optional<int> RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty()) {
        return std::nullopt;
    }
    bool isNumber = false;
    const qlonglong seconds = text.toLongLong(&isNumber);
    if (isNumber) {
        return seconds < 0 ? std::nullopt : std::optional<int>(int(std::min<qlonglong>(seconds, 86400 * 7)));
    }
    // IMF-fixdate ("Wed, 21 Oct 2026 07:28:00 GMT") is what servers send; obsolete forms are ignored.
    // Parsed piecewise so that no local-time conversion (DST gaps) gets in the way.
    const QList<QByteArray> parts = text.split(' ');
    if (parts.size() != 6 || parts[5] != "GMT") {
        return std::nullopt;
    }
    const QString dayMonthYear = QString::fromLatin1(QByteArray(parts[1] + ' ' + parts[2] + ' ' + parts[3]));
    const QDate date = QLocale::c().toDate(dayMonthYear, QStringLiteral("d MMM yyyy"));
    const QTime time = QTime::fromString(QString::fromLatin1(parts[4]), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid()) {
        return std::nullopt;
    }
    const QDateTime when(date, time, QTimeZone::utc());
    const qint64 delta = now.secsTo(when);
    return int(std::clamp<qint64>(delta, 0, 86400 * 7));
}

} // namespace ba
