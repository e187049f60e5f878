#include "gui/LogFilterProxy.h"

#include "gui/LogModel.h"

namespace ba {

LogFilterProxy::LogFilterProxy(QObject *parent) : QSortFilterProxyModel(parent) {}

void LogFilterProxy::setMinimumLevel(QtMsgType level)
{
    if (level == m_minimumLevel) {
        return;
    }
    m_minimumLevel = level;
    m_minimumRank = LogModel::severityRank(level);
    invalidateFilter();
}

QtMsgType LogFilterProxy::minimumLevel() const
{
    return m_minimumLevel;
}

void LogFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText) {
        return;
    }
    m_searchText = trimmed;
    invalidateFilter();
}

QString LogFilterProxy::searchText() const
{
    return m_searchText;
}

void LogFilterProxy::setCorrelationId(const QString &id)
{
    const QString trimmed = id.trimmed();
    if (trimmed == m_correlationId) {
        return;
    }
    m_correlationId = trimmed;
    invalidateFilter();
}

QString LogFilterProxy::correlationId() const
{
    return m_correlationId;
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LogModel::SeverityRole).toInt() < m_minimumRank) {
        return false;
    }
    if (!m_correlationId.isEmpty() &&
        index.data(LogModel::CorrelationIdRole).toString().compare(m_correlationId, Qt::CaseInsensitive) !=
            0) {
        return false;
    }
    if (m_searchText.isEmpty()) {
        return true;
    }
    return index.data(LogModel::MessageRole).toString().contains(m_searchText, Qt::CaseInsensitive) ||
           index.data(LogModel::CategoryRole).toString().contains(m_searchText, Qt::CaseInsensitive);
}

} // namespace ba
