#include "fakes/FakeCoinGecko.h"

#include <QDateTime>
#include <QFile>
#include <algorithm>

namespace ba::fakes {

using namespace coingecko;

namespace {

const QString kApiPrefix = QStringLiteral("/api/v3");

QByteArray isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
}

FakeResponse cloudflareHeaders(FakeResponse r)
{
    r.header("Server", "cloudflare").header("CF-RAY", "8421d2b1fa8c2f3e-FRA");
    return r;
}

bool flag(const QUrlQuery &q, const QString &name)
{
    return q.queryItemValue(name) == QLatin1String("true");
}

FakeResponse missingParam(const QString &name)
{
    return FakeResponse::json(400, "{\"error\":\"Missing parameter " + name.toUtf8() + "\"}");
}

} // namespace

FakeCoinGecko::FakeCoinGecko(QObject *parent) : QObject(parent), m_server(this), m_coins(defaultCoins())
{
    m_server.routePrefix("*", QStringLiteral("/"), [this](const FakeRequest &r) { return handle(r); });
}

bool FakeCoinGecko::listen()
{
    return m_server.listen();
}

QUrl FakeCoinGecko::baseUrl() const
{
    return m_server.url(kApiPrefix);
}

void FakeCoinGecko::setFailure(Failure failure, const QString &pathPrefix)
{
    m_failure = failure;
    m_failurePrefix = pathPrefix;
}

void FakeCoinGecko::failNext(Failure failure, int times)
{
    for (int i = 0; i < times; ++i) {
        m_oneShot.append(failure);
    }
}

void FakeCoinGecko::clearFailures()
{
    m_oneShot.clear();
    m_failure = Failure::None;
    m_failurePrefix.clear();
}

void FakeCoinGecko::setBodyOverride(const QString &path, const QByteArray &body)
{
    m_overrides.insert(path, body);
}

QString FakeCoinGecko::relativePath(const QString &path)
{
    return path.startsWith(kApiPrefix) ? path.mid(kApiPrefix.size()) : path;
}

int FakeCoinGecko::requestCount(const QString &path) const
{
    const auto all = m_server.requests();
    return int(std::count_if(all.cbegin(), all.cend(),
                             [&](const FakeRequest &r) { return relativePath(r.path) == path; }));
}

int FakeCoinGecko::totalRequests() const
{
    return m_server.requestCount();
}

QList<FakeRequest> FakeCoinGecko::requests() const
{
    return m_server.requests();
}

FakeRequest FakeCoinGecko::lastRequest() const
{
    const auto all = m_server.requests();
    return all.isEmpty() ? FakeRequest() : all.last();
}

int FakeCoinGecko::maxRequestsInWindow(qint64 windowMs) const
{
    QList<qint64> times;
    for (const auto &r : m_server.requests()) {
        times.append(r.receivedMs);
    }
    std::sort(times.begin(), times.end());
    int best = 0;
    qsizetype first = 0;
    for (qsizetype last = 0; last < times.size(); ++last) {
        while (times[last] - times[first] >= windowMs) {
            ++first;
        }
        best = std::max(best, int(last - first + 1));
    }
    return best;
}

QByteArray FakeCoinGecko::sample(const QString &fileName)
{
    QFile file(QStringLiteral(BA_TEST_DATA_DIR "/") + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("FakeCoinGecko: sample %s missing", qPrintable(fileName));
    }
    return file.readAll().trimmed();
}

qint64 FakeCoinGecko::nowMs() const
{
    return m_nowMs > 0 ? m_nowMs : QDateTime::currentMSecsSinceEpoch();
}

const FakeCoin *FakeCoinGecko::findCoin(const QString &id) const
{
    for (const FakeCoin &c : m_coins) {
        if (c.id == id) {
            return &c;
        }
    }
    return nullptr;
}

void FakeCoinGecko::recordKey(const FakeRequest &request)
{
    const std::pair<QByteArray, KeyKind> headers[] = {{"x-cg-demo-api-key", KeyKind::DemoHeader},
                                                      {"x-cg-pro-api-key", KeyKind::ProHeader}};
    const std::pair<QString, KeyKind> params[] = {{QStringLiteral("x_cg_demo_api_key"), KeyKind::DemoQuery},
                                                  {QStringLiteral("x_cg_pro_api_key"), KeyKind::ProQuery}};
    m_lastKeyKind = KeyKind::None;
    m_lastKey.clear();
    for (const auto &[name, kind] : headers) {
        if (request.hasHeader(name)) {
            m_lastKeyKind = kind;
            m_lastKey = request.header(name);
        }
    }
    for (const auto &[name, kind] : params) {
        if (request.query.hasQueryItem(name)) {
            m_lastKeyKind = kind;
            m_lastKey = request.query.queryItemValue(name).toUtf8();
        }
    }
}

std::optional<FakeCoinGecko::Failure> FakeCoinGecko::takeFailure(const QString &path)
{
    if (!m_oneShot.isEmpty()) {
        return m_oneShot.takeFirst();
    }
    if (m_failure != Failure::None && path.startsWith(m_failurePrefix)) {
        return m_failure;
    }
    return std::nullopt;
}

FakeResponse FakeCoinGecko::handle(const FakeRequest &request)
{
    const QString path = relativePath(request.path);
    recordKey(request);
    if (const auto failure = takeFailure(path)) {
        return failureResponse(*failure, path, request);
    }
    return serve(path, request);
}

FakeResponse FakeCoinGecko::failureResponse(Failure failure, const QString &path, const FakeRequest &request)
{
    switch (failure) {
    case Failure::None:
        return serve(path, request);
    case Failure::RateLimitJson: {
        FakeResponse r =
            cloudflareHeaders(FakeResponse::json(429, sample(QStringLiteral("coingecko_error_429.json"))));
        if (!m_retryAfter.isEmpty()) {
            r.header("retry-after", m_retryAfter);
        }
        return r;
    }
    case Failure::RateLimitHtml:
        return cloudflareHeaders(FakeResponse::html(429, cloudflareRateLimitPage()));
    case Failure::MissingKey10002:
        return FakeResponse::json(401,
                                  "{\"status\":{\"timestamp\":\"" + isoNow() +
                                      "\",\"error_code\":10002,\"error_message\":\"API Key Missing. Please "
                                      "make sure you're using the right authentication method.\"}}");
    case Failure::DemoKeyOnPro10011:
        return FakeResponse::json(400,
                                  "{\"timestamp\":\"" + isoNow() +
                                      "\",\"error_code\":10011,\"status\":{\"error_message\":\"If you are "
                                      "using Demo API key, please change your root URL from "
                                      "pro-api.coingecko.com to api.coingecko.com\"}}");
    case Failure::TimeRange10012:
        return *checkHistoryLimit(QStringLiteral("max"));
    case Failure::InvalidVsCurrency:
        return FakeResponse::json(400,
                                  sample(QStringLiteral("coingecko_error_400_invalid_vs_currency.json")));
    case Failure::CoinNotFound:
        return FakeResponse::json(404, sample(QStringLiteral("coingecko_error_404_coin_not_found.json")));
    case Failure::EmptyObject:
        return FakeResponse::json(200, "{}");
    case Failure::ServerError500:
        return FakeResponse::json(500,
                                  "{\"status\":{\"error_code\":500,\"error_message\":\"Internal error\"}}");
    case Failure::ServiceUnavailable503:
        return cloudflareHeaders(FakeResponse::html(503, "<html><body><h1>503 Service Temporarily Unavailable"
                                                         "</h1></body></html>"));
    case Failure::ChallengePage200:
        return FakeResponse::html(200, cloudflareChallengePage());
    case Failure::Challenge403:
        return cloudflareHeaders(FakeResponse::html(403, cloudflareChallengePage()))
            .header("cf-mitigated", "challenge");
    case Failure::PlainHtml200:
        return FakeResponse::html(200, plainHtmlPage());
    case Failure::TruncatedBody: {
        FakeResponse r = serve(path, request);
        r.closeEarly = true;
        return r;
    }
    case Failure::HugeBody:
        return FakeResponse::json(200, hugeJson(m_hugeBytes));
    case Failure::SlowResponse: {
        FakeResponse r = serve(path, request);
        r.delayMs = m_slowDelayMs;
        return r;
    }
    case Failure::NeverRespond: {
        FakeResponse r;
        r.neverRespond = true;
        return r;
    }
    }
    return serve(path, request);
}

std::optional<FakeResponse> FakeCoinGecko::checkHistoryLimit(const QString &days) const
{
    const bool beyond = days == QLatin1String("max") || days.toInt() > 365;
    if (!beyond || m_lastKeyKind == KeyKind::ProHeader || m_lastKeyKind == KeyKind::ProQuery) {
        return std::nullopt;
    }
    return FakeResponse::json(
        401,
        "{\"error\":{\"status\":{\"timestamp\":\"" + isoNow() +
            "\",\"error_code\":10012,\"error_message\":\"Your request exceeds the allowed time range. "
            "Public API users are limited to querying historical data within the past 365 days. Upgrade to "
            "a paid plan to enjoy full historical data access: https://www.coingecko.com/en/api/pricing. "
            "\"}}}");
}

FakeResponse FakeCoinGecko::serve(const QString &path, const FakeRequest &request)
{
    if (m_overrides.contains(path)) {
        return FakeResponse::json(200, m_overrides.value(path));
    }
    const QUrlQuery &q = request.query;
    if (path == QLatin1String("/ping")) {
        return FakeResponse::json(200, sample(QStringLiteral("coingecko_ping_sample.json")));
    }
    if (path == QLatin1String("/simple/price")) {
        if (!q.hasQueryItem(QStringLiteral("ids"))) {
            return missingParam(QStringLiteral("ids"));
        }
        if (!q.hasQueryItem(QStringLiteral("vs_currencies"))) {
            return missingParam(QStringLiteral("vs_currencies"));
        }
        if (m_useSamples) {
            return FakeResponse::json(200, sample(QStringLiteral("coingecko_simple_price_sample.json")));
        }
        QList<FakeCoin> coins;
        for (const QString &id : q.queryItemValue(QStringLiteral("ids")).split(QLatin1Char(','))) {
            if (const FakeCoin *c = findCoin(id)) {
                coins.append(*c);
            }
        }
        const QStringList currencies =
            q.queryItemValue(QStringLiteral("vs_currencies")).split(QLatin1Char(','));
        return FakeResponse::json(
            200, simplePriceJson(coins, currencies, flag(q, QStringLiteral("include_market_cap")),
                                 flag(q, QStringLiteral("include_24hr_vol")),
                                 flag(q, QStringLiteral("include_24hr_change")),
                                 flag(q, QStringLiteral("include_last_updated_at")), nowMs()));
    }
    if (path == QLatin1String("/coins/markets")) {
        const double fx = fxRate(q.queryItemValue(QStringLiteral("vs_currency")));
        if (fx <= 0) {
            return FakeResponse::json(400,
                                      sample(QStringLiteral("coingecko_error_400_invalid_vs_currency.json")));
        }
        if (m_useSamples) {
            return FakeResponse::json(200, sample(QStringLiteral("coingecko_coins_markets_sample.json")));
        }
        const int perPage = q.hasQueryItem(QStringLiteral("per_page"))
                                ? q.queryItemValue(QStringLiteral("per_page")).toInt()
                                : 100;
        return FakeResponse::json(200, marketsJson(m_coins, fx, perPage, nowMs()));
    }
    if (path == QLatin1String("/search")) {
        if (m_useSamples) {
            return FakeResponse::json(200, sample(QStringLiteral("coingecko_search_sample.json")));
        }
        return FakeResponse::json(200, searchJson(m_coins, q.queryItemValue(QStringLiteral("query"))));
    }
    if (path.startsWith(QLatin1String("/coins/"))) {
        return serveCoinPath(path, request);
    }
    return FakeResponse::json(404, "{\"error\":\"Not found\"}");
}

FakeResponse FakeCoinGecko::serveCoinPath(const QString &path, const FakeRequest &request)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts); // coins, id, endpoint
    const QString endpoint = parts.value(2);
    if (parts.size() != 3 ||
        (endpoint != QLatin1String("market_chart") && endpoint != QLatin1String("ohlc"))) {
        return FakeResponse::json(404, "{\"error\":\"Not found\"}");
    }
    const QUrlQuery &q = request.query;
    if (!q.hasQueryItem(QStringLiteral("vs_currency"))) {
        return missingParam(QStringLiteral("vs_currency"));
    }
    if (!q.hasQueryItem(QStringLiteral("days"))) {
        return missingParam(QStringLiteral("days"));
    }
    const FakeCoin *coin = findCoin(parts.value(1));
    if (!coin) {
        return FakeResponse::json(404, sample(QStringLiteral("coingecko_error_404_coin_not_found.json")));
    }
    const double fx = fxRate(q.queryItemValue(QStringLiteral("vs_currency")));
    if (fx <= 0) {
        return FakeResponse::json(400,
                                  sample(QStringLiteral("coingecko_error_400_invalid_vs_currency.json")));
    }
    const QString daysText = q.queryItemValue(QStringLiteral("days"));
    if (m_enforceHistoryLimit) {
        if (auto limited = checkHistoryLimit(daysText)) {
            return *limited;
        }
    }
    const int days = daysText == QLatin1String("max") ? -1 : std::max(1, daysText.toInt());
    if (endpoint == QLatin1String("ohlc")) {
        return FakeResponse::json(200, m_useSamples ? sample(QStringLiteral("coingecko_ohlc_sample.json"))
                                                    : ohlcJson(*coin, fx, days, nowMs()));
    }
    return FakeResponse::json(200, m_useSamples ? sample(QStringLiteral("coingecko_market_chart_sample.json"))
                                                : marketChartJson(*coin, fx, days, nowMs(), m_sampling));
}

} // namespace ba::fakes
