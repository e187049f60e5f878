#include "gui/chart/PricePlot.h"

#include "domain/Downsampling.h"
#include "gui/chart/ChartFormat.h"
#include "gui/chart/GridItem.h"
#include "gui/chart/PriceFillItem.h"
#include "gui/chart/VolumeBarsItem.h"

#include <QAreaSeries>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace ba::chart {

namespace {

// The price occupies the top of the plot; volume bars stay in the bottom band.
constexpr double kVolumeBand = 0.18;
constexpr double kPriceFloor = 0.24; // lowest price sits this far above the plot bottom
constexpr double kTopPadding = 0.07;
// Below this the plot area is not laid out yet and its size means nothing.
constexpr double kMinPlotSize = 50;
// More points than pixel columns: the line is a dense envelope that a 1 px stroke shows in
// full detail, and 1 px takes the raster engine's fast line path (a 2 px stroke is outlined
// and filled segment by segment, about half of a pan frame at 1600 px). Sparser lines get
// the bolder 2 px stroke, which costs little with few segments.
constexpr double kDenseLineWidth = 1.0;
constexpr double kSparseLineWidth = 2.0;

void merge(std::optional<std::pair<double, double>> &into,
           const std::optional<std::pair<double, double>> &other)
{
    if (!other) {
        return;
    }
    if (!into) {
        into = other;
        return;
    }
    into->first = std::min(into->first, other->first);
    into->second = std::max(into->second, other->second);
}

QAreaSeries *makeArea(QChart *chart, QLineSeries *upper, QLineSeries *lower, const QString &name)
{
    auto *area = new QAreaSeries(upper, lower);
    area->setName(name);
    area->setObjectName(name);
    chart->addSeries(area);
    // The area does not own its edges; hang them below it so they go away together.
    upper->setParent(area);
    if (lower) {
        lower->setParent(area);
    }
    return area;
}

} // namespace

PricePlot::PricePlot(QChart *chart) : m_chart(chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 6, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);

    m_timeAxis = new QDateTimeAxis;
    m_priceAxis = new QValueAxis;
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_priceAxis, Qt::AlignRight);
    m_priceAxis->setTickType(QValueAxis::TicksDynamic);
    m_priceAxis->setTickAnchor(0);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_priceAxis)}) {
        axis->setLineVisible(false);
        QFont font = axis->labelsFont();
        font.setPointSizeF(std::max(7.0, QFont().pointSizeF() * 0.85));
        axis->setLabelsFont(font);
    }

    m_grid = new GridItem(chart, m_timeAxis, m_priceAxis);
    // Volume bars sit behind every series; series are stacked in the order they are added,
    // overlays in front.
    m_volume = new VolumeBarsItem(chart);
    m_bollUpperEdge = new QLineSeries;
    m_bollLowerEdge = new QLineSeries;
    m_bollBand = makeArea(chart, m_bollUpperEdge, m_bollLowerEdge, QStringLiteral("bollingerBand"));
    m_bollBand->attachAxis(m_timeAxis);
    m_bollBand->attachAxis(m_priceAxis);
    m_bollMiddle = addLine(QStringLiteral("bollingerMiddle"), m_priceAxis);
    m_fill = new PriceFillItem(chart);
    m_line = addLine(QStringLiteral("priceLine"), m_priceAxis);
    m_candles = new QCandlestickSeries;
    m_candles->setObjectName(QStringLiteral("candles"));
    m_candles->setBodyOutlineVisible(false);
    m_candles->setCapsVisible(false);
    m_candles->setBodyWidth(0.7);
    m_candles->setMinimumColumnWidth(1);
    m_candles->setMaximumColumnWidth(28);
    chart->addSeries(m_candles);
    m_candles->attachAxis(m_timeAxis);
    m_candles->attachAxis(m_priceAxis);
    m_sma = addLine(QStringLiteral("sma20"), m_priceAxis);
    m_ema = addLine(QStringLiteral("ema50"), m_priceAxis);
    clear();
}

QLineSeries *PricePlot::addLine(const QString &name, QValueAxis *yAxis)
{
    auto *series = new QLineSeries;
    series->setName(name);
    series->setObjectName(name);
    m_chart->addSeries(series);
    series->attachAxis(m_timeAxis);
    series->attachAxis(yAxis);
    return series;
}

void PricePlot::clear()
{
    const QList<QPointF> none;
    for (QLineSeries *series : {m_line, m_sma, m_ema, m_bollUpperEdge, m_bollLowerEdge, m_bollMiddle}) {
        series->replace(none);
    }
    m_fill->clear();
    m_volume->clear();
    m_candles->clear();
    m_candles->setVisible(false);
}

void PricePlot::render(const ChartData &data, const Request &request)
{
    Request sized = request;
    Drawn drawn = downsample(data, sized);
    // Every axis setter and every re-layout makes Qt Charts recompute the geometry of every
    // series it holds (for a line, a stroke outline of all its points). So the series are
    // emptied, the axes set, the layout settled for the new axis labels, and only then is each
    // series handed its points, once, downsampled for the plot width it really has.
    for (QLineSeries *series : {m_line, m_sma, m_ema, m_bollUpperEdge, m_bollLowerEdge, m_bollMiddle}) {
        series->clear();
    }
    if (m_candles->count() > 0) {
        m_candles->clear();
    }
    updateTimeAxis(sized);
    updatePriceAxis(sized, drawn);
    m_chart->layout()->activate();
    const QSizeF plot = m_chart->plotArea().size();
    if (plot.width() >= kMinPlotSize && static_cast<int>(plot.width()) != sized.plotWidth) {
        sized.plotWidth = static_cast<int>(plot.width());
        sized.plotHeight = static_cast<int>(plot.height());
        drawn = downsample(data, sized); // same extremes, so the axes stay as they are
        updateTimeAxis(sized);           // tick count follows the width
    }
    apply(drawn);
}

PricePlot::Drawn PricePlot::downsample(const ChartData &data, const Request &request) const
{
    Drawn drawn;
    drawn.candleMode = request.mode == ChartMode::Candles && !data.candles().isEmpty();
    if (drawn.candleMode) {
        // A candle needs about four pixels (body, wick, gap) to stay legible.
        drawn.candles =
            visibleCandles(data.candles(), request.xMin, request.xMax, std::max(request.plotWidth / 4, 1));
    } else {
        drawn.line = data.visiblePrices(request.xMin, request.xMax, request.plotWidth);
    }
    const auto overlay = [&](IndicatorLine line, bool on) {
        return on ? downsampling::m4Visible(data.indicator(line), request.plotWidth, request.xMin,
                                            request.xMax)
                  : QList<QPointF>();
    };
    drawn.sma = overlay(IndicatorLine::Sma20, request.sma);
    drawn.ema = overlay(IndicatorLine::Ema50, request.ema);
    drawn.bollingerUpper = overlay(IndicatorLine::BollingerUpper, request.bollinger);
    drawn.bollingerLower = overlay(IndicatorLine::BollingerLower, request.bollinger);
    drawn.bollingerMiddle = overlay(IndicatorLine::BollingerMiddle, request.bollinger);
    drawn.bollinger = request.bollinger;
    // About one bar per three pixels: thin enough to show the rhythm, wide enough to see.
    if (request.volume) {
        drawn.volume = data.volumeBars(request.xMin, request.xMax, std::max(request.plotWidth / 3, 1));
    }
    for (const QPointF &p : std::as_const(drawn.volume)) {
        drawn.volumePeak = std::max(drawn.volumePeak, p.y());
    }
    for (const QList<QPointF> *points :
         {&drawn.line, &drawn.sma, &drawn.ema, &drawn.bollingerUpper, &drawn.bollingerLower}) {
        merge(drawn.extent, yExtent(*points, request.xMin, request.xMax));
    }
    for (const Candle &c : std::as_const(drawn.candles)) {
        const auto t = static_cast<double>(c.tsMs);
        if (t >= request.xMin && t <= request.xMax) {
            merge(drawn.extent, std::pair{c.low, c.high});
        }
    }
    return drawn;
}

void PricePlot::apply(const Drawn &drawn)
{
    if (drawn.candleMode) {
        QList<QCandlestickSet *> sets;
        sets.reserve(drawn.candles.size());
        for (const Candle &c : drawn.candles) {
            sets.append(new QCandlestickSet(c.open, c.high, c.low, c.close, static_cast<qreal>(c.tsMs)));
        }
        m_candles->append(sets);
    } else {
        setLineWidth(drawn.line.size() > m_chart->plotArea().width() ? kDenseLineWidth : kSparseLineWidth);
        m_line->replace(drawn.line); // series are empty here: the pen change costs nothing
    }
    m_candles->setVisible(drawn.candleMode);
    m_line->setVisible(!drawn.candleMode);
    m_fill->setLine(drawn.line, m_timeMin, m_timeMax, m_yMin, m_yMax); // empty with candles
    const auto overlay = [](QLineSeries *series, const QList<QPointF> &points, bool on) {
        series->replace(points);
        series->setVisible(on);
    };
    overlay(m_sma, drawn.sma, !drawn.sma.isEmpty());
    overlay(m_ema, drawn.ema, !drawn.ema.isEmpty());
    overlay(m_bollUpperEdge, drawn.bollingerUpper, drawn.bollinger);
    overlay(m_bollLowerEdge, drawn.bollingerLower, drawn.bollinger);
    overlay(m_bollMiddle, drawn.bollingerMiddle, drawn.bollinger);
    m_bollBand->setVisible(drawn.bollinger);
    m_volume->setBars(drawn.volume, m_timeMin, m_timeMax,
                      drawn.volumePeak > 0 ? drawn.volumePeak / kVolumeBand : 1.0);
}

void PricePlot::setLineWidth(double width)
{
    if (m_linePen.widthF() != width) {
        m_linePen.setWidthF(width);
        m_line->setPen(m_linePen);
    }
}

void PricePlot::updateTimeAxis(const Request &request)
{
    double xMin = request.xMin;
    double xMax = request.xMax;
    if (!(xMax > xMin)) { // a single point: show the half hour around it
        xMin -= 30 * 60 * 1000.0;
        xMax += 30 * 60 * 1000.0;
    }
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(xMin)),
                         QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(xMax)));
    m_timeMin = static_cast<double>(static_cast<qint64>(xMin)); // what the axis holds: whole ms
    m_timeMax = static_cast<double>(static_cast<qint64>(xMax));
    // Every axis setter re-lays out the whole chart: skip the ones that change nothing.
    const QString format = timeAxisFormat(static_cast<qint64>(xMax - xMin));
    if (m_timeAxis->format() != format) {
        m_timeAxis->setFormat(format);
    }
    const int ticks = std::clamp(request.plotWidth / 140 + 1, 2, 9);
    if (m_timeAxis->tickCount() != ticks) {
        m_timeAxis->setTickCount(ticks);
    }
}

void PricePlot::updatePriceAxis(const Request &request, const Drawn &drawn)
{
    const auto [lowest, highest] = drawn.extent.value_or(std::pair{0.0, 1.0});
    double low = lowest;
    double high = highest;
    double span = high - low;
    if (!(span > 0)) {
        span = std::max(std::abs(high) * 0.01, 1e-9);
        low -= span / 2;
        high += span / 2;
    }
    const double top = high + span * kTopPadding;
    // With volume shown, push the lowest price up so it never dips into the bars.
    const bool volumeShown = !drawn.volume.isEmpty();
    double bottom = volumeShown ? (low - kPriceFloor * top) / (1 - kPriceFloor) : low - span * kTopPadding;
    if (low >= 0) {
        // Prices are never negative: rather let the line dip into the volume band than label the
        // axis "-$20,000" (a long history that starts near zero, such as MAX).
        bottom = std::max(bottom, 0.0);
    }
    const TickStep tick = niceTickStep(top - bottom, std::clamp(request.plotHeight / 60, 3, 10));
    const CurrencyAffixes affixes = currencyAffixes(request.currency, m_chart->locale());
    // Range and interval are set one after the other, and Qt Charts lays the axis out in
    // between: pick the order whose intermediate state has fewer ticks (a narrow old step over
    // a wide new range would briefly create thousands of labels).
    const double oldSpan = m_priceAxis->max() - m_priceAxis->min();
    const double oldStep = m_priceAxis->tickInterval();
    if ((top - bottom) / oldStep <= oldSpan / tick.step) {
        m_priceAxis->setRange(bottom, top);
        m_priceAxis->setTickInterval(tick.step);
    } else {
        m_priceAxis->setTickInterval(tick.step);
        m_priceAxis->setRange(bottom, top);
    }
    const QString format = affixes.prefix + QStringLiteral("%.") + QString::number(tick.decimals) +
                           QStringLiteral("f") + affixes.suffix;
    if (m_priceAxis->labelFormat() != format) {
        m_priceAxis->setLabelFormat(format);
    }
    m_yMin = bottom;
    m_yMax = top;
}

void PricePlot::applyTheme(const ChartTheme &theme)
{
    m_theme = theme;
    m_chart->setBackgroundBrush(theme.background);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_priceAxis)}) {
        axis->setLabelsColor(theme.mutedText);
    }
    m_grid->setColor(theme.grid);

    // Qt Charts strokes a solid line segment by segment; square caps close the joints as round
    // ones do, at a third of the cost (round caps are curves the stroker must flatten).
    m_linePen = QPen(theme.price, m_linePen.widthF(), Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin);
    m_line->setPen(m_linePen);
    QColor top = theme.price;
    top.setAlpha(theme.dark ? 90 : 70);
    QColor bottom = theme.price;
    bottom.setAlpha(0);
    m_fill->setColors(top, bottom);

    m_candles->setIncreasingColor(theme.up);
    m_candles->setDecreasingColor(theme.down);
    m_candles->setPen(QPen(theme.mutedText, 1.0));

    m_volume->setColor(theme.volume);
    m_sma->setPen(QPen(theme.sma, 1.5));
    m_ema->setPen(QPen(theme.ema, 1.5));
    QColor band = theme.bollinger;
    band.setAlpha(28);
    m_bollBand->setBrush(band);
    QColor edge = theme.bollinger;
    edge.setAlpha(170);
    m_bollBand->setPen(QPen(edge, 1.0));
    m_bollMiddle->setPen(QPen(edge, 1.0, Qt::DashLine));
}

} // namespace ba::chart
