// Dates as news pages and feeds write them: relative phrases, ISO 8601, RFC 822, written dates.
#include "FuzzSupport.h"
#include "news/RelativeDateParser.h"
#include "news/RssParser.h"

BA_FUZZ_QUIET_INITIALIZE()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(ba::fuzz::bytesOf(data, size));
    const QDateTime fetchedAt(QDate(2026, 11, 29), QTime(10, 23, 39), Qt::UTC);
    if (const auto ms = ba::RelativeDateParser::parse(text, fetchedAt)) {
        BA_FUZZ_CHECK(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).isValid());
    }
    if (const auto ms = ba::RssParser::parseDate(text)) {
        BA_FUZZ_CHECK(QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).isValid());
    }
    return 0;
}
