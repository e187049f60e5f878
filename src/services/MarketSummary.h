#pragma once

#include "domain/MarketStats.h"
#include "domain/MarketTypes.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace ba {

// One day's close-to-close move (UTC days; the last day may be partial).
struct DailyMove
{
    QDate date;
    double changePct = 0.0; // +5.2 = +5.2 %

    friend bool operator==(const DailyMove &, const DailyMove &) = default;
};

struct SummaryHeadline
{
    QString title; // whitespace collapsed, at most MarketSummary::MaxHeadlineChars
    QString source;
    std::optional<qint64> publishedMs;

    friend bool operator==(const SummaryHeadline &, const SummaryHeadline &) = default;
};

// Indicator values at the last price point; nullopt where the series is too short (warm-up).
struct SummaryIndicators
{
    std::optional<double> rsi14;
    std::optional<double> macd; // MACD(12, 26, 9)
    std::optional<double> macdSignal;
    std::optional<double> macdHistogram;
    std::optional<double> sma20;
    std::optional<double> sma50;
    std::optional<double> ema20;
    std::optional<double> bollingerUpper; // Bollinger(20, 2)
    std::optional<double> bollingerLower;
    std::optional<double> bollingerPercentB; // 0 = on the lower band, 1 = on the upper band
    std::optional<double> volatility;        // annualised realised volatility, fraction (0.45 = 45 %)
    std::optional<double> maxDrawdown;       // over the whole series, fraction
    std::optional<double> support;           // nearest swing low below the last price
    std::optional<double> resistance;        // nearest swing high above the last price
    std::optional<stats::Trend> trend;

    friend bool operator==(const SummaryIndicators &, const SummaryIndicators &) = default;
};

// What an analysis is computed from: a few dozen numbers and headlines, never the raw points.
// The same summary feeds the AI prompt, the local report, the input hash and the stored history.
struct MarketSummary
{
    static constexpr int MaxHeadlines = 10;
    static constexpr int MaxMovesPerKind = 3;
    static constexpr qsizetype MaxHeadlineChars = 300;
    static constexpr int JsonVersion = 1;

    QString coinId;
    QString vsCurrency;
    QString rangeKey;   // the chart range the series belongs to ("30d"); empty when not known
    qint64 firstMs = 0; // first and last point used
    qint64 asOfMs = 0;
    int pointCount = 0;
    qint64 intervalMs = 0; // median spacing of the points: 3600000 for hourly data
    // The quote: the simple/price snapshot the chart header shows, so that the prompt, the local
    // report and the header agree; the series' last point and 24 h change stand in without one.
    double lastPrice = 0.0;
    std::optional<double> change24hPct;
    std::optional<double> change7dPct;
    std::optional<double> change30dPct;
    std::optional<double> marketCap; // from the snapshot
    std::optional<double> volume24h;
    SummaryIndicators indicators;
    QList<DailyMove> largestGains;    // biggest first
    QList<DailyMove> largestDrops;    // biggest fall first
    QList<SummaryHeadline> headlines; // newest first

    // Prices may come in any order; non-finite and non-positive prices are ignored. The snapshot's
    // price and 24 h change are the quote whenever it has a price. At most MaxHeadlines news items are
    // kept, newest first. `rangeKey` names the range the prices are the series of.
    static MarketSummary build(const QList<PricePoint> &prices, const MarketSnapshot &snapshot,
                               const QList<NewsItem> &news, const QString &rangeKey = QString());

    bool hasPrices() const { return pointCount > 0; }

    // Keys are sorted and absent values omitted, so equal summaries give byte-equal JSON.
    QJsonObject toJson() const;
    QByteArray toCanonicalJson() const;
    static std::optional<MarketSummary> fromJson(const QByteArray &json);
    // The identity of the market data an analysis is written from: lower-case hex SHA-256 of the
    // canonical JSON without the live quote (last price, 24 h change, market cap, volume). The quote
    // moves every minute; the selection, its stored series and the headlines change only with a fetch
    // that brought new data, and that is when an AI is asked again.
    QString inputHash() const;

    // Compact, language-neutral text block for a prompt; headlines beyond maxHeadlines are left out.
    QString toPromptText(int maxHeadlines = MaxHeadlines) const;

    // Stable keys for JSON ("strong_up", "up", "sideways", "down", "strong_down").
    static QString trendKey(stats::Trend trend);
    static std::optional<stats::Trend> trendFromKey(const QString &key);

    friend bool operator==(const MarketSummary &, const MarketSummary &) = default;
};

} // namespace ba
