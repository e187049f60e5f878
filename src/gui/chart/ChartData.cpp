#include "gui/chart/ChartData.h"

#include "domain/Downsampling.h"
#include "domain/Indicators.h"

#include <algorithm>
#include <cmath>

namespace ba::chart {

namespace {

// Index of the element closest to x in a list sorted by time; `timeOf` reads the time.
template <typename T, typename TimeOf> qsizetype nearestIndex(const QList<T> &items, double x, TimeOf timeOf)
{
    if (items.isEmpty()) {
        return -1;
    }
    const auto after = std::lower_bound(items.cbegin(), items.cend(), x,
                                        [&](const T &item, double v) { return timeOf(item) < v; });
    qsizetype index = after - items.cbegin();
    if (index == items.size()) {
        return index - 1;
    }
    if (index > 0 && x - timeOf(items.at(index - 1)) <= timeOf(items.at(index)) - x) {
        --index;
    }
    return index;
}

// Bars of 70 % of the average slot around each peak, so neighbours keep a visible gap.
QList<QPointF> barsAround(const QList<QPointF> &peaks, double xMin, double xMax)
{
    QList<QPointF> outline;
    if (peaks.isEmpty()) {
        return outline;
    }
    const double slot = (xMax - xMin) / static_cast<double>(peaks.size());
    const double half = 0.35 * slot;
    outline.reserve(peaks.size() * 4);
    for (const QPointF &p : peaks) {
        outline.append(QPointF(p.x() - half, 0));
        outline.append(QPointF(p.x() - half, p.y()));
        outline.append(QPointF(p.x() + half, p.y()));
        outline.append(QPointF(p.x() + half, 0));
    }
    return outline;
}

QList<QPointF> alignedPoints(const QList<QPointF> &prices, const indicators::Series &values)
{
    QList<QPointF> out;
    out.reserve(values.size());
    for (qsizetype i = 0; i < values.size() && i < prices.size(); ++i) {
        if (std::isfinite(values.at(i))) {
            out.append(QPointF(prices.at(i).x(), values.at(i)));
        }
    }
    return out;
}

} // namespace

void ChartData::set(const QList<PricePoint> &prices, const QList<Candle> &candles)
{
    clear();
    // Written through raw pointers into lists sized once: a million appends with their
    // capacity checks cost several times the conversion itself.
    m_prices.resize(prices.size());
    m_volumes.resize(prices.size());
    QPointF *price = m_prices.data();
    QPointF *volume = m_volumes.data();
    for (const PricePoint &p : prices) {
        if (!std::isfinite(p.price)) {
            continue; // the downsampler and the axes need finite values
        }
        const auto time = static_cast<double>(p.tsMs);
        *price++ = QPointF(time, p.price);
        if (p.volume && std::isfinite(*p.volume)) {
            *volume++ = QPointF(time, *p.volume);
        }
    }
    m_prices.resize(price - m_prices.constData());
    m_volumes.resize(volume - m_volumes.constData());
    auto byX = [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); };
    if (!std::is_sorted(m_prices.cbegin(), m_prices.cend(), byX)) {
        std::stable_sort(m_prices.begin(), m_prices.end(), byX);
        std::stable_sort(m_volumes.begin(), m_volumes.end(), byX);
    }
    m_candles = candles;
    std::stable_sort(m_candles.begin(), m_candles.end(),
                     [](const Candle &a, const Candle &b) { return a.tsMs < b.tsMs; });
    if (m_prices.isEmpty()) {
        for (const Candle &c : std::as_const(m_candles)) {
            m_prices.append(QPointF(static_cast<double>(c.tsMs), c.close));
        }
    }
    if (!m_prices.isEmpty()) {
        m_firstTime = m_prices.first().x();
        m_lastTime = m_prices.last().x();
    }
    m_priceIndex.build(m_prices);
    m_volumeIndex.build(m_volumes);
    if (!m_candles.isEmpty()) {
        const double first = static_cast<double>(m_candles.first().tsMs);
        const double last = static_cast<double>(m_candles.last().tsMs);
        m_firstTime = m_prices.isEmpty() ? first : std::min(m_firstTime, first);
        m_lastTime = m_prices.isEmpty() ? last : std::max(m_lastTime, last);
    }
}

void ChartData::clear()
{
    m_prices.clear();
    m_volumes.clear();
    m_candles.clear();
    m_firstTime = m_lastTime = 0;
    m_indicators.fill(std::nullopt);
    m_priceIndex.clear();
    m_volumeIndex.clear();
}

std::optional<double> ChartData::startPrice() const
{
    if (m_prices.isEmpty()) {
        return std::nullopt;
    }
    return m_prices.first().y();
}

qsizetype ChartData::nearestPrice(double x) const
{
    return nearestIndex(m_prices, x, [](const QPointF &p) { return p.x(); });
}

qsizetype ChartData::nearestCandle(double x) const
{
    return nearestIndex(m_candles, x, [](const Candle &c) { return static_cast<double>(c.tsMs); });
}

std::optional<double> ChartData::volumeAt(double x) const
{
    const qsizetype i = nearestIndex(m_volumes, x, [](const QPointF &p) { return p.x(); });
    if (i < 0 || m_volumes.at(i).x() != x) {
        return std::nullopt;
    }
    return m_volumes.at(i).y();
}

QList<QPointF> ChartData::visiblePrices(double xMin, double xMax, int pixelWidth) const
{
    return m_priceIndex.m4Visible(m_prices, pixelWidth, xMin, xMax);
}

QList<QPointF> ChartData::volumeBars(double xMin, double xMax, int maxBars) const
{
    return barsAround(m_volumeIndex.maxPerBucket(m_volumes, std::max(maxBars, 1), xMin, xMax), xMin, xMax);
}

const QList<QPointF> &ChartData::indicator(IndicatorLine line) const
{
    auto &slot = m_indicators.at(static_cast<std::size_t>(line));
    if (slot) {
        return *slot;
    }
    QList<double> closes;
    closes.reserve(m_prices.size());
    for (const QPointF &p : m_prices) {
        closes.append(p.y());
    }
    switch (line) {
    case IndicatorLine::Sma20:
        slot = alignedPoints(m_prices, indicators::sma(closes, 20));
        break;
    case IndicatorLine::Ema50:
        slot = alignedPoints(m_prices, indicators::ema(closes, 50));
        break;
    case IndicatorLine::BollingerUpper:
    case IndicatorLine::BollingerMiddle:
    case IndicatorLine::BollingerLower: {
        // One pass fills all three bands.
        const indicators::Bollinger bands = indicators::bollinger(closes, 20, 2.0);
        m_indicators[static_cast<std::size_t>(IndicatorLine::BollingerUpper)] =
            alignedPoints(m_prices, bands.upper);
        m_indicators[static_cast<std::size_t>(IndicatorLine::BollingerMiddle)] =
            alignedPoints(m_prices, bands.middle);
        m_indicators[static_cast<std::size_t>(IndicatorLine::BollingerLower)] =
            alignedPoints(m_prices, bands.lower);
        break;
    }
    }
    return *slot;
}

QList<Candle> visibleCandles(std::span<const Candle> candles, double xMin, double xMax, int maxCount)
{
    auto begin = std::partition_point(candles.begin(), candles.end(),
                                      [xMin](const Candle &c) { return static_cast<double>(c.tsMs) < xMin; });
    auto end = std::partition_point(begin, candles.end(),
                                    [xMax](const Candle &c) { return static_cast<double>(c.tsMs) <= xMax; });
    // A neighbour beyond each edge, so that a candle half inside the plot is still drawn.
    begin = begin == candles.begin() ? begin : begin - 1;
    end = end == candles.end() ? end : end + 1;
    const auto count = static_cast<qsizetype>(end - begin);
    const qsizetype run = std::max<qsizetype>(1, (count + maxCount - 1) / std::max(maxCount, 1));
    QList<Candle> out;
    out.reserve(count / run + 1);
    for (auto it = begin; it < end; it += std::min<qsizetype>(run, end - it)) {
        const auto last = it + std::min<qsizetype>(run, end - it) - 1;
        Candle merged = *it;
        merged.tsMs = last->tsMs;
        merged.close = last->close;
        for (auto c = it + 1; c <= last; ++c) {
            merged.high = std::max(merged.high, c->high);
            merged.low = std::min(merged.low, c->low);
        }
        out.append(merged);
    }
    return out;
}

QList<QPointF> volumeBars(std::span<const QPointF> volumes, double xMin, double xMax, int maxBars)
{
    return barsAround(downsampling::maxPerBucket(volumes, std::max(maxBars, 1), xMin, xMax), xMin, xMax);
}

std::optional<std::pair<double, double>> yExtent(std::span<const QPointF> points, double xMin, double xMax)
{
    std::optional<std::pair<double, double>> inside;
    std::optional<std::pair<double, double>> all;
    auto grow = [](std::optional<std::pair<double, double>> &extent, double y) {
        if (!extent) {
            extent = std::pair{y, y};
        } else {
            extent->first = std::min(extent->first, y);
            extent->second = std::max(extent->second, y);
        }
    };
    for (const QPointF &p : points) {
        grow(all, p.y());
        if (p.x() >= xMin && p.x() <= xMax) {
            grow(inside, p.y());
        }
    }
    return inside ? inside : all;
}

} // namespace ba::chart
