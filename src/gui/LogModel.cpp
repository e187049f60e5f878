#include "gui/LogModel.h"

#include <QColor>
#include <QDateTime>
#include <algorithm>

namespace ba {

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(std::max(1, capacity))
{}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const LogEntry &entry = m_entries[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, index.column());
    case Qt::ToolTipRole:
        // The full UTC time is what the log file shows; the cell shows local time.
        return index.column() == TimeColumn ? QVariant(formatLogTime(entry.timeMs)) : QVariant();
    case Qt::ForegroundRole:
        return levelColour(entry.level);
    case SeverityRole:
        return severityRank(entry.level);
    case CategoryRole:
        return entry.category;
    case CorrelationIdRole:
        return entry.correlationId;
    case MessageRole:
        return entry.message;
    case SequenceRole:
        return QVariant::fromValue(entry.sequence);
    default:
        return {};
    }
}

QVariant LogModel::displayData(const LogEntry &entry, int column) const
{
    switch (column) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(entry.timeMs).toString(QStringLiteral("hh:mm:ss.zzz"));
    case LevelColumn:
        switch (entry.level) {
        case QtDebugMsg:
            return tr("Debug");
        case QtInfoMsg:
            return tr("Info");
        case QtWarningMsg:
            return tr("Warning");
        case QtCriticalMsg:
            return tr("Error");
        case QtFatalMsg:
            return tr("Fatal");
        }
        return {};
    case CategoryColumn:
        return entry.category;
    case CorrelationColumn:
        // Same convention as the log line: "-" outside a refresh.
        return entry.correlationId.isEmpty() ? QStringLiteral("-") : entry.correlationId;
    case MessageColumn:
        return entry.message; // verbatim: the delegate draws plain text, never markup
    default:
        return {};
    }
}

QVariant LogModel::levelColour(QtMsgType level) const
{
    switch (level) {
    case QtDebugMsg:
        return QColor(0x80, 0x80, 0x80);
    case QtInfoMsg:
        return {}; // the palette's text colour, so light and dark themes both work
    case QtWarningMsg:
        return QColor(0xc0, 0x70, 0x00);
    case QtCriticalMsg:
    case QtFatalMsg:
        return QColor(0xd0, 0x20, 0x20);
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case CorrelationColumn:
        return tr("Id");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

void LogModel::appendEntries(const QList<ba::LogEntry> &entries)
{
    if (entries.isEmpty()) {
        return;
    }
    // A batch larger than the cap keeps only its newest part.
    const qsizetype skipped = std::max<qsizetype>(0, entries.size() - m_capacity);
    m_dropped += static_cast<quint64>(skipped);
    const int incoming = static_cast<int>(entries.size() - skipped);

    const int overflow = static_cast<int>(m_entries.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + overflow);
        endRemoveRows();
        m_dropped += static_cast<quint64>(overflow);
    }

    const int first = static_cast<int>(m_entries.size());
    beginInsertRows(QModelIndex(), first, first + incoming - 1);
    m_entries.insert(m_entries.end(), entries.cbegin() + skipped, entries.cend());
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

const LogEntry &LogModel::entryAt(int row) const
{
    return m_entries.at(static_cast<size_t>(row));
}

int LogModel::capacity() const
{
    return m_capacity;
}

quint64 LogModel::droppedCount() const
{
    return m_dropped;
}

int LogModel::severityRank(QtMsgType level)
{
    switch (level) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 1;
}

} // namespace ba
