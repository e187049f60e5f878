#pragma once

#include "domain/FetchError.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace ba {

// How a source is doing, most serious last. Unknown: no request this session yet.
enum class HealthState
{
    Unknown,
    Ok,
    Stale,   // the last success is older than the stale threshold
    Failing, // the last request failed
    Blocked, // the last request was refused by a bot wall / challenge page
};

// One endpoint of a source (its URL without the query) and how its requests went this session.
struct EndpointHealth
{
    QString target; // "https://api.coingecko.com/api/v3/coins/markets"
    int requests = 0;
    QDateTime lastSuccess; // invalid: none this session
    FetchError lastError;  // kind None: no error this session (masked)
    QDateTime lastErrorTime;

    bool lastFailed() const { return lastError.isError() && lastErrorTime >= lastSuccess; }
};

// One row of the health panel and of the diagnostic report: a snapshot, computed at `at`.
// A source that feeds a refresh step (CoinGecko: the prices) takes its state, last success and
// current error from that step, the data the user sees; an incidental request (the coin list)
// only counts in the figures and in its endpoint's row.
struct SourceHealth
{
    QString source;      // "coingecko", "gemini", "news-browser", "rss:bitcoin-com-rss"
    QString displayName; // "CoinGecko"
    HealthState state = HealthState::Unknown;
    QDateTime at; // when this snapshot was taken (UTC)

    int requests = 0; // finished requests, cancelled ones not counted
    int errors = 0;
    qint64 lastLatencyMs = -1; // -1: none yet
    qint64 p50Ms = -1;
    qint64 p95Ms = -1;
    QDateTime lastSuccess; // invalid: none this session
    QDateTime lastAttempt;

    FetchError lastError; // kind None: no error this session (masked: no key ever appears)
    QDateTime lastErrorTime;
    QString lastErrorTarget; // "https://api.coingecko.com/api/v3/ping" (no query, no user info)

    QList<EndpointHealth> endpoints; // in order of first use, each with its own last error

    int budgetLeft = -1;  // requests still allowed in the rate window; -1: no limiter or unlimited
    int budgetTotal = -1; // the window's budget; -1: no limiter or unlimited
    qint64 backoffMs = 0; // until the rate limiter or a Retry-After lets the next request go

    bool hasError() const { return lastError.isError(); }
};

// The rule of the health panel, in order: Blocked when the last request was refused as Blocked;
// Failing when it failed otherwise; Stale when the last success is older than staleAfterMs;
// Unknown without any outcome; OK otherwise.
HealthState evaluateHealth(bool anyOutcome, bool lastOk, FetchError::Kind lastKind,
                           const QDateTime &lastSuccess, const QDateTime &now, qint64 staleAfterMs);

// Translated, short: "OK", "Stale", "Failing", "Blocked", "No data yet".
QString healthStateName(HealthState state);

// "just now", "45 s ago", "3 min ago", "2 h ago", "3 days ago"; "never" for an invalid time.
QString formatAgo(const QDateTime &then, const QDateTime &now);

// A countdown: "42 s", "3 min 05 s", "1 h 02 min".
QString formatDurationMs(qint64 ms);

// "p50 412 ms · p95 1,204 ms" style text of two percentiles; "–" when there are none.
QString formatLatencyPair(qint64 p50Ms, qint64 p95Ms);

// The last error in words: the user message, then the target and the technical detail:
// "CoinGecko is unreachable… (https://127.0.0.1:1/api/v3/ping: network error 1: Connection refused)".
// Empty when there was no error.
QString describeLastError(const SourceHealth &health);

// Display name of a source id: "coingecko" -> "CoinGecko", "rss:coindesk" -> "RSS feed coindesk"
// (one row per feed); unknown ids are shown as they are.
QString sourceDisplayName(const QString &source);

} // namespace ba

Q_DECLARE_METATYPE(ba::HealthState)
Q_DECLARE_METATYPE(ba::SourceHealth)
