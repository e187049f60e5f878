#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Body generators for FakeCoinGecko: one coherent market — a deterministic price path per coin
// (priceAt), converted per currency at fixed rates — sampled with CoinGecko's granularity rules,
// and the HTML pages Cloudflare serves instead of JSON. Every endpoint reads the same path, so
// simple/price, market_chart and ohlc agree with each other at any moment.
namespace ba::fakes::coingecko {

struct FakeCoin
{
    QString id;
    QString symbol;
    QString name;
    double basePrice = 0.0; // in USD
    double supply = 0.0;
};

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kGenesisMs = 1367107200000LL; // 2013-04-28, where CoinGecko's bitcoin history starts

QList<FakeCoin> defaultCoins();
double fxRate(const QString &currency);             // 0 when the currency is unknown
double priceAt(const FakeCoin &coin, qint64 tsMs);  // deterministic, in USD, different shape per coin
double volumeAt(const FakeCoin &coin, qint64 tsMs); // 24 h volume in USD at that moment

// Where the 5-minute and hourly samples of market_chart fall.
enum class Sampling
{
    SinceAsked,  // back from the moment asked, as CoinGecko does: two requests a minute apart
                 // get samples at different offsets (the last one is "now")
    AlignedGrid, // on the step grid, then "now": every request gets the same timestamps
};

// days: 1 = 5-minute points, 2..90 = hourly, > 90 = daily at 00:00 UTC; -1 = max. The last point is "now".
QList<qint64> marketChartTimestamps(int days, qint64 nowMs, Sampling sampling = Sampling::AlignedGrid);
QByteArray marketChartJson(const FakeCoin &coin, double fx, int days, qint64 nowMs,
                           Sampling sampling = Sampling::AlignedGrid);
// Candle length: 1-2 days = 30 min, 3-30 days = 4 h, 31+ days = 4 days. Timestamps are close times.
QByteArray ohlcJson(const FakeCoin &coin, double fx, int days, qint64 nowMs);
QByteArray simplePriceJson(const QList<FakeCoin> &coins, const QStringList &currencies, bool marketCap,
                           bool volume, bool change, bool lastUpdated, qint64 nowMs);
QByteArray marketsJson(const QList<FakeCoin> &coins, double fx, int perPage, qint64 nowMs);
QByteArray searchJson(const QList<FakeCoin> &coins, const QString &query);
QByteArray hugeJson(qint64 minBytes); // valid market_chart JSON of at least minBytes

QByteArray cloudflareChallengePage(); // "Just a moment..." managed challenge
QByteArray cloudflareRateLimitPage(); // error 1015 page served with HTTP 429
QByteArray plainHtmlPage();           // an ordinary page, no challenge markers

} // namespace ba::fakes::coingecko
