#include "net/CoinGeckoParser.h"

#include "net/JsonReading.h"
#include "net/MarketChartJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <optional>

namespace ba {

namespace {

using Kind = FetchError::Kind;

FetchError unreadable(const QString &what)
{
    return makeFetchError(
        Kind::BadResponse,
        QCoreApplication::translate("CoinGeckoClient",
                                    "CoinGecko sent data the application cannot read; try again later."),
        QStringLiteral("CoinGecko ") + what);
}

std::optional<double> toNumber(const QJsonValue &v)
{
    double d = 0.0;
    bool ok = false;
    if (v.isDouble()) {
        d = v.toDouble();
        ok = true;
    } else if (v.isString()) {
        d = v.toString().toDouble(&ok);
    }
    if (!ok || !std::isfinite(d)) {
        return std::nullopt;
    }
    return d;
}

std::optional<qint64> toTimestamp(const QJsonValue &v)
{
    const auto d = toNumber(v);
    if (!d || *d < 0 || *d > coingecko::kMaxTimestampMs) {
        return std::nullopt;
    }
    return qint64(std::llround(*d));
}

// Parses the body; on success *doc is set. A CoinGecko error object inside a 200 becomes that error.
FetchError readDocument(const QByteArray &body, const char *endpoint, QJsonDocument *doc)
{
    QJsonParseError parseError;
    *doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return unreadable(QString::fromLatin1(endpoint) + QStringLiteral(": invalid JSON at offset %1: %2")
                                                              .arg(parseError.offset)
                                                              .arg(parseError.errorString()));
    }
    CoinGeckoParser::ApiError api;
    if (doc->isObject() && CoinGeckoParser::readApiError(body, &api)) {
        HttpResult asError;
        asError.status = 200;
        asError.body = body;
        asError.error =
            unreadable(QString::fromLatin1(endpoint) + QStringLiteral(": error object with HTTP 200"));
        return CoinGeckoParser::errorFromResult(asError);
    }
    return FetchError{};
}

// The general reader's half of market_chart: usable [time, value] pairs, in input order.
QList<coingecko::TimedValue> seriesFrom(const QJsonArray &pairs)
{
    QList<coingecko::TimedValue> values;
    values.reserve(pairs.size());
    for (const QJsonValue &p : pairs) {
        const QJsonArray pair = p.toArray();
        const auto ts = toTimestamp(pair.at(0));
        const auto v = toNumber(pair.at(1));
        if (ts && v) {
            values.append(coingecko::TimedValue{*ts, *v});
        }
    }
    return values;
}

CoinListing listingFrom(const QJsonObject &o)
{
    CoinListing c;
    c.id = o.value(QLatin1String("id")).toString();
    c.symbol = o.value(QLatin1String("symbol")).toString();
    c.name = o.value(QLatin1String("name")).toString();
    // Converting a double beyond int's range is undefined behaviour (found by fuzzing).
    if (const auto rank = toNumber(o.value(QLatin1String("market_cap_rank")));
        rank && *rank >= 1 && *rank <= 1e9) {
        c.marketCapRank = int(*rank);
    }
    return c;
}

QList<CoinListing> listingsFrom(const QJsonArray &array)
{
    QList<CoinListing> out;
    for (const QJsonValue &v : array) {
        CoinListing c = listingFrom(v.toObject());
        if (!c.id.isEmpty()) {
            out.append(c);
        }
    }
    return out;
}

} // namespace

FetchError CoinGeckoParser::parsePing(const QByteArray &body, QString *geckoSays)
{
    QJsonDocument doc;
    if (FetchError e = readDocument(body, "ping", &doc); e.isError()) {
        return e;
    }
    const QJsonValue says = doc.object().value(QLatin1String("gecko_says"));
    if (!says.isString()) {
        return unreadable(QStringLiteral("ping: no gecko_says"));
    }
    *geckoSays = says.toString();
    return FetchError{};
}

FetchError CoinGeckoParser::parseSimplePrice(const QByteArray &body, const QString &coinId,
                                             const QString &currency, MarketSnapshot *out)
{
    QJsonDocument doc;
    if (FetchError e = readDocument(body, "simple/price", &doc); e.isError()) {
        return e;
    }
    if (!doc.isObject()) {
        return unreadable(QStringLiteral("simple/price: not an object"));
    }
    const QJsonValue coinValue = doc.object().value(coinId);
    if (!coinValue.isObject()) {
        return makeFetchError(
            Kind::NotFound,
            QCoreApplication::translate("CoinGeckoClient", "CoinGecko has no prices for the coin \"%1\"; "
                                                           "choose another coin in the list above the chart.")
                .arg(coinId),
            QStringLiteral("simple/price: no entry for '%1' in %2 bytes").arg(coinId).arg(body.size()));
    }
    const QJsonObject coin = coinValue.toObject();
    const auto price = toNumber(coin.value(currency));
    if (!price) {
        return makeFetchError(
            Kind::BadRequest,
            QCoreApplication::translate("CoinGeckoClient", "CoinGecko has no %1 price for this coin; choose "
                                                           "another currency in the list above the chart.")
                .arg(currency.toUpper()),
            QStringLiteral("simple/price: no usable '%1' value for '%2'").arg(currency, coinId));
    }
    MarketSnapshot s;
    s.coinId = coinId;
    s.vsCurrency = currency;
    s.price = *price;
    s.marketCap = toNumber(coin.value(currency + QStringLiteral("_market_cap")));
    s.volume24h = toNumber(coin.value(currency + QStringLiteral("_24h_vol")));
    s.change24hPct = toNumber(coin.value(currency + QStringLiteral("_24h_change")));
    if (const auto updated = toTimestamp(coin.value(QLatin1String("last_updated_at")))) {
        s.lastUpdatedMs = *updated * 1000; // CoinGecko sends seconds here
    }
    *out = s;
    return FetchError{};
}

FetchError CoinGeckoParser::parseMarketChart(const QByteArray &body, QList<PricePoint> *out)
{
    coingecko::MarketChartSeries series;
    // Well-formed bodies take the fast scanner; anything odd (numeric strings, error objects,
    // broken JSON) goes through QJsonDocument below, which tolerates or reports it.
    if (coingecko::scanMarketChart(body, &series)) {
        *out = coingecko::joinMarketChart(std::move(series));
        return FetchError{};
    }
    QJsonDocument doc;
    if (FetchError e = readDocument(body, "market_chart", &doc); e.isError()) {
        return e;
    }
    const QJsonObject root = doc.object();
    if (!root.value(QLatin1String("prices")).isArray()) {
        return unreadable(QStringLiteral("market_chart: no prices array"));
    }
    // A null price is a gap, not a zero: seriesFrom leaves such pairs out.
    series.prices = seriesFrom(root.value(QLatin1String("prices")).toArray());
    series.marketCaps = seriesFrom(root.value(QLatin1String("market_caps")).toArray());
    series.volumes = seriesFrom(root.value(QLatin1String("total_volumes")).toArray());
    *out = coingecko::joinMarketChart(std::move(series));
    return FetchError{};
}

FetchError CoinGeckoParser::parseOhlc(const QByteArray &body, QList<Candle> *out)
{
    QJsonDocument doc;
    if (FetchError e = readDocument(body, "ohlc", &doc); e.isError()) {
        return e;
    }
    if (!doc.isArray()) {
        return unreadable(QStringLiteral("ohlc: not an array"));
    }
    QList<Candle> candles;
    for (const QJsonValue &v : doc.array()) {
        const QJsonArray row = v.toArray();
        const auto ts = toTimestamp(row.at(0));
        const auto open = toNumber(row.at(1));
        const auto high = toNumber(row.at(2));
        const auto low = toNumber(row.at(3));
        const auto close = toNumber(row.at(4));
        if (ts && open && high && low && close) {
            candles.append(Candle{*ts, *open, *high, *low, *close});
        }
    }
    std::stable_sort(candles.begin(), candles.end(),
                     [](const Candle &a, const Candle &b) { return a.tsMs < b.tsMs; });
    *out = candles;
    return FetchError{};
}

FetchError CoinGeckoParser::parseMarkets(const QByteArray &body, QList<CoinListing> *out)
{
    QJsonDocument doc;
    if (FetchError e = readDocument(body, "coins/markets", &doc); e.isError()) {
        return e;
    }
    if (!doc.isArray()) {
        return unreadable(QStringLiteral("coins/markets: not an array"));
    }
    *out = listingsFrom(doc.array());
    return FetchError{};
}

FetchError CoinGeckoParser::parseSearch(const QByteArray &body, QList<CoinListing> *out)
{
    QJsonDocument doc;
    if (FetchError e = readDocument(body, "search", &doc); e.isError()) {
        return e;
    }
    if (!doc.isObject()) {
        return unreadable(QStringLiteral("search: not an object"));
    }
    *out = listingsFrom(doc.object().value(QLatin1String("coins")).toArray()); // missing = no match
    return FetchError{};
}

bool CoinGeckoParser::readApiError(const QByteArray &body, ApiError *out)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    if (root.isEmpty()) {
        return false;
    }
    const QJsonValue error = root.value(QLatin1String("error"));
    if (error.isString()) {
        *out = ApiError{0, error.toString()};
        return true;
    }
    // {"error":{"status":{...}}} wraps the same status object the other shapes use.
    const QJsonObject holder = error.isObject() ? error.toObject() : root;
    const QJsonObject status = holder.value(QLatin1String("status")).toObject();
    const QJsonValue code = status.contains(QLatin1String("error_code"))
                                ? status.value(QLatin1String("error_code"))
                                : holder.value(QLatin1String("error_code"));
    const QString message = status.value(QLatin1String("error_message")).toString();
    if (code.isUndefined() && message.isEmpty()) {
        return false;
    }
    *out = ApiError{int(std::clamp(toNumber(code).value_or(0), -1e9, 1e9)), message};
    return true;
}

FetchError CoinGeckoParser::errorFromResult(const HttpResult &result)
{
    FetchError e = result.error;
    ApiError api;
    if (!readApiError(result.body, &api)) {
        return e;
    }
    e.httpStatus = result.status;
    e.detail += QStringLiteral("; CoinGecko error %1: %2").arg(api.code).arg(api.message);
    const QString lower = api.message.toLower();
    auto refine = [&](Kind kind, const QString &message) {
        e.kind = kind;
        e.userMessage = message;
        return e;
    };
    switch (api.code) {
    case 10002:
        return refine(Kind::Unauthorized,
                      QCoreApplication::translate(
                          "CoinGeckoClient",
                          "CoinGecko needs an API key for this request; add a Demo or Pro key in Settings."));
    case 10005:
        return refine(Kind::Unauthorized,
                      QCoreApplication::translate("CoinGeckoClient",
                                                  "Your CoinGecko plan does not include this data; choose "
                                                  "a shorter range or another plan in Settings."));
    case 10010:
        return refine(Kind::Unauthorized,
                      QCoreApplication::translate(
                          "CoinGeckoClient",
                          "This CoinGecko key belongs to a Pro plan; set the plan to Pro in Settings."));
    case 10011:
        return refine(Kind::Unauthorized,
                      QCoreApplication::translate(
                          "CoinGeckoClient",
                          "This CoinGecko key belongs to a Demo plan; set the plan to Demo in Settings."));
    case 10012:
        return refine(Kind::BadRequest,
                      QCoreApplication::translate("CoinGeckoClient",
                                                  "Free CoinGecko plans are limited to the past 365 "
                                                  "days; choose a range of one year or less."));
    case 1020:
        return refine(
            Kind::Blocked,
            QCoreApplication::translate(
                "CoinGeckoClient", "CoinGecko's firewall denied access; try again later or use an API key."));
    case 429:
        if (e.kind == Kind::RateLimited) {
            return e; // keeps the Retry-After wording from HttpClient
        }
        return refine(
            Kind::RateLimited,
            QCoreApplication::translate(
                "CoinGeckoClient",
                "CoinGecko is limiting requests from this application; wait a minute and try again."));
    default:
        break;
    }
    if (lower.contains(QLatin1String("vs_currency"))) {
        return refine(Kind::BadRequest,
                      QCoreApplication::translate("CoinGeckoClient",
                                                  "CoinGecko does not support this currency; choose "
                                                  "another currency in the list above the chart."));
    }
    if (lower.contains(QLatin1String("coin not found")) ||
        lower.contains(QLatin1String("could not find coin"))) {
        return refine(
            Kind::NotFound,
            QCoreApplication::translate(
                "CoinGeckoClient",
                "CoinGecko does not know this coin; choose another coin in the list above the chart."));
    }
    return e;
}

} // namespace ba
