#pragma once

#include "services/PriceService.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace ba {

class CoinCatalog;
class MainWindow;
class PriceChartView;
class RefreshCoordinator;

// Feeds PriceChartView from PriceService and turns the user's choices (range, coin, currency,
// exports) into service calls. The view stays dumb; the service never sees a widget.
class PricePresenter : public QObject
{
    Q_OBJECT
public:
    // Clicks through ranges, coins or currencies within this time start one refresh, for the last.
    static constexpr int SelectionSettleMs = 400;

    PricePresenter(PriceService *service, RefreshCoordinator *coordinator, PriceChartView *view,
                   MainWindow *window, QObject *parent = nullptr);

    void exportPricesCsv(const QString &path);
    // The coin picker shows the catalog's list; after each refresh the catalog may fetch a newer
    // one (at most daily), so the list never delays the prices at start-up.
    void bindCoinCatalog(CoinCatalog *catalog);

private:
    void onDataChanged(const PriceData &data);
    void onFailed(const FetchError &error);
    void clearShownError();
    void onRetryScheduled(int seconds, FetchError::Kind reason);
    void onSelectionChanged();
    void refreshSelection();
    void askExportPrices();
    void askExportChart();

    QPointer<PriceService> m_service;
    QPointer<RefreshCoordinator> m_coordinator;
    QPointer<PriceChartView> m_view;
    QPointer<MainWindow> m_window;
    QTimer m_selectionSettled; // debounces range, coin and currency clicks before a refresh
    QString m_shownError;      // the failure on screen (banner, status bar) until data arrives
};

} // namespace ba
