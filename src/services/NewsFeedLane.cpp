#include "services/NewsFeedLane.h"

#include "logging/Correlation.h"
#include "net/HttpClient.h"
#include "news/RssSource.h"

#include <QLoggingCategory>
#include <QTimer>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.news")
} // namespace

namespace ba {

QList<NewsFeedLane::Feed> NewsFeedLane::feedsFor(const NewsSiteConfig &config)
{
    QList<Feed> feeds;
    const NewsSiteProfile *browser = config.firstEnabled(NewsSiteProfile::Kind::Browser);
    const QList<NewsSiteProfile> enabled = config.enabledOfKind(NewsSiteProfile::Kind::Rss);
    QString ownId;
    if (browser) {
        for (const NewsSiteProfile &feed : enabled) {
            if (feed.url.host() == browser->url.host()) {
                // Same publication: its articles keep the site's name in the Source column.
                feeds.append(Feed{feed, browser->name, true});
                ownId = feed.id;
                break;
            }
        }
    }
    for (const NewsSiteProfile &feed : enabled) {
        if (feed.id != ownId) {
            feeds.append(Feed{feed, feed.name, false});
        }
    }
    return feeds;
}

QString NewsFeedLane::problemText(const Feed &feed, const FetchError &error)
{
    using K = FetchError::Kind;
    QString why;
    switch (error.kind) {
    case K::Blocked:
        why = tr("feed blocked");
        break;
    case K::Timeout:
        why = tr("feed timed out");
        break;
    case K::Offline:
        why = tr("feed unreachable");
        break;
    case K::NotFound:
        why = tr("feed not found");
        break;
    case K::BadResponse:
        why = tr("feed unreadable or empty");
        break;
    default:
        why = tr("feed failed (%1)").arg(FetchError::kindName(error.kind));
        break;
    }
    return tr("%1: %2").arg(feed.profile.name, why);
}

NewsFeedLane::NewsFeedLane(HttpClient *http, QList<Feed> feeds, QObject *parent)
    : QObject(parent), m_http(http), m_feeds(std::move(feeds))
{}

NewsFeedLane::~NewsFeedLane()
{
    cancel();
}

void NewsFeedLane::start(const QString &correlationId)
{
    cancel();
    m_correlationId = correlationId;
    m_index = 0;
    m_problems.clear();
    m_firstError = FetchError();
    m_running = true;
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation && m_running) {
            startFeed();
        }
    });
}

void NewsFeedLane::cancel()
{
    ++m_generation;
    m_running = false;
    if (RssSource *source = m_source.data()) {
        m_source.clear();
        source->disconnect(this);
        source->cancel();
        source->deleteLater();
    }
}

void NewsFeedLane::startFeed()
{
    CorrelationScope scope(m_correlationId);
    if (m_index >= m_feeds.size()) {
        m_running = false;
        Q_EMIT exhausted(m_firstError, m_problems);
        return;
    }
    const Feed &feed = m_feeds.at(m_index);
    auto *source = new RssSource(m_http, feed.profile, this);
    source->setSourceName(feed.storedName);
    m_source = source;
    connect(source, &RssSource::finished, this, [this, source](const RssFetchResult &result) {
        source->deleteLater();
        if (m_source == source) {
            m_source.clear();
            onFetched(result);
        }
    });
    source->fetch();
}

void NewsFeedLane::onFetched(const RssFetchResult &result)
{
    CorrelationScope scope(m_correlationId);
    const Feed feed = m_feeds.at(m_index);
    if (result.ok() && !result.items.isEmpty()) {
        qCInfo(lc).noquote() << result.profileId << "delivered" << result.items.size() << "articles ("
                             << result.format << ") in" << result.latencyMs << "ms";
        m_running = false;
        Q_EMIT delivered(result.items, feed, m_problems);
        return;
    }
    FetchError error = result.error;
    if (!error.isError()) {
        error = FetchError{FetchError::Kind::BadResponse, 0,
                           tr("The news feed %1 lists no articles.").arg(feed.profile.name),
                           QStringLiteral("feed %1 has no usable items").arg(result.profileId), -1};
    }
    if (!m_firstError.isError()) {
        m_firstError = error;
    }
    m_problems.append(problemText(feed, error));
    const QString next =
        m_index + 1 < m_feeds.size() ? m_feeds.at(m_index + 1).profile.id : QStringLiteral("no other feed");
    qCWarning(lc).noquote() << QStringLiteral("%1 failed (%2): %3; next: %4")
                                   .arg(feed.profile.id, FetchError::kindName(error.kind), error.detail,
                                        next);
    const quint64 generation = m_generation;
    Q_EMIT feedFailed(feed, error);
    if (generation == m_generation) { // not cancelled by a receiver
        ++m_index;
        startFeed();
    }
}

} // namespace ba
