#include "net/RetryPolicy.h"

#include <QTest>
#include <QTimeZone>

using ba::RetryPolicy;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoff_withoutJitter_doublesUpToCeiling_data();
    void backoff_withoutJitter_doublesUpToCeiling();
    void backoff_jitter_staysWithinFraction();
    void parseRetryAfter_values_data();
    void parseRetryAfter_values();
};

void TestRetryPolicy::backoff_withoutJitter_doublesUpToCeiling_data()
{
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("first retry") << 1 << 500;
    QTest::newRow("second retry") << 2 << 1000;
    QTest::newRow("third retry") << 3 << 2000;
    QTest::newRow("capped") << 6 << 8000;
    QTest::newRow("huge attempt count stays capped") << 1000 << 8000;
    QTest::newRow("zero treated as first") << 0 << 500;
}

void TestRetryPolicy::backoff_withoutJitter_doublesUpToCeiling()
{
    QFETCH(int, failedAttempts);
    QFETCH(int, delayMs);
    RetryPolicy policy;
    policy.jitterFraction = 0.0;
    QCOMPARE(policy.backoffDelayMs(failedAttempts, 0.7), delayMs);
}

void TestRetryPolicy::backoff_jitter_staysWithinFraction()
{
    RetryPolicy policy; // 500 ms, +/- 25 %
    QCOMPARE(policy.backoffDelayMs(1, 0.0), 375);
    QCOMPARE(policy.backoffDelayMs(1, 0.5), 500);
    QCOMPARE(policy.backoffDelayMs(1, 0.999999), 625);
    for (int i = 0; i < 200; ++i) {
        const int d = policy.backoffDelayMs(2);
        QVERIFY(d >= 750 && d <= 1250);
    }
}

void TestRetryPolicy::parseRetryAfter_values_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds"); // -1 = no usable value

    QTest::newRow("delta seconds") << QByteArray("119") << 119;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("padded") << QByteArray("  7 ") << 7;
    QTest::newRow("negative") << QByteArray("-3") << -1;
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("words") << QByteArray("soon") << -1;
    QTest::newRow("fraction") << QByteArray("1.5") << -1;
    QTest::newRow("date 30 s ahead") << QByteArray("Sun, 29 Nov 2026 10:00:30 GMT") << 30;
    QTest::newRow("date with wrong weekday still counts")
        << QByteArray("Mon, 29 Nov 2026 10:01:00 GMT") << 60;
    QTest::newRow("date in the past") << QByteArray("Sun, 29 Nov 2026 09:00:00 GMT") << 0;
    QTest::newRow("date not GMT") << QByteArray("Sun, 29 Nov 2026 10:00:30 CET") << -1;
    QTest::newRow("RFC 850 date") << QByteArray("Sunday, 29-Nov-26 10:00:30 GMT") << -1;
    QTest::newRow("absurdly far is capped to a week") << QByteArray("99999999999") << 7 * 86400;
}

void TestRetryPolicy::parseRetryAfter_values()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    const QDateTime now(QDate(2026, 11, 29), QTime(10, 0, 0), QTimeZone::utc());
    const auto parsed = RetryPolicy::parseRetryAfter(value, now);
    QCOMPARE(parsed.value_or(-1), seconds);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
