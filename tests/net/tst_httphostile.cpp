// HttpClient against hostile loopback servers: redirects that would carry a key or a prompt to
// another host, a chunked body with no end, and event streams that stall or never finish.
#include "fakes/FakeHttpServer.h"
#include "net/HttpClient.h"
#include "net/RedirectRule.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
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

namespace {

QStringList g_messages;

void captureHandler(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (QLatin1String(context.category) == QLatin1String("ba.net.http")) {
        g_messages.append(message);
    }
}

FakeResponse eventStream(const QList<QByteArray> &chunks, int pauseMs)
{
    FakeResponse response = FakeResponse::withType(200, "text/event-stream", {});
    response.omitContentLength = true;
    response.chunks = chunks;
    response.chunkPauseMs = pauseMs;
    return response;
}

FakeResponse redirectTo(int status, const QUrl &location)
{
    return FakeResponse::withType(status, "text/plain", "moved").header("Location", location.toEncoded());
}

} // namespace

class TestHttpHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void redirectRule_data();
    void redirectRule();
    void redirect_toAnotherOrigin_isRefusedAndNothingReachesIt_data();
    void redirect_toAnotherOrigin_isRefusedAndNothingReachesIt();
    void redirect_withinTheOrigin_isFollowedAndTheFinalUrlLogged();
    void redirect_crossOriginAllowed_isFollowedForRequestsWithoutSecrets();
    void chunkedFlood_stopsAtTheCapEvenWhenTheGuiThreadIsBusy();
    void eventStream_silentAfterItsFirstEvent_endsAtTheIdleTimeout();
    void eventStream_thatNeverEnds_endsAtTheTotalTimeout();
    void idleTimeout_doesNotCutAnAnswerThatHasNotBegun();

private:
    HttpResult run(HttpReply *reply, int timeoutMs = 10000);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<FakeHttpServer> m_server; // 127.0.0.1
    std::unique_ptr<FakeHttpServer> m_other;  // 127.0.0.2: another host
    std::unique_ptr<HttpClient> m_client;
};

void TestHttpHostile::init()
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_server = std::make_unique<FakeHttpServer>();
    m_other = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    QVERIFY(m_other->listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    m_other->setFallback([](const FakeRequest &) { return FakeResponse::json(200, "{\"stolen\":true}"); });
    m_client = std::make_unique<HttpClient>(m_nam.get());
    g_messages.clear();
}

void TestHttpHostile::cleanup()
{
    qInstallMessageHandler(nullptr);
    m_client.reset();
    m_other.reset();
    m_server.reset();
    m_nam.reset();
}

HttpResult TestHttpHostile::run(HttpReply *reply, int timeoutMs)
{
    QSignalSpy spy(reply, &HttpReply::finished);
    if (!spy.wait(timeoutMs)) {
        qWarning("request did not finish");
        return HttpResult();
    }
    return spy.at(0).at(0).value<HttpResult>();
}

void TestHttpHostile::redirectRule_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("crossOrigin");
    QTest::addColumn<bool>("follows");
    const QString api = QStringLiteral("https://api.example/v1");
    QTest::newRow("same origin") << api << QStringLiteral("https://API.example/v2") << false << true;
    QTest::newRow("default port written")
        << api << QStringLiteral("https://api.example:443/v2") << false << true;
    QTest::newRow("other port") << api << QStringLiteral("https://api.example:8443/v2") << false << false;
    QTest::newRow("other host") << api << QStringLiteral("https://evil.example/") << false << false;
    QTest::newRow("subdomain") << api << QStringLiteral("https://x.api.example/") << false << false;
    QTest::newRow("to http") << api << QStringLiteral("http://api.example/v2") << false << false;
    QTest::newRow("to http, cross-origin allowed")
        << api << QStringLiteral("http://feeds.example/") << true << false;
    QTest::newRow("cross-origin allowed") << api << QStringLiteral("https://feeds.example/") << true << true;
    QTest::newRow("http to https") << QStringLiteral("http://a.example/")
                                   << QStringLiteral("https://b.example/") << true << true;
    QTest::newRow("file") << api << QStringLiteral("file:///etc/passwd") << true << false;
}

void TestHttpHostile::redirectRule()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, crossOrigin);
    QFETCH(bool, follows);
    QCOMPARE(ba::RedirectRule::mayFollow(QUrl(from), QUrl(to), crossOrigin), follows);
}

void TestHttpHostile::redirect_toAnotherOrigin_isRefusedAndNothingReachesIt_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<bool>("otherPort"); // same address, another port: still another origin
    QTest::newRow("302 GET with key header") << 302 << QByteArray("GET") << false;
    QTest::newRow("307 POST with prompt") << 307 << QByteArray("POST") << false;
    QTest::newRow("308 POST with prompt") << 308 << QByteArray("POST") << false;
    QTest::newRow("301 GET to another port") << 301 << QByteArray("GET") << true;
}

void TestHttpHostile::redirect_toAnotherOrigin_isRefusedAndNothingReachesIt()
{
    QFETCH(int, status);
    QFETCH(QByteArray, method);
    QFETCH(bool, otherPort);
    FakeHttpServer samePlace;
    QVERIFY(samePlace.listen());
    FakeHttpServer &target = otherPort ? samePlace : *m_other;
    const QUrl elsewhere = target.url(QStringLiteral("/collect?from=redirect"));
    m_server->setFallback([&](const FakeRequest &) { return redirectTo(status, elsewhere); });

    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/v1beta/models/m:generateContent"));
    request.method = method;
    request.headers = {{"x-goog-api-key", "SECRET-KEY"}, {"Content-Type", "application/json"}};
    if (method == "POST") {
        request.body = "{\"contents\":[{\"parts\":[{\"text\":\"my private prompt\"}]}]}";
    }
    request.source = QStringLiteral("gemini");
    qInstallMessageHandler(captureHandler);
    const HttpResult result = run(m_client->send(request));

    QCOMPARE(result.error.kind, FetchError::Kind::BadResponse);
    QCOMPARE(result.attempts, 1); // a refused redirect is not retried
    QVERIFY2(result.error.userMessage.contains(
                 QStringLiteral("redirected the request to %1").arg(elsewhere.host())),
             qPrintable(result.error.userMessage));
    QVERIFY2(result.error.detail.contains(elsewhere.toString(QUrl::RemoveQuery)),
             qPrintable(result.error.detail));
    QCOMPARE(target.requestCount(), 0);
    QCOMPARE(m_server->requestCount(), 1);
    for (const QString &line : std::as_const(g_messages)) {
        QVERIFY2(!line.contains(QLatin1String("SECRET-KEY")), qPrintable(line));
    }
}

void TestHttpHostile::redirect_withinTheOrigin_isFollowedAndTheFinalUrlLogged()
{
    m_server->route("*", QStringLiteral("/old"), [this](const FakeRequest &) {
        return redirectTo(307, m_server->url(QStringLiteral("/new?x_cg_demo_api_key=SECRET")));
    });
    m_server->route("*", QStringLiteral("/new"), [](const FakeRequest &request) {
        return FakeResponse::json(200, "{\"key\":\"" + request.header("x-cg-demo-api-key") + "\"}");
    });
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/old"));
    request.headers = {{"x-cg-demo-api-key", "SECRET"}};
    qInstallMessageHandler(captureHandler);
    const HttpResult result = run(m_client->send(request));

    QVERIFY2(result.ok(), qPrintable(result.error.detail));
    QCOMPARE(result.url, m_server->url(QStringLiteral("/new?x_cg_demo_api_key=SECRET")));
    QCOMPARE(result.body, QByteArray("{\"key\":\"SECRET\"}")); // the same origin may see the key
    const QString finalUrl = m_server->url(QStringLiteral("/new?x_cg_demo_api_key=***")).toString();
    const bool logged = std::any_of(g_messages.cbegin(), g_messages.cend(), [&finalUrl](const QString &line) {
        return line.startsWith(QLatin1String("GET /old -> 200")) &&
               line.endsWith(QStringLiteral(" from ") + finalUrl);
    });
    QVERIFY2(logged, qPrintable(g_messages.join(QLatin1Char('\n'))));
    for (const QString &line : std::as_const(g_messages)) {
        QVERIFY2(!line.contains(QLatin1String("SECRET")), qPrintable(line));
    }
}

void TestHttpHostile::redirect_crossOriginAllowed_isFollowedForRequestsWithoutSecrets()
{
    m_server->setFallback(
        [this](const FakeRequest &) { return redirectTo(301, m_other->url(QStringLiteral("/feed/"))); });
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/feed"));
    request.crossOriginRedirects = true; // what RssSource asks: feeds move between hosts
    const HttpResult result = run(m_client->send(request));
    QVERIFY2(result.ok(), qPrintable(result.error.detail));
    QCOMPARE(result.url, m_other->url(QStringLiteral("/feed/")));
    QCOMPARE(m_other->requestCount(), 1);
}

void TestHttpHostile::chunkedFlood_stopsAtTheCapEvenWhenTheGuiThreadIsBusy()
{
    // Before the fix: 75 MB read against a 20 MB cap (551 MB resident), because Qt's reply buffer
    // has no limit and the cap was only checked when the GUI thread came round to read.
    qint64 served = 0;
    const QByteArray piece(64 * 1024, 'x');
    m_server->setFallback([&](const FakeRequest &) {
        FakeResponse response = FakeResponse::withType(200, "application/json", {});
        response.stream = [&served, piece] {
            served += piece.size();
            return piece;
        };
        return response;
    });
    constexpr qint64 cap = 2 * 1024 * 1024;
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/flood"));
    request.expect = HttpExpect::Any;
    request.maxBytes = cap;
    request.timeoutMs = 20000;
    HttpReply *reply = m_client->send(request);
    bool stalled = false;
    connect(reply, &HttpReply::chunkReceived, this, [&stalled] {
        if (!std::exchange(stalled, true)) {
            QThread::msleep(500); // a busy GUI thread: Qt's network thread keeps receiving meanwhile
        }
    });
    const HttpResult result = run(reply, 20000);

    QCOMPARE(result.error.kind, FetchError::Kind::TooLarge);
    const QRegularExpression stoppedAfter(QStringLiteral("stopped after (\\d+) bytes"));
    const QRegularExpressionMatch match = stoppedAfter.match(result.error.detail);
    QVERIFY2(match.hasMatch(), qPrintable(result.error.detail));
    const qint64 read = match.captured(1).toLongLong();
    QVERIFY2(read <= cap + 512 * 1024, qPrintable(result.error.detail)); // one read buffer over, at most
    QVERIFY(!result.error.userMessage.isEmpty());
    QTRY_COMPARE(m_server->openConnections(), 0); // the transfer was cut, not drained
}

void TestHttpHostile::eventStream_silentAfterItsFirstEvent_endsAtTheIdleTimeout()
{
    // Before the fix an AI stream that stalled held the analysis step for the whole 120 s.
    m_server->setFallback([](const FakeRequest &) {
        return eventStream({"data: {\"text\":\"first\"}\n\n", "data: {\"text\":\"never\"}\n\n"}, 60000);
    });
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/stream"));
    request.expect = HttpExpect::EventStream;
    request.timeoutMs = 60000;
    request.idleTimeoutMs = 400;
    HttpReply *reply = m_client->send(request);
    QSignalSpy chunks(reply, &HttpReply::chunkReceived);
    QElapsedTimer clock;
    clock.start();
    const HttpResult result = run(reply);
    QCOMPARE(result.error.kind, FetchError::Kind::Timeout);
    QVERIFY2(result.error.detail.contains(QLatin1String("no data for 400 ms")),
             qPrintable(result.error.detail));
    QCOMPARE(chunks.size(), 1);
    QVERIFY2(clock.elapsed() < 10000, "the stall must end at the idle timeout, not the total one");
}

void TestHttpHostile::eventStream_thatNeverEnds_endsAtTheTotalTimeout()
{
    m_server->setFallback([](const FakeRequest &) {
        // Data every 20 ms: the idle timer never fires.
        return eventStream(QList<QByteArray>(2000, ": keep-alive\n\n"), 20);
    });
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/forever"));
    request.expect = HttpExpect::EventStream;
    request.timeoutMs = 1500;
    request.idleTimeoutMs = 1000;
    const HttpResult result = run(m_client->send(request));
    QCOMPARE(result.error.kind, FetchError::Kind::Timeout);
    QVERIFY2(result.error.detail.contains(QLatin1String("within 1500 ms")), qPrintable(result.error.detail));
}

void TestHttpHostile::idleTimeout_doesNotCutAnAnswerThatHasNotBegun()
{
    // A thinking model may send nothing for long before its first byte; only the total limit applies.
    m_server->setFallback([](const FakeRequest &) {
        FakeResponse response = FakeResponse::json(200, "{\"text\":\"thought long\"}");
        response.delayMs = 800;
        return response;
    });
    HttpRequest request;
    request.url = m_server->url(QStringLiteral("/think"));
    request.idleTimeoutMs = 200;
    const HttpResult result = run(m_client->send(request));
    QVERIFY2(result.ok(), qPrintable(result.error.detail));
    QCOMPARE(result.body, QByteArray("{\"text\":\"thought long\"}"));
}

QTEST_GUILESS_MAIN(TestHttpHostile)
#include "tst_httphostile.moc"
