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
#include <QSqlQuery>
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

    void refresh_afterTheClockWentBack_countsTheFutureFetchAsStale()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QSignalSpy finished(rig.prices.get(), &PriceService::finished);
        rig.prices->refresh(QStringLiteral("r1"));
        QVERIFY(finished.wait(10000));
        const int before = rig.coinGecko.totalRequests();

        rig.nowMs -= 2 * 60 * 60 * 1000; // the clock moved back two hours: the fetch is "in the future"
        rig.prices->refresh(QStringLiteral("r2"));
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.constLast().constFirst().value<StepReport>().skipped);
        QCOMPARE(rig.coinGecko.totalRequests(), before + 3);
    }

    void refresh_servesShorterRangesOfTheSameSpacingFromOneFetch()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Quarter);
        QSignalSpy finished(rig.prices.get(), &PriceService::finished);
        rig.prices->refresh(QStringLiteral("r1"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(rig.prices->data().prices.size(), 90 * 24 + 1);
        QCOMPARE(rig.prices->data().sampleStepMs, 3600 * 1000);

        // 30D is inside those 90 days of hourly prices (only its 4-hour candles are new); 7D is inside
        // both; 24H needs 5-minute prices.
        rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Month);
        QCOMPARE(rig.prices->data().prices.size(), 30 * 24 + 1);
        rig.prices->refresh(QStringLiteral("r2"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(rig.coinGecko.requestCount(QStringLiteral("/coins/bitcoin/ohlc")), 2);
        rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Week);
        QCOMPARE(rig.prices->data().prices.size(), 7 * 24 + 1);
        rig.prices->refresh(QStringLiteral("r3"));
        QVERIFY(finished.constLast().constFirst().value<StepReport>().skipped);
        QCOMPARE(rig.coinGecko.requestCount(QStringLiteral("/coins/bitcoin/market_chart")), 1);
        rig.prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), PriceRange::Day);
        QVERIFY(rig.prices->data().prices.isEmpty()); // hourly prices are not shown as 24H
        rig.prices->refresh(QStringLiteral("r4"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(rig.prices->data().prices.size(), 24 * 12 + 1);
        QCOMPARE(rig.coinGecko.requestCount(QStringLiteral("/coins/bitcoin/market_chart")), 2);
    }

    void refresh_writeFails_reportsTheStepFailedAndMarksNothingFresh()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QSqlQuery pragma(rig.db.connection());
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA page_count")) && pragma.next());
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pragma.value(0).toInt())));
        QSignalSpy finished(rig.prices.get(), &PriceService::finished);
        QSignalSpy failed(rig.prices.get(), &PriceService::failed);
        rig.prices->refresh(QStringLiteral("r1"));
        QVERIFY(finished.wait(10000));
        const auto report = finished.constLast().constFirst().value<StepReport>();
        QVERIFY(!report.ok);
        QCOMPARE(report.error.kind, FetchError::Kind::StorageFailed);
        QVERIFY(report.error.userMessage.contains(QLatin1String("could not be saved")));
        QVERIFY(!failed.isEmpty());
        QVERIFY(rig.prices->data().prices.isEmpty());
        QVERIFY(!rig.store
                     ->lastFetched(QStringLiteral("coingecko"), QStringLiteral("bitcoin"),
                                   QStringLiteral("usd"), QStringLiteral("market_chart:1h"))
                     .has_value());

        // The next refresh asks again, because nothing was marked fresh.
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
        rig.prices->refresh(QStringLiteral("r2"));
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.constLast().constFirst().value<StepReport>().ok);
        QCOMPARE(rig.prices->data().prices.size(), 30 * 24 + 1);
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
