#include "StorageTestUtil.h"
#include "StoreFixture.h"
#include "storage/NewsStore.h"

#include <QTest>

using ba::NewsItem;
using ba::NewsStore;
using ba::StoredNewsItem;

namespace {

NewsItem article(const QString &url, const QString &title, std::optional<qint64> publishedMs,
                 qint64 fetchedMs, const QString &source = QStringLiteral("bitcoin-com"))
{
    NewsItem item;
    item.url = url;
    item.title = title;
    item.source = source;
    item.publishedMs = publishedMs;
    item.fetchedMs = fetchedMs;
    return item;
}

QStringList titles(const QList<StoredNewsItem> &items)
{
    QStringList result;
    for (const StoredNewsItem &stored : items) {
        result << stored.item.title;
    }
    return result;
}

} // namespace

class TestNewsStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void upsert_sameArticleFromTwoSources_isOneRow();
    void upsert_pageThenFeed_remembersBothOrigins();
    void upsert_again_keepsFirstSeenAndUpdatesText();
    void upsert_emptyFields_doNotEraseStoredOnes();
    void upsert_afterMarkRead_keepsReadFlag();
    void upsert_itemsWithoutUsableUrl_areSkipped();
    void upsert_emptyOrPartialFetch_deletesNothing();
    void items_newestFirst_withLimit();
    void markRead_unknownUrl_returnsFalse();
    void purgeOlderThan_removesOnlyOldArticles();

private:
    ba::test::StoreFixture m_fixture;
    std::unique_ptr<NewsStore> m_store;
};

void TestNewsStore::init()
{
    QVERIFY(m_fixture.setUp(QStringLiteral("test-newsstore")));
    m_store = std::make_unique<NewsStore>(m_fixture.connection());
}

void TestNewsStore::cleanup()
{
    m_store.reset();
    m_fixture.tearDown();
}

void TestNewsStore::upsert_sameArticleFromTwoSources_isOneRow()
{
    QVERIFY(m_store
                ->upsert({article(QStringLiteral("https://news.site.example/a"), QStringLiteral("Story A"),
                                  1000, 5000, QStringLiteral("bitcoin-com"))})
                .ok);
    const ba::WriteResult rss = m_store->upsert(
        {article(QStringLiteral("https://News.Site.Example/a?utm_source=rss&utm_medium=feed#x"),
                 QStringLiteral("Story A"), 1000, 6000, QStringLiteral("bitcoin-com-rss"))});
    QVERIFY2(rss.ok, qPrintable(rss.error));
    QCOMPARE(rss.rows, 1);
    QCOMPARE(m_store->count(), 1);
    const QList<StoredNewsItem> items = m_store->items();
    QCOMPARE(items.constFirst().item.url, QStringLiteral("https://news.site.example/a"));
    QCOMPARE(items.constFirst().item.source, QStringLiteral("bitcoin-com")); // the first source stays
    QCOMPARE(items.constFirst().item.fetchedMs, qint64(6000));
}

// Where an article was seen accumulates: the news table says "Page, feed".
void TestNewsStore::upsert_pageThenFeed_remembersBothOrigins()
{
    NewsItem fromPage = article(QStringLiteral("https://news.example/a"), QStringLiteral("A"), 1000, 2000);
    fromPage.seenVia = ba::NewsViaPage;
    NewsItem fromFeed = fromPage;
    fromFeed.seenVia = ba::NewsViaFeed;
    NewsItem unrecorded = article(QStringLiteral("https://news.example/b"), QStringLiteral("B"), 1000, 2000);

    QVERIFY(m_store->upsert({fromPage, unrecorded}).ok);
    QCOMPARE(m_store->item(fromPage.url)->item.seenVia, int(ba::NewsViaPage));
    QVERIFY(m_store->upsert({fromFeed}).ok);
    QCOMPARE(m_store->item(fromPage.url)->item.seenVia, int(ba::NewsViaPage | ba::NewsViaFeed));
    QVERIFY(m_store->upsert({fromPage}).ok);
    QCOMPARE(m_store->item(fromPage.url)->item.seenVia, int(ba::NewsViaPage | ba::NewsViaFeed));
    QCOMPARE(m_store->item(unrecorded.url)->item.seenVia, 0);
}

void TestNewsStore::upsert_again_keepsFirstSeenAndUpdatesText()
{
    const QString url = QStringLiteral("https://news.site.example/a");
    QVERIFY(m_store->upsert({article(url, QStringLiteral("Old title"), std::nullopt, 1000)}).ok);
    NewsItem updated = article(url, QStringLiteral("New title"), 900, 2000);
    updated.summary = QStringLiteral("Now with a summary");
    QVERIFY(m_store->upsert({updated}).ok);

    const std::optional<StoredNewsItem> stored = m_store->item(url);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->firstSeenMs, qint64(1000));
    QCOMPARE(stored->item.fetchedMs, qint64(2000));
    QCOMPARE(stored->item.title, QStringLiteral("New title"));
    QCOMPARE(stored->item.summary, QStringLiteral("Now with a summary"));
    QCOMPARE(stored->item.publishedMs, std::optional<qint64>(900));
}

void TestNewsStore::upsert_emptyFields_doNotEraseStoredOnes()
{
    const QString url = QStringLiteral("https://news.site.example/a");
    NewsItem full = article(url, QStringLiteral("Title"), 900, 1000);
    full.summary = QStringLiteral("Summary");
    full.imageUrl = QStringLiteral("https://static.site.example/a.jpg");
    full.author = QStringLiteral("Jamie Redman");
    QVERIFY(m_store->upsert({full}).ok);
    QVERIFY(m_store->upsert({article(url, QString(), std::nullopt, 2000, QString())}).ok);

    const std::optional<StoredNewsItem> stored = m_store->item(url);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->item.title, full.title);
    QCOMPARE(stored->item.summary, full.summary);
    QCOMPARE(stored->item.imageUrl, full.imageUrl);
    QCOMPARE(stored->item.author, full.author);
    QCOMPARE(stored->item.source, full.source);
    QCOMPARE(stored->item.publishedMs, std::optional<qint64>(900));
}

void TestNewsStore::upsert_afterMarkRead_keepsReadFlag()
{
    const QString url = QStringLiteral("https://news.site.example/a");
    QVERIFY(m_store->upsert({article(url, QStringLiteral("A"), 1000, 1000)}).ok);
    QVERIFY(!m_store->item(url)->read);
    QVERIFY(m_store->markRead(url + QStringLiteral("?utm_source=x"))); // looked up canonically
    QVERIFY(m_store->upsert({article(url, QStringLiteral("A, updated"), 1000, 2000)}).ok);
    QVERIFY(m_store->item(url)->read);
    QVERIFY(m_store->markRead(url, false));
    QVERIFY(!m_store->item(url)->read);
}

void TestNewsStore::upsert_itemsWithoutUsableUrl_areSkipped()
{
    const ba::WriteResult result =
        m_store->upsert({article(QString(), QStringLiteral("No link"), 1, 1),
                         article(QStringLiteral("/relative"), QStringLiteral("Relative"), 1, 1),
                         article(QStringLiteral("https://x.example/ok"), QStringLiteral("Ok"), 1, 1)});
    QVERIFY(result.ok);
    QCOMPARE(result.rows, 1);
    QCOMPARE(result.skipped, 2);
    QCOMPARE(titles(m_store->items()), QStringList{QStringLiteral("Ok")});
}

void TestNewsStore::upsert_emptyOrPartialFetch_deletesNothing()
{
    QList<NewsItem> batch;
    for (int i = 0; i < 100; ++i) {
        batch << article(QStringLiteral("https://x.example/%1").arg(i), QStringLiteral("T%1").arg(i),
                         1000 + i, 5000);
    }
    const ba::WriteResult first = m_store->upsert(batch);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.rows, 100);
    QVERIFY(m_store->upsert({}).ok);
    QVERIFY(m_store->upsert(batch.mid(0, 3)).ok);
    QCOMPARE(m_store->count(), 100);
}

void TestNewsStore::items_newestFirst_withLimit()
{
    // Undated articles sort by when they were first seen.
    QVERIFY(
        m_store
            ->upsert({article(QStringLiteral("https://x.example/old"), QStringLiteral("old"), 1000, 9000),
                      article(QStringLiteral("https://x.example/undated"), QStringLiteral("undated"),
                              std::nullopt, 3000),
                      article(QStringLiteral("https://x.example/new"), QStringLiteral("new"), 5000, 9000)})
            .ok);
    QCOMPARE(titles(m_store->items()),
             (QStringList{QStringLiteral("new"), QStringLiteral("undated"), QStringLiteral("old")}));
    QCOMPARE(titles(m_store->items(2)), (QStringList{QStringLiteral("new"), QStringLiteral("undated")}));
    QCOMPARE(m_store->items(0).size(), 3);
}

void TestNewsStore::markRead_unknownUrl_returnsFalse()
{
    QVERIFY(!m_store->markRead(QStringLiteral("https://x.example/never-stored")));
    QVERIFY(m_store->lastError().isEmpty()); // not an error, just nothing to mark
}

void TestNewsStore::purgeOlderThan_removesOnlyOldArticles()
{
    QVERIFY(
        m_store
            ->upsert({article(QStringLiteral("https://x.example/old"), QStringLiteral("old"), 1000, 9000),
                      article(QStringLiteral("https://x.example/edge"), QStringLiteral("edge"), 2000, 9000),
                      article(QStringLiteral("https://x.example/undated-old"), QStringLiteral("undated-old"),
                              std::nullopt, 1500),
                      article(QStringLiteral("https://x.example/new"), QStringLiteral("new"), 3000, 9000)})
            .ok);
    QCOMPARE(m_store->purgeOlderThan(2000), 2);
    QCOMPARE(titles(m_store->items()), (QStringList{QStringLiteral("new"), QStringLiteral("edge")}));
    QCOMPARE(m_store->purgeOlderThan(2000), 0);
}

QTEST_GUILESS_MAIN(TestNewsStore)
#include "tst_newsstore.moc"
