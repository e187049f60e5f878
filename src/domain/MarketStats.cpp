#include "domain/MarketStats.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ba::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool usablePrice(double p)
{
    return std::isfinite(p) && p > 0.0;
}

// Mean of the `count` values ending at index `last` (inclusive).
double meanEndingAt(std::span<const double> values, qsizetype last, int count)
{
    double sum = 0.0;
    for (qsizetype i = last - count + 1; i <= last; ++i) {
        sum += values[i];
    }
    return sum / count;
}

int vote(double relative, double band)
{
    if (relative > band) {
        return 1;
    }
    return relative < -band ? -1 : 0;
}

} // namespace

double realisedVolatility(std::span<const double> prices, double periodsPerYear)
{
    // Welford's running mean/variance: one pass, no cancellation.
    qsizetype count = 0;
    double mean = 0.0;
    double m2 = 0.0;
    for (std::size_t i = 1; i < prices.size(); ++i) {
        if (!usablePrice(prices[i - 1]) || !usablePrice(prices[i])) {
            continue;
        }
        const double r = std::log(prices[i] / prices[i - 1]);
        ++count;
        const double delta = r - mean;
        mean += delta / count;
        m2 += delta * (r - mean);
    }
    if (count < 2 || !(periodsPerYear > 0.0)) {
        return kNaN;
    }
    const double sampleVariance = m2 / (count - 1);
    return std::sqrt(sampleVariance * periodsPerYear);
}

Drawdown maxDrawdown(std::span<const double> prices)
{
    Drawdown worst;
    qsizetype peak = -1;
    for (std::size_t i = 0; i < prices.size(); ++i) {
        const double p = prices[i];
        if (!usablePrice(p)) {
            continue;
        }
        const auto index = static_cast<qsizetype>(i);
        if (peak < 0 || p > prices[peak]) {
            peak = index;
            continue;
        }
        const double fall = (prices[peak] - p) / prices[peak];
        if (fall > worst.fraction) {
            worst = {fall, peak, index};
        }
    }
    return worst;
}

SwingLevels swingLevels(std::span<const double> prices, int window, int maxPerKind)
{
    SwingLevels levels;
    const auto n = static_cast<qsizetype>(prices.size());
    if (window < 1 || maxPerKind < 1) {
        return levels;
    }
    // Walk backwards so that the newest confirmed swings come first and the
    // walk can stop as soon as both lists are full.
    for (qsizetype i = n - 1 - window; i >= window; --i) {
        const double p = prices[i];
        bool high = std::isfinite(p);
        bool low = high;
        for (qsizetype j = i - window; j <= i + window && (high || low); ++j) {
            if (j == i) {
                continue;
            }
            // Strict on the left, non-strict on the right: a flat top of equal
            // bars yields its first bar only.
            high = high && (j < i ? prices[j] < p : prices[j] <= p);
            low = low && (j < i ? prices[j] > p : prices[j] >= p);
        }
        if (high && levels.resistances.size() < maxPerKind) {
            levels.resistances.append({i, p});
        }
        if (low && levels.supports.size() < maxPerKind) {
            levels.supports.append({i, p});
        }
        if (levels.resistances.size() >= maxPerKind && levels.supports.size() >= maxPerKind) {
            break;
        }
    }
    return levels;
}

std::optional<Trend> trendLabel(std::span<const double> prices, const TrendRule &rule)
{
    const auto n = static_cast<qsizetype>(prices.size());
    if (rule.fastPeriod < 1 || rule.slowPeriod < 1 || rule.slopeLookback < 1 ||
        n < std::max<qsizetype>(rule.slowPeriod, rule.fastPeriod + rule.slopeLookback)) {
        return std::nullopt;
    }
    const double price = prices[n - 1];
    const double fastNow = meanEndingAt(prices, n - 1, rule.fastPeriod);
    const double fastThen = meanEndingAt(prices, n - 1 - rule.slopeLookback, rule.fastPeriod);
    const double slow = meanEndingAt(prices, n - 1, rule.slowPeriod);

    const double priceVsFast = (price - fastNow) / fastNow;
    const double fastVsSlow = (fastNow - slow) / slow;
    const double slope = (fastNow - fastThen) / fastThen;
    if (!std::isfinite(priceVsFast) || !std::isfinite(fastVsSlow) || !std::isfinite(slope)) {
        return std::nullopt;
    }
    const int score =
        vote(priceVsFast, rule.band) + vote(fastVsSlow, rule.band) + vote(slope, rule.slopeBand);
    switch (score) {
    case 3:
        return Trend::StrongUp;
    case 1:
    case 2:
        return Trend::Up;
    case 0:
        return Trend::Sideways;
    case -1:
    case -2:
        return Trend::Down;
    default:
        return Trend::StrongDown;
    }
}

QString trendName(Trend trend)
{
    switch (trend) {
    case Trend::StrongUp:
        return QCoreApplication::translate("ba::stats", "Strong uptrend");
    case Trend::Up:
        return QCoreApplication::translate("ba::stats", "Uptrend");
    case Trend::Sideways:
        return QCoreApplication::translate("ba::stats", "Sideways");
    case Trend::Down:
        return QCoreApplication::translate("ba::stats", "Downtrend");
    case Trend::StrongDown:
        return QCoreApplication::translate("ba::stats", "Strong downtrend");
    }
    return {};
}

} // namespace ba::stats
