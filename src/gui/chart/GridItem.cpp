#include "gui/chart/GridItem.h"

#include "gui/chart/RasterBands.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QList>
#include <QPainter>
#include <QRect>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace ba::chart {

namespace {

// Qt Charts' own grid sits at z 2, above the plot background and below axes and series.
constexpr qreal kGridZ = 2;

} // namespace

GridItem::GridItem(QChart *chart, QDateTimeAxis *timeAxis, QValueAxis *priceAxis)
    : QGraphicsItem(chart), m_chart(chart), m_timeAxis(timeAxis), m_priceAxis(priceAxis)
{
    setZValue(kGridZ);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    m_timeAxis->setGridLineVisible(false);
    m_priceAxis->setGridLineVisible(false);
}

void GridItem::setColor(const QColor &color)
{
    m_color = color;
    update();
}

QRectF GridItem::boundingRect() const
{
    return m_chart->plotArea();
}

void GridItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = m_chart->plotArea();
    if (plot.isEmpty()) {
        return;
    }
    // One-pixel rectangles on whole pixels (see RasterBands.h for the bands).
    const int left = static_cast<int>(std::floor(plot.left()));
    const int right = static_cast<int>(std::ceil(plot.right())) - 1;
    const int top = static_cast<int>(std::floor(plot.top()));
    const int bottom = static_cast<int>(std::ceil(plot.bottom())) - 1;
    const auto column = [&](double x) { return std::clamp(static_cast<int>(std::floor(x)), left, right); };
    const auto row = [&](double y) { return std::clamp(static_cast<int>(std::floor(y)), top, bottom); };
    QList<QRect> rects;
    // Time axis: tickCount ticks spread evenly from edge to edge (QDateTimeAxis' layout).
    const int timeTicks = m_timeAxis->tickCount();
    for (int i = 0; i < timeTicks && timeTicks > 1; ++i) {
        const int x = column(plot.left() + i * plot.width() / (timeTicks - 1));
        appendInBands(rects, QRect(QPoint(x, top), QPoint(x, bottom)));
    }
    // Price axis: dynamic ticks at anchor + k * interval inside [min, max] (QValueAxis' layout).
    const double min = m_priceAxis->min();
    const double max = m_priceAxis->max();
    const double interval = m_priceAxis->tickInterval();
    if (max > min && interval > 0 && (max - min) / interval < 1000) {
        const double anchor = m_priceAxis->tickAnchor();
        const double scale = plot.height() / (max - min);
        for (double value = anchor - std::floor((anchor - min) / interval) * interval; value <= max;
             value += interval) {
            const int y = row(plot.bottom() - (value - min) * scale);
            rects.append(QRect(QPoint(left, y), QPoint(right, y)));
        }
    }
    fillPixelRects(painter, rects, m_color);
}

} // namespace ba::chart
