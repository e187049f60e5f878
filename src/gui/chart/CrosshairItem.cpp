#include "gui/chart/CrosshairItem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRect>
#include <algorithm>
#include <cmath>

namespace ba::chart {

namespace {

constexpr qreal kPadding = 8;
constexpr qreal kGap = 14; // between the crosshair and the read-out box

QFont boldened(QFont font)
{
    font.setBold(true);
    return font;
}

// The two dashed lines through `point` (Qt::DashLine's 4 px on, 2 px off) as one-pixel
// rectangles. A dashed pen draws the same, but Qt hands such a line's hundreds of spans to
// its thread pool on every mouse move (see RasterBands.h); single dashes it fills directly.
QList<QRect> dashRects(const QRectF &plot, const QPointF &point)
{
    constexpr int kDash = 4;
    constexpr int kPeriod = 6;
    const int x = static_cast<int>(std::floor(point.x()));
    const int y = static_cast<int>(std::floor(point.y()));
    const int left = static_cast<int>(std::floor(plot.left()));
    const int right = static_cast<int>(std::ceil(plot.right()));
    const int top = static_cast<int>(std::floor(plot.top()));
    const int bottom = static_cast<int>(std::ceil(plot.bottom()));
    QList<QRect> dashes;
    dashes.reserve((right - left + bottom - top) / kPeriod + 2);
    for (int from = top; from < bottom; from += kPeriod) {
        dashes.append(QRect(x, from, 1, std::min(kDash, bottom - from)));
    }
    for (int from = left; from < right; from += kPeriod) {
        dashes.append(QRect(from, y, std::min(kDash, right - from), 1));
    }
    return dashes;
}

} // namespace

CrosshairItem::CrosshairItem(QGraphicsItem *parent) : QGraphicsItem(parent)
{
    // Above every series and axis item that Qt Charts creates.
    setZValue(1000);
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setVisible(false);
}

void CrosshairItem::setPlotArea(const QRectF &plotArea)
{
    if (plotArea != m_plotArea) {
        prepareGeometryChange();
        m_plotArea = plotArea;
    }
}

void CrosshairItem::setColors(const QColor &line, const QColor &background, const QColor &border,
                              const QColor &dot)
{
    m_lineColor = line;
    m_background = background;
    m_border = border;
    m_dot = dot;
    update();
}

void CrosshairItem::showAt(const QPointF &point, qreal cursorY, const QList<Line> &lines)
{
    m_point = point;
    m_cursorY = cursorY;
    m_lines = lines;
    setVisible(true);
    update();
}

void CrosshairItem::hideCrosshair()
{
    m_lines.clear();
    setVisible(false);
}

QRectF CrosshairItem::boundingRect() const
{
    return m_plotArea.adjusted(-4, -4, 4, 4);
}

QRectF CrosshairItem::readoutRect(const QFontMetricsF &metrics) const
{
    qreal width = 0;
    const QFontMetricsF bold(boldened(QFont()));
    for (const Line &line : m_lines) {
        width = std::max(width, (line.bold ? bold : metrics).horizontalAdvance(line.text));
    }
    const qreal height = metrics.lineSpacing() * m_lines.size();
    QRectF box(0, 0, width + 2 * kPadding, height + 2 * kPadding);
    // Right of the crosshair (left near the right edge), below the mouse (above near the
    // bottom), so that it follows the eye without hiding the point itself.
    qreal x = m_point.x() + kGap;
    if (x + box.width() > m_plotArea.right() - 2) {
        x = m_point.x() - kGap - box.width();
    }
    qreal y = m_cursorY + kGap;
    if (y + box.height() > m_plotArea.bottom() - 2) {
        y = m_cursorY - kGap - box.height();
    }
    box.moveTo(std::max(x, m_plotArea.left() + 2), std::max(y, m_plotArea.top() + 2));
    return box;
}

void CrosshairItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_plotArea.isEmpty() || !m_plotArea.contains(m_point)) {
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_lineColor);
    const QList<QRect> dashes = dashRects(m_plotArea, m_point);
    painter->drawRects(dashes.constData(), static_cast<int>(dashes.size()));

    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(m_background, 2));
    painter->setBrush(m_dot);
    painter->drawEllipse(m_point, 4.5, 4.5);

    if (!m_lines.isEmpty()) {
        const QFont regular;
        const QFontMetricsF metrics(regular);
        const QRectF box = readoutRect(metrics);
        painter->setPen(QPen(m_border, 1));
        painter->setBrush(m_background);
        painter->drawRoundedRect(box, 6, 6);
        qreal baseline = box.top() + kPadding + metrics.ascent();
        for (const Line &line : std::as_const(m_lines)) {
            painter->setFont(line.bold ? boldened(regular) : regular);
            painter->setPen(line.color);
            painter->drawText(QPointF(box.left() + kPadding, baseline), line.text);
            baseline += metrics.lineSpacing();
        }
    }
    painter->restore();
}

} // namespace ba::chart
