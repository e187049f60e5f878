#pragma once

#include <QSortFilterProxyModel>
#include <QString>
#include <QStringList>

namespace ba {

// Filters NewsTableModel rows by a search text (every word must appear, case-insensitively, in
// the title, summary or source) and by one source (empty = all). Sorts by NewsTableModel::SortRole,
// so the Age column sorts by time rather than by its text.
class NewsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit NewsFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }

    void setSourceFilter(const QString &source); // exact source name; empty = every source
    QString sourceFilter() const { return m_source; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    QStringList m_words; // case-folded
    QString m_source;
};

} // namespace ba
