#pragma once

#include "domain/MarketTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace ba {

// What the extraction script reported, after validation in C++. The page is not trusted: every
// value is re-checked here whatever the script already did.
struct Extraction
{
    QString method;               // which extraction produced the items; empty when none did
    int selectorMatches = -1;     // elements the profile's item selector matched; -1 = no selector
    bool selectorInvalid = false; // the page refused the selector as CSS
    int rawCount = 0;             // items the script returned for the chosen method
    QList<NewsItem> items;        // valid, deduplicated, capped
};

class ScrapedItemValidator
{
public:
    static constexpr int MaxItems = 200;
    static constexpr int MaxTitleChars = 300;
    static constexpr int MaxSummaryChars = 1000;
    static constexpr int MaxUrlChars = 2048;

    // Parses the script's JSON string. nullopt when it is not the expected shape at all.
    // source is stored on each item; dates are resolved against fetchedAt.
    static std::optional<Extraction> parse(const QString &json, const QString &source,
                                           const QDateTime &fetchedAt);

    // Collapses every run of white space (and drops control characters), trims, and caps the
    // length, ending a cut text with "…". Markup is kept as literal text.
    static QString cleanText(const QString &text, int maxChars);
    // An absolute http/https URL without its fragment, or empty when the value is anything else.
    static QString cleanWebUrl(const QString &url);
};

} // namespace ba
