#include "gui/LogFilterProxy.h"

#include "gui/LogModel.h"

namespace ba {

LogFilterProxy::LogFilterProxy(QObject *parent) : QSortFilterProxyModel(parent) {}

void LogFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_logModel = qobject_cast<const LogModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void LogFilterProxy::setMinimumLevel(QtMsgType level)
{
    if (level == m_minimumLevel) {
        return;
    }
    m_minimumLevel = level;
    m_minimumRank = severityRank(level);
    refilter();
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
    refilter();
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
    refilter();
}

QString LogFilterProxy::correlationId() const
{
    return m_correlationId;
}

void LogFilterProxy::setHiddenCategories(const QSet<QString> &categories)
{
    if (categories == m_hiddenCategories) {
        return;
    }
    m_hiddenCategories = categories;
    refilter();
}

void LogFilterProxy::setCategoryHidden(const QString &category, bool hidden)
{
    QSet<QString> categories = m_hiddenCategories;
    if (hidden) {
        categories.insert(category);
    } else {
        categories.remove(category);
    }
    setHiddenCategories(categories);
}

QSet<QString> LogFilterProxy::hiddenCategories() const
{
    return m_hiddenCategories;
}

bool LogFilterProxy::isFiltering() const
{
    return m_minimumRank > 0 || !m_searchText.isEmpty() || !m_correlationId.isEmpty() ||
           !m_hiddenCategories.isEmpty();
}

void LogFilterProxy::refilter()
{
    invalidateFilter();
    Q_EMIT filterChanged();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_logModel) {
        // Tens of thousands of rows are re-filtered on every keystroke: no QVariant round trips.
        const LogEntry &entry = m_logModel->entryAt(sourceRow);
        return accepts(severityRank(entry.level), entry.category, entry.correlationId, entry.message);
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return accepts(index.data(LogModel::SeverityRole).toInt(), index.data(LogModel::CategoryRole).toString(),
                   index.data(LogModel::CorrelationIdRole).toString(),
                   index.data(LogModel::MessageRole).toString());
}

bool LogFilterProxy::accepts(int rank, const QString &category, const QString &id,
                             const QString &message) const
{
    if (rank < m_minimumRank) {
        return false;
    }
    if (!m_hiddenCategories.isEmpty() && m_hiddenCategories.contains(category)) {
        return false;
    }
    if (!m_correlationId.isEmpty() && id.compare(m_correlationId, Qt::CaseInsensitive) != 0) {
        return false;
    }
    if (m_searchText.isEmpty()) {
        return true;
    }
    return message.contains(m_searchText, Qt::CaseInsensitive) ||
           category.contains(m_searchText, Qt::CaseInsensitive);
}

} // namespace ba
