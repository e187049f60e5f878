#pragma once

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace ba {

// When and how long HttpClient waits before trying again.
struct RetryPolicy
{
    int baseDelayMs = 500;        // first back-off; doubles each failed attempt
    int maxDelayMs = 8000;        // back-off ceiling
    double jitterFraction = 0.25; // +/- this share of the delay, so clients do not retry in lockstep
    int maxRetryAfterSeconds = 5; // a 429 asking for longer ends the request with RateLimited
    // With HttpRequest::rateLimitWaitMs: the longest single Retry-After that is waited out.
    static constexpr int MaxPatientRetryAfterSeconds = 60;

    // Delay after `failedAttempts` failures (1 = first retry). unitRandom in [0, 1) picks the jitter.
    int backoffDelayMs(int failedAttempts, double unitRandom) const;
    int backoffDelayMs(int failedAttempts) const; // random jitter

    // Retry-After as delta-seconds ("119") or HTTP-date ("Wed, 21 Oct 2026 07:28:00 GMT").
    // Dates in the past give 0. nullopt when missing or unreadable.
    static std::optional<int> parseRetryAfter(const QByteArray &value, const QDateTime &now);
};

} // namespace ba
