#pragma once

#include "domain/FetchError.h"
#include "domain/MarketTypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace ba {

// What one feed document gave: items or an error, never both.
struct RssFeed
{
    QList<NewsItem> items;
    FetchError error; // kind None on success (also when the feed has no items)
    QString format;   // "RSS 2.0", "RSS 1.0", "Atom"; empty when not recognised
    int entries = 0;  // <item>/<entry> elements read
    int dropped = 0;  // entries without a title or an http(s) link, duplicates, beyond MaxItems

    bool ok() const { return !error.isError(); }
};

// Reads RSS 2.0, RSS 1.0 (RDF) and Atom with QXmlStreamReader. Pure: no I/O, no network.
//
// Per entry: title (plain text, HTML entities decoded, capped at MaxTitleChars); link (RSS <link>,
// Atom rel="alternate", else a permalink <guid>; resolved against the feed URL, http/https only,
// canonical: no utm_* parameters, no fragment); date (pubDate RFC 822, Atom published/updated and
// dc:date ISO 8601; unknown dates stay empty, never invented); summary (description or Atom
// summary, else content:encoded / Atom content, as plain text capped at MaxSummaryChars); image
// (media:content / media:thumbnail / enclosure of an image type); author (dc:creator, Atom
// author/name, RSS author).
//
// Any XML error, or a document that is not a feed, is a BadResponse error naming the feed; the
// items read before the error are not returned. A hostile feed is refused the same way: elements
// nested deeper than MaxDepth, more than MaxTextChars of text, or a DTD that declares entities.
// The reading is iterative (no recursion per element) and never touches files or the network.
class RssParser
{
    Q_DECLARE_TR_FUNCTIONS(RssParser)

public:
    static constexpr int MaxItems = 200;
    static constexpr int MaxTitleChars = 300;
    static constexpr int MaxSummaryChars = 1000;
    static constexpr int MaxAuthorChars = 200;
    static constexpr int MaxUrlChars = 2048;
    static constexpr int MaxDepth = 64;                // real feeds nest under 10 (XHTML content: more)
    static constexpr qint64 MaxTextChars = 16'000'000; // whole document; feeds are capped at 10 MB
    static constexpr int MaxFieldChars = 256 * 1024;   // text kept per element before cleaning

    struct Context
    {
        QUrl feedUrl;        // base for relative links; its host names the feed in messages
        QString feedName;    // "Bitcoin.com News (RSS)": named in error messages
        QString source;      // stored as NewsItem::source
        QDateTime fetchedAt; // stored as NewsItem::fetchedMs; never used to invent dates
    };

    static RssFeed parse(const QByteArray &xml, const Context &context);

    // An absolute http/https URL (relative ones resolved against base) in canonical form, or empty.
    static QString webUrl(const QString &value, const QUrl &base);
    // RFC 822 or ISO 8601 to Unix ms UTC; nullopt for anything else (relative phrases included).
    static std::optional<qint64> parseDate(const QString &text);

    // The error for a document that cannot be read; detail is for the log.
    static FetchError feedError(const Context &context, const QString &problem, const QString &detail);
};

} // namespace ba
