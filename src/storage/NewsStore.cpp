#include "storage/NewsStore.h"

#include "domain/CanonicalUrl.h"
#include "storage/SqlBatch.h"
#include "storage/SqlValues.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.storage.news")
} // namespace

namespace ba {

namespace {

const sql::BatchStatement kUpsertNews{
    QStringLiteral(
        "INSERT INTO news (url, title, source, published_ms, summary, image_url, author, fetched_ms,"
        " first_seen_ms, seen_via) VALUES"),
    QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
    QStringLiteral("ON CONFLICT (url) DO UPDATE SET"
                   " title = COALESCE(excluded.title, news.title),"
                   " source = COALESCE(news.source, excluded.source),"
                   " published_ms = COALESCE(excluded.published_ms, news.published_ms),"
                   " summary = COALESCE(excluded.summary, news.summary),"
                   " image_url = COALESCE(excluded.image_url, news.image_url),"
                   " author = COALESCE(excluded.author, news.author),"
                   " fetched_ms = MAX(excluded.fetched_ms, news.fetched_ms),"
                   " seen_via = news.seen_via | excluded.seen_via"),
    0, 10};

const QString kSelectNews = QStringLiteral("SELECT id, url, title, source, published_ms, summary, image_url, "
                                           "author, fetched_ms, first_seen_ms, read,"
                                           " seen_via FROM news");

StoredNewsItem readRow(const QSqlQuery &query)
{
    StoredNewsItem stored;
    stored.id = query.value(0).toLongLong();
    stored.item.url = query.value(1).toString();
    stored.item.title = query.value(2).toString();
    stored.item.source = query.value(3).toString();
    stored.item.publishedMs = sql::optionalInt64(query.value(4));
    stored.item.summary = query.value(5).toString();
    stored.item.imageUrl = query.value(6).toString();
    stored.item.author = query.value(7).toString();
    stored.item.fetchedMs = query.value(8).toLongLong();
    stored.firstSeenMs = query.value(9).toLongLong();
    stored.read = query.value(10).toBool();
    stored.item.seenVia = query.value(11).toInt();
    return stored;
}

} // namespace

NewsStore::NewsStore(QSqlDatabase db) : m_db(std::move(db)) {}

WriteResult NewsStore::upsert(const QList<NewsItem> &items)
{
    // Canonicalise once up front; an item whose URL cannot be made canonical has no key.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<NewsItem> keyed;
    keyed.reserve(items.size());
    for (NewsItem item : items) {
        item.url = canonicalUrl(item.url);
        if (item.fetchedMs <= 0) {
            item.fetchedMs = now;
        }
        keyed.append(item);
    }
    const auto accept = [](const NewsItem &item) { return !item.url.isEmpty(); };
    const auto bindItem = [](QSqlQuery &query, int first, const NewsItem &item) {
        query.bindValue(first, item.url);
        query.bindValue(first + 1, sql::nullableText(item.title.trimmed()));
        query.bindValue(first + 2, sql::nullableText(item.source));
        query.bindValue(first + 3, sql::nullable(item.publishedMs));
        query.bindValue(first + 4, sql::nullableText(item.summary.trimmed()));
        query.bindValue(first + 5, sql::nullableText(item.imageUrl));
        query.bindValue(first + 6, sql::nullableText(item.author.trimmed()));
        query.bindValue(first + 7, item.fetchedMs);
        query.bindValue(first + 8, item.fetchedMs); // first_seen_ms: only used when the row is new
        query.bindValue(first + 9, item.seenVia);
    };
    const WriteResult result = sql::writeBatch(
        m_db, kUpsertNews, keyed, accept, [](QSqlQuery &) {}, bindItem);
    m_lastError = result.error;
    if (result.ok) {
        qCInfo(lc).noquote() << QStringLiteral("upserted %1 news items in %2 ms (%3 without a usable URL)")
                                    .arg(result.rows)
                                    .arg(result.ms)
                                    .arg(result.skipped);
    } else {
        qCWarning(lc).noquote() << QStringLiteral("storing %1 news items failed, nothing stored: %2")
                                       .arg(items.size())
                                       .arg(result.error);
    }
    return result;
}

QList<StoredNewsItem> NewsStore::items(int limit) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(kSelectNews +
                  QStringLiteral(" ORDER BY COALESCE(published_ms, first_seen_ms) DESC, id DESC LIMIT ?"));
    query.addBindValue(limit > 0 ? limit : -1);
    QList<StoredNewsItem> result;
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("reading news failed: ") + m_lastError;
        return result;
    }
    m_lastError.clear();
    while (query.next()) {
        result.append(readRow(query));
    }
    return result;
}

std::optional<StoredNewsItem> NewsStore::item(const QString &url) const
{
    QSqlQuery query(m_db);
    query.prepare(kSelectNews + QStringLiteral(" WHERE url = ?"));
    query.addBindValue(canonicalUrl(url));
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("reading a news item failed: ") + m_lastError;
        return std::nullopt;
    }
    m_lastError.clear();
    return query.next() ? std::optional<StoredNewsItem>(readRow(query)) : std::nullopt;
}

int NewsStore::count() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM news")) || !query.next()) {
        m_lastError = query.lastError().text();
        return -1;
    }
    m_lastError.clear();
    return query.value(0).toInt();
}

bool NewsStore::markRead(const QString &url, bool read)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE news SET read = ? WHERE url = ?"));
    query.addBindValue(read ? 1 : 0);
    query.addBindValue(canonicalUrl(url));
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("marking a news item read failed: ") + m_lastError;
        return false;
    }
    m_lastError.clear();
    return query.numRowsAffected() > 0;
}

int NewsStore::purgeOlderThan(qint64 cutoffMs)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM news WHERE COALESCE(published_ms, first_seen_ms) < ?"));
    query.addBindValue(cutoffMs);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("news retention failed: ") + m_lastError;
        return -1;
    }
    m_lastError.clear();
    const int removed = query.numRowsAffected();
    qCInfo(lc).noquote() << QStringLiteral("retention removed %1 news items older than %2")
                                .arg(removed)
                                .arg(QDateTime::fromMSecsSinceEpoch(cutoffMs, Qt::UTC).toString(Qt::ISODate));
    return removed;
}

} // namespace ba
