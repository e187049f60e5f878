#pragma once

#include "domain/StoredNewsItem.h"
#include "news/NewsSiteProfile.h"
#include "services/NewsActivity.h"
#include "services/NewsFeedLane.h"
#include "services/NewsSiteBackoff.h"
#include "services/StepReport.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace ba {

class HttpClient;
class NewsStore;
class WebNewsScraper;
struct ScrapeResult;

// Keeps the news table fed. One refresh reads two lanes side by side:
//   - the page: the first enabled browser profile, read by WebNewsScraper (hidden Qt WebEngine);
//   - the feeds: NewsFeedLane, the site's own RSS feed first, then every other enabled feed, until
//     one lists articles (CoinDesk and Cointelegraph are built in, off).
// The step reports as soon as one lane has stored articles (or both failed), so a site whose bot
// check never passes does not hold the headlines back for the browser's deadline; a lane still
// running merges its articles in when they arrive. A site that blocks the browser is skipped for a
// while (NewsSiteBackoff: 30 min, doubling); the feeds still run.
// Articles are upserted into NewsStore (one row per canonical URL, so the same article from the
// page and from a feed is stored once, remembering where it was seen); nothing stored is deleted by
// a failed fetch. Why a lane failed is logged (ba.services.news), said in the report's note and
// shown in the news pane (activityChanged).
//
// WebEngine is not started until a refresh needs the browser profile: the scraper is created on
// first use and releases its browser after every scrape.
class NewsService : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // wall clock, Unix ms (retention, back-off)
    static constexpr int DefaultRetentionDays = 30;

    // webEngineStoragePath: DIR/webengine under the data directory. The store and the client must
    // outlive the service.
    NewsService(NewsStore *store, HttpClient *http, NewsSiteConfig config, QString webEngineStoragePath,
                QObject *parent = nullptr);
    ~NewsService() override;

    // Ends with exactly one finished(StepReport{"news", ...}); never from inside refresh(). A
    // refresh started while one runs supersedes it: the older one is cancelled and reports nothing.
    void refresh(const QString &correlationId);
    void cancel();                            // drops the running refresh without a report
    bool isBusy() const { return m_running; } // a lane still reads, even after the report

    // Offline: refresh() reports "skipped" at once; no request, no WebEngine.
    void setOffline(bool offline) { m_offline = offline; }
    bool isOffline() const { return m_offline; }
    // Articles older than this are deleted after each successful refresh; <= 0 keeps everything.
    void setRetentionDays(int days) { m_retentionDays = days; }
    int retentionDays() const { return m_retentionDays; }
    void setClock(Clock clock);

    // The source of the latest delivery ("Bitcoin.com News (RSS)"); empty before the first one.
    QString lastSource() const { return m_lastSource; }
    const NewsSiteConfig &config() const { return m_config; }
    const NewsActivity &activity() const { return m_activity; }
    // True once the browser profile has been used (the scraper exists; its browser may be released).
    bool hasScraper() const { return m_scraper != nullptr; }
    // True while WebEngine holds a page or profile for the scraper (during a scrape, shortly after).
    bool isBrowserActive() const;

    // For the view: newest first, straight from the store.
    QList<StoredNewsItem> items(int limit = 200) const;
    bool markRead(const QString &url, bool read = true);
    int markAllRead(); // returns how many changed

Q_SIGNALS:
    void newsChanged(); // stored articles were added, updated or purged
    void readStateChanged(const QString &url, bool read);
    void finished(const ba::StepReport &report);
    void activityChanged(const ba::NewsActivity &activity);
    void sourceFailed(const QString &sourceName, const ba::FetchError &error); // each failure, as it happens
    // Each browser scrape, success or not (error kind None), for the "news-browser" metrics row;
    // feeds are counted by HttpClient like every other request.
    void browserScraped(qint64 latencyMs, const ba::FetchError &error, const QUrl &page);

private:
    void startLanes();
    void startPage(const NewsSiteProfile &site);
    void onScraped(const ScrapeResult &result);
    void onPageFailed(const NewsSiteProfile &site, const FetchError &error, bool challengeSeen);
    void onFeedsDelivered(const QList<NewsItem> &items, const NewsFeedLane::Feed &feed,
                          const QStringList &problems);
    void onFeedsExhausted(const FetchError &firstError, const QStringList &problems);
    bool store(const QList<NewsItem> &items, int via, const QString &sourceName, const QString &profileId);
    void afterLane();
    void setActivity(const std::function<void(NewsActivity &)> &change);
    void finishRefresh(StepReport report);

    NewsStore *m_store;
    QPointer<HttpClient> m_http;
    const NewsSiteConfig m_config;
    const QString m_webEnginePath;
    Clock m_clock;
    WebNewsScraper *m_scraper = nullptr; // lazy; kept for the next refresh, its browser released
    NewsFeedLane *m_feeds = nullptr;
    NewsSiteBackoff m_backoff;
    bool m_offline = false;
    int m_retentionDays = DefaultRetentionDays;
    QString m_lastSource;
    NewsActivity m_activity;

    // The running refresh.
    bool m_running = false;
    bool m_reported = false;
    bool m_pageRunning = false;
    quint64 m_generation = 0;
    QString m_correlationId;
    QElapsedTimer m_elapsed;
    int m_storedRows = 0;
    QString m_deliveryNote;
    QStringList m_problems; // why a lane gave nothing, for the note
    std::optional<FetchError> m_firstError;
    std::optional<FetchError> m_storeError;
};

} // namespace ba
