#include "gui/PriceChartView.h"

#include <QAbstractButton>
#include <QAreaSeries>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QValueAxis>
#include <QtTest>

using namespace ba;

namespace {

constexpr qint64 kStartMs = 1'700'000'000'000; // 2023-11-14, a round-ish UTC time
constexpr qint64 kHourMs = 3600 * 1000;

// Prices 100, 110, 120, ... one per hour: every point is easy to tell apart.
QList<PricePoint> linearPrices(int count)
{
    QList<PricePoint> prices;
    for (int i = 0; i < count; ++i) {
        prices.append(PricePoint{kStartMs + i * kHourMs, 100.0 + 10.0 * i, std::nullopt, 1e9 + i * 1e6});
    }
    return prices;
}

// A noisy random walk, one point per minute: the worst case for a line with many points.
QList<PricePoint> noisyPrices(int count)
{
    QList<PricePoint> prices;
    prices.reserve(count);
    double price = 40'000;
    quint32 seed = 12345;
    for (int i = 0; i < count; ++i) {
        seed = seed * 1664525u + 1013904223u;
        price += (static_cast<double>(seed % 2001) - 1000.0) / 10.0;
        prices.append(PricePoint{kStartMs + i * 60'000LL, price, std::nullopt, 5e8 + (seed % 1000) * 1e6});
    }
    return prices;
}

QList<Candle> someCandles(int count)
{
    QList<Candle> candles;
    for (int i = 0; i < count; ++i) {
        const double open = 100.0 + (i % 7) * 3;
        const double close = open + ((i % 2) ? 4 : -4);
        candles.append(Candle{kStartMs + i * 4 * kHourMs, open, std::max(open, close) + 2,
                              std::min(open, close) - 2, close});
    }
    return candles;
}

MarketSnapshot snapshot(std::optional<double> change)
{
    MarketSnapshot s;
    s.coinId = QStringLiteral("bitcoin");
    s.vsCurrency = QStringLiteral("usd");
    s.price = 67'123.45;
    s.change24hPct = change;
    s.marketCap = 1.32e12;
    s.volume24h = 45.6e9;
    s.lastUpdatedMs = kStartMs;
    return s;
}

QChartView *chartView(const PriceChartView &view)
{
    return view.findChild<QChartView *>(QStringLiteral("priceChartView"));
}

template <typename T> T *series(const PriceChartView &view, const QString &name)
{
    const QList<QAbstractSeries *> all = chartView(view)->chart()->series();
    for (QAbstractSeries *s : all) {
        if (s->objectName() == name) {
            return qobject_cast<T *>(s);
        }
    }
    return nullptr;
}

int plotWidth(const PriceChartView &view)
{
    return static_cast<int>(chartView(view)->chart()->plotArea().width());
}

// Viewport position of a data value, through Qt Charts' own mapping (not the view's maths).
QPoint viewportPos(const PriceChartView &view, QPointF value)
{
    QChart *chart = chartView(view)->chart();
    const QPointF inChart =
        chart->mapToPosition(value, series<QLineSeries>(view, QStringLiteral("priceLine")));
    return chartView(view)->mapFromScene(chart->mapToScene(inChart));
}

bool allWithin(const QList<QPointF> &points, double xMin, double xMax, int allowedOutside)
{
    int outside = 0;
    for (const QPointF &p : points) {
        outside += (p.x() < xMin || p.x() > xMax) ? 1 : 0;
    }
    return outside <= allowedOutside;
}

void sendWheel(QWidget *viewport, QPoint pos, int angle)
{
    QWheelEvent wheel(pos, viewport->mapToGlobal(pos), QPoint(), QPoint(0, angle), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
}

} // namespace

class TestPriceChartView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void setSeries_100kPoints_drawsAtMostFourPointsPerPixel();
    void setSeries_unsorted_drawsInTimeOrder();
    void priceAxis_historyFromNearZero_neverShowsNegativePrices();
    void candlesMode_fillsCandlestickSeriesAndHidesLine();
    void candlesMode_withoutCandles_fallsBackToLine();
    void overlays_sma_isDrawnDownsampled();
    void mouseMove_overKnownPoint_readsOutLocalTimeAndPrice();
    void readoutAt_matchesReadoutForNearestTime();
    void readoutAt_outsidePlot_isEmpty();
    void wheel_zoomsInAndRedownsamplesVisibleRange();
    void reset_doubleClickKeyAndButton_restoreFullRange();
    void drag_pansWithoutLeavingData();
    void shiftDrag_zoomsToSelectedSpan();
    void header_change_showsArrowInTrendColour_data();
    void header_change_showsArrowInTrendColour();
    void header_formatsMarketCapVolumeAndAge();
    void staleBadge_visibleOnlyWhenStale();
    void emptyState_withoutData_showsHint();
    void showEmpty_customText_dropsSeries();
    void showError_keepsChartAndShowsBanner();
    void showRetryCountdown_countsDownLiveAndLeavesThePriceAxisFree();
    void rangeButtons_emitOnlyOnUserChoice();
    void coinAndCurrency_emitOnlyOnUserChoice();
    void export_rendersHeaderAndChart();

private:
    std::unique_ptr<PriceChartView> m_view;
};

void TestPriceChartView::initTestCase()
{
    // Fixed formatting rules; the expectations below are built with QLocale as well.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestPriceChartView::init()
{
    m_view = std::make_unique<PriceChartView>();
    m_view->resize(1000, 640);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestPriceChartView::cleanup()
{
    m_view.reset();
}

void TestPriceChartView::setSeries_100kPoints_drawsAtMostFourPointsPerPixel()
{
    const QList<PricePoint> prices = noisyPrices(100'000);
    m_view->setSeries(prices, {});
    auto *line = series<QLineSeries>(*m_view, QStringLiteral("priceLine"));
    QVERIFY(line);
    // Qt Charts lays out asynchronously; the view re-downsamples once the plot has its size.
    QTRY_VERIFY(plotWidth(*m_view) > 300);
    QTRY_VERIFY(line->count() > 0 && line->count() <= 4 * plotWidth(*m_view));
    QVERIFY2(line->count() > plotWidth(*m_view), "M4 keeps more than one point per column for noisy data");
    // The extremes survive the reduction.
    const auto [low, high] = std::minmax_element(
        prices.cbegin(), prices.cend(), [](const auto &a, const auto &b) { return a.price < b.price; });
    const QList<QPointF> drawn = line->points();
    QVERIFY(drawn.contains(QPointF(static_cast<double>(low->tsMs), low->price)));
    QVERIFY(drawn.contains(QPointF(static_cast<double>(high->tsMs), high->price)));
    QCOMPARE(m_view->visibleTimeRange(), std::pair(prices.first().tsMs, prices.last().tsMs));
}

void TestPriceChartView::setSeries_unsorted_drawsInTimeOrder()
{
    QList<PricePoint> prices = linearPrices(30);
    std::reverse(prices.begin(), prices.end());
    m_view->setSeries(prices, {});
    const QList<QPointF> drawn = series<QLineSeries>(*m_view, QStringLiteral("priceLine"))->points();
    QCOMPARE(drawn.size(), 30);
    QVERIFY(std::is_sorted(drawn.cbegin(), drawn.cend(), [](auto a, auto b) { return a.x() < b.x(); }));
}

void TestPriceChartView::priceAxis_historyFromNearZero_neverShowsNegativePrices()
{
    // 100 to 1,090: room for the volume band under the lowest price would need an axis from -235.
    m_view->setSeries(linearPrices(100), {});
    const QList<QAbstractAxis *> vertical = chartView(*m_view)->chart()->axes(Qt::Vertical);
    QCOMPARE(vertical.size(), 1);
    const auto *axis = qobject_cast<QValueAxis *>(vertical.first());
    QVERIFY(axis);
    QTRY_VERIFY(axis->max() > 1090);
    QCOMPARE(axis->min(), 0.0);

    // A history well above zero keeps its band below the line, away from zero.
    m_view->setSeries(linearPrices(30).mid(20), {}); // 300 to 390
    QTRY_VERIFY(axis->min() > 0 && axis->min() < 300);
}

void TestPriceChartView::candlesMode_fillsCandlestickSeriesAndHidesLine()
{
    m_view->setSeries(linearPrices(200), someCandles(50));
    m_view->setMode(PriceChartView::Mode::Candles);
    auto *candles = series<QCandlestickSeries>(*m_view, QStringLiteral("candles"));
    QVERIFY(candles);
    QCOMPARE(candles->count(), 50);
    QVERIFY(candles->isVisible());
    QVERIFY(!series<QLineSeries>(*m_view, QStringLiteral("priceLine"))->isVisible());
    QCOMPARE(candles->sets().first()->open(), someCandles(1).first().open);

    m_view->setMode(PriceChartView::Mode::Line);
    QCOMPARE(candles->count(), 0);
    QVERIFY(series<QLineSeries>(*m_view, QStringLiteral("priceLine"))->isVisible());
}

void TestPriceChartView::candlesMode_withoutCandles_fallsBackToLine()
{
    m_view->setMode(PriceChartView::Mode::Candles);
    m_view->setSeries(linearPrices(20), {});
    QCOMPARE(series<QLineSeries>(*m_view, QStringLiteral("priceLine"))->count(), 20);
    QVERIFY(!m_view->findChild<QAbstractButton *>(QStringLiteral("candlesModeButton"))->isEnabled());
    QCOMPARE(m_view->mode(), PriceChartView::Mode::Candles); // the user's choice is remembered
}

void TestPriceChartView::overlays_sma_isDrawnDownsampled()
{
    m_view->setSeries(noisyPrices(50'000), {});
    auto *sma = series<QLineSeries>(*m_view, QStringLiteral("sma20"));
    QCOMPARE(sma->count(), 0);
    m_view->findChild<QAbstractButton *>(QStringLiteral("overlay1"))->click(); // SMA 20
    QVERIFY(m_view->isOverlayVisible(PriceChartView::Overlay::Sma20));
    QTRY_VERIFY(sma->count() > 0 && sma->count() <= 4 * plotWidth(*m_view));
    QVERIFY(sma->isVisible());
}

void TestPriceChartView::mouseMove_overKnownPoint_readsOutLocalTimeAndPrice()
{
    const QList<PricePoint> prices = linearPrices(48);
    m_view->setSeries(prices, {});
    QTRY_VERIFY(plotWidth(*m_view) > 300);
    const PricePoint &target = prices.at(20);
    QWidget *viewport = chartView(*m_view)->viewport();
    QTest::mouseMove(viewport, viewportPos(*m_view, QPointF(static_cast<double>(target.tsMs), target.price)));

    const QLocale locale;
    QTRY_VERIFY(!m_view->currentReadout().isEmpty());
    const QStringList lines = m_view->currentReadout().split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0),
             locale.toString(QDateTime::fromMSecsSinceEpoch(target.tsMs), QLocale::ShortFormat));
    QCOMPARE(lines.value(1), locale.toCurrencyString(target.price, QStringLiteral("$"), 2));
    QVERIFY2(lines.value(2).startsWith(QStringLiteral("+200.00")), qPrintable(lines.value(2)));

    // Leaving the plot hides the crosshair and its text.
    QTest::mouseMove(viewport, QPoint(2, 2));
    QTRY_VERIFY(m_view->currentReadout().isEmpty());
}

void TestPriceChartView::readoutAt_matchesReadoutForNearestTime()
{
    const QList<PricePoint> prices = linearPrices(48);
    m_view->setSeries(prices, {});
    QTRY_VERIFY(plotWidth(*m_view) > 300);
    const PricePoint &target = prices.at(7);
    // A little off the point in x still picks the nearest point (binary search on full data).
    const QPoint pos =
        viewportPos(*m_view, QPointF(static_cast<double>(target.tsMs + kHourMs / 5), target.price));
    QCOMPARE(m_view->readoutAt(pos), m_view->readoutForTime(target.tsMs));
    QVERIFY(m_view->readoutForTime(target.tsMs)
                .contains(QLocale().toCurrencyString(target.price, QStringLiteral("$"), 2)));
}

void TestPriceChartView::readoutAt_outsidePlot_isEmpty()
{
    m_view->setSeries(linearPrices(10), {});
    QTRY_VERIFY(plotWidth(*m_view) > 300);
    QVERIFY(m_view->readoutAt(QPointF(-5, -5)).isEmpty());
    m_view->showEmpty();
    QVERIFY(m_view->readoutForTime(kStartMs).isEmpty());
}

void TestPriceChartView::wheel_zoomsInAndRedownsamplesVisibleRange()
{
    const QList<PricePoint> prices = noisyPrices(100'000);
    m_view->setSeries(prices, {});
    QTRY_VERIFY(plotWidth(*m_view) > 300);
    auto *line = series<QLineSeries>(*m_view, QStringLiteral("priceLine"));
    const auto [fullMin, fullMax] = m_view->visibleTimeRange();
    QVERIFY(!m_view->isZoomed());

    QWidget *viewport = chartView(*m_view)->viewport();
    const QRectF plot = chartView(*m_view)->chart()->plotArea();
    for (int notch = 0; notch < 6; ++notch) {
        sendWheel(viewport, plot.center().toPoint(), 120);
    }
    const auto [zoomMin, zoomMax] = m_view->visibleTimeRange();
    QVERIFY(m_view->isZoomed());
    QVERIFY(zoomMin > fullMin && zoomMax < fullMax);
    QVERIFY((zoomMax - zoomMin) < (fullMax - fullMin) / 2);
    // Only the visible range was downsampled: at most one neighbour beyond each edge.
    QVERIFY(allWithin(line->points(), zoomMin, zoomMax, 2));
    QVERIFY(line->count() > plotWidth(*m_view) && line->count() <= 4 * plotWidth(*m_view) + 2);
    QVERIFY(m_view->findChild<QAbstractButton *>(QStringLiteral("resetZoomButton"))->isEnabled());

    sendWheel(viewport, plot.center().toPoint(), -120 * 40); // far out: clamps to the data
    QCOMPARE(m_view->visibleTimeRange(), std::pair(fullMin, fullMax));
    QVERIFY(!m_view->isZoomed());
}

void TestPriceChartView::reset_doubleClickKeyAndButton_restoreFullRange()
{
    m_view->setSeries(noisyPrices(10'000), {});
    QTRY_VERIFY(plotWidth(*m_view) > 300);
    const auto full = m_view->visibleTimeRange();
    QWidget *viewport = chartView(*m_view)->viewport();
    const QPoint centre = chartView(*m_view)->chart()->plotArea().center().toPoint();
    QSignalSpy resets(m_view.get(), &PriceChartView::resetZoomRequested);

    sendWheel(viewport, centre, 360);
    QVERIFY(m_view->isZoomed());
    QTest::mouseDClick(viewport, Qt::LeftButton, Qt::NoModifier, centre);
    QCOMPARE(m_view->visibleTimeRange(), full);
    QCOMPARE(resets.count(), 1);

    sendWheel(viewport, centre, 360);
    m_view->activateWindow();
    chartView(*m_view)->setFocus();
    QTRY_VERIFY(chartView(*m_view)->hasFocus());
    QTest::keyClick(chartView(*m_view), Qt::Key_0);
    QCOMPARE(m_view->visibleTimeRange(), full);
    QCOMPARE(resets.count(), 2);

    sendWheel(viewport, centre, 360);
    m_view->findChild<QAbstractButton *>(QStringLiteral("resetZoomButton"))->click();
    QCOMPARE(m_view->visibleTimeRange(), full);
    QCOMPARE(resets.count(), 3);
}

void TestPriceChartView::drag_pansWithoutLeavingData()
{
    m_view->setSeries(noisyPrices(10'000), {});
    QTRY_VERIFY(plotWidth(*m_view) > 300);
    const auto full = m_view->visibleTimeRange();
    QWidget *viewport = chartView(*m_view)->viewport();
    const QPoint centre = chartView(*m_view)->chart()->plotArea().center().toPoint();
    sendWheel(viewport, centre, 600);
    const auto before = m_view->visibleTimeRange();

    // Dragging to the right brings earlier times into view.
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, centre);
    QTest::mouseMove(viewport, centre + QPoint(100, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, centre + QPoint(100, 0));
    const auto after = m_view->visibleTimeRange();
    QVERIFY(after.first < before.first);
    QVERIFY(std::abs((after.second - after.first) - (before.second - before.first)) <= 1); // ms rounding

    // A long drag stops at the first data point.
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, centre);
    QTest::mouseMove(viewport, centre + QPoint(5000, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, centre + QPoint(5000, 0));
    QCOMPARE(m_view->visibleTimeRange().first, full.first);
}

void TestPriceChartView::shiftDrag_zoomsToSelectedSpan()
{
    m_view->setSeries(noisyPrices(10'000), {});
    QTRY_VERIFY(plotWidth(*m_view) > 300);
    const auto full = m_view->visibleTimeRange();
    QWidget *viewport = chartView(*m_view)->viewport();
    const QRectF plot = chartView(*m_view)->chart()->plotArea();
    const QPoint from(static_cast<int>(plot.left() + plot.width() * 0.25),
                      static_cast<int>(plot.center().y()));
    const QPoint to(static_cast<int>(plot.left() + plot.width() * 0.5), from.y());

    QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, to);

    const auto [lo, hi] = m_view->visibleTimeRange();
    const double fullSpan = static_cast<double>(full.second - full.first);
    QVERIFY(std::abs((lo - full.first) / fullSpan - 0.25) < 0.01);
    QVERIFY(std::abs((hi - full.first) / fullSpan - 0.5) < 0.01);
}

void TestPriceChartView::header_change_showsArrowInTrendColour_data()
{
    QTest::addColumn<double>("change");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("green");
    QTest::newRow("rise") << 2.35 << QStringLiteral("▲ 2.35 %") << true;
    QTest::newRow("fall") << -1.10 << QStringLiteral("▼ 1.10 %") << false;
    QTest::newRow("flat") << 0.0 << QStringLiteral("▲ 0.00 %") << true;
}

void TestPriceChartView::header_change_showsArrowInTrendColour()
{
    QFETCH(double, change);
    QFETCH(QString, expected);
    QFETCH(bool, green);
    m_view->setSnapshot(snapshot(change), QDateTime::currentDateTime(), false);
    auto *label = m_view->findChild<QLabel *>(QStringLiteral("changeLabel"));
    QVERIFY(label->isVisibleTo(m_view.get()));
    QCOMPARE(label->text(), expected);
    const QColor colour = label->palette().color(QPalette::WindowText);
    QCOMPARE(colour.green() > colour.red(), green);

    m_view->setSnapshot(snapshot(std::nullopt), QDateTime::currentDateTime(), false);
    QVERIFY(!label->isVisibleTo(m_view.get()));
}

void TestPriceChartView::header_formatsMarketCapVolumeAndAge()
{
    const QDateTime fetched = QDateTime::fromMSecsSinceEpoch(kStartMs);
    m_view->setClock([fetched] { return fetched.addSecs(5 * 60 + 10); });
    m_view->setSnapshot(snapshot(1.0), fetched, false);
    QCOMPARE(m_view->findChild<QLabel *>(QStringLiteral("priceLabel"))->text(),
             QLocale().toCurrencyString(67'123.45, QStringLiteral("$"), 2));
    QCOMPARE(m_view->findChild<QLabel *>(QStringLiteral("marketCapLabel"))->text(),
             QStringLiteral("$1.32 T"));
    QCOMPARE(m_view->findChild<QLabel *>(QStringLiteral("volumeLabel"))->text(), QStringLiteral("$45.6 B"));
    QCOMPARE(m_view->findChild<QLabel *>(QStringLiteral("updatedLabel"))->text(),
             QStringLiteral("Updated 5 min ago"));
}

void TestPriceChartView::staleBadge_visibleOnlyWhenStale()
{
    auto *badge = m_view->findChild<QLabel *>(QStringLiteral("staleBadge"));
    QVERIFY(badge);
    QVERIFY(!badge->isVisibleTo(m_view.get()));
    m_view->setSnapshot(snapshot(1.0), QDateTime::currentDateTime(), true);
    QVERIFY(badge->isVisibleTo(m_view.get()));
    QCOMPARE(badge->text(), QStringLiteral("Stale"));
    m_view->setSnapshot(snapshot(1.0), QDateTime::currentDateTime(), false);
    QVERIFY(!badge->isVisibleTo(m_view.get()));
}

void TestPriceChartView::emptyState_withoutData_showsHint()
{
    QVERIFY(!m_view->hasData());
    QCOMPARE(m_view->emptyText(), QStringLiteral("No price data yet. Press F5 to refresh."));
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("emptyStateLabel"))->isVisible());
    m_view->setSeries(linearPrices(5), {});
    QVERIFY(m_view->emptyText().isEmpty());
    QVERIFY(!m_view->findChild<QLabel *>(QStringLiteral("emptyStateLabel"))->isVisible());
    m_view->setSeries({}, {});
    QCOMPARE(m_view->emptyText(), QStringLiteral("No price data yet. Press F5 to refresh."));
}

void TestPriceChartView::showEmpty_customText_dropsSeries()
{
    m_view->setSeries(linearPrices(5), {});
    m_view->showEmpty(QStringLiteral("Nothing cached for dogecoin."));
    QCOMPARE(m_view->emptyText(), QStringLiteral("Nothing cached for dogecoin."));
    QVERIFY(!m_view->hasData());
    QCOMPARE(series<QLineSeries>(*m_view, QStringLiteral("priceLine"))->count(), 0);
}

void TestPriceChartView::showError_keepsChartAndShowsBanner()
{
    m_view->setSeries(linearPrices(40), {});
    const QString message = QStringLiteral("CoinGecko is rate limiting us. Try again in a minute.");
    m_view->showError(message);
    QCOMPARE(m_view->errorText(), message);
    auto *banner = m_view->findChild<QWidget *>(QStringLiteral("errorBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY(chartView(*m_view)->geometry().contains(banner->geometry().center()));
    QVERIFY(m_view->hasData());
    QCOMPARE(series<QLineSeries>(*m_view, QStringLiteral("priceLine"))->count(), 40);
    QVERIFY(chartView(*m_view)->isVisible());

    m_view->findChild<QAbstractButton *>(QStringLiteral("errorCloseButton"))->click();
    QVERIFY(m_view->errorText().isEmpty());
    m_view->showError(message);
    m_view->setBusy(true); // a new refresh starts
    QVERIFY(m_view->errorText().isEmpty());
}

// A rate-limit pause: the banner names the service and counts down by itself; the price axis
// (right of the plot) stays readable.
void TestPriceChartView::showRetryCountdown_countsDownLiveAndLeavesThePriceAxisFree()
{
    m_view->setSeries(linearPrices(40), {});
    m_view->showRetryCountdown(QStringLiteral("CoinGecko"), 2);
    QVERIFY2(m_view->errorText().startsWith(QStringLiteral("CoinGecko asked for a pause")),
             qPrintable(m_view->errorText()));
    QVERIFY2(m_view->errorText().contains(QStringLiteral("in 2 s")), qPrintable(m_view->errorText()));
    m_view->showRetryCountdown(QStringLiteral("CoinGecko"), 1); // a shorter wait does not cut it short
    QVERIFY2(m_view->errorText().contains(QStringLiteral("in 2 s")), qPrintable(m_view->errorText()));

    QChartView *view = chartView(*m_view);
    auto *banner = m_view->findChild<QWidget *>(QStringLiteral("errorBanner"));
    QVERIFY(banner->isVisible());
    const auto axisStart = [view] {
        return view->mapFromScene(view->chart()->mapToScene(view->chart()->plotArea().topRight())).x();
    };
    const auto gap = [&] {
        return QStringLiteral("banner ends at %1, axis starts at %2")
            .arg(banner->geometry().right())
            .arg(axisStart());
    };
    QTRY_VERIFY2(banner->geometry().right() < axisStart() && banner->geometry().right() > axisStart() - 40,
                 qPrintable(gap()));

    // Still so once the window grows: the banner follows the plot's new right edge.
    m_view->resize(1500, 900);
    QTRY_VERIFY2(banner->geometry().right() < axisStart() && banner->geometry().right() > 1300,
                 qPrintable(gap()));

    QTRY_VERIFY_WITH_TIMEOUT(m_view->errorText().contains(QStringLiteral("in 1 s")), 1500);
    QTRY_VERIFY_WITH_TIMEOUT(m_view->errorText().contains(QStringLiteral("Trying again now")), 1500);
    m_view->clearError();
    QVERIFY(m_view->errorText().isEmpty());
}

void TestPriceChartView::rangeButtons_emitOnlyOnUserChoice()
{
    QSignalSpy spy(m_view.get(), &PriceChartView::rangeChanged);
    m_view->setRange(PriceChartView::Range::Year);
    QCOMPARE(spy.count(), 0);
    QVERIFY(m_view->findChild<QAbstractButton *>(QStringLiteral("rangeButton4"))->isChecked());

    auto *week = m_view->findChild<QAbstractButton *>(QStringLiteral("rangeButton1"));
    QCOMPARE(week->text(), QStringLiteral("7D"));
    week->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<ChartRange>(), ChartRange::Week);
    QCOMPARE(m_view->range(), PriceChartView::Range::Week);
    week->click(); // already selected: nothing new to load
    QCOMPARE(spy.count(), 1);

    // Keys 1..6 work anywhere inside the view (here: no data yet, so no chart to focus).
    m_view->activateWindow();
    week->setFocus();
    QTRY_VERIFY(week->hasFocus());
    QTest::keyClick(week, Qt::Key_6);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<ChartRange>(), ChartRange::Max);
}

void TestPriceChartView::coinAndCurrency_emitOnlyOnUserChoice()
{
    QSignalSpy coins(m_view.get(), &PriceChartView::coinChanged);
    QSignalSpy currencies(m_view.get(), &PriceChartView::currencyChanged);
    m_view->setCoins({{QStringLiteral("bitcoin"), QStringLiteral("Bitcoin")},
                      {QStringLiteral("ethereum"), QStringLiteral("Ethereum")}});
    m_view->setCurrencies({QStringLiteral("usd"), QStringLiteral("eur")});
    m_view->setCurrentCoin(QStringLiteral("bitcoin"));
    m_view->setCurrentCurrency(QStringLiteral("EUR"));
    QCOMPARE(m_view->currentCurrency(), QStringLiteral("eur"));
    QCOMPARE(coins.count() + currencies.count(), 0);

    auto *coinCombo = m_view->findChild<QComboBox *>(QStringLiteral("coinCombo"));
    QTest::keyClick(coinCombo, Qt::Key_Down);
    QCOMPARE(coins.count(), 1);
    QCOMPARE(coins.at(0).at(0).toString(), QStringLiteral("ethereum"));

    auto *currencyCombo = m_view->findChild<QComboBox *>(QStringLiteral("currencyCombo"));
    QCOMPARE(currencyCombo->currentText(), QStringLiteral("EUR"));
    QTest::keyClick(currencyCombo, Qt::Key_Up);
    QCOMPARE(currencies.count(), 1);
    QCOMPARE(currencies.at(0).at(0).toString(), QStringLiteral("usd"));
}

void TestPriceChartView::export_rendersHeaderAndChart()
{
    m_view->setSnapshot(snapshot(2.35), QDateTime::currentDateTime(), true);
    m_view->setSeries(noisyPrices(20'000), {});
    QTRY_VERIFY(plotWidth(*m_view) > 300);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString grabbed = dir.filePath(QStringLiteral("widget.png"));
    QVERIFY(m_view->grab().save(grabbed));
    QVERIFY(!QImage(grabbed).isNull());

    const QString exported = dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(m_view->saveChartPng(exported));
    const QImage image(exported);
    QVERIFY(image.width() >= 900 && image.height() >= 400);
    // Bitcoin orange appears somewhere along the price line.
    bool orange = false;
    for (int y = 0; y < image.height() && !orange; y += 1) {
        for (int x = 0; x < image.width() && !orange; x += 1) {
            const QColor c = image.pixelColor(x, y);
            orange = std::abs(c.red() - 0xF7) < 8 && std::abs(c.green() - 0x93) < 8 &&
                     std::abs(c.blue() - 0x1A) < 8;
        }
    }
    QVERIFY(orange);

    m_view->showEmpty();
    QVERIFY(!m_view->saveChartPng(dir.filePath(QStringLiteral("empty.png"))));
}

QTEST_MAIN(TestPriceChartView)
#include "tst_pricechartview.moc"
