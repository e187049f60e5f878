#include "gui/LogModel.h"

#include "gui/Theme.h"

#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
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
    const LogEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(entry, index.column());
    case Qt::ToolTipRole:
        // The full UTC time is what the log file shows; the cell shows local time.
        if (index.column() == TimeColumn) {
            return formatLogTime(entry.timeMs);
        }
        if (index.column() == CorrelationColumn && !entry.correlationId.isEmpty()) {
            return tr("Click to show only refresh %1").arg(entry.correlationId);
        }
        return {};
    case Qt::ForegroundRole:
        return levelColour(entry.level);
    case Qt::BackgroundRole:
        return levelBackground(entry.level);
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
    case LevelRole:
        return static_cast<int>(entry.level);
    case TimeRole:
        return entry.timeMs;
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
        return levelText(entry.level);
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

QString LogModel::levelText(QtMsgType level)
{
    switch (level) {
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
    return tr("Info");
}

QVariant LogModel::levelColour(QtMsgType level) const
{
    // From the application palette, so that they follow the theme (views repaint on a change).
    const StatusColors colours = StatusColors::forPalette(QGuiApplication::palette());
    switch (level) {
    case QtDebugMsg:
        return colours.muted;
    case QtInfoMsg:
        return {}; // the palette's text colour
    case QtWarningMsg:
        return colours.warning;
    case QtCriticalMsg:
    case QtFatalMsg:
        return colours.bad;
    }
    return {};
}

// A faint tint that still reads on light and dark palettes, so problems stand out when scrolling.
QVariant LogModel::levelBackground(QtMsgType level) const
{
    switch (level) {
    case QtWarningMsg:
        return QColor(0xf0, 0xa0, 0x00, 0x22);
    case QtCriticalMsg:
    case QtFatalMsg:
        return QColor(0xe0, 0x30, 0x30, 0x2a);
    default:
        return {};
    }
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
    if (overflow > 0 && overflow >= static_cast<int>(m_entries.size())) {
        // Not one row survives: a reset costs views and proxies a third of removing and inserting
        // tens of thousands of rows, and there is no scroll position or selection left to keep.
        beginResetModel();
        m_dropped += static_cast<quint64>(m_entries.size());
        m_entries = skipped == 0 ? entries : entries.mid(skipped);
        endResetModel();
        noteCategories(entries, skipped);
        Q_EMIT droppedCountChanged(m_dropped);
        return;
    }
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_entries.remove(0, overflow);
        endRemoveRows();
        m_dropped += static_cast<quint64>(overflow);
    }

    // Here skipped is 0: a batch larger than the cap replaces every row and took the reset above.
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows(QModelIndex(), first, first + incoming - 1);
    if (m_entries.isEmpty()) {
        m_entries = entries; // shared, not copied
    } else {
        m_entries.append(entries);
    }
    endInsertRows();

    noteCategories(entries, skipped);
    if (skipped > 0 || overflow > 0) {
        Q_EMIT droppedCountChanged(m_dropped);
    }
}

void LogModel::noteCategories(const QList<ba::LogEntry> &entries, qsizetype from)
{
    const QChar *previous = nullptr;
    for (qsizetype i = from; i < entries.size(); ++i) {
        const QString &category = entries.at(i).category;
        // The hub shares one QString per category: the same data as the entry before, no lookup.
        if (category.constData() == previous) {
            continue;
        }
        previous = category.constData();
        if (!m_categories.contains(category)) {
            m_categories.insert(category);
            Q_EMIT categoryAdded(category);
        }
    }
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_dropped = 0;
    endResetModel();
    Q_EMIT droppedCountChanged(m_dropped);
}

void LogModel::noteDropped(quint64 count)
{
    if (count == 0) {
        return;
    }
    m_dropped += count;
    Q_EMIT droppedCountChanged(m_dropped);
}

const LogEntry &LogModel::entryAt(int row) const
{
    return m_entries.at(row);
}

int LogModel::capacity() const
{
    return m_capacity;
}

quint64 LogModel::droppedCount() const
{
    return m_dropped;
}

QStringList LogModel::categories() const
{
    QStringList sorted(m_categories.cbegin(), m_categories.cend());
    sorted.sort();
    return sorted;
}

} // namespace ba
