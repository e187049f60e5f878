#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QPointF>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace ba::chart {

// The shaded area under the price line: a vertical gradient from the line down to the bottom
// of the plot, drawn in the chart's scene just behind the line series.
//
// Not a QAreaSeries: Qt antialiases an area's outline with a rasteriser whose cost grows with
// the outline's length times its vertex count, and the outline of a noisy, downsampled price
// line is long and has thousands of vertices (about 9 ms a frame at 1600 px, the largest
// cost of a pan or zoom). The line's opaque 2 px stroke covers the top edge of the fill
// anyway, so the fill's outline needs only one vertex per plot column, at the lowest point the
// line reaches in that column: same picture, about a fifth of the cost.
//
// Points are kept in data units and mapped onto the plot area at paint time, like
// VolumeBarsItem, so they always agree with the series Qt Charts lays out in the same pass.
class PriceFillItem : public QGraphicsItem
{
public:
    explicit PriceFillItem(QChart *chart);

    // Top and bottom colours of the gradient.
    void setColors(const QColor &top, const QColor &bottom);
    // The drawn (downsampled, time-sorted) line in (time ms, price), and the axis ranges it is
    // plotted against.
    void setLine(const QList<QPointF> &line, double xMin, double xMax, double yMin, double yMax);
    void clear();
    qsizetype pointCount() const { return m_line.size(); }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QList<QPointF> m_line;
    double m_xMin = 0;
    double m_xMax = 1;
    double m_yMin = 0;
    double m_yMax = 1;
    QColor m_top;
    QColor m_bottom;
};

} // namespace ba::chart
