#pragma once

#include "fakes/FakeCoinGeckoData.h"
#include "fakes/FakeHttpServer.h"

#include <QObject>
#include <optional>

namespace ba::fakes {

// CoinGecko API v3 on loopback, built on FakeHttpServer. Serves /ping, /simple/price,
// /coins/{id}/market_chart, /coins/{id}/ohlc, /coins/markets and /search under /api/v3
// (the prefix is optional), and can be switched to answer with each error shape seen in the wild
// (see /work/shared/reference/wire-formats.md 1.3).
class FakeCoinGecko : public QObject
{
    Q_OBJECT
public:
    enum class Failure
    {
        None,
        RateLimitJson,         // 429 {"status":{"error_code":429,...}} + retry-after (setRetryAfter)
        RateLimitHtml,         // 429 Cloudflare error 1015 HTML page
        MissingKey10002,       // 401 {"status":{"error_code":10002,...}}
        DemoKeyOnPro10011,     // 400 {"error_code":10011,"status":{"error_message":...}}
        TimeRange10012,        // 401 {"error":{"status":{"error_code":10012,...}}}
        InvalidVsCurrency,     // 400 {"error":"invalid vs_currency"}
        CoinNotFound,          // 404 {"error":"coin not found"}
        EmptyObject,           // 200 {}
        ServerError500,        // 500 JSON
        ServiceUnavailable503, // 503 HTML
        ChallengePage200,      // 200 text/html "Just a moment..." challenge, no header
        Challenge403,          // 403 challenge with cf-mitigated: challenge
        PlainHtml200,          // 200 text/html without challenge markers
        TruncatedBody,         // normal body, Content-Length larger than sent, then close
        HugeBody,              // valid JSON of setHugeBodyBytes() bytes
        SlowResponse,          // normal body after setSlowDelayMs()
        NeverRespond,          // connection accepted, nothing sent
    };
    Q_ENUM(Failure)

    enum class KeyKind
    {
        None,
        DemoHeader,
        ProHeader,
        DemoQuery,
        ProQuery
    };
    Q_ENUM(KeyKind)

    explicit FakeCoinGecko(QObject *parent = nullptr);

    bool listen();
    QUrl baseUrl() const; // http://127.0.0.1:<port>/api/v3
    FakeHttpServer &server() { return m_server; }

    // Persistent failure for every request (or only paths starting with pathPrefix, e.g. "/coins/").
    void setFailure(Failure failure, const QString &pathPrefix = QString());
    // One-shot failures, used before the persistent one: failNext(ServerError500, 2) fails twice.
    void failNext(Failure failure, int times = 1);
    void clearFailures();

    void setRetryAfter(const QByteArray &value) { m_retryAfter = value; } // empty: header omitted
    void setSlowDelayMs(int ms) { m_slowDelayMs = ms; }
    void setHugeBodyBytes(qint64 bytes) { m_hugeBytes = bytes; }
    void setNowMs(qint64 nowMs) { m_nowMs = nowMs; } // fixed "now"; default follows the real clock
    // Where market_chart's 5-minute and hourly samples fall; default: back from the moment asked.
    void setSampling(coingecko::Sampling sampling) { m_sampling = sampling; }
    void setUseSamples(bool on) { m_useSamples = on; } // serve tests/data samples verbatim
    // Public/demo plans get 401 10012 for market_chart/ohlc beyond 365 days (and "max"); default on.
    void setEnforceHistoryLimit(bool on) { m_enforceHistoryLimit = on; }
    void setBodyOverride(const QString &path, const QByteArray &body); // 200 JSON with this body
    void setCoins(const QList<coingecko::FakeCoin> &coins) { m_coins = coins; }

    // Paths are relative to /api/v3, e.g. "/coins/bitcoin/market_chart".
    int requestCount(const QString &path) const;
    int totalRequests() const;
    QList<FakeRequest> requests() const;
    FakeRequest lastRequest() const;
    KeyKind lastKeyKind() const { return m_lastKeyKind; }
    QByteArray lastKey() const { return m_lastKey; }
    int maxRequestsInWindow(qint64 windowMs) const; // most requests seen in any window of that length

    static QByteArray sample(const QString &fileName); // reads tests/data/<fileName>

private:
    FakeResponse handle(const FakeRequest &request);
    std::optional<Failure> takeFailure(const QString &path);
    FakeResponse failureResponse(Failure failure, const QString &path, const FakeRequest &request);
    FakeResponse serve(const QString &path, const FakeRequest &request);
    FakeResponse serveCoinPath(const QString &path, const FakeRequest &request);
    std::optional<FakeResponse> checkHistoryLimit(const QString &days) const;
    const coingecko::FakeCoin *findCoin(const QString &id) const;
    void recordKey(const FakeRequest &request);
    qint64 nowMs() const;
    static QString relativePath(const QString &path);

    FakeHttpServer m_server;
    QList<coingecko::FakeCoin> m_coins;
    QList<Failure> m_oneShot;
    Failure m_failure = Failure::None;
    QString m_failurePrefix;
    QHash<QString, QByteArray> m_overrides;
    QByteArray m_retryAfter = "119";
    int m_slowDelayMs = 2000;
    qint64 m_hugeBytes = 25 * 1024 * 1024;
    qint64 m_nowMs = 0;
    coingecko::Sampling m_sampling = coingecko::Sampling::SinceAsked;
    bool m_useSamples = false;
    bool m_enforceHistoryLimit = true;
    KeyKind m_lastKeyKind = KeyKind::None;
    QByteArray m_lastKey;
};

} // namespace ba::fakes
