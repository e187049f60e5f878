#include "gui/TroubleshootingDialog.h"

#include "gui/MarkdownRenderer.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QVBoxLayout>

namespace ba {

TroubleshootingDialog::TroubleshootingDialog(QWidget *parent)
    : QDialog(parent), m_text(new MarkdownRenderer(this))
{
    setWindowTitle(tr("Troubleshooting Guide"));
    resize(760, 640);
    auto *layout = new QVBoxLayout(this);
    m_text->setMarkdownText(guideText());
    layout->addWidget(m_text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString TroubleshootingDialog::guideText()
{
    QFile file(QStringLiteral(":/docs/troubleshooting.md"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace ba
