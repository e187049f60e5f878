#include "domain/Downsampling.h"
#include "gui/chart/ChartData.h"

#include <QtTest>
#include <cmath>
#include <limits>
#include <tuple>

using namespace ba;
using namespace ba::chart;

namespace {

constexpr qint64 kMinute = 60'000;

QList<PricePoint> minutes(int count, double firstPrice = 100)
{
    QList<PricePoint> prices;
    for (int i = 0; i < count; ++i) {
        prices.append(PricePoint{i * kMinute, firstPrice + i, std::nullopt, 1000.0 + i});
    }
    return prices;
}

QList<Candle> hourlyCandles(int count)
{
    QList<Candle> candles;
    for (int i = 0; i < count; ++i) {
        candles.append(Candle{(i + 1) * 60 * kMinute, 10.0 + i, 20.0 + i, 5.0 + i, 15.0 + i});
    }
    return candles;
}

// A coarse random walk with runs of equal prices and repeated timestamps: ties everywhere,
// which is where an index-based M4 could pick a different point than a plain scan.
QList<PricePoint> tiedWalk(int count)
{
    QList<PricePoint> prices;
    quint32 seed = 7;
    qint64 time = 0;
    double price = 1000;
    for (int i = 0; i < count; ++i) {
        seed = seed * 1664525u + 1013904223u;
        time += (seed >> 8) % 5 == 0 ? 0 : kMinute; // every fifth point repeats a timestamp
        price += static_cast<double>(static_cast<int>((seed >> 16) % 5) - 2); // -2..2, often 0
        prices.append(PricePoint{time, price, std::nullopt, static_cast<double>((seed >> 4) % 7)});
    }
    return prices;
}

} // namespace

class TestChartData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void set_sortsByTimeAndDropsNonFinitePrices();
    void set_candlesOnly_drawsClosesAsLine();
    void nearestPrice_picksClosestInTime_data();
    void nearestPrice_picksClosestInTime();
    void volumeAt_onlyForExactPoints();
    void indicator_isAlignedWithPricesAfterWarmUp();
    void visibleCandles_mergesRunsToFit();
    void volumeBars_keepPeaksWithinBudget();
    void visiblePrices_isExactlyDomainM4_data();
    void visiblePrices_isExactlyDomainM4();
    void volumeBars_ofData_matchScanOfVolumes();
    void yExtent_fallsBackToAllPointsWhenNoneVisible();
};

void TestChartData::set_sortsByTimeAndDropsNonFinitePrices()
{
    QList<PricePoint> prices = minutes(5);
    std::reverse(prices.begin(), prices.end());
    prices.append(
        PricePoint{99 * kMinute, std::numeric_limits<double>::quiet_NaN(), std::nullopt, std::nullopt});
    ChartData data;
    data.set(prices, {});
    QCOMPARE(data.prices().size(), 5);
    QCOMPARE(data.prices().first(), QPointF(0, 100));
    QCOMPARE(data.prices().last(), QPointF(4 * kMinute, 104));
    QCOMPARE(data.volumes().size(), 5);
    QCOMPARE(data.startPrice(), std::optional<double>(100));
    QCOMPARE(data.lastTime(), 4.0 * kMinute);
}

void TestChartData::set_candlesOnly_drawsClosesAsLine()
{
    ChartData data;
    data.set({}, hourlyCandles(3));
    QVERIFY(!data.isEmpty());
    QCOMPARE(data.prices().size(), 3);
    QCOMPARE(data.prices().at(1).y(), 16.0);
    QCOMPARE(data.firstTime(), 60.0 * kMinute);
}

void TestChartData::nearestPrice_picksClosestInTime_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<qsizetype>("index");
    QTest::newRow("before all") << -1e9 << qsizetype(0);
    QTest::newRow("exact") << 3.0 * kMinute << qsizetype(3);
    QTest::newRow("just after") << 3.4 * kMinute << qsizetype(3);
    QTest::newRow("just before next") << 3.6 * kMinute << qsizetype(4);
    QTest::newRow("tie goes left") << 3.5 * kMinute << qsizetype(3);
    QTest::newRow("after all") << 1e12 << qsizetype(9);
}

void TestChartData::nearestPrice_picksClosestInTime()
{
    QFETCH(double, x);
    QFETCH(qsizetype, index);
    ChartData data;
    data.set(minutes(10), {});
    QCOMPARE(data.nearestPrice(x), index);
    ChartData empty;
    QCOMPARE(empty.nearestPrice(x), qsizetype(-1));
}

void TestChartData::volumeAt_onlyForExactPoints()
{
    ChartData data;
    data.set(minutes(3), {});
    QCOMPARE(data.volumeAt(kMinute), std::optional<double>(1001));
    QCOMPARE(data.volumeAt(kMinute + 1), std::nullopt);
}

void TestChartData::indicator_isAlignedWithPricesAfterWarmUp()
{
    ChartData data;
    data.set(minutes(100), {});
    const QList<QPointF> &sma = data.indicator(IndicatorLine::Sma20);
    QCOMPARE(sma.size(), 81);
    QCOMPARE(sma.first().x(), 19.0 * kMinute);
    QCOMPARE(sma.first().y(), 109.5); // mean of 100..119
    QCOMPARE(data.indicator(IndicatorLine::Ema50).size(), 51);
    const QList<QPointF> &upper = data.indicator(IndicatorLine::BollingerUpper);
    const QList<QPointF> &lower = data.indicator(IndicatorLine::BollingerLower);
    QCOMPARE(upper.size(), 81);
    QVERIFY(upper.first().y() > sma.first().y() && lower.first().y() < sma.first().y());
}

void TestChartData::visibleCandles_mergesRunsToFit()
{
    const QList<Candle> candles = hourlyCandles(100);
    const QList<Candle> all = visibleCandles(candles, 0, 1e12, 1000);
    QCOMPARE(all.size(), 100);
    const QList<Candle> merged = visibleCandles(candles, 0, 1e12, 10);
    QCOMPARE(merged.size(), 10);
    QCOMPARE(merged.first().open, candles.at(0).open);
    QCOMPARE(merged.first().close, candles.at(9).close);
    QCOMPARE(merged.first().high, candles.at(9).high);
    QCOMPARE(merged.first().low, candles.at(0).low);
    QCOMPARE(merged.first().tsMs, candles.at(9).tsMs);
    // A window in the middle keeps one neighbour on each side.
    const QList<Candle> window = visibleCandles(candles, 10 * 60 * kMinute, 20 * 60 * kMinute, 100);
    QCOMPARE(window.size(), 13);
    QCOMPARE(window.first().tsMs, 9 * 60 * kMinute);
}

void TestChartData::volumeBars_keepPeaksWithinBudget()
{
    QList<QPointF> volumes;
    for (int i = 0; i < 10'000; ++i) {
        volumes.append(QPointF(i, i == 5'000 ? 1e9 : 1.0));
    }
    const QList<QPointF> bars = volumeBars(volumes, 0, 9'999, 100);
    QVERIFY(bars.size() <= 4 * 100);
    QCOMPARE(bars.size() % 4, 0);
    const auto peak =
        std::max_element(bars.cbegin(), bars.cend(), [](auto a, auto b) { return a.y() < b.y(); });
    QCOMPARE(peak->y(), 1e9); // a spike never disappears
    QCOMPARE(bars.first().y(), 0.0);
}

void TestChartData::yExtent_fallsBackToAllPointsWhenNoneVisible()
{
    const QList<QPointF> points = {{0, 5}, {10, 1}, {20, 9}};
    QCOMPARE(yExtent(points, 5, 15), std::optional(std::pair(1.0, 1.0)));
    QCOMPARE(yExtent(points, 11, 19), std::optional(std::pair(1.0, 9.0)));
    QCOMPARE(yExtent({}, 0, 1), std::nullopt);
}

void TestChartData::visiblePrices_isExactlyDomainM4_data()
{
    QTest::addColumn<double>("from"); // fraction of the time span
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("width");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("everything") << 0.0 << 1.0 << 800;
    QTest::newRow("everything, narrow") << 0.0 << 1.0 << 7;
    QTest::newRow("zoomed") << 0.31 << 0.47 << 640;
    QTest::newRow("zoomed, block edges") << 0.5 << 0.5013 << 3;
    QTest::newRow("few points, copied") << 0.2 << 0.2005 << 1600;
    QTest::newRow("reversed bounds") << 0.8 << 0.1 << 300;
    QTest::newRow("left of data") << -0.5 << -0.1 << 300;
    QTest::newRow("right of data") << 1.1 << 1.5 << 300;
    QTest::newRow("single instant") << 0.6 << 0.6 << 300;
    QTest::newRow("non-finite bound") << nan << 0.5 << 500;
}

void TestChartData::visiblePrices_isExactlyDomainM4()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, width);
    ChartData data;
    data.set(tiedWalk(100'000), {});
    const double span = data.lastTime() - data.firstTime();
    const double xMin = data.firstTime() + from * span;
    const double xMax = data.firstTime() + to * span;

    const QList<QPointF> expected = downsampling::m4Visible(data.prices(), width, xMin, xMax);
    QCOMPARE(data.visiblePrices(xMin, xMax, width), expected);
}

void TestChartData::volumeBars_ofData_matchScanOfVolumes()
{
    ChartData data;
    data.set(tiedWalk(50'000), {});
    const double first = data.firstTime();
    const double last = data.lastTime();
    const double span = last - first;
    for (const auto &[xMin, xMax, bars] :
         {std::tuple{first, last, 500}, std::tuple{first + 0.25 * span, first + 0.26 * span, 97},
          std::tuple{first + 0.9 * span, last + span, 3}, std::tuple{last + 1, last + 2, 10}}) {
        QCOMPARE(data.volumeBars(xMin, xMax, bars), volumeBars(data.volumes(), xMin, xMax, bars));
    }
}

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
