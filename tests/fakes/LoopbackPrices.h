#pragma once

#include "fakes/FakeCoinGecko.h"
#include "net/CoinGeckoClient.h"
#include "net/HttpClient.h"
#include "services/PriceService.h"
#include "services/RefreshCoordinator.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <memory>

namespace ba::fakes {

// The price half of the app as AppContext builds it — a real SQLite database in a temporary
// folder, the real HttpClient, CoinGeckoClient, PriceService and RefreshCoordinator — pointed at
// FakeCoinGecko on 127.0.0.1. Feature and presenter tests add their part on top.
struct LoopbackPrices
{
    QTemporaryDir dir;
    FakeCoinGecko coinGecko;
    Database db{QStringLiteral("loopback-prices")};
    std::unique_ptr<PriceStore> store;
    QNetworkAccessManager nam;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<CoinGeckoClient> client;
    std::unique_ptr<PriceService> prices;
    std::unique_ptr<RefreshCoordinator> refresh;
    PriceService::Clock clock; // set before setUp() to fix "now" for the service

    bool setUp(PriceRange range = PriceRange::Month)
    {
        if (!dir.isValid() || !coinGecko.listen() ||
            db.open(dir.filePath(QStringLiteral("db.sqlite"))).status != Database::OpenStatus::Ok) {
            return false;
        }
        nam.setProxy(QNetworkProxy::NoProxy);
        store = std::make_unique<PriceStore>(db.connection());
        http = std::make_unique<HttpClient>(&nam);
        RetryPolicy policy = http->retryPolicy();
        policy.baseDelayMs = 10;
        policy.maxDelayMs = 20;
        http->setRetryPolicy(policy);
        CoinGeckoClient::Config config;
        config.baseUrl = coinGecko.baseUrl();
        config.budget = RateLimiter::Budget{1000, 60000};
        config.timeoutMs = 3000;
        client = std::make_unique<CoinGeckoClient>(http.get(), config);
        prices = std::make_unique<PriceService>(client.get(), store.get(), clock);
        prices->select(QStringLiteral("bitcoin"), QStringLiteral("usd"), range);
        refresh = std::make_unique<RefreshCoordinator>();
        prices->attachTo(refresh.get());
        return true;
    }

    // One refresh as F5 starts it (forced); the report of `step` ("prices", "news", "analysis"),
    // or a report without a step name when the refresh did not finish in time.
    StepReport refreshOnce(const QString &step = QStringLiteral("prices"))
    {
        QSignalSpy finished(refresh.get(), &RefreshCoordinator::finished);
        refresh->refresh(RefreshCoordinator::Trigger::User, /*force=*/true);
        if (!finished.wait(15000)) {
            return {};
        }
        for (const StepReport &report : finished.constFirst().at(1).value<QList<StepReport>>()) {
            if (report.step == step) {
                return report;
            }
        }
        return {};
    }

    ~LoopbackPrices()
    {
        refresh.reset();
        prices.reset();
        client.reset();
        http.reset();
        store.reset();
        db.close();
    }
};

} // namespace ba::fakes
