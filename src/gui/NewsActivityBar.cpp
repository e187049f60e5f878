#include "gui/NewsActivityBar.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

namespace ba {

namespace {
using State = NewsActivity::State;
constexpr int kTickMs = 30 * 1000;
} // namespace

NewsActivityBar::NewsActivityBar(QWidget *parent)
    : QWidget(parent), m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    setObjectName(QStringLiteral("newsActivity"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("newsBusy"));
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(fontMetrics().height() / 2 + 4);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("newsActivityText"));
    m_label->setTextFormat(Qt::PlainText); // names and problems come from the web and config files
    m_label->setWordWrap(true);
    // Its wrapped height is the least it gets: a squeezed pane must not clip the sentence.
    m_label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_busy, 0, Qt::AlignVCenter);
    layout->addWidget(m_label, 1);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &NewsActivityBar::update);
    update();
}

void NewsActivityBar::setActivity(const NewsActivity &activity)
{
    m_activity = activity;
    update();
}

void NewsActivityBar::setClock(Clock clock)
{
    if (clock) {
        m_clock = std::move(clock);
        update();
    }
}

QString NewsActivityBar::text() const
{
    return m_label->text();
}

bool NewsActivityBar::isBusy() const
{
    return m_activity.isLoading();
}

void NewsActivityBar::update()
{
    const QString text = describe(m_activity, m_clock());
    m_label->setText(text);
    m_busy->setVisible(m_activity.isLoading());
    setVisible(!text.isEmpty() || m_activity.isLoading());
    if (m_activity.page == State::Paused) {
        m_tick.start();
    } else {
        m_tick.stop();
    }
}

QString NewsActivityBar::describe(const NewsActivity &activity, qint64 nowMs)
{
    const bool hasSite = !activity.siteName.isEmpty() && activity.page != State::Idle;
    if (activity.page == State::Loading && activity.feed == State::Loading) {
        return tr("Loading headlines from %1 and its feed…").arg(activity.siteName);
    }
    if (!hasSite) {
        if (activity.feed == State::Loading) {
            return tr("Loading headlines…");
        }
        return activity.feed == State::Failed
                   ? tr("The news feeds could not be read: %1.").arg(activity.feedProblem)
                   : QString();
    }
    if (activity.page == State::Delivered ||
        (activity.page == State::Loading && activity.feed == State::Idle)) {
        return activity.page == State::Loading ? tr("Reading the page of %1…").arg(activity.siteName)
                                               : QString();
    }
    const QString page = pageSentence(activity, nowMs);
    const QString feed = feedSentence(activity);
    return feed.isEmpty() ? page : page + QLatin1Char(' ') + feed;
}

QString NewsActivityBar::pageSentence(const NewsActivity &activity, qint64 nowMs)
{
    switch (activity.page) {
    case State::Loading:
        return tr("Reading the page of %1…").arg(activity.siteName);
    case State::Paused: {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(activity.pageRetryAtMs);
        const int minutes = int(std::max<qint64>(1, (activity.pageRetryAtMs - nowMs + 59999) / 60000));
        return tr("%1 blocks the page reader (%2). Next try at %3 (in %n min).", nullptr, minutes)
            .arg(activity.siteName, activity.pageProblem,
                 QLocale().toString(at.time(), QLocale::ShortFormat));
    }
    case State::Failed:
        return tr("The page of %1 could not be read (%2).").arg(activity.siteName, activity.pageProblem);
    default:
        return QString();
    }
}

QString NewsActivityBar::feedSentence(const NewsActivity &activity)
{
    switch (activity.feed) {
    case State::Loading:
        return tr("Loading its feed…");
    case State::Delivered:
        return activity.page == State::Loading ? tr("Headlines from %1 meanwhile.").arg(activity.feedName)
                                               : tr("Headlines from %1.").arg(activity.feedName);
    case State::Failed:
        return activity.page == State::Loading ? tr("The feed failed: %1.").arg(activity.feedProblem)
                                               : tr("The feed failed too: %1.").arg(activity.feedProblem);
    default:
        return QString();
    }
}

} // namespace ba
