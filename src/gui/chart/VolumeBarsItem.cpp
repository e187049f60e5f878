#include "gui/chart/VolumeBarsItem.h"

#include "gui/chart/RasterBands.h"

#include <QChart>
#include <QPainter>
#include <algorithm>

namespace ba::chart {

namespace {

// Qt Charts stacks grid (2), axes (3) and series (4 and up) by z value; bars go between the
// grid and the series, where the volume area series used to be.
constexpr qreal kBehindSeries = 3.5;

} // namespace

VolumeBarsItem::VolumeBarsItem(QChart *chart) : QGraphicsItem(chart), m_chart(chart)
{
    setZValue(kBehindSeries);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void VolumeBarsItem::setColor(const QColor &color)
{
    m_color = color;
    update();
}

void VolumeBarsItem::setBars(const QList<QPointF> &outline, double xMin, double xMax, double yMax)
{
    prepareGeometryChange();
    m_outline = outline;
    m_xMin = xMin;
    m_xMax = xMax > xMin ? xMax : xMin + 1;
    m_yMax = yMax > 0 ? yMax : 1;
    update();
}

void VolumeBarsItem::clear()
{
    setBars({}, 0, 1, 1);
}

QRectF VolumeBarsItem::boundingRect() const
{
    // The plot area is the chart's own; the item never paints outside it.
    return m_outline.isEmpty() ? QRectF() : m_chart->plotArea();
}

void VolumeBarsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = m_chart->plotArea();
    if (m_outline.isEmpty() || plot.isEmpty()) {
        return;
    }
    const double xScale = plot.width() / (m_xMax - m_xMin);
    const double yScale = plot.height() / m_yMax;
    const int plotLeft = qRound(plot.left());
    const int plotRight = qRound(plot.right());
    const int bottom = qRound(plot.bottom());
    QList<QRect> rects;
    rects.reserve(3 * barCount());
    for (qsizetype i = 0; i + 3 < m_outline.size(); i += 4) {
        const QPointF &topLeft = m_outline.at(i + 1);
        const QPointF &topRight = m_outline.at(i + 2);
        // Whole pixels, clamped to the plot (a bar on the edge is cut, as Qt Charts clips its
        // series) and at least one pixel wide, so that the bars need no antialiasing.
        const int left = std::max(plotLeft, qRound(plot.left() + (topLeft.x() - m_xMin) * xScale));
        const int right = std::min(plotRight, qRound(plot.left() + (topRight.x() - m_xMin) * xScale));
        const int top = std::max(qRound(plot.top()), qRound(plot.bottom() - topLeft.y() * yScale));
        if (right >= left && top < bottom) {
            appendInBands(rects, QRect(QPoint(left, top), QPoint(std::max(left, right - 1), bottom - 1)));
        }
    }
    fillPixelRects(painter, rects, m_color);
}

} // namespace ba::chart
