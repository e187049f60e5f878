#pragma once

#include <QList>
#include <QPointF>
#include <span>

// Pixel-aware reduction of a long x-sorted series for drawing.
//
// M4 (Jugel et al., "M4: A Visualization-Oriented Time Series Data
// Aggregation", VLDB 2014): split the x-range into one bucket per pixel column
// and keep, per bucket, the first, last, lowest and highest point. A polyline
// through those points lights the same pixels as one through every point, at
// no more than 4 points per column.
//
// Inputs must be sorted by x (ascending, equal x allowed) with finite values.
// Outputs are subsequences of the input: original points, in input order,
// without duplicates. QList<QPointF> converts implicitly to the span.
namespace ba::downsampling {

// M4 over the whole series; at most 4 * pixelWidth points. A pixelWidth below 1
// counts as 1. Series that already fit are returned as they are.
QList<QPointF> m4(std::span<const QPointF> points, int pixelWidth);

// M4 over the visible range [xMin, xMax] only (zoomed chart): the buckets split
// [xMin, xMax], and the nearest point outside each edge is kept so that the
// line reaches the border of the plot. At most 4 * pixelWidth points.
// xMin > xMax are swapped; a non-finite bound falls back to m4() over everything.
QList<QPointF> m4Visible(std::span<const QPointF> points, int pixelWidth, double xMin, double xMax);

// For bars (volume): per bucket of [xMin, xMax], the point with the highest y,
// so a spike never disappears. At most pixelWidth points; no edge neighbours;
// empty for a non-finite bound.
QList<QPointF> maxPerBucket(std::span<const QPointF> points, int pixelWidth, double xMin, double xMax);

} // namespace ba::downsampling
