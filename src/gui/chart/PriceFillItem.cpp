#include "gui/chart/PriceFillItem.h"

#include <QChart>
#include <QLinearGradient>
#include <QPainter>
#include <QPolygonF>
#include <algorithm>
#include <cmath>
#include <limits>

namespace ba::chart {

namespace {

// Above the volume bars (3.5), below every Qt Charts series (4).
constexpr qreal kUnderLine = 3.6;

// For each whole-pixel column of the plot, the lowest point (largest y) the polyline reaches
// inside it, in plot pixels; NaN where the line does not pass.
QList<double> lowestPerColumn(const QList<QPointF> &pixels, int columns, double left)
{
    QList<double> lowest(columns, std::numeric_limits<double>::quiet_NaN());
    const auto lower = [&](int column, double y) {
        if (column >= 0 && column < columns && !(lowest[column] >= y)) {
            lowest[column] = y;
        }
    };
    if (pixels.size() == 1) {
        lower(static_cast<int>(std::floor(pixels.first().x() - left)), pixels.first().y());
    }
    for (qsizetype i = 1; i < pixels.size(); ++i) {
        const QPointF a = pixels.at(i - 1);
        const QPointF b = pixels.at(i);
        const double from = std::max(a.x() - left, 0.0);
        const double to = std::min(b.x() - left, static_cast<double>(columns));
        if (to < from) {
            continue; // left or right of the plot
        }
        const double slope = b.x() > a.x() ? (b.y() - a.y()) / (b.x() - a.x()) : 0.0;
        const auto yAt = [&](double x) {
            return b.x() > a.x() ? a.y() + (x + left - a.x()) * slope : std::max(a.y(), b.y());
        };
        // The segment is straight: inside a column its lowest point is at one of the column's
        // edges (or the segment's ends).
        for (int column = static_cast<int>(std::floor(from)); column <= static_cast<int>(std::floor(to));
             ++column) {
            const double x0 = std::max(from, static_cast<double>(column));
            const double x1 = std::min(to, static_cast<double>(column + 1));
            lower(column, std::max(yAt(x0), yAt(x1)));
        }
    }
    return lowest;
}

} // namespace

PriceFillItem::PriceFillItem(QChart *chart) : QGraphicsItem(chart), m_chart(chart)
{
    setZValue(kUnderLine);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
}

void PriceFillItem::setColors(const QColor &top, const QColor &bottom)
{
    m_top = top;
    m_bottom = bottom;
    update();
}

void PriceFillItem::setLine(const QList<QPointF> &line, double xMin, double xMax, double yMin, double yMax)
{
    prepareGeometryChange();
    m_line = line;
    m_xMin = xMin;
    m_xMax = xMax > xMin ? xMax : xMin + 1;
    m_yMin = yMin;
    m_yMax = yMax > yMin ? yMax : yMin + 1;
    update();
}

void PriceFillItem::clear()
{
    setLine({}, 0, 1, 0, 1);
}

QRectF PriceFillItem::boundingRect() const
{
    return m_line.isEmpty() ? QRectF() : m_chart->plotArea();
}

void PriceFillItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = m_chart->plotArea();
    const int columns = static_cast<int>(std::ceil(plot.width()));
    if (m_line.isEmpty() || columns <= 0 || plot.height() <= 0) {
        return;
    }
    // The same linear mapping Qt Charts applies to the line series on these axes.
    const double xScale = plot.width() / (m_xMax - m_xMin);
    const double yScale = plot.height() / (m_yMax - m_yMin);
    QList<QPointF> pixels;
    pixels.reserve(m_line.size());
    double highest = plot.bottom();
    for (const QPointF &p : std::as_const(m_line)) {
        pixels.append(
            QPointF(plot.left() + (p.x() - m_xMin) * xScale, plot.bottom() - (p.y() - m_yMin) * yScale));
        highest = std::min(highest, pixels.last().y());
    }
    const QList<double> lowest = lowestPerColumn(pixels, columns, plot.left());
    // One polygon per run of columns the line passes through: down the run's left edge, along
    // the line's lowest point in each column (at the column's centre), down the right edge.
    QList<QPolygonF> runs;
    for (int column = 0; column < columns; ++column) {
        if (std::isnan(lowest.at(column))) {
            continue;
        }
        const double y = std::clamp(lowest.at(column), plot.top(), plot.bottom());
        const double x = plot.left() + column;
        if (column == 0 || std::isnan(lowest.at(column - 1))) {
            runs.append(QPolygonF());
            runs.last().reserve(columns - column + 3);
            runs.last() << QPointF(x, plot.bottom()) << QPointF(x, y);
        }
        runs.last() << QPointF(x + 0.5, y);
        if (column == columns - 1 || std::isnan(lowest.at(column + 1))) {
            runs.last() << QPointF(x + 1, y) << QPointF(x + 1, plot.bottom());
        }
    }
    QLinearGradient gradient(0, std::max(highest, plot.top()), 0, plot.bottom());
    gradient.setColorAt(0, m_top);
    gradient.setColorAt(1, m_bottom);
    painter->save();
    // Unantialiased: the line's stroke covers the top edge, and an antialiased fill of this
    // size was a sixth of a pan frame.
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(gradient);
    for (const QPolygonF &run : std::as_const(runs)) {
        painter->drawPolygon(run);
    }
    painter->restore();
}

} // namespace ba::chart
