#pragma once

#include "domain/MarketTypes.h"

namespace ba {

// A news item as stored: the article plus what the app adds (row id, first sighting, read flag).
struct StoredNewsItem
{
    qint64 id = 0;
    NewsItem item;
    qint64 firstSeenMs = 0;
    bool read = false;
};

} // namespace ba
