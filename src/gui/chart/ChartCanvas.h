#pragma once

#include "domain/MarketTypes.h"
#include "gui/chart/ChartTypes.h"

#include <QString>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

QT_BEGIN_NAMESPACE
class QChart;
class QTimer;
QT_END_NAMESPACE

namespace ba::chart {

class ChartData;
class ChartNotices;
class CrosshairItem;
class InteractiveChartView;
class PricePlot;
class TimeWindow;
struct ChartTheme;

// The chart area under the tool bar: the Qt Charts view with its series, the visible time
// window (zoom, pan, span selection), the hover crosshair, and the empty and error notices.
// Re-renders from the full data whenever the window, the plot size or the settings change.
class ChartCanvas : public QWidget
{
    Q_OBJECT
public:
    struct Settings
    {
        ChartMode mode = ChartMode::Line; // candles fall back to the line without OHLC data
        bool volume = true;
        bool sma = false;
        bool ema = false;
        bool bollinger = false;
        QString currency = QStringLiteral("usd");
    };

    explicit ChartCanvas(QWidget *parent = nullptr);
    ~ChartCanvas() override;

    void setSeries(const QList<PricePoint> &prices, const QList<Candle> &candles);
    void setSettings(const Settings &settings);
    void applyTheme(const ChartTheme &theme);
    void showEmpty(const QString &text);
    void showError(const QString &message);
    void showCountdown(std::function<QString(qint64 msLeft)> text, qint64 msLeft); // see ChartNotices
    void clearError();

    bool hasData() const;
    bool hasCandles() const;
    bool isZoomed() const;
    std::pair<double, double> visibleRange() const;
    QString emptyText() const;
    QString errorText() const;
    QString readoutForTime(double timeMs) const;
    QString readoutAt(const QPointF &viewPos) const;
    QString currentReadout() const { return m_currentReadout; }
    // The chart as shown, without crosshair and error banner.
    QPixmap grabClean();

public Q_SLOTS:
    void resetZoom();

Q_SIGNALS:
    void zoomedChanged(bool zoomed);
    void resetRequested(); // double-click

private:
    void connectView();
    void render();
    void zoomAround(qreal viewX, qreal factor);
    void panBy(qreal dxPixels);
    void selectSpan(qreal fromViewX, qreal toViewX);
    void windowMoved();
    void updateCrosshair();
    bool candlesShown() const;
    QPointF toChart(const QPointF &viewPos) const;
    double timeAtChartX(qreal x) const;

    std::unique_ptr<ChartData> m_data;
    std::unique_ptr<ChartTheme> m_theme;
    std::unique_ptr<TimeWindow> m_window;
    std::unique_ptr<PricePlot> m_plot;
    QChart *m_chart = nullptr;
    InteractiveChartView *m_view = nullptr;
    CrosshairItem *m_crosshair = nullptr;
    ChartNotices *m_notices = nullptr;
    QTimer *m_renderTimer = nullptr;
    Settings m_settings;
    QSize m_renderedPlotSize;
    std::optional<QPointF> m_hoverPos; // viewport coordinates
    QString m_currentReadout;
};

} // namespace ba::chart
