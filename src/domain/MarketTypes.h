#pragma once

#include <QList>
#include <QString>
#include <optional>

namespace ba {

// Timestamps are Unix milliseconds UTC throughout.
struct PricePoint
{
    qint64 tsMs = 0;
    double price = 0.0;
    std::optional<double> marketCap;
    std::optional<double> volume;
};

struct Candle
{
    qint64 tsMs = 0; // close time, as CoinGecko reports it
    double open = 0.0;
    double high = 0.0;
    double low = 0.0;
    double close = 0.0;
};

// One evenly spaced series of a coin/currency pair: price samples (or candles) stepMs apart,
// e.g. hourly prices of bitcoin in USD. Series of different steps are stored apart and never mixed.
struct SeriesKey
{
    QString coinId;
    QString vsCurrency;
    qint64 stepMs = 0;
};

struct MarketSnapshot
{
    QString coinId;
    QString vsCurrency;
    double price = 0.0;
    std::optional<double> change24hPct;
    std::optional<double> marketCap;
    std::optional<double> volume24h;
    qint64 lastUpdatedMs = 0;
};

// Where an article was seen (bits of NewsItem::seenVia): on the site's own page, read by the
// hidden browser, and/or in one of its feeds.
enum NewsVia : int
{
    NewsViaPage = 1,
    NewsViaFeed = 2,
};

struct NewsItem
{
    QString url; // canonical: no utm_* parameters, no fragment
    QString title;
    QString source;
    std::optional<qint64> publishedMs;
    QString summary;
    QString imageUrl;
    QString author;
    qint64 fetchedMs = 0;
    int seenVia = 0; // NewsVia bits; 0 for articles stored before this was recorded
};

// One entry of the coin picker.
struct CoinChoice
{
    QString id;    // CoinGecko id, "bitcoin"
    QString label; // "Bitcoin (BTC)"

    friend bool operator==(const CoinChoice &, const CoinChoice &) = default;
};

} // namespace ba
