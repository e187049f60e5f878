#pragma once

#include "logging/LogEntry.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>
#include <QStringList>

namespace ba {

// The log dock's rows: a bounded table of LogEntry, newest last. A batch is appended with one
// beginInsertRows; when it pushes the table past capacity() the oldest rows go with one
// beginRemoveRows first, and are counted. A batch that replaces every row (a burst of at least
// capacity() entries) is a model reset instead. Also remembers every category it has seen.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        LevelColumn,
        CategoryColumn,
        CorrelationColumn,
        MessageColumn,
        ColumnCount
    };

    // Raw values for filtering, independent of how cells are displayed.
    enum Role
    {
        SeverityRole = Qt::UserRole + 1, // int: severityRank(level)
        CategoryRole,                    // QString
        CorrelationIdRole,               // QString, empty outside a refresh
        MessageRole,                     // QString
        SequenceRole,                    // quint64
        LevelRole,                       // int: QtMsgType
        TimeRole,                        // qint64: Unix ms UTC
    };

    static constexpr int DefaultCapacity = 50000;

    explicit LogModel(int capacity = DefaultCapacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendEntries(const QList<ba::LogEntry> &entries);
    void clear();                    // empties the view and resets the dropped count; categories stay known
    void noteDropped(quint64 count); // entries that never reached the model (e.g. while paused)

    const LogEntry &entryAt(int row) const;
    int capacity() const;
    quint64 droppedCount() const;   // rows removed (or never inserted) because of the cap
    QStringList categories() const; // every category seen, sorted

    static QString levelText(QtMsgType level); // "Debug", "Info", "Warning", "Error", "Fatal"

Q_SIGNALS:
    void categoryAdded(const QString &category);
    void droppedCountChanged(quint64 dropped);

private:
    QVariant displayData(const LogEntry &entry, int column) const;
    QVariant levelColour(QtMsgType level) const;
    QVariant levelBackground(QtMsgType level) const;
    void noteCategories(const QList<ba::LogEntry> &entries, qsizetype from);

    // A QList rather than a deque: removing from the front only moves its start, and a batch that
    // replaces every row is shared with the hub's batch instead of copied.
    QList<LogEntry> m_entries;
    int m_capacity;
    quint64 m_dropped = 0;
    QSet<QString> m_categories;
};

} // namespace ba
