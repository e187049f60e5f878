#pragma once

#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

namespace ba {

class LogModel;

// Filters LogModel rows by minimum level, hidden categories, a case-insensitive text search over
// message and category, and an exact correlation id. All filters combine. A category not hidden
// explicitly is shown, so categories that appear later are visible by default.
class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    void setMinimumLevel(QtMsgType level);
    QtMsgType minimumLevel() const;

    void setSearchText(const QString &text); // empty = no text filter; surrounding blanks ignored
    QString searchText() const;

    void setCorrelationId(const QString &id); // empty = every entry
    QString correlationId() const;

    void setHiddenCategories(const QSet<QString> &categories);
    void setCategoryHidden(const QString &category, bool hidden);
    QSet<QString> hiddenCategories() const;

    bool isFiltering() const; // any filter active

Q_SIGNALS:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();
    bool accepts(int rank, const QString &category, const QString &id, const QString &message) const;

    const LogModel *m_logModel = nullptr; // fast path: read entries instead of QVariant roles
    QtMsgType m_minimumLevel = QtDebugMsg;
    int m_minimumRank = 0;
    QString m_searchText;
    QString m_correlationId;
    QSet<QString> m_hiddenCategories;
};

} // namespace ba
