#include "gui/chart/ChartNotices.h"

#include "gui/chart/ChartTheme.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ba::chart {

ChartNotices::ChartNotices(QWidget *area) : QObject(area), m_area(area)
{
    m_empty = new QLabel(area);
    m_empty->setObjectName(QStringLiteral("emptyStateLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setAttribute(Qt::WA_TransparentForMouseEvents);
    QFont font = m_empty->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    m_empty->setFont(font);
    m_empty->hide();

    m_banner = new QFrame(area);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    m_error = new QLabel(m_banner);
    m_error->setObjectName(QStringLiteral("errorText"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(m_banner);
    close->setObjectName(QStringLiteral("errorCloseButton"));
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &ChartNotices::clearError);
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(14, 6, 6, 6);
    layout->addWidget(m_error, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    m_banner->hide();

    m_countdownTick.setInterval(250); // the shown seconds change on time, not up to 1 s late
    connect(&m_countdownTick, &QTimer::timeout, this, &ChartNotices::tickCountdown);
    area->installEventFilter(this);
}

void ChartNotices::showEmpty(const QString &text)
{
    m_empty->setText(text);
    m_empty->show();
    m_empty->raise();
    relayout();
}

void ChartNotices::hideEmpty()
{
    m_empty->hide();
}

QString ChartNotices::emptyText() const
{
    return m_empty->isVisibleTo(m_area) ? m_empty->text() : QString();
}

void ChartNotices::showError(const QString &message)
{
    m_countdownText = nullptr;
    m_countdownTick.stop();
    m_error->setText(message);
    m_bannerWanted = true;
    m_banner->show();
    relayout();
}

void ChartNotices::showCountdown(std::function<QString(qint64)> text, qint64 msLeft)
{
    const QDeadlineTimer end(std::max<qint64>(0, msLeft), Qt::PreciseTimer);
    if (!m_countdownText || end.deadline() > m_countdownEnd.deadline()) {
        m_countdownEnd = end;
    }
    m_countdownText = std::move(text);
    m_bannerWanted = true;
    m_banner->show();
    tickCountdown();
    m_countdownTick.start();
}

void ChartNotices::tickCountdown()
{
    if (!m_countdownText) {
        m_countdownTick.stop();
        return;
    }
    const qint64 left = std::max<qint64>(0, m_countdownEnd.remainingTime());
    const QString text = m_countdownText(left);
    if (text != m_error->text()) {
        m_error->setText(text);
        relayout();
    }
    if (left == 0) {
        m_countdownTick.stop(); // the last text ("trying again now") stays until replaced
    }
}

void ChartNotices::clearError()
{
    m_countdownText = nullptr;
    m_countdownTick.stop();
    m_error->clear();
    m_bannerWanted = false;
    m_banner->hide();
}

QString ChartNotices::errorText() const
{
    return m_bannerWanted ? m_error->text() : QString();
}

void ChartNotices::setBannerSuppressed(bool suppressed)
{
    m_banner->setVisible(m_bannerWanted && !suppressed);
}

void ChartNotices::setBannerRightEdge(int x)
{
    if (x != m_bannerRightEdge) {
        m_bannerRightEdge = x;
        relayout();
    }
}

void ChartNotices::applyTheme(const ChartTheme &theme)
{
    QPalette palette = m_empty->palette();
    palette.setColor(QPalette::WindowText, theme.mutedText);
    m_empty->setPalette(palette);
    // A tinted card with a strong left edge: reads as an alert on light and dark backgrounds.
    m_banner->setStyleSheet(
        QStringLiteral("QFrame#errorBanner { background: %1; border: 1px solid %2;"
                       " border-left: 4px solid %2; border-radius: 6px; }"
                       " QLabel, QToolButton { color: %3; background: transparent;"
                       " border: none; }")
            .arg(theme.errorBackground.name(), theme.errorBorder.name(), theme.errorText.name()));
}

bool ChartNotices::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_area && event->type() == QEvent::Resize) {
        relayout();
    }
    return QObject::eventFilter(watched, event);
}

void ChartNotices::relayout()
{
    const QRect area = m_area->rect();
    m_empty->setGeometry(area.adjusted(24, 24, -24, -24));
    const int right =
        m_bannerRightEdge > 0 ? std::min(area.width() - 16, m_bannerRightEdge - 8) : area.width() - 16;
    const int width = std::max(0, right - 16);
    const int height =
        m_banner->hasHeightForWidth() ? m_banner->heightForWidth(width) : m_banner->sizeHint().height();
    m_banner->setGeometry(16, 12, width, height);
    m_banner->raise();
}

} // namespace ba::chart
