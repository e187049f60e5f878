#include "net/CoinGeckoClient.h"

#include "domain/SourceIds.h"
#include "net/CoinGeckoParser.h"
#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.net.coingecko")
} // namespace

namespace ba {

namespace {

using Query = QList<QPair<QString, QString>>;

// CoinGecko ids and currency codes: lower-case letters, digits, '-', '_' and '.'. Anything else would
// change the URL's meaning, so it is refused before any request.
bool isSafeId(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"));
    return re.match(text).hasMatch();
}

template <typename T> typename ApiReply<T>::Parser parserFor(FetchError (*parse)(const QByteArray &, T *))
{
    return [parse](const HttpResult &r, T *out) {
        return r.ok() ? parse(r.body, out) : CoinGeckoParser::errorFromResult(r);
    };
}

} // namespace

CoinGeckoClient::CoinGeckoClient(HttpClient *http, const Config &config, QObject *parent)
    : QObject(parent), m_http(http), m_config(config),
      m_limiter(config.budget.value_or(defaultBudget(config.plan)))
{}

CoinGeckoClient::~CoinGeckoClient()
{
    const auto entries = std::exchange(m_inFlight, {});
    for (const InFlight &entry : entries) {
        for (const QPointer<ApiCall> &call : entry.waiters) {
            if (call) {
                call->setDetach(nullptr);
                call->abort();
            }
        }
        if (entry.reply) {
            entry.reply->disconnect(this);
            entry.reply->abort();
        }
    }
}

void CoinGeckoClient::setConfig(const Config &config)
{
    m_config = config;
    m_limiter.setBudget(config.budget.value_or(defaultBudget(config.plan)));
}

QUrl CoinGeckoClient::defaultBaseUrl(CoinGeckoPlan plan)
{
    return plan == CoinGeckoPlan::Pro ? QUrl(QStringLiteral("https://pro-api.coingecko.com/api/v3"))
                                      : QUrl(QStringLiteral("https://api.coingecko.com/api/v3"));
}

RateLimiter::Budget CoinGeckoClient::defaultBudget(CoinGeckoPlan plan)
{
    // Keyless is IP-based and has been seen as low as a few calls a minute; Demo is documented at
    // 30/min (newer pages say 100); Pro plans start at 500/min. Stay under each with a margin.
    switch (plan) {
    case CoinGeckoPlan::Keyless:
        return {10, 60000};
    case CoinGeckoPlan::Demo:
        return {30, 60000};
    case CoinGeckoPlan::Pro:
        return {250, 60000};
    }
    return {10, 60000};
}

int CoinGeckoClient::snapOhlcDays(int days)
{
    static const int allowed[] = {1, 7, 14, 30, 90, 180, 365};
    for (int a : allowed) {
        if (days <= a) {
            return a; // the smallest allowed range that still covers what was asked
        }
    }
    return 365;
}

QString CoinGeckoClient::marketChartDaysParam(int days) const
{
    const bool freePlan = m_config.plan != CoinGeckoPlan::Pro;
    if (days <= kAllDays || days > kFreePlanMaxDays) {
        if (freePlan) {
            return QString::number(kFreePlanMaxDays); // "max" would be refused with error 10012
        }
        return days <= kAllDays ? QStringLiteral("max") : QString::number(days);
    }
    return QString::number(days);
}

ApiReply<QString> *CoinGeckoClient::ping()
{
    auto *reply = new ApiReply<QString>(parserFor<QString>(&CoinGeckoParser::parsePing), this);
    issue(endpointUrl(QStringLiteral("/ping"), {}), reply);
    return reply;
}

ApiReply<MarketSnapshot> *CoinGeckoClient::simplePrice(const QString &coinId, const QString &currency)
{
    auto *reply = new ApiReply<MarketSnapshot>(
        [coinId, currency](const HttpResult &r, MarketSnapshot *out) {
            return r.ok() ? CoinGeckoParser::parseSimplePrice(r.body, coinId, currency, out)
                          : CoinGeckoParser::errorFromResult(r);
        },
        this);
    if (!isSafeId(coinId) || !isSafeId(currency)) {
        return rejectLater(reply, coinId + QLatin1Char('/') + currency);
    }
    const QString yes = QStringLiteral("true");
    issue(
        endpointUrl(QStringLiteral("/simple/price"), {{QStringLiteral("ids"), coinId},
                                                      {QStringLiteral("vs_currencies"), currency},
                                                      {QStringLiteral("include_market_cap"), yes},
                                                      {QStringLiteral("include_24hr_vol"), yes},
                                                      {QStringLiteral("include_24hr_change"), yes},
                                                      {QStringLiteral("include_last_updated_at"), yes},
                                                      {QStringLiteral("precision"), QStringLiteral("full")}}),
        reply);
    return reply;
}

ApiReply<QList<PricePoint>> *CoinGeckoClient::marketChart(const QString &coinId, const QString &currency,
                                                          int days)
{
    auto *reply = new ApiReply<QList<PricePoint>>(
        parserFor<QList<PricePoint>>(&CoinGeckoParser::parseMarketChart), this);
    if (!isSafeId(coinId) || !isSafeId(currency)) {
        return rejectLater(reply, coinId + QLatin1Char('/') + currency);
    }
    const QString daysParam = marketChartDaysParam(days);
    if (m_config.plan != CoinGeckoPlan::Pro && (days <= kAllDays || days > kFreePlanMaxDays)) {
        qCInfo(lc).noquote() << QStringLiteral(
                                    "market_chart: asking days=%1 for %2 (free plans are limited to %3 days)")
                                    .arg(daysParam)
                                    .arg(days)
                                    .arg(kFreePlanMaxDays);
    }
    issue(endpointUrl(QStringLiteral("/coins/") + coinId + QStringLiteral("/market_chart"),
                      {{QStringLiteral("vs_currency"), currency}, {QStringLiteral("days"), daysParam}}),
          reply);
    return reply;
}

ApiReply<QList<Candle>> *CoinGeckoClient::ohlc(const QString &coinId, const QString &currency, int days)
{
    auto *reply = new ApiReply<QList<Candle>>(parserFor<QList<Candle>>(&CoinGeckoParser::parseOhlc), this);
    if (!isSafeId(coinId) || !isSafeId(currency)) {
        return rejectLater(reply, coinId + QLatin1Char('/') + currency);
    }
    issue(endpointUrl(QStringLiteral("/coins/") + coinId + QStringLiteral("/ohlc"),
                      {{QStringLiteral("vs_currency"), currency},
                       {QStringLiteral("days"), QString::number(snapOhlcDays(days))}}),
          reply);
    return reply;
}

ApiReply<QList<CoinListing>> *CoinGeckoClient::markets(const QString &currency, int perPage)
{
    auto *reply =
        new ApiReply<QList<CoinListing>>(parserFor<QList<CoinListing>>(&CoinGeckoParser::parseMarkets), this);
    if (!isSafeId(currency)) {
        return rejectLater(reply, currency);
    }
    issue(endpointUrl(QStringLiteral("/coins/markets"),
                      {{QStringLiteral("vs_currency"), currency},
                       {QStringLiteral("order"), QStringLiteral("market_cap_desc")},
                       {QStringLiteral("per_page"), QString::number(std::clamp(perPage, 1, 250))},
                       {QStringLiteral("page"), QStringLiteral("1")}}),
          reply);
    return reply;
}

ApiReply<QList<CoinListing>> *CoinGeckoClient::search(const QString &query)
{
    auto *reply =
        new ApiReply<QList<CoinListing>>(parserFor<QList<CoinListing>>(&CoinGeckoParser::parseSearch), this);
    issue(endpointUrl(QStringLiteral("/search"), {{QStringLiteral("query"), query.trimmed()}}), reply);
    return reply;
}

QUrl CoinGeckoClient::endpointUrl(const QString &path, const Query &query) const
{
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    url.setPath(basePath + path);
    QUrlQuery q;
    for (const auto &item : query) {
        // Encode '+' and '&' ourselves: QUrlQuery leaves them as is, and '+' would read as a space.
        q.addQueryItem(item.first, QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    }
    url.setQuery(q);
    return url;
}

template <typename T> ApiReply<T> *CoinGeckoClient::rejectLater(ApiReply<T> *reply, const QString &what)
{
    FetchError error;
    error.kind = FetchError::Kind::BadRequest;
    error.userMessage =
        QCoreApplication::translate(
            "CoinGeckoClient",
            "The coin or currency \"%1\" is not a valid CoinGecko id; choose a coin and currency in "
            "the lists above the chart.")
            .arg(what);
    error.detail = QStringLiteral("refused to build a request for '%1'").arg(what);
    // Later, so that the caller has connected to finished() first.
    QTimer::singleShot(0, reply, [reply, error] { reply->fail(error); });
    return reply;
}

void CoinGeckoClient::issue(const QUrl &url, ApiCall *call)
{
    const QString key = url.toString(QUrl::FullyEncoded);
    call->setDetach([this, key, call] { detach(key, call); });
    auto it = m_inFlight.find(key);
    if (it != m_inFlight.end() && it->reply) {
        it->waiters.append(call);
        qCDebug(lc) << "sharing the request already in flight," << it->waiters.size() << "waiting";
        return;
    }
    HttpRequest request;
    request.url = url;
    request.expect = HttpExpect::Json;
    request.timeoutMs = m_config.timeoutMs;
    request.maxAttempts = m_config.maxAttempts;
    request.maxBytes = m_config.maxBytes;
    request.source = SourceIds::CoinGecko;
    request.serviceName = QStringLiteral("CoinGecko");
    request.rateLimiter = &m_limiter;
    request.rateLimitWaitMs = m_config.rateLimitWaitMs;
    request.headers.append({QByteArray("Accept"), QByteArray("application/json")});
    if (!m_config.apiKey.isEmpty() && m_config.plan != CoinGeckoPlan::Keyless) {
        const QByteArray header =
            m_config.plan == CoinGeckoPlan::Pro ? "x-cg-pro-api-key" : "x-cg-demo-api-key";
        request.headers.append({header, m_config.apiKey.toUtf8()});
    }
    if (!m_http) {
        QTimer::singleShot(0, call, [call] {
            call->fail(
                FetchError{FetchError::Kind::Cancelled, 0,
                           QCoreApplication::translate(
                               "CoinGeckoClient", "The network is shutting down; restart the application."),
                           QStringLiteral("HttpClient is gone"), -1});
        });
        return;
    }
    HttpReply *reply = m_http->send(request);
    m_inFlight.insert(key, InFlight{reply, {call}});
    connect(reply, &HttpReply::finished, this,
            [this, key, reply](const HttpResult &result) { onReplyFinished(key, reply, result); });
    connect(reply, &HttpReply::retryScheduled, this, [this, key](int seconds, FetchError::Kind reason) {
        for (const QPointer<ApiCall> &waiter : m_inFlight.value(key).waiters) {
            if (waiter) {
                waiter->notifyRetry(seconds, reason);
            }
        }
    });
}

void CoinGeckoClient::detach(const QString &key, ApiCall *call)
{
    auto it = m_inFlight.find(key);
    if (it == m_inFlight.end()) {
        return;
    }
    it->waiters.removeAll(call);
    it->waiters.removeAll(nullptr);
    if (!it->waiters.isEmpty()) {
        return;
    }
    // Nobody wants the answer any more: drop the request (and its place in the limiter queue).
    const QPointer<HttpReply> reply = it->reply;
    m_inFlight.erase(it);
    if (reply) {
        reply->disconnect(this);
        reply->abort();
    }
}

void CoinGeckoClient::onReplyFinished(const QString &key, HttpReply *reply, const HttpResult &result)
{
    auto it = m_inFlight.find(key);
    if (it == m_inFlight.end() || it->reply != reply) {
        return;
    }
    const QList<QPointer<ApiCall>> waiters = it->waiters;
    m_inFlight.erase(it);
    for (const QPointer<ApiCall> &waiter : waiters) {
        if (waiter) {
            waiter->deliver(result);
        }
    }
}

} // namespace ba
