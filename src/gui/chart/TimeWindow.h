#pragma once

#include <QtGlobal>

namespace ba::chart {

// The visible slice [min, max] of the data's time span [first, last] (Unix ms as double), and
// the rules for moving it: zooming keeps the time under the cursor in place, nothing goes past
// the data, and the window never narrows below a minute or a few data points.
class TimeWindow
{
public:
    // New data. The current window survives when `keepView` is set, it was zoomed, and the new
    // span still contains it; otherwise the window shows everything.
    void setBounds(double first, double last, qsizetype pointCount, bool keepView);
    void clear();
    void reset();

    // factor < 1 zooms in around `anchor`; returns whether the window changed.
    bool zoom(double anchor, double factor);
    bool pan(double shift);
    bool select(double from, double to);

    double min() const { return m_min; }
    double max() const { return m_max; }
    double span() const { return m_max - m_min; }
    bool isZoomed() const;

private:
    bool apply(double xMin, double xMax, double anchor);

    double m_first = 0;
    double m_last = 0;
    double m_min = 0;
    double m_max = 0;
    double m_minSpan = 0;
};

} // namespace ba::chart
