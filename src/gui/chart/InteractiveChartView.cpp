#include "gui/chart/InteractiveChartView.h"

#include <QMouseEvent>
#include <QRubberBand>
#include <QWheelEvent>
#include <cmath>

namespace ba::chart {

InteractiveChartView::InteractiveChartView(QChart *chart, QWidget *parent) : QChartView(chart, parent)
{
    setRenderHint(QPainter::Antialiasing, true);
    setRubberBand(QChartView::NoRubberBand); // our own, horizontal, on Shift+drag
    setFrameShape(QFrame::NoFrame);
    // Every re-render changes nearly the whole plot. Qt's default (minimal updates) collects
    // the changed items' rectangles into a many-rectangle clip region, and antialiased fills
    // clipped to such a region cost several times the same fill clipped to one rectangle.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setDragMode(QGraphicsView::NoDrag);
    // Hover read-out needs move events without a pressed button.
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    viewport()->setCursor(Qt::CrossCursor);
}

QRectF InteractiveChartView::plotAreaInView() const
{
    if (!chart()) {
        return {};
    }
    const QRectF inScene = chart()->mapRectToScene(chart()->plotArea());
    return mapFromScene(inScene).boundingRect();
}

void InteractiveChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !plotAreaInView().contains(event->position())) {
        QChartView::mousePressEvent(event);
        return;
    }
    m_pressPos = m_lastPos = event->position();
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Select;
        if (!m_band) {
            m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
        }
        updateRubberBand(m_pressPos.x());
        m_band->show();
    } else {
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    event->accept();
}

void InteractiveChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    switch (m_drag) {
    case Drag::Pan:
        Q_EMIT panRequested(pos.x() - m_lastPos.x());
        break;
    case Drag::Select:
        updateRubberBand(pos.x());
        break;
    case Drag::None:
        break;
    }
    m_lastPos = pos;
    if (plotAreaInView().contains(pos)) {
        Q_EMIT hovered(pos);
    } else {
        Q_EMIT hoverLeft();
    }
    event->accept();
}

void InteractiveChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None) {
        QChartView::mouseReleaseEvent(event);
        return;
    }
    if (m_drag == Drag::Select) {
        if (m_band) {
            m_band->hide();
        }
        // A few pixels are a click, not a selection.
        if (std::abs(event->position().x() - m_pressPos.x()) >= 4) {
            Q_EMIT spanSelected(m_pressPos.x(), event->position().x());
        }
    }
    m_drag = Drag::None;
    viewport()->setCursor(Qt::CrossCursor);
    event->accept();
}

void InteractiveChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        Q_EMIT resetRequested();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void InteractiveChartView::wheelEvent(QWheelEvent *event)
{
    const QPoint steps = event->angleDelta();
    if (steps.y() == 0) {
        event->ignore();
        return;
    }
    // 120 units = one notch = 15 % closer; touchpads send smaller deltas more often.
    const qreal factor = std::pow(0.85, steps.y() / 120.0);
    Q_EMIT zoomRequested(event->position().x(), factor);
    event->accept();
}

void InteractiveChartView::leaveEvent(QEvent *event)
{
    if (m_drag == Drag::None) {
        Q_EMIT hoverLeft();
    }
    QChartView::leaveEvent(event);
}

void InteractiveChartView::updateRubberBand(qreal x)
{
    const QRectF plot = plotAreaInView();
    const qreal left = std::clamp(std::min(x, m_pressPos.x()), plot.left(), plot.right());
    const qreal right = std::clamp(std::max(x, m_pressPos.x()), plot.left(), plot.right());
    m_band->setGeometry(QRectF(left, plot.top(), right - left, plot.height()).toRect());
}

} // namespace ba::chart
