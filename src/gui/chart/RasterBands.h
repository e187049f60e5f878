#pragma once

#include <QColor>
#include <QList>
#include <QPainter>
#include <QRect>
#include <algorithm>

namespace ba::chart {

// Qt 6's raster engine hands a fill of more than about 95 spans (pixel rows, for a rectangle)
// to its thread pool and waits for it. For the hundreds of small bars and lines of a chart
// frame that hand-off costs more than the fill: on a busy two-core machine a pan frame spent
// more time in thread switches than in drawing. Rectangles are therefore filled in bands of
// at most kRowsPerBand rows, which Qt fills on the calling thread.
constexpr int kRowsPerBand = 64;

inline void appendInBands(QList<QRect> &rects, const QRect &rect)
{
    for (int top = rect.top(); top <= rect.bottom(); top += kRowsPerBand) {
        rects.append(QRect(QPoint(rect.left(), top),
                           QPoint(rect.right(), std::min(rect.bottom(), top + kRowsPerBand - 1))));
    }
}

// Fills whole-pixel rectangles in one colour, unantialiased (they need none).
inline void fillPixelRects(QPainter *painter, const QList<QRect> &rects, const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawRects(rects.constData(), static_cast<int>(rects.size()));
    painter->restore();
}

} // namespace ba::chart
