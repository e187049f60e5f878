#pragma once

#include "fakes/FakeNewsSite.h"

#include <QList>
#include <QString>

namespace ba::fakes {

class FakeCoinGecko;
class FakeGemini;
class FakeHttpServer;

// The fakes as `ba-fake-services` runs them for demos, and as the assembled-app tests use them: one
// coherent, invented market (FakeCoinGecko's deterministic price paths, sampled back from the moment
// asked), news pages and a feed with headlines marked "Demo", and a demo AI that writes its answer
// from the numbers in the prompt it receives. Every response carries "X-BA-Demo: 1", from which the
// application knows to say "demo data" in its title.
namespace demo {

inline constexpr auto NewsPath = "/demo/";      // the news list page (--news-url)
inline constexpr auto FeedPath = "/demo/feed/"; // its RSS feed (the app's <news-url>feed/)

// Four headlines published in the hours before nowMs's UTC day began, newest first.
QList<FakeNewsSite::Story> stories(qint64 nowMs);
// Adds the news list page and its RSS 2.0 feed to the site; both list stories(now) at request time.
// (Routes added before these win: a test can put a slow feed in front.)
void serveNews(FakeNewsSite &site);
FakeResponse feedResponse(const FakeNewsSite &site); // the feed as serveNews() answers it
// The demo AI's Markdown answer: the asset, range, quote, trend, RSI and headlines found in the prompt.
QString analysis(const QString &prompt);
// "X-BA-Demo: 1" on every response of the server.
void mark(FakeHttpServer &server);
// All of the above on the three fakes (not yet listening or already: either works).
void setUp(FakeCoinGecko &coinGecko, FakeGemini &gemini, FakeNewsSite &newsSite);

} // namespace demo
} // namespace ba::fakes
