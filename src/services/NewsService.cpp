#include "services/NewsService.h"

#include "domain/CanonicalUrl.h"
#include "logging/Correlation.h"
#include "net/HttpClient.h"
#include "news/ScrapeResult.h"
#include "news/WebNewsScraper.h"
#include "services/NewsNotes.h"
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
using State = NewsActivity::State;

// One item per canonical URL; the first occurrence wins.
QList<NewsItem> uniqueByUrl(const QList<NewsItem> &items, const QString &source, int via)
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
        item.seenVia = via;
        unique.append(item);
    }
    return unique;
}

// A site that answers like this will do so again at once: leave it alone for a while.
bool blocksTheBrowser(const FetchError &error)
{
    return error.kind == FetchError::Kind::Blocked || error.kind == FetchError::Kind::RateLimited;
}
} // namespace

NewsService::NewsService(NewsStore *store, HttpClient *http, NewsSiteConfig config,
                         QString webEngineStoragePath, QObject *parent)
    : QObject(parent), m_store(store), m_http(http), m_config(std::move(config)),
      m_webEnginePath(std::move(webEngineStoragePath)),
      m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<ba::StepReport>();
    qRegisterMetaType<ba::NewsActivity>();
    m_feeds = new NewsFeedLane(http, NewsFeedLane::feedsFor(m_config), this);
    connect(m_feeds, &NewsFeedLane::delivered, this, &NewsService::onFeedsDelivered);
    connect(m_feeds, &NewsFeedLane::exhausted, this, &NewsService::onFeedsExhausted);
    connect(m_feeds, &NewsFeedLane::feedFailed, this,
            [this](const NewsFeedLane::Feed &feed, const FetchError &error) {
                Q_EMIT sourceFailed(feed.profile.name, error);
            });
    if (const NewsSiteProfile *site = m_config.firstEnabled(NewsSiteProfile::Kind::Browser)) {
        m_activity.siteName = site->name;
    }
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
    m_reported = false;
    m_correlationId = correlationId;
    m_elapsed.start();
    m_storedRows = 0;
    m_deliveryNote.clear();
    m_problems.clear();
    m_firstError.reset();
    m_storeError.reset();

    StepReport early{kStep, true, false, {}, 0, 0, {}};
    const bool hasBrowser = m_config.firstEnabled(NewsSiteProfile::Kind::Browser) != nullptr;
    if (m_offline) {
        qCInfo(lc) << "Offline: news served from the store only";
        early.skipped = true;
        early.note = tr("offline: showing stored news");
    } else if (!hasBrowser && m_feeds->isEmpty()) {
        qCWarning(lc) << "No news source is enabled in the news site file";
        early.ok = false;
        early.error = FetchError{FetchError::Kind::BadRequest, 0,
                                 tr("No news source is enabled. Turn one on in the news site file."),
                                 QStringLiteral("no enabled browser or RSS profile"), -1};
    }
    const bool startLanesNow = !m_offline && early.ok;
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation, early, startLanesNow] {
        if (generation != m_generation || !m_running) {
            return;
        }
        CorrelationScope inner(m_correlationId);
        if (startLanesNow) {
            startLanes();
        } else {
            finishRefresh(early);
        }
    });
}

void NewsService::cancel()
{
    ++m_generation; // results still on their way belong to no refresh now
    m_running = false;
    m_pageRunning = false;
    if (m_scraper && m_scraper->isRunning()) {
        m_scraper->cancel();
    }
    m_feeds->cancel();
    if (m_activity.isLoading()) {
        setActivity([](NewsActivity &a) {
            a.page = a.page == State::Loading ? State::Idle : a.page;
            a.feed = a.feed == State::Loading ? State::Idle : a.feed;
        });
    }
}

void NewsService::startLanes()
{
    const NewsSiteProfile *site = m_config.firstEnabled(NewsSiteProfile::Kind::Browser);
    const std::optional<NewsSiteBackoff::Pause> pause =
        site ? m_backoff.activePause(site->id, m_clock()) : std::nullopt;
    setActivity([&](NewsActivity &a) {
        a.page = !site ? State::Idle : pause ? State::Paused : State::Loading;
        if (!pause) {
            a.pageProblem.clear();
            a.pageRetryAtMs = 0;
        }
        a.feed = m_feeds->isEmpty() ? State::Idle : State::Loading;
        a.feedProblem.clear();
    });
    if (!m_feeds->isEmpty()) {
        m_feeds->start(m_correlationId); // first: a page failing at once must not end the refresh
    }
    if (pause) {
        const QString until = QDateTime::fromMSecsSinceEpoch(pause->untilMs).toString(Qt::ISODate);
        qCInfo(lc).noquote() << site->id << "skipped until" << until
                             << "after it blocked the browser:" << pause->reason;
        m_problems.append(
            tr("page skipped until %1 (%2)")
                .arg(QDateTime::fromMSecsSinceEpoch(pause->untilMs).toString(QStringLiteral("HH:mm")),
                     pause->reason));
    } else if (site) {
        startPage(*site);
    }
    afterLane(); // nothing may have started (a paused page and no feed)
}

void NewsService::startPage(const NewsSiteProfile &site)
{
    if (!m_scraper || m_scraper->profile().id != site.id) {
        delete m_scraper;
        // Created on first use so that WebEngine does not start with the application.
        m_scraper = new WebNewsScraper(m_webEnginePath, site, this);
        connect(m_scraper, &WebNewsScraper::finished, this, [this](const ScrapeResult &result) {
            if (m_running && m_pageRunning) {
                onScraped(result);
            }
        });
    }
    m_pageRunning = m_scraper->scrape();
    if (!m_pageRunning) {
        onPageFailed(site,
                     FetchError{FetchError::Kind::Cancelled, 0, tr("The news page is still being read."),
                                QStringLiteral("scraper busy"), -1},
                     false);
    }
}

void NewsService::onScraped(const ScrapeResult &result)
{
    CorrelationScope scope(m_correlationId);
    m_pageRunning = false;
    const NewsSiteProfile site = m_scraper->profile();
    FetchError outcome = result.error;
    if (!outcome.isError() && result.items.isEmpty()) {
        outcome = FetchError{FetchError::Kind::BadResponse, 0, tr("The news page showed no articles."),
                             QStringLiteral("no articles matched"), -1};
    }
    Q_EMIT browserScraped(result.latencyMs, outcome, site.url);
    if (!outcome.isError()) {
        qCInfo(lc).noquote() << result.profileId << "delivered" << result.items.size() << "articles via"
                             << result.method << "in" << result.latencyMs << "ms";
        m_backoff.recordSuccess(site.id);
        const bool stored = store(result.items, NewsViaPage, site.name, site.id);
        m_lastSource = stored ? site.name : m_lastSource;
        setActivity([&](NewsActivity &a) {
            a.page = stored ? State::Delivered : State::Failed;
            a.pageProblem.clear();
        });
        if (stored && m_deliveryNote.isEmpty()) {
            m_deliveryNote = NewsNotes::delivery(site.name, false, false, m_problems);
        }
        afterLane();
        return;
    }
    onPageFailed(site, outcome, result.challengeSeen);
}

void NewsService::onPageFailed(const NewsSiteProfile &site, const FetchError &error, bool challengeSeen)
{
    m_pageRunning = false;
    const QString problem = NewsNotes::pageProblem(error, challengeSeen);
    m_problems.prepend(problem);
    if (!m_firstError) {
        m_firstError = error;
    }
    std::optional<NewsSiteBackoff::Pause> pause;
    if (blocksTheBrowser(error)) {
        pause = m_backoff.recordBlocked(site.id, problem, m_clock());
    }
    qCWarning(lc).noquote()
        << QStringLiteral("%1 failed (%2): %3; %4")
               .arg(site.id, FetchError::kindName(error.kind), error.detail,
                    pause ? QStringLiteral("not read again for %1 min").arg(pause->lengthMs / 60000)
                          : QStringLiteral("read again at the next refresh"));
    setActivity([&](NewsActivity &a) {
        a.page = pause ? State::Paused : State::Failed;
        a.pageProblem = problem;
        a.pageRetryAtMs = pause ? pause->untilMs : 0;
    });
    Q_EMIT sourceFailed(site.name, error);
    afterLane();
}

void NewsService::onFeedsDelivered(const QList<NewsItem> &items, const NewsFeedLane::Feed &feed,
                                   const QStringList &problems)
{
    CorrelationScope scope(m_correlationId);
    m_problems.append(problems);
    const bool stored = store(items, NewsViaFeed, feed.storedName, feed.profile.id);
    setActivity([&](NewsActivity &a) {
        a.feed = stored ? State::Delivered : State::Failed;
        a.feedName = feed.profile.name;
        a.feedProblem = problems.join(QStringLiteral("; "));
    });
    if (stored) {
        m_lastSource = feed.profile.name;
        if (m_deliveryNote.isEmpty()) {
            m_deliveryNote = NewsNotes::delivery(feed.ownFeed ? feed.storedName : feed.profile.name, true,
                                                 m_pageRunning, m_problems);
        }
    }
    afterLane();
}

void NewsService::onFeedsExhausted(const FetchError &firstError, const QStringList &problems)
{
    CorrelationScope scope(m_correlationId);
    m_problems.append(problems);
    if (!m_firstError) {
        m_firstError = firstError;
    }
    setActivity([&](NewsActivity &a) {
        a.feed = State::Failed;
        a.feedProblem = problems.join(QStringLiteral("; "));
    });
    afterLane();
}

// Returns false when the store refused the articles (the step then fails with that).
bool NewsService::store(const QList<NewsItem> &items, int via, const QString &sourceName,
                        const QString &profileId)
{
    const QList<NewsItem> unique = uniqueByUrl(items, sourceName, via);
    const int before = m_store->count();
    const WriteResult written = m_store->upsert(unique);
    if (!written.ok) {
        m_storeError = FetchError{FetchError::Kind::BadResponse, 0,
                                  tr("The news could not be saved; the previous headlines are kept."),
                                  QStringLiteral("news upsert failed: ") + written.error, -1};
        return false;
    }
    const int added = m_store->count() - before;
    int purged = 0;
    if (m_retentionDays > 0) {
        purged = qMax(0, m_store->purgeOlderThan(m_clock() - qint64(m_retentionDays) * kDayMs));
    }
    m_storedRows = std::max(m_storedRows, written.rows);
    qCInfo(lc).noquote() << QStringLiteral("News from %1: %2 articles, %3 new, %4 past retention removed")
                                .arg(profileId)
                                .arg(unique.size())
                                .arg(added)
                                .arg(purged);
    Q_EMIT newsChanged();
    return true;
}

// After each lane event: report once the first lane delivered (or every lane ended), and end the
// refresh when no lane runs any more.
void NewsService::afterLane()
{
    const bool lanesRunning = m_pageRunning || m_feeds->isRunning();
    if (!m_reported && (!m_deliveryNote.isEmpty() || m_storeError || !lanesRunning)) {
        StepReport report{kStep, true, false, {}, 0, m_storedRows, m_deliveryNote};
        if (m_storeError) {
            report.ok = false;
            report.error = *m_storeError;
        } else if (m_deliveryNote.isEmpty()) {
            report.ok = false;
            report.error = m_firstError.value_or(FetchError{});
            report.note = tr("all news sources failed: %1").arg(m_problems.join(QStringLiteral("; ")));
            qCWarning(lc).noquote() << "No news source delivered; stored news kept." << report.note;
        }
        finishRefresh(report);
    }
    if (!lanesRunning) {
        m_running = false;
    }
}

void NewsService::setActivity(const std::function<void(NewsActivity &)> &change)
{
    NewsActivity next = m_activity;
    change(next);
    if (!(next == m_activity)) {
        m_activity = next;
        Q_EMIT activityChanged(m_activity);
    }
}

void NewsService::finishRefresh(StepReport report)
{
    m_reported = true;
    report.latencyMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    Q_EMIT finished(report);
}

} // namespace ba
