#pragma once

#include "news/NewsSiteProfile.h"
#include "news/ScrapeResult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QWebEngineProfile;
class QWebEngineLoadingInfo;

namespace ba {

class NewsRequestInterceptor;
class ScraperPage;
struct Extraction;

// Reads the article list of one news site with a hidden, never shown QWebEnginePage, so that
// pages built by JavaScript and pages behind a JavaScript bot check can be read.
//
// The browser is started lazily by scrape() and released (page and WebEngine profile deleted)
// after each scrape, so WebEngine does not run at application start and the renderer's memory
// is given back. Cookies live in memory only and third-party cookies are refused; the site's
// bot-check clearance alone is remembered (ClearanceCookie in storagePath/<site id>), so a passed
// bot check is not asked again. A scrape started right after a release waits ReleaseSettleMs for
// Chromium to finish writing the profile. Known Qt 6.4 limit: a named profile writes user_prefs.json under
// AppDataLocation/QtWebEngine/news-<id> before its storage path can be set (Qt 6.9 has
// QWebEngineProfileBuilder for this).
//
// The application must set Qt::AA_ShareOpenGLContexts before creating its QGuiApplication.
class WebNewsScraper : public QObject
{
    Q_OBJECT
public:
    static constexpr int PollIntervalMs = 250;
    // Seen: the cookie store is on disk ~10 ms after the profile object is deleted (idle machine).
    static constexpr int ReleaseSettleMs = 500;

    // storagePath: DIR/webengine under the data directory.
    WebNewsScraper(const QString &storagePath, const NewsSiteProfile &profile, QObject *parent = nullptr);
    ~WebNewsScraper() override;

    const NewsSiteProfile &profile() const { return m_site; }
    bool isRunning() const { return m_running; }
    // True while a page or WebEngine profile exists (during a scrape and until its release).
    bool isBrowserActive() const;

    // Starts a scrape; finished() follows exactly once. Returns false (and emits nothing) when a
    // scrape is already running. Do not delete the scraper from a slot connected to finished()
    // other than with deleteLater().
    bool scrape();
    // Ends a running scrape with FetchError::Kind::Cancelled.
    void cancel();

Q_SIGNALS:
    void finished(const ba::ScrapeResult &result);
    void browserReleased(); // the page and the WebEngine profile are gone, their files written

private:
    struct Probe
    {
        bool challenge = false;
        bool blocked = false;
        int items = 0;
        int generic = 0;
    };

    void startBrowser();
    void releaseBrowser();
    void onBrowserReleased();
    void onLoadingChanged(const QWebEngineLoadingInfo &info);
    void runProbe();
    void onProbe(const QString &json);
    void runExtraction();
    void onExtracted(const QString &json);
    void onDeadline();
    void finishWithItems(const Extraction &extraction);
    void finishWithError(const FetchError &error);
    void finishWithLoadError();
    void finish(ScrapeResult result);
    void warnAboutSelectors(const Extraction &extraction) const;
    qint64 settleMs() const;
    // Wraps a page callback so that it only runs for the scrape that asked for it.
    template <typename F> auto guarded(F &&onResult);

    const QString m_storagePath;
    const NewsSiteProfile m_site;
    NewsRequestInterceptor *m_interceptor = nullptr;
    QWebEngineProfile *m_webProfile = nullptr;
    ScraperPage *m_page = nullptr;
    QPointer<QWebEngineProfile> m_releasingProfile; // deleted after its page, then released
    QTimer m_pollTimer;
    QTimer m_deadlineTimer;
    QTimer m_releaseSettleTimer;
    QElapsedTimer m_clock;
    QString m_correlationId;
    quint64 m_generation = 0;

    // State of the running scrape.
    bool m_running = false;
    bool m_startWhenReleased = false;
    bool m_probePending = false;
    bool m_extractPending = false;
    bool m_graceUsed = false;
    bool m_loaded = false; // the current document finished loading
    bool m_everLoaded = false;
    qint64 m_loadedAtMs = -1;
    bool m_challengeSeen = false;
    bool m_stillChallenged = false;
    int m_loadErrorDomain = 0; // QWebEngineLoadingInfo::ErrorDomain of the last failed load
    int m_loadErrorCode = 0;
    QString m_loadErrorText;
    QString m_lastProblem; // why the last extraction gave nothing, for the final message
};

} // namespace ba
