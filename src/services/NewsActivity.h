#pragma once

#include <QMetaType>
#include <QString>

namespace ba {

// What the news pane shows about the refresh: the site's page (read by the hidden browser) and
// its feeds are read side by side, so the headlines of a feed can be shown while the page is still
// loading, or when the site blocks the browser.
struct NewsActivity
{
    enum class State
    {
        Idle,      // not asked in this refresh (no such source, offline)
        Loading,   // being read
        Delivered, // articles stored
        Failed,    // nothing usable this time
        Paused,    // the site blocked the browser: skipped until pageRetryAtMs
    };

    QString siteName; // the browser profile's name, "Bitcoin.com News"; empty without one
    State page = State::Idle;
    QString pageProblem;      // why the page failed or is paused, in words
    qint64 pageRetryAtMs = 0; // Paused: when the page is read again (Unix ms)
    QString feedName;         // the feed that delivered, or the last one that failed
    State feed = State::Idle;
    QString feedProblem;

    bool isLoading() const { return page == State::Loading || feed == State::Loading; }
    friend bool operator==(const NewsActivity &, const NewsActivity &) = default;
};

} // namespace ba

Q_DECLARE_METATYPE(ba::NewsActivity)
