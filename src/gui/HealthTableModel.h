#pragma once

#include "services/SourceHealth.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>

namespace ba {

class SourceMetrics;

// The health panel's rows: one per source of SourceMetrics, in order of appearance, as plain text.
// refresh() re-reads the figures (the panel calls it on changes and once a second, so "3 min ago"
// and countdowns move).
class HealthTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SourceColumn,
        StateColumn,
        LastSuccessColumn,
        LastErrorColumn,
        LatencyColumn,
        RequestsColumn,
        RateLimitColumn,
        NextRefreshColumn,
        ColumnCount
    };
    enum Role
    {
        StateRole = Qt::UserRole + 1, // int: HealthState
        SourceIdRole,                 // QString: "coingecko"
    };

    explicit HealthTableModel(SourceMetrics *metrics, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setNextRefresh(const QDateTime &when); // invalid: no refresh planned (offline)
    QDateTime nextRefresh() const { return m_nextRefresh; }

    void refresh();
    const QList<SourceHealth> &rows() const { return m_rows; }

    // "in 4 min (10:35)", "due now", "not planned"; then, when a back-off applies, "after the rate limit".
    static QString nextRefreshText(const QDateTime &next, const SourceHealth &health);
    // "8 of 10 left", "waiting 42 s", "–".
    static QString rateLimitText(const SourceHealth &health);

private:
    QVariant display(const SourceHealth &health, int column) const;
    QVariant toolTip(const SourceHealth &health, int column) const;

    QPointer<SourceMetrics> m_metrics;
    QList<SourceHealth> m_rows;
    QDateTime m_nextRefresh;
};

} // namespace ba
