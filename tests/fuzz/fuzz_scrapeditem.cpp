// What the extraction script reports from a hostile page: the validator must keep only clean items.
#include "FuzzSupport.h"
#include "news/ScrapedItemValidator.h"

#include <QSet>

BA_FUZZ_QUIET_INITIALIZE()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using ba::ScrapedItemValidator;
    const QString json = QString::fromUtf8(ba::fuzz::bytesOf(data, size));
    const QDateTime fetchedAt(QDate(2026, 11, 29), QTime(10, 23, 39), Qt::UTC);
    const auto extraction = ScrapedItemValidator::parse(json, QStringLiteral("Fuzz News"), fetchedAt);
    if (!extraction) {
        return 0;
    }
    BA_FUZZ_CHECK(extraction->items.size() <= ScrapedItemValidator::MaxItems);
    QSet<QString> urls;
    for (const ba::NewsItem &item : extraction->items) {
        BA_FUZZ_CHECK(!item.title.isEmpty() && item.title.size() <= ScrapedItemValidator::MaxTitleChars);
        BA_FUZZ_CHECK(item.summary.size() <= ScrapedItemValidator::MaxSummaryChars);
        BA_FUZZ_CHECK(item.url.startsWith(u"http://") || item.url.startsWith(u"https://"));
        BA_FUZZ_CHECK(item.imageUrl.isEmpty() || item.imageUrl.startsWith(u"http"));
        BA_FUZZ_CHECK(!urls.contains(item.url));
        urls.insert(item.url);
        for (const QChar c : item.title) {
            BA_FUZZ_CHECK(c.unicode() >= 0x20 && c != u'\n'); // one line, no control characters
        }
    }
    return 0;
}
