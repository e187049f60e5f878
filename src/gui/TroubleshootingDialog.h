#pragma once

#include <QDialog>

namespace ba {

class MarkdownRenderer;

// Help -> Troubleshooting Guide: docs/troubleshooting.md (built in as
// ":/docs/troubleshooting.md"), rendered by our inert Markdown renderer.
class TroubleshootingDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TroubleshootingDialog(QWidget *parent = nullptr);

    static QString guideText(); // the built-in guide, empty if it is missing from the build
    MarkdownRenderer *renderer() const { return m_text; }

private:
    MarkdownRenderer *m_text;
};

} // namespace ba
