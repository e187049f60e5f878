#include "fakes/FakeCoinGecko.h"
#include "fakes/LoopbackPrices.h"
#include "net/CoinGeckoClient.h"
#include "net/HttpClient.h"
#include "services/PriceService.h"
#include "services/RefreshCoordinator.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ba;
using ba::fakes::FakeCoinGecko;
using ba::fakes::LoopbackPrices;

// PriceService and RefreshCoordinator against the loopback CoinGecko and a real SQLite store.
class TestPriceService : public QObject
{
    Q_OBJECT

    // The pipeline on the loopback CoinGecko with a "now" the test moves.
    struct Rig : LoopbackPrices
    {
        qint64 nowMs = QDateTime::currentMSecsSinceEpoch();

        bool setUp()
        {
            clock = [this] { return nowMs; };
            if (!LoopbackPrices::setUp()) {
                return false;
            }
            coinGecko.setNowMs(nowMs);
            return true;
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<StepReport>();
        qRegisterMetaType<PriceData>();
    }

    void refresh_fetchesStoresAndServesFromStore()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Month);
        QVERIFY(rig.prices->data().prices.isEmpty());

        QSignalSpy finished(rig.prices.get(), &PriceService::finished);
        rig.prices->refresh(QStringLiteral("r1"));
        QVERIFY(finished.wait(10000));
        const auto report = finished.constFirst().constFirst().value<StepReport>();
        QVERIFY2(report.ok, qPrintable(report.error.detail));
        QVERIFY(report.items > 0);
        QVERIFY(rig.prices->data().prices.size() > 24 * 29); // hourly for 30 days
        QVERIFY(!rig.prices->data().candles.isEmpty());
        QVERIFY(rig.prices->data().snapshot.has_value());
        QVERIFY(!rig.prices->data().stale);
        QCOMPARE(rig.coinGecko.requestCount(QStringLiteral("/coins/bitcoin/market_chart")), 1);
    }

    void refresh_whenFresh_servesCacheWithoutRequests()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Week);
        QSignalSpy finished(rig.prices.get(), &PriceService::finished);
        rig.prices->refresh(QStringLiteral("r1"));
        QVERIFY(finished.wait(10000));
        const int before = rig.coinGecko.totalRequests();

        rig.nowMs += 30 * 1000; // 30 s later: everything still fresh
        rig.prices->refresh(QStringLiteral("r2"));
        QCOMPARE(finished.size(), 2); // synchronous: nothing to fetch
        QVERIFY(finished.constLast().constFirst().value<StepReport>().skipped);
        QCOMPARE(rig.coinGecko.totalRequests(), before);

        rig.nowMs += 10 * 60 * 1000; // hourly data goes stale after ~5 min
        rig.prices->refresh(QStringLiteral("r3"));
        QVERIFY(finished.wait(10000));
        QVERIFY(rig.coinGecko.totalRequests() > before);
    }

    void refresh_onError_keepsCachedDataAndReports_data()
    {
        QTest::addColumn<FakeCoinGecko::Failure>("failure");
        QTest::addColumn<FetchError::Kind>("kind");
        QTest::newRow("429 json") << FakeCoinGecko::Failure::RateLimitJson << FetchError::Kind::RateLimited;
        QTest::newRow("404 coin") << FakeCoinGecko::Failure::CoinNotFound << FetchError::Kind::NotFound;
        QTest::newRow("html challenge") << FakeCoinGecko::Failure::Challenge403 << FetchError::Kind::Blocked;
        QTest::newRow("500") << FakeCoinGecko::Failure::ServerError500 << FetchError::Kind::ServerError;
    }

    void refresh_onError_keepsCachedDataAndReports()
    {
        QFETCH(FakeCoinGecko::Failure, failure);
        QFETCH(FetchError::Kind, kind);
        Rig rig;
        QVERIFY(rig.setUp());
        rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Month);
        QSignalSpy finished(rig.prices.get(), &PriceService::finished);
        rig.prices->refresh(QStringLiteral("r1"));
        QVERIFY(finished.wait(10000));
        const qsizetype cached = rig.prices->data().prices.size();
        QVERIFY(cached > 0);

        rig.coinGecko.setFailure(failure);
        QSignalSpy failed(rig.prices.get(), &PriceService::failed);
        rig.prices->refresh(QStringLiteral("r2"), /*force=*/true);
        QVERIFY(finished.wait(15000));
        const auto report = finished.constLast().constFirst().value<StepReport>();
        QVERIFY(!report.ok);
        QCOMPARE(report.error.kind, kind);
        QVERIFY(!report.error.userMessage.isEmpty());
        QVERIFY(!failed.isEmpty());
        QCOMPARE(rig.prices->data().prices.size(), cached); // nothing lost
    }

    void offline_servesCacheAndMakesNoRequest()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.prices->setOffline(true);
        rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Day);
        QSignalSpy finished(rig.prices.get(), &PriceService::finished);
        rig.prices->refresh(QStringLiteral("r1"), true);
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.constFirst().constFirst().value<StepReport>().skipped);
        QCOMPARE(rig.coinGecko.totalRequests(), 0);
    }

    void coordinator_givesEachRefreshItsOwnId_andSupersedes()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Quarter);
        QSignalSpy done(rig.refresh.get(), &RefreshCoordinator::finished);
        const QString first = rig.refresh->refresh(RefreshCoordinator::Trigger::StartUp);
        const QString second = rig.refresh->refresh(RefreshCoordinator::Trigger::User, true);
        QCOMPARE(first, QStringLiteral("r1"));
        QCOMPARE(second, QStringLiteral("r2"));
        QVERIFY(done.wait(10000));
        QCOMPARE(done.size(), 1); // the superseded refresh never finishes on its own
        QCOMPARE(done.constFirst().constFirst().toString(), second);
        QVERIFY(!rig.prices->data().prices.isEmpty());
    }

    void burstOfRangeSwitches_staysWithinBudget()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        CoinGeckoClient::Config config = rig.client->config();
        config.budget = RateLimiter::Budget{6, 1500};
        rig.client->setConfig(config);
        rig.client->rateLimiter()->setBudget(*config.budget);
        const PriceRange ranges[] = {PriceRange::Day, PriceRange::Week, PriceRange::Month,
                                     PriceRange::Quarter, PriceRange::Year};
        QSignalSpy done(rig.refresh.get(), &RefreshCoordinator::finished);
        for (int i = 0; i < 50; ++i) {
            rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), ranges[i % 5]);
            rig.refresh->refresh(RefreshCoordinator::Trigger::SelectionChange);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 20000);
        QVERIFY2(rig.coinGecko.maxRequestsInWindow(1500) <= 6,
                 qPrintable(QString::number(rig.coinGecko.maxRequestsInWindow(1500))));
        QVERIFY(!rig.prices->data().prices.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPriceService)
#include "tst_priceservice.moc"
