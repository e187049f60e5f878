#pragma once

#include <QList>
#include <QString>
#include <optional>
#include <span>

// Summary statistics over a price series (oldest first), for the analysis
// report and the chart overlays. Pure functions, no state.
namespace ba::stats {

// Annualised realised volatility: sample standard deviation of the log returns
// times sqrt(periodsPerYear) (365 for daily crypto closes, 365 * 24 for hourly).
// Pairs with a non-positive or non-finite price are skipped. NaN when fewer than
// two returns remain; 0 for a constant series.
double realisedVolatility(std::span<const double> prices, double periodsPerYear);

struct Drawdown
{
    double fraction = 0.0;    // largest peak-to-trough fall, 0.25 = 25 %; 0 when none
    qsizetype peakIndex = -1; // -1 when the series never falls
    qsizetype troughIndex = -1;
};
// Largest fall from a running high to a later low.
Drawdown maxDrawdown(std::span<const double> prices);

struct SwingPoint
{
    qsizetype index = -1;
    double price = 0.0;
};
struct SwingLevels
{
    QList<SwingPoint> resistances; // swing highs, newest first
    QList<SwingPoint> supports;    // swing lows, newest first
};
// A swing high is a price strictly above the `window` prices before it and not
// below the `window` prices after it (the first bar of a flat top counts once);
// swing lows mirror that. The last `window` bars cannot be confirmed yet and are
// never reported. At most maxPerKind of each kind; window < 1 gives none.
SwingLevels swingLevels(std::span<const double> prices, int window, int maxPerKind = 5);

enum class Trend
{
    StrongUp,
    Up,
    Sideways,
    Down,
    StrongDown,
};

struct TrendRule
{
    int fastPeriod = 20;
    int slowPeriod = 50;
    int slopeLookback = 5; // bars over which the fast SMA's slope is measured
    double band = 0.005;   // |relative difference| at or below this counts as level
    double slopeBand = 0.002;
};

// The rule, three votes of +1 / 0 / -1:
//   price vs SMA(fast), SMA(fast) vs SMA(slow), and the slope of SMA(fast)
//   over slopeLookback bars, each as a relative difference; within ±band
//   (±slopeBand for the slope) the vote is 0.
// Sum +3 = StrongUp, +1..+2 = Up, 0 = Sideways, -1..-2 = Down, -3 = StrongDown.
// nullopt when there are fewer than slowPeriod and fastPeriod + slopeLookback
// prices, or the relevant averages are not finite.
std::optional<Trend> trendLabel(std::span<const double> prices, const TrendRule &rule = {});

// Translated, short label for the report and the chart legend.
QString trendName(Trend trend);

} // namespace ba::stats
