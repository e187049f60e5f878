// RSS 2.0, RSS 1.0 and Atom documents from a hostile feed.
#include "FuzzSupport.h"
#include "news/RssParser.h"

#include <QSet>

BA_FUZZ_QUIET_INITIALIZE()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using ba::RssParser;
    const RssParser::Context context{QUrl(QStringLiteral("https://news.example.com/feed/")),
                                     QStringLiteral("Fuzz Feed"), QStringLiteral("Fuzz"),
                                     QDateTime(QDate(2026, 11, 29), QTime(10, 23, 39), Qt::UTC)};
    const ba::RssFeed feed = RssParser::parse(ba::fuzz::bytesOf(data, size), context);
    if (!feed.ok()) {
        BA_FUZZ_CHECK(feed.items.isEmpty()); // items or an error, never both
        BA_FUZZ_CHECK(!feed.error.userMessage.isEmpty());
        return 0;
    }
    BA_FUZZ_CHECK(feed.items.size() <= RssParser::MaxItems);
    QSet<QString> urls;
    for (const ba::NewsItem &item : feed.items) {
        BA_FUZZ_CHECK(!item.title.isEmpty() && item.title.size() <= RssParser::MaxTitleChars);
        BA_FUZZ_CHECK(item.summary.size() <= RssParser::MaxSummaryChars);
        BA_FUZZ_CHECK(item.author.size() <= RssParser::MaxAuthorChars);
        BA_FUZZ_CHECK(item.url.startsWith(u"http://") || item.url.startsWith(u"https://"));
        BA_FUZZ_CHECK(!urls.contains(item.url));
        urls.insert(item.url);
    }
    return 0;
}
