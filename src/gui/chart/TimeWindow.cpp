#include "gui/chart/TimeWindow.h"

#include <algorithm>

namespace ba::chart {

namespace {

constexpr double kMinuteMs = 60 * 1000.0;
constexpr double kMinPoints = 4; // a zoomed window still shows a short trend, not one segment

} // namespace

void TimeWindow::setBounds(double first, double last, qsizetype pointCount, bool keepView)
{
    const bool keep = keepView && isZoomed() && m_min >= first && m_max <= last;
    m_first = first;
    m_last = last;
    const double full = last - first;
    const double spacing = full / static_cast<double>(std::max<qsizetype>(pointCount - 1, 1));
    m_minSpan = std::min(full, std::max(kMinuteMs, kMinPoints * spacing));
    if (!keep) {
        reset();
    }
}

void TimeWindow::clear()
{
    *this = TimeWindow();
}

void TimeWindow::reset()
{
    m_min = m_first;
    m_max = m_last;
}

bool TimeWindow::zoom(double anchor, double factor)
{
    return apply(anchor - (anchor - m_min) * factor, anchor + (m_max - anchor) * factor, anchor);
}

bool TimeWindow::pan(double shift)
{
    return apply(m_min + shift, m_max + shift, (m_min + m_max) / 2 + shift);
}

bool TimeWindow::select(double from, double to)
{
    return apply(std::min(from, to), std::max(from, to), (from + to) / 2);
}

bool TimeWindow::isZoomed() const
{
    // Half a millisecond: the window is stored as double, timestamps are whole ms.
    return m_last > m_first && (m_min > m_first + 0.5 || m_max < m_last - 0.5);
}

bool TimeWindow::apply(double xMin, double xMax, double anchor)
{
    const double full = m_last - m_first;
    if (!(full > 0)) {
        return false;
    }
    const double span = std::clamp(xMax - xMin, m_minSpan, full);
    // Keep the anchor at the same relative place across the window.
    const double ratio = xMax > xMin ? std::clamp((anchor - xMin) / (xMax - xMin), 0.0, 1.0) : 0.5;
    const double lo = std::clamp(anchor - ratio * span, m_first, m_last - span);
    const bool changed = lo != m_min || lo + span != m_max;
    m_min = lo;
    m_max = lo + span;
    return changed;
}

} // namespace ba::chart
