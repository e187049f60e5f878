#pragma once

#include "services/NewsActivity.h"

#include <QTimer>
#include <QWidget>
#include <functional>

class QLabel;
class QProgressBar;

namespace ba {

// One line above the news table that says what the news refresh is doing: a busy indicator while
// the site's page or its feeds are read, where the headlines came from when the page did not
// deliver, and why the page is skipped and when it is read again ("in 25 min"). Plain text; hidden
// when all went well.
class NewsActivityBar : public QWidget
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // Unix ms, for "in 25 min"

    explicit NewsActivityBar(QWidget *parent = nullptr);

    void setActivity(const NewsActivity &activity);
    const NewsActivity &activity() const { return m_activity; }
    void setClock(Clock clock);
    QString text() const;
    bool isBusy() const;

    // The sentence for an activity; empty when there is nothing worth saying.
    static QString describe(const NewsActivity &activity, qint64 nowMs);

private:
    static QString pageSentence(const NewsActivity &activity, qint64 nowMs);
    static QString feedSentence(const NewsActivity &activity);
    void update();

    QLabel *m_label = nullptr;
    QProgressBar *m_busy = nullptr;
    NewsActivity m_activity;
    Clock m_clock;
    QTimer m_tick; // "in 25 min" moves on
};

} // namespace ba
