#include "domain/MarketStats.h"

#include <QTest>
#include <cmath>
#include <iterator>
#include <limits>

using namespace ba::stats;

Q_DECLARE_METATYPE(ba::stats::Trend)

namespace {

QList<double> line(int count, double start, double step)
{
    QList<double> out;
    for (int i = 0; i < count; ++i) {
        out.append(start + step * i);
    }
    return out;
}

} // namespace

class TestMarketStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realisedVolatility_constantSeries_isZero()
    {
        QCOMPARE(realisedVolatility(QList<double>(50, 64000.0), 365.0), 0.0);
    }

    void realisedVolatility_knownReturns_matchesHandComputation()
    {
        // Log returns ln 1.1, ln 0.9, ln 1.1 = 0.0953102, -0.1053605, 0.0953102;
        // mean 0.0284200; sample variance 0.0268458 / 2 = 0.0134229; sd 0.1158573;
        // times sqrt(365) = 2.213450.
        const double vol = realisedVolatility(QList<double>{100.0, 110.0, 99.0, 108.9}, 365.0);
        QVERIFY2(std::abs(vol - 2.213450) < 1e-6, qPrintable(QString::number(vol, 'f', 7)));
    }

    void realisedVolatility_tooFewReturns_isNaN_data()
    {
        QTest::addColumn<QList<double>>("prices");
        QTest::addColumn<double>("periodsPerYear");
        QTest::newRow("empty") << QList<double>{} << 365.0;
        QTest::newRow("one price") << QList<double>{100.0} << 365.0;
        QTest::newRow("one return") << QList<double>{100.0, 101.0} << 365.0;
        QTest::newRow("zero price leaves one return") << QList<double>{100.0, 0.0, 101.0, 102.0} << 365.0;
        QTest::newRow("zero periods per year") << QList<double>{100.0, 101.0, 99.0} << 0.0;
    }

    void realisedVolatility_tooFewReturns_isNaN()
    {
        QFETCH(QList<double>, prices);
        QFETCH(double, periodsPerYear);
        QVERIFY(std::isnan(realisedVolatility(prices, periodsPerYear)));
    }

    void realisedVolatility_skipsPairsWithUnusablePrice()
    {
        const double clean = realisedVolatility(QList<double>{100.0, 110.0, 99.0, 108.9}, 365.0);
        const double withGap = realisedVolatility(
            QList<double>{100.0, 110.0, 99.0, 108.9, -1.0, std::numeric_limits<double>::quiet_NaN()}, 365.0);
        QCOMPARE(withGap, clean);
    }

    void maxDrawdown_example_findsLargestPeakToTroughFall()
    {
        // 120 -> 90 is -25 %, but 130 -> 65 is -50 %, and 140 afterwards does not undo it.
        const Drawdown dd = maxDrawdown(QList<double>{100, 120, 90, 130, 65, 140});
        QCOMPARE(dd.fraction, 0.5);
        QCOMPARE(dd.peakIndex, qsizetype(3));
        QCOMPARE(dd.troughIndex, qsizetype(4));
    }

    void maxDrawdown_neverFalls_isZeroWithoutIndices_data()
    {
        QTest::addColumn<QList<double>>("prices");
        QTest::newRow("empty") << QList<double>{};
        QTest::newRow("one price") << QList<double>{100.0};
        QTest::newRow("rising") << line(10, 100.0, 1.0);
        QTest::newRow("constant") << QList<double>(10, 5.0);
    }

    void maxDrawdown_neverFalls_isZeroWithoutIndices()
    {
        QFETCH(QList<double>, prices);
        const Drawdown dd = maxDrawdown(prices);
        QCOMPARE(dd.fraction, 0.0);
        QCOMPARE(dd.peakIndex, qsizetype(-1));
        QCOMPARE(dd.troughIndex, qsizetype(-1));
    }

    void swingLevels_zigzag_newestFirst()
    {
        const QList<double> p = {5, 7, 4, 8, 3, 9, 2, 6, 5, 6, 6};
        const SwingLevels levels = swingLevels(p, 1, 5);
        // Index 10 has no bar after it yet, so index 9 is the newest candidate.
        const qsizetype highs[] = {9, 7, 5, 3, 1};
        const qsizetype lows[] = {8, 6, 4, 2};
        QCOMPARE(levels.resistances.size(), qsizetype(std::size(highs)));
        for (qsizetype k = 0; k < levels.resistances.size(); ++k) {
            QCOMPARE(levels.resistances[k].index, highs[k]);
            QCOMPARE(levels.resistances[k].price, p[highs[k]]);
        }
        QCOMPARE(levels.supports.size(), qsizetype(std::size(lows)));
        for (qsizetype k = 0; k < levels.supports.size(); ++k) {
            QCOMPARE(levels.supports[k].index, lows[k]);
            QCOMPARE(levels.supports[k].price, p[lows[k]]);
        }
    }

    void swingLevels_flatTop_reportedOnce()
    {
        const SwingLevels levels = swingLevels(QList<double>{1, 2, 5, 5, 5, 2, 1}, 2, 5);
        QCOMPARE(levels.resistances.size(), 1);
        QCOMPARE(levels.resistances[0].index, qsizetype(2));
    }

    void swingLevels_lastWindowBars_areNotConfirmed()
    {
        // The final 9 would be a swing high only once `window` later bars exist.
        const SwingLevels levels = swingLevels(QList<double>{1, 2, 3, 2, 1, 9, 8}, 2, 5);
        QCOMPARE(levels.resistances.size(), 1);
        QCOMPARE(levels.resistances[0].index, qsizetype(2));
    }

    void swingLevels_cappedPerKind()
    {
        QList<double> wave;
        for (int i = 0; i < 200; ++i) {
            wave.append(std::sin(i * 0.5));
        }
        const SwingLevels levels = swingLevels(wave, 2, 3);
        QCOMPARE(levels.resistances.size(), 3);
        QCOMPARE(levels.supports.size(), 3);
        QVERIFY(levels.resistances[0].index > levels.resistances[1].index);
        QVERIFY(levels.resistances[0].index > 150);
    }

    void swingLevels_badArguments_none_data()
    {
        QTest::addColumn<QList<double>>("prices");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("maxPerKind");
        QTest::newRow("empty") << QList<double>{} << 2 << 5;
        QTest::newRow("shorter than two windows") << QList<double>{1, 3, 1} << 2 << 5;
        QTest::newRow("window 0") << QList<double>{1, 3, 1, 3, 1} << 0 << 5;
        QTest::newRow("max 0") << QList<double>{1, 3, 1, 3, 1} << 1 << 0;
    }

    void swingLevels_badArguments_none()
    {
        QFETCH(QList<double>, prices);
        QFETCH(int, window);
        QFETCH(int, maxPerKind);
        const SwingLevels levels = swingLevels(prices, window, maxPerKind);
        QVERIFY(levels.resistances.isEmpty());
        QVERIFY(levels.supports.isEmpty());
    }

    void trendLabel_followsTheThreeVoteRule_data()
    {
        QTest::addColumn<QList<double>>("prices");
        QTest::addColumn<ba::stats::Trend>("expected");

        QTest::newRow("steady rise") << line(60, 100.0, 1.0) << Trend::StrongUp;
        QTest::newRow("steady fall") << line(60, 200.0, -1.0) << Trend::StrongDown;
        QTest::newRow("flat") << QList<double>(60, 100.0) << Trend::Sideways;

        // Rising, then a sharp last-bar dip below SMA(20): votes -1 +1 +1.
        QList<double> dip = line(60, 100.0, 1.0);
        dip.last() = 140.0;
        QTest::newRow("rise with dip") << dip << Trend::Up;

        QList<double> bounce = line(60, 200.0, -1.0);
        bounce.last() = 160.0;
        QTest::newRow("fall with bounce") << bounce << Trend::Down;

        // Long rise, then a flat stretch: price = SMA(20) (0), slope 0 (0), SMA(20) > SMA(50) (+1).
        QList<double> plateau = line(40, 100.0, 1.0) + QList<double>(30, 140.0);
        QTest::newRow("rise then plateau") << plateau << Trend::Up;
    }

    void trendLabel_followsTheThreeVoteRule()
    {
        QFETCH(QList<double>, prices);
        QFETCH(ba::stats::Trend, expected);
        const std::optional<Trend> trend = trendLabel(prices);
        QVERIFY(trend.has_value());
        QCOMPARE(*trend, expected);
    }

    void trendLabel_tooFewPrices_hasNoLabel()
    {
        QVERIFY(!trendLabel(line(49, 100.0, 1.0)).has_value());
        QVERIFY(!trendLabel({}).has_value());
        QVERIFY(trendLabel(line(50, 100.0, 1.0)).has_value());
        QVERIFY(!trendLabel(QList<double>(60, 0.0)).has_value()); // relative differences undefined
    }

    void trendName_everyTrendHasALabel()
    {
        for (const Trend t : {Trend::StrongUp, Trend::Up, Trend::Sideways, Trend::Down, Trend::StrongDown}) {
            QVERIFY(!trendName(t).isEmpty());
        }
        QVERIFY(trendName(Trend::Up) != trendName(Trend::StrongUp));
    }
};

QTEST_GUILESS_MAIN(TestMarketStats)
#include "tst_marketstats.moc"
