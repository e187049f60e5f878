#include "ba/Version.h"
#include "fakes/FakeHttpServer.h"
#include "logging/Correlation.h"
#include "net/HttpClient.h"
#include "net/RateLimiter.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <memory>

using ba::FetchError;
using ba::HttpClient;
using ba::HttpExpect;
using ba::HttpReply;
using ba::HttpRequest;
using ba::HttpResult;
using ba::fakes::FakeHttpServer;
using ba::fakes::FakeRequest;
using ba::fakes::FakeResponse;

Q_DECLARE_METATYPE(QList<ba::fakes::FakeResponse>)

namespace {

struct CapturedLine
{
    QtMsgType type;
    QString category;
    QString message;
    QString correlationId;
};

QList<CapturedLine> g_lines;
QtMessageHandler g_previousHandler = nullptr;

void captureHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_lines.append({type, QString::fromLatin1(context.category), message, ba::currentCorrelationId()});
}

FakeResponse json(int status, const QByteArray &body = "{\"ok\":true}")
{
    return FakeResponse::json(status, body);
}

FakeResponse withHeader(FakeResponse r, const QByteArray &name, const QByteArray &value)
{
    r.header(name, value);
    return r;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void send_scriptedAnswers_endWithExpectedResult_data();
    void send_scriptedAnswers_endWithExpectedResult();
    void send_on429WithShortRetryAfter_waitsOnceThenSucceeds();
    void send_on429WithHttpDate_waitsUntilThatDate();
    void send_on429Twice_waitsOnlyOnce();
    void send_patientOnRepeated429_waitsOutEachRetryAfterUntilTheData();
    void send_patientWaitBudgetSpent_endsRateLimited();
    void send_patientRetryAfterOverAMinute_givesUpAtOnce();
    void send_429WithLimiter_holdsTheNextRequestToTheService();
    void send_serviceName_isNamedInTheMessageInsteadOfTheHost();
    void send_serverNeverAnswers_timesOutWithoutRetry();
    void send_slowAnswerOnOpenConnection_isNotAConnectTimeout();
    void send_serverDown_reportsOfflineAfterAllAttempts();
    void send_splitBody_emitsChunksAndWholeBody();
    void send_postWithHeadersAndBody_reachesServerIntact();
    void send_always_setsUserAgent();
    void send_customUserAgent_replacesDefault();
    void send_finished_neverBeforeSendReturns();
    void abort_whileWaitingForAnswer_finishesCancelledOnce();
    void abort_duringRetryWait_finishesCancelled();
    void cancelAll_endsEveryRunningRequest();
    void destroyingClient_cancelsRunningRequests();
    void send_logsOneLineWithMethodPathStatusTimeAndSize();
    void send_logLine_masksKeysAndCarriesCorrelationId();
    void send_finished_emitsMetricsHook();

private:
    void script(const QList<FakeResponse> &responses);
    HttpResult run(HttpReply *reply, int timeoutMs = 8000);
    HttpRequest request(const QString &path = QStringLiteral("/data")) const;

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    int m_served = 0;
};

void TestHttpClient::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("ba.net.*=true"));
}

void TestHttpClient::init()
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_client = std::make_unique<HttpClient>(m_nam.get());
    ba::RetryPolicy policy;
    policy.baseDelayMs = 10; // keeps retried cases fast; the back-off maths has its own test
    policy.maxDelayMs = 40;
    policy.maxRetryAfterSeconds = 2;
    m_client->setRetryPolicy(policy);
    m_served = 0;
    g_lines.clear();
}

void TestHttpClient::cleanup()
{
    if (g_previousHandler) {
        qInstallMessageHandler(g_previousHandler);
        g_previousHandler = nullptr;
    }
    m_client.reset();
    m_server.reset();
    m_nam.reset();
}

// Answers request i with responses[i]; the last one repeats.
void TestHttpClient::script(const QList<FakeResponse> &responses)
{
    m_server->setFallback([this, responses](const FakeRequest &) {
        return responses.value(std::min<qsizetype>(m_served++, responses.size() - 1));
    });
}

HttpResult TestHttpClient::run(HttpReply *reply, int timeoutMs)
{
    QSignalSpy spy(reply, &HttpReply::finished);
    if (!spy.wait(timeoutMs)) {
        qWarning("request did not finish");
        return HttpResult();
    }
    return spy.at(0).at(0).value<HttpResult>();
}

HttpRequest TestHttpClient::request(const QString &path) const
{
    HttpRequest r;
    r.url = m_server->url(path);
    r.source = QStringLiteral("test");
    return r;
}

void TestHttpClient::send_scriptedAnswers_endWithExpectedResult_data()
{
    QTest::addColumn<QList<FakeResponse>>("responses");
    QTest::addColumn<int>("expect");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<FetchError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("retryAfter");

    using K = FetchError::Kind;
    const qint64 cap = 20LL * 1024 * 1024;
    const auto json = int(HttpExpect::Json);
    FakeResponse truncated = ::json(200, "{\"prices\":[[1,2],[3,4]]}");
    truncated.closeEarly = true;
    FakeResponse streamedBig = FakeResponse::withType(200, "application/json", QByteArray());
    streamedBig.omitContentLength = true;
    streamedBig.chunks = {QByteArray(600, 'a'), QByteArray(600, 'b')};
    streamedBig.chunkPauseMs = 5;
    const QByteArray challenge = "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
                                 "<script>window._cf_chl_opt={cType:'managed'};</script></body></html>";
    const QByteArray blockPage = "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title>"
                                 "</head><body>Sorry, you have been blocked</body></html>";

    QTest::newRow("200 JSON") << QList<FakeResponse>{::json(200)} << json << cap << K::None << 200 << 1 << -1;
    QTest::newRow("JSON served as text/plain")
        << QList<FakeResponse>{FakeResponse::withType(200, "text/plain", "{\"a\":1}")} << json << cap
        << K::None << 200 << 1 << -1;
    QTest::newRow("500 then 200 is retried")
        << QList<FakeResponse>{::json(500), ::json(200)} << json << cap << K::None << 200 << 2 << -1;
    QTest::newRow("503 every time") << QList<FakeResponse>{::json(503)} << json << cap << K::ServerError
                                    << 503 << 3 << -1;
    QTest::newRow("501 is not retried")
        << QList<FakeResponse>{::json(501)} << json << cap << K::ServerError << 501 << 1 << -1;
    QTest::newRow("404 is not retried")
        << QList<FakeResponse>{::json(404), ::json(200)} << json << cap << K::NotFound << 404 << 1 << -1;
    QTest::newRow("401") << QList<FakeResponse>{::json(401)} << json << cap << K::Unauthorized << 401 << 1
                         << -1;
    QTest::newRow("400") << QList<FakeResponse>{::json(400)} << json << cap << K::BadRequest << 400 << 1
                         << -1;
    QTest::newRow("429 with long Retry-After does not wait")
        << QList<FakeResponse>{withHeader(::json(429), "Retry-After", "120"), ::json(200)} << json << cap
        << K::RateLimited << 429 << 1 << 120;
    QTest::newRow("429 without Retry-After is reported at once")
        << QList<FakeResponse>{::json(429), ::json(200)} << json << cap << K::RateLimited << 429 << 1 << -1;
    QTest::newRow("429 HTML page") << QList<FakeResponse>{FakeResponse::html(429, blockPage)} << json << cap
                                   << K::RateLimited << 429 << 1 << -1;
    QTest::newRow("truncated body, retried then reported")
        << QList<FakeResponse>{truncated} << json << cap << K::BadResponse << 200 << 3 << -1;
    QTest::newRow("truncated once then whole")
        << QList<FakeResponse>{truncated, ::json(200)} << json << cap << K::None << 200 << 2 << -1;
    QTest::newRow("challenge page with 200") << QList<FakeResponse>{FakeResponse::html(200, challenge)}
                                             << json << cap << K::Blocked << 200 << 1 << -1;
    QTest::newRow("challenge 403 with cf-mitigated")
        << QList<FakeResponse>{withHeader(FakeResponse::html(403, "<html></html>"), "cf-mitigated",
                                          "challenge")}
        << json << cap << K::Blocked << 403 << 1 << -1;
    QTest::newRow("Cloudflare block page 403") << QList<FakeResponse>{FakeResponse::html(403, blockPage)}
                                               << json << cap << K::Blocked << 403 << 1 << -1;
    QTest::newRow("challenge page with 503 is not retried")
        << QList<FakeResponse>{FakeResponse::html(503, challenge)} << json << cap << K::Blocked << 503 << 1
        << -1;
    QTest::newRow("plain HTML where JSON expected")
        << QList<FakeResponse>{FakeResponse::html(200, "<html><body>Maintenance</body></html>")} << json
        << cap << K::BadResponse << 200 << 1 << -1;
    QTest::newRow("plain HTML when HTML expected")
        << QList<FakeResponse>{FakeResponse::html(200, "<html><body>News</body></html>")}
        << int(HttpExpect::Html) << cap << K::None << 200 << 1 << -1;
    QTest::newRow("challenge when HTML expected")
        << QList<FakeResponse>{FakeResponse::html(200, challenge)} << int(HttpExpect::Html) << cap
        << K::Blocked << 200 << 1 << -1;
    QTest::newRow("empty body where JSON expected")
        << QList<FakeResponse>{::json(200, QByteArray())} << json << cap << K::BadResponse << 200 << 1 << -1;
    QTest::newRow("declared size over the cap") << QList<FakeResponse>{::json(200, QByteArray(5000, ' '))}
                                                << json << qint64(1000) << K::TooLarge << 200 << 1 << -1;
    QTest::newRow("streamed size over the cap")
        << QList<FakeResponse>{streamedBig} << json << qint64(1000) << K::TooLarge << 200 << 1 << -1;
}

void TestHttpClient::send_scriptedAnswers_endWithExpectedResult()
{
    QFETCH(QList<FakeResponse>, responses);
    QFETCH(int, expect);
    QFETCH(qint64, maxBytes);
    QFETCH(FetchError::Kind, kind);
    QFETCH(int, status);
    QFETCH(int, attempts);
    QFETCH(int, retryAfter);
    script(responses);
    HttpRequest req = request();
    req.expect = HttpExpect(expect);
    req.maxBytes = maxBytes;

    QElapsedTimer elapsed;
    elapsed.start();
    const HttpResult result = run(m_client->send(req));

    QCOMPARE(FetchError::kindName(result.error.kind), FetchError::kindName(kind));
    QCOMPARE(result.status, status);
    QCOMPARE(result.attempts, attempts);
    QCOMPARE(m_server->requestCount(), attempts);
    QCOMPARE(result.error.retryAfterSeconds, retryAfter);
    QVERIFY(elapsed.elapsed() < 3000); // nothing here waits for a Retry-After
    if (result.error.isError()) {
        QVERIFY(!result.error.userMessage.isEmpty());
        QVERIFY(!result.error.detail.isEmpty());
        QCOMPARE(result.error.httpStatus, status);
    }
}

void TestHttpClient::send_on429WithShortRetryAfter_waitsOnceThenSucceeds()
{
    script({withHeader(json(429), "Retry-After", "1"), json(200)});
    HttpReply *reply = m_client->send(request());
    QSignalSpy retries(reply, &HttpReply::retryScheduled);
    QElapsedTimer elapsed;
    elapsed.start();

    const HttpResult result = run(reply);

    QVERIFY(result.ok());
    QCOMPARE(result.attempts, 2);
    QCOMPARE(retries.size(), 1);
    QCOMPARE(retries.at(0).at(0).toInt(), 1);
    QVERIFY2(elapsed.elapsed() >= 950, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(m_server->requests().at(1).receivedMs - m_server->requests().at(0).receivedMs >= 950);
}

void TestHttpClient::send_on429WithHttpDate_waitsUntilThatDate()
{
    const QDateTime now = QDateTime(QDate(2026, 11, 29), QTime(10, 0, 0), QTimeZone::utc());
    m_client = std::make_unique<HttpClient>(m_nam.get(), [now] { return now; });
    ba::RetryPolicy policy = m_client->retryPolicy();
    policy.maxRetryAfterSeconds = 2;
    m_client->setRetryPolicy(policy);
    script({withHeader(json(429), "Retry-After", "Sun, 29 Nov 2026 10:00:01 GMT"), json(200)});
    HttpReply *reply = m_client->send(request());
    QSignalSpy retries(reply, &HttpReply::retryScheduled);

    const HttpResult result = run(reply);

    QVERIFY(result.ok());
    QCOMPARE(retries.size(), 1);
    QCOMPARE(retries.at(0).at(0).toInt(), 1);
    QVERIFY(m_server->requests().at(1).receivedMs - m_server->requests().at(0).receivedMs >= 950);
}

void TestHttpClient::send_on429Twice_waitsOnlyOnce()
{
    script({withHeader(json(429), "Retry-After", "0"), withHeader(json(429), "Retry-After", "0"), json(200)});

    const HttpResult result = run(m_client->send(request()));

    QCOMPARE(result.error.kind, FetchError::Kind::RateLimited);
    QCOMPARE(result.error.retryAfterSeconds, 0);
    QCOMPARE(result.attempts, 2);
}

// CoinGecko's mode: each Retry-After is waited out, none of them spends one of the attempts.
void TestHttpClient::send_patientOnRepeated429_waitsOutEachRetryAfterUntilTheData()
{
    script({withHeader(json(429), "Retry-After", "1"), withHeader(json(429), "Retry-After", "2"), json(200)});
    HttpRequest req = request();
    req.maxAttempts = 1;
    req.rateLimitWaitMs = 10000;
    HttpReply *reply = m_client->send(req);
    QSignalSpy retries(reply, &HttpReply::retryScheduled);

    const HttpResult result = run(reply);

    QVERIFY2(result.ok(), qPrintable(result.error.detail));
    QCOMPARE(result.attempts, 3);
    QCOMPARE(retries.size(), 2);
    QCOMPARE(retries.at(0).at(0).toInt(), 1);
    QCOMPARE(retries.at(1).at(0).toInt(), 2);
    QCOMPARE(retries.at(1).at(1).value<FetchError::Kind>(), FetchError::Kind::RateLimited);
    const auto requests = m_server->requests();
    QVERIFY(requests.at(1).receivedMs - requests.at(0).receivedMs >= 950);
    QVERIFY(requests.at(2).receivedMs - requests.at(1).receivedMs >= 1950);
}

void TestHttpClient::send_patientWaitBudgetSpent_endsRateLimited()
{
    script({withHeader(json(429), "Retry-After", "1")});
    HttpRequest req = request();
    req.rateLimitWaitMs = 1500; // one wait of 1 s fits, a second one would not

    const HttpResult result = run(m_client->send(req));

    QCOMPARE(result.error.kind, FetchError::Kind::RateLimited);
    QCOMPARE(result.attempts, 2);
    QCOMPARE(m_server->requestCount(), 2);
}

void TestHttpClient::send_patientRetryAfterOverAMinute_givesUpAtOnce()
{
    script({withHeader(json(429), "Retry-After", "61"), json(200)});
    HttpRequest req = request();
    req.rateLimitWaitMs = 10 * 60 * 1000;

    const HttpResult result = run(m_client->send(req));

    QCOMPARE(result.error.kind, FetchError::Kind::RateLimited);
    QCOMPARE(result.error.retryAfterSeconds, 61);
    QCOMPARE(result.attempts, 1);
}

// The request that got the 429 gives up, but the next one to the same service still waits for the
// pause to end: nothing reaches the server inside the Retry-After window.
void TestHttpClient::send_429WithLimiter_holdsTheNextRequestToTheService()
{
    script({withHeader(json(429), "Retry-After", "1"), json(200)});
    ba::RateLimiter limiter({100, 60000});
    HttpRequest req = request();
    req.rateLimiter = &limiter;
    req.maxAttempts = 1;

    const HttpResult first = run(m_client->send(req));
    QCOMPARE(first.error.kind, FetchError::Kind::RateLimited);
    QVERIFY(limiter.holdRemainingMs() > 800);
    const HttpResult second = run(m_client->send(req));

    QVERIFY(second.ok());
    const auto requests = m_server->requests();
    QCOMPARE(requests.size(), 2);
    QVERIFY2(requests.at(1).receivedMs - requests.at(0).receivedMs >= 950,
             qPrintable(QString::number(requests.at(1).receivedMs - requests.at(0).receivedMs)));
}

void TestHttpClient::send_serviceName_isNamedInTheMessageInsteadOfTheHost()
{
    script({withHeader(json(429), "Retry-After", "30")});
    HttpRequest req = request();
    req.serviceName = QStringLiteral("CoinGecko");

    const HttpResult result = run(m_client->send(req));

    QCOMPARE(result.error.kind, FetchError::Kind::RateLimited);
    QVERIFY2(result.error.userMessage.startsWith(QStringLiteral("CoinGecko ")),
             qPrintable(result.error.userMessage));
    QVERIFY(!result.error.userMessage.contains(QStringLiteral("127.0.0.1")));
    QVERIFY(result.error.userMessage.contains(QStringLiteral("in 30 second")));
}

void TestHttpClient::send_serverNeverAnswers_timesOutWithoutRetry()
{
    FakeResponse silent;
    silent.neverRespond = true;
    script({silent});
    HttpRequest req = request();
    req.timeoutMs = 300;
    QElapsedTimer elapsed;
    elapsed.start();

    const HttpResult result = run(m_client->send(req));

    QCOMPARE(result.error.kind, FetchError::Kind::Timeout);
    QCOMPARE(result.attempts, 1);
    QVERIFY(elapsed.elapsed() >= 290);
    QVERIFY(elapsed.elapsed() < 2000);
    QVERIFY(result.error.detail.contains(QLatin1String("300 ms")));
}

void TestHttpClient::send_slowAnswerOnOpenConnection_isNotAConnectTimeout()
{
    FakeResponse slow = json(200);
    slow.delayMs = 400;
    script({slow});
    HttpRequest req = request();
    req.connectTimeoutMs = 100; // the connection is up at once; only the answer is slow
    req.timeoutMs = 3000;

    const HttpResult result = run(m_client->send(req));

    QVERIFY2(result.ok(), qPrintable(result.error.detail));
    QVERIFY(result.latencyMs >= 390);
}

void TestHttpClient::send_serverDown_reportsOfflineAfterAllAttempts()
{
    HttpRequest req = request();
    m_server.reset(); // nothing listens on that port any more

    const HttpResult result = run(m_client->send(req));

    QCOMPARE(result.error.kind, FetchError::Kind::Offline);
    QCOMPARE(result.status, 0);
    QCOMPARE(result.attempts, 3);
    QVERIFY(result.error.userMessage.contains(QLatin1String("127.0.0.1")));
}

void TestHttpClient::send_splitBody_emitsChunksAndWholeBody()
{
    FakeResponse r = FakeResponse::withType(200, "text/event-stream", QByteArray());
    r.chunks = {"data: {\"a\":1}\n\n", "data: {\"b\"", ":2}\n\n"};
    r.chunkPauseMs = 30;
    script({r});
    HttpRequest req = request();
    req.expect = HttpExpect::EventStream;
    HttpReply *reply = m_client->send(req);
    QSignalSpy chunks(reply, &HttpReply::chunkReceived);

    const HttpResult result = run(reply);

    QVERIFY(result.ok());
    QCOMPARE(result.body, QByteArray("data: {\"a\":1}\n\ndata: {\"b\":2}\n\n"));
    QVERIFY2(chunks.size() >= 2, "the pieces should arrive in separate reads");
    QByteArray joined;
    for (const auto &c : chunks) {
        joined += c.at(0).toByteArray();
    }
    QCOMPARE(joined, result.body);
}

void TestHttpClient::send_postWithHeadersAndBody_reachesServerIntact()
{
    script({json(200)});
    HttpRequest req = request(QStringLiteral("/v1/generate?alt=sse"));
    req.method = "POST";
    req.body = "{\"contents\":[]}";
    req.headers = {{"Content-Type", "application/json"}, {"x-goog-api-key", "abc123"}};

    QVERIFY(run(m_client->send(req)).ok());

    const FakeRequest seen = m_server->requests().at(0);
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.path, QStringLiteral("/v1/generate"));
    QCOMPARE(seen.query.queryItemValue(QStringLiteral("alt")), QStringLiteral("sse"));
    QCOMPARE(seen.body, req.body);
    QCOMPARE(seen.header("X-Goog-Api-Key"), QByteArray("abc123"));
}

void TestHttpClient::send_always_setsUserAgent()
{
    script({json(200)});
    QVERIFY(run(m_client->send(request())).ok());
    const QByteArray agent = m_server->requests().at(0).header("User-Agent");
    QCOMPARE(agent, QByteArray("BitcoinAnalyzer/" BA_VERSION " (Qt ") + qVersion() + ')');
    QCOMPARE(agent, HttpClient::userAgent());
}

void TestHttpClient::send_customUserAgent_replacesDefault()
{
    script({json(200)});
    HttpRequest req = request();
    req.headers = {{"User-Agent", "Mozilla/5.0 test"}};
    QVERIFY(run(m_client->send(req)).ok());
    QCOMPARE(m_server->requests().at(0).header("User-Agent"), QByteArray("Mozilla/5.0 test"));
}

void TestHttpClient::send_finished_neverBeforeSendReturns()
{
    HttpRequest req;
    req.url = QUrl(QStringLiteral("nosuchscheme://x/y")); // fails without touching the network
    req.maxAttempts = 1;
    HttpReply *reply = m_client->send(req);
    QSignalSpy spy(reply, &HttpReply::finished);
    QVERIFY(spy.isEmpty());
    QVERIFY(spy.wait(3000));
    QCOMPARE(spy.size(), 1);
    QVERIFY(spy.at(0).at(0).value<HttpResult>().error.isError());
}

void TestHttpClient::abort_whileWaitingForAnswer_finishesCancelledOnce()
{
    FakeResponse silent;
    silent.neverRespond = true;
    script({silent});
    HttpReply *reply = m_client->send(request());
    QSignalSpy finished(reply, &HttpReply::finished);
    QTRY_COMPARE(m_server->requestCount(), 1);

    reply->abort();
    reply->abort(); // a second abort changes nothing

    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).value<HttpResult>().error.kind, FetchError::Kind::Cancelled);
    QTRY_COMPARE(m_server->openConnections(), 0); // the connection was really dropped
    QCOMPARE(finished.size(), 1);
}

void TestHttpClient::abort_duringRetryWait_finishesCancelled()
{
    ba::RetryPolicy slow = m_client->retryPolicy();
    slow.baseDelayMs = 5000;
    slow.maxDelayMs = 5000;
    slow.jitterFraction = 0;
    m_client->setRetryPolicy(slow);
    script({json(503)});
    HttpReply *reply = m_client->send(request());
    QSignalSpy finished(reply, &HttpReply::finished);
    QSignalSpy retries(reply, &HttpReply::retryScheduled);
    QVERIFY(retries.wait(3000));
    QCOMPARE(retries.at(0).at(0).toInt(), 5);

    reply->abort();

    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).value<HttpResult>().error.kind, FetchError::Kind::Cancelled);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestHttpClient::cancelAll_endsEveryRunningRequest()
{
    FakeResponse silent;
    silent.neverRespond = true;
    script({silent});
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (int i = 0; i < 3; ++i) {
        spies.append(std::make_shared<QSignalSpy>(m_client->send(request()), &HttpReply::finished));
    }
    QTRY_COMPARE(m_server->requestCount(), 3);
    QCOMPARE(m_client->activeCount(), 3);

    m_client->cancelAll();

    for (const auto &spy : spies) {
        QCOMPARE(spy->size(), 1);
        QCOMPARE(spy->at(0).at(0).value<HttpResult>().error.kind, FetchError::Kind::Cancelled);
    }
    QCOMPARE(m_client->activeCount(), 0);
}

void TestHttpClient::destroyingClient_cancelsRunningRequests()
{
    FakeResponse silent;
    silent.neverRespond = true;
    script({silent});
    QSignalSpy spy(m_client->send(request()), &HttpReply::finished);
    QTRY_COMPARE(m_server->requestCount(), 1);

    m_client.reset();

    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<HttpResult>().error.kind, FetchError::Kind::Cancelled);
    QTRY_COMPARE(m_server->openConnections(), 0);
}

void TestHttpClient::send_logsOneLineWithMethodPathStatusTimeAndSize()
{
    script({json(200, QByteArray(3000, ' ') + "{}")});
    g_previousHandler = qInstallMessageHandler(captureHandler);
    QVERIFY(
        run(m_client->send(request(QStringLiteral("/coins/bitcoin/market_chart?vs_currency=usd&days=30"))))
            .ok());
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;

    QList<CapturedLine> info;
    for (const auto &l : std::as_const(g_lines)) {
        if (l.category == QLatin1String("ba.net.http") && l.type == QtInfoMsg) {
            info.append(l);
        }
    }
    QCOMPARE(info.size(), 1);
    const QRegularExpression shape(
        QStringLiteral(R"(^GET /coins/bitcoin/market_chart\?vs_currency=usd&days=30 -> 200 \d+ ms 3 KB$)"));
    QVERIFY2(shape.match(info.at(0).message).hasMatch(), qPrintable(info.at(0).message));
    const bool hasDebugStart = std::any_of(g_lines.cbegin(), g_lines.cend(), [](const CapturedLine &l) {
        return l.type == QtDebugMsg && l.message.startsWith(QLatin1String("GET /coins/bitcoin/market_chart"));
    });
    QVERIFY(hasDebugStart);
}

void TestHttpClient::send_logLine_masksKeysAndCarriesCorrelationId()
{
    script({json(503), json(200)});
    g_previousHandler = qInstallMessageHandler(captureHandler);
    HttpRequest req = request(QStringLiteral("/simple/price?ids=bitcoin&x_cg_demo_api_key=SECRET123"));
    req.headers = {{"x-cg-demo-api-key", "SECRET123"}};
    HttpReply *reply = nullptr;
    {
        ba::CorrelationScope scope(QStringLiteral("r42"));
        reply = m_client->send(req);
    }
    QVERIFY(run(reply).ok());
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;

    int httpLines = 0;
    for (const auto &l : std::as_const(g_lines)) {
        if (l.category != QLatin1String("ba.net.http")) {
            continue;
        }
        ++httpLines;
        QVERIFY2(!l.message.contains(QLatin1String("SECRET123")), qPrintable(l.message));
        QCOMPARE(l.correlationId, QStringLiteral("r42"));
    }
    QVERIFY(httpLines >= 4); // start + result for each of the two attempts
    const bool warned = std::any_of(g_lines.cbegin(), g_lines.cend(), [](const CapturedLine &l) {
        return l.type == QtWarningMsg && l.message.contains(QLatin1String("-> 503")) &&
               l.message.contains(QLatin1String("x_cg_demo_api_key=***")) &&
               l.message.contains(QLatin1String("retry 2/3"));
    });
    QVERIFY(warned);
}

void TestHttpClient::send_finished_emitsMetricsHook()
{
    script({json(404)});
    QSignalSpy metrics(m_client.get(), &HttpClient::requestFinished);
    const HttpResult result = run(m_client->send(request()));
    QCOMPARE(metrics.size(), 1);
    QCOMPARE(metrics.at(0).at(0).toString(), QStringLiteral("test"));
    QCOMPARE(metrics.at(0).at(1).toLongLong(), result.latencyMs);
    QCOMPARE(metrics.at(0).at(2).toBool(), false);
    QCOMPARE(metrics.at(0).at(3).value<FetchError::Kind>(), FetchError::Kind::NotFound);
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
