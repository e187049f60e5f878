#pragma once

#include "gui/chart/ChartData.h"
#include "gui/chart/ChartTheme.h"
#include "gui/chart/ChartTypes.h"

#include <QString>

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
// four points per pixel column, whatever the size of the history.
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
    QLineSeries *addLine(const QString &name, QValueAxis *yAxis);
    void renderLine(const ChartData &data, const Request &request);
    void renderCandles(const ChartData &data, const Request &request);
    void renderOverlays(const ChartData &data, const Request &request);
    void renderVolume(const ChartData &data, const Request &request);
    void updateTimeAxis(const Request &request);
    void updatePriceAxis(const Request &request, double low, double high);

    QChart *m_chart;
    QDateTimeAxis *m_timeAxis = nullptr;
    QValueAxis *m_priceAxis = nullptr;
    QValueAxis *m_volumeAxis = nullptr;
    QLineSeries *m_line = nullptr;
    QLineSeries *m_areaEdge = nullptr; // upper edge of the fill, never added to the chart
    QAreaSeries *m_area = nullptr;
    QCandlestickSeries *m_candles = nullptr;
    QLineSeries *m_volumeEdge = nullptr;
    QAreaSeries *m_volume = nullptr;
    QLineSeries *m_sma = nullptr;
    QLineSeries *m_ema = nullptr;
    QLineSeries *m_bollUpperEdge = nullptr;
    QLineSeries *m_bollLowerEdge = nullptr;
    QAreaSeries *m_bollBand = nullptr;
    QLineSeries *m_bollMiddle = nullptr;
    QList<QPointF> m_drawnExtremes; // drawn price-scale points, for the axis range
    double m_yMin = 0;
    double m_yMax = 1;
    ChartTheme m_theme;
};

} // namespace ba::chart
