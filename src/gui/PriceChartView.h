#pragma once

#include "domain/MarketTypes.h"
#include "gui/chart/ChartTypes.h"

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>
#include <functional>
#include <memory>
#include <utility>

namespace ba {

namespace chart {
class ChartCanvas;
class ChartHeader;
class ChartToolBar;
struct ChartTheme;
} // namespace chart

// The price chart: header (price, 24 h change, market cap, volume, age, "Stale"), range and
// mode tool bar, and a Qt Charts plot with hover read-out, wheel zoom, drag pan, Shift+drag
// span selection and reset. A dumb view: it is fed through the setters below and reports the
// user's choices through signals; it never fetches or stores anything.
//
// This class and gui/chart/ are the only users of Qt Charts, so that moving to Qt Graphs later
// touches nothing else. Long histories are reduced with M4 to about four points per pixel
// column of the visible range before they reach Qt Charts.
class PriceChartView : public QWidget
{
    Q_OBJECT
public:
    using Range = ChartRange;
    using Mode = ChartMode;
    using Overlay = ChartOverlay;

    explicit PriceChartView(QWidget *parent = nullptr);
    ~PriceChartView() override;

    // --- data in -----------------------------------------------------------------------------
    // Both lists may be empty (then the empty state shows) and need not be sorted. The zoom is
    // kept when the new data still covers it, so a periodic refresh does not throw it away.
    void setSeries(const QList<PricePoint> &prices, const QList<Candle> &candles);
    void setSnapshot(const MarketSnapshot &snapshot, const QDateTime &fetchedAt, bool stale);
    void clearSnapshot();
    void setCoins(const QList<QPair<QString, QString>> &coins); // (id, label)
    void setCurrencies(const QStringList &codes);               // "usd", "eur", ...
    // Setters never emit the matching signal; only the user's own choices do. The current
    // currency is also the one prices are formatted in (the snapshot's, once one is set).
    void setCurrentCoin(const QString &coinId);
    void setCurrentCurrency(const QString &code);
    void setRange(Range range);
    void setMode(Mode mode);
    void setOverlayVisible(Overlay overlay, bool visible);
    // Drops the data and shows `text` (default: "No price data yet. Press F5 to refresh.").
    void showEmpty(const QString &text = QString());
    // A banner inside the chart area; the chart under it stays. It goes away when the user
    // closes it, on clearError(), or when a new refresh starts (setBusy(true)).
    void showError(const QString &message);
    // The banner counts down live: "<service> asked for a pause … trying again in 42 s" while the
    // request waits by itself (retrying), or "… you can refresh again in 42 s" once it gave up.
    // Several waits at once show the one that ends last.
    void showRetryCountdown(const QString &service, int seconds, bool retrying = true);
    void clearError();
    void setBusy(bool busy);
    // The clock behind "updated N min ago"; defaults to QDateTime::currentDateTime.
    void setClock(std::function<QDateTime()> now);

    // --- state -------------------------------------------------------------------------------
    Range range() const { return m_range; }
    Mode mode() const { return m_mode; }
    bool isOverlayVisible(Overlay overlay) const;
    QList<Overlay> visibleOverlays() const;
    QString currentCoin() const;
    QString currentCurrency() const;
    bool hasData() const;
    bool isZoomed() const;
    std::pair<qint64, qint64> visibleTimeRange() const; // ms since epoch, {0, 0} without data
    QString emptyText() const;                          // empty when data is shown
    QString errorText() const;                          // empty when no banner is shown

    // --- crosshair read-out (also what tests check) --------------------------------------------
    // Lines: local date/time, price (or O/H/L/C in candle mode), "+1.23 % since range start",
    // optionally "Volume $45.6 B"; joined with '\n'. Empty when there is no data point.
    QString readoutForTime(qint64 msecsSinceEpoch) const;
    // `viewPos` in the chart view's viewport coordinates; empty outside the plot area.
    QString readoutAt(const QPointF &viewPos) const;
    // What the hover crosshair shows right now; empty when it is hidden.
    QString currentReadout() const;

    // --- export ------------------------------------------------------------------------------
    // Header and chart as one image, without crosshair or error banner (File → Export chart
    // as PNG). saveChartPng() returns false when there is no data or the file cannot be written.
    QImage renderToImage();
    bool saveChartPng(const QString &path);

public Q_SLOTS:
    void resetZoom();

Q_SIGNALS:
    void rangeChanged(ba::ChartRange range);
    void coinChanged(const QString &coinId);
    void currencyChanged(const QString &code);
    void modeChanged(ba::ChartMode mode);
    void overlayChanged(ba::ChartOverlay overlay, bool visible);
    // The user asked for the whole range again (double-click, key 0, "Reset zoom"); the view
    // has already reset itself when this is emitted.
    void resetZoomRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void connectParts();
    void addShortcuts();
    void applyTheme();
    void activateRange(Range range);
    void updateCanvasSettings();

    std::unique_ptr<chart::ChartTheme> m_theme;
    chart::ChartHeader *m_header = nullptr;
    chart::ChartToolBar *m_toolBar = nullptr;
    chart::ChartCanvas *m_canvas = nullptr;
    Range m_range = Range::Month;
    Mode m_mode = Mode::Line;
    QString m_currency = QStringLiteral("usd"); // of the data shown; the picker may be ahead
};

} // namespace ba
