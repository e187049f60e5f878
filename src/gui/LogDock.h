#pragma once

#include "logging/LogEntry.h"

#include <QDockWidget>
#include <QList>
#include <QStringList>
#include <memory>

class QTableView;

namespace Ui {
class LogDockContents;
}

namespace ba {

class LogCategoryMenu;
class LogFilterProxy;
class LogHub;
class LogItemDelegate;
class LogModel;

// The log viewer: a table over the newest LogModel::DefaultCapacity entries the LogHub recorded
// (the file keeps everything), filtered by level, categories, text (highlighted) and refresh id
// (click an id cell). Follows new entries until the user scrolls up and again once they are back
// at the bottom; Pause holds new entries back (counted) until resumed. Copy, export of the visible
// lines, clear, a detail pane for long messages and a status line "N shown · M dropped from view".
class LogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LogDock(LogHub *hub, QWidget *parent = nullptr); // hub may be null (no history, no feed)
    ~LogDock() override;

    LogModel *model() const;
    LogFilterProxy *proxy() const;
    LogItemDelegate *delegate() const;
    LogCategoryMenu *categoryMenu() const;
    QTableView *view() const;

    // Shows only one refresh's entries ("r42"); empty shows all. Also fills the id field.
    void setCorrelationFilter(const QString &id);
    QString correlationFilter() const;

    bool isFollowingTail() const;
    void setFollowingTail(bool follow);

    bool isPaused() const;
    void setPaused(bool paused);
    int pendingCount() const; // entries held back while paused

    void clearView(); // empties the table; the hub and the file keep everything

    bool isDetailsVisible() const;
    void setDetailsVisible(bool visible);
    QString detailText() const; // what the detail pane shows for the current row

    // Selected rows in the log-file line format, oldest first; what Ctrl+C copies.
    QString selectedLines() const;
    // Every row that passes the filters, in the log-file format, oldest first.
    QStringList visibleLines() const;
    // Writes visibleLines() to path (UTF-8, one per line); false with a reason for the user.
    bool exportVisibleLines(const QString &path, QString *error = nullptr) const;

    QString statusText() const; // "1,234 shown · 56 dropped from view", plus the pause state

Q_SIGNALS:
    void followingTailChanged(bool following);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void appendFromHub(const QList<ba::LogEntry> &entries);
    void deliver(const QList<ba::LogEntry> &entries);
    void setupFilters();
    void setupCategories();
    void setupView();
    void setupActions();
    void setupFollowTail();
    void onUserScrolled();
    void scrollToBottomIfFollowing();
    bool isScrolledToBottom() const;
    void onCellClicked(const QModelIndex &index);
    void updateStatus();
    void updateDetails();
    void copySelection() const;
    void exportWithDialog();
    QString formatRow(int proxyRow) const;

    std::unique_ptr<Ui::LogDockContents> m_ui;
    LogModel *m_model = nullptr;
    LogFilterProxy *m_proxy = nullptr;
    LogItemDelegate *m_delegate = nullptr;
    LogCategoryMenu *m_categories = nullptr;
    quint64 m_lastSequence = 0;   // newest hub sequence delivered, to count entries that never arrived
    quint64 m_historyUpTo = 0;    // last sequence loaded from the hub's history; later batches may repeat it
    bool m_stickToBottom = false; // decided before rows arrive, applied after
    bool m_wasAtBottom = true;    // at the bottom when the scroll position last changed
    QList<LogEntry> m_pending;    // held back while paused, at most the model's capacity
    quint64 m_pendingDropped = 0; // pushed out of m_pending
};

} // namespace ba
