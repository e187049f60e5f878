#include "gui/chart/ChartCanvas.h"

#include "gui/chart/ChartData.h"
#include "gui/chart/ChartNotices.h"
#include "gui/chart/ChartReadout.h"
#include "gui/chart/ChartTheme.h"
#include "gui/chart/CrosshairItem.h"
#include "gui/chart/InteractiveChartView.h"
#include "gui/chart/PricePlot.h"
#include "gui/chart/TimeWindow.h"

#include <QChart>
#include <QElapsedTimer>
#include <QLocale>
#include <QLoggingCategory>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.gui.pricechart.canvas")
} // namespace

namespace ba::chart {

namespace {

// Below this the plot area is not laid out yet and its size means nothing.
constexpr int kMinPlotSize = 50;

} // namespace

ChartCanvas::ChartCanvas(QWidget *parent)
    : QWidget(parent), m_data(std::make_unique<ChartData>()),
      m_theme(std::make_unique<ChartTheme>(ChartTheme::fromPalette(palette()))),
      m_window(std::make_unique<TimeWindow>())
{
    setObjectName(QStringLiteral("chartArea"));
    setAutoFillBackground(true);
    m_chart = new QChart;
    m_plot = std::make_unique<PricePlot>(m_chart);
    m_view = new InteractiveChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("priceChartView"));
    m_crosshair = new CrosshairItem(m_chart);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_notices = new ChartNotices(this);

    // Plot-area changes arrive in the middle of Qt Charts' layout pass: re-render after it.
    m_renderTimer = new QTimer(this);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(0);
    connectView();
}

ChartCanvas::~ChartCanvas() = default;

void ChartCanvas::connectView()
{
    connect(m_renderTimer, &QTimer::timeout, this, [this] {
        render();
        updateCrosshair();
    });
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &plotArea) {
        m_crosshair->setPlotArea(plotArea);
        // The error banner stops where the price axis (right of the plot) begins. Measured once
        // the layout pass is over: in the middle of it the view still maps with the old geometry.
        QMetaObject::invokeMethod(
            this,
            [this] {
                const QPointF plotRight = m_chart->mapToScene(m_chart->plotArea().topRight());
                const QPoint axisStart = m_view->viewport()->mapTo(this, m_view->mapFromScene(plotRight));
                m_notices->setBannerRightEdge(axisStart.x());
            },
            Qt::QueuedConnection);
        if (hasData() && plotArea.size().toSize() != m_renderedPlotSize) {
            m_renderTimer->start();
        }
    });
    connect(m_view, &InteractiveChartView::hovered, this, [this](const QPointF &pos) {
        m_hoverPos = pos;
        updateCrosshair();
    });
    connect(m_view, &InteractiveChartView::hoverLeft, this, [this] {
        m_hoverPos.reset();
        updateCrosshair();
    });
    connect(m_view, &InteractiveChartView::zoomRequested, this, &ChartCanvas::zoomAround);
    connect(m_view, &InteractiveChartView::panRequested, this, &ChartCanvas::panBy);
    connect(m_view, &InteractiveChartView::spanSelected, this, &ChartCanvas::selectSpan);
    connect(m_view, &InteractiveChartView::resetRequested, this, &ChartCanvas::resetRequested);
}

void ChartCanvas::setSeries(const QList<PricePoint> &prices, const QList<Candle> &candles)
{
    m_data->set(prices, candles);
    if (m_data->isEmpty()) {
        return;
    }
    m_notices->hideEmpty();
    m_view->show();
    const bool wasZoomed = m_window->isZoomed();
    m_window->setBounds(m_data->firstTime(), m_data->lastTime(), m_data->prices().size(), true);
    if (wasZoomed != m_window->isZoomed()) {
        Q_EMIT zoomedChanged(m_window->isZoomed());
    }
    render();
    updateCrosshair();
}

void ChartCanvas::setSettings(const Settings &settings)
{
    m_settings = settings;
    render();
    updateCrosshair();
}

void ChartCanvas::applyTheme(const ChartTheme &theme)
{
    *m_theme = theme;
    m_plot->applyTheme(theme);
    m_notices->applyTheme(theme);
    m_crosshair->setColors(theme.crosshair, theme.readoutBackground, theme.readoutBorder, theme.price);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, theme.background);
    setPalette(pal);
    m_chart->setLocale(locale());
    render();
}

void ChartCanvas::showEmpty(const QString &text)
{
    const bool wasZoomed = m_window->isZoomed();
    m_data->clear();
    m_plot->clear();
    m_window->clear();
    m_hoverPos.reset();
    updateCrosshair();
    m_view->hide();
    m_notices->showEmpty(text);
    if (wasZoomed) {
        Q_EMIT zoomedChanged(false);
    }
}

void ChartCanvas::showError(const QString &message)
{
    m_notices->showError(message);
}

void ChartCanvas::showCountdown(std::function<QString(qint64)> text, qint64 msLeft)
{
    m_notices->showCountdown(std::move(text), msLeft);
}

void ChartCanvas::clearError()
{
    m_notices->clearError();
}

bool ChartCanvas::hasData() const
{
    return !m_data->isEmpty();
}

bool ChartCanvas::hasCandles() const
{
    return !m_data->candles().isEmpty();
}

bool ChartCanvas::isZoomed() const
{
    return m_window->isZoomed();
}

std::pair<double, double> ChartCanvas::visibleRange() const
{
    return {m_window->min(), m_window->max()};
}

QString ChartCanvas::emptyText() const
{
    return m_notices->emptyText();
}

QString ChartCanvas::errorText() const
{
    return m_notices->errorText();
}

QString ChartCanvas::readoutForTime(double timeMs) const
{
    const auto readout = readoutNear(*m_data, timeMs, candlesShown(), m_settings.currency, *m_theme);
    return readout ? readout->text() : QString();
}

QString ChartCanvas::readoutAt(const QPointF &viewPos) const
{
    const QPointF pos = toChart(viewPos);
    if (!hasData() || !m_chart->plotArea().contains(pos)) {
        return {};
    }
    return readoutForTime(timeAtChartX(pos.x()));
}

QPixmap ChartCanvas::grabClean()
{
    const bool crosshairShown = m_crosshair->isVisible();
    m_crosshair->setVisible(false);
    m_notices->setBannerSuppressed(true);
    const QPixmap pixmap = grab();
    m_notices->setBannerSuppressed(false);
    m_crosshair->setVisible(crosshairShown);
    return pixmap;
}

void ChartCanvas::resetZoom()
{
    m_window->reset();
    windowMoved();
}

void ChartCanvas::render()
{
    if (!hasData()) {
        return;
    }
    const QRectF plotArea = m_chart->plotArea();
    PricePlot::Request request;
    request.xMin = m_window->min();
    request.xMax = m_window->max();
    // Before Qt Charts' first layout the plot area is empty: estimate it from the view.
    request.plotWidth = plotArea.width() >= kMinPlotSize ? static_cast<int>(plotArea.width())
                                                         : std::max(kMinPlotSize, m_view->width() - 90);
    request.plotHeight = plotArea.height() >= kMinPlotSize ? static_cast<int>(plotArea.height())
                                                           : std::max(kMinPlotSize, m_view->height() - 40);
    request.mode = candlesShown() ? ChartMode::Candles : ChartMode::Line;
    request.volume = m_settings.volume;
    request.sma = m_settings.sma;
    request.ema = m_settings.ema;
    request.bollinger = m_settings.bollinger;
    request.currency = m_settings.currency;

    QElapsedTimer timer;
    timer.start();
    m_plot->render(*m_data, request);
    // PricePlot has laid the chart out for the new axes and drawn for the plot size that
    // came of it: nothing is left for the plot-area handler to redo.
    m_renderedPlotSize = m_chart->plotArea().size().toSize();
    m_renderTimer->stop();
    qCDebug(lc).nospace() << "rendered " << m_data->prices().size() << " points for " << request.plotWidth
                          << " px in " << timer.elapsed() << " ms";
}

void ChartCanvas::zoomAround(qreal viewX, qreal factor)
{
    if (hasData() && m_window->zoom(timeAtChartX(toChart(QPointF(viewX, 0)).x()), factor)) {
        windowMoved();
    }
}

void ChartCanvas::panBy(qreal dxPixels)
{
    const double width = m_chart->plotArea().width();
    if (hasData() && width > 0 && m_window->pan(-dxPixels * m_window->span() / width)) {
        windowMoved();
    }
}

void ChartCanvas::selectSpan(qreal fromViewX, qreal toViewX)
{
    if (hasData() && m_window->select(timeAtChartX(toChart(QPointF(fromViewX, 0)).x()),
                                      timeAtChartX(toChart(QPointF(toViewX, 0)).x()))) {
        windowMoved();
    }
}

void ChartCanvas::windowMoved()
{
    render();
    updateCrosshair();
    Q_EMIT zoomedChanged(m_window->isZoomed());
}

void ChartCanvas::updateCrosshair()
{
    m_currentReadout.clear();
    const QPointF pos = m_hoverPos ? toChart(*m_hoverPos) : QPointF();
    const QRectF plotArea = m_chart->plotArea();
    const double span = m_window->span();
    const double yRange = m_plot->yMax() - m_plot->yMin();
    const auto readout =
        m_hoverPos && hasData() && plotArea.contains(pos) && span > 0 && yRange > 0
            ? readoutNear(*m_data, timeAtChartX(pos.x()), candlesShown(), m_settings.currency, *m_theme)
            : std::nullopt;
    if (!readout) {
        m_crosshair->hideCrosshair();
        return;
    }
    // Our own mapping: the same maths as Qt Charts, without needing a series to map through.
    const QPointF at(plotArea.left() + (readout->value.x() - m_window->min()) / span * plotArea.width(),
                     plotArea.bottom() - (readout->value.y() - m_plot->yMin()) / yRange * plotArea.height());
    m_crosshair->setPlotArea(plotArea);
    m_crosshair->showAt(at, pos.y(), readout->lines);
    m_currentReadout = readout->text();
}

bool ChartCanvas::candlesShown() const
{
    return m_settings.mode == ChartMode::Candles && hasCandles();
}

QPointF ChartCanvas::toChart(const QPointF &viewPos) const
{
    return m_chart->mapFromScene(m_view->mapToScene(viewPos.toPoint()));
}

double ChartCanvas::timeAtChartX(qreal x) const
{
    const QRectF plotArea = m_chart->plotArea();
    if (plotArea.width() <= 0) {
        return m_window->min();
    }
    return m_window->min() + (x - plotArea.left()) / plotArea.width() * m_window->span();
}

} // namespace ba::chart
