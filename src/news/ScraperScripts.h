#pragma once

#include "news/NewsSiteProfile.h"

#include <QString>

namespace ba {

// The JavaScript the scraper runs in the page, in an isolated world (the page's own scripts
// cannot replace the functions these rely on). Both return a JSON string.
namespace ScraperScripts {

// Cheap check run every poll: {"challenge":bool,"blocked":bool,"items":n,"generic":n,"ready":"..."}.
// items = elements the profile's item selector matches (-1 when the page rejects the selector);
// generic = candidates for the generic extraction (JSON-LD blocks, <article>s, heading links).
QString probe(const NewsSiteProfile &profile);

// One extraction: {"method":"...","selectorMatches":n,"selectorError":"...","items":[{title,link,
// time,summary,image}]}. Tries the profile's selectors, then JSON-LD, <article> elements and
// same-host heading links; the first that gives an item with a title and an http(s) link wins.
// Texts come from textContent, links from new URL(href, document.baseURI). Sizes are bounded
// here only to keep the transfer small; ScrapedItemValidator does the real checks.
QString extraction(const NewsSiteProfile &profile);

} // namespace ScraperScripts

} // namespace ba
