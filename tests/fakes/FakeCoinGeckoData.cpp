#include "fakes/FakeCoinGeckoData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace ba::fakes::coingecko {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;

QByteArray num(double v)
{
    return QByteArray::number(v, 'g', 15);
}

qint64 alignDown(qint64 t, qint64 step)
{
    return t - (t % step);
}

QByteArray pairsJson(const QList<qint64> &ts, const std::function<double(qint64)> &value)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < ts.size(); ++i) {
        out += (i ? ",[" : "[") + QByteArray::number(ts[i]) + ',' + num(value(ts[i])) + ']';
    }
    return out + ']';
}

} // namespace

QList<FakeCoin> defaultCoins()
{
    return {
        {QStringLiteral("bitcoin"), QStringLiteral("btc"), QStringLiteral("Bitcoin"), 67000.0, 19.6e6},
        {QStringLiteral("ethereum"), QStringLiteral("eth"), QStringLiteral("Ethereum"), 3400.0, 120.1e6},
        {QStringLiteral("ethereum-classic"), QStringLiteral("etc"), QStringLiteral("Ethereum Classic"), 27.0,
         147.0e6},
    };
}

double fxRate(const QString &currency)
{
    static const QList<QPair<QString, double>> rates = {
        {QStringLiteral("usd"), 1.0},         {QStringLiteral("eur"), 0.92},
        {QStringLiteral("gbp"), 0.79},        {QStringLiteral("jpy"), 151.0},
        {QStringLiteral("chf"), 0.9},         {QStringLiteral("cad"), 1.36},
        {QStringLiteral("btc"), 1 / 67000.0}, {QStringLiteral("eth"), 1 / 3400.0},
    };
    for (const auto &r : rates) {
        if (r.first == currency) {
            return r.second;
        }
    }
    return 0.0;
}

namespace {

// A phase of its own for each coin, from its id, so that the coins do not move in step.
double coinPhase(const FakeCoin &coin)
{
    quint32 hash = 2166136261u;
    for (const QChar c : coin.id) {
        hash = (hash ^ c.unicode()) * 16777619u;
    }
    return double(hash % 10000) / 10000.0 * 6.283185307;
}

} // namespace

double priceAt(const FakeCoin &coin, qint64 tsMs)
{
    // Slow trend + weekly swing + daily wave + deterministic small noise, each shifted by the coin's
    // phase: looks like a market, repeats exactly, and differs from coin to coin.
    const double t = double(tsMs) / double(kDayMs);
    const double phase = coinPhase(coin);
    const double noise =
        std::sin(t * 977.0 + coin.basePrice + phase) * 0.004 + std::sin(t * 131.0 + 3 * phase) * 0.003;
    return coin.basePrice * (1.0 + 0.12 * std::sin(t / 23.0 + phase) + 0.04 * std::sin(t / 5.3 + 2 * phase) +
                             0.02 * std::sin(t * 6.283 + phase) + noise);
}

double volumeAt(const FakeCoin &coin, qint64 tsMs)
{
    return coin.basePrice * 4.0e5 * (1.2 + std::sin(double(tsMs) / 3.7e7 + coinPhase(coin)));
}

QList<qint64> marketChartTimestamps(int days, qint64 nowMs, Sampling sampling)
{
    qint64 step = kDayMs;
    const qint64 start = days < 0 ? kGenesisMs : nowMs - days * kDayMs;
    if (days == 1) {
        step = 5 * 60 * 1000;
    } else if (days >= 2 && days <= 90) {
        step = kHourMs;
    }
    QList<qint64> ts;
    if (sampling == Sampling::SinceAsked && step < kDayMs) {
        for (qint64 t = start; t <= nowMs; t += step) {
            ts.append(t); // ends on "now" exactly
        }
        return ts;
    }
    for (qint64 t = alignDown(start, step) + step; t < nowMs; t += step) {
        ts.append(t);
    }
    ts.append(nowMs); // CoinGecko's last point is "now", off the grid
    return ts;
}

QByteArray marketChartJson(const FakeCoin &coin, double fx, int days, qint64 nowMs, Sampling sampling)
{
    const QList<qint64> ts = marketChartTimestamps(days, nowMs, sampling);
    const auto price = [&](qint64 t) { return priceAt(coin, t) * fx; };
    const auto cap = [&](qint64 t) { return priceAt(coin, t) * fx * coin.supply; };
    const auto vol = [&](qint64 t) { return volumeAt(coin, t) * fx; };
    return "{\"prices\":" + pairsJson(ts, price) + ",\"market_caps\":" + pairsJson(ts, cap) +
           ",\"total_volumes\":" + pairsJson(ts, vol) + '}';
}

QByteArray ohlcJson(const FakeCoin &coin, double fx, int days, qint64 nowMs)
{
    const int span = days < 0 ? 365 : days;
    const qint64 step = span <= 2 ? 30 * 60 * 1000 : (span <= 30 ? 4 * kHourMs : 4 * kDayMs);
    QByteArray out = "[";
    bool first = true;
    for (qint64 close = alignDown(nowMs - span * kDayMs, step) + step; close <= nowMs; close += step) {
        const double open = priceAt(coin, close - step) * fx;
        const double last = priceAt(coin, close) * fx;
        const double high = std::max(open, last) * 1.004;
        const double low = std::min(open, last) * 0.996;
        out += (first ? "[" : ",[") + QByteArray::number(close) + ',' + num(open) + ',' + num(high) + ',' +
               num(low) + ',' + num(last) + ']';
        first = false;
    }
    return out + ']';
}

QByteArray simplePriceJson(const QList<FakeCoin> &coins, const QStringList &currencies, bool marketCap,
                           bool volume, bool change, bool lastUpdated, qint64 nowMs)
{
    QJsonObject root;
    for (const FakeCoin &coin : coins) {
        QJsonObject entry;
        for (const QString &cur : currencies) {
            const double fx = fxRate(cur);
            if (fx <= 0) {
                continue; // CoinGecko silently leaves unknown currencies out
            }
            const double p = priceAt(coin, nowMs) * fx;
            entry.insert(cur, p);
            if (marketCap) {
                entry.insert(cur + QStringLiteral("_market_cap"), p * coin.supply);
            }
            if (volume) {
                entry.insert(cur + QStringLiteral("_24h_vol"), volumeAt(coin, nowMs) * fx);
            }
            if (change) {
                entry.insert(cur + QStringLiteral("_24h_change"),
                             (p / (priceAt(coin, nowMs - kDayMs) * fx) - 1) * 100);
            }
        }
        if (lastUpdated) {
            entry.insert(QStringLiteral("last_updated_at"), double(nowMs / 1000));
        }
        root.insert(coin.id, entry);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray marketsJson(const QList<FakeCoin> &coins, double fx, int perPage, qint64 nowMs)
{
    QJsonArray list;
    int rank = 1;
    for (const FakeCoin &coin : coins) {
        if (list.size() >= perPage) {
            break;
        }
        const double p = priceAt(coin, nowMs) * fx;
        QJsonObject o{{QStringLiteral("id"), coin.id},
                      {QStringLiteral("symbol"), coin.symbol},
                      {QStringLiteral("name"), coin.name},
                      {QStringLiteral("current_price"), p},
                      {QStringLiteral("market_cap"), p * coin.supply},
                      {QStringLiteral("market_cap_rank"), rank++},
                      {QStringLiteral("total_volume"), volumeAt(coin, nowMs) * fx},
                      {QStringLiteral("roi"), QJsonValue::Null}};
        list.append(o);
    }
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

QByteArray searchJson(const QList<FakeCoin> &coins, const QString &query)
{
    QJsonArray found;
    int rank = 1;
    for (const FakeCoin &coin : coins) {
        const bool match = coin.id.contains(query, Qt::CaseInsensitive) ||
                           coin.name.contains(query, Qt::CaseInsensitive) ||
                           coin.symbol.compare(query, Qt::CaseInsensitive) == 0;
        if (match) {
            found.append(QJsonObject{{QStringLiteral("id"), coin.id},
                                     {QStringLiteral("name"), coin.name},
                                     {QStringLiteral("api_symbol"), coin.id},
                                     {QStringLiteral("symbol"), coin.symbol.toUpper()},
                                     {QStringLiteral("market_cap_rank"), rank}});
        }
        ++rank;
    }
    QJsonObject root{{QStringLiteral("coins"), found},
                     {QStringLiteral("exchanges"), QJsonArray()},
                     {QStringLiteral("icos"), QJsonArray()},
                     {QStringLiteral("categories"), QJsonArray()},
                     {QStringLiteral("nfts"), QJsonArray()}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray hugeJson(qint64 minBytes)
{
    QByteArray out;
    out.reserve(minBytes + 64);
    out += "{\"prices\":[";
    qint64 t = 1711843200000LL;
    while (out.size() < minBytes) {
        out += '[' + QByteArray::number(t) + ",69702.3087473573],";
        t += 1000;
    }
    out += "[" + QByteArray::number(t) + ",69702.3087473573]],\"market_caps\":[],\"total_volumes\":[]}";
    return out;
}

QByteArray cloudflareChallengePage()
{
    return "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
           "<meta http-equiv=\"refresh\" content=\"375\">"
           "<link href=\"/cdn-cgi/styles/challenges.css\" rel=\"stylesheet\"></head><body>"
           "<div id=\"challenge-error-text\">Enable JavaScript and cookies to continue</div>"
           "<script>(function(){window._cf_chl_opt={cvId: '3',cType: 'managed',cRay: '8421d2b1fa8c'};"
           "var a=document.createElement('script');"
           "a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8421d2b1fa8c';"
           "document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>";
}

QByteArray cloudflareRateLimitPage()
{
    return "<!DOCTYPE html><html><head><title>Access denied | api.coingecko.com used Cloudflare to restrict "
           "access</title></head><body><div id=\"cf-error-details\"><h1>Error 1015</h1>"
           "<h2>You are being rate limited</h2><p>The owner of this website (api.coingecko.com) has banned "
           "you temporarily from accessing this website.</p></div></body></html>";
}

QByteArray plainHtmlPage()
{
    return "<!DOCTYPE html><html><head><title>CoinGecko</title>"
           "<script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script></head>"
           "<body><h1>Maintenance</h1><p>We'll be back shortly.</p></body></html>";
}

} // namespace ba::fakes::coingecko
