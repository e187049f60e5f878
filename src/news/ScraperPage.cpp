#include "news/ScraperPage.h"

#include "news/NewsRequestInterceptor.h"

#include <QLoggingCategory>
#include <QWebEngineFileSystemAccessRequest>
#include <QWebEngineRegisterProtocolHandlerRequest>
#include <QWebEngineSettings>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.news.page")
} // namespace

namespace ba {

ScraperPage::ScraperPage(QWebEngineProfile *profile, const QString &siteHost, QObject *parent)
    : QWebEnginePage(profile, parent), m_siteHost(siteHost)
{
    QWebEngineSettings *s = settings();
    s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    s->setAttribute(QWebEngineSettings::JavascriptCanPaste, false);
    s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    s->setAttribute(QWebEngineSettings::PlaybackRequiresUserGesture, true);
    s->setAttribute(QWebEngineSettings::WebGLEnabled, false);
    s->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    s->setAttribute(QWebEngineSettings::AllowWindowActivationFromJavaScript, false);

    connect(this, &QWebEnginePage::featurePermissionRequested, this,
            [this](const QUrl &origin, QWebEnginePage::Feature feature) {
                qCDebug(lc) << "permission denied:" << feature;
                setFeaturePermission(origin, feature, QWebEnginePage::PermissionDeniedByUser);
            });
    connect(this, &QWebEnginePage::fileSystemAccessRequested, this,
            [](QWebEngineFileSystemAccessRequest request) { request.reject(); });
    connect(this, &QWebEnginePage::registerProtocolHandlerRequested, this,
            [](QWebEngineRegisterProtocolHandlerRequest request) { request.reject(); });
}

QWebEnginePage *ScraperPage::createWindow(WebWindowType type)
{
    qCDebug(lc) << "pop-up refused, type" << type;
    return nullptr;
}

bool ScraperPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    if (isMainFrame && !NewsRequestInterceptor::isAllowedNavigation(url, m_siteHost)) {
        qCWarning(lc).noquote() << "refused navigation away from" << m_siteHost << "to host" << url.host()
                                << "type" << type;
        return false;
    }
    return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
}

// Page scripts' console output is the site's business; keep it at debug level.
void ScraperPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                           int lineNumber, const QString &sourceId)
{
    Q_UNUSED(sourceId)
    qCDebug(lc).noquote() << "console" << int(level) << "line" << lineNumber << message.left(300);
}

} // namespace ba
