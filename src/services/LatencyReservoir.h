#pragma once

#include <QRandomGenerator>
#include <QtGlobal>
#include <vector>

namespace ba {

// Latencies of one source for the whole session, in bounded memory: every sample is kept up to
// capacity (percentiles are then exact), beyond it a uniform random sample of the session is kept
// (Vitter's algorithm R), so a long session costs capacity * 8 bytes per source, not more.
// The seed is fixed: the same samples always give the same percentiles.
class LatencyReservoir
{
public:
    static constexpr int DefaultCapacity = 4096;

    explicit LatencyReservoir(int capacity = DefaultCapacity, quint32 seed = 1);

    void add(qint64 latencyMs);
    qint64 seen() const { return m_seen; } // samples ever added
    int kept() const { return int(m_samples.size()); }
    int capacity() const { return m_capacity; }

    // Nearest-rank percentile of the kept samples (p in 0..100): the smallest sample such that at
    // least p % of the samples are <= it. For 1..100, p50 = 50 and p95 = 95. -1 when empty.
    qint64 percentile(double p) const;

private:
    std::vector<qint64> m_samples;
    mutable std::vector<qint64> m_sorted; // cache; refreshed when m_dirty
    mutable bool m_dirty = false;
    qint64 m_seen = 0;
    int m_capacity;
    QRandomGenerator m_random;
};

} // namespace ba
