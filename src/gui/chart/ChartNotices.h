#pragma once

#include <QObject>
#include <QString>

class QFrame;
class QLabel;
class QWidget;

namespace ba::chart {

struct ChartTheme;

// Messages laid over the chart area: the empty-state text in the middle, and an error
// banner along the top that leaves the chart under it visible. Both are plain text (they
// may quote server messages) and follow the area's size.
class ChartNotices : public QObject
{
    Q_OBJECT
public:
    explicit ChartNotices(QWidget *area);

    void showEmpty(const QString &text);
    void hideEmpty();
    QString emptyText() const; // empty while hidden

    void showError(const QString &message);
    void clearError();
    QString errorText() const; // empty while hidden
    // Hides the banner for the duration of an export grab.
    void setBannerSuppressed(bool suppressed);

    void applyTheme(const ChartTheme &theme);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void relayout();

    QWidget *m_area;
    QLabel *m_empty = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_error = nullptr;
    bool m_bannerWanted = false;
};

} // namespace ba::chart
