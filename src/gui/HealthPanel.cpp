#include "gui/HealthPanel.h"

#include "gui/HealthTableModel.h"
#include "services/SourceMetrics.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTableView>
#include <QVBoxLayout>

namespace ba {

QColor HealthStateDelegate::stateColour(HealthState state)
{
    switch (state) {
    case HealthState::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case HealthState::Stale:
        return QColor(0x96, 0x58, 0x00); // deep enough amber for white text (4.5:1)
    case HealthState::Failing:
        return QColor(0xc6, 0x28, 0x28);
    case HealthState::Blocked:
        return QColor(0x6a, 0x1b, 0x9a);
    case HealthState::Unknown:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

void HealthStateDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : nullptr;
    if (style) {
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    }
    const auto state = HealthState(index.data(HealthTableModel::StateRole).toInt());
    QFont font = opt.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int width = metrics.horizontalAdvance(text) + 2 * metrics.height() / 2 + 8;
    const int height = metrics.height() + 4;
    const QRect pill(opt.rect.left() + 6, opt.rect.center().y() - height / 2 + 1, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(pill), height / 2.0, height / 2.0);
    painter->fillPath(path, stateColour(state));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(pill, Qt::AlignCenter, text); // a QString: plain text
    painter->restore();
}

QSize HealthStateDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    size.setWidth(metrics.horizontalAdvance(index.data().toString()) + metrics.height() + 24);
    size.setHeight(std::max(size.height(), metrics.height() + 10));
    return size;
}

HealthPanel::HealthPanel(SourceMetrics *metrics, QWidget *parent)
    : QDockWidget(parent), m_model(new HealthTableModel(metrics, this))
{
    setObjectName(QStringLiteral("healthDock"));
    setWindowTitle(tr("Health"));
    toggleViewAction()->setText(tr("&Health"));
    toggleViewAction()->setToolTip(tr("Show how each data source is doing"));

    auto *contents = new QWidget(this);
    auto *layout = new QVBoxLayout(contents);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    m_summary = new QLabel(contents);
    m_summary->setObjectName(QStringLiteral("healthSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_view = new QTableView(contents);
    m_view->setObjectName(QStringLiteral("healthView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(HealthTableModel::StateColumn, new HealthStateDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setHighlightSections(false);
    columns->setSectionResizeMode(QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(HealthTableModel::LastErrorColumn, QHeaderView::Stretch);
    layout->addWidget(m_view, 1);

    // The error column is elided; the selected source's error is spelled out here, selectable so
    // that the address can be copied into a bug report.
    m_detail = new QLabel(contents);
    m_detail->setObjectName(QStringLiteral("healthDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_detail);
    setWidget(contents);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HealthPanel::updateDetail);

    connect(m_model, &QAbstractItemModel::dataChanged, this, &HealthPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HealthPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HealthPanel::updateSummary);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, m_model, &HealthTableModel::refresh);
    updateSummary();
}

HealthPanel::~HealthPanel() = default;

void HealthPanel::setNextRefresh(const QDateTime &when)
{
    m_model->setNextRefresh(when);
}

QString HealthPanel::summaryText() const
{
    const QList<SourceHealth> &rows = m_model->rows();
    if (rows.isEmpty()) {
        return tr("No source has been used yet.");
    }
    QStringList problems;
    int ok = 0;
    for (const SourceHealth &row : rows) {
        if (row.state == HealthState::Ok) {
            ++ok;
        } else if (row.state != HealthState::Unknown) {
            problems.append(tr("%1 is %2").arg(row.displayName, healthStateName(row.state).toLower()));
        }
    }
    if (problems.isEmpty()) {
        return ok == rows.size()
                   ? tr("All %n source(s) OK.", nullptr, ok)
                   : tr("%1 of %n source(s) OK; the others have no data yet.", nullptr, int(rows.size()))
                         .arg(ok);
    }
    return problems.join(QStringLiteral("; ")) + QLatin1Char('.') + QLatin1Char(' ') +
           tr("Select a source to read its error in full.");
}

void HealthPanel::updateSummary()
{
    m_summary->setText(summaryText());
    updateDetail();
}

QString HealthPanel::detailText() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rows().size()) {
        return tr("Select a source to read its last error in full.");
    }
    const SourceHealth &health = m_model->rows().at(current.row());
    QString text =
        !health.hasError()
            ? tr("%1: no error this session.").arg(health.displayName)
            : tr("%1, last error (%2, %3): %4")
                  .arg(health.displayName, FetchError::kindName(health.lastError.kind),
                       QLocale().toString(health.lastErrorTime.toLocalTime(), QLocale::ShortFormat),
                       describeLastError(health));
    for (const EndpointHealth &endpoint : health.endpoints) {
        text += QLatin1Char('\n') + endpointText(endpoint, health.at);
    }
    return text;
}

QString HealthPanel::endpointText(const EndpointHealth &endpoint, const QDateTime &now)
{
    const QString path = QUrl(endpoint.target).path();
    if (!endpoint.lastError.isError()) {
        return tr("  %1: OK, %2").arg(path, formatAgo(endpoint.lastSuccess, now));
    }
    const QString error = endpoint.lastError.userMessage.isEmpty()
                              ? FetchError::kindName(endpoint.lastError.kind)
                              : endpoint.lastError.userMessage;
    return endpoint.lastFailed()
               ? tr("  %1: failing since %2: %3").arg(path, formatAgo(endpoint.lastErrorTime, now), error)
               : tr("  %1: OK %2; last error %3: %4")
                     .arg(path, formatAgo(endpoint.lastSuccess, now), formatAgo(endpoint.lastErrorTime, now),
                          error);
}

void HealthPanel::updateDetail()
{
    m_detail->setText(detailText());
}

void HealthPanel::showEvent(QShowEvent *event)
{
    m_model->refresh();
    m_tick.start();
    QDockWidget::showEvent(event);
}

void HealthPanel::hideEvent(QHideEvent *event)
{
    m_tick.stop();
    QDockWidget::hideEvent(event);
}

} // namespace ba
