#include "services/NewsService.h"

#include "domain/CanonicalUrl.h"
#include "logging/Correlation.h"
#include "net/HttpClient.h"
#include "news/RssSource.h"
#include "news/ScrapeResult.h"
#include "news/WebNewsScraper.h"
#include "storage/NewsStore.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.news")
} // namespace

namespace ba {

namespace {
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
const QString kStep = QStringLiteral("news");

// One item per canonical URL; the first occurrence wins.
QList<NewsItem> uniqueByUrl(const QList<NewsItem> &items, const QString &source)
{
    QSet<QString> seen;
    QList<NewsItem> unique;
    for (NewsItem item : items) {
        const QString key = canonicalUrl(item.url);
        if (key.isEmpty() || seen.contains(key)) {
            continue;
        }
        seen.insert(key);
        item.url = key;
        item.source = source;
        unique.append(item);
    }
    return unique;
}
} // namespace

NewsService::NewsService(NewsStore *store, HttpClient *http, NewsSiteConfig config,
                         QString webEngineStoragePath, QObject *parent)
    : QObject(parent), m_store(store), m_http(http), m_config(std::move(config)),
      m_webEnginePath(std::move(webEngineStoragePath)),
      m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<ba::StepReport>();
}

NewsService::~NewsService()
{
    cancel();
}

void NewsService::setClock(Clock clock)
{
    if (clock) {
        m_clock = std::move(clock);
    }
}

bool NewsService::isBrowserActive() const
{
    return m_scraper && m_scraper->isBrowserActive();
}

QList<StoredNewsItem> NewsService::items(int limit) const
{
    return m_store->items(limit);
}

bool NewsService::markRead(const QString &url, bool read)
{
    const bool changed = m_store->markRead(url, read);
    if (changed) {
        Q_EMIT readStateChanged(canonicalUrl(url), read);
    }
    return changed;
}

int NewsService::markAllRead()
{
    int changed = 0;
    for (const StoredNewsItem &stored : m_store->items(0)) {
        if (!stored.read && m_store->markRead(stored.item.url, true)) {
            ++changed;
            Q_EMIT readStateChanged(stored.item.url, true);
        }
    }
    return changed;
}

void NewsService::refresh(const QString &correlationId)
{
    cancel();
    CorrelationScope scope(correlationId);
    m_running = true;
    m_correlationId = correlationId;
    m_elapsed.start();
    m_reasons.clear();
    m_firstError.reset();
    m_stepIndex = 0;
    m_chain.clear();

    StepReport early{kStep, true, false, {}, 0, 0, {}};
    if (m_offline) {
        qCInfo(lc) << "Offline: news served from the store only";
        early.skipped = true;
        early.note = tr("offline: showing stored news");
    } else {
        m_chain = buildChain();
        if (m_chain.isEmpty()) {
            qCWarning(lc) << "No news source is enabled in the news site file";
            early.ok = false;
            early.error = FetchError{FetchError::Kind::BadRequest, 0,
                                     tr("No news source is enabled. Turn one on in the news site file."),
                                     QStringLiteral("no enabled browser or RSS profile"), -1};
        }
    }
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, early] {
        if (generation != m_generation || !m_running) {
            return;
        }
        CorrelationScope inner(m_correlationId);
        if (m_chain.isEmpty()) {
            finishRefresh(early);
        } else {
            startStep();
        }
    });
}

void NewsService::cancel()
{
    ++m_generation; // results still on their way belong to no refresh now
    m_running = false;
    if (m_scraper && m_scraper->isRunning()) {
        m_scraper->cancel();
    }
    if (RssSource *feed = m_feed.data()) {
        m_feed.clear();
        feed->cancel();
        feed->deleteLater();
    }
}

QList<NewsService::Step> NewsService::buildChain() const
{
    QList<Step> chain;
    QString fallbackId;
    const NewsSiteProfile *browser = m_config.firstEnabled(NewsSiteProfile::Kind::Browser);
    const QList<NewsSiteProfile> feeds = m_config.enabledOfKind(NewsSiteProfile::Kind::Rss);
    if (browser) {
        chain.append(Step{*browser, false, browser->name});
        for (const NewsSiteProfile &feed : feeds) {
            if (feed.url.host() == browser->url.host()) {
                // Same publication: its articles keep the site's name in the Source column.
                chain.append(Step{feed, true, browser->name});
                fallbackId = feed.id;
                break;
            }
        }
    }
    for (const NewsSiteProfile &feed : feeds) {
        if (feed.id != fallbackId) {
            chain.append(Step{feed, false, feed.name});
        }
    }
    return chain;
}

void NewsService::startStep()
{
    if (m_stepIndex >= m_chain.size()) {
        StepReport report{kStep, false, false, m_firstError.value_or(FetchError{}), 0, 0, {}};
        report.note = tr("all news sources failed: %1").arg(m_reasons.join(QStringLiteral("; ")));
        qCWarning(lc).noquote() << "No news source delivered; stored news kept." << report.note;
        finishRefresh(report);
        return;
    }
    const Step &step = m_chain.at(m_stepIndex);
    if (step.profile.kind == NewsSiteProfile::Kind::Browser) {
        startBrowser(step);
    } else {
        startFeed(step);
    }
}

void NewsService::startBrowser(const Step &step)
{
    if (!m_scraper || m_scraper->profile().id != step.profile.id) {
        delete m_scraper;
        // Created on first use so that WebEngine does not start with the application.
        m_scraper = new WebNewsScraper(m_webEnginePath, step.profile, this);
        connect(m_scraper, &WebNewsScraper::finished, this, [this](const ScrapeResult &result) {
            if (m_running && m_stepIndex < m_chain.size() &&
                m_chain.at(m_stepIndex).profile.kind == NewsSiteProfile::Kind::Browser) {
                onScraped(result);
            }
        });
    }
    if (!m_scraper->scrape()) {
        onStepFailed(FetchError{FetchError::Kind::Cancelled, 0, tr("The news page is still being read."),
                                QStringLiteral("scraper busy"), -1},
                     false);
    }
}

void NewsService::startFeed(const Step &step)
{
    auto *feed = new RssSource(m_http, step.profile, this);
    feed->setSourceName(step.storedName);
    m_feed = feed;
    const quint64 generation = m_generation;
    connect(feed, &RssSource::finished, this, [this, feed, generation](const RssFetchResult &result) {
        feed->deleteLater();
        if (generation != m_generation || !m_running) {
            return;
        }
        m_feed.clear();
        onFeedFetched(result);
    });
    feed->fetch();
}

void NewsService::onScraped(const ScrapeResult &result)
{
    CorrelationScope scope(m_correlationId);
    FetchError outcome = result.error;
    if (!outcome.isError() && result.items.isEmpty()) {
        outcome = FetchError{FetchError::Kind::BadResponse, 0, tr("The news page showed no articles."),
                             QStringLiteral("no articles matched"), -1};
    }
    Q_EMIT browserScraped(result.latencyMs, outcome, m_chain.at(m_stepIndex).profile.url);
    if (result.ok() && !result.items.isEmpty()) {
        qCInfo(lc).noquote() << result.profileId << "delivered" << result.items.size() << "articles via"
                             << result.method << "in" << result.latencyMs << "ms";
        onStepDelivered(result.items);
    } else {
        onStepFailed(result.error, result.challengeSeen);
    }
}

void NewsService::onFeedFetched(const RssFetchResult &result)
{
    CorrelationScope scope(m_correlationId);
    if (result.ok() && !result.items.isEmpty()) {
        qCInfo(lc).noquote() << result.profileId << "delivered" << result.items.size() << "articles ("
                             << result.format << ") in" << result.latencyMs << "ms";
        onStepDelivered(result.items);
        return;
    }
    FetchError error = result.error;
    if (!error.isError()) {
        const QString name = m_chain.at(m_stepIndex).profile.name;
        error =
            FetchError{FetchError::Kind::BadResponse, 0, tr("The news feed %1 lists no articles.").arg(name),
                       QStringLiteral("feed %1 has no usable items").arg(result.profileId), -1};
    }
    onStepFailed(error, false);
}

void NewsService::onStepFailed(const FetchError &error, bool challengeSeen)
{
    const Step &step = m_chain.at(m_stepIndex);
    m_reasons.append(failureReason(step, error, challengeSeen));
    if (!m_firstError) {
        m_firstError = error;
    }
    const QString next =
        m_stepIndex + 1 < m_chain.size() ? m_chain.at(m_stepIndex + 1).profile.id : QString();
    qCWarning(lc).noquote() << QStringLiteral("%1 failed (%2): %3; %4")
                                   .arg(step.profile.id, FetchError::kindName(error.kind), error.detail,
                                        next.isEmpty() ? QStringLiteral("no other news source left")
                                                       : QStringLiteral("falling back to ") + next);
    Q_EMIT sourceFailed(step.profile.name, error);
    ++m_stepIndex;
    startStep();
}

void NewsService::onStepDelivered(const QList<NewsItem> &items)
{
    const Step &step = m_chain.at(m_stepIndex);
    const QList<NewsItem> unique = uniqueByUrl(items, step.storedName);
    const int before = m_store->count();
    const WriteResult written = m_store->upsert(unique);
    StepReport report{kStep, written.ok, false, {}, 0, written.rows, deliveryNote(step)};
    if (!written.ok) {
        report.error = FetchError{FetchError::Kind::BadResponse, 0,
                                  tr("The news could not be saved; the previous headlines are kept."),
                                  QStringLiteral("news upsert failed: ") + written.error, -1};
        finishRefresh(report);
        return;
    }
    const int added = m_store->count() - before;
    int purged = 0;
    if (m_retentionDays > 0) {
        purged = qMax(0, m_store->purgeOlderThan(m_clock() - qint64(m_retentionDays) * kDayMs));
    }
    m_lastSource = step.profile.name;
    qCInfo(lc).noquote() << QStringLiteral("News from %1: %2 articles, %3 new, %4 past retention removed")
                                .arg(step.profile.id)
                                .arg(unique.size())
                                .arg(added)
                                .arg(purged);
    Q_EMIT newsChanged();
    finishRefresh(report);
}

QString NewsService::failureReason(const Step &step, const FetchError &error, bool challengeSeen) const
{
    using K = FetchError::Kind;
    if (step.profile.kind == NewsSiteProfile::Kind::Browser) {
        switch (error.kind) {
        case K::Blocked:
            return challengeSeen ? tr("browser blocked by a JavaScript challenge")
                                 : tr("browser blocked by the site");
        case K::Timeout:
            return tr("browser timed out");
        case K::Offline:
            return tr("site unreachable");
        case K::NotFound:
            return tr("page not found");
        case K::BadResponse:
            return tr("no articles found on the page");
        default:
            return tr("browser failed (%1)").arg(FetchError::kindName(error.kind));
        }
    }
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
    return tr("%1: %2").arg(step.profile.name, why);
}

QString NewsService::deliveryNote(const Step &step) const
{
    if (m_reasons.isEmpty()) {
        return step.profile.name;
    }
    const QString why = m_reasons.join(QStringLiteral("; "));
    if (step.fallback) {
        return tr("%1 (RSS fallback: %2)").arg(step.storedName, why);
    }
    return tr("%1 (fallback: %2)").arg(step.profile.name, why);
}

void NewsService::finishRefresh(StepReport report)
{
    m_running = false;
    report.latencyMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    Q_EMIT finished(report);
}

} // namespace ba
