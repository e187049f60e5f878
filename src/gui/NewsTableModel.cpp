#include "gui/NewsTableModel.h"

#include "domain/CanonicalUrl.h"
#include "gui/PlainToolTip.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSet>

namespace ba {

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

QString localTimeText(qint64 ms)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms).toLocalTime();
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + local.timeZoneAbbreviation();
}
} // namespace

NewsTableModel::NewsTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

void NewsTableModel::setItems(const QList<StoredNewsItem> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

const StoredNewsItem *NewsTableModel::itemAt(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int NewsTableModel::rowOfUrl(const QString &url) const
{
    const QString canonical = canonicalUrl(url);
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).item.url == url || m_items.at(row).item.url == canonical) {
            return row;
        }
    }
    return -1;
}

bool NewsTableModel::setRead(const QString &url, bool read)
{
    const int row = rowOfUrl(url);
    if (row < 0) {
        return false;
    }
    if (m_items[row].read != read) {
        m_items[row].read = read;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::FontRole, ReadRole});
    }
    return true;
}

int NewsTableModel::unreadCount() const
{
    return int(
        std::count_if(m_items.cbegin(), m_items.cend(), [](const StoredNewsItem &s) { return !s.read; }));
}

QStringList NewsTableModel::sources() const
{
    QSet<QString> seen;
    QStringList out;
    for (const StoredNewsItem &stored : m_items) {
        if (!stored.item.source.isEmpty() && !seen.contains(stored.item.source)) {
            seen.insert(stored.item.source);
            out.append(stored.item.source);
        }
    }
    std::sort(out.begin(), out.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return out;
}

void NewsTableModel::setClock(Clock clock)
{
    if (clock) {
        m_clock = std::move(clock);
        refreshAges();
    }
}

void NewsTableModel::refreshAges()
{
    if (!m_items.isEmpty()) {
        Q_EMIT dataChanged(index(0, AgeColumn), index(rowCount() - 1, AgeColumn), {Qt::DisplayRole});
    }
}

QString NewsTableModel::ageText(qint64 timestampMs, qint64 nowMs)
{
    const qint64 age = nowMs - timestampMs;
    if (age < kMinuteMs) {
        return tr("just now"); // also for clocks a little ahead of ours
    }
    if (age < kHourMs) {
        return tr("%n min ago", nullptr, int(age / kMinuteMs));
    }
    if (age < kDayMs) {
        return tr("%n h ago", nullptr, int(age / kHourMs));
    }
    if (age < 30 * kDayMs) {
        return tr("%n d ago", nullptr, int(age / kDayMs));
    }
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(timestampMs).toLocalTime().date(),
                              QLocale::ShortFormat);
}

QString NewsTableModel::viaText(int seenVia)
{
    const bool page = seenVia & NewsViaPage;
    const bool feed = seenVia & NewsViaFeed;
    if (page && feed) {
        return tr("Page, feed");
    }
    return page ? tr("Page") : feed ? tr("Feed") : QString();
}

qint64 NewsTableModel::timestampOf(const StoredNewsItem &item)
{
    return item.item.publishedMs.value_or(item.firstSeenMs);
}

int NewsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int NewsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NewsTableModel::data(const QModelIndex &index, int role) const
{
    const StoredNewsItem *stored = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!stored) {
        return {};
    }
    const NewsItem &item = stored->item;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*stored, index.column());
    case Qt::ToolTipRole:
        return toolTipData(*stored, index.column());
    case Qt::FontRole: {
        if (stored->read) {
            return {};
        }
        QFont font;
        font.setBold(true);
        return font;
    }
    case UrlRole:
        return item.url;
    case SummaryRole:
        return item.summary;
    case SourceRole:
        return item.source;
    case TitleRole:
        return item.title;
    case AuthorRole:
        return item.author;
    case TimestampRole:
        return timestampOf(*stored);
    case HasPublishedRole:
        return item.publishedMs.has_value();
    case ReadRole:
        return stored->read;
    case ViaRole:
        return item.seenVia;
    case SortRole:
        switch (index.column()) {
        case AgeColumn:
            return timestampOf(*stored);
        case SourceColumn:
            return item.source.toCaseFolded();
        case ViaColumn:
            return item.seenVia;
        default:
            return item.title.toCaseFolded();
        }
    default:
        return {};
    }
}

QVariant NewsTableModel::displayData(const StoredNewsItem &stored, int column) const
{
    switch (column) {
    case AgeColumn:
        return ageText(timestampOf(stored), m_clock());
    case SourceColumn:
        return stored.item.source;
    case ViaColumn:
        return viaText(stored.item.seenVia);
    case TitleColumn:
        return stored.item.title; // raw: the delegate draws it as plain text
    default:
        return {};
    }
}

QVariant NewsTableModel::toolTipData(const StoredNewsItem &stored, int column) const
{
    switch (column) {
    case AgeColumn:
        return stored.item.publishedMs
                   ? tr("Published %1").arg(localTimeText(*stored.item.publishedMs))
                   : tr("First seen %1 (the source gave no date)").arg(localTimeText(stored.firstSeenMs));
    case SourceColumn:
        return plainToolTip(stored.item.author.isEmpty()
                                ? stored.item.source
                                : tr("%1, by %2").arg(stored.item.source, stored.item.author));
    case ViaColumn:
        return viaToolTip(stored.item.seenVia);
    case TitleColumn:
        return plainToolTip(stored.item.title);
    default:
        return {};
    }
}

QString NewsTableModel::viaToolTip(int seenVia)
{
    const bool page = seenVia & NewsViaPage;
    const bool feed = seenVia & NewsViaFeed;
    if (page && feed) {
        return tr("Seen on the site's page and in its feed");
    }
    if (page) {
        return tr("Read from the site's page (hidden browser)");
    }
    return feed ? tr("From the site's RSS feed") : tr("Stored before the origin was recorded");
}

QVariant NewsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case AgeColumn:
        return tr("Age");
    case SourceColumn:
        return tr("Source");
    case ViaColumn:
        return tr("Via");
    case TitleColumn:
        return tr("Title");
    default:
        return {};
    }
}

} // namespace ba
