#include "services/LatencyReservoir.h"

#include <algorithm>
#include <cmath>

namespace ba {

LatencyReservoir::LatencyReservoir(int capacity, quint32 seed)
    : m_capacity(std::max(1, capacity)), m_random(seed)
{
    m_samples.reserve(size_t(std::min(m_capacity, 256)));
}

void LatencyReservoir::add(qint64 latencyMs)
{
    ++m_seen;
    if (int(m_samples.size()) < m_capacity) {
        m_samples.push_back(latencyMs);
        m_dirty = true;
        return;
    }
    // Algorithm R: the n-th sample replaces a kept one with probability capacity / n.
    const quint64 slot = m_random.bounded(quint64(m_seen));
    if (slot < quint64(m_capacity)) {
        m_samples[size_t(slot)] = latencyMs;
        m_dirty = true;
    }
}

qint64 LatencyReservoir::percentile(double p) const
{
    if (m_samples.empty()) {
        return -1;
    }
    if (m_dirty) {
        m_sorted = m_samples;
        std::sort(m_sorted.begin(), m_sorted.end());
        m_dirty = false;
    }
    const double n = double(m_sorted.size());
    // The epsilon keeps 95 % of 100 at rank 95 despite 0.95 * 100 = 95.00000000000001.
    const auto rank = qint64(std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * n - 1e-9));
    const qint64 index = std::clamp<qint64>(rank, 1, qint64(m_sorted.size())) - 1;
    return m_sorted[size_t(index)];
}

} // namespace ba
