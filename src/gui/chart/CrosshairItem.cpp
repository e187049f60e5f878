#include "gui/chart/CrosshairItem.h"

#include <QFontMetricsF>
#include <QPainter>

namespace ba::chart {

namespace {

constexpr qreal kPadding = 8;
constexpr qreal kGap = 14; // between the crosshair and the read-out box

QFont boldened(QFont font)
{
    font.setBold(true);
    return font;
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
    QPen dashed(m_lineColor, 1, Qt::DashLine);
    painter->setPen(dashed);
    painter->drawLine(QPointF(m_point.x(), m_plotArea.top()), QPointF(m_point.x(), m_plotArea.bottom()));
    painter->drawLine(QPointF(m_plotArea.left(), m_point.y()), QPointF(m_plotArea.right(), m_point.y()));

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
