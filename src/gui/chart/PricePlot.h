#pragma once

#include "gui/chart/ChartData.h"
#include "gui/chart/ChartTheme.h"
#include "gui/chart/ChartTypes.h"

#include <QPen>
#include <QString>
#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QCandlestickSeries;
class QChart;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace ba::chart {

// Owns the series and axes of the price QChart and fills them for one visible time range.
// Every series is refilled with ONE replace() call per render (one append() for candles),
// from data downsampled to the plot's pixel width, so Qt Charts never sees more than about
// four points per pixel column, whatever the size of the history. The fill under the line
// and the volume bars are drawn by PriceFillItem and VolumeBarsItem (see there why not by
// series).
class GridItem;
class PriceFillItem;
class VolumeBarsItem;

class PricePlot
{
public:
    explicit PricePlot(QChart *chart);

    struct Request
    {
        double xMin = 0;
        double xMax = 0;
        int plotWidth = 800;  // pixels
        int plotHeight = 400; // pixels
        ChartMode mode = ChartMode::Line;
        bool volume = true;
        bool sma = false;
        bool ema = false;
        bool bollinger = false;
        QString currency;
    };
    void render(const ChartData &data, const Request &request);
    void clear();
    void applyTheme(const ChartTheme &theme);

    // Lowest and highest price on the price axis after the last render.
    double yMin() const { return m_yMin; }
    double yMax() const { return m_yMax; }

    QLineSeries *priceLine() const { return m_line; }
    QCandlestickSeries *candles() const { return m_candles; }

private:
    // What one render hands to Qt Charts, already reduced to the plot's width.
    struct Drawn
    {
        bool candleMode = false;
        QList<QPointF> line;
        QList<Candle> candles;
        QList<QPointF> sma;
        QList<QPointF> ema;
        QList<QPointF> bollingerUpper;
        QList<QPointF> bollingerLower;
        QList<QPointF> bollingerMiddle;
        bool bollinger = false;
        QList<QPointF> volume; // volumeBars() corners
        double volumePeak = 0;
        std::optional<std::pair<double, double>> extent; // price range of the visible part
    };

    QLineSeries *addLine(const QString &name, QValueAxis *yAxis);
    Drawn downsample(const ChartData &data, const Request &request) const;
    void apply(const Drawn &drawn);
    void setLineWidth(double width);
    void updateTimeAxis(const Request &request);
    void updatePriceAxis(const Request &request, const Drawn &drawn);

    QChart *m_chart;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_priceAxis = nullptr;
    QLineSeries *m_line = nullptr;
    QPen m_linePen{Qt::black, 2.0};
    GridItem *m_grid = nullptr;      // owned by the chart
    PriceFillItem *m_fill = nullptr; // owned by the chart
    QCandlestickSeries *m_candles = nullptr;
    VolumeBarsItem *m_volume = nullptr; // owned by the chart
    QLineSeries *m_sma = nullptr;
    QLineSeries *m_ema = nullptr;
    QLineSeries *m_bollUpperEdge = nullptr;
    QLineSeries *m_bollLowerEdge = nullptr;
    QAreaSeries *m_bollBand = nullptr;
    QLineSeries *m_bollMiddle = nullptr;
    QList<QPointF> m_drawnExtremes; // drawn price-scale points, for the axis range
    double m_yMin = 0;
    double m_yMax = 1;
    double m_timeMin = 0; // the time axis range, as set
    double m_timeMax = 1;
    ChartTheme m_theme;
};

} // namespace ba::chart
