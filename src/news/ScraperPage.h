#pragma once

#include <QWebEnginePage>

namespace ba {

// The hidden page the scraper drives. It is never shown and asks nothing of anybody: pop-ups,
// permission requests, file-system access and protocol handlers are refused, and the top-level
// frame stays on the site (a refused navigation leaves the current document in place, where a
// request blocked by the interceptor would replace it with an error page).
class ScraperPage : public QWebEnginePage
{
    Q_OBJECT
public:
    ScraperPage(QWebEngineProfile *profile, const QString &siteHost, QObject *parent = nullptr);

protected:
    QWebEnginePage *createWindow(WebWindowType type) override;
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber,
                                  const QString &sourceId) override;

private:
    QString m_siteHost;
};

} // namespace ba
