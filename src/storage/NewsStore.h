#pragma once

#include "domain/MarketTypes.h"
#include "domain/StoredNewsItem.h"
#include "storage/WriteResult.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace ba {

// News articles keyed by canonical URL (domain/CanonicalUrl.h), so the same article from the web
// page and the RSS feed is one row. Re-fetching refreshes an article's text but keeps when it was first seen
// and whether it was read. Nothing is deleted except by purgeOlderThan(): a failed or empty fetch loses
// nothing.
class NewsStore
{
public:
    explicit NewsStore(QSqlDatabase db);

    // One transaction. Items without a usable URL are skipped (counted in `skipped`). Empty fields
    // do not erase stored ones; the first source that reported an article stays its source; where
    // it was seen (seenVia) accumulates.
    WriteResult upsert(const QList<NewsItem> &items);

    // Newest first (published time, else first-seen time); limit <= 0 means all.
    QList<StoredNewsItem> items(int limit = 200) const;
    std::optional<StoredNewsItem> item(const QString &url) const;
    int count() const;

    // Returns false when no stored article has this URL.
    bool markRead(const QString &url, bool read = true);

    // Retention: deletes articles published (or, without a date, first seen) before cutoffMs.
    // Returns the number deleted, or -1 on error.
    int purgeOlderThan(qint64 cutoffMs);

    QString lastError() const { return m_lastError; }

private:
    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace ba
