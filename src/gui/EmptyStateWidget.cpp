#include "gui/EmptyStateWidget.h"

#include "gui/Theme.h"

#include <QLabel>
#include <QPalette>
#include <QVBoxLayout>

namespace ba {

namespace {

QLabel *makeLabel(const QString &text, qreal fontScale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    QFont font = label->font();
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * fontScale);
    } else {
        font.setPixelSize(qRound(font.pixelSize() * fontScale));
    }
    label->setFont(font);
    Theme::dimText(label); // the palette's "no content here" grey, in every theme
    return label;
}

} // namespace

EmptyStateWidget::EmptyStateWidget(const QString &title, const QString &hint, QWidget *parent)
    : QWidget(parent)
{
    m_title = makeLabel(title, 1.6, this);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_hint = makeLabel(hint, 1.0, this);
    m_hint->setObjectName(QStringLiteral("emptyStateHint"));

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addStretch(1);
}

EmptyStateWidget *EmptyStateWidget::forPrices(QWidget *parent)
{
    auto *widget = new EmptyStateWidget(tr("No price data yet."), tr("Press F5 to refresh."), parent);
    widget->setObjectName(QStringLiteral("priceEmptyState"));
    return widget;
}

EmptyStateWidget *EmptyStateWidget::forNews(QWidget *parent)
{
    auto *widget = new EmptyStateWidget(
        tr("No news yet."), tr("Headlines from Bitcoin.com News will appear here after a refresh."), parent);
    widget->setObjectName(QStringLiteral("newsEmptyState"));
    return widget;
}

EmptyStateWidget *EmptyStateWidget::forAnalysis(QWidget *parent)
{
    auto *widget = new EmptyStateWidget(
        tr("No analysis yet."), tr("An analysis of the price trend appears here once prices are loaded."),
        parent);
    widget->setObjectName(QStringLiteral("analysisEmptyState"));
    return widget;
}

QString EmptyStateWidget::title() const
{
    return m_title->text();
}

QString EmptyStateWidget::hint() const
{
    return m_hint->text();
}

void EmptyStateWidget::setTitle(const QString &title)
{
    m_title->setText(title);
}

void EmptyStateWidget::setHint(const QString &hint)
{
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
}

} // namespace ba
