// Markdown from an AI answer, rendered by the real MarkdownRenderer (a QTextBrowser, offscreen):
// after rendering, no image may be left in the document and no tooltip may be rich text, so that
// layout and painting never read a file or reach the network.
#include "FuzzSupport.h"
#include "gui/MarkdownRenderer.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>

namespace {

QApplication *app = nullptr;
ba::MarkdownRenderer *renderer = nullptr;
int refusedResources = 0;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ba::fuzz::silenceQtMessages();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    app = new QApplication(*argc, *argv);
    renderer = new ba::MarkdownRenderer;
    renderer->resize(640, 480);
    QObject::connect(renderer, &ba::MarkdownRenderer::resourceRefused, [] { ++refusedResources; });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    renderer->setMarkdownText(QString::fromUtf8(ba::fuzz::bytesOf(data, size)));
    QTextDocument *document = renderer->document();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            BA_FUZZ_CHECK(!format.isImageFormat());
            const QString tip = format.toolTip();
            BA_FUZZ_CHECK(tip.isEmpty() || (tip.startsWith(u"<p ") && !tip.contains(u"<img")));
        }
    }
    // Lay out and paint, as the view does on screen.
    QImage canvas(320, 240, QImage::Format_ARGB32);
    QPainter painter(&canvas);
    document->drawContents(&painter, QRectF(0, 0, 320, 240));
    BA_FUZZ_CHECK(refusedResources == 0); // nothing was even asked for
    return 0;
}
