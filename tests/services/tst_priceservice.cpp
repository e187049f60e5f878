#include "fakes/FakeCoinGecko.h"
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

// PriceService and RefreshCoordinator against the loopback CoinGecko and a real SQLite store.
class TestPriceService : public QObject
{
    Q_OBJECT

    struct Rig
    {
        QTemporaryDir dir;
        FakeCoinGecko fake;
        Database db{QStringLiteral("prices-test")};
        std::unique_ptr<PriceStore> store;
        QNetworkAccessManager nam;
        std::unique_ptr<HttpClient> http;
        std::unique_ptr<CoinGeckoClient> client;
        std::unique_ptr<PriceService> service;
        std::unique_ptr<RefreshCoordinator> coordinator;
        qint64 nowMs = QDateTime::currentMSecsSinceEpoch();

        bool setUp()
        {
            if (!fake.listen() ||
                db.open(dir.filePath(QStringLiteral("db.sqlite"))).status != Database::OpenStatus::Ok) {
                return false;
            }
            fake.setNowMs(nowMs);
            store = std::make_unique<PriceStore>(db.connection());
            http = std::make_unique<HttpClient>(&nam);
            RetryPolicy policy = http->retryPolicy();
            policy.baseDelayMs = 10;
            policy.maxDelayMs = 20;
            http->setRetryPolicy(policy);
            CoinGeckoClient::Config config;
            config.baseUrl = fake.baseUrl();
            config.budget = RateLimiter::Budget{1000, 60000};
            config.timeoutMs = 3000;
            client = std::make_unique<CoinGeckoClient>(http.get(), config);
            service = std::make_unique<PriceService>(client.get(), store.get(), [this] { return nowMs; });
            coordinator = std::make_unique<RefreshCoordinator>(service.get());
            return true;
        }

        ~Rig()
        {
            coordinator.reset();
            service.reset();
            client.reset();
            http.reset();
            store.reset();
            db.close();
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
        rig.service->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Month);
        QVERIFY(rig.service->data().prices.isEmpty());

        QSignalSpy finished(rig.service.get(), &PriceService::finished);
        rig.service->refresh(QStringLiteral("r1"));
        QVERIFY(finished.wait(10000));
        const auto report = finished.constFirst().constFirst().value<StepReport>();
        QVERIFY2(report.ok, qPrintable(report.error.detail));
        QVERIFY(report.items > 0);
        QVERIFY(rig.service->data().prices.size() > 24 * 29); // hourly for 30 days
        QVERIFY(!rig.service->data().candles.isEmpty());
        QVERIFY(rig.service->data().snapshot.has_value());
        QVERIFY(!rig.service->data().stale);
        QCOMPARE(rig.fake.requestCount(QStringLiteral("/coins/bitcoin/market_chart")), 1);
    }

    void refresh_whenFresh_servesCacheWithoutRequests()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.service->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Week);
        QSignalSpy finished(rig.service.get(), &PriceService::finished);
        rig.service->refresh(QStringLiteral("r1"));
        QVERIFY(finished.wait(10000));
        const int before = rig.fake.totalRequests();

        rig.nowMs += 30 * 1000; // 30 s later: everything still fresh
        rig.service->refresh(QStringLiteral("r2"));
        QCOMPARE(finished.size(), 2); // synchronous: nothing to fetch
        QVERIFY(finished.constLast().constFirst().value<StepReport>().skipped);
        QCOMPARE(rig.fake.totalRequests(), before);

        rig.nowMs += 10 * 60 * 1000; // hourly data goes stale after ~5 min
        rig.service->refresh(QStringLiteral("r3"));
        QVERIFY(finished.wait(10000));
        QVERIFY(rig.fake.totalRequests() > before);
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
        rig.service->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Month);
        QSignalSpy finished(rig.service.get(), &PriceService::finished);
        rig.service->refresh(QStringLiteral("r1"));
        QVERIFY(finished.wait(10000));
        const qsizetype cached = rig.service->data().prices.size();
        QVERIFY(cached > 0);

        rig.fake.setFailure(failure);
        QSignalSpy failed(rig.service.get(), &PriceService::failed);
        rig.service->refresh(QStringLiteral("r2"), /*force=*/true);
        QVERIFY(finished.wait(15000));
        const auto report = finished.constLast().constFirst().value<StepReport>();
        QVERIFY(!report.ok);
        QCOMPARE(report.error.kind, kind);
        QVERIFY(!report.error.userMessage.isEmpty());
        QVERIFY(!failed.isEmpty());
        QCOMPARE(rig.service->data().prices.size(), cached); // nothing lost
    }

    void offline_servesCacheAndMakesNoRequest()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.service->setOffline(true);
        rig.service->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Day);
        QSignalSpy finished(rig.service.get(), &PriceService::finished);
        rig.service->refresh(QStringLiteral("r1"), true);
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.constFirst().constFirst().value<StepReport>().skipped);
        QCOMPARE(rig.fake.totalRequests(), 0);
    }

    void coordinator_givesEachRefreshItsOwnId_andSupersedes()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.service->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Quarter);
        QSignalSpy done(rig.coordinator.get(), &RefreshCoordinator::finished);
        const QString first = rig.coordinator->refresh(RefreshCoordinator::Trigger::StartUp);
        const QString second = rig.coordinator->refresh(RefreshCoordinator::Trigger::User, true);
        QCOMPARE(first, QStringLiteral("r1"));
        QCOMPARE(second, QStringLiteral("r2"));
        QVERIFY(done.wait(10000));
        QCOMPARE(done.size(), 1); // the superseded refresh never finishes on its own
        QCOMPARE(done.constFirst().constFirst().toString(), second);
        QVERIFY(!rig.service->data().prices.isEmpty());
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
        QSignalSpy done(rig.coordinator.get(), &RefreshCoordinator::finished);
        for (int i = 0; i < 50; ++i) {
            rig.service->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), ranges[i % 5]);
            rig.coordinator->refresh(RefreshCoordinator::Trigger::SelectionChange);
        }
        QTRY_VERIFY_WITH_TIMEOUT(!done.isEmpty(), 20000);
        QVERIFY2(rig.fake.maxRequestsInWindow(1500) <= 6,
                 qPrintable(QString::number(rig.fake.maxRequestsInWindow(1500))));
        QVERIFY(!rig.service->data().prices.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPriceService)
#include "tst_priceservice.moc"
