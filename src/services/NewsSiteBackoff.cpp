#include "services/NewsSiteBackoff.h"

#include <algorithm>

namespace ba {

NewsSiteBackoff::Pause NewsSiteBackoff::recordBlocked(const QString &siteId, const QString &reason,
                                                      qint64 nowMs)
{
    Entry &entry = m_sites[siteId];
    const int doublings = std::min(entry.blocksInARow, 16);
    ++entry.blocksInARow;
    const qint64 length = std::min(LongestPauseMs, FirstPauseMs << doublings);
    entry.pause = Pause{nowMs + length, length, reason};
    return entry.pause;
}

void NewsSiteBackoff::recordSuccess(const QString &siteId)
{
    m_sites.remove(siteId);
}

std::optional<NewsSiteBackoff::Pause> NewsSiteBackoff::activePause(const QString &siteId, qint64 nowMs) const
{
    const auto it = m_sites.constFind(siteId);
    if (it == m_sites.constEnd() || nowMs >= it->pause.untilMs) {
        return std::nullopt;
    }
    return it->pause;
}

} // namespace ba
