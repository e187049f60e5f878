#pragma once

#include <QString>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

namespace ba {

// Keeps the hidden news page lean and on its site: no images, fonts, media, favicons or plug-in
// content are fetched, and the top-level page may not leave the site's host (or its
// subdomains). Sub-frames and scripts from other hosts are allowed: bot checks live there.
class NewsRequestInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
public:
    explicit NewsRequestInterceptor(const QString &siteHost, QObject *parent = nullptr);

    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    // host equals siteHost or is a subdomain of it; a leading "www." on siteHost is ignored.
    static bool isSameSite(const QString &host, const QString &siteHost);
    static bool isAllowedNavigation(const QUrl &url, const QString &siteHost);

    int blockedResources() const { return m_blockedResources; }
    int blockedNavigations() const { return m_blockedNavigations; }
    void resetCounts();

private:
    QString m_siteHost;
    // Qt 6 calls profile interceptors on the UI thread, so plain ints are enough.
    int m_blockedResources = 0;
    int m_blockedNavigations = 0;
};

} // namespace ba
