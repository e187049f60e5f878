#pragma once

#include "fakes/FakeHttpServer.h"

#include <QUrl>

namespace ba::fakes {

// News pages that attack the hidden browser, added to a site served by `site` (the scraper's
// host). `otherHost` is a second loopback server standing for every other host: a tracker, an
// attacker, a service on this machine. All pages end with the three "story" articles that the
// test profile's selectors read (FakeNewsSite's markup), so that a scrape can finish.
//
//   /cross-site    before showing its articles, the page's script tries fetch(), XHR, a web
//                  socket, an iframe, a script and a style sheet on otherHost, and one fetch()
//                  on its own site; then it reports each outcome to /cross-site-done?r=<list>
//                  ("ok", "blocked" or "timeout", in that order)
//   /cookie-jar    sets cookies: bot_check (the clearance the test profile keeps) and tracker by
//                  Set-Cookie, js_tracker by script, all for a day
//   /cookie-echo   the articles; tests read the Cookie header the browser sent for it
void addHostileNewsPages(FakeHttpServer &site, const QUrl &otherHost);

} // namespace ba::fakes
