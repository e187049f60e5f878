#pragma once

#include "domain/FetchError.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>

namespace ba {

class RateLimiter;

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Case-insensitive lookup; empty when the header is missing.
QByteArray findHeader(const HttpHeaders &headers, const QByteArray &name);

// What the caller expects in a successful body. HttpClient checks the Content-Type against it:
// HTML where JSON was expected means a challenge page (Blocked) or a changed upstream (BadResponse).
enum class HttpExpect
{
    Any,
    Json,
    Xml,
    Html,
    EventStream
};

struct HttpRequest
{
    QUrl url;
    QByteArray method = "GET";
    HttpHeaders headers; // a User-Agent here replaces the default one
    QByteArray body;
    HttpExpect expect = HttpExpect::Json;
    int timeoutMs = 15000;        // per attempt, from the moment it is handed to the network; 0 = none
    int connectTimeoutMs = 10000; // until the request has been written to the socket; 0 = none
    int maxAttempts = 3;          // network errors and 5xx count as attempts (see rateLimitWaitMs)
    int idleTimeoutMs = 0;        // once body data has begun: the longest silence (streams); 0 = none
    qint64 maxBytes = 20LL * 1024 * 1024; // enforced while reading: the transfer stops at the cap
    // Redirects are followed only to the same origin (scheme, host, port) unless this is set. A
    // request that carries a key or a prompt must never set it: Qt would re-send its headers and
    // body to wherever the server points. Never to a less secure scheme (https -> http) either way.
    bool crossOriginRedirects = false;
    QString correlationId;              // empty: the id current when send() is called
    QString source;                     // "coingecko", "gemini": metrics and log wording
    QString serviceName;                // "CoinGecko": named in user messages; empty: the host
    RateLimiter *rateLimiter = nullptr; // when set, every attempt first takes a slot from it
    // A 429 with Retry-After. 0: waited out once, as an attempt, when it asks for at most
    // RetryPolicy::maxRetryAfterSeconds. > 0: every Retry-After of at most
    // RetryPolicy::MaxPatientRetryAfterSeconds is waited out, not counted as an attempt, until the
    // waits add up to this many ms. Either way the rate limiter (if any) holds every request to the
    // service until the Retry-After has passed.
    int rateLimitWaitMs = 0;
};

struct HttpResult
{
    FetchError error; // kind None on success
    int status = 0;   // 0 when no HTTP answer arrived
    QByteArray body;  // also filled on HTTP errors so endpoint clients can read error bodies
    HttpHeaders headers;
    QUrl url;             // where the answer came from: the request URL, or where redirects led
    qint64 latencyMs = 0; // from send() to the end, across all attempts and waits
    int attempts = 0;

    bool ok() const { return !error.isError(); }
    QByteArray header(const QByteArray &name) const { return findHeader(headers, name); }
};

} // namespace ba

Q_DECLARE_METATYPE(ba::HttpResult)
