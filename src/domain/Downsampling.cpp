#include "domain/Downsampling.h"

#include "domain/PixelBuckets.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace ba::downsampling {

namespace {

using Buckets = PixelBuckets;

QList<QPointF> copyOf(std::span<const QPointF> points)
{
    return QList<QPointF>(points.begin(), points.end());
}

// One pass: points are x-sorted, so a bucket's points are contiguous and the
// bucket can be written out as soon as the next one starts. The hot loop only
// compares x with the bucket's end and y with the running extremes (kept in
// registers, not re-read through their indices).
QList<QPointF> m4Core(std::span<const QPointF> points, const Buckets &buckets)
{
    QList<QPointF> out;
    const std::size_t n = points.size();
    if (n == 0) {
        return out;
    }
    out.reserve(static_cast<qsizetype>(std::min<std::size_t>(n, 4u * buckets.width())));
    const QPointF *p = points.data();

    auto flush = [&out, p](std::size_t first, std::size_t lowest, std::size_t highest, std::size_t last) {
        // first <= lowest, highest <= last: emit in input order, each index once.
        const std::size_t ordered[] = {std::min(lowest, highest), std::max(lowest, highest), last};
        out.append(p[first]);
        std::size_t previous = first;
        for (const std::size_t index : ordered) {
            if (index > previous) {
                out.append(p[index]);
                previous = index;
            }
        }
    };

    int bucket = buckets.of(p[0].x());
    double end = buckets.endOf(bucket);
    std::size_t first = 0, lowest = 0, highest = 0;
    double low = p[0].y();
    double high = low;
    for (std::size_t i = 1; i < n; ++i) {
        const double x = p[i].x();
        const double y = p[i].y();
        if (x >= end) {
            flush(first, lowest, highest, i - 1);
            // Strictly increasing bucket numbers, even if rounding at a boundary
            // disagrees with end: at most `width` runs, so at most 4 * width points.
            bucket = std::max(buckets.of(x), bucket + 1);
            end = buckets.endOf(bucket);
            first = lowest = highest = i;
            low = high = y;
        } else if (y < low) {
            low = y;
            lowest = i;
        } else if (y > high) {
            high = y;
            highest = i;
        }
    }
    flush(first, lowest, highest, n - 1);
    return out;
}

} // namespace

QList<QPointF> m4(std::span<const QPointF> points, int pixelWidth)
{
    const Buckets buckets(pixelWidth, points.empty() ? 0.0 : points.front().x(),
                          points.empty() ? 0.0 : points.back().x());
    if (points.size() <= 4u * buckets.width()) {
        return copyOf(points);
    }
    return m4Core(points, buckets);
}

QList<QPointF> m4Visible(std::span<const QPointF> points, int pixelWidth, double xMin, double xMax)
{
    if (!std::isfinite(xMin) || !std::isfinite(xMax)) {
        return m4(points, pixelWidth);
    }
    if (xMin > xMax) {
        std::swap(xMin, xMax);
    }
    auto [begin, end] = indicesInside(points, xMin, xMax);
    // One neighbour beyond each edge, so the line runs on to the plot border.
    begin = begin > 0 ? begin - 1 : begin;
    end = end < points.size() ? end + 1 : end;
    const auto visible = points.subspan(begin, end - begin);
    const Buckets buckets(pixelWidth, xMin, xMax);
    if (visible.size() <= 4u * buckets.width()) {
        return copyOf(visible);
    }
    return m4Core(visible, buckets);
}

QList<QPointF> maxPerBucket(std::span<const QPointF> points, int pixelWidth, double xMin, double xMax)
{
    QList<QPointF> out;
    if (!std::isfinite(xMin) || !std::isfinite(xMax)) {
        return out;
    }
    if (xMin > xMax) {
        std::swap(xMin, xMax);
    }
    const auto [begin, end] = indicesInside(points, xMin, xMax);
    if (begin == end) {
        return out;
    }
    const Buckets buckets(pixelWidth, xMin, xMax);
    out.reserve(std::min<qsizetype>(static_cast<qsizetype>(end - begin), buckets.width()));
    int bucket = buckets.of(points[begin].x());
    std::size_t best = begin;
    for (std::size_t i = begin + 1; i < end; ++i) {
        const int b = buckets.of(points[i].x());
        if (b != bucket) {
            out.append(points[best]);
            bucket = b;
            best = i;
        } else if (points[i].y() > points[best].y()) {
            best = i;
        }
    }
    out.append(points[best]);
    return out;
}

} // namespace ba::downsampling
