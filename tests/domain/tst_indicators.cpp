#include "domain/Indicators.h"

#include <QTest>
#include <cmath>
#include <functional>
#include <limits>

using namespace ba::indicators;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Published tables are printed to 2 decimals; the spreadsheets behind them carry 4-6.
constexpr double kPublishedTolerance = 0.01;

// StockCharts ChartSchool, "Moving Averages - Simple and Exponential", spreadsheet
// cs-movavg.xls: Intel (INTC) daily closes 24-Mar-2010 to 5-May-2010, 10-day SMA and
// EMA columns as printed on the page (first value on the 10th close).
// https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-overlays/moving-averages-simple-and-exponential
const QList<double> kIntelCloses = {22.27, 22.19, 22.08, 22.17, 22.18, 22.13, 22.23, 22.43, 22.24, 22.29,
                                    22.15, 22.39, 22.38, 22.61, 23.36, 24.05, 23.75, 23.83, 23.95, 23.63,
                                    23.82, 23.87, 23.65, 23.19, 23.10, 23.33, 22.68, 23.10, 22.40, 22.17};
const QList<double> kIntelSma10 = {22.22, 22.21, 22.23, 22.26, 22.31, 22.42, 22.61,
                                   22.77, 22.91, 23.08, 23.21, 23.38, 23.53, 23.65,
                                   23.71, 23.69, 23.61, 23.51, 23.43, 23.28, 23.13};
const QList<double> kIntelEma10 = {22.22, 22.21, 22.24, 22.27, 22.33, 22.52, 22.80,
                                   22.97, 23.13, 23.28, 23.34, 23.43, 23.51, 23.54,
                                   23.47, 23.40, 23.39, 23.26, 23.23, 23.08, 22.92};

// StockCharts ChartSchool, "Relative Strength Index (RSI)", spreadsheet cs-rsi.xls:
// QQQQ daily closes 14-Dec-2009 to 1-Feb-2010 and its 14-day RSI column. The page's
// table rounds the closes to 2 decimals (44.34, 44.09, ...); the published RSI
// (70.53, 66.32, ...) was computed from the spreadsheet's 4-decimal closes used here.
// https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-indicators/relative-strength-index-rsi
const QList<double> kQqqqCloses = {
    44.3389, 44.0902, 44.1497, 43.6124, 44.3278, 44.8264, 45.0955, 45.4245, 45.8433, 46.0826, 45.8931,
    46.0328, 45.6140, 46.2820, 46.2820, 46.0028, 46.0328, 46.4116, 46.2222, 45.6439, 46.2122, 46.2521,
    45.7137, 46.4515, 45.7835, 45.3548, 44.0288, 44.1783, 44.2181, 44.5672, 43.4205, 42.6628, 43.1314};
const QList<double> kQqqqRsi14 = {70.53, 66.32, 66.55, 69.41, 66.36, 57.97, 62.93, 63.26, 56.06, 62.38,
                                  54.71, 50.42, 39.99, 41.46, 41.87, 45.46, 37.30, 33.08, 37.77};

// investexcel.net, "How to Calculate MACD in Excel" (2013), worked example on Apple
// (AAPL) daily closes from 19-Feb-2013: first 38 rows of its spreadsheet, with the
// 12/26-day EMAs seeded by trailing averages and a 9-day signal line (values as
// transcribed from the spreadsheet at full precision, rounded here to 5 decimals).
// https://investexcel.net/how-to-calculate-macd-in-excel/
const QList<double> kAaplCloses = {
    459.99, 448.85, 446.06, 450.81, 442.80, 448.97, 444.57, 441.40, 430.47, 420.05, 431.14, 425.66, 430.58,
    431.72, 437.87, 428.43, 428.35, 432.50, 443.66, 455.72, 454.49, 452.08, 452.73, 461.91, 463.58, 461.14,
    452.08, 442.66, 428.91, 429.79, 431.99, 427.72, 423.20, 426.21, 426.98, 435.69, 434.33, 429.80};
const QList<double> kAaplMacd = {8.27527,  7.70338,  6.41607,  4.23752,  2.55258,  1.37889, 0.10298,
                                 -1.25840, -2.07056, -2.62184, -2.32907, -2.18163, -2.40263};
const QList<double> kAaplSignal = {3.03753, 1.90565, 1.05871, 0.41064, -0.15201};
const QList<double> kAaplHistogram = {-5.10808, -4.52749, -3.38778, -2.59227, -2.25061};

// StockCharts ChartSchool, "Bollinger Bands", spreadsheet cs-bbands.xls: SPY daily
// closes with the (20, 2) bands; the page notes it uses the population deviation.
// https://chartschool.stockcharts.com/table-of-contents/technical-indicators-and-overlays/technical-overlays/bollinger-bands
const QList<double> kSpyCloses = {
    86.1557, 89.0867, 88.7829, 90.3228, 89.0671, 91.1453, 89.4397, 89.1750, 86.9302, 87.6752, 86.9596,
    89.4299, 89.3221, 88.7241, 87.4497, 87.2634, 89.4985, 87.9006, 89.1260, 90.7043, 92.9001, 92.9784,
    91.8021, 92.6647, 92.6843, 92.3021, 92.7725, 92.5373, 92.9490, 93.2039, 91.0669, 89.8318, 89.7435,
    90.3994, 90.7387, 88.0177, 88.0867, 88.8439, 90.7781, 90.5416, 91.3894, 90.6500};
const QList<double> kSpyMiddle = {88.7079, 89.0452, 89.2397, 89.3907, 89.5078, 89.6887, 89.7465, 89.9131,
                                  90.0813, 90.3822, 90.6586, 90.8640, 90.8841, 90.9052, 90.9889, 91.1534,
                                  91.1911, 91.1205, 91.1677, 91.2503, 91.2421, 91.1666, 91.0502};
const QList<double> kSpyUpper = {91.2919, 91.9493, 92.6126, 92.9342, 93.3120, 93.7285, 93.8996, 94.2663,
                                 94.5651, 94.7869, 95.0430, 94.9076, 94.9029, 94.8953, 94.8610, 94.6736,
                                 94.5566, 94.6788, 94.5758, 94.5343, 94.5323, 94.3693, 94.1485};
const QList<double> kSpyLower = {86.1240, 86.1411, 85.8669, 85.8472, 85.7037, 85.6489, 85.5934, 85.5600,
                                 85.5974, 85.9775, 86.2743, 86.8204, 86.8653, 86.9150, 87.1168, 87.6331,
                                 87.8256, 87.5622, 87.7595, 87.9663, 87.9520, 87.9639, 87.9519};

// Asserts that `actual` is NaN before `firstDefined` and matches `expected` from there on.
void verifySeries(const Series &actual, qsizetype size, qsizetype firstDefined, const QList<double> &expected,
                  double tolerance, const char *what)
{
    QCOMPARE(actual.size(), size);
    for (qsizetype i = 0; i < firstDefined; ++i) {
        QVERIFY2(std::isnan(actual[i]), qPrintable(QStringLiteral("%1[%2] should be NaN (warm-up), is %3")
                                                       .arg(QLatin1String(what))
                                                       .arg(i)
                                                       .arg(actual[i])));
    }
    QCOMPARE(firstDefined + expected.size(), size);
    for (qsizetype k = 0; k < expected.size(); ++k) {
        const double got = actual[firstDefined + k];
        QVERIFY2(std::abs(got - expected[k]) <= tolerance,
                 qPrintable(QStringLiteral("%1[%2] = %3, published %4")
                                .arg(QLatin1String(what))
                                .arg(firstDefined + k)
                                .arg(got, 0, 'f', 5)
                                .arg(expected[k])));
    }
}

qsizetype firstFinite(const Series &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (std::isfinite(s[i])) {
            return i;
        }
    }
    return -1;
}

using SeriesFn = std::function<Series(const QList<double> &)>;

} // namespace

Q_DECLARE_METATYPE(SeriesFn)

class TestIndicators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sma_stockChartsIntelExample_matchesPublishedTable()
    {
        verifySeries(sma(kIntelCloses, 10), kIntelCloses.size(), 9, kIntelSma10, kPublishedTolerance, "sma");
    }

    void ema_stockChartsIntelExample_matchesPublishedTable()
    {
        const Series e = ema(kIntelCloses, 10);
        verifySeries(e, kIntelCloses.size(), 9, kIntelEma10, kPublishedTolerance, "ema");
        // The seed is the plain 10-day average, not the first close.
        QCOMPARE(e[9], sma(kIntelCloses, 10)[9]);
    }

    void rsi_stockChartsQqqqExample_matchesPublishedTable()
    {
        verifySeries(rsi(kQqqqCloses, 14), kQqqqCloses.size(), 14, kQqqqRsi14, kPublishedTolerance, "rsi");
    }

    void rsi_closesRoundedToTwoDecimals_giveFirstValue70_46()
    {
        // Why the test above uses the 4-decimal closes: from the rounded closes
        // printed on the page, Wilder's formula gives 70.46, not the published 70.53.
        QList<double> rounded;
        for (const double c : kQqqqCloses) {
            rounded.append(std::round(c * 100.0) / 100.0);
        }
        QCOMPARE(rounded.first(), 44.34);
        QVERIFY(std::abs(rsi(rounded, 14)[14] - 70.46) <= kPublishedTolerance);
    }

    void macd_investExcelAaplExample_matchesPublishedTable()
    {
        const Macd m = macd(kAaplCloses, 12, 26, 9);
        const qsizetype n = kAaplCloses.size();
        verifySeries(m.macd, n, 25, kAaplMacd, kPublishedTolerance, "macd");
        verifySeries(m.signal, n, 33, kAaplSignal, kPublishedTolerance, "signal");
        verifySeries(m.histogram, n, 33, kAaplHistogram, kPublishedTolerance, "histogram");
    }

    void bollinger_stockChartsSpyExample_matchesPublishedTable()
    {
        const Bollinger b = bollinger(kSpyCloses, 20, 2.0);
        const qsizetype n = kSpyCloses.size();
        verifySeries(b.middle, n, 19, kSpyMiddle, kPublishedTolerance, "middle");
        verifySeries(b.upper, n, 19, kSpyUpper, kPublishedTolerance, "upper");
        verifySeries(b.lower, n, 19, kSpyLower, kPublishedTolerance, "lower");
    }

    void warmUp_data()
    {
        QTest::addColumn<SeriesFn>("indicator");
        QTest::addColumn<qsizetype>("firstDefined");
        QTest::newRow("sma 20") << SeriesFn([](const QList<double> &v) { return sma(v, 20); })
                                << qsizetype(19);
        QTest::newRow("sma 1") << SeriesFn([](const QList<double> &v) { return sma(v, 1); }) << qsizetype(0);
        QTest::newRow("ema 12") << SeriesFn([](const QList<double> &v) { return ema(v, 12); })
                                << qsizetype(11);
        QTest::newRow("rsi 14") << SeriesFn([](const QList<double> &v) { return rsi(v, 14); })
                                << qsizetype(14);
        QTest::newRow("rsi 2") << SeriesFn([](const QList<double> &v) { return rsi(v, 2); }) << qsizetype(2);
        QTest::newRow("macd line") << SeriesFn([](const QList<double> &v) { return macd(v).macd; })
                                   << qsizetype(25);
        QTest::newRow("macd signal") << SeriesFn([](const QList<double> &v) { return macd(v).signal; })
                                     << qsizetype(33);
        QTest::newRow("macd histogram")
            << SeriesFn([](const QList<double> &v) { return macd(v).histogram; }) << qsizetype(33);
        QTest::newRow("bollinger upper")
            << SeriesFn([](const QList<double> &v) { return bollinger(v).upper; }) << qsizetype(19);
        QTest::newRow("bollinger lower")
            << SeriesFn([](const QList<double> &v) { return bollinger(v).lower; }) << qsizetype(19);
    }

    void warmUp()
    {
        QFETCH(SeriesFn, indicator);
        QFETCH(qsizetype, firstDefined);
        QList<double> wavy;
        for (int i = 0; i < 60; ++i) {
            wavy.append(100.0 + 5.0 * std::sin(i * 0.7) + i * 0.1);
        }
        const Series out = indicator(wavy);
        QCOMPARE(out.size(), wavy.size());
        QCOMPARE(firstFinite(out), firstDefined);
        for (qsizetype i = firstDefined; i < out.size(); ++i) {
            QVERIFY2(std::isfinite(out[i]), qPrintable(QString::number(i)));
        }
    }

    void shortOrEmptyInput_data()
    {
        QTest::addColumn<SeriesFn>("indicator");
        QTest::addColumn<int>("length");
        const SeriesFn all[] = {
            [](const QList<double> &v) { return sma(v, 20); },
            [](const QList<double> &v) { return ema(v, 20); },
            [](const QList<double> &v) { return rsi(v, 14); },
            [](const QList<double> &v) { return macd(v).histogram; },
            [](const QList<double> &v) { return bollinger(v).lower; },
            [](const QList<double> &v) { return sma(v, 0); },
            [](const QList<double> &v) { return ema(v, -3); },
            [](const QList<double> &v) { return rsi(v, 0); },
            [](const QList<double> &v) { return bollinger(v, 0).middle; },
        };
        const char *names[] = {"sma",   "ema",    "rsi",   "macd",       "bollinger",
                               "sma 0", "ema -3", "rsi 0", "bollinger 0"};
        for (int k = 0; k < 9; ++k) {
            for (const int length : {0, 1, 5}) {
                QTest::addRow("%s, %d values", names[k], length) << all[k] << length;
            }
        }
    }

    void shortOrEmptyInput()
    {
        // Too little data for the period (or a meaningless period): same length, all NaN.
        QFETCH(SeriesFn, indicator);
        QFETCH(int, length);
        const Series out = indicator(QList<double>(length, 42.0));
        QCOMPARE(out.size(), qsizetype(length));
        QCOMPARE(firstFinite(out), qsizetype(-1));
    }

    void rsi_constantSeries_isNeutral50()
    {
        const Series out = rsi(QList<double>(30, 100.0), 14);
        for (qsizetype i = 14; i < out.size(); ++i) {
            QCOMPARE(out[i], 50.0);
        }
    }

    void rsi_onlyGains_is100_onlyLosses_is0()
    {
        QList<double> rising;
        QList<double> falling;
        for (int i = 0; i < 30; ++i) {
            rising.append(100.0 + i);
            falling.append(100.0 - i);
        }
        QCOMPARE(rsi(rising, 14).last(), 100.0);
        QCOMPARE(rsi(falling, 14).last(), 0.0);
    }

    void sma_gapInInput_blanksOnlyWindowsContainingIt()
    {
        const QList<double> values = {1, 2, 3, kNaN, 5, 6, 7, 8};
        const Series out = sma(values, 3);
        QCOMPARE(out[2], 2.0);
        QVERIFY(std::isnan(out[3]) && std::isnan(out[4]) && std::isnan(out[5]));
        QCOMPARE(out[6], 6.0);
        QCOMPARE(out[7], 7.0);
    }

    void ema_leadingGap_seedsOnFirstPeriodFiniteValues()
    {
        const QList<double> values = {kNaN, kNaN, 2, 4, 6, 8};
        const Series out = ema(values, 3);
        QCOMPARE(firstFinite(out), qsizetype(4));
        QCOMPARE(out[4], 4.0);             // mean of 2, 4, 6
        QCOMPARE(out[5], 4.0 + 0.5 * 4.0); // alpha = 2 / (3 + 1)
    }

    void bollinger_constantSeries_bandsCollapseOntoMiddle()
    {
        const Bollinger b = bollinger(QList<double>(25, 65000.0), 20, 2.0);
        QCOMPARE(b.middle.last(), 65000.0);
        QCOMPARE(b.upper.last(), 65000.0);
        QCOMPARE(b.lower.last(), 65000.0);
    }

    void bollinger_usesPopulationNotSampleDeviation()
    {
        // {1, 2, 3, 4}: population sd = sqrt(1.25); the sample sd would be sqrt(5/3).
        const Bollinger b = bollinger(QList<double>{1, 2, 3, 4}, 4, 1.0);
        QCOMPARE(b.upper[3], 2.5 + std::sqrt(1.25));
    }

    void macd_histogram_isMacdMinusSignal()
    {
        const Macd m = macd(kAaplCloses);
        for (qsizetype i = 33; i < kAaplCloses.size(); ++i) {
            QCOMPARE(m.histogram[i], m.macd[i] - m.signal[i]);
        }
    }
};

QTEST_GUILESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
