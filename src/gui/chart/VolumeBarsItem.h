#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QPointF>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace ba::chart {

// The volume histogram in the bottom band of the plot, drawn as plain rectangles in the
// chart's scene, behind the price series. Qt Charts has no cheap bar series on a time axis,
// and an area series shaped like a comb was the slowest thing on screen: its hundreds of
// vertical edges per scan line drive Qt's antialiasing rasteriser into re-running the whole
// outline band after band (about 0.2 s per frame at 1600 px). Rectangles cost microseconds.
//
// Bars are kept in data units (time in ms, volume) and mapped onto the chart's plot area at
// paint time, so they always agree with the series Qt Charts lays out in the same pass.
class VolumeBarsItem : public QGraphicsItem
{
public:
    explicit VolumeBarsItem(QChart *chart);

    void setColor(const QColor &color);
    // outline: four corners per bar, (left, 0) (left, v) (right, v) (right, 0), as volumeBars()
    // makes them, in (time ms, volume); the plot spans [xMin, xMax] in time and [0, yMax] in
    // volume from bottom to top.
    void setBars(const QList<QPointF> &outline, double xMin, double xMax, double yMax);
    void clear();
    bool isEmpty() const { return m_outline.isEmpty(); }
    qsizetype barCount() const { return m_outline.size() / 4; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QList<QPointF> m_outline;
    double m_xMin = 0;
    double m_xMax = 1;
    double m_yMax = 1;
    QColor m_color;
};

} // namespace ba::chart
