#pragma once

#include "logging/LogEntry.h"

#include <QAbstractTableModel>
#include <QList>
#include <deque>

namespace ba {

// The log dock's rows: a bounded table of LogEntry, newest last. When more than capacity()
// entries arrive, the oldest rows are removed (properly signalled) and counted.
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
    };

    static constexpr int DefaultCapacity = 50000;

    explicit LogModel(int capacity = DefaultCapacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendEntries(const QList<ba::LogEntry> &entries);
    void clear();

    const LogEntry &entryAt(int row) const;
    int capacity() const;
    quint64 droppedCount() const; // rows removed (or never inserted) because of the cap

    // QtMsgType is not ordered by severity (Info is 4, Warning 1): this is.
    static int severityRank(QtMsgType level);

private:
    QVariant displayData(const LogEntry &entry, int column) const;
    QVariant levelColour(QtMsgType level) const;

    std::deque<LogEntry> m_entries;
    int m_capacity;
    quint64 m_dropped = 0;
};

} // namespace ba
