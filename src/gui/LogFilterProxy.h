#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace ba {

// Filters LogModel rows (through its raw-value roles) by minimum level, a case-insensitive
// text search over message and category, and an exact correlation id. All filters combine.
class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);

    void setMinimumLevel(QtMsgType level);
    QtMsgType minimumLevel() const;

    void setSearchText(const QString &text); // empty = no text filter
    QString searchText() const;

    void setCorrelationId(const QString &id); // empty = every entry
    QString correlationId() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QtMsgType m_minimumLevel = QtDebugMsg;
    int m_minimumRank = 0;
    QString m_searchText;
    QString m_correlationId;
};

} // namespace ba
