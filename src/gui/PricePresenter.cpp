#include "gui/PricePresenter.h"

#include "gui/MainWindow.h"
#include "gui/PriceChartView.h"
#include "services/CoinCatalog.h"
#include "services/PriceCsv.h"
#include "services/RefreshCoordinator.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.gui.prices")
} // namespace

namespace ba {

namespace {

QList<QPair<QString, QString>> pickerEntries(const QList<CoinChoice> &coins)
{
    QList<QPair<QString, QString>> entries;
    entries.reserve(coins.size());
    for (const CoinChoice &coin : coins) {
        entries.append({coin.id, coin.label});
    }
    return entries;
}

} // namespace

void PricePresenter::bindCoinCatalog(CoinCatalog *catalog)
{
    m_view->setCoins(pickerEntries(catalog->coins()));
    connect(catalog, &CoinCatalog::coinsChanged, m_view,
            [view = m_view](const QList<CoinChoice> &coins) { view->setCoins(pickerEntries(coins)); });
    connect(m_coordinator, &RefreshCoordinator::finished, catalog,
            [catalog, service = m_service] { catalog->refreshIfOld(service->data().currency); });
}

PricePresenter::PricePresenter(PriceService *service, RefreshCoordinator *coordinator, PriceChartView *view,
                               MainWindow *window, QObject *parent)
    : QObject(parent), m_service(service), m_coordinator(coordinator), m_view(view), m_window(window)
{
    m_selectionSettled.setSingleShot(true);
    m_selectionSettled.setInterval(SelectionSettleMs);
    connect(&m_selectionSettled, &QTimer::timeout, this, &PricePresenter::refreshSelection);

    connect(service, &PriceService::dataChanged, this, &PricePresenter::onDataChanged);
    connect(service, &PriceService::failed, this, &PricePresenter::onFailed);
    connect(service, &PriceService::retryScheduled, this, &PricePresenter::onRetryScheduled);
    connect(service, &PriceService::finished, view, [this](const StepReport &report) {
        if (report.ok && !report.skipped) {
            clearShownError(); // the data is here: an earlier failure or pause is over
        }
    });
    connect(coordinator, &RefreshCoordinator::started, view, [this] { m_view->setBusy(true); });
    connect(coordinator, &RefreshCoordinator::finished, view, [this] { m_view->setBusy(false); });
    connect(view, &PriceChartView::rangeChanged, this, &PricePresenter::onSelectionChanged);
    connect(view, &PriceChartView::coinChanged, this, &PricePresenter::onSelectionChanged);
    connect(view, &PriceChartView::currencyChanged, this, &PricePresenter::onSelectionChanged);
    connect(window, &MainWindow::exportPricesRequested, this, &PricePresenter::askExportPrices);
    connect(window, &MainWindow::exportChartRequested, this, &PricePresenter::askExportChart);

    view->setCurrentCoin(service->data().coinId);
    view->setCurrentCurrency(service->data().currency);
    view->setRange(service->data().range);
    onDataChanged(service->data());
}

void PricePresenter::onDataChanged(const PriceData &data)
{
    if (data.prices.isEmpty() && data.candles.isEmpty()) {
        m_view->showEmpty();
    } else {
        m_view->setSeries(data.prices, data.candles);
    }
    if (data.snapshot) {
        const QDateTime fetched = data.lastFetchedMs > 0
                                      ? QDateTime::fromMSecsSinceEpoch(data.lastFetchedMs)
                                      : QDateTime::fromMSecsSinceEpoch(data.snapshot->lastUpdatedMs);
        m_view->setSnapshot(*data.snapshot, fetched, data.stale);
    } else {
        m_view->clearSnapshot();
    }
    m_window->setExportEnabled(!data.prices.isEmpty());
}

void PricePresenter::onFailed(const FetchError &error)
{
    if (error.kind == FetchError::Kind::RateLimited && error.retryAfterSeconds > 0) {
        // Too long to wait for by itself: count the pause down so the user knows when F5 helps.
        m_view->showRetryCountdown(QStringLiteral("CoinGecko"), error.retryAfterSeconds, /*retrying=*/false);
    } else {
        m_view->showError(error.userMessage);
    }
    m_shownError = error.userMessage;
    m_window->showStatus(error.userMessage, 10000);
}

void PricePresenter::clearShownError()
{
    m_view->clearError();
    if (!m_shownError.isEmpty() && m_window->statusBar()->currentMessage() == m_shownError) {
        m_window->statusBar()->clearMessage(); // it would otherwise linger after the data arrived
    }
    m_shownError.clear();
}

void PricePresenter::onRetryScheduled(int seconds, FetchError::Kind reason)
{
    if (reason == FetchError::Kind::RateLimited) {
        // Counted down live in the chart's banner until the data arrives.
        m_view->showRetryCountdown(QStringLiteral("CoinGecko"), seconds);
        return;
    }
    m_window->showStatus(tr("CoinGecko did not answer properly; trying again in %n s…", nullptr, seconds),
                         std::max(1, seconds) * 1000);
}

// The chart (and the analysis view, which follows the price service) shows the stored data of the
// new selection at once; what is not fresh is fetched once the clicks have settled, so that passing
// through 7D on the way from 24H to 90D costs no request at all.
void PricePresenter::onSelectionChanged()
{
    clearShownError(); // it was about the previous coin, currency or range
    m_service->select(m_view->currentCoin(), m_view->currentCurrency(), m_view->range());
    m_coordinator->abandon(QStringLiteral("the selection changed"));
    m_selectionSettled.start();
}

void PricePresenter::refreshSelection()
{
    m_coordinator->refresh(RefreshCoordinator::Trigger::SelectionChange);
}

void PricePresenter::askExportPrices()
{
    const PriceData &data = m_service->data();
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(
                QStringLiteral("%1-%2-%3.csv").arg(data.coinId, data.currency, priceRange::key(data.range)));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Prices to CSV"), suggested,
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty()) {
        exportPricesCsv(path);
    }
}

void PricePresenter::exportPricesCsv(const QString &path)
{
    QSaveFile file(path);
    const QByteArray csv = PriceCsv::format(m_service->data().prices);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        qCWarning(lc).noquote() << "CSV export to" << path << "failed:" << file.errorString();
        m_window->showStatus(tr("Could not write %1: %2").arg(path, file.errorString()), 10000);
        return;
    }
    qCInfo(lc).noquote() << "Exported" << m_service->data().prices.size() << "prices to" << path;
    m_window->showStatus(
        tr("Exported %n price(s) to %1.", nullptr, int(m_service->data().prices.size())).arg(path), 8000);
}

void PricePresenter::askExportChart()
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::PicturesLocation))
                                  .filePath(QStringLiteral("%1-chart.png").arg(m_service->data().coinId));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Chart as PNG"), suggested,
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty()) {
        return;
    }
    if (m_view->saveChartPng(path)) {
        m_window->showStatus(tr("Chart saved to %1.").arg(path), 8000);
    } else {
        m_window->showStatus(tr("Could not save the chart to %1.").arg(path), 10000);
    }
}

} // namespace ba
