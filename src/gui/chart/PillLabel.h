#pragma once

#include <QColor>
#include <QLabel>

namespace ba::chart {

// A label on a rounded background: the 24 h change (text in green or red on a faint tint of
// the same colour) and the "Stale" badge (dark text on solid orange).
class PillLabel : public QLabel
{
    Q_OBJECT
public:
    explicit PillLabel(QWidget *parent = nullptr);

    void setColors(const QColor &text, const QColor &fill);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_fill;
};

} // namespace ba::chart
