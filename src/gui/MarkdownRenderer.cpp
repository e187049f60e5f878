#include "gui/MarkdownRenderer.h"

#include "gui/PlainToolTip.h"

#include <QDesktopServices>
#include <QImage>
#include <QLoggingCategory>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.gui.markdown")
} // namespace

namespace {}

namespace ba {

namespace {

constexpr int MaxAltChars = 200;

// QTextDocument::loadResource() would otherwise read local files and data: URLs by itself after
// the browser declined; this document refuses everything and reports what was asked for. An image
// request gets a blank pixel, never an empty value: on an empty value Qt's image handler falls
// back to QImage::load(name), which reads the file system (and blocks forever on a FIFO).
class InertDocument : public QTextDocument
{
public:
    InertDocument(std::function<void(const QUrl &)> onRefused, QObject *parent)
        : QTextDocument(parent), m_onRefused(std::move(onRefused))
    {}

protected:
    QVariant loadResource(int type, const QUrl &name) override
    {
        m_onRefused(name);
        if (type == QTextDocument::ImageResource) {
            QImage blank(1, 1, QImage::Format_ARGB32);
            blank.fill(Qt::transparent);
            return blank;
        }
        return QByteArray(); // style sheets and anything else: nothing
    }

private:
    std::function<void(const QUrl &)> m_onRefused;
};

// The text an image is shown as: "[alt text]", or "[image]" without one.
QString imagePlaceholder(const QTextCharFormat &image)
{
    QString alt = image.stringProperty(QTextFormat::ImageAltText).simplified();
    if (alt.size() > MaxAltChars) {
        alt = alt.left(MaxAltChars - 1) + QChar(0x2026);
    }
    return QLatin1Char('[') + (alt.isEmpty() ? MarkdownRenderer::tr("image") : alt) + QLatin1Char(']');
}

QTextCharFormat placeholderFormat()
{
    QTextCharFormat text;
    text.setFontItalic(true);
    return text;
}

struct Replacement
{
    int position = 0;
    int length = 0;
    QTextCharFormat format;
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
    // Read into a document that nothing displays, so that no layout measures an image (which asks
    // for its pixels) before makeInert() has replaced it; then show the inert copy.
    InertDocument staging([this](const QUrl &url) { loadResource(QTextDocument::UnknownResource, url); },
                          nullptr);
    staging.setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub) |
                                      QTextDocument::MarkdownNoHTML);
    makeInert(&staging);
    document()->clear();
    QTextCursor(document()).insertFragment(QTextDocumentFragment(&staging));
}

void MarkdownRenderer::makeInert(QTextDocument *document)
{
    // Gather first, edit afterwards from the end, so that positions stay valid while editing.
    QList<Replacement> images;
    QList<Replacement> toolTips;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid()) {
                continue;
            }
            const QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat()) {
                images.append({fragment.position(), fragment.length(), format});
            } else if (!format.toolTip().isEmpty()) {
                toolTips.append({fragment.position(), fragment.length(), format});
            }
        }
    }
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    // A link or image title becomes a tooltip, which Qt would render as rich text.
    for (const Replacement &tip : std::as_const(toolTips)) {
        cursor.setPosition(tip.position);
        cursor.setPosition(tip.position + tip.length, QTextCursor::KeepAnchor);
        QTextCharFormat escaped;
        escaped.setToolTip(plainToolTip(tip.format.toolTip()));
        cursor.mergeCharFormat(escaped);
    }
    for (auto it = images.crbegin(); it != images.crend(); ++it) {
        cursor.setPosition(it->position);
        cursor.setPosition(it->position + it->length, QTextCursor::KeepAnchor);
        // Identical neighbouring images share one fragment, one character each.
        cursor.insertText(imagePlaceholder(it->format).repeated(it->length), placeholderFormat());
    }
    cursor.endEditBlock();
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
    qCDebug(lc).noquote() << QStringLiteral("refused to load ") +
                                 name.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    Q_EMIT resourceRefused(name);
    return {};
}

void MarkdownRenderer::onAnchorClicked(const QUrl &url)
{
    if (!isOpenableLink(url)) {
        qCInfo(lc).noquote() << QStringLiteral("ignored a link with scheme \"%1\"").arg(url.scheme());
        Q_EMIT linkRefused(url);
        return;
    }
    if (m_opener) {
        m_opener(url);
    }
}

} // namespace ba
