#include "news/NewsRequestInterceptor.h"

#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.news.interceptor")
} // namespace

namespace ba {

NewsRequestInterceptor::NewsRequestInterceptor(const QString &siteHost, QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent), m_siteHost(siteHost.toLower())
{}

bool NewsRequestInterceptor::isSameSite(const QString &host, const QString &siteHost)
{
    const QString h = host.toLower();
    QString base = siteHost.toLower();
    if (base.startsWith(QLatin1String("www."))) {
        base = base.mid(4);
    }
    return !base.isEmpty() && (h == base || h.endsWith(u'.' + base));
}

bool NewsRequestInterceptor::isAllowedNavigation(const QUrl &url, const QString &siteHost)
{
    const QString scheme = url.scheme();
    return (scheme == u"http" || scheme == u"https") && isSameSite(url.host(), siteHost);
}

bool NewsRequestInterceptor::isAllowedSubresource(const QUrl &url, const QString &siteHost)
{
    return isAllowedNavigation(url, siteHost);
}

void NewsRequestInterceptor::resetCounts()
{
    m_blockedResources = 0;
    m_blockedNavigations = 0;
    m_blockedCrossSite = 0;
}

void NewsRequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    switch (info.resourceType()) {
    case QWebEngineUrlRequestInfo::ResourceTypeImage:
    case QWebEngineUrlRequestInfo::ResourceTypeFontResource:
    case QWebEngineUrlRequestInfo::ResourceTypeMedia:
    case QWebEngineUrlRequestInfo::ResourceTypeFavicon:
    case QWebEngineUrlRequestInfo::ResourceTypeObject:
    case QWebEngineUrlRequestInfo::ResourceTypePluginResource:
        ++m_blockedResources;
        info.block(true);
        return;
    case QWebEngineUrlRequestInfo::ResourceTypeMainFrame:
        if (!isAllowedNavigation(info.requestUrl(), m_siteHost)) {
            ++m_blockedNavigations;
            qCWarning(lc).noquote() << "blocked navigation away from" << m_siteHost << "to host"
                                    << info.requestUrl().host();
            info.block(true);
        }
        return;
    case QWebEngineUrlRequestInfo::ResourceTypeWebSocket:
    case QWebEngineUrlRequestInfo::ResourceTypeServiceWorker:
        ++m_blockedCrossSite;
        qCInfo(lc).noquote() << "blocked a"
                             << (info.resourceType() == QWebEngineUrlRequestInfo::ResourceTypeWebSocket
                                     ? "web socket"
                                     : "service worker")
                             << "to host" << info.requestUrl().host();
        info.block(true);
        return;
    default:
        // Scripts, style sheets, XHR/fetch, frames, workers, pings, prefetches, reports.
        if (!isAllowedSubresource(info.requestUrl(), m_siteHost)) {
            ++m_blockedCrossSite;
            qCInfo(lc).noquote() << "blocked a cross-site request of type" << info.resourceType() << "to host"
                                 << info.requestUrl().host();
            info.block(true);
        }
        return;
    }
}

} // namespace ba
