#include "services/SourceHealth.h"

#include <QtTest>

using ba::FetchError;
using ba::HealthState;
using ba::SourceHealth;

namespace {
const QDateTime kNow = QDateTime(QDate(2026, 11, 29), QTime(10, 30, 0), Qt::UTC);
constexpr qint64 kStaleAfter = 15 * 60 * 1000;
} // namespace

class TestSourceHealth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluateHealth_rules_data();
    void evaluateHealth_rules();
    void formatAgo_roundsToTheLargestUnit_data();
    void formatAgo_roundsToTheLargestUnit();
    void formatDurationMs_countsDownInWholeSeconds_data();
    void formatDurationMs_countsDownInWholeSeconds();
    void describeLastError_namesMessageTargetAndDetail();
    void describeLastError_noError_isEmpty();
    void sourceDisplayName_knownAndRssSources();
};

void TestSourceHealth::evaluateHealth_rules_data()
{
    QTest::addColumn<bool>("anyOutcome");
    QTest::addColumn<bool>("lastOk");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("successAgoMs"); // -1: never
    QTest::addColumn<int>("expected");

    using K = FetchError::Kind;
    QTest::newRow("nothing yet") << false << true << int(K::None) << qint64(-1) << int(HealthState::Unknown);
    QTest::newRow("fresh success") << true << true << int(K::None) << qint64(1000) << int(HealthState::Ok);
    QTest::newRow("success at the threshold is still OK")
        << true << true << int(K::None) << kStaleAfter << int(HealthState::Ok);
    QTest::newRow("old success is stale")
        << true << true << int(K::None) << kStaleAfter + 1 << int(HealthState::Stale);
    QTest::newRow("last failed") << true << false << int(K::Timeout) << qint64(1000)
                                 << int(HealthState::Failing);
    QTest::newRow("failure wins over staleness")
        << true << false << int(K::Offline) << kStaleAfter * 10 << int(HealthState::Failing);
    QTest::newRow("never succeeded, failing")
        << true << false << int(K::NotFound) << qint64(-1) << int(HealthState::Failing);
    QTest::newRow("rate limited is failing")
        << true << false << int(K::RateLimited) << qint64(1000) << int(HealthState::Failing);
    QTest::newRow("blocked") << true << false << int(K::Blocked) << qint64(1000) << int(HealthState::Blocked);
}

void TestSourceHealth::evaluateHealth_rules()
{
    QFETCH(bool, anyOutcome);
    QFETCH(bool, lastOk);
    QFETCH(int, kind);
    QFETCH(qint64, successAgoMs);
    QFETCH(int, expected);

    const QDateTime lastSuccess = successAgoMs < 0 ? QDateTime() : kNow.addMSecs(-successAgoMs);
    QCOMPARE(
        int(ba::evaluateHealth(anyOutcome, lastOk, FetchError::Kind(kind), lastSuccess, kNow, kStaleAfter)),
        expected);
}

void TestSourceHealth::formatAgo_roundsToTheLargestUnit_data()
{
    QTest::addColumn<qint64>("agoSeconds"); // -1: invalid time
    QTest::addColumn<QString>("expected");
    QTest::newRow("never") << qint64(-1) << QStringLiteral("never");
    QTest::newRow("now") << qint64(2) << QStringLiteral("just now");
    QTest::newRow("seconds") << qint64(45) << QStringLiteral("45 s ago");
    QTest::newRow("three minutes") << qint64(3 * 60 + 59) << QStringLiteral("3 min ago");
    QTest::newRow("hours") << qint64(2 * 3600 + 5) << QStringLiteral("2 h ago");
    QTest::newRow("days") << qint64(3 * 86400) << QStringLiteral("3 days ago");
}

void TestSourceHealth::formatAgo_roundsToTheLargestUnit()
{
    QFETCH(qint64, agoSeconds);
    QFETCH(QString, expected);
    const QDateTime then = agoSeconds < 0 ? QDateTime() : kNow.addSecs(-agoSeconds);
    QCOMPARE(ba::formatAgo(then, kNow), expected);
    // A time slightly in the future (clock skew) reads as now, never as a negative age.
    QCOMPARE(ba::formatAgo(kNow.addSecs(30), kNow), QStringLiteral("just now"));
}

void TestSourceHealth::formatDurationMs_countsDownInWholeSeconds_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rounds up") << qint64(41200) << QStringLiteral("42 s");
    QTest::newRow("minutes") << qint64(185000) << QStringLiteral("3 min 05 s");
    QTest::newRow("hours") << qint64(3720000) << QStringLiteral("1 h 02 min");
    QTest::newRow("negative is zero") << qint64(-5) << QStringLiteral("0 s");
}

void TestSourceHealth::formatDurationMs_countsDownInWholeSeconds()
{
    QFETCH(qint64, ms);
    QFETCH(QString, expected);
    QCOMPARE(ba::formatDurationMs(ms), expected);
}

void TestSourceHealth::describeLastError_namesMessageTargetAndDetail()
{
    SourceHealth health;
    health.lastError.kind = FetchError::Kind::Offline;
    health.lastError.userMessage = QStringLiteral("CoinGecko cannot be reached. Check the connection.");
    health.lastError.detail = QStringLiteral("network error 1: Connection refused");
    health.lastErrorTarget = QStringLiteral("http://127.0.0.1:9/api/v3/ping");
    QCOMPARE(ba::describeLastError(health),
             QStringLiteral("CoinGecko cannot be reached. Check the connection. "
                            "(http://127.0.0.1:9/api/v3/ping: network error 1: Connection refused)"));

    health.lastError.userMessage.clear();
    health.lastError.detail.clear();
    health.lastError.httpStatus = 503;
    health.lastErrorTarget.clear();
    QCOMPARE(ba::describeLastError(health), QStringLiteral("Offline (HTTP 503)"));
}

void TestSourceHealth::describeLastError_noError_isEmpty()
{
    QVERIFY(ba::describeLastError(SourceHealth()).isEmpty());
}

void TestSourceHealth::sourceDisplayName_knownAndRssSources()
{
    QCOMPARE(ba::sourceDisplayName(QStringLiteral("coingecko")), QStringLiteral("CoinGecko"));
    QCOMPARE(ba::sourceDisplayName(QStringLiteral("gemini")), QStringLiteral("Gemini"));
    QCOMPARE(ba::sourceDisplayName(QStringLiteral("news-browser")), QStringLiteral("News site (browser)"));
    QCOMPARE(ba::sourceDisplayName(QStringLiteral("rss:coindesk")), QStringLiteral("RSS feed coindesk"));
    QCOMPARE(ba::sourceDisplayName(QStringLiteral("rss:coindesk")), QStringLiteral("RSS feed coindesk"));
    QCOMPARE(ba::sourceDisplayName(QStringLiteral("other")), QStringLiteral("other"));
}

QTEST_GUILESS_MAIN(TestSourceHealth)
#include "tst_sourcehealth.moc"
