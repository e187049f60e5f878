#include "gui/chart/PillLabel.h"

#include <QPainter>

namespace ba::chart {

PillLabel::PillLabel(QWidget *parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignCenter);
    setContentsMargins(9, 2, 9, 2);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void PillLabel::setColors(const QColor &text, const QColor &fill)
{
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText, text);
    setPalette(pal);
    m_fill = fill;
    update();
}

void PillLabel::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(m_fill);
        const QRectF box = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        painter.drawRoundedRect(box, box.height() / 2, box.height() / 2);
    }
    QLabel::paintEvent(event);
}

} // namespace ba::chart
