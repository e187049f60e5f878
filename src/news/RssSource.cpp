#include "news/RssSource.h"

#include "logging/Correlation.h"
#include "net/HttpClient.h"
#include "net/HttpReply.h"
#include "net/ResponseClassifier.h"
#include "news/RssParser.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QTimer>
#include <QtConcurrent>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.news.rss")
} // namespace

namespace ba {

RssSource::RssSource(HttpClient *http, const NewsSiteProfile &profile, QObject *parent)
    : QObject(parent), m_http(http), m_profile(profile), m_sourceName(profile.name)
{}

RssSource::~RssSource()
{
    delete m_parsing; // a parse still running finishes on its worker; nobody hears of it
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
    request.crossOriginRedirects = true; // feeds move between hosts; the request carries no secret
    return request;
}

bool RssSource::fetch()
{
    if (isRunning()) {
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
    } else if (m_parsing) {
        delete std::exchange(m_parsing, nullptr);
        RssFetchResult result;
        result.feedUrl = m_profile.url;
        result.profileId = m_profile.id;
        result.error = ResponseClassifier::makeError(FetchError::Kind::Cancelled, m_profile.url.host(), 0,
                                                     QStringLiteral("cancelled while parsing"));
        finish(result);
    }
}

void RssSource::onReplyFinished(const HttpResult &http)
{
    CorrelationScope scope(m_correlationId);
    m_reply.clear();
    if (!http.ok()) {
        RssFetchResult result;
        result.feedUrl = m_profile.url;
        result.profileId = m_profile.id;
        result.error = http.error;
        result.latencyMs = http.latencyMs;
        finish(result);
        return;
    }
    // RssParser is pure (no shared state), so it runs on the global pool while the GUI stays live.
    const RssParser::Context context{m_profile.url, m_profile.name, m_sourceName,
                                     QDateTime::currentDateTimeUtc()};
    auto *watcher = new QFutureWatcher<std::pair<RssFeed, qint64>>(this);
    m_parsing = watcher;
    const qint64 httpLatencyMs = http.latencyMs;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, httpLatencyMs] {
        m_parsing = nullptr;
        watcher->deleteLater();
        const auto [feed, parseMs] = watcher->result();
        onParsed(feed, httpLatencyMs, parseMs);
    });
    watcher->setFuture(QtConcurrent::run([body = http.body, context] {
        QElapsedTimer clock;
        clock.start();
        RssFeed feed = RssParser::parse(body, context);
        return std::pair<RssFeed, qint64>(std::move(feed), clock.elapsed());
    }));
}

void RssSource::onParsed(const RssFeed &feed, qint64 httpLatencyMs, qint64 parseMs)
{
    CorrelationScope scope(m_correlationId);
    RssFetchResult result;
    result.feedUrl = m_profile.url;
    result.profileId = m_profile.id;
    result.error = feed.error;
    result.items = feed.items;
    result.format = feed.ok() ? feed.format : QString();
    result.latencyMs = httpLatencyMs + parseMs;
    if (feed.ok()) {
        qCInfo(lc).noquote() << m_profile.id << feed.format << "feed:" << result.items.size() << "of"
                             << feed.entries << "entries kept," << feed.dropped << "dropped; parsed in"
                             << parseMs << "ms";
    }
    finish(result);
}

void RssSource::finish(RssFetchResult result)
{
    if (!result.ok()) {
        qCWarning(lc).noquote() << m_profile.id << FetchError::kindName(result.error.kind) << "after"
                                << result.latencyMs << "ms:" << result.error.detail;
    }
    Q_EMIT finished(result);
}

} // namespace ba
