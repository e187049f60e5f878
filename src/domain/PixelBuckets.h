#pragma once

#include <QPointF>
#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>
#include <utility>

namespace ba::downsampling {

// Maps x to a bucket in [0, width - 1]; points left or right of [x0, x1]
// (the visible range's edge neighbours) land in the first or last bucket.
class PixelBuckets
{
public:
    PixelBuckets(int width, double x0, double x1)
        : m_width(std::max(width, 1)), m_x0(x0), m_x1(x1), m_scale(x1 > x0 ? m_width / (x1 - x0) : 0.0)
    {}

    int width() const { return m_width; }

    int of(double x) const
    {
        const double b = (x - m_x0) * m_scale;
        if (!(b >= 0.0)) { // also catches NaN before the cast
            return 0;
        }
        return b >= m_width ? m_width - 1 : static_cast<int>(b);
    }

    // Smallest x of the next bucket; infinite for the last one (and for a
    // zero-width range, which is a single bucket).
    double endOf(int bucket) const
    {
        if (bucket >= m_width - 1 || m_scale == 0.0) {
            return std::numeric_limits<double>::infinity();
        }
        return m_x0 + (m_x1 - m_x0) * (bucket + 1) / m_width;
    }

private:
    int m_width;
    double m_x0;
    double m_x1;
    double m_scale;
};

// Indices [begin, end) of the points of an x-sorted series that lie inside [xMin, xMax].
inline std::pair<std::size_t, std::size_t> indicesInside(std::span<const QPointF> points, double xMin,
                                                         double xMax)
{
    const auto begin = std::partition_point(points.begin(), points.end(),
                                            [xMin](const QPointF &pt) { return pt.x() < xMin; });
    const auto end =
        std::partition_point(begin, points.end(), [xMax](const QPointF &pt) { return pt.x() <= xMax; });
    return {static_cast<std::size_t>(begin - points.begin()), static_cast<std::size_t>(end - points.begin())};
}

} // namespace ba::downsampling
