#pragma once

#include <QDateTime>
#include <QDockWidget>
#include <QStyledItemDelegate>
#include <QTimer>

class QLabel;
class QTableView;

namespace ba {

class HealthTableModel;
class SourceMetrics;
struct EndpointHealth;
enum class HealthState;

// Draws the state cell as a coloured pill with its name (plain text).
class HealthStateDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static QColor stateColour(HealthState state);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// View -> Health: one row per source (state pill, last success "3 min ago", last error in words,
// p50/p95, requests/errors, rate limit, next refresh) under a one-line summary. Reads SourceMetrics;
// ticks once a second while visible so ages and countdowns move. Add it with
// QMainWindow::addDockWidget() and put toggleViewAction() in the View menu.
class HealthPanel : public QDockWidget
{
    Q_OBJECT
public:
    explicit HealthPanel(SourceMetrics *metrics, QWidget *parent = nullptr);
    ~HealthPanel() override;

    void setNextRefresh(const QDateTime &when); // invalid: none planned (offline, auto-refresh off)

    HealthTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString summaryText() const; // "All 3 source(s) OK." / "CoinGecko is failing. …"
    // The current row's last error in full, with its address and detail, then one line per
    // endpoint with its own last error.
    QString detailText() const;
    static QString endpointText(const EndpointHealth &endpoint, const QDateTime &now);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateSummary();
    void updateDetail();

    HealthTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_detail = nullptr;
    QTimer m_tick;
};

} // namespace ba
