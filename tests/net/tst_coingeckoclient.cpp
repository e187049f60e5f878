#include "fakes/FakeCoinGecko.h"
#include "net/CoinGeckoClient.h"
#include "net/HttpClient.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using ba::ApiCall;
using ba::ApiReply;
using ba::CoinGeckoClient;
using ba::CoinGeckoPlan;
using ba::FetchError;
using ba::fakes::FakeCoinGecko;

namespace {

constexpr qint64 kNow = 1764410619049LL; // 2025-11-29T10:03:39.049Z, off every grid on purpose
constexpr qint64 kMinute = 60 * 1000;

// Waits for the one finished() of a call; the reply stays readable until control returns to the loop.
template <typename T> bool waitFor(ApiReply<T> *reply, int timeoutMs = 8000)
{
    QSignalSpy spy(reply, &ApiCall::finished);
    return spy.wait(timeoutMs) && spy.size() == 1;
}

} // namespace

class TestCoinGeckoClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void ping_answers_geckoSays();
    void simplePrice_knownCoin_fillsSnapshot();
    void simplePrice_unknownCoinAnswersEmptyObject_isNotFound();
    void marketChart_granularity_followsCoinGeckoRules_data();
    void marketChart_granularity_followsCoinGeckoRules();
    void marketChart_allHistory_askedPerPlan_data();
    void marketChart_allHistory_askedPerPlan();
    void marketChart_unknownCoin_isNotFound();
    void marketChart_unsupportedCurrency_isBadRequest();
    void marketChart_errorShapes_giveTypedErrors_data();
    void marketChart_errorShapes_giveTypedErrors();
    void ohlc_days_snappedToAllowedSet_data();
    void ohlc_days_snappedToAllowedSet();
    void markets_answer_listsCoinsInRankOrder();
    void search_query_listsMatches();
    void request_keyHeader_followsPlanAndNeverTheUrl_data();
    void request_keyHeader_followsPlanAndNeverTheUrl();
    void identicalCalls_inFlight_shareOneRequest();
    void abort_oneOfSharedCalls_leavesOtherRunning();
    void abort_onlyCaller_dropsRequest();
    void badCoinId_failsWithoutRequest();
    void retry_isAnnouncedOnEveryCall();
    void destroyingClient_finishesCallsCancelled();
    void redirectToAnotherHost_neverForwardsTheKey();

private:
    void makeClient(CoinGeckoPlan plan = CoinGeckoPlan::Keyless, const QString &key = QString());

    std::unique_ptr<FakeCoinGecko> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ba::HttpClient> m_http;
    std::unique_ptr<CoinGeckoClient> m_client;
};

void TestCoinGeckoClient::init()
{
    m_fake = std::make_unique<FakeCoinGecko>();
    QVERIFY(m_fake->listen());
    m_fake->setNowMs(kNow);
    m_fake->setSampling(ba::fakes::coingecko::Sampling::AlignedGrid); // the grid checks below
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_http = std::make_unique<ba::HttpClient>(m_nam.get());
    ba::RetryPolicy fast;
    fast.baseDelayMs = 10;
    fast.maxDelayMs = 20;
    m_http->setRetryPolicy(fast);
    makeClient();
}

void TestCoinGeckoClient::cleanup()
{
    m_client.reset();
    m_http.reset();
    m_nam.reset();
    m_fake.reset();
}

void TestCoinGeckoClient::makeClient(CoinGeckoPlan plan, const QString &key)
{
    CoinGeckoClient::Config config;
    config.baseUrl = m_fake->baseUrl();
    config.plan = plan;
    config.apiKey = key;
    config.timeoutMs = 400;
    config.maxBytes = 1024 * 1024;
    config.budget = ba::RateLimiter::Budget{0, 1000}; // limits have their own test
    m_client = std::make_unique<CoinGeckoClient>(m_http.get(), config);
}

void TestCoinGeckoClient::ping_answers_geckoSays()
{
    auto *reply = m_client->ping();
    QVERIFY(waitFor(reply));
    QVERIFY(reply->ok());
    QCOMPARE(reply->value(), QStringLiteral("(V3) To the Moon!"));
    QCOMPARE(m_fake->requestCount(QStringLiteral("/ping")), 1);
}

void TestCoinGeckoClient::simplePrice_knownCoin_fillsSnapshot()
{
    auto *reply = m_client->simplePrice(QStringLiteral("bitcoin"), QStringLiteral("eur"));
    QVERIFY(waitFor(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().detail));
    const ba::MarketSnapshot s = reply->value();
    QCOMPARE(s.coinId, QStringLiteral("bitcoin"));
    QCOMPARE(s.vsCurrency, QStringLiteral("eur"));
    QVERIFY(s.price > 1000);
    QVERIFY(s.marketCap.has_value() && s.volume24h.has_value() && s.change24hPct.has_value());
    QCOMPARE(s.lastUpdatedMs, kNow / 1000 * 1000);
    const QUrlQuery q = m_fake->lastRequest().query;
    QCOMPARE(q.queryItemValue(QStringLiteral("ids")), QStringLiteral("bitcoin"));
    QCOMPARE(q.queryItemValue(QStringLiteral("include_24hr_change")), QStringLiteral("true"));
    QCOMPARE(q.queryItemValue(QStringLiteral("include_last_updated_at")), QStringLiteral("true"));
}

void TestCoinGeckoClient::simplePrice_unknownCoinAnswersEmptyObject_isNotFound()
{
    auto *reply = m_client->simplePrice(QStringLiteral("no-such-coin"), QStringLiteral("usd"));
    QVERIFY(waitFor(reply));
    QCOMPARE(reply->error().kind, FetchError::Kind::NotFound);
    QCOMPARE(reply->httpStatus(), 200);
    QVERIFY(reply->error().userMessage.contains(QLatin1String("no-such-coin")));
}

void TestCoinGeckoClient::marketChart_granularity_followsCoinGeckoRules_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<qint64>("stepMs");
    QTest::newRow("1 day: 5-minute") << 1 << 5 * kMinute;
    QTest::newRow("2 days: hourly") << 2 << 60 * kMinute;
    QTest::newRow("90 days: hourly") << 90 << 60 * kMinute;
    QTest::newRow("91 days: daily") << 91 << 24 * 60 * kMinute;
    QTest::newRow("365 days: daily") << 365 << 24 * 60 * kMinute;
}

void TestCoinGeckoClient::marketChart_granularity_followsCoinGeckoRules()
{
    QFETCH(int, days);
    QFETCH(qint64, stepMs);
    auto *reply = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), days);
    QVERIFY(waitFor(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().detail));
    const QList<ba::PricePoint> points = reply->value();
    QCOMPARE(points.size(), qsizetype(days * 24 * 60 * kMinute / stepMs) + 1); // full grid + "now"
    QCOMPARE(points.last().tsMs, kNow);
    QCOMPARE(points[1].tsMs - points[0].tsMs, stepMs);
    QCOMPARE(points[0].tsMs % stepMs, 0);
    QVERIFY(points[0].marketCap.has_value() && points[0].volume.has_value());
    QCOMPARE(m_fake->lastRequest().query.queryItemValue(QStringLiteral("days")), QString::number(days));
}

void TestCoinGeckoClient::marketChart_allHistory_askedPerPlan_data()
{
    QTest::addColumn<CoinGeckoPlan>("plan");
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("asked");
    QTest::newRow("keyless, all") << CoinGeckoPlan::Keyless << CoinGeckoClient::kAllDays
                                  << QStringLiteral("365");
    QTest::newRow("demo, all") << CoinGeckoPlan::Demo << CoinGeckoClient::kAllDays << QStringLiteral("365");
    QTest::newRow("keyless, 2 years") << CoinGeckoPlan::Keyless << 730 << QStringLiteral("365");
    QTest::newRow("pro, all") << CoinGeckoPlan::Pro << CoinGeckoClient::kAllDays << QStringLiteral("max");
    QTest::newRow("pro, 2 years") << CoinGeckoPlan::Pro << 730 << QStringLiteral("730");
}

void TestCoinGeckoClient::marketChart_allHistory_askedPerPlan()
{
    QFETCH(CoinGeckoPlan, plan);
    QFETCH(int, days);
    QFETCH(QString, asked);
    makeClient(plan, QStringLiteral("KEY-1234"));
    auto *reply = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), days);
    QVERIFY(waitFor(reply));
    // The fake answers 401/10012 beyond 365 days without a Pro key, as CoinGecko does.
    QVERIFY2(reply->ok(), qPrintable(reply->error().detail));
    QCOMPARE(m_fake->lastRequest().query.queryItemValue(QStringLiteral("days")), asked);
}

void TestCoinGeckoClient::marketChart_unknownCoin_isNotFound()
{
    auto *reply = m_client->marketChart(QStringLiteral("dogecoin-classic"), QStringLiteral("usd"), 7);
    QVERIFY(waitFor(reply));
    QCOMPARE(reply->error().kind, FetchError::Kind::NotFound);
    QCOMPARE(reply->error().httpStatus, 404);
    QCOMPARE(reply->attempts(), 1);
}

void TestCoinGeckoClient::marketChart_unsupportedCurrency_isBadRequest()
{
    auto *reply = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usdt"), 7);
    QVERIFY(waitFor(reply));
    QCOMPARE(reply->error().kind, FetchError::Kind::BadRequest);
    QVERIFY(reply->error().userMessage.contains(QLatin1String("currency")));
}

void TestCoinGeckoClient::marketChart_errorShapes_giveTypedErrors_data()
{
    QTest::addColumn<FakeCoinGecko::Failure>("failure");
    QTest::addColumn<FetchError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("requests"); // negative: at least that many
    QTest::addColumn<QString>("messageHas");

    using F = FakeCoinGecko::Failure;
    using K = FetchError::Kind;
    QTest::newRow("429 JSON, retry-after 119")
        << F::RateLimitJson << K::RateLimited << 429 << 1 << QStringLiteral("119");
    QTest::newRow("429 Cloudflare HTML")
        << F::RateLimitHtml << K::RateLimited << 429 << 1 << QStringLiteral("minute");
    QTest::newRow("401 10002 missing key")
        << F::MissingKey10002 << K::Unauthorized << 401 << 1 << QStringLiteral("key");
    QTest::newRow("400 10011 demo key on pro host")
        << F::DemoKeyOnPro10011 << K::Unauthorized << 400 << 1 << QStringLiteral("Demo");
    QTest::newRow("401 10012 365-day limit")
        << F::TimeRange10012 << K::BadRequest << 401 << 1 << QStringLiteral("365 days");
    QTest::newRow("400 invalid vs_currency")
        << F::InvalidVsCurrency << K::BadRequest << 400 << 1 << QStringLiteral("currency");
    QTest::newRow("404 coin not found")
        << F::CoinNotFound << K::NotFound << 404 << 1 << QStringLiteral("coin");
    QTest::newRow("200 {}") << F::EmptyObject << K::BadResponse << 200 << 1 << QStringLiteral("CoinGecko");
    QTest::newRow("500, retried") << F::ServerError500 << K::ServerError << 500 << 3 << QStringLiteral("500");
    QTest::newRow("503 HTML, retried")
        << F::ServiceUnavailable503 << K::ServerError << 503 << 3 << QStringLiteral("503");
    QTest::newRow("200 challenge page")
        << F::ChallengePage200 << K::Blocked << 200 << 1 << QStringLiteral("bot");
    QTest::newRow("403 challenge") << F::Challenge403 << K::Blocked << 403 << 1 << QStringLiteral("bot");
    // Messages name the service, never the host it runs on (here 127.0.0.1).
    QTest::newRow("200 plain HTML") << F::PlainHtml200 << K::BadResponse << 200 << 1
                                    << QStringLiteral("CoinGecko sent");
    // Qt may re-send a GET by itself when the connection drops mid-body: 3 attempts, 3 or more requests.
    QTest::newRow("truncated body, retried")
        << F::TruncatedBody << K::BadResponse << 200 << -3 << QStringLiteral("CoinGecko sent");
    QTest::newRow("huge body") << F::HugeBody << K::TooLarge << 200 << 1 << QStringLiteral("shorter range");
    QTest::newRow("slow answer") << F::SlowResponse << K::Timeout << 0 << 1 << QStringLiteral("in time");
    QTest::newRow("no answer") << F::NeverRespond << K::Timeout << 0 << 1 << QStringLiteral("in time");
}

void TestCoinGeckoClient::marketChart_errorShapes_giveTypedErrors()
{
    QFETCH(FakeCoinGecko::Failure, failure);
    QFETCH(FetchError::Kind, kind);
    QFETCH(int, status);
    QFETCH(int, requests);
    QFETCH(QString, messageHas);
    m_fake->setFailure(failure);
    m_fake->setSlowDelayMs(1500);
    m_fake->setHugeBodyBytes(2 * 1024 * 1024);

    auto *reply = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), 30);
    QVERIFY(waitFor(reply));

    const FetchError e = reply->error();
    QCOMPARE(FetchError::kindName(e.kind), FetchError::kindName(kind));
    QCOMPARE(e.httpStatus, status);
    if (requests > 0) {
        QCOMPARE(m_fake->totalRequests(), requests);
        QCOMPARE(reply->attempts(), requests);
    } else {
        QVERIFY(m_fake->totalRequests() >= -requests);
        QCOMPARE(reply->attempts(), -requests);
    }
    QVERIFY2(e.userMessage.contains(messageHas), qPrintable(e.userMessage));
    QVERIFY(!e.detail.isEmpty());
    QVERIFY(reply->value().isEmpty());
}

void TestCoinGeckoClient::ohlc_days_snappedToAllowedSet_data()
{
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("asked");
    QTest::newRow("0 -> 1") << 0 << QStringLiteral("1");
    QTest::newRow("1") << 1 << QStringLiteral("1");
    QTest::newRow("2 -> 7") << 2 << QStringLiteral("7");
    QTest::newRow("8 -> 14") << 8 << QStringLiteral("14");
    QTest::newRow("30") << 30 << QStringLiteral("30");
    QTest::newRow("31 -> 90") << 31 << QStringLiteral("90");
    QTest::newRow("100 -> 180") << 100 << QStringLiteral("180");
    QTest::newRow("181 -> 365") << 181 << QStringLiteral("365");
    QTest::newRow("5000 -> 365") << 5000 << QStringLiteral("365");
}

void TestCoinGeckoClient::ohlc_days_snappedToAllowedSet()
{
    QFETCH(int, days);
    QFETCH(QString, asked);
    auto *reply = m_client->ohlc(QStringLiteral("bitcoin"), QStringLiteral("usd"), days);
    QVERIFY(waitFor(reply));
    QVERIFY2(reply->ok(), qPrintable(reply->error().detail));
    QVERIFY(!reply->value().isEmpty());
    const ba::Candle c = reply->value().first();
    QVERIFY(c.low <= c.open && c.low <= c.close && c.high >= c.open && c.high >= c.close);
    QCOMPARE(m_fake->lastRequest().path, QStringLiteral("/api/v3/coins/bitcoin/ohlc"));
    QCOMPARE(m_fake->lastRequest().query.queryItemValue(QStringLiteral("days")), asked);
}

void TestCoinGeckoClient::markets_answer_listsCoinsInRankOrder()
{
    auto *reply = m_client->markets(QStringLiteral("usd"), 2);
    QVERIFY(waitFor(reply));
    QVERIFY(reply->ok());
    QCOMPARE(reply->value().size(), 2);
    QCOMPARE(reply->value().at(0).id, QStringLiteral("bitcoin"));
    QCOMPARE(reply->value().at(0).symbol, QStringLiteral("btc"));
    QCOMPARE(reply->value().at(1).marketCapRank.value_or(-1), 2);
    QCOMPARE(m_fake->lastRequest().query.queryItemValue(QStringLiteral("per_page")), QStringLiteral("2"));
}

void TestCoinGeckoClient::search_query_listsMatches()
{
    auto *reply = m_client->search(QStringLiteral("ethereum"));
    QVERIFY(waitFor(reply));
    QVERIFY(reply->ok());
    QCOMPARE(reply->value().size(), 2);
    QCOMPARE(reply->value().at(0).id, QStringLiteral("ethereum"));
    QCOMPARE(reply->value().at(1).name, QStringLiteral("Ethereum Classic"));

    auto *odd = m_client->search(QStringLiteral("a+b&c d"));
    QVERIFY(waitFor(odd));
    QVERIFY(odd->ok());
    QCOMPARE(m_fake->lastRequest().query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded),
             QStringLiteral("a+b&c d"));
}

void TestCoinGeckoClient::request_keyHeader_followsPlanAndNeverTheUrl_data()
{
    QTest::addColumn<CoinGeckoPlan>("plan");
    QTest::addColumn<QString>("key");
    QTest::addColumn<FakeCoinGecko::KeyKind>("seen");
    QTest::newRow("keyless") << CoinGeckoPlan::Keyless << QStringLiteral("CG-unused")
                             << FakeCoinGecko::KeyKind::None;
    QTest::newRow("demo") << CoinGeckoPlan::Demo << QStringLiteral("CG-demo123")
                          << FakeCoinGecko::KeyKind::DemoHeader;
    QTest::newRow("pro") << CoinGeckoPlan::Pro << QStringLiteral("CG-pro456")
                         << FakeCoinGecko::KeyKind::ProHeader;
    QTest::newRow("demo without key") << CoinGeckoPlan::Demo << QString() << FakeCoinGecko::KeyKind::None;
}

void TestCoinGeckoClient::request_keyHeader_followsPlanAndNeverTheUrl()
{
    QFETCH(CoinGeckoPlan, plan);
    QFETCH(QString, key);
    QFETCH(FakeCoinGecko::KeyKind, seen);
    makeClient(plan, key);
    auto *reply = m_client->simplePrice(QStringLiteral("bitcoin"), QStringLiteral("usd"));
    QVERIFY(waitFor(reply));
    QVERIFY(reply->ok());
    QCOMPARE(m_fake->lastKeyKind(), seen);
    if (seen != FakeCoinGecko::KeyKind::None) {
        QCOMPARE(m_fake->lastKey(), key.toUtf8());
    }
    if (!key.isEmpty()) {
        QVERIFY(!m_fake->lastRequest().target.contains(key.toUtf8()));
    }
}

void TestCoinGeckoClient::identicalCalls_inFlight_shareOneRequest()
{
    m_fake->setSlowDelayMs(100);
    m_fake->setFailure(FakeCoinGecko::Failure::SlowResponse);
    auto *a = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), 7);
    auto *b = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), 7);
    auto *other = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), 14);
    QSignalSpy aDone(a, &ApiCall::finished);
    QSignalSpy otherDone(other, &ApiCall::finished);
    QVERIFY(waitFor(b));
    QCOMPARE(aDone.size(), 1);
    QVERIFY(a->ok() && b->ok());
    QCOMPARE(a->value().size(), b->value().size());
    QVERIFY(otherDone.size() == 1 || otherDone.wait(3000));
    QCOMPARE(m_fake->requestCount(QStringLiteral("/coins/bitcoin/market_chart")), 2);

    // Once answered, the same call goes to the network again: sharing is for requests in flight only.
    auto *later = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), 7);
    QVERIFY(waitFor(later));
    QCOMPARE(m_fake->requestCount(QStringLiteral("/coins/bitcoin/market_chart")), 3);
}

void TestCoinGeckoClient::abort_oneOfSharedCalls_leavesOtherRunning()
{
    m_fake->setSlowDelayMs(100);
    m_fake->setFailure(FakeCoinGecko::Failure::SlowResponse);
    auto *a = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), 7);
    auto *b = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), 7);
    QSignalSpy aDone(a, &ApiCall::finished);
    QSignalSpy bDone(b, &ApiCall::finished);
    a->abort();
    QCOMPARE(aDone.size(), 1);
    QVERIFY(bDone.wait(3000));
    QVERIFY(b->ok());
    QCOMPARE(m_fake->totalRequests(), 1);
}

void TestCoinGeckoClient::abort_onlyCaller_dropsRequest()
{
    m_fake->setFailure(FakeCoinGecko::Failure::NeverRespond);
    auto *reply = m_client->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), 7);
    QSignalSpy done(reply, &ApiCall::finished);
    QTRY_COMPARE(m_fake->totalRequests(), 1);
    QCOMPARE(m_http->activeCount(), 1);
    reply->abort();
    QCOMPARE(done.size(), 1);
    QCOMPARE(m_http->activeCount(), 0);
    QTRY_COMPARE(m_fake->server().openConnections(), 0);
}

void TestCoinGeckoClient::badCoinId_failsWithoutRequest()
{
    auto *reply = m_client->marketChart(QStringLiteral("../admin?x=1"), QStringLiteral("usd"), 7);
    QSignalSpy done(reply, &ApiCall::finished);
    QVERIFY(done.isEmpty()); // never synchronous
    QVERIFY(done.wait(2000));
    QCOMPARE(reply->error().kind, FetchError::Kind::BadRequest);
    QCOMPARE(m_fake->totalRequests(), 0);
}

void TestCoinGeckoClient::retry_isAnnouncedOnEveryCall()
{
    m_fake->failNext(FakeCoinGecko::Failure::ServiceUnavailable503);
    auto *a = m_client->simplePrice(QStringLiteral("bitcoin"), QStringLiteral("usd"));
    auto *b = m_client->simplePrice(QStringLiteral("bitcoin"), QStringLiteral("usd"));
    QSignalSpy aRetry(a, &ApiCall::retryScheduled);
    QSignalSpy bRetry(b, &ApiCall::retryScheduled);
    QVERIFY(waitFor(a));
    QVERIFY(a->ok());
    QCOMPARE(a->attempts(), 2);
    QCOMPARE(aRetry.size(), 1);
    QCOMPARE(bRetry.size(), 1);
}

void TestCoinGeckoClient::destroyingClient_finishesCallsCancelled()
{
    m_fake->setFailure(FakeCoinGecko::Failure::NeverRespond);
    auto *reply = m_client->ping();
    QSignalSpy done(reply, &ApiCall::finished);
    QTRY_COMPARE(m_fake->totalRequests(), 1);
    FetchError::Kind kind = FetchError::Kind::None;
    connect(reply, &ApiCall::finished, this, [reply, &kind] { kind = reply->error().kind; });
    m_client.reset();
    QCOMPARE(done.size(), 1);
    QCOMPARE(kind, FetchError::Kind::Cancelled);
    QCOMPARE(m_http->activeCount(), 0);
}

void TestCoinGeckoClient::redirectToAnotherHost_neverForwardsTheKey()
{
    // Before the fix Qt's default redirect policy re-sent x-cg-demo-api-key to the other host.
    ba::fakes::FakeHttpServer thief;
    QVERIFY(thief.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    m_fake->server().routePrefix(
        "GET", QStringLiteral("/api/v3/simple/"), [&thief](const ba::fakes::FakeRequest &) {
            return ba::fakes::FakeResponse::withType(307, "text/plain", {})
                .header("Location", thief.url(QStringLiteral("/api/v3/simple/price")).toEncoded());
        });
    makeClient(CoinGeckoPlan::Demo, QStringLiteral("CG-DEMO-SECRET"));
    auto *reply = m_client->simplePrice(QStringLiteral("bitcoin"), QStringLiteral("usd"));
    QVERIFY(waitFor(reply));
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error().kind, FetchError::Kind::BadResponse);
    QVERIFY2(reply->error().userMessage.contains(QLatin1String("127.0.0.2")),
             qPrintable(reply->error().userMessage));
    QCOMPARE(thief.requestCount(), 0);
    const auto asked = m_fake->server().requests();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.constFirst().header("x-cg-demo-api-key"), QByteArray("CG-DEMO-SECRET")); // CoinGecko only
}

QTEST_GUILESS_MAIN(TestCoinGeckoClient)
#include "tst_coingeckoclient.moc"
