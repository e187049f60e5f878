#include "gui/chart/ExtremaIndex.h"

#include "domain/PixelBuckets.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ba::chart {

namespace {

constexpr std::size_t kBlock = 64;

// downsampling's bucket maths, shared so that the results are identical.
using Buckets = downsampling::PixelBuckets;

// First index in [from, end) whose x is >= limit (end if none).
std::size_t firstAtOrAfter(std::span<const QPointF> points, std::size_t from, std::size_t end, double limit)
{
    const auto it = std::partition_point(points.begin() + static_cast<std::ptrdiff_t>(from),
                                         points.begin() + static_cast<std::ptrdiff_t>(end),
                                         [limit](const QPointF &p) { return p.x() < limit; });
    return static_cast<std::size_t>(it - points.begin());
}

} // namespace

void ExtremaIndex::build(std::span<const QPointF> points)
{
    clear();
    const std::size_t blocks = points.size() / kBlock;
    m_lowest.reserve(static_cast<qsizetype>(blocks));
    m_highest.reserve(static_cast<qsizetype>(blocks));
    for (std::size_t block = 0; block < blocks; ++block) {
        std::size_t low = block * kBlock;
        std::size_t high = low;
        double lowY = points[low].y(); // running extremes in registers, not re-read
        double highY = lowY;
        for (std::size_t i = low + 1; i < (block + 1) * kBlock; ++i) {
            const double y = points[i].y();
            if (y < lowY) {
                lowY = y;
                low = i;
            }
            if (y > highY) {
                highY = y;
                high = i;
            }
        }
        m_lowest.append(static_cast<quint32>(low));
        m_highest.append(static_cast<quint32>(high));
    }
}

void ExtremaIndex::clear()
{
    m_lowest.clear();
    m_highest.clear();
}

std::pair<std::size_t, std::size_t> ExtremaIndex::extremes(std::span<const QPointF> points, std::size_t begin,
                                                           std::size_t end) const
{
    std::size_t low = begin;
    std::size_t high = begin;
    // Strict comparisons, left to right: the first of equal values wins, as in a plain scan.
    const auto visit = [&](std::size_t lowCandidate, std::size_t highCandidate) {
        low = points[lowCandidate].y() < points[low].y() ? lowCandidate : low;
        high = points[highCandidate].y() > points[high].y() ? highCandidate : high;
    };
    const std::size_t firstBlock = (begin + kBlock - 1) / kBlock;
    const std::size_t lastBlock = std::min(end / kBlock, static_cast<std::size_t>(m_lowest.size()));
    if (firstBlock >= lastBlock) {
        for (std::size_t i = begin + 1; i < end; ++i) {
            visit(i, i);
        }
        return {low, high};
    }
    for (std::size_t i = begin + 1; i < firstBlock * kBlock; ++i) {
        visit(i, i);
    }
    for (std::size_t block = firstBlock; block < lastBlock; ++block) {
        visit(m_lowest.at(static_cast<qsizetype>(block)), m_highest.at(static_cast<qsizetype>(block)));
    }
    for (std::size_t i = std::max(lastBlock * kBlock, begin + 1); i < end; ++i) {
        visit(i, i);
    }
    return {low, high};
}

QList<QPointF> ExtremaIndex::m4Visible(std::span<const QPointF> points, int pixelWidth, double xMin,
                                       double xMax) const
{
    if (points.empty()) {
        return {};
    }
    std::size_t begin = 0;
    std::size_t end = points.size();
    if (!std::isfinite(xMin) || !std::isfinite(xMax)) {
        xMin = points.front().x(); // m4() over everything
        xMax = points.back().x();
    } else {
        if (xMin > xMax) {
            std::swap(xMin, xMax);
        }
        std::tie(begin, end) = downsampling::indicesInside(points, xMin, xMax);
        // One neighbour beyond each edge, so the line runs on to the plot border.
        begin = begin > 0 ? begin - 1 : begin;
        end = end < points.size() ? end + 1 : end;
    }
    const Buckets buckets(pixelWidth, xMin, xMax);
    if (end - begin <= 4u * buckets.width()) {
        return QList<QPointF>(points.begin() + static_cast<std::ptrdiff_t>(begin),
                              points.begin() + static_cast<std::ptrdiff_t>(end));
    }
    QList<QPointF> out;
    out.reserve(4 * buckets.width());
    int bucket = buckets.of(points[begin].x());
    for (std::size_t first = begin; first < end;) {
        // A bucket's points are contiguous: up to the first x at or after its end.
        const std::size_t next = firstAtOrAfter(points, first + 1, end, buckets.endOf(bucket));
        const auto [lowest, highest] = extremes(points, first, next);
        // first <= lowest, highest <= last: emit in input order, each index once.
        const std::size_t ordered[] = {std::min(lowest, highest), std::max(lowest, highest), next - 1};
        out.append(points[first]);
        std::size_t previous = first;
        for (const std::size_t index : ordered) {
            if (index > previous) {
                out.append(points[index]);
                previous = index;
            }
        }
        if (next < end) {
            bucket = std::max(buckets.of(points[next].x()), bucket + 1);
        }
        first = next;
    }
    return out;
}

QList<QPointF> ExtremaIndex::maxPerBucket(std::span<const QPointF> points, int buckets, double xMin,
                                          double xMax) const
{
    QList<QPointF> out;
    if (!std::isfinite(xMin) || !std::isfinite(xMax)) {
        return out;
    }
    if (xMin > xMax) {
        std::swap(xMin, xMax);
    }
    const auto [begin, end] = downsampling::indicesInside(points, xMin, xMax);
    if (begin == end) {
        return out;
    }
    const Buckets slices(buckets, xMin, xMax);
    out.reserve(std::min<qsizetype>(static_cast<qsizetype>(end - begin), slices.width()));
    for (std::size_t first = begin; first < end;) {
        // of() grows with x, so a bucket's points are contiguous.
        const int bucket = slices.of(points[first].x());
        const auto next = std::partition_point(points.begin() + static_cast<std::ptrdiff_t>(first) + 1,
                                               points.begin() + static_cast<std::ptrdiff_t>(end),
                                               [&](const QPointF &p) { return slices.of(p.x()) <= bucket; });
        const auto last = static_cast<std::size_t>(next - points.begin());
        out.append(points[extremes(points, first, last).second]);
        first = last;
    }
    return out;
}

} // namespace ba::chart
