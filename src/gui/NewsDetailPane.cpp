#include "gui/NewsDetailPane.h"

#include "gui/NewsTableModel.h"
#include "gui/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ba {

namespace {

// Web text only ever goes into labels like this one.
QLabel *plainLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setOpenExternalLinks(false);
    return label;
}

} // namespace

NewsDetailPane::NewsDetailPane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("newsDetail"));
    m_title = plainLabel(this, QStringLiteral("newsDetailTitle"));
    QFont titleFont = m_title->font();
    if (titleFont.pointSizeF() > 0) {
        titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    }
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_meta = plainLabel(this, QStringLiteral("newsDetailMeta"));
    Theme::dimText(m_meta);
    m_summary = plainLabel(this, QStringLiteral("newsDetailSummary"));
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_link = plainLabel(this, QStringLiteral("newsDetailLink"));
    m_link->setWordWrap(false);
    Theme::dimText(m_link);
    m_open = new QPushButton(tr("Open in Browser"), this);
    connect(m_open, &QPushButton::clicked, this, &NewsDetailPane::openRequested);
    m_copy = new QPushButton(tr("Copy Link"), this);
    connect(m_copy, &QPushButton::clicked, this, &NewsDetailPane::copyLinkRequested);

    auto *text = new QWidget(this);
    auto *textLayout = new QVBoxLayout(text);
    textLayout->setContentsMargins(0, 0, 0, 0);
    textLayout->addWidget(m_title);
    textLayout->addWidget(m_meta);
    textLayout->addSpacing(4);
    textLayout->addWidget(m_summary);
    textLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(text);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_link, 1);
    actions->addWidget(m_copy);
    actions->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(scroll, 1);
    layout->addLayout(actions);
    showArticle({});
}

void NewsDetailPane::showArticle(const QModelIndex &index)
{
    const bool has = index.isValid();
    m_open->setEnabled(has);
    m_copy->setEnabled(has);
    if (!has) {
        m_title->setText(tr("Select a headline to read its summary."));
        m_meta->clear();
        m_summary->clear();
        m_link->clear();
        return;
    }
    m_title->setText(index.data(NewsTableModel::TitleRole).toString());
    QStringList meta{index.data(NewsTableModel::SourceRole).toString(),
                     index.data(NewsTableModel::AuthorRole).toString(),
                     index.siblingAtColumn(NewsTableModel::AgeColumn).data(Qt::DisplayRole).toString()};
    meta.removeAll(QString());
    m_meta->setText(meta.join(QStringLiteral("  \u00b7  ")));
    const QString summary = index.data(NewsTableModel::SummaryRole).toString();
    m_summary->setText(summary.isEmpty() ? tr("No summary.") : summary);
    m_link->setText(index.data(NewsTableModel::UrlRole).toString());
}

} // namespace ba
