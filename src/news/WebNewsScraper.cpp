#include "news/WebNewsScraper.h"

#include "logging/Correlation.h"
#include "news/ClearanceCookie.h"
#include "news/NewsRequestInterceptor.h"
#include "news/ScrapeErrors.h"
#include "news/ScrapedItemValidator.h"
#include "news/ScraperPage.h"
#include "news/ScraperScripts.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QWebEngineDownloadRequest>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineScript>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.news.scraper")
} // namespace

namespace ba {

namespace {

constexpr int ExtractionGraceMs = 3000; // an extraction running at the deadline may still finish
constexpr qint64 HttpCacheBytes = 32 * 1024 * 1024;

} // namespace

WebNewsScraper::WebNewsScraper(const QString &storagePath, const NewsSiteProfile &profile, QObject *parent)
    : QObject(parent), m_storagePath(storagePath), m_site(profile),
      m_interceptor(new NewsRequestInterceptor(profile.url.host(), this))
{
    m_pollTimer.setInterval(PollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &WebNewsScraper::runProbe);
    m_deadlineTimer.setSingleShot(true);
    m_deadlineTimer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early
    connect(&m_deadlineTimer, &QTimer::timeout, this, &WebNewsScraper::onDeadline);
    m_releaseSettleTimer.setSingleShot(true);
    m_releaseSettleTimer.setInterval(ReleaseSettleMs);
    connect(&m_releaseSettleTimer, &QTimer::timeout, this, &WebNewsScraper::onBrowserReleased);
}

WebNewsScraper::~WebNewsScraper()
{
    m_running = false; // page callbacks fired during the deletes below must do nothing
    delete m_page;
    delete m_webProfile;
    if (m_releasingProfile) {
        m_releasingProfile->setUrlRequestInterceptor(nullptr); // the interceptor dies with us
    }
}

bool WebNewsScraper::isBrowserActive() const
{
    return m_page || m_webProfile || m_releasingProfile || m_releaseSettleTimer.isActive();
}

template <typename F> auto WebNewsScraper::guarded(F &&onResult)
{
    return [self = QPointer<WebNewsScraper>(this), generation = m_generation, id = m_correlationId,
            f = std::forward<F>(onResult)](const QVariant &value) {
        if (!self || !self->m_running || self->m_generation != generation) {
            return;
        }
        CorrelationScope scope(id);
        f(value.toString());
    };
}

bool WebNewsScraper::scrape()
{
    if (m_running) {
        qCWarning(lc).noquote() << m_site.id << "scrape already running; request ignored";
        return false;
    }
    ++m_generation;
    m_running = true;
    m_correlationId = currentCorrelationId();
    m_probePending = m_extractPending = m_graceUsed = false;
    m_loaded = m_everLoaded = m_challengeSeen = m_stillChallenged = false;
    m_loadedAtMs = -1;
    m_loadErrorDomain = m_loadErrorCode = 0;
    m_loadErrorText.clear();
    m_lastProblem.clear();
    m_interceptor->resetCounts();
    m_clock.start();
    m_deadlineTimer.start(m_site.timeoutMs);
    qCInfo(lc).noquote() << m_site.id << "loading" << m_site.url.toString(QUrl::RemoveQuery) << "timeout"
                         << m_site.timeoutMs << "ms";
    if (m_releasingProfile || m_releaseSettleTimer.isActive()) {
        m_startWhenReleased = true; // one profile per storage path at a time
    } else {
        startBrowser();
    }
    return true;
}

void WebNewsScraper::cancel()
{
    if (m_running) {
        finishWithError(ScrapeErrors::cancelled(m_site));
    }
}

void WebNewsScraper::startBrowser()
{
    // The loader only accepts plain ids; stay inside the storage folder whatever the caller passes.
    QString folder = m_site.id;
    folder.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString dir = QDir(m_storagePath).filePath(folder);
    m_webProfile = new QWebEngineProfile(QStringLiteral("news-") + folder);
    m_webProfile->setPersistentStoragePath(dir);
    m_webProfile->setCachePath(QDir(dir).filePath(QStringLiteral("cache")));
    m_webProfile->setHttpCacheType(QWebEngineProfile::DiskHttpCache);
    m_webProfile->setHttpCacheMaximumSize(int(HttpCacheBytes));
    m_webProfile->setUrlRequestInterceptor(m_interceptor);
    m_webProfile->setDownloadPath(QDir(dir).filePath(QStringLiteral("downloads"))); // never used: refused
    connect(m_webProfile, &QWebEngineProfile::downloadRequested, this, [this](QWebEngineDownloadRequest *d) {
        qCWarning(lc).noquote() << m_site.id << "download refused";
        d->cancel();
    });
    ClearanceCookie(dir).applyTo(m_webProfile, m_site);

    m_page = new ScraperPage(m_webProfile, m_site.url.host());
    connect(m_page, &QWebEnginePage::loadingChanged, this, &WebNewsScraper::onLoadingChanged);
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this, [this](auto status, int code) {
        CorrelationScope scope(m_correlationId);
        finishWithError(ScrapeErrors::rendererGone(m_site, int(status), code));
    });
    m_page->load(m_site.url);
    m_pollTimer.start();
}

void WebNewsScraper::releaseBrowser()
{
    m_pollTimer.stop();
    if (!m_page) {
        return;
    }
    // The profile must outlive its page: delete the page first, the profile when it is gone.
    QWebEngineProfile *profile = std::exchange(m_webProfile, nullptr);
    ScraperPage *page = std::exchange(m_page, nullptr);
    m_releasingProfile = profile;
    disconnect(page, nullptr, this, nullptr);
    connect(page, &QObject::destroyed, profile, &QObject::deleteLater);
    // Chromium finishes writing the profile (cookies included) on its own threads shortly after
    // the object is gone; a new profile on the same storage must not start before that.
    connect(profile, &QObject::destroyed, &m_releaseSettleTimer, qOverload<>(&QTimer::start));
    page->deleteLater();
}

void WebNewsScraper::onBrowserReleased()
{
    qCDebug(lc).noquote() << m_site.id << "browser released";
    Q_EMIT browserReleased();
    if (std::exchange(m_startWhenReleased, false) && m_running) {
        startBrowser();
    }
}

void WebNewsScraper::onLoadingChanged(const QWebEngineLoadingInfo &info)
{
    CorrelationScope scope(m_correlationId);
    const auto domain = info.errorDomain();
    qCDebug(lc).noquote() << m_site.id << info.status() << info.url().toString(QUrl::RemoveQuery);
    switch (info.status()) {
    case QWebEngineLoadingInfo::LoadStartedStatus:
        m_loaded = false;
        return;
    case QWebEngineLoadingInfo::LoadStoppedStatus:
        // Loading was stopped (e.g. when a navigation off the site was refused): the document
        // we have is all there will be.
        break;
    case QWebEngineLoadingInfo::LoadSucceededStatus:
        m_loadErrorDomain = m_loadErrorCode = 0;
        break;
    case QWebEngineLoadingInfo::LoadFailedStatus:
        m_loadErrorDomain = int(domain);
        m_loadErrorCode = info.errorCode();
        m_loadErrorText = info.errorString();
        qCDebug(lc).noquote() << m_site.id << "load failed:" << domain << info.errorCode()
                              << info.errorString();
        // No HTTP answer at all: nothing on the page can be a bot check, so stop here.
        if (domain == QWebEngineLoadingInfo::ConnectionErrorDomain ||
            domain == QWebEngineLoadingInfo::DnsErrorDomain ||
            domain == QWebEngineLoadingInfo::CertificateErrorDomain) {
            finishWithLoadError();
            return;
        }
        if (domain != QWebEngineLoadingInfo::HttpStatusCodeDomain) {
            return; // e.g. a navigation superseded by the next one
        }
        break;
    }
    m_loaded = m_everLoaded = true;
    m_loadedAtMs = m_clock.elapsed();
    runProbe(); // react now rather than at the next tick
}

void WebNewsScraper::runProbe()
{
    if (!m_page || m_probePending || m_extractPending) {
        return;
    }
    m_probePending = true;
    m_page->runJavaScript(ScraperScripts::probe(m_site), QWebEngineScript::ApplicationWorld,
                          guarded([this](const QString &json) {
                              m_probePending = false;
                              onProbe(json);
                          }));
}

void WebNewsScraper::onProbe(const QString &json)
{
    const QJsonObject obj = QJsonDocument::fromJson(json.toUtf8()).object();
    Probe probe;
    probe.challenge = obj.value(QLatin1String("challenge")).toBool();
    probe.blocked = obj.value(QLatin1String("blocked")).toBool();
    probe.items = obj.value(QLatin1String("items")).toInt();
    probe.generic = obj.value(QLatin1String("generic")).toInt();

    if (probe.blocked) {
        finishWithError(ScrapeErrors::blockPage(m_site, m_loadErrorCode));
        return;
    }
    m_stillChallenged = probe.challenge;
    if (probe.challenge) {
        if (!std::exchange(m_challengeSeen, true)) {
            qCInfo(lc).noquote() << m_site.id << "bot check shown; waiting up to"
                                 << m_site.timeoutMs - m_clock.elapsed() << "ms for it to pass";
        }
        return;
    }
    // While the document still loads, the list may be half parsed: wait for the load to finish,
    // unless it takes longer than the settle time (pages that never stop loading).
    if (probe.items > 0 && (m_loaded || m_clock.elapsed() >= settleMs())) {
        runExtraction();
        return;
    }
    if (!m_loaded) {
        return;
    }
    if (m_loadErrorDomain != 0) {
        finishWithLoadError();
        return;
    }
    // Selectors that do not match yet may still match once the page's scripts have run; give
    // them a moment before settling for the generic extraction.
    const bool selectorsHopeless =
        !m_site.hasSelectors() || probe.items < 0 || m_clock.elapsed() - m_loadedAtMs >= settleMs();
    if (probe.generic > 0 && selectorsHopeless) {
        runExtraction();
    }
}

qint64 WebNewsScraper::settleMs() const
{
    return qBound(1000, m_site.timeoutMs / 4, 5000);
}

void WebNewsScraper::runExtraction()
{
    if (!m_page || m_extractPending) {
        return;
    }
    m_extractPending = true;
    m_page->runJavaScript(ScraperScripts::extraction(m_site), QWebEngineScript::ApplicationWorld,
                          guarded([this](const QString &json) {
                              m_extractPending = false;
                              onExtracted(json);
                          }));
}

void WebNewsScraper::onExtracted(const QString &json)
{
    const auto extraction = ScrapedItemValidator::parse(json, m_site.name, QDateTime::currentDateTimeUtc());
    if (!extraction) {
        m_lastProblem = QStringLiteral("extraction script returned no readable result");
    } else if (!extraction->items.isEmpty()) {
        finishWithItems(*extraction);
        return;
    } else if (extraction->selectorMatches > 0) {
        m_lastProblem =
            QStringLiteral("selector '%1' matched %2 elements but none had a title and an http(s) link")
                .arg(m_site.item)
                .arg(extraction->selectorMatches);
    } else {
        m_lastProblem = QStringLiteral("no valid articles among %1 candidates").arg(extraction->rawCount);
    }
    // Placeholders may still be filled in: keep polling until the deadline.
    qCDebug(lc).noquote() << m_site.id << m_lastProblem;
    if (m_graceUsed) {
        onDeadline(); // the deadline has passed already
    }
}

void WebNewsScraper::onDeadline()
{
    CorrelationScope scope(m_correlationId);
    if (!m_running) {
        return;
    }
    if (m_extractPending && !std::exchange(m_graceUsed, true)) {
        m_deadlineTimer.start(ExtractionGraceMs);
        return;
    }
    if (m_stillChallenged) {
        finishWithError(ScrapeErrors::challengeNotPassed(m_site, m_loadErrorCode));
    } else if (!m_everLoaded) {
        finishWithError(ScrapeErrors::notLoaded(m_site));
    } else {
        finishWithError(ScrapeErrors::noArticles(
            m_site,
            m_lastProblem.isEmpty() ? QStringLiteral("no article candidates on the page") : m_lastProblem));
    }
}

void WebNewsScraper::finishWithLoadError()
{
    finishWithError(ScrapeErrors::loadFailed(m_site, m_loadErrorDomain, m_loadErrorCode, m_loadErrorText));
}

void WebNewsScraper::finishWithItems(const Extraction &extraction)
{
    warnAboutSelectors(extraction);
    ScrapeResult result;
    result.items = extraction.items;
    result.method = extraction.method;
    finish(result);
}

void WebNewsScraper::warnAboutSelectors(const Extraction &extraction) const
{
    if (!m_site.hasSelectors() || extraction.method == u"selectors") {
        return;
    }
    const QString what = extraction.selectorInvalid
                             ? QStringLiteral("selector '%1' is not valid CSS").arg(m_site.item)
                         : extraction.selectorMatches > 0
                             ? QStringLiteral("selector '%1' matched %2 elements without a title and link")
                                   .arg(m_site.item)
                                   .arg(extraction.selectorMatches)
                             : QStringLiteral("selector '%1' matched nothing").arg(m_site.item);
    qCWarning(lc).noquote()
        << QStringLiteral("profile %1 needs updating: %2; used %3").arg(m_site.id, what, extraction.method);
}

void WebNewsScraper::finishWithError(const FetchError &error)
{
    ScrapeResult result;
    result.error = error;
    finish(result);
}

void WebNewsScraper::finish(ScrapeResult result)
{
    if (!m_running) {
        return;
    }
    m_running = false;
    m_startWhenReleased = false;
    m_deadlineTimer.stop();
    result.latencyMs = m_clock.elapsed();
    result.challengeSeen = m_challengeSeen;
    result.profileId = m_site.id;
    if (result.ok()) {
        qCInfo(lc).noquote() << m_site.id << result.items.size() << "articles via" << result.method << "in"
                             << result.latencyMs << "ms" << (m_challengeSeen ? "(bot check passed)" : "")
                             << "blocked resources" << m_interceptor->blockedResources()
                             << "cross-site requests" << m_interceptor->blockedCrossSite();
    } else {
        qCWarning(lc).noquote() << m_site.id << FetchError::kindName(result.error.kind) << "after"
                                << result.latencyMs << "ms:" << result.error.detail;
    }
    releaseBrowser();
    Q_EMIT finished(result);
}

} // namespace ba
