#include "domain/PriceRange.h"
#include "fakes/FakeHttpServer.h"
#include "net/HttpClient.h"
#include "net/RateLimiter.h"
#include "news/RssSource.h"
#include "services/SourceMetrics.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>
#include <memory>

using namespace ba;
using ba::fakes::FakeHttpServer;
using ba::fakes::FakeRequest;
using ba::fakes::FakeResponse;

namespace {

// A wall clock the test moves by hand.
struct ManualClock
{
    std::shared_ptr<QDateTime> now =
        std::make_shared<QDateTime>(QDate(2026, 11, 29), QTime(10, 0, 0), Qt::UTC);
    SourceMetrics::Clock clock() const
    {
        auto shared = now;
        return [shared] { return *shared; };
    }
    void advanceMs(qint64 ms) const { *now = now->addMSecs(ms); }
};

FetchError makeError(FetchError::Kind kind, const QString &message = QString(),
                     const QString &detail = QString())
{
    FetchError error;
    error.kind = kind;
    error.userMessage = message;
    error.detail = detail;
    return error;
}

// A finished CoinGecko request to this path (and query) on an unreachable local port.
HttpResult geckoResult(const QString &pathAndQuery, const FetchError &error = FetchError())
{
    HttpResult result;
    result.url = QUrl(QStringLiteral("http://127.0.0.1:1/api/v3") + pathAndQuery);
    result.error = error;
    return result;
}

QList<int> states(const QSignalSpy &spy)
{
    QList<int> result;
    for (const QList<QVariant> &args : spy) {
        result.append(int(args.at(1).value<HealthState>()));
    }
    return result;
}

} // namespace

class TestSourceMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addSource_beforeAnyRequest_isUnknownWithDisplayName();
    void recordOutcome_knownLatencies_giveExactPercentilesAndCounts();
    void recordOutcome_transitions_okFailingOkBlockedStale();
    void reevaluate_afterThreshold_turnsStaleAndBackOnSuccess();
    void recordOutcome_cancelled_changesNothing();
    void recordResult_errorTarget_hasNoQueryAndNoKey();
    void recordStep_failedAfterHttpSuccess_marksFailingWithStepMessage();
    void recordStep_sameKindAsRequest_replacesSentenceOnly();
    void recordStep_skippedOrUnmapped_changesNothing();
    void recordStep_stateFollowsThePricesNotAnIncidentalRequest();
    void recordResult_eachEndpointKeepsItsOwnLastError();
    void rateLimiter_budgetLeftAndBackoffFollowTheLimiter();
    void retryAfter_countsDownUntilPassed();
    void attach_httpAgainstFake_okFailingOkWithRealLatencies();
    void attach_unreachableEndpoint_namesUrlAndSocketError();
    void attach_twoRssFeeds_oneRowEach();
    void staleAfterForRefresh_agreesWithHeaderAndSlowTimers();
};

void TestSourceMetrics::addSource_beforeAnyRequest_isUnknownWithDisplayName()
{
    SourceMetrics metrics;
    QSignalSpy added(&metrics, &SourceMetrics::sourceAdded);
    metrics.addSource(QStringLiteral("coingecko"));
    metrics.addSource(QStringLiteral("rss:coindesk"), QStringLiteral("CoinDesk RSS"));
    metrics.addSource(QStringLiteral("coingecko")); // twice is once

    QCOMPARE(added.count(), 2);
    QCOMPARE(metrics.sources(), (QStringList{QStringLiteral("coingecko"), QStringLiteral("rss:coindesk")}));
    const SourceHealth gecko = metrics.health(QStringLiteral("coingecko"));
    QCOMPARE(gecko.state, HealthState::Unknown);
    QCOMPARE(gecko.displayName, QStringLiteral("CoinGecko"));
    QCOMPARE(gecko.p50Ms, qint64(-1));
    QCOMPARE(metrics.health(QStringLiteral("rss:coindesk")).displayName, QStringLiteral("CoinDesk RSS"));
}

void TestSourceMetrics::recordOutcome_knownLatencies_giveExactPercentilesAndCounts()
{
    SourceMetrics metrics;
    for (int i = 100; i >= 1; --i) { // reverse order: percentiles do not depend on it
        const bool ok = i % 10 != 0;
        metrics.recordOutcome(QStringLiteral("coingecko"), i * 10,
                              ok ? FetchError() : makeError(FetchError::Kind::ServerError));
    }
    const SourceHealth health = metrics.health(QStringLiteral("coingecko"));
    QCOMPARE(health.requests, 100);
    QCOMPARE(health.errors, 10);
    QCOMPARE(health.lastLatencyMs, qint64(10));
    QCOMPARE(health.p50Ms, qint64(500));
    QCOMPARE(health.p95Ms, qint64(950));
}

void TestSourceMetrics::recordOutcome_transitions_okFailingOkBlockedStale()
{
    ManualClock clock;
    SourceMetrics metrics(clock.clock());
    metrics.setStaleAfter(60000);
    QSignalSpy changes(&metrics, &SourceMetrics::stateChanged);
    const QString news = QStringLiteral("news-browser");

    metrics.recordOutcome(news, 900, FetchError());
    QCOMPARE(metrics.health(news).state, HealthState::Ok);
    clock.advanceMs(1000);
    metrics.recordOutcome(news, 30000, makeError(FetchError::Kind::Timeout, QStringLiteral("Too slow.")));
    QCOMPARE(metrics.health(news).state, HealthState::Failing);
    metrics.recordOutcome(news, 800, FetchError());
    QCOMPARE(metrics.health(news).state, HealthState::Ok);
    metrics.recordOutcome(news, 1200, makeError(FetchError::Kind::Blocked, QStringLiteral("Bot wall.")));
    QCOMPARE(metrics.health(news).state, HealthState::Blocked);
    metrics.recordOutcome(news, 700, FetchError());
    clock.advanceMs(60001);
    metrics.reevaluate();
    QCOMPARE(metrics.health(news).state, HealthState::Stale);

    using S = HealthState;
    QCOMPARE(states(changes), (QList<int>{int(S::Ok), int(S::Failing), int(S::Ok), int(S::Blocked),
                                          int(S::Ok), int(S::Stale)}));
    QCOMPARE(changes.constFirst().at(0).toString(), news);
    // The last error stays on record after recovery, with when it happened.
    const SourceHealth health = metrics.health(news);
    QCOMPARE(health.lastError.kind, FetchError::Kind::Blocked);
    QCOMPARE(health.lastErrorTime, clock.now->addMSecs(-60001));
}

void TestSourceMetrics::reevaluate_afterThreshold_turnsStaleAndBackOnSuccess()
{
    ManualClock clock;
    SourceMetrics metrics(clock.clock());
    QCOMPARE(metrics.staleAfterMs(), SourceMetrics::DefaultStaleAfterMs);
    metrics.recordOutcome(QStringLiteral("coingecko"), 100, FetchError());
    QSignalSpy changes(&metrics, &SourceMetrics::stateChanged);

    clock.advanceMs(SourceMetrics::DefaultStaleAfterMs);
    metrics.reevaluate();
    QCOMPARE(changes.count(), 0); // exactly at the threshold: still fresh
    clock.advanceMs(1);
    metrics.reevaluate();
    metrics.reevaluate(); // announced once
    QCOMPARE(states(changes), QList<int>{int(HealthState::Stale)});
    QCOMPARE(metrics.health(QStringLiteral("coingecko")).lastSuccess,
             clock.now->addMSecs(-SourceMetrics::DefaultStaleAfterMs - 1));

    metrics.recordOutcome(QStringLiteral("coingecko"), 100, FetchError());
    QCOMPARE(states(changes), (QList<int>{int(HealthState::Stale), int(HealthState::Ok)}));
}

void TestSourceMetrics::recordOutcome_cancelled_changesNothing()
{
    SourceMetrics metrics;
    metrics.recordOutcome(QStringLiteral("gemini"), 100, FetchError());
    QSignalSpy changed(&metrics, &SourceMetrics::sourceChanged);
    metrics.recordOutcome(QStringLiteral("gemini"), 5000, makeError(FetchError::Kind::Cancelled));
    metrics.recordRequest(QStringLiteral("gemini"), 5000, false, FetchError::Kind::Cancelled);

    QCOMPARE(changed.count(), 0);
    const SourceHealth health = metrics.health(QStringLiteral("gemini"));
    QCOMPARE(health.requests, 1);
    QCOMPARE(health.state, HealthState::Ok);
}

void TestSourceMetrics::recordResult_errorTarget_hasNoQueryAndNoKey()
{
    SourceMetrics metrics;
    HttpResult result;
    result.url = QUrl(QStringLiteral("https://user:pw@api.coingecko.example/api/v3/simple/"
                                     "price?ids=bitcoin&x_cg_demo_api_key=CG-PLANTED-1234"));
    result.error = makeError(FetchError::Kind::Unauthorized, QStringLiteral("CoinGecko refused the API key."),
                             QStringLiteral("HTTP 401 for /simple/price?key=CG-PLANTED-1234"));
    result.error.httpStatus = 401;
    result.latencyMs = 321;
    metrics.recordResult(QStringLiteral("coingecko"), result);

    const SourceHealth health = metrics.health(QStringLiteral("coingecko"));
    QCOMPARE(health.state, HealthState::Failing);
    QCOMPARE(health.lastErrorTarget, QStringLiteral("https://api.coingecko.example/api/v3/simple/price"));
    const QString words = describeLastError(health);
    QVERIFY2(!words.contains(QStringLiteral("PLANTED")), qPrintable(words));
    QVERIFY(!words.contains(QStringLiteral("pw@")));
    QVERIFY(
        words.startsWith(QStringLiteral("CoinGecko refused the API key. (https://api.coingecko.example/")));
    QCOMPARE(health.lastLatencyMs, qint64(321));
}

void TestSourceMetrics::recordStep_failedAfterHttpSuccess_marksFailingWithStepMessage()
{
    SourceMetrics metrics;
    metrics.recordOutcome(QStringLiteral("coingecko"), 200, FetchError());
    StepReport report;
    report.step = QStringLiteral("prices");
    report.ok = false;
    report.error =
        makeError(FetchError::Kind::BadResponse, QStringLiteral("CoinGecko's answer could not be read."));
    metrics.recordStep(report);

    const SourceHealth health = metrics.health(QStringLiteral("coingecko"));
    QCOMPARE(health.state, HealthState::Failing);
    QCOMPARE(health.requests, 1); // a step is not a request
    QCOMPARE(health.errors, 1);
    QCOMPARE(health.lastError.userMessage, QStringLiteral("CoinGecko's answer could not be read."));
}

void TestSourceMetrics::recordStep_sameKindAsRequest_replacesSentenceOnly()
{
    SourceMetrics metrics;
    HttpResult result;
    result.url = QUrl(QStringLiteral("http://127.0.0.1:1/api/v3/coins/bitcoin/market_chart"));
    result.error =
        makeError(FetchError::Kind::NotFound, QStringLiteral("Not found."), QStringLiteral("HTTP 404"));
    metrics.recordResult(QStringLiteral("coingecko"), result);
    StepReport report;
    report.step = QStringLiteral("prices");
    report.ok = false;
    report.error = makeError(FetchError::Kind::NotFound,
                             QStringLiteral("CoinGecko does not know the coin \"bitcoin\"."));
    metrics.recordStep(report);

    const SourceHealth health = metrics.health(QStringLiteral("coingecko"));
    QCOMPARE(health.errors, 1);
    QCOMPARE(health.lastError.userMessage, QStringLiteral("CoinGecko does not know the coin \"bitcoin\"."));
    QCOMPARE(health.lastError.detail, QStringLiteral("HTTP 404"));
    QCOMPARE(health.lastErrorTarget, QStringLiteral("http://127.0.0.1:1/api/v3/coins/bitcoin/market_chart"));
}

void TestSourceMetrics::recordStep_skippedOrUnmapped_changesNothing()
{
    SourceMetrics metrics;
    metrics.recordOutcome(QStringLiteral("coingecko"), 200, FetchError());
    QSignalSpy changed(&metrics, &SourceMetrics::sourceChanged);
    StepReport skipped;
    skipped.step = QStringLiteral("prices");
    skipped.ok = false;
    skipped.skipped = true;
    skipped.error = makeError(FetchError::Kind::Offline);
    metrics.recordStep(skipped);
    StepReport unmapped = skipped;
    unmapped.skipped = false;
    unmapped.step = QStringLiteral("analysis");
    metrics.recordStep(unmapped);
    StepReport news = unmapped; // a failed news step says nothing about the browser row
    news.step = QStringLiteral("news");
    metrics.recordStep(news);
    QCOMPARE(changed.count(), 0);

    metrics.setStepSource(QStringLiteral("analysis"), QStringLiteral("gemini"));
    metrics.recordStep(unmapped);
    QCOMPARE(metrics.health(QStringLiteral("gemini")).state, HealthState::Failing);
    metrics.setStepSource(QStringLiteral("prices"), QString());
    StepReport failedPrices = unmapped;
    failedPrices.step = QStringLiteral("prices");
    metrics.recordStep(failedPrices);
    QCOMPARE(metrics.health(QStringLiteral("coingecko")).state, HealthState::Ok);
}

// Issue 11: the coin list succeeding after the prices failed must not turn CoinGecko OK, and the
// coin list failing after the prices arrived must not turn it failing.
void TestSourceMetrics::recordStep_stateFollowsThePricesNotAnIncidentalRequest()
{
    ManualClock clock;
    SourceMetrics metrics(clock.clock());
    const QString gecko = QStringLiteral("coingecko");
    HttpResult chart =
        geckoResult(QStringLiteral("/coins/bitcoin/market_chart?days=30"),
                    makeError(FetchError::Kind::ServerError, QStringLiteral("CoinGecko has a problem.")));
    metrics.recordResult(gecko, chart);
    StepReport prices;
    prices.step = QStringLiteral("prices");
    prices.ok = false;
    prices.error = chart.error;
    metrics.recordStep(prices);
    HttpResult coinList = geckoResult(QStringLiteral("/coins/markets?vs_currency=usd"));
    clock.advanceMs(1000);
    metrics.recordResult(gecko, coinList);

    SourceHealth health = metrics.health(gecko);
    QCOMPARE(health.state, HealthState::Failing);
    QCOMPARE(health.errors, 1); // the failed request; its step is not a second error
    QCOMPARE(health.lastError.userMessage, QStringLiteral("CoinGecko has a problem."));
    QVERIFY(!health.lastSuccess.isValid()); // the prices never arrived
    QCOMPARE(health.requests, 2);

    clock.advanceMs(1000);
    chart.error = FetchError();
    metrics.recordResult(gecko, chart);
    prices.ok = true;
    prices.error = FetchError();
    metrics.recordStep(prices);
    const QDateTime pricesArrived = *clock.now;
    clock.advanceMs(1000);
    coinList.error = makeError(FetchError::Kind::RateLimited, QStringLiteral("Slow down."));
    metrics.recordResult(gecko, coinList);

    health = metrics.health(gecko);
    QCOMPARE(health.state, HealthState::Ok);
    QCOMPARE(health.lastSuccess, pricesArrived);
    QCOMPARE(health.lastError.kind, FetchError::Kind::RateLimited); // kept, with its time
}

void TestSourceMetrics::recordResult_eachEndpointKeepsItsOwnLastError()
{
    ManualClock clock;
    SourceMetrics metrics(clock.clock());
    const QString gecko = QStringLiteral("coingecko");
    HttpResult chart = geckoResult(QStringLiteral("/coins/bitcoin/market_chart?days=30"),
                                   makeError(FetchError::Kind::NotFound, QStringLiteral("No such coin.")));
    metrics.recordResult(gecko, chart);
    clock.advanceMs(1000);
    metrics.recordResult(gecko, geckoResult(QStringLiteral("/coins/markets?x_cg_demo_api_key=SECRET")));
    clock.advanceMs(1000);
    chart.error = FetchError();
    metrics.recordResult(gecko, chart);

    const QList<EndpointHealth> endpoints = metrics.health(gecko).endpoints;
    QCOMPARE(endpoints.size(), 2);
    QCOMPARE(endpoints.at(0).target, QStringLiteral("http://127.0.0.1:1/api/v3/coins/markets"));
    QVERIFY(!endpoints.at(0).lastError.isError());
    QCOMPARE(endpoints.at(1).target, QStringLiteral("http://127.0.0.1:1/api/v3/coins/bitcoin/market_chart"));
    QCOMPARE(endpoints.at(1).requests, 2);
    QCOMPARE(endpoints.at(1).lastError.userMessage, QStringLiteral("No such coin.")); // kept after recovery
    QVERIFY(!endpoints.at(1).lastFailed());
}

void TestSourceMetrics::rateLimiter_budgetLeftAndBackoffFollowTheLimiter()
{
    qint64 monotonic = 0;
    RateLimiter limiter({3, 60000}, [&monotonic] { return monotonic; });
    SourceMetrics metrics;
    metrics.setRateLimiter(QStringLiteral("gemini"), &limiter);
    QSignalSpy changed(&metrics, &SourceMetrics::sourceChanged);

    SourceHealth health = metrics.health(QStringLiteral("gemini"));
    QCOMPARE(health.budgetTotal, 3);
    QCOMPARE(health.budgetLeft, 3);
    QCOMPARE(health.backoffMs, qint64(0));

    int granted = 0;
    for (int i = 0; i < 4; ++i) {
        limiter.acquire(this, [&granted] { ++granted; });
    }
    QCOMPARE(granted, 3);
    QVERIFY(changed.count() > 0); // the queue moving updates the panel
    monotonic = 20000;
    health = metrics.health(QStringLiteral("gemini"));
    QCOMPARE(health.budgetLeft, 0);
    QCOMPARE(health.backoffMs, qint64(40000));
}

void TestSourceMetrics::retryAfter_countsDownUntilPassed()
{
    ManualClock clock;
    SourceMetrics metrics(clock.clock());
    FetchError quota = makeError(FetchError::Kind::RateLimited, QStringLiteral("Gemini quota exhausted."));
    quota.retryAfterSeconds = 30;
    metrics.recordOutcome(QStringLiteral("gemini"), 150, quota);
    QCOMPARE(metrics.health(QStringLiteral("gemini")).backoffMs, qint64(30000));
    QCOMPARE(metrics.health(QStringLiteral("gemini")).state, HealthState::Failing);
    clock.advanceMs(12000);
    QCOMPARE(metrics.health(QStringLiteral("gemini")).backoffMs, qint64(18000));
    clock.advanceMs(30000);
    QCOMPARE(metrics.health(QStringLiteral("gemini")).backoffMs, qint64(0));
}

void TestSourceMetrics::attach_httpAgainstFake_okFailingOkWithRealLatencies()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    bool failing = false;
    server.route("GET", QStringLiteral("/api/v3/ping"), [&failing](const FakeRequest &) {
        FakeResponse response = failing ? FakeResponse::json(503, "{\"error\":\"maintenance\"}")
                                        : FakeResponse::json(200, "{\"gecko_says\":\"(V3) To the Moon!\"}");
        response.delayMs = 30;
        return response;
    });
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    HttpClient client(&nam);
    SourceMetrics metrics;
    metrics.attach(&client);
    QSignalSpy states(&metrics, &SourceMetrics::stateChanged);

    auto request = [&server] {
        HttpRequest r;
        r.url = server.url(QStringLiteral("/api/v3/ping"));
        r.source = QStringLiteral("coingecko");
        r.maxAttempts = 1;
        return r;
    };
    const auto runOnce = [&] {
        QSignalSpy done(&client, &HttpClient::requestFinished);
        client.send(request());
        return done.wait(10000);
    };
    QVERIFY(runOnce());
    failing = true;
    QVERIFY(runOnce());
    SourceHealth health = metrics.health(QStringLiteral("coingecko"));
    QCOMPARE(health.state, HealthState::Failing);
    QCOMPARE(health.lastError.kind, FetchError::Kind::ServerError);
    QCOMPARE(health.lastErrorTarget, server.url(QStringLiteral("/api/v3/ping")).toDisplayString());
    QVERIFY(!health.lastError.userMessage.isEmpty());
    failing = false;
    QVERIFY(runOnce());

    health = metrics.health(QStringLiteral("coingecko"));
    QCOMPARE(health.state, HealthState::Ok);
    QCOMPARE(health.requests, 3);
    QCOMPARE(health.errors, 1);
    QVERIFY2(health.p50Ms >= 30 && health.p95Ms >= health.p50Ms,
             qPrintable(formatLatencyPair(health.p50Ms, health.p95Ms)));
    QCOMPARE(states.count(), 3); // OK, Failing, OK
}

void TestSourceMetrics::attach_unreachableEndpoint_namesUrlAndSocketError()
{
    // A port that was just free: nothing listens there, the connection is refused.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    HttpClient client(&nam);
    SourceMetrics metrics;
    metrics.attach(&client);
    HttpRequest request;
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/v3/ping").arg(port));
    request.source = QStringLiteral("coingecko");
    request.maxAttempts = 1;
    QSignalSpy done(&client, &HttpClient::requestFinished);
    client.send(request);
    QVERIFY(done.wait(10000));

    const SourceHealth health = metrics.health(QStringLiteral("coingecko"));
    QCOMPARE(health.state, HealthState::Failing);
    QCOMPARE(health.lastError.kind, FetchError::Kind::Offline);
    const QString words = describeLastError(health);
    QVERIFY2(words.contains(QStringLiteral("http://127.0.0.1:%1/api/v3/ping").arg(port)), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(words));
}

void TestSourceMetrics::attach_twoRssFeeds_oneRowEach()
{
    FakeHttpServer server;
    QVERIFY(server.listen());
    const QByteArray feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                            "<item><title>One</title><link>https://n.example/1</link></item></channel></rss>";
    server.route("GET", QStringLiteral("/good.xml"), [&feed](const FakeRequest &) {
        return FakeResponse::withType(200, "application/rss+xml", feed);
    });
    server.route("GET", QStringLiteral("/gone.xml"),
                 [](const FakeRequest &) { return FakeResponse::html(404, "<h1>Not found</h1>"); });
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    HttpClient client(&nam);
    SourceMetrics metrics;
    metrics.attach(&client);

    const auto fetch = [&](const QString &id, const QString &path) {
        NewsSiteProfile profile;
        profile.id = id;
        profile.name = id;
        profile.kind = NewsSiteProfile::Kind::Rss;
        profile.url = server.url(path);
        RssSource source(&client, profile);
        QSignalSpy finished(&source, &RssSource::finished);
        return source.fetch() && finished.wait(10000);
    };
    QVERIFY(fetch(QStringLiteral("good-feed"), QStringLiteral("/good.xml")));
    QVERIFY(fetch(QStringLiteral("gone-feed"), QStringLiteral("/gone.xml")));

    QVERIFY(!metrics.sources().contains(QStringLiteral("rss")));
    const SourceHealth good = metrics.health(QStringLiteral("rss:good-feed"));
    QCOMPARE(good.state, HealthState::Ok);
    QCOMPARE(good.requests, 1);
    QCOMPARE(good.errors, 0);
    QVERIFY(good.lastLatencyMs >= 0);
    const SourceHealth gone = metrics.health(QStringLiteral("rss:gone-feed"));
    QCOMPARE(gone.state, HealthState::Failing);
    QCOMPARE(gone.requests, 1); // a 404 is not retried
    QCOMPARE(gone.errors, 1);
    QCOMPARE(gone.lastError.kind, FetchError::Kind::NotFound);
}

void TestSourceMetrics::staleAfterForRefresh_agreesWithHeaderAndSlowTimers()
{
    const qint64 minute = 60 * 1000;
    // The header's threshold for hourly data is the health rows' default.
    QCOMPARE(SourceMetrics::DefaultStaleAfterMs, priceRange::staleAfterMs(PriceRange::Month));
    QCOMPARE(SourceMetrics::staleAfterForRefresh(0), 30 * minute); // auto-refresh off
    QCOMPARE(SourceMetrics::staleAfterForRefresh(5), 30 * minute);
    QCOMPARE(SourceMetrics::staleAfterForRefresh(15), 30 * minute);
    QCOMPARE(SourceMetrics::staleAfterForRefresh(60), 120 * minute); // two missed refreshes
}

QTEST_GUILESS_MAIN(TestSourceMetrics)
#include "tst_sourcemetrics.moc"
