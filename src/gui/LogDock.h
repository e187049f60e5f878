#pragma once

#include "logging/LogEntry.h"

#include <QDockWidget>
#include <QList>
#include <memory>

namespace Ui {
class LogDockContents;
}

namespace ba {

class LogHub;
class LogModel;
class LogFilterProxy;

// The log viewer: a filterable table of everything the LogHub records. Shows the hub's history
// on creation, then appends its batches. Follows new entries unless the user scrolled up.
class LogDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit LogDock(LogHub *hub, QWidget *parent = nullptr); // hub may be null (no history, no feed)
    ~LogDock() override;

    LogModel *model() const;
    LogFilterProxy *proxy() const;

    // Shows only one refresh's entries ("r42"); empty shows all. Also fills the id field.
    void setCorrelationFilter(const QString &id);
    bool isFollowingTail() const;

    // Selected rows in the log-file line format, newest last; what Ctrl+C copies.
    QString selectedLines() const;

private:
    void appendFromHub(const QList<ba::LogEntry> &entries);
    void setupFilters();
    void setupView();
    void setupFollowTail();
    void scrollToBottomIfFollowing();
    bool isScrolledToBottom() const;
    void copySelection() const;

    std::unique_ptr<Ui::LogDockContents> m_ui;
    LogModel *m_model = nullptr;
    LogFilterProxy *m_proxy = nullptr;
    quint64 m_historyUpTo = 0;    // last sequence loaded from the hub's history; later batches may repeat it
    bool m_stickToBottom = false; // decided before rows arrive, applied after
};

} // namespace ba
