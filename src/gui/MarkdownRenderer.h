#pragma once

#include <QString>
#include <QTextBrowser>
#include <QUrl>
#include <QVariant>
#include <functional>

namespace ba {

// Shows Markdown that came from outside (an AI answer, headlines) without letting it reach out:
// raw HTML is not interpreted (it shows as text), no resource of any kind is loaded (remote, file,
// qrc or data: images show as "[alt text]" and nothing is fetched), link and image titles become
// plain-text tooltips, and a clicked link opens only when it is http or https, through an opener
// that tests can replace. Nothing is followed inside the view.
class MarkdownRenderer : public QTextBrowser
{
    Q_OBJECT
public:
    using UrlOpener = std::function<bool(const QUrl &)>;

    explicit MarkdownRenderer(QWidget *parent = nullptr);

    void setMarkdownText(const QString &markdown);
    QString markdownText() const { return m_markdown; }

    // Default: QDesktopServices::openUrl.
    void setUrlOpener(UrlOpener opener);
    // http or https with a host; everything else (javascript:, file:, data:, qrc:, mailto:...) is refused.
    static bool isOpenableLink(const QUrl &url);

    // Replaces every image of `document` by its "[alt text]" and makes every tooltip plain text, so
    // that laying out or painting the document never touches the file system or the network.
    static void makeInert(QTextDocument *document);

    // Always an empty QVariant: the browser never loads anything on the document's behalf.
    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    // A resource (usually an image) the document asked for and did not get.
    void resourceRefused(const QUrl &url);
    void linkRefused(const QUrl &url);

private:
    void onAnchorClicked(const QUrl &url);

    QString m_markdown;
    UrlOpener m_opener;
};

} // namespace ba
