#include "gui/AboutDialog.h"

#include "ba/Version.h"
#include "ui_AboutDialog.h"

#include <QIcon>
#include <QPushButton>

namespace ba {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);

    m_ui->iconLabel->setPixmap(QIcon(QStringLiteral(":/icons/bitcoin-analyzer.svg")).pixmap(64, 64));
    m_ui->nameLabel->setText(tr("Bitcoin Analyzer"));
    QFont nameFont = m_ui->nameLabel->font();
    nameFont.setBold(true);
    if (nameFont.pointSizeF() > 0) {
        nameFont.setPointSizeF(nameFont.pointSizeF() * 1.4);
    }
    m_ui->nameLabel->setFont(nameFont);
    m_ui->versionLabel->setText(versionText());
    m_ui->qtVersionLabel->setText(qtVersionText());
    m_ui->licenceLabel->setText(licenceText());

    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close)) {
        close->setDefault(true);
    }
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::versionText()
{
    return tr("Version %1").arg(QStringLiteral(BA_VERSION));
}

QString AboutDialog::qtVersionText()
{
    // The runtime and build versions differ when the distribution updates Qt under us.
    return tr("Qt %1 (built with Qt %2)")
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
}

QString AboutDialog::licenceText()
{
    return tr("Bitcoin Analyzer is free software under the GNU GPL v3 or later. "
              "Uses Qt (LGPL v3), Qt Charts and Qt WebEngine (GPL v3), QtKeychain (BSD-3-Clause), "
              "SQLite (public domain). Market data by CoinGecko.");
}

} // namespace ba
