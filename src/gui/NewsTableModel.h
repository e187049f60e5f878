#pragma once

#include "domain/StoredNewsItem.h"

#include <QAbstractTableModel>
#include <QList>
#include <functional>

namespace ba {

// The stored news as a table: Age ("2 h ago"; the exact local time in the tooltip), Source, Via
// (where the headline was seen: the site's page, its feed or both), Title. Every text from the web is
// returned raw for DisplayRole and must be drawn as plain text (QStyledItemDelegate does); tooltips, which Qt
// may render as rich text, are HTML-escaped. Unread rows are bold.
class NewsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        AgeColumn,
        SourceColumn,
        ViaColumn,
        TitleColumn,
        ColumnCount
    };
    enum Role
    {
        UrlRole = Qt::UserRole + 1, // QString, canonical article URL
        SummaryRole,                // QString, plain text
        SourceRole,
        TitleRole,
        AuthorRole,
        TimestampRole, // qint64 ms: published, else first seen
        HasPublishedRole,
        ReadRole, // bool
        SortRole, // per column: timestamp, source, via, title (case-folded)
        ViaRole,  // int, NewsVia bits
    };
    using Clock = std::function<qint64()>; // Unix ms, for the age column

    explicit NewsTableModel(QObject *parent = nullptr);

    void setItems(const QList<StoredNewsItem> &items);
    const QList<StoredNewsItem> &items() const { return m_items; }
    const StoredNewsItem *itemAt(int row) const;
    int rowOfUrl(const QString &url) const; // -1 when absent; url may be non-canonical
    // Updates the bold state of one row; false when the URL is not shown.
    bool setRead(const QString &url, bool read);
    int unreadCount() const;
    QStringList sources() const; // distinct, sorted case-insensitively

    void setClock(Clock clock);
    qint64 now() const { return m_clock(); }
    // The age columns' texts change with time; call this now and then.
    void refreshAges();

    // "just now", "5 min ago", "2 h ago", "3 d ago", then the date.
    static QString ageText(qint64 timestampMs, qint64 nowMs);
    static qint64 timestampOf(const StoredNewsItem &item);
    // "Page", "Feed", "Page, feed"; empty when not recorded (stored by an older version).
    static QString viaText(int seenVia);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const StoredNewsItem &stored, int column) const;
    QVariant toolTipData(const StoredNewsItem &stored, int column) const;
    static QString viaToolTip(int seenVia);

    QList<StoredNewsItem> m_items;
    Clock m_clock;
};

} // namespace ba
