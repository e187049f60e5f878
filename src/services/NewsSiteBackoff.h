#pragma once

#include <QHash>
#include <QString>
#include <optional>

namespace ba {

// Which news sites blocked the hidden browser, and until when they are left alone. A site that
// blocked (a browser check that never passes, a block page, "too many requests") is skipped for
// FirstPauseMs; each further block in a row doubles the pause up to LongestPauseMs; a successful
// read forgets it. Reading a page that blocks costs the full browser deadline and a renderer for
// nothing, and asking again at once is what gets a client blocked for longer.
class NewsSiteBackoff
{
public:
    static constexpr qint64 FirstPauseMs = 30LL * 60 * 1000;
    static constexpr qint64 LongestPauseMs = 8LL * 60 * 60 * 1000;

    struct Pause
    {
        qint64 untilMs = 0;  // Unix ms: the site is tried again from then on
        qint64 lengthMs = 0; // this pause, for the log
        QString reason;      // why it blocked, in words ("a browser check did not pass")
    };

    // Starts (or doubles) the pause of this site from nowMs.
    Pause recordBlocked(const QString &siteId, const QString &reason, qint64 nowMs);
    void recordSuccess(const QString &siteId);
    // The running pause of this site; nullopt once it is over (or there was none).
    std::optional<Pause> activePause(const QString &siteId, qint64 nowMs) const;

private:
    struct Entry
    {
        Pause pause;
        int blocksInARow = 0;
    };
    QHash<QString, Entry> m_sites;
};

} // namespace ba
