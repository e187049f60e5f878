#include "SummaryTestData.h"
#include "domain/Indicators.h"
#include "services/MarketSummary.h"

#include <QTest>
#include <cmath>

using namespace ba;
using namespace ba::test;

namespace {

QList<PricePoint> linearSeries(int count, qint64 stepMs)
{
    QList<PricePoint> points;
    for (int i = 0; i < count; ++i) {
        points.append({StartMs + i * stepMs, 100.0 + i, {}, {}});
    }
    return points;
}

double lastFinite(const QList<double> &series)
{
    return series.constLast();
}

// A snapshot without a quote: the series' last point and 24 h change stand in.
MarketSnapshot withoutQuote()
{
    MarketSnapshot s = snapshot();
    s.price = 0.0;
    s.change24hPct.reset();
    return s;
}

} // namespace

class TestMarketSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_indicatorValues_equalDomainFunctions()
    {
        const QList<PricePoint> points = wavySeries(24 * 40, HourMs);
        const QList<double> prices = pricesOf(points);
        const MarketSummary s = MarketSummary::build(points, withoutQuote(), {});
        const SummaryIndicators &ind = s.indicators;

        QCOMPARE(s.pointCount, 24 * 40);
        QCOMPARE(s.intervalMs, HourMs);
        QCOMPARE(s.lastPrice, prices.constLast());
        QCOMPARE(ind.rsi14.value(), lastFinite(indicators::rsi(prices, 14)));
        const indicators::Macd macd = indicators::macd(prices, 12, 26, 9);
        QCOMPARE(ind.macd.value(), lastFinite(macd.macd));
        QCOMPARE(ind.macdSignal.value(), lastFinite(macd.signal));
        QCOMPARE(ind.macdHistogram.value(), lastFinite(macd.histogram));
        QCOMPARE(ind.sma20.value(), lastFinite(indicators::sma(prices, 20)));
        QCOMPARE(ind.sma50.value(), lastFinite(indicators::sma(prices, 50)));
        QCOMPARE(ind.ema20.value(), lastFinite(indicators::ema(prices, 20)));
        const indicators::Bollinger bands = indicators::bollinger(prices, 20, 2.0);
        QCOMPARE(ind.bollingerUpper.value(), lastFinite(bands.upper));
        QCOMPARE(ind.bollingerLower.value(), lastFinite(bands.lower));
        QCOMPARE(ind.bollingerPercentB.value(), (prices.constLast() - bands.lower.constLast()) /
                                                    (bands.upper.constLast() - bands.lower.constLast()));
        QCOMPARE(ind.volatility.value(), stats::realisedVolatility(prices, 365.0 * 24));
        QCOMPARE(ind.maxDrawdown.value(), stats::maxDrawdown(prices).fraction);
        QCOMPARE(ind.trend, stats::trendLabel(prices));
        QVERIFY(ind.trend.has_value());
    }

    void build_supportAndResistance_bracketTheLastPrice()
    {
        const MarketSummary s = MarketSummary::build(wavySeries(24 * 40, HourMs), withoutQuote(), {});
        QVERIFY(s.indicators.support.has_value());
        QVERIFY(s.indicators.resistance.has_value());
        QVERIFY(*s.indicators.support < s.lastPrice);
        QVERIFY(*s.indicators.resistance > s.lastPrice);
    }

    void build_changes_matchSyntheticSeries_data()
    {
        QTest::addColumn<qint64>("stepMs");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("window"); // 1, 7 or 30 days
        QTest::addColumn<double>("expected");
        // Hourly 100 + i over 31 days: the last price is 844.
        QTest::newRow("hourly 24h") << HourMs << 745 << 1 << (844.0 / 820.0 - 1.0) * 100.0;
        QTest::newRow("hourly 7d") << HourMs << 745 << 7 << (844.0 / 676.0 - 1.0) * 100.0;
        QTest::newRow("hourly 30d") << HourMs << 745 << 30 << (844.0 / 124.0 - 1.0) * 100.0;
        // Daily 100 + i over 40 days: the last price is 139.
        QTest::newRow("daily 24h") << DayMs << 40 << 1 << (139.0 / 138.0 - 1.0) * 100.0;
        QTest::newRow("daily 7d") << DayMs << 40 << 7 << (139.0 / 132.0 - 1.0) * 100.0;
        QTest::newRow("daily 30d") << DayMs << 40 << 30 << (139.0 / 109.0 - 1.0) * 100.0;
        // Five hours short of 30 days (within tolerance): measured from the first point.
        QTest::newRow("hourly 30d, slightly short") << HourMs << 716 << 30 << (815.0 / 100.0 - 1.0) * 100.0;
    }

    void build_changes_matchSyntheticSeries()
    {
        QFETCH(qint64, stepMs);
        QFETCH(int, count);
        QFETCH(int, window);
        QFETCH(double, expected);
        const MarketSummary s = MarketSummary::build(linearSeries(count, stepMs), withoutQuote(), {});
        const std::optional<double> actual =
            window == 1 ? s.change24hPct : (window == 7 ? s.change7dPct : s.change30dPct);
        QVERIFY(actual.has_value());
        QVERIFY2(std::abs(*actual - expected) < 1e-9, qPrintable(QString::number(*actual)));
    }

    void build_withAQuote_reportsTheQuoteAndComputesIndicatorsFromTheSeries()
    {
        // What the chart header shows (simple/price) is what the prompt and the local report say.
        const QList<PricePoint> points = wavySeries(24 * 40, HourMs);
        const MarketSummary s = MarketSummary::build(points, snapshot(64123.5), {}, QStringLiteral("30d"));
        QCOMPARE(s.lastPrice, 64123.5);
        QCOMPARE(s.change24hPct, std::optional<double>(1.5));
        QCOMPARE(s.asOfMs, points.constLast().tsMs);
        QCOMPARE(s.indicators.sma20.value(), lastFinite(indicators::sma(pricesOf(points), 20)));
        QCOMPARE(s.rangeKey, QStringLiteral("30d"));
        QVERIFY(s.toPromptText().contains(QStringLiteral("Last price: 64123.50 USD")));
        QVERIFY(s.toPromptText().contains(QStringLiteral("Chart range: 30d")));
        QCOMPARE(MarketSummary::fromJson(s.toCanonicalJson())->rangeKey, QStringLiteral("30d"));
    }

    void inputHash_ignoresTheMovingQuote_butNotTheSelection()
    {
        const QList<PricePoint> points = wavySeries(24 * 40, HourMs);
        const QString hash =
            MarketSummary::build(points, snapshot(64000.0), {}, QStringLiteral("30d")).inputHash();
        MarketSnapshot moved = snapshot(64500.0);
        moved.change24hPct = 2.25;
        moved.volume24h = 1.0;
        QCOMPARE(MarketSummary::build(points, moved, {}, QStringLiteral("30d")).inputHash(), hash);
        QVERIFY(MarketSummary::build(points, snapshot(64000.0), {}, QStringLiteral("7d")).inputHash() !=
                hash);
        MarketSnapshot euro = snapshot(64000.0);
        euro.vsCurrency = QStringLiteral("eur");
        QVERIFY(MarketSummary::build(points, euro, {}, QStringLiteral("30d")).inputHash() != hash);
    }

    void build_shortSeries_leavesLongerChangesEmpty()
    {
        const MarketSummary s = MarketSummary::build(linearSeries(72, HourMs), snapshot(), {});
        QVERIFY(s.change24hPct.has_value());
        QVERIFY(!s.change7dPct.has_value());
        QVERIFY(!s.change30dPct.has_value());
        QVERIFY(!s.indicators.sma50.has_value() || s.pointCount >= 50);
    }

    void build_unsortedAndUnusablePrices_areSortedAndSkipped()
    {
        QList<PricePoint> points = linearSeries(100, HourMs);
        const MarketSummary clean = MarketSummary::build(points, snapshot(), {});
        std::reverse(points.begin(), points.end());
        points.append({StartMs + 5, std::nan(""), {}, {}});
        points.append({StartMs + 6, 0.0, {}, {}});
        points.append({StartMs + 7, -3.0, {}, {}});
        const MarketSummary messy = MarketSummary::build(points, snapshot(), {});
        QCOMPARE(messy, clean);
    }

    void build_noPrices_usesTheSnapshot()
    {
        const MarketSummary s = MarketSummary::build({}, snapshot(64000.0), {});
        QVERIFY(!s.hasPrices());
        QCOMPARE(s.lastPrice, 64000.0);
        QCOMPARE(s.change24hPct, std::optional<double>(1.5));
        QVERIFY(!s.indicators.rsi14.has_value());
    }

    void build_notableMoves_largestDailyMovesWithDates()
    {
        // Daily closes 100 for ten days, then +10 %, then -20 %, then flat.
        QList<PricePoint> points;
        for (int day = 0; day < 30; ++day) {
            const double price = day < 10 ? 100.0 : (day < 20 ? 110.0 : 88.0);
            points.append({StartMs + day * DayMs + 12 * HourMs, price, {}, {}});
        }
        const MarketSummary s = MarketSummary::build(points, snapshot(), {});
        QCOMPARE(s.largestGains.size(), 1);
        QCOMPARE(s.largestGains.constFirst().date, QDate(2026, 11, 11));
        QVERIFY(std::abs(s.largestGains.constFirst().changePct - 10.0) < 1e-9);
        QCOMPARE(s.largestDrops.size(), 1);
        QCOMPARE(s.largestDrops.constFirst().date, QDate(2026, 11, 21));
        QVERIFY(std::abs(s.largestDrops.constFirst().changePct + 20.0) < 1e-9);
    }

    void build_headlines_newestFirstAndAtMostTen()
    {
        QList<NewsItem> news = headlines(25);
        std::reverse(news.begin(), news.end());
        news.append(NewsItem{}); // no title: ignored
        const MarketSummary s = MarketSummary::build(linearSeries(50, HourMs), snapshot(), news);
        QCOMPARE(s.headlines.size(), MarketSummary::MaxHeadlines);
        QVERIFY(s.headlines.constFirst().title.startsWith(QLatin1String("Headline 0 ")));
        QCOMPARE(s.headlines.constFirst().publishedMs, headlines(1).constFirst().publishedMs);
    }

    void toPromptText_isCompact_withoutRawPoints()
    {
        const QList<PricePoint> points = wavySeries(24 * 90, HourMs);
        const MarketSummary s = MarketSummary::build(points, snapshot(), headlines(10));
        const QString text = s.toPromptText();
        QVERIFY2(text.size() < 3000, qPrintable(QString::number(text.size())));
        QVERIFY(text.contains(QLatin1String("RSI(14): ")));
        QVERIFY(text.contains(QLatin1String("2160 hourly prices")));
        QVERIFY(!text.contains(QString::number(points.at(1000).price, 'f', 2)));
    }

    void json_roundTrip_givesEqualSummary()
    {
        const MarketSummary s = MarketSummary::build(wavySeries(24 * 40, HourMs), snapshot(), headlines(5));
        const std::optional<MarketSummary> back = MarketSummary::fromJson(s.toCanonicalJson());
        QVERIFY(back.has_value());
        QCOMPARE(*back, s);
        QCOMPARE(back->toCanonicalJson(), s.toCanonicalJson());
    }

    void fromJson_badInput_givesNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("hello");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("other version") << QByteArray("{\"v\":99}");
    }

    void fromJson_badInput_givesNothing()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!MarketSummary::fromJson(json).has_value());
    }

    void inputHash_sameInput_isStable()
    {
        const QList<PricePoint> points = wavySeries(24 * 40, HourMs);
        const QString first = MarketSummary::build(points, snapshot(), headlines(5)).inputHash();
        const QString second = MarketSummary::build(points, snapshot(), headlines(5)).inputHash();
        QCOMPARE(first, second);
        QCOMPARE(first.size(), 64);
    }

    void inputHash_changedInput_changes_data()
    {
        QTest::addColumn<int>("changedIndex"); // -1 = a headline instead of a price
        QTest::newRow("last price") << 24 * 40 - 1;
        QTest::newRow("a price in the middle") << 400;
        QTest::newRow("a headline") << -1;
    }

    void inputHash_changedInput_changes()
    {
        QFETCH(int, changedIndex);
        QList<PricePoint> points = wavySeries(24 * 40, HourMs);
        QList<NewsItem> news = headlines(5);
        const QString before = MarketSummary::build(points, snapshot(), news).inputHash();
        if (changedIndex >= 0) {
            points[changedIndex].price *= 1.01;
        } else {
            news[2].title += QStringLiteral(" (updated)");
        }
        QVERIFY(MarketSummary::build(points, snapshot(), news).inputHash() != before);
    }
};

QTEST_GUILESS_MAIN(TestMarketSummary)
#include "tst_marketsummary.moc"
