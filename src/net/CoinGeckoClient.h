#pragma once

#include "domain/MarketTypes.h"
#include "net/ApiReply.h"
#include "net/CoinGeckoTypes.h"
#include "net/RateLimiter.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <optional>

namespace ba {

class HttpClient;
class HttpReply;

// CoinGecko API v3: builds URLs, sends them through HttpClient, parses with CoinGeckoParser.
// Every call returns an ApiReply that finishes exactly once (see ApiReply.h).
//
// - The key travels in the plan's header (x-cg-demo-api-key / x-cg-pro-api-key), never in the URL.
// - Requests wait for the plan's RateLimiter budget instead of failing; a 429 with Retry-After
//   pauses every request to CoinGecko (this client's callers share one limiter) and is waited out.
// - Identical GET URLs in flight (or waiting for the limiter) share one network request.
// - Free plans (Keyless, Demo) may not ask for more than 365 days (error 10012), so "all history"
//   and longer ranges are asked as days=365 on those plans; Pro asks days=max.
class CoinGeckoClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int kAllDays = 0; // marketChart(..., kAllDays): the whole history the plan allows
    static constexpr int kFreePlanMaxDays = 365;
    static constexpr int DefaultRateLimitWaitMs = 2 * 60 * 1000;

    struct Config
    {
        QUrl baseUrl = defaultBaseUrl(CoinGeckoPlan::Keyless);
        CoinGeckoPlan plan = CoinGeckoPlan::Keyless;
        QString apiKey;
        int timeoutMs = 15000;
        int maxAttempts = 3;
        qint64 maxBytes = 20LL * 1024 * 1024;      // the longest "max" chart is a few MB
        std::optional<RateLimiter::Budget> budget; // unset: defaultBudget(plan)
        // A 429 is waited out (each Retry-After up to 60 s) until this much waiting: the data the
        // user asked for still arrives, later. 0: give up at the first long pause.
        int rateLimitWaitMs = DefaultRateLimitWaitMs;
    };

    CoinGeckoClient(HttpClient *http, const Config &config, QObject *parent = nullptr);
    ~CoinGeckoClient() override; // running calls finish with Cancelled

    void setConfig(const Config &config); // for calls made later
    const Config &config() const { return m_config; }
    RateLimiter *rateLimiter() { return &m_limiter; }

    ApiReply<QString> *ping(); // the "gecko_says" text
    ApiReply<MarketSnapshot> *simplePrice(const QString &coinId, const QString &currency);
    // days >= 1, or kAllDays. Granularity is CoinGecko's: 1 day = 5-minute, 2-90 = hourly, more = daily.
    ApiReply<QList<PricePoint>> *marketChart(const QString &coinId, const QString &currency, int days);
    // days snapped up to CoinGecko's allowed set {1, 7, 14, 30, 90, 180, 365}.
    ApiReply<QList<Candle>> *ohlc(const QString &coinId, const QString &currency, int days);
    ApiReply<QList<CoinListing>> *markets(const QString &currency, int perPage = 100);
    ApiReply<QList<CoinListing>> *search(const QString &query);

    static QUrl defaultBaseUrl(CoinGeckoPlan plan); // api.coingecko.com or pro-api.coingecko.com
    static RateLimiter::Budget defaultBudget(CoinGeckoPlan plan); // 10 / 30 / 250 per minute
    static int snapOhlcDays(int days);
    QString marketChartDaysParam(int days) const; // "30", "365" or "max" depending on the plan

private:
    struct InFlight
    {
        QPointer<HttpReply> reply;
        QList<QPointer<ApiCall>> waiters;
    };

    QUrl endpointUrl(const QString &path, const QList<QPair<QString, QString>> &query) const;
    void issue(const QUrl &url, ApiCall *call);
    void detach(const QString &key, ApiCall *call);
    void onReplyFinished(const QString &key, HttpReply *reply, const HttpResult &result);
    template <typename T> ApiReply<T> *rejectLater(ApiReply<T> *reply, const QString &what);

    QPointer<HttpClient> m_http;
    Config m_config;
    RateLimiter m_limiter;
    QHash<QString, InFlight> m_inFlight; // by full URL
};

} // namespace ba
