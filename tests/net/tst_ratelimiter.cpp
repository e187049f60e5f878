#include "fakes/FakeCoinGecko.h"
#include "net/CoinGeckoClient.h"
#include "net/HttpClient.h"
#include "net/RateLimiter.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using ba::RateLimiter;

class TestRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_now = 0; }
    void acquire_withinBudget_runsAtOnce();
    void acquire_overBudget_waitsForOldestToAgeOut();
    void acquire_queued_runsInArrivalOrder();
    void cancel_queuedTicket_neverRuns();
    void acquire_contextDestroyed_skipsWithoutSpendingSlot();
    void acquire_unlimitedBudget_neverQueues();
    void acquire_realClock_wakesItself();
    void burstOfRangeSwitches_staysWithinBudgetAndCoalesces();
    void holdFor_queuesEveryCallerUntilThePauseIsOver();
    void holdFor_shorterPause_keepsTheLongerOne();

private:
    qint64 m_now = 0;
    RateLimiter::Clock manualClock()
    {
        return [this] { return m_now; };
    }
};

void TestRateLimiter::acquire_withinBudget_runsAtOnce()
{
    RateLimiter limiter({3, 1000}, manualClock());
    int ran = 0;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(limiter.acquire(this, [&] { ++ran; }) != 0);
    }
    QCOMPARE(ran, 3);
    QCOMPARE(limiter.queued(), 0);
    QCOMPARE(limiter.msUntilNextSlot(), 1000);
}

void TestRateLimiter::acquire_overBudget_waitsForOldestToAgeOut()
{
    RateLimiter limiter({2, 1000}, manualClock());
    int ran = 0;
    m_now = 0;
    limiter.acquire(this, [&] { ++ran; });
    m_now = 400;
    limiter.acquire(this, [&] { ++ran; });
    limiter.acquire(this, [&] { ++ran; }); // third in the window: waits
    QCOMPARE(ran, 2);
    QCOMPARE(limiter.queued(), 1);
    QCOMPARE(limiter.msUntilNextSlot(), 600);

    m_now = 999;
    limiter.pump();
    QCOMPARE(ran, 2); // the first start is still inside the window
    m_now = 1000;
    limiter.pump();
    QCOMPARE(ran, 3);
    QCOMPARE(limiter.queued(), 0);
    QCOMPARE(limiter.msUntilNextSlot(), 400); // now the start at 400 blocks
}

void TestRateLimiter::acquire_queued_runsInArrivalOrder()
{
    RateLimiter limiter({1, 100}, manualClock());
    QList<int> order;
    for (int i = 0; i < 4; ++i) {
        limiter.acquire(this, [&order, i] { order.append(i); });
    }
    QCOMPARE(order, QList<int>{0});
    for (int step = 1; step <= 3; ++step) {
        m_now += 100;
        limiter.pump();
    }
    QCOMPARE(order, (QList<int>{0, 1, 2, 3}));
}

void TestRateLimiter::cancel_queuedTicket_neverRuns()
{
    RateLimiter limiter({1, 100}, manualClock());
    QList<int> order;
    limiter.acquire(this, [&] { order.append(0); });
    const auto ticket = limiter.acquire(this, [&] { order.append(1); });
    limiter.acquire(this, [&] { order.append(2); });
    limiter.cancel(ticket);
    QCOMPARE(limiter.queued(), 1);
    m_now = 100;
    limiter.pump();
    QCOMPARE(order, (QList<int>{0, 2}));
}

void TestRateLimiter::acquire_contextDestroyed_skipsWithoutSpendingSlot()
{
    RateLimiter limiter({1, 100}, manualClock());
    QList<int> order;
    limiter.acquire(this, [&] { order.append(0); });
    auto gone = std::make_unique<QObject>();
    limiter.acquire(gone.get(), [&] { order.append(1); });
    limiter.acquire(this, [&] { order.append(2); });
    gone.reset();
    m_now = 100;
    limiter.pump();
    QCOMPARE(order, (QList<int>{0, 2}));
}

void TestRateLimiter::acquire_unlimitedBudget_neverQueues()
{
    RateLimiter limiter({0, 1000}, manualClock());
    int ran = 0;
    for (int i = 0; i < 1000; ++i) {
        limiter.acquire(this, [&] { ++ran; });
    }
    QCOMPARE(ran, 1000);
    QCOMPARE(limiter.msUntilNextSlot(), 0);
}

void TestRateLimiter::acquire_realClock_wakesItself()
{
    RateLimiter limiter({1, 150});
    QSignalSpy changes(&limiter, &RateLimiter::queueChanged);
    QElapsedTimer elapsed;
    elapsed.start();
    qint64 secondAt = -1;
    limiter.acquire(this, [] {});
    limiter.acquire(this, [&] { secondAt = elapsed.elapsed(); });
    QVERIFY(!changes.isEmpty());
    QCOMPARE(changes.last().at(0).toInt(), 1);
    QTRY_VERIFY(secondAt >= 0);
    QVERIFY2(secondAt >= 145, qPrintable(QString::number(secondAt)));
    QCOMPARE(changes.last().at(0).toInt(), 0);
}

// A user flicking through ranges: 50 market_chart calls at once over 12 distinct ranges. The fake
// must never see more than the budget in any window, and repeated ranges share one request.
void TestRateLimiter::burstOfRangeSwitches_staysWithinBudgetAndCoalesces()
{
    ba::fakes::FakeCoinGecko fake;
    QVERIFY(fake.listen());
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    ba::HttpClient http(&nam);
    ba::CoinGeckoClient::Config config;
    config.baseUrl = fake.baseUrl();
    const RateLimiter::Budget budget{5, 500};
    config.budget = budget;
    ba::CoinGeckoClient client(&http, config);

    const int ranges[] = {1, 7, 14, 30, 90, 180, 365, 2, 3, 5, 60, 120};
    int finished = 0;
    int failed = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 0; i < 50; ++i) {
        auto *reply =
            client.marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), ranges[(i * 5) % 12]);
        connect(reply, &ba::ApiCall::finished, this, [reply, &finished, &failed] {
            ++finished;
            failed += reply->ok() && !reply->value().isEmpty() ? 0 : 1;
        });
    }
    QTRY_COMPARE(client.rateLimiter()->queued(), 12 - budget.requests); // duplicates never queue

    QTRY_COMPARE_WITH_TIMEOUT(finished, 50, 5000);
    QCOMPARE(failed, 0);
    QCOMPARE(fake.totalRequests(), 12); // 38 calls were answered by a request already on its way
    // Arrival times jitter by a few ms against send times; the limiter itself is exact (tests above).
    QVERIFY2(fake.maxRequestsInWindow(budget.windowMs - 50) <= budget.requests,
             qPrintable(QString::number(fake.maxRequestsInWindow(budget.windowMs - 50))));
    QVERIFY(elapsed.elapsed() >= 2 * budget.windowMs - 50); // 12 requests need three windows
}

// A 429 with Retry-After: no caller of the service starts inside the pause, however much budget is left.
void TestRateLimiter::holdFor_queuesEveryCallerUntilThePauseIsOver()
{
    RateLimiter limiter({10, 60000}, manualClock());
    QList<int> order;
    limiter.acquire(this, [&] { order.append(0); });
    limiter.holdFor(3000);
    QCOMPARE(limiter.holdRemainingMs(), 3000);
    QCOMPARE(limiter.msUntilNextSlot(), 3000);
    limiter.acquire(this, [&] { order.append(1); });
    limiter.acquire(this, [&] { order.append(2); });
    QCOMPARE(order, QList<int>{0});
    QCOMPARE(limiter.queued(), 2);

    m_now = 2999;
    limiter.pump();
    QCOMPARE(order, QList<int>{0});
    QCOMPARE(limiter.msUntilNextSlot(), 1);
    m_now = 3000;
    limiter.pump();
    QCOMPARE(order, (QList<int>{0, 1, 2}));
    QCOMPARE(limiter.holdRemainingMs(), 0);
    QCOMPARE(limiter.slotsLeft(), 7);
}

void TestRateLimiter::holdFor_shorterPause_keepsTheLongerOne()
{
    RateLimiter limiter({10, 60000}, manualClock());
    limiter.holdFor(5000);
    m_now = 1000;
    limiter.holdFor(1000); // a later, shorter Retry-After does not cut the first one short
    QCOMPARE(limiter.holdRemainingMs(), 4000);
    limiter.holdFor(6000);
    QCOMPARE(limiter.holdRemainingMs(), 6000);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
