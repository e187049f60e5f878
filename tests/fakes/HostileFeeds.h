#pragma once

#include <QByteArray>

namespace ba::fakes {

// Feeds built to hurt a reader, as a hostile server would send them (both measured against the
// app before the fix: a SIGSEGV on every refresh, and 0.9 GB and 5.4 s of a frozen GUI).
namespace hostile {

// RSS 2.0 with one item whose <title> holds `depth` nested elements around a word; 100,000
// levels are 684 KB.
QByteArray deepFeed(int depth = 100000);

// RSS 2.0 whose internal DTD declares an entity of `entityChars` characters that the item's
// title references `references` times: 4,000 x 50,000 expands a 200 KB feed to 200 M characters.
QByteArray entityFeed(int entityChars = 4000, int references = 37000);

// A well-formed RSS 2.0 feed with `items` ordinary items under https://feed.example/<n>.
QByteArray plainFeed(int items, const QByteArray &titlePrefix = "Story");

} // namespace hostile

} // namespace ba::fakes
