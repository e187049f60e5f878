#include "StorageTestUtil.h"
#include "StoreFixture.h"
#include "storage/PriceStore.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>
#include <limits>
#include <random>

using ba::Candle;
using ba::MarketSnapshot;
using ba::PricePoint;
using ba::PriceStore;
using ba::SeriesKey;
using ba::test::scalar;

namespace {

const QString kCoin = QStringLiteral("bitcoin");
const QString kUsd = QStringLiteral("usd");
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

// Most tests use one series; the step only names it (points need not be that far apart).
SeriesKey series(const QString &coin = kCoin, const QString &currency = kUsd, qint64 step = kHour)
{
    return {coin, currency, step};
}

QList<qint64> timestamps(const QList<PricePoint> &points)
{
    QList<qint64> result;
    for (const PricePoint &point : points) {
        result << point.tsMs;
    }
    return result;
}

} // namespace

class TestPriceStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void upsertPrices_sameRowsTwice_keepsCountAndUpdatesValues();
    void upsertPrices_missingVolumeOrCap_keepsStoredValues();
    void upsertPrices_newVolume_replacesStoredValue();
    void upsertPrices_emptyList_succeedsWithoutWriting();
    void upsertPrices_nonFinitePrice_isSkipped();
    void upsertPrices_failureMidBatch_storesNothing();
    void upsertPrices_largeBatch_writesEveryRow();
    void upsertPrices_batchSizesAroundStatementSize_writeEveryRow_data();
    void upsertPrices_batchSizesAroundStatementSize_writeEveryRow();
    void upsertPrices_duplicateTimestampInOneBatch_lastOneWins();
    void upsertPrices_injectionLookingCoinId_isStoredLiterally();
    void prices_range_boundsAreInclusive_data();
    void prices_range_boundsAreInclusive();
    void prices_seriesOfOtherSteps_areNeverMixedIn();
    void replacePrices_dropsTheOlderFetchFromItsWindowOn();
    void replacePrices_failingWrite_keepsWhatWasStored();
    void replaceCandles_replacesTheWindowOfItsSeries();
    void prices_otherPairs_areNotMixedIn();
    void latestTimestamp_reflectsNewestStoredPoint();
    void upsertCandles_roundTripAndUpdate();
    void snapshot_roundTrip_includingMissingOptionals();
    void snapshot_secondSave_replacesFirst();
    void fetchLog_roundTrip_perRangeKey();
    void fetchLog_keepsHowFarBackAFetchReached();

private:
    int priceRows() const
    {
        return scalar(m_fixture.connection(), QStringLiteral("SELECT COUNT(*) FROM prices")).toInt();
    }

    ba::test::StoreFixture m_fixture;
    std::unique_ptr<PriceStore> m_store;
};

void TestPriceStore::init()
{
    QVERIFY(m_fixture.setUp(QStringLiteral("test-pricestore")));
    m_store = std::make_unique<PriceStore>(m_fixture.connection());
}

void TestPriceStore::cleanup()
{
    m_store.reset();
    m_fixture.tearDown();
}

void TestPriceStore::upsertPrices_sameRowsTwice_keepsCountAndUpdatesValues()
{
    const QList<PricePoint> first{{1000, 10.0, 1e9, 5e6}, {2000, 11.0, 1.1e9, 6e6}, {3000, 12.0, {}, {}}};
    const ba::WriteResult written = m_store->upsertPrices(series(), first);
    QVERIFY2(written.ok, qPrintable(written.error));
    QCOMPARE(written.rows, 3);
    QCOMPARE(priceRows(), 3);

    QList<PricePoint> second = first;
    second[1].price = 99.5;
    second[1].volume = 7e6;
    QVERIFY(m_store->upsertPrices(series(), second).ok);
    QCOMPARE(priceRows(), 3);

    const QList<PricePoint> stored = m_store->prices(series(), 0, 10000);
    QCOMPARE(stored.size(), 3);
    QCOMPARE(stored.at(1).price, 99.5);
    QCOMPARE(stored.at(1).volume, std::optional<double>(7e6));
    QCOMPARE(stored.at(1).marketCap, std::optional<double>(1.1e9));
    QVERIFY(!stored.at(2).volume.has_value());
}

void TestPriceStore::upsertPrices_missingVolumeOrCap_keepsStoredValues()
{
    QVERIFY(m_store->upsertPrices(series(), {{1000, 10.0, 2e9, 3e7}}).ok);
    QVERIFY(m_store->upsertPrices(series(), {{1000, 10.5, {}, {}}}).ok);

    const QList<PricePoint> stored = m_store->prices(series(), 1000, 1000);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().price, 10.5);
    QCOMPARE(stored.constFirst().marketCap, std::optional<double>(2e9));
    QCOMPARE(stored.constFirst().volume, std::optional<double>(3e7));
}

void TestPriceStore::upsertPrices_newVolume_replacesStoredValue()
{
    QVERIFY(m_store->upsertPrices(series(), {{1000, 10.0, 2e9, 3e7}}).ok);
    QVERIFY(m_store->upsertPrices(series(), {{1000, 10.0, {}, 4e7}}).ok);
    const QList<PricePoint> stored = m_store->prices(series(), 1000, 1000);
    QCOMPARE(stored.constFirst().volume, std::optional<double>(4e7));
    QCOMPARE(stored.constFirst().marketCap, std::optional<double>(2e9));
}

void TestPriceStore::upsertPrices_emptyList_succeedsWithoutWriting()
{
    const ba::WriteResult result = m_store->upsertPrices(series(), {});
    QVERIFY(result.ok);
    QCOMPARE(result.rows, 0);
    QCOMPARE(priceRows(), 0);
}

void TestPriceStore::upsertPrices_nonFinitePrice_isSkipped()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const ba::WriteResult result =
        m_store->upsertPrices(series(), {{1000, nan, {}, {}}, {2000, inf, {}, {}}, {3000, 5.0, nan, inf}});
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows, 1);
    QCOMPARE(result.skipped, 2);
    const QList<PricePoint> stored = m_store->prices(series(), 0, 5000);
    QCOMPARE(timestamps(stored), QList<qint64>{3000});
    QVERIFY(!stored.constFirst().marketCap.has_value()); // a NaN cap is "unknown", not a number
    QVERIFY(!stored.constFirst().volume.has_value());
}

void TestPriceStore::upsertPrices_failureMidBatch_storesNothing()
{
    // Row 80 fails after the first multi-row statement (rows 0..63) has already been executed.
    QSqlQuery query(m_fixture.connection());
    QVERIFY(query.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON prices WHEN NEW.ts_ms = 80"
                                      " BEGIN SELECT RAISE(ABORT, 'refused by test'); END")));
    QList<PricePoint> points;
    for (int i = 0; i < 100; ++i) {
        points.append({qint64(i), 1.0, {}, {}});
    }
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(QStringLiteral("prices for bitcoin/usd 1h failed, nothing stored")));
    const ba::WriteResult result = m_store->upsertPrices(series(), points);
    QVERIFY(!result.ok);
    QCOMPARE(result.rows, 0);
    QVERIFY(result.error.contains(QLatin1String("refused by test")));
    QCOMPARE(m_store->lastError(), result.error);
    QCOMPARE(priceRows(), 0);
    // The connection is usable again afterwards (no transaction left open).
    QVERIFY(m_store->upsertPrices(series(), {{1000, 1.0, {}, {}}}).ok);
    QCOMPARE(priceRows(), 1);
}

void TestPriceStore::upsertPrices_largeBatch_writesEveryRow()
{
    QList<PricePoint> points;
    const int count = 100000;
    points.reserve(count);
    for (int i = 0; i < count; ++i) {
        points.append({qint64(i) * 60000, 30000.0 + i, 5e11, 2e10});
    }
    const ba::WriteResult result = m_store->upsertPrices(series(), points);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows, count);
    QCOMPARE(priceRows(), count);
    QCOMPARE(m_store->prices(series(), 0, std::numeric_limits<qint64>::max()).size(), count);
}

void TestPriceStore::upsertPrices_batchSizesAroundStatementSize_writeEveryRow_data()
{
    // Rows travel in multi-row statements of 64; whole statements and the remainder must all land.
    QTest::addColumn<int>("count");
    for (int count : {1, 63, 64, 65, 128, 130, 1000}) {
        QTest::newRow(qPrintable(QString::number(count))) << count;
    }
}

void TestPriceStore::upsertPrices_batchSizesAroundStatementSize_writeEveryRow()
{
    QFETCH(int, count);
    QList<PricePoint> points;
    for (int i = 0; i < count; ++i) {
        points.append({qint64(i), double(i), i % 2 ? std::optional<double>(i * 10.0) : std::nullopt, {}});
    }
    const ba::WriteResult result = m_store->upsertPrices(series(), points);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows, count);

    const QList<PricePoint> stored = m_store->prices(series(), 0, count);
    QCOMPARE(stored.size(), count);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(stored.at(i).tsMs, qint64(i));
        QCOMPARE(stored.at(i).price, double(i));
        QCOMPARE(stored.at(i).marketCap, points.at(i).marketCap);
    }
}

void TestPriceStore::upsertPrices_duplicateTimestampInOneBatch_lastOneWins()
{
    QVERIFY(m_store->upsertPrices(series(), {{1000, 1.0, 5.0, {}}, {1000, 2.0, {}, 7.0}}).ok);
    const QList<PricePoint> stored = m_store->prices(series(), 1000, 1000);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().price, 2.0);
    QCOMPARE(stored.constFirst().marketCap, std::optional<double>(5.0));
    QCOMPARE(stored.constFirst().volume, std::optional<double>(7.0));
}

void TestPriceStore::upsertPrices_injectionLookingCoinId_isStoredLiterally()
{
    const QString evil = QStringLiteral("bitcoin'); DROP TABLE prices; --");
    QVERIFY(m_store->upsertPrices(series(evil), {{1000, 1.0, {}, {}}}).ok);
    QCOMPARE(priceRows(), 1); // the table is still there
    QCOMPARE(scalar(m_fixture.connection(), QStringLiteral("SELECT coin_id FROM prices")).toString(), evil);
    QCOMPARE(m_store->prices(series(evil), 0, 2000).size(), 1);
    QVERIFY(m_store->prices(series(), 0, 2000).isEmpty());
    QVERIFY(m_store->markFetched(QStringLiteral("x' OR '1'='1"), evil, kUsd, QStringLiteral("1d"), 5));
    QVERIFY(!m_store->lastFetched(QStringLiteral("anything"), evil, kUsd, QStringLiteral("1d")).has_value());
}

void TestPriceStore::prices_range_boundsAreInclusive_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("exact bounds") << qint64(2000) << qint64(4000) << QList<qint64>{2000, 3000, 4000};
    QTest::newRow("between points") << qint64(1500) << qint64(3500) << QList<qint64>{2000, 3000};
    QTest::newRow("single point") << qint64(3000) << qint64(3000) << QList<qint64>{3000};
    QTest::newRow("everything") << qint64(0) << qint64(9000) << QList<qint64>{1000, 2000, 3000, 4000, 5000};
    QTest::newRow("before all") << qint64(0) << qint64(999) << QList<qint64>{};
    QTest::newRow("after all") << qint64(5001) << qint64(9000) << QList<qint64>{};
    QTest::newRow("reversed range") << qint64(4000) << qint64(2000) << QList<qint64>{};
}

void TestPriceStore::prices_range_boundsAreInclusive()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QList<qint64>, expected);
    QList<PricePoint> points;
    for (qint64 ts = 1000; ts <= 5000; ts += 1000) {
        points.append({ts, double(ts), {}, {}});
    }
    QVERIFY(m_store->upsertPrices(series(), points).ok);
    QCOMPARE(timestamps(m_store->prices(series(), from, to)), expected);
}

void TestPriceStore::prices_seriesOfOtherSteps_areNeverMixedIn()
{
    // Daily points for a year from one fetch, 5-minute points for the last day from another, hourly
    // points for a month from a third, written in shuffled order: each series reads back alone.
    const qint64 end = 400 * kDay;
    QList<PricePoint> daily;
    QList<PricePoint> fiveMinutes;
    QList<PricePoint> hourly;
    for (qint64 ts = end - 365 * kDay; ts <= end; ts += kDay) {
        daily.append({ts, 1.0, {}, {}});
    }
    for (qint64 ts = end - kDay + 7; ts <= end; ts += 5 * kMinute) {
        fiveMinutes.append({ts, 2.0, {}, {}});
    }
    for (qint64 ts = end - 30 * kDay + 13; ts <= end; ts += kHour) {
        hourly.append({ts, 3.0, {}, {}});
    }
    QList<PricePoint> shuffled = daily;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(1));
    QVERIFY(m_store->upsertPrices(series(kCoin, kUsd, kDay), shuffled).ok);
    QVERIFY(m_store->upsertPrices(series(kCoin, kUsd, 5 * kMinute), fiveMinutes).ok);
    QVERIFY(m_store->upsertPrices(series(kCoin, kUsd, kHour), hourly).ok);

    const QList<qint64> readDaily = timestamps(m_store->prices(series(kCoin, kUsd, kDay), 0, end));
    QCOMPARE(readDaily, timestamps(daily));
    QCOMPARE(timestamps(m_store->prices(series(kCoin, kUsd, kHour), end - 2 * kDay, end)).size(), 48);
    QCOMPARE(timestamps(m_store->prices(series(kCoin, kUsd, 5 * kMinute), end - 2 * kDay, end)),
             timestamps(fiveMinutes));
    QCOMPARE(m_store->latestTimestamp(series(kCoin, kUsd, kHour)),
             std::optional<qint64>(hourly.constLast().tsMs));
}

void TestPriceStore::replacePrices_dropsTheOlderFetchFromItsWindowOn()
{
    // Two hourly fetches at different offsets: the second replaces the first from its window start,
    // so the series stays evenly spaced; the first fetch's older samples stay.
    const qint64 end = 100 * kDay;
    QList<PricePoint> first;
    for (qint64 ts = end - 30 * kDay; ts <= end; ts += kHour) {
        first.append({ts, 1.0, 5.0, {}});
    }
    QVERIFY(m_store->upsertPrices(series(), first).ok);
    QList<PricePoint> second;
    const qint64 later = end + 17 * kMinute;
    for (qint64 ts = later - 7 * kDay; ts <= later; ts += kHour) {
        second.append({ts, 2.0, {}, {}});
    }
    const ba::WriteResult written = m_store->replacePrices(series(), later - 7 * kDay, second);
    QVERIFY2(written.ok, qPrintable(written.error));
    QCOMPARE(written.rows, int(second.size()));

    const QList<PricePoint> stored = m_store->prices(series(), 0, later);
    QCOMPARE(stored.size(), 23 * 24 + 1 + 169); // the first fetch up to 7 days back, then the second
    const QList<PricePoint> lastWeek = m_store->prices(series(), later - 7 * kDay, later);
    QCOMPARE(timestamps(lastWeek), timestamps(second));
    QVERIFY(
        std::all_of(lastWeek.cbegin(), lastWeek.cend(), [](const PricePoint &p) { return p.price == 2.0; }));
    // Other series of the pair are untouched.
    QVERIFY(m_store->upsertPrices(series(kCoin, kUsd, kDay), {{end, 9.0, {}, {}}}).ok);
    QVERIFY(m_store->replacePrices(series(), 0, {{later, 3.0, {}, {}}}).ok);
    QCOMPARE(m_store->prices(series(kCoin, kUsd, kDay), 0, later).size(), 1);
    QCOMPARE(m_store->prices(series(), 0, later).size(), 1);
}

void TestPriceStore::replacePrices_failingWrite_keepsWhatWasStored()
{
    QVERIFY(m_store->upsertPrices(series(), {{1000, 1.0, {}, {}}, {2000, 2.0, {}, {}}}).ok);
    // The file may not grow: the new rows cannot be written, and the DELETE is rolled back with them.
    QSqlQuery full(m_fixture.connection());
    QVERIFY(full.exec(QStringLiteral("PRAGMA max_page_count = ") +
                      scalar(m_fixture.connection(), QStringLiteral("PRAGMA page_count")).toString()));
    QList<PricePoint> many;
    for (int i = 0; i < 5000; ++i) {
        many.append({3000 + i, double(i), 1e12, 1e10});
    }
    const ba::WriteResult result = m_store->replacePrices(series(), 0, many);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("full"), Qt::CaseInsensitive), qPrintable(result.error));
    QCOMPARE(m_store->lastError(), result.error);
    QCOMPARE(timestamps(m_store->prices(series(), 0, 100000)), (QList<qint64>{1000, 2000}));
}

void TestPriceStore::replaceCandles_replacesTheWindowOfItsSeries()
{
    QVERIFY(
        m_store->upsertCandles(series(), {{1000, 1, 1, 1, 1}, {2000, 1, 1, 1, 1}, {3000, 1, 1, 1, 1}}).ok);
    QVERIFY(m_store->replaceCandles(series(), 2000, {{2500, 2, 2, 2, 2}}).ok);
    const QList<Candle> stored = m_store->candles(series(), 0, 5000);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).tsMs, qint64(1000));
    QCOMPARE(stored.at(1).tsMs, qint64(2500));
    QCOMPARE(m_store->latestCandleTimestamp(series()), std::optional<qint64>(2500));
}

void TestPriceStore::prices_otherPairs_areNotMixedIn()
{
    QVERIFY(m_store->upsertPrices(series(), {{1000, 1.0, {}, {}}}).ok);
    QVERIFY(m_store->upsertPrices(series(kCoin, QStringLiteral("eur")), {{1000, 2.0, {}, {}}}).ok);
    QVERIFY(m_store->upsertPrices(series(QStringLiteral("ethereum")), {{1000, 3.0, {}, {}}}).ok);
    const QList<PricePoint> stored = m_store->prices(series(), 0, 2000);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().price, 1.0);
}

void TestPriceStore::latestTimestamp_reflectsNewestStoredPoint()
{
    QVERIFY(!m_store->latestTimestamp(series()).has_value());
    QVERIFY(m_store->upsertPrices(series(), {{5000, 1.0, {}, {}}, {2000, 1.0, {}, {}}}).ok);
    QCOMPARE(m_store->latestTimestamp(series()), std::optional<qint64>(5000));
    QVERIFY(!m_store->latestTimestamp(series(kCoin, QStringLiteral("eur"))).has_value());
    QVERIFY(!m_store->latestCandleTimestamp(series()).has_value());
}

void TestPriceStore::upsertCandles_roundTripAndUpdate()
{
    const QList<Candle> candles{{1000, 1.0, 3.0, 0.5, 2.0}, {2000, 2.0, 4.0, 1.5, 3.5}};
    const ba::WriteResult result = m_store->upsertCandles(series(), candles);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows, 2);
    QVERIFY(m_store->upsertCandles(series(), {{2000, 2.0, 5.0, 1.0, 4.5}}).ok);

    const QList<Candle> stored = m_store->candles(series(), 1000, 2000);
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).close, 2.0);
    QCOMPARE(stored.at(1).high, 5.0);
    QCOMPARE(stored.at(1).low, 1.0);
    QCOMPARE(stored.at(1).close, 4.5);
    QCOMPARE(m_store->latestCandleTimestamp(series()), std::optional<qint64>(2000));
    QVERIFY(m_store->candles(series(), 1001, 1999).isEmpty());
}

void TestPriceStore::snapshot_roundTrip_includingMissingOptionals()
{
    QVERIFY(!m_store->snapshot(kCoin, kUsd).has_value());
    MarketSnapshot snapshot;
    snapshot.coinId = kCoin;
    snapshot.vsCurrency = kUsd;
    snapshot.price = 67123.5;
    snapshot.change24hPct = -1.25;
    snapshot.lastUpdatedMs = 1700000000000;
    QVERIFY(m_store->saveSnapshot(snapshot, 1700000005000));

    const std::optional<MarketSnapshot> stored = m_store->snapshot(kCoin, kUsd);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->coinId, kCoin);
    QCOMPARE(stored->vsCurrency, kUsd);
    QCOMPARE(stored->price, 67123.5);
    QCOMPARE(stored->change24hPct, std::optional<double>(-1.25));
    QVERIFY(!stored->marketCap.has_value());
    QVERIFY(!stored->volume24h.has_value());
    QCOMPARE(stored->lastUpdatedMs, qint64(1700000000000));
}

void TestPriceStore::snapshot_secondSave_replacesFirst()
{
    MarketSnapshot snapshot{kCoin, kUsd, 100.0, 1.0, 2e9, 3e7, 1000};
    QVERIFY(m_store->saveSnapshot(snapshot, 1000));
    snapshot.price = 101.0;
    snapshot.volume24h.reset();
    snapshot.lastUpdatedMs = 2000;
    QVERIFY(m_store->saveSnapshot(snapshot, 2000));

    const std::optional<MarketSnapshot> stored = m_store->snapshot(kCoin, kUsd);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->price, 101.0);
    QVERIFY(!stored->volume24h.has_value()); // a snapshot is replaced as a whole
    QCOMPARE(stored->lastUpdatedMs, qint64(2000));
    QCOMPARE(scalar(m_fixture.connection(), QStringLiteral("SELECT COUNT(*) FROM snapshots")).toInt(), 1);
}

void TestPriceStore::fetchLog_roundTrip_perRangeKey()
{
    const QString source = QStringLiteral("coingecko.market_chart");
    QVERIFY(!m_store->lastFetched(source, kCoin, kUsd, QStringLiteral("30d")).has_value());
    QVERIFY(m_store->markFetched(source, kCoin, kUsd, QStringLiteral("30d"), 1000));
    QVERIFY(m_store->markFetched(source, kCoin, kUsd, QStringLiteral("1d"), 2000));
    QVERIFY(m_store->markFetched(source, kCoin, kUsd, QStringLiteral("30d"), 3000));

    QCOMPARE(m_store->lastFetched(source, kCoin, kUsd, QStringLiteral("30d")), std::optional<qint64>(3000));
    QCOMPARE(m_store->lastFetched(source, kCoin, kUsd, QStringLiteral("1d")), std::optional<qint64>(2000));
    QVERIFY(!m_store->lastFetched(source, kCoin, QStringLiteral("eur"), QStringLiteral("30d")).has_value());
    QVERIFY(!m_store->lastFetched(QStringLiteral("coingecko.ohlc"), kCoin, kUsd, QStringLiteral("30d"))
                 .has_value());
}

void TestPriceStore::fetchLog_keepsHowFarBackAFetchReached()
{
    const QString source = QStringLiteral("coingecko");
    const QString key = QStringLiteral("market_chart:1h");
    QVERIFY(!m_store->lastFetch(source, kCoin, kUsd, key).has_value());
    QVERIFY(m_store->markFetched(source, kCoin, kUsd, key, 1000, 90));
    QCOMPARE(m_store->lastFetch(source, kCoin, kUsd, key)->days, 90);
    QVERIFY(m_store->markFetched(source, kCoin, kUsd, key, 2000, 7));
    const std::optional<ba::FetchMark> mark = m_store->lastFetch(source, kCoin, kUsd, key);
    QCOMPARE(mark->fetchedMs, qint64(2000));
    QCOMPARE(mark->days, 7);
}

QTEST_GUILESS_MAIN(TestPriceStore)
#include "tst_pricestore.moc"
