#include "gui/NewsFilterProxy.h"

#include "gui/NewsTableModel.h"

namespace ba {

NewsFilterProxy::NewsFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(NewsTableModel::SortRole);
    setDynamicSortFilter(true);
}

void NewsFilterProxy::setSearchText(const QString &text)
{
    if (text == m_searchText) {
        return;
    }
    m_searchText = text;
    m_words = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void NewsFilterProxy::setSourceFilter(const QString &source)
{
    if (source == m_source) {
        return;
    }
    m_source = source;
    invalidateFilter();
}

bool NewsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString source = index.data(NewsTableModel::SourceRole).toString();
    if (!m_source.isEmpty() && source != m_source) {
        return false;
    }
    if (m_words.isEmpty()) {
        return true;
    }
    const QString joined = index.data(NewsTableModel::TitleRole).toString() + QLatin1Char('\n') +
                           index.data(NewsTableModel::SummaryRole).toString() + QLatin1Char('\n') + source;
    const QString haystack = joined.toCaseFolded();
    return std::all_of(m_words.cbegin(), m_words.cend(),
                       [&haystack](const QString &word) { return haystack.contains(word); });
}

} // namespace ba
