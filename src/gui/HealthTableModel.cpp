#include "gui/HealthTableModel.h"

#include "gui/PlainToolTip.h"
#include "gui/Theme.h"
#include "services/SourceMetrics.h"

#include <QColor>
#include <QGuiApplication>
#include <QLocale>

namespace ba {

HealthTableModel::HealthTableModel(SourceMetrics *metrics, QObject *parent)
    : QAbstractTableModel(parent), m_metrics(metrics)
{
    if (m_metrics) {
        connect(m_metrics, &SourceMetrics::sourceAdded, this, &HealthTableModel::refresh);
        connect(m_metrics, &SourceMetrics::sourceChanged, this, &HealthTableModel::refresh);
    }
    refresh();
}

int HealthTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HealthTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void HealthTableModel::setNextRefresh(const QDateTime &when)
{
    m_nextRefresh = when;
    refresh();
}

void HealthTableModel::refresh()
{
    const QList<SourceHealth> fresh = m_metrics ? m_metrics->snapshot() : QList<SourceHealth>();
    // Sources only ever get added, in order: rows already shown keep their place.
    if (fresh.size() > m_rows.size()) {
        beginInsertRows(QModelIndex(), int(m_rows.size()), int(fresh.size()) - 1);
        m_rows = fresh;
        endInsertRows();
        if (!m_rows.isEmpty()) {
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        }
        return;
    }
    if (fresh.size() < m_rows.size()) {
        beginResetModel();
        m_rows = fresh;
        endResetModel();
        return;
    }
    m_rows = fresh;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    }
}

QVariant HealthTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SourceHealth &health = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(health, index.column());
    case Qt::ToolTipRole: // error texts may echo what a server sent: never rich text
        return plainToolTip(toolTip(health, index.column()).toString());
    case Qt::ForegroundRole:
        if (index.column() == LastErrorColumn && health.hasError() &&
            (health.state == HealthState::Failing || health.state == HealthState::Blocked)) {
            // A current error; an old one keeps the normal colour.
            return StatusColors::forPalette(QGuiApplication::palette()).bad;
        }
        return {};
    case StateRole:
        return int(health.state);
    case SourceIdRole:
        return health.source;
    default:
        return {};
    }
}

QVariant HealthTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case SourceColumn:
        return tr("Source");
    case StateColumn:
        return tr("State");
    case LastSuccessColumn:
        return tr("Last success");
    case LastErrorColumn:
        return tr("Last error");
    case LatencyColumn:
        return tr("p50 / p95");
    case RequestsColumn:
        return tr("Requests / errors");
    case RateLimitColumn:
        return tr("Rate limit");
    case NextRefreshColumn:
        return tr("Next refresh");
    default:
        return {};
    }
}

QVariant HealthTableModel::display(const SourceHealth &health, int column) const
{
    const QLocale locale;
    switch (column) {
    case SourceColumn:
        return health.displayName;
    case StateColumn:
        return healthStateName(health.state);
    case LastSuccessColumn:
        return formatAgo(health.lastSuccess, health.at);
    case LastErrorColumn:
        if (!health.hasError()) {
            return tr("none");
        }
        return QString((health.lastError.userMessage.isEmpty() ? FetchError::kindName(health.lastError.kind)
                                                               : health.lastError.userMessage) +
                       QStringLiteral(" (") + formatAgo(health.lastErrorTime, health.at) + QLatin1Char(')'));
    case LatencyColumn:
        return formatLatencyPair(health.p50Ms, health.p95Ms);
    case RequestsColumn:
        return QStringLiteral("%1 / %2").arg(locale.toString(health.requests),
                                             locale.toString(health.errors));
    case RateLimitColumn:
        return rateLimitText(health);
    case NextRefreshColumn:
        return nextRefreshText(m_nextRefresh, health);
    default:
        return {};
    }
}

QVariant HealthTableModel::toolTip(const SourceHealth &health, int column) const
{
    switch (column) {
    case SourceColumn:
        return health.source;
    case LastSuccessColumn:
        return health.lastSuccess.isValid()
                   ? QLocale().toString(health.lastSuccess.toLocalTime(), QLocale::LongFormat)
                   : QVariant();
    case LastErrorColumn:
        if (!health.hasError()) {
            return {};
        }
        return QString(FetchError::kindName(health.lastError.kind) + QStringLiteral(", ") +
                       QLocale().toString(health.lastErrorTime.toLocalTime(), QLocale::ShortFormat) +
                       QStringLiteral("\n") + describeLastError(health));
    case LatencyColumn:
        return health.lastLatencyMs < 0
                   ? QVariant()
                   : QVariant(tr("Median and 95th percentile of this session; last %1 ms")
                                  .arg(QLocale().toString(health.lastLatencyMs)));
    default:
        return {};
    }
}

QString HealthTableModel::rateLimitText(const SourceHealth &health)
{
    if (health.backoffMs > 0) {
        return tr("waiting %1").arg(formatDurationMs(health.backoffMs));
    }
    if (health.budgetTotal > 0) {
        return tr("%1 of %2 left").arg(health.budgetLeft).arg(health.budgetTotal);
    }
    return QStringLiteral("–");
}

QString HealthTableModel::nextRefreshText(const QDateTime &next, const SourceHealth &health)
{
    if (!next.isValid()) {
        return tr("not planned");
    }
    const qint64 ms = health.at.msecsTo(next);
    QString text = ms <= 0 ? tr("due now")
                           : tr("in %1 (%2)")
                                 .arg(formatDurationMs(ms),
                                      QLocale().toString(next.toLocalTime().time(), QLocale::ShortFormat));
    if (health.backoffMs > std::max<qint64>(0, ms)) {
        text += QStringLiteral(", ") + tr("after the rate limit");
    }
    return text;
}

} // namespace ba
