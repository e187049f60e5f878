#pragma once

#include "domain/FetchError.h"
#include "domain/MarketTypes.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace ba {

// The one outcome of WebNewsScraper::scrape(): items or an error, never both.
struct ScrapeResult
{
    QList<NewsItem> items;
    FetchError error;           // kind None on success
    QString method;             // "selectors", "json-ld", "article", "headings"; empty on error
    qint64 latencyMs = 0;       // from scrape() to finished(), browser start included
    bool challengeSeen = false; // a bot check was shown (passed when items is not empty)
    QString profileId;

    bool ok() const { return !error.isError(); }
};

} // namespace ba

Q_DECLARE_METATYPE(ba::ScrapeResult)
