#pragma once

#include "domain/StoredNewsItem.h"
#include "news/NewsSiteProfile.h"
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
class RssSource;
class WebNewsScraper;
struct RssFetchResult;
struct ScrapeResult;

// Keeps the news table fed. One refresh walks a chain of sources and stops at the first that
// delivers articles:
//   1. the first enabled browser profile (WebNewsScraper, hidden Qt WebEngine),
//   2. its RSS fallback: the first enabled RSS profile on the same host,
//   3. every other enabled RSS feed, in file order (CoinDesk and Cointelegraph are built in, off).
// What was delivered is upserted into NewsStore (one row per canonical URL, so the same article
// from the page and from a feed is stored once); nothing stored is deleted by a failed fetch.
// Why a fallback happened is logged (ba.services.news) and said in the report's note.
//
// WebEngine is not started until a refresh needs the browser profile: the scraper is created on
// first use and releases its browser after every scrape.
class NewsService : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // wall clock, Unix ms (retention)
    static constexpr int DefaultRetentionDays = 30;

    // webEngineStoragePath: DIR/webengine under the data directory. The store and the client must
    // outlive the service.
    NewsService(NewsStore *store, HttpClient *http, NewsSiteConfig config, QString webEngineStoragePath,
                QObject *parent = nullptr);
    ~NewsService() override;

    // Ends with exactly one finished(StepReport{"news", ...}); never from inside refresh(). A
    // refresh started while one runs supersedes it: the older one is cancelled and reports nothing.
    void refresh(const QString &correlationId);
    void cancel(); // drops the running refresh without a report
    bool isBusy() const { return m_running; }

    // Offline: refresh() reports "skipped" at once; no request, no WebEngine.
    void setOffline(bool offline) { m_offline = offline; }
    bool isOffline() const { return m_offline; }
    // Articles older than this are deleted after each successful refresh; <= 0 keeps everything.
    void setRetentionDays(int days) { m_retentionDays = days; }
    int retentionDays() const { return m_retentionDays; }
    void setClock(Clock clock);

    // The source that delivered in the last successful refresh ("Bitcoin.com News (RSS)"); empty
    // before the first one.
    QString lastSource() const { return m_lastSource; }
    const NewsSiteConfig &config() const { return m_config; }
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
    void sourceFailed(const QString &sourceName, const ba::FetchError &error); // each failure, as it happens
    // Each browser scrape, success or not (error kind None), for the "news-browser" metrics row;
    // feeds are counted by HttpClient like every other request.
    void browserScraped(qint64 latencyMs, const ba::FetchError &error, const QUrl &page);

private:
    struct Step
    {
        NewsSiteProfile profile;
        bool fallback = false; // the browser profile's own feed
        QString storedName;    // NewsItem::source for its articles
    };

    QList<Step> buildChain() const;
    void startStep();
    void startBrowser(const Step &step);
    void startFeed(const Step &step);
    void onScraped(const ScrapeResult &result);
    void onFeedFetched(const RssFetchResult &result);
    void onStepFailed(const FetchError &error, bool challengeSeen);
    void onStepDelivered(const QList<NewsItem> &items);
    QString failureReason(const Step &step, const FetchError &error, bool challengeSeen) const;
    QString deliveryNote(const Step &step) const;
    void finishRefresh(StepReport report);

    NewsStore *m_store;
    QPointer<HttpClient> m_http;
    const NewsSiteConfig m_config;
    const QString m_webEnginePath;
    Clock m_clock;
    WebNewsScraper *m_scraper = nullptr; // lazy; kept for the next refresh, its browser released
    QPointer<RssSource> m_feed;
    bool m_offline = false;
    int m_retentionDays = DefaultRetentionDays;
    QString m_lastSource;

    // The running refresh.
    bool m_running = false;
    quint64 m_generation = 0;
    QString m_correlationId;
    QElapsedTimer m_elapsed;
    QList<Step> m_chain;
    int m_stepIndex = 0;
    QStringList m_reasons; // why each earlier step of the chain did not deliver
    std::optional<FetchError> m_firstError;
};

} // namespace ba
