#pragma once

#include <QColor>
#include <QGraphicsItem>

QT_BEGIN_NAMESPACE
class QChart;
class QDateTimeAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace ba::chart {

// The plot's grid: a vertical line at each tick of the time axis and a horizontal one at each
// tick of the price axis, at the positions where Qt Charts puts the axes' labels.
//
// Qt Charts draws its own grid lines antialiased, one stroke per line, which cost about
// 0.5 ms per 1,600 px line: a tenth of a pan or zoom frame for a dozen plain lines. These
// axis-parallel lines need no antialiasing, so this item fills them as one-pixel rectangles.
// The axes' own grid lines are switched off.
class GridItem : public QGraphicsItem
{
public:
    GridItem(QChart *chart, QDateTimeAxis *timeAxis, QValueAxis *priceAxis);

    void setColor(const QColor &color);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QChart *m_chart;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_priceAxis;
    QColor m_color;
};

} // namespace ba::chart
