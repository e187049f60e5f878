#include "gui/MarkdownRenderer.h"

#include <QDesktopServices>
#include <QLoggingCategory>
#include <QTextDocument>

namespace {
Q_LOGGING_CATEGORY(lcMarkdown, "ba.gui.markdown")
} // namespace

namespace {}

namespace ba {

namespace {

// QTextDocument::loadResource() would otherwise read local files and data: URLs by itself after
// the browser declined; this document refuses everything and reports what was asked for.
class InertDocument : public QTextDocument
{
public:
    InertDocument(std::function<void(const QUrl &)> onRefused, QObject *parent)
        : QTextDocument(parent), m_onRefused(std::move(onRefused))
    {}

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        Q_UNUSED(type)
        m_onRefused(name);
        return {};
    }

private:
    std::function<void(const QUrl &)> m_onRefused;
};

} // namespace

MarkdownRenderer::MarkdownRenderer(QWidget *parent)
    : QTextBrowser(parent), m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setDocument(new InertDocument(
        [this](const QUrl &url) { loadResource(QTextDocument::UnknownResource, url); }, this));
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setUndoRedoEnabled(false);
    connect(this, &QTextBrowser::anchorClicked, this, &MarkdownRenderer::onAnchorClicked);
}

void MarkdownRenderer::setMarkdownText(const QString &markdown)
{
    if (markdown == m_markdown && !document()->isEmpty()) {
        return;
    }
    m_markdown = markdown;
    document()->setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub) |
                                          QTextDocument::MarkdownNoHTML);
}

void MarkdownRenderer::setUrlOpener(UrlOpener opener)
{
    m_opener = std::move(opener);
}

bool MarkdownRenderer::isOpenableLink(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
           !url.host().isEmpty();
}

QVariant MarkdownRenderer::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type)
    qCDebug(lcMarkdown).noquote() << QStringLiteral("refused to load ") +
                                         name.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    Q_EMIT resourceRefused(name);
    return {};
}

void MarkdownRenderer::onAnchorClicked(const QUrl &url)
{
    if (!isOpenableLink(url)) {
        qCInfo(lcMarkdown).noquote() << QStringLiteral("ignored a link with scheme \"%1\"").arg(url.scheme());
        Q_EMIT linkRefused(url);
        return;
    }
    if (m_opener) {
        m_opener(url);
    }
}

} // namespace ba
