#pragma once

#include <QList>
#include <QPointF>
#include <span>
#include <utility>

namespace ba::chart {

// Per-pixel reductions of an x-sorted series over any visible range, without visiting every
// visible point. A pan or zoom over a million-point history redid M4 and the volume peaks
// over all visible points each frame (~2 ms at full range); with the leftmost lowest and
// highest point of every run of 64 points kept here, each pixel column costs a binary search
// and a few dozen comparisons instead.
//
// The results are exactly those of downsampling::m4Visible and downsampling::maxPerBucket
// (same buckets, same tie-breaking: the first of equal values), which stay the reference.
class ExtremaIndex
{
public:
    // Summarises `points` (x-sorted, finite); queries must pass the same, unchanged points.
    void build(std::span<const QPointF> points);
    void clear();

    // downsampling::m4Visible(points, pixelWidth, xMin, xMax).
    QList<QPointF> m4Visible(std::span<const QPointF> points, int pixelWidth, double xMin, double xMax) const;
    // downsampling::maxPerBucket(points, buckets, xMin, xMax): per bucket of [xMin, xMax] the
    // point with the highest y; empty for a non-finite bound.
    QList<QPointF> maxPerBucket(std::span<const QPointF> points, int buckets, double xMin, double xMax) const;

private:
    // Leftmost lowest and leftmost highest index in [begin, end), begin < end.
    std::pair<std::size_t, std::size_t> extremes(std::span<const QPointF> points, std::size_t begin,
                                                 std::size_t end) const;

    QList<quint32> m_lowest; // per block of kBlock points
    QList<quint32> m_highest;
};

} // namespace ba::chart
