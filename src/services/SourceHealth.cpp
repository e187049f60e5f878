#include "services/SourceHealth.h"

#include "domain/SourceIds.h"

#include <QCoreApplication>
#include <QLocale>

namespace ba {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("ba::SourceHealth", text, nullptr, n);
}

} // namespace

HealthState evaluateHealth(bool anyOutcome, bool lastOk, FetchError::Kind lastKind,
                           const QDateTime &lastSuccess, const QDateTime &now, qint64 staleAfterMs)
{
    if (!anyOutcome) {
        return HealthState::Unknown;
    }
    if (!lastOk) {
        return lastKind == FetchError::Kind::Blocked ? HealthState::Blocked : HealthState::Failing;
    }
    if (!lastSuccess.isValid() || lastSuccess.msecsTo(now) > staleAfterMs) {
        return HealthState::Stale;
    }
    return HealthState::Ok;
}

QString healthStateName(HealthState state)
{
    switch (state) {
    case HealthState::Unknown:
        return tr("No data yet");
    case HealthState::Ok:
        return tr("OK");
    case HealthState::Stale:
        return tr("Stale");
    case HealthState::Failing:
        return tr("Failing");
    case HealthState::Blocked:
        return tr("Blocked");
    }
    return tr("No data yet");
}

QString formatAgo(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid()) {
        return tr("never");
    }
    const qint64 seconds = std::max<qint64>(0, then.secsTo(now));
    if (seconds < 5) {
        return tr("just now");
    }
    if (seconds < 60) {
        return tr("%n s ago", int(seconds));
    }
    if (seconds < 3600) {
        return tr("%n min ago", int(seconds / 60));
    }
    if (seconds < 48 * 3600) {
        return tr("%n h ago", int(seconds / 3600));
    }
    return tr("%n days ago", int(seconds / 86400));
}

QString formatDurationMs(qint64 ms)
{
    const qint64 seconds = (std::max<qint64>(0, ms) + 999) / 1000; // a countdown rounds up
    if (seconds < 60) {
        return tr("%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString formatLatencyPair(qint64 p50Ms, qint64 p95Ms)
{
    if (p50Ms < 0) {
        return QStringLiteral("–");
    }
    const QLocale locale;
    return tr("%1 / %2 ms").arg(locale.toString(p50Ms), locale.toString(p95Ms));
}

QString describeLastError(const SourceHealth &health)
{
    if (!health.hasError()) {
        return QString();
    }
    const FetchError &error = health.lastError;
    QString text = error.userMessage.isEmpty() ? FetchError::kindName(error.kind) : error.userMessage;
    QStringList where;
    if (!health.lastErrorTarget.isEmpty()) {
        where.append(health.lastErrorTarget);
    }
    if (!error.detail.isEmpty()) {
        where.append(error.detail);
    } else if (error.httpStatus > 0) {
        where.append(tr("HTTP %1").arg(error.httpStatus));
    }
    if (!where.isEmpty()) {
        text += QStringLiteral(" (") + where.join(QStringLiteral(": ")) + QLatin1Char(')');
    }
    return text;
}

QString sourceDisplayName(const QString &source)
{
    if (source == SourceIds::CoinGecko) {
        return QStringLiteral("CoinGecko");
    }
    if (source == SourceIds::Gemini) {
        return QStringLiteral("Gemini");
    }
    if (source == SourceIds::OpenAiCompatible) {
        return tr("AI provider (OpenAI-compatible)");
    }
    if (source == SourceIds::NewsBrowser) {
        return tr("News site (browser)");
    }
    if (source.startsWith(SourceIds::RssPrefix)) {
        return tr("RSS feed %1").arg(source.mid(SourceIds::RssPrefix.size()));
    }
    return source;
}

} // namespace ba
