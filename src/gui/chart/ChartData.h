#pragma once

#include "domain/MarketTypes.h"
#include "gui/chart/ExtremaIndex.h"

#include <QList>
#include <QPointF>
#include <array>
#include <optional>
#include <span>

// The full, not downsampled, data behind the price chart, in the x = Unix ms (as double),
// y = value form that Qt Charts and the downsampler use. Indicators are computed once per
// data set, on first use, over the whole series.
namespace ba::chart {

enum class IndicatorLine
{
    Sma20,
    Ema50,
    BollingerUpper,
    BollingerMiddle,
    BollingerLower
};

class ChartData
{
public:
    // Points are sorted by time here so that callers may hand them over in any order.
    void set(const QList<PricePoint> &prices, const QList<Candle> &candles);
    void clear();

    bool isEmpty() const { return m_prices.isEmpty() && m_candles.isEmpty(); }
    // The price line; candle closes when only candles were given.
    const QList<QPointF> &prices() const { return m_prices; }
    const QList<QPointF> &volumes() const { return m_volumes; }
    const QList<Candle> &candles() const { return m_candles; }

    // First and last timestamp over prices and candles; {0, 0} when empty.
    double firstTime() const { return m_firstTime; }
    double lastTime() const { return m_lastTime; }
    // The price at the start of the range, base of the read-out's change.
    std::optional<double> startPrice() const;

    // Index of the point (candle) closest in time to x; -1 when there is none.
    qsizetype nearestPrice(double x) const;
    qsizetype nearestCandle(double x) const;
    // Volume at exactly the price point's time, if the source gave one.
    std::optional<double> volumeAt(double x) const;

    // The price line for a plot of pixelWidth columns over [xMin, xMax]: exactly
    // downsampling::m4Visible(prices(), ...), found through an index built once per data set.
    QList<QPointF> visiblePrices(double xMin, double xMax, int pixelWidth) const;
    // volumeBars(volumes(), ...) through the same kind of index.
    QList<QPointF> volumeBars(double xMin, double xMax, int maxBars) const;

    // SMA(20), EMA(50) and Bollinger(20, 2) of the price line, warm-up points left out.
    const QList<QPointF> &indicator(IndicatorLine line) const;

private:
    QList<QPointF> m_prices;
    QList<QPointF> m_volumes;
    QList<Candle> m_candles;
    double m_firstTime = 0;
    double m_lastTime = 0;
    mutable std::array<std::optional<QList<QPointF>>, 5> m_indicators;
    ExtremaIndex m_priceIndex;
    ExtremaIndex m_volumeIndex;
};

// Candles to draw for [xMin, xMax]: the visible ones plus one neighbour on each side, merged
// in runs (open of the first, close of the last, extreme high and low) so that no more than
// maxCount remain.
QList<Candle> visibleCandles(std::span<const Candle> candles, double xMin, double xMax, int maxCount);

// A volume histogram as four corners per bar, (left, 0) (left, v) (right, v) (right, 0): for
// each of at most `maxBars` buckets of [xMin, xMax] the largest volume, as a bar centred on
// its time (VolumeBarsItem draws them).
QList<QPointF> volumeBars(std::span<const QPointF> volumes, double xMin, double xMax, int maxBars);

// Lowest and highest y of the points with x in [xMin, xMax]; of all points when none is.
std::optional<std::pair<double, double>> yExtent(std::span<const QPointF> points, double xMin, double xMax);

} // namespace ba::chart
