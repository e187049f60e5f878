#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QList>
#include <QString>

class QFontMetricsF;

namespace ba::chart {

// The hover crosshair drawn over the plot: a vertical line at the hovered point's time, a
// horizontal one at its price, a dot on the point, and a read-out box with one coloured
// line per fact (time, price, change, volume). Lives in the chart's scene, above the series.
class CrosshairItem : public QGraphicsItem
{
public:
    struct Line
    {
        QString text;
        QColor color;
        bool bold = false;
    };

    explicit CrosshairItem(QGraphicsItem *parent = nullptr);

    void setPlotArea(const QRectF &plotArea);
    void setColors(const QColor &line, const QColor &background, const QColor &border, const QColor &dot);
    // Shows the crosshair through `point` (chart coordinates) with the given read-out, placed
    // beside the point and near the mouse's height `cursorY`.
    void showAt(const QPointF &point, qreal cursorY, const QList<Line> &lines);
    void hideCrosshair();

    QList<Line> lines() const { return m_lines; }
    QPointF point() const { return m_point; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF readoutRect(const QFontMetricsF &metrics) const;

    QRectF m_plotArea;
    QPointF m_point;
    qreal m_cursorY = 0;
    QList<Line> m_lines;
    QColor m_lineColor;
    QColor m_background;
    QColor m_border;
    QColor m_dot;
};

} // namespace ba::chart
