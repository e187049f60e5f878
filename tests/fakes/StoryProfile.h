#pragma once

#include "news/NewsSiteProfile.h"

#include <QString>
#include <QUrl>

namespace ba::fakes {

// The browser profile whose selectors match FakeNewsSite's "story" markup.
inline NewsSiteProfile storyProfile(const QString &id, const QUrl &url, int timeoutMs = 8000)
{
    NewsSiteProfile profile;
    profile.id = id;
    profile.name = QStringLiteral("Test News");
    profile.url = url;
    profile.item = QStringLiteral(".story");
    profile.title = QStringLiteral(".story__title");
    profile.link = QStringLiteral("a");
    profile.time = QStringLiteral("time");
    profile.summary = QStringLiteral("p");
    profile.image = QStringLiteral("img");
    profile.timeoutMs = timeoutMs;
    profile.clearanceCookie = QStringLiteral("bot_check"); // what FakeNewsSite's bot check sets
    return profile;
}

} // namespace ba::fakes
