#include "services/MarketSummary.h"

#include "domain/Indicators.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace ba {

namespace {

constexpr qint64 HourMs = 3600LL * 1000;
constexpr qint64 DayMs = 24 * HourMs;

std::optional<double> finite(double value)
{
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::optional<double> lastOf(const QList<double> &series)
{
    return series.isEmpty() ? std::nullopt : finite(series.constLast());
}

QList<PricePoint> usablePoints(const QList<PricePoint> &prices)
{
    QList<PricePoint> points;
    points.reserve(prices.size());
    std::copy_if(prices.cbegin(), prices.cend(), std::back_inserter(points),
                 [](const PricePoint &p) { return std::isfinite(p.price) && p.price > 0.0; });
    std::stable_sort(points.begin(), points.end(),
                     [](const PricePoint &a, const PricePoint &b) { return a.tsMs < b.tsMs; });
    return points;
}

qint64 medianSpacing(const QList<PricePoint> &points)
{
    QList<qint64> gaps;
    for (qsizetype i = 1; i < points.size(); ++i) {
        gaps.append(points.at(i).tsMs - points.at(i - 1).tsMs);
    }
    if (gaps.isEmpty()) {
        return 0;
    }
    std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
    return gaps.at(gaps.size() / 2);
}

// Change from the last point at or before (last - window). A series that starts a little after
// that moment (CoinGecko's "days=30" begins a few minutes short) still counts, within 5 % of the window.
std::optional<double> changeOver(const QList<PricePoint> &points, qint64 windowMs)
{
    if (points.size() < 2) {
        return std::nullopt;
    }
    const qint64 target = points.constLast().tsMs - windowMs;
    auto after = std::upper_bound(points.cbegin(), points.cend(), target,
                                  [](qint64 ts, const PricePoint &p) { return ts < p.tsMs; });
    const PricePoint *base = nullptr;
    if (after != points.cbegin()) {
        base = &*(after - 1);
    } else if (points.constFirst().tsMs - target <= windowMs / 20) {
        base = &points.constFirst();
    }
    if (base == nullptr || base == &points.constLast()) {
        return std::nullopt;
    }
    return (points.constLast().price / base->price - 1.0) * 100.0;
}

QList<DailyMove> dailyMoves(const QList<PricePoint> &points)
{
    // Close of each UTC day = its last price.
    QList<std::pair<qint64, double>> closes;
    for (const PricePoint &p : points) {
        const qint64 day = p.tsMs / DayMs;
        if (!closes.isEmpty() && closes.constLast().first == day) {
            closes.last().second = p.price;
        } else {
            closes.append({day, p.price});
        }
    }
    QList<DailyMove> moves;
    const QDate epoch(1970, 1, 1);
    for (qsizetype i = 1; i < closes.size(); ++i) {
        const double pct = (closes.at(i).second / closes.at(i - 1).second - 1.0) * 100.0;
        moves.append({epoch.addDays(closes.at(i).first), pct});
    }
    return moves;
}

QList<DailyMove> largest(QList<DailyMove> moves, bool gains)
{
    const auto wrongSide = [gains](const DailyMove &m) {
        return gains ? m.changePct <= 0 : m.changePct >= 0;
    };
    moves.erase(std::remove_if(moves.begin(), moves.end(), wrongSide), moves.end());
    // Stable, so equal moves keep their date order and the result is deterministic.
    std::stable_sort(moves.begin(), moves.end(), [gains](const DailyMove &a, const DailyMove &b) {
        return gains ? a.changePct > b.changePct : a.changePct < b.changePct;
    });
    return moves.mid(0, MarketSummary::MaxMovesPerKind);
}

// Roughly a day of bars on each side confirms a swing (3 bars for daily data, capped at 24).
int swingWindow(qint64 intervalMs)
{
    if (intervalMs <= 0) {
        return 3;
    }
    return int(std::clamp<qint64>(DayMs / intervalMs, 3, 24));
}

void fillLevels(SummaryIndicators &ind, const QList<double> &prices, qint64 intervalMs)
{
    const double last = prices.constLast();
    const stats::SwingLevels levels = stats::swingLevels(prices, swingWindow(intervalMs), 20);
    for (const stats::SwingPoint &s : levels.supports) {
        if (s.price < last && (!ind.support || s.price > *ind.support)) {
            ind.support = s.price;
        }
    }
    for (const stats::SwingPoint &r : levels.resistances) {
        if (r.price > last && (!ind.resistance || r.price < *ind.resistance)) {
            ind.resistance = r.price;
        }
    }
}

SummaryIndicators computeIndicators(const QList<double> &prices, qint64 intervalMs)
{
    SummaryIndicators ind;
    ind.rsi14 = lastOf(indicators::rsi(prices, 14));
    const indicators::Macd macd = indicators::macd(prices, 12, 26, 9);
    ind.macd = lastOf(macd.macd);
    ind.macdSignal = lastOf(macd.signal);
    ind.macdHistogram = lastOf(macd.histogram);
    ind.sma20 = lastOf(indicators::sma(prices, 20));
    ind.sma50 = lastOf(indicators::sma(prices, 50));
    ind.ema20 = lastOf(indicators::ema(prices, 20));
    const indicators::Bollinger bands = indicators::bollinger(prices, 20, 2.0);
    ind.bollingerUpper = lastOf(bands.upper);
    ind.bollingerLower = lastOf(bands.lower);
    if (ind.bollingerUpper && ind.bollingerLower && *ind.bollingerUpper > *ind.bollingerLower) {
        ind.bollingerPercentB =
            (prices.constLast() - *ind.bollingerLower) / (*ind.bollingerUpper - *ind.bollingerLower);
    }
    if (intervalMs > 0) {
        ind.volatility =
            finite(stats::realisedVolatility(prices, 365.0 * double(DayMs) / double(intervalMs)));
    }
    ind.maxDrawdown = finite(stats::maxDrawdown(prices).fraction);
    fillLevels(ind, prices, intervalMs);
    ind.trend = stats::trendLabel(prices);
    return ind;
}

QList<SummaryHeadline> recentHeadlines(const QList<NewsItem> &news)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    QList<SummaryHeadline> headlines;
    for (const NewsItem &item : news) {
        QString title = item.title;
        title.replace(whitespace, QStringLiteral(" "));
        title = title.trimmed().left(MarketSummary::MaxHeadlineChars);
        if (!title.isEmpty()) {
            headlines.append({title, item.source.simplified().left(80), item.publishedMs});
        }
    }
    // Newest first; undated items after dated ones, in their original order.
    std::stable_sort(headlines.begin(), headlines.end(),
                     [](const SummaryHeadline &a, const SummaryHeadline &b) {
                         return a.publishedMs.value_or(-1) > b.publishedMs.value_or(-1);
                     });
    return headlines.mid(0, MarketSummary::MaxHeadlines);
}

} // namespace

MarketSummary MarketSummary::build(const QList<PricePoint> &prices, const MarketSnapshot &snapshot,
                                   const QList<NewsItem> &news, const QString &rangeKey)
{
    MarketSummary summary;
    summary.coinId = snapshot.coinId;
    summary.vsCurrency = snapshot.vsCurrency;
    summary.rangeKey = rangeKey;
    summary.marketCap = snapshot.marketCap;
    summary.volume24h = snapshot.volume24h;
    summary.headlines = recentHeadlines(news);

    const QList<PricePoint> points = usablePoints(prices);
    if (points.isEmpty()) {
        summary.lastPrice = snapshot.price;
        summary.asOfMs = snapshot.lastUpdatedMs;
        summary.change24hPct = snapshot.change24hPct;
        return summary;
    }
    QList<double> values;
    values.reserve(points.size());
    for (const PricePoint &p : points) {
        values.append(p.price);
    }

    summary.pointCount = int(points.size());
    summary.firstMs = points.constFirst().tsMs;
    summary.asOfMs = points.constLast().tsMs;
    summary.intervalMs = medianSpacing(points);
    summary.lastPrice = values.constLast();
    summary.change24hPct = changeOver(points, DayMs);
    if (!summary.change24hPct) {
        summary.change24hPct = snapshot.change24hPct;
    }
    summary.change7dPct = changeOver(points, 7 * DayMs);
    summary.change30dPct = changeOver(points, 30 * DayMs);
    summary.indicators = computeIndicators(values, summary.intervalMs);
    const QList<DailyMove> moves = dailyMoves(points);
    summary.largestGains = largest(moves, true);
    summary.largestDrops = largest(moves, false);
    if (snapshot.price > 0.0 && std::isfinite(snapshot.price)) {
        summary.lastPrice = snapshot.price;
        if (snapshot.change24hPct) {
            summary.change24hPct = snapshot.change24hPct;
        }
    }
    return summary;
}

QString MarketSummary::trendKey(stats::Trend trend)
{
    switch (trend) {
    case stats::Trend::StrongUp:
        return QStringLiteral("strong_up");
    case stats::Trend::Up:
        return QStringLiteral("up");
    case stats::Trend::Sideways:
        return QStringLiteral("sideways");
    case stats::Trend::Down:
        return QStringLiteral("down");
    case stats::Trend::StrongDown:
        return QStringLiteral("strong_down");
    }
    return {};
}

std::optional<stats::Trend> MarketSummary::trendFromKey(const QString &key)
{
    for (stats::Trend trend : {stats::Trend::StrongUp, stats::Trend::Up, stats::Trend::Sideways,
                               stats::Trend::Down, stats::Trend::StrongDown}) {
        if (trendKey(trend) == key) {
            return trend;
        }
    }
    return std::nullopt;
}

} // namespace ba
