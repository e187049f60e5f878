#pragma once

#include "domain/FetchError.h"
#include "domain/MarketTypes.h"
#include "news/NewsSiteProfile.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace ba {

class HttpClient;
class RssSource;
struct RssFetchResult;

// The feed half of a news refresh: reads the enabled RSS/Atom feeds one after another, the news
// site's own feed first, and stops at the first that lists articles. It runs beside the hidden
// browser, never after it, so that a blocked page does not hold the headlines back.
class NewsFeedLane : public QObject
{
    Q_OBJECT
public:
    struct Feed
    {
        NewsSiteProfile profile;
        QString storedName;   // NewsItem::source of its articles
        bool ownFeed = false; // the browser site's feed: its articles keep the site's name
    };

    // The feed on the browser site's host first, then every other enabled feed in file order.
    static QList<Feed> feedsFor(const NewsSiteConfig &config);
    // "Bitcoin.com News (RSS): feed not found", for the step's note and the news pane.
    static QString problemText(const Feed &feed, const FetchError &error);

    NewsFeedLane(HttpClient *http, QList<Feed> feeds, QObject *parent = nullptr);
    ~NewsFeedLane() override;

    bool isEmpty() const { return m_feeds.isEmpty(); }
    bool isRunning() const { return m_running; }
    // Reads the feeds under this correlation id; ends with delivered() or exhausted(), never from
    // inside start().
    void start(const QString &correlationId);
    void cancel(); // stops without a signal

Q_SIGNALS:
    // `problems`: why the feeds asked before this one gave nothing.
    void delivered(const QList<ba::NewsItem> &items, const ba::NewsFeedLane::Feed &feed,
                   const QStringList &problems);
    void feedFailed(const ba::NewsFeedLane::Feed &feed, const ba::FetchError &error);
    void exhausted(const ba::FetchError &firstError, const QStringList &problems);

private:
    void startFeed();
    void onFetched(const RssFetchResult &result);

    QPointer<HttpClient> m_http;
    const QList<Feed> m_feeds;
    QPointer<RssSource> m_source;
    QString m_correlationId;
    int m_index = 0;
    bool m_running = false;
    quint64 m_generation = 0;
    QStringList m_problems;
    FetchError m_firstError;
};

} // namespace ba
