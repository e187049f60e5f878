#pragma once

#include <QString>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace ba {

// Keeps the hidden news page lean and on its site. Nothing is fetched for images, fonts, media,
// favicons or plug-ins; the top-level page may not leave the site's host (or its subdomains); and
// every other request (scripts, style sheets, XHR/fetch, frames, workers, pings) must go to the
// site itself: a hostile page cannot reach another host, a service on this machine included. Web
// sockets and service workers are refused outright: an article list needs neither.
class NewsRequestInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    explicit NewsRequestInterceptor(const QString &siteHost, QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    // host equals siteHost or is a subdomain of it; a leading "www." on siteHost is ignored.
    static bool isSameSite(const QString &host, const QString &siteHost);
    static bool isAllowedNavigation(const QUrl &url, const QString &siteHost);
    // An http(s) URL on the site: what subresources, XHR and frames may load.
    static bool isAllowedSubresource(const QUrl &url, const QString &siteHost);

    int blockedResources() const { return m_blockedResources; }
    int blockedNavigations() const { return m_blockedNavigations; }
    int blockedCrossSite() const { return m_blockedCrossSite; }
    void resetCounts();

private:
    QString m_siteHost;
    // Qt 6 calls profile interceptors on the UI thread, so plain ints are enough.
    int m_blockedResources = 0;
    int m_blockedNavigations = 0;
    int m_blockedCrossSite = 0;
};

} // namespace ba
