#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>

class QFrame;
class QLabel;
class QWidget;

namespace ba::chart {

struct ChartTheme;

// Messages laid over the chart area: the empty-state text in the middle, and an error
// banner along the top that leaves the chart under it visible and stops short of the price
// axis. Both are plain text (they may quote server messages) and follow the area's size.
// The banner can also count down to a moment (a rate-limit pause), updating itself.
class ChartNotices : public QObject
{
    Q_OBJECT
public:
    explicit ChartNotices(QWidget *area);

    void showEmpty(const QString &text);
    void hideEmpty();
    QString emptyText() const; // empty while hidden

    void showError(const QString &message);
    // The banner shows text(msLeft) now and again as the time runs down, until text(0). Called
    // again while counting, the later of the two ends is kept.
    void showCountdown(std::function<QString(qint64 msLeft)> text, qint64 msLeft);
    bool isCountingDown() const { return m_countdownText != nullptr; }
    void clearError();
    QString errorText() const; // empty while hidden
    // Hides the banner for the duration of an export grab.
    void setBannerSuppressed(bool suppressed);
    // The banner ends left of this x (the price axis starts there); -1: the area's full width.
    void setBannerRightEdge(int x);

    void applyTheme(const ChartTheme &theme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void relayout();
    void tickCountdown();

    QWidget *m_area;
    QLabel *m_empty = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_error = nullptr;
    bool m_bannerWanted = false;
    int m_bannerRightEdge = -1;
    std::function<QString(qint64)> m_countdownText;
    QDeadlineTimer m_countdownEnd;
    QTimer m_countdownTick;
};

} // namespace ba::chart
