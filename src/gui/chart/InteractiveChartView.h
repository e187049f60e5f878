#pragma once

#include <QChartView>
#include <QPointer>

class QRubberBand;

namespace ba::chart {

// A QChartView that turns the mouse into requests, in viewport pixels, and leaves the
// arithmetic (pixels to time, clamping) to its owner:
//   move -> hovered; wheel -> zoomRequested around the cursor; drag -> panRequested;
//   Shift+drag -> spanSelected (rubber band); double-click -> resetRequested.
class InteractiveChartView : public QChartView
{
    Q_OBJECT
public:
    explicit InteractiveChartView(QChart *chart, QWidget *parent = nullptr);

    // The plot area in viewport coordinates.
    QRectF plotAreaInView() const;

Q_SIGNALS:
    void hovered(const QPointF &viewPos);
    void hoverLeft();
    // factor < 1 zooms in, > 1 zooms out, keeping the time under viewX in place.
    void zoomRequested(qreal viewX, qreal factor);
    void panRequested(qreal dxPixels);
    void spanSelected(qreal fromViewX, qreal toViewX);
    void resetRequested();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    enum class Drag
    {
        None,
        Pan,
        Select
    };

    void updateRubberBand(qreal x);

    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_lastPos;
    QPointer<QRubberBand> m_band;
};

} // namespace ba::chart
