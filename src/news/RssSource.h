#pragma once

#include "domain/FetchError.h"
#include "domain/MarketTypes.h"
#include "net/HttpTypes.h"
#include "news/NewsSiteProfile.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace ba {

class HttpClient;
class HttpReply;
struct RssFeed;

// The one outcome of RssSource::fetch(): items or an error, never both.
struct RssFetchResult
{
    QList<NewsItem> items; // may be empty when the feed lists nothing
    FetchError error;      // kind None on success
    qint64 latencyMs = 0;  // from fetch() to finished(), parsing included
    QUrl feedUrl;
    QString profileId;
    QString format; // "RSS 2.0", "RSS 1.0", "Atom"; empty on error

    bool ok() const { return !error.isError(); }
};

// Fetches one RSS or Atom feed (a NewsSiteProfile of kind Rss) through the shared HttpClient and
// parses it with RssParser on a worker thread (a large feed takes longer than a frame). HTML where
// a feed was expected ends as Blocked (a bot check) or BadResponse, decided by HttpClient's
// response classifier.
class RssSource : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxAttempts = 2;
    static constexpr qint64 MaxFeedBytes = 10LL * 1024 * 1024;

    // The client must outlive the source (or the source is told by its reply being cancelled).
    RssSource(HttpClient *http, const NewsSiteProfile &profile, QObject *parent = nullptr);
    ~RssSource() override;

    const NewsSiteProfile &profile() const { return m_profile; }
    // Stored as NewsItem::source; default: the profile's name.
    void setSourceName(const QString &name) { m_sourceName = name; }
    QString sourceName() const { return m_sourceName; }
    bool isRunning() const { return !m_reply.isNull() || m_parsing; }

    // Starts a fetch; finished() follows exactly once, never from inside fetch(). Returns false (and
    // emits nothing) when a fetch is already running.
    bool fetch();
    // Ends a running fetch with FetchError::Kind::Cancelled (finished() is emitted).
    void cancel();

    // The request fetch() sends: expects XML, accepts the feed content types.
    static HttpRequest requestFor(const NewsSiteProfile &profile);
    // The metrics source its requests are counted under: one row per feed, "rss:<profile id>".
    static QString metricsSource(const NewsSiteProfile &profile)
    {
        return QStringLiteral("rss:") + profile.id;
    }

Q_SIGNALS:
    void finished(const ba::RssFetchResult &result);

private:
    void onReplyFinished(const HttpResult &http);
    void onParsed(const RssFeed &feed, qint64 httpLatencyMs, qint64 parseMs);
    void finish(RssFetchResult result);

    QPointer<HttpClient> m_http;
    const NewsSiteProfile m_profile;
    QString m_sourceName;
    QPointer<HttpReply> m_reply;
    QObject *m_parsing = nullptr; // the watcher of the running parse; deleting it drops the result
    QString m_correlationId;
};

} // namespace ba

Q_DECLARE_METATYPE(ba::RssFetchResult)
