#include "services/LatencyReservoir.h"

#include <QtTest>
#include <algorithm>
#include <random>

using ba::LatencyReservoir;

class TestLatencyReservoir : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentile_empty_isMinusOne();
    void percentile_knownSample_isExactNearestRank_data();
    void percentile_knownSample_isExactNearestRank();
    void percentile_ignoresInsertionOrder();
    void add_beyondCapacity_keepsCapacityAndCountsAll();
    void add_beyondCapacity_keepsAUniformSampleOfTheSession();
    void add_sameSamplesSameSeed_givesSamePercentiles();
};

void TestLatencyReservoir::percentile_empty_isMinusOne()
{
    const LatencyReservoir reservoir;
    QCOMPARE(reservoir.percentile(50), qint64(-1));
    QCOMPARE(reservoir.seen(), qint64(0));
}

void TestLatencyReservoir::percentile_knownSample_isExactNearestRank_data()
{
    QTest::addColumn<QList<qint64>>("samples");
    QTest::addColumn<double>("p");
    QTest::addColumn<qint64>("expected");

    QList<qint64> hundred;
    for (qint64 i = 1; i <= 100; ++i) {
        hundred.append(i * 10); // 10, 20, ... 1000 ms
    }
    QTest::newRow("1..100 p50") << hundred << 50.0 << qint64(500);
    QTest::newRow("1..100 p95") << hundred << 95.0 << qint64(950);
    QTest::newRow("1..100 p100") << hundred << 100.0 << qint64(1000);
    QTest::newRow("1..100 p0 is the minimum") << hundred << 0.0 << qint64(10);
    const QList<qint64> twenty{5, 1, 9, 13, 2, 20, 7, 3, 11, 4, 17, 6, 15, 8, 19, 10, 12, 14, 16, 18};
    QTest::newRow("20 samples p50: rank 10") << twenty << 50.0 << qint64(10);
    QTest::newRow("20 samples p95: rank 19") << twenty << 95.0 << qint64(19);
    QTest::newRow("one sample") << QList<qint64>{412} << 95.0 << qint64(412);
    QTest::newRow("two samples p50 is the lower") << QList<qint64>{100, 300} << 50.0 << qint64(100);
    QTest::newRow("outlier shows in p95 of 10")
        << QList<qint64>{100, 100, 100, 100, 100, 100, 100, 100, 100, 5000} << 95.0 << qint64(5000);
}

void TestLatencyReservoir::percentile_knownSample_isExactNearestRank()
{
    QFETCH(QList<qint64>, samples);
    QFETCH(double, p);
    QFETCH(qint64, expected);

    LatencyReservoir reservoir;
    for (qint64 sample : samples) {
        reservoir.add(sample);
    }
    QCOMPARE(reservoir.percentile(p), expected);
}

void TestLatencyReservoir::percentile_ignoresInsertionOrder()
{
    QList<qint64> values;
    for (qint64 i = 1; i <= 200; ++i) {
        values.append(i);
    }
    LatencyReservoir ordered;
    for (qint64 v : values) {
        ordered.add(v);
    }
    std::mt19937 shuffle(7);
    std::shuffle(values.begin(), values.end(), shuffle);
    LatencyReservoir shuffled;
    for (qint64 v : values) {
        shuffled.add(v);
    }
    QCOMPARE(shuffled.percentile(50), ordered.percentile(50));
    QCOMPARE(shuffled.percentile(95), qint64(190));
}

void TestLatencyReservoir::add_beyondCapacity_keepsCapacityAndCountsAll()
{
    LatencyReservoir reservoir(64);
    for (int i = 0; i < 10000; ++i) {
        reservoir.add(i);
    }
    QCOMPARE(reservoir.kept(), 64);
    QCOMPARE(reservoir.seen(), qint64(10000));
}

void TestLatencyReservoir::add_beyondCapacity_keepsAUniformSampleOfTheSession()
{
    // The first half of the session is fast, the second slow: a "last N" window would report only
    // the slow half; a session sample has its median near the boundary.
    LatencyReservoir reservoir(1000);
    for (int i = 0; i < 50000; ++i) {
        reservoir.add(i < 25000 ? 100 : 900);
    }
    QCOMPARE(reservoir.percentile(5), qint64(100));
    QCOMPARE(reservoir.percentile(95), qint64(900));
    LatencyReservoir counts(1000);
    for (int i = 0; i < 50000; ++i) {
        counts.add(i); // uniform 0..49999: the median of a uniform sample is near 25000
    }
    QVERIFY2(qAbs(counts.percentile(50) - 25000) < 2500,
             QByteArray::number(counts.percentile(50)).constData());
}

void TestLatencyReservoir::add_sameSamplesSameSeed_givesSamePercentiles()
{
    LatencyReservoir a(100);
    LatencyReservoir b(100);
    for (int i = 0; i < 5000; ++i) {
        a.add((i * 7919) % 3001);
        b.add((i * 7919) % 3001);
    }
    QCOMPARE(a.percentile(50), b.percentile(50));
    QCOMPARE(a.percentile(95), b.percentile(95));
}

QTEST_GUILESS_MAIN(TestLatencyReservoir)
#include "tst_latencyreservoir.moc"
