#include "gui/PriceChartView.h"

#include "gui/chart/ChartCanvas.h"
#include "gui/chart/ChartHeader.h"
#include "gui/chart/ChartTheme.h"
#include "gui/chart/ChartToolBar.h"

#include <QEvent>
#include <QLoggingCategory>
#include <QPainter>
#include <QShortcut>
#include <QVBoxLayout>
#include <cmath>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.gui.pricechart")
} // namespace

namespace ba {

PriceChartView::PriceChartView(QWidget *parent)
    : QWidget(parent), m_theme(std::make_unique<chart::ChartTheme>())
{
    buildUi();
    connectParts();
    addShortcuts();
    applyTheme();
    updateCanvasSettings();
    showEmpty();
}

PriceChartView::~PriceChartView() = default;

void PriceChartView::buildUi()
{
    m_header = new chart::ChartHeader(this);
    m_toolBar = new chart::ChartToolBar(this);
    m_canvas = new chart::ChartCanvas(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_canvas, 1);
}

void PriceChartView::connectParts()
{
    connect(m_header, &chart::ChartHeader::coinActivated, this, &PriceChartView::coinChanged);
    connect(m_header, &chart::ChartHeader::currencyActivated, this, &PriceChartView::currencyChanged);
    connect(m_toolBar, &chart::ChartToolBar::rangeActivated, this, &PriceChartView::activateRange);
    connect(m_toolBar, &chart::ChartToolBar::modeActivated, this, [this](Mode mode) {
        m_mode = mode;
        updateCanvasSettings();
        Q_EMIT modeChanged(mode);
    });
    connect(m_toolBar, &chart::ChartToolBar::overlayToggled, this, [this](Overlay overlay, bool visible) {
        updateCanvasSettings();
        Q_EMIT overlayChanged(overlay, visible);
    });
    connect(m_toolBar, &chart::ChartToolBar::resetActivated, this, [this] {
        resetZoom();
        Q_EMIT resetZoomRequested();
    });
    connect(m_canvas, &chart::ChartCanvas::resetRequested, m_toolBar, &chart::ChartToolBar::resetActivated);
    connect(m_canvas, &chart::ChartCanvas::zoomedChanged, m_toolBar, &chart::ChartToolBar::setResetEnabled);
}

void PriceChartView::addShortcuts()
{
    // Keys 1..6 pick a range and 0 resets the zoom, wherever the focus is inside the view.
    const Range ranges[] = {Range::Day, Range::Week, Range::Month, Range::Quarter, Range::Year, Range::Max};
    int key = Qt::Key_1;
    for (const Range range : ranges) {
        auto *shortcut = new QShortcut(QKeySequence(key++), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, range] { activateRange(range); });
    }
    auto *reset = new QShortcut(QKeySequence(Qt::Key_0), this);
    reset->setContext(Qt::WidgetWithChildrenShortcut);
    connect(reset, &QShortcut::activated, m_toolBar, &chart::ChartToolBar::resetActivated);
}

void PriceChartView::setSeries(const QList<PricePoint> &prices, const QList<Candle> &candles)
{
    qCDebug(lc) << "series:" << prices.size() << "prices," << candles.size() << "candles";
    m_canvas->setSeries(prices, candles);
    if (!m_canvas->hasData()) {
        showEmpty();
        return;
    }
    m_toolBar->setCandlesAvailable(m_canvas->hasCandles());
}

void PriceChartView::setSnapshot(const MarketSnapshot &snapshot, const QDateTime &fetchedAt, bool stale)
{
    m_header->setSnapshot(snapshot, fetchedAt, stale);
    if (!snapshot.vsCurrency.isEmpty()) {
        m_currency = snapshot.vsCurrency.toLower();
        updateCanvasSettings();
    }
}

void PriceChartView::clearSnapshot()
{
    m_header->clearSnapshot();
}

void PriceChartView::setCoins(const QList<QPair<QString, QString>> &coins)
{
    m_header->setCoins(coins);
}

void PriceChartView::setCurrencies(const QStringList &codes)
{
    m_header->setCurrencies(codes);
}

void PriceChartView::setCurrentCoin(const QString &coinId)
{
    m_header->setCurrentCoin(coinId);
}

void PriceChartView::setCurrentCurrency(const QString &code)
{
    m_header->setCurrentCurrency(code);
    m_currency = code.toLower();
    updateCanvasSettings(); // the price axis carries the currency symbol
}

void PriceChartView::setRange(Range range)
{
    m_range = range;
    m_toolBar->setRange(range);
}

void PriceChartView::setMode(Mode mode)
{
    m_mode = mode;
    m_toolBar->setMode(mode);
    updateCanvasSettings();
}

void PriceChartView::setOverlayVisible(Overlay overlay, bool visible)
{
    m_toolBar->setOverlay(overlay, visible);
    updateCanvasSettings();
}

bool PriceChartView::isOverlayVisible(Overlay overlay) const
{
    return m_toolBar->overlay(overlay);
}

QList<PriceChartView::Overlay> PriceChartView::visibleOverlays() const
{
    QList<Overlay> visible;
    for (Overlay overlay : {Overlay::Volume, Overlay::Sma20, Overlay::Ema50, Overlay::Bollinger}) {
        if (isOverlayVisible(overlay)) {
            visible.append(overlay);
        }
    }
    return visible;
}

void PriceChartView::showEmpty(const QString &text)
{
    m_toolBar->setCandlesAvailable(false);
    m_canvas->showEmpty(text.isEmpty() ? tr("No price data yet. Press F5 to refresh.") : text);
}

void PriceChartView::showError(const QString &message)
{
    qCDebug(lc) << "error banner:" << message;
    m_canvas->showError(message);
}

void PriceChartView::showRetryCountdown(const QString &service, int seconds, bool retrying)
{
    qCDebug(lc) << "rate-limit countdown:" << service << seconds << "s"
                << (retrying ? "retrying" : "gave up");
    m_canvas->showCountdown(
        [service, retrying](qint64 msLeft) {
            const int secondsLeft = int((msLeft + 999) / 1000);
            if (retrying) {
                return msLeft <= 0
                           ? tr("%1 asked for a pause (too many requests). Trying again now…").arg(service)
                           : tr("%1 asked for a pause (too many requests). Trying again in %n s…", nullptr,
                                secondsLeft)
                                 .arg(service);
            }
            return msLeft <= 0
                       ? tr("The pause %1 asked for is over. Press F5 to refresh.").arg(service)
                       : tr("%1 asked for a pause (too many requests). You can refresh again in %n s.",
                            nullptr, secondsLeft)
                             .arg(service);
        },
        seconds * 1000LL);
}

void PriceChartView::clearError()
{
    m_canvas->clearError();
}

void PriceChartView::setBusy(bool busy)
{
    m_toolBar->setBusy(busy);
    if (busy) {
        clearError(); // a new attempt makes the old failure moot
    }
}

void PriceChartView::setClock(std::function<QDateTime()> now)
{
    m_header->setClock(std::move(now));
}

QString PriceChartView::currentCoin() const
{
    return m_header->currentCoin();
}

QString PriceChartView::currentCurrency() const
{
    return m_header->currentCurrency();
}

bool PriceChartView::hasData() const
{
    return m_canvas->hasData();
}

bool PriceChartView::isZoomed() const
{
    return m_canvas->isZoomed();
}

std::pair<qint64, qint64> PriceChartView::visibleTimeRange() const
{
    const auto [from, to] = m_canvas->visibleRange();
    return {std::llround(from), std::llround(to)};
}

QString PriceChartView::emptyText() const
{
    return m_canvas->emptyText();
}

QString PriceChartView::errorText() const
{
    return m_canvas->errorText();
}

QString PriceChartView::readoutForTime(qint64 msecsSinceEpoch) const
{
    return m_canvas->readoutForTime(static_cast<double>(msecsSinceEpoch));
}

QString PriceChartView::readoutAt(const QPointF &viewPos) const
{
    return m_canvas->readoutAt(viewPos);
}

QString PriceChartView::currentReadout() const
{
    return m_canvas->currentReadout();
}

QImage PriceChartView::renderToImage()
{
    // Header above chart; the export shows the market, not the mouse or a failed refresh.
    const QPixmap header = m_header->grab();
    const QPixmap chartArea = m_canvas->grabClean();
    const qreal ratio = chartArea.devicePixelRatio();
    const qreal headerHeight = header.height() / header.devicePixelRatio();
    const QSizeF logical(std::max(header.width(), chartArea.width()) / ratio,
                         headerHeight + chartArea.height() / ratio);
    QImage image((logical * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(m_theme->background);
    QPainter painter(&image);
    painter.drawPixmap(QPointF(0, 0), header);
    painter.drawPixmap(QPointF(0, headerHeight), chartArea);
    return image;
}

bool PriceChartView::saveChartPng(const QString &path)
{
    if (!hasData()) {
        qCWarning(lc) << "nothing to export: the chart has no data";
        return false;
    }
    const bool saved = renderToImage().save(path, "PNG");
    if (!saved) {
        qCWarning(lc) << "could not write chart image to" << path;
    }
    return saved;
}

void PriceChartView::resetZoom()
{
    m_canvas->resetZoom();
}

void PriceChartView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Palette: light/dark switch. Locale: separators, month names and symbol placement.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::LocaleChange) {
        applyTheme();
    }
}

void PriceChartView::applyTheme()
{
    *m_theme = chart::ChartTheme::fromPalette(palette());
    m_header->applyTheme(*m_theme);
    m_canvas->applyTheme(*m_theme);
}

void PriceChartView::activateRange(Range range)
{
    m_toolBar->setRange(range);
    if (range == m_range) {
        return;
    }
    m_range = range;
    resetZoom();
    Q_EMIT rangeChanged(range);
}

void PriceChartView::updateCanvasSettings()
{
    chart::ChartCanvas::Settings settings;
    settings.mode = m_mode;
    settings.volume = isOverlayVisible(Overlay::Volume);
    settings.sma = isOverlayVisible(Overlay::Sma20);
    settings.ema = isOverlayVisible(Overlay::Ema50);
    settings.bollinger = isOverlayVisible(Overlay::Bollinger);
    settings.currency = m_currency;
    m_canvas->setSettings(settings);
}

} // namespace ba
