#include "news/RssSource.h"

#include "logging/Correlation.h"
#include "net/HttpClient.h"
#include "net/HttpReply.h"
#include "net/ResponseClassifier.h"
#include "news/RssParser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.news.rss")
} // namespace

namespace ba {

RssSource::RssSource(HttpClient *http, const NewsSiteProfile &profile, QObject *parent)
    : QObject(parent), m_http(http), m_profile(profile), m_sourceName(profile.name)
{}

RssSource::~RssSource()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr); // nothing may reach a half-destroyed source
        m_reply->abort();
    }
}

HttpRequest RssSource::requestFor(const NewsSiteProfile &profile)
{
    HttpRequest request;
    request.url = profile.url;
    request.expect = HttpExpect::Xml;
    request.headers.append(
        {QByteArray("Accept"), QByteArray("application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                                          "text/xml;q=0.9, */*;q=0.1")});
    request.timeoutMs = profile.timeoutMs;
    request.maxAttempts = MaxAttempts;
    request.maxBytes = MaxFeedBytes;
    request.source = metricsSource(profile);
    return request;
}

bool RssSource::fetch()
{
    if (m_reply) {
        qCWarning(lc).noquote() << m_profile.id << "fetch already running; request ignored";
        return false;
    }
    m_correlationId = currentCorrelationId();
    if (!m_http) {
        // Same contract as a network failure: one finished(), later.
        QTimer::singleShot(0, this, [this] {
            RssFetchResult result;
            result.feedUrl = m_profile.url;
            result.profileId = m_profile.id;
            result.error = ResponseClassifier::makeError(FetchError::Kind::Cancelled, m_profile.url.host(), 0,
                                                         QStringLiteral("HttpClient is gone"));
            Q_EMIT finished(result);
        });
        return true;
    }
    HttpRequest request = requestFor(m_profile);
    request.correlationId = m_correlationId;
    qCInfo(lc).noquote() << m_profile.id << "fetching" << m_profile.url.toString(QUrl::RemoveQuery);
    m_reply = m_http->send(request);
    connect(m_reply, &HttpReply::finished, this, &RssSource::onReplyFinished);
    return true;
}

void RssSource::cancel()
{
    if (m_reply) {
        m_reply->abort();
    }
}

void RssSource::onReplyFinished(const HttpResult &http)
{
    CorrelationScope scope(m_correlationId);
    m_reply.clear();
    QElapsedTimer parseClock;
    parseClock.start();

    RssFetchResult result;
    result.feedUrl = m_profile.url;
    result.profileId = m_profile.id;
    if (!http.ok()) {
        result.error = http.error;
    } else {
        const RssParser::Context context{m_profile.url, m_profile.name, m_sourceName,
                                         QDateTime::currentDateTimeUtc()};
        RssFeed feed = RssParser::parse(http.body, context);
        result.error = feed.error;
        result.items = std::move(feed.items);
        result.format = feed.ok() ? feed.format : QString();
        if (feed.ok()) {
            qCInfo(lc).noquote() << m_profile.id << feed.format << "feed:" << result.items.size() << "of"
                                 << feed.entries << "entries kept," << feed.dropped << "dropped; parsed in"
                                 << parseClock.elapsed() << "ms";
        }
    }
    result.latencyMs = http.latencyMs + parseClock.elapsed();
    if (!result.ok()) {
        qCWarning(lc).noquote() << m_profile.id << FetchError::kindName(result.error.kind) << "after"
                                << result.latencyMs << "ms:" << result.error.detail;
    }
    Q_EMIT finished(result);
}

} // namespace ba
