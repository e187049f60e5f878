#include "net/ResponseClassifier.h"

#include <QTest>

using ba::FetchError;
using ba::HttpExpect;
using ba::HttpHeaders;
using ba::ResponseClassifier;

class TestResponseClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_answer_givesKindAndRetryable_data();
    void classify_answer_givesKindAndRetryable();
    void classify_429_carriesRetryAfterIntoMessage();
    void classify_bodySizeNotContentLength_isRetryableBadResponse();
    void isCloudflareChallenge_markers_data();
    void isCloudflareChallenge_markers();
    void userMessage_everyErrorKind_isOneSentenceNamingTheService();
};

namespace {
const HttpHeaders kJson = {{"Content-Type", "application/json"}};
const HttpHeaders kHtml = {{"Content-Type", "text/html; charset=UTF-8"}};
} // namespace

void TestResponseClassifier::classify_answer_givesKindAndRetryable_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expect");
    QTest::addColumn<FetchError::Kind>("kind");
    QTest::addColumn<bool>("retryable");

    using K = FetchError::Kind;
    using E = QNetworkReply::NetworkError;
    const int json = int(HttpExpect::Json);
    const QByteArray obj = "{\"a\":1}";
    QTest::newRow("ok") << 200 << int(E::NoError) << kJson << obj << json << K::None << false;
    QTest::newRow("array ok") << 200 << int(E::NoError) << kJson << QByteArray(" [1]") << json << K::None
                              << false;
    QTest::newRow("refused") << 0 << int(E::ConnectionRefusedError) << HttpHeaders() << QByteArray() << json
                             << K::Offline << true;
    QTest::newRow("host not found") << 0 << int(E::HostNotFoundError) << HttpHeaders() << QByteArray() << json
                                    << K::Offline << true;
    QTest::newRow("TLS failure is not retried") << 0 << int(E::SslHandshakeFailedError) << HttpHeaders()
                                                << QByteArray() << json << K::Offline << false;
    QTest::newRow("Qt transfer timeout")
        << 0 << int(E::TimeoutError) << HttpHeaders() << QByteArray() << json << K::Timeout << false;
    QTest::newRow("cut off after headers") << 200 << int(E::RemoteHostClosedError) << kJson
                                           << QByteArray("{\"a\"") << json << K::BadResponse << true;
    QTest::newRow("408") << 408 << int(E::NoError) << kJson << obj << json << K::Timeout << true;
    QTest::newRow("410") << 410 << int(E::ContentGoneError) << kJson << obj << json << K::NotFound << false;
    QTest::newRow("422") << 422 << int(E::UnknownContentError) << kJson << obj << json << K::BadRequest
                         << false;
    QTest::newRow("502") << 502 << int(E::UnknownServerError) << kHtml
                         << QByteArray("<html>bad gateway</html>") << json << K::ServerError << true;
    QTest::newRow("504") << 504 << int(E::UnknownServerError) << kJson << obj << json << K::ServerError
                         << true;
    QTest::newRow("unfollowed 302") << 302 << int(E::NoError) << kJson << obj << json << K::BadResponse
                                    << false;
    QTest::newRow("XML expected, RSS served")
        << 200 << int(E::NoError) << HttpHeaders{{"Content-Type", "application/rss+xml"}}
        << QByteArray("<?xml version=\"1.0\"?><rss/>") << int(HttpExpect::Xml) << K::None << false;
    QTest::newRow("any: HTML accepted") << 200 << int(E::NoError) << kHtml << QByteArray("<html></html>")
                                        << int(HttpExpect::Any) << K::None << false;
    QTest::newRow("event stream answered with HTML")
        << 200 << int(E::NoError) << kHtml << QByteArray("<html></html>") << int(HttpExpect::EventStream)
        << K::BadResponse << false;
    QTest::newRow("JSON without content type")
        << 200 << int(E::NoError) << HttpHeaders() << obj << json << K::None << false;
    QTest::newRow("HTML without content type")
        << 200 << int(E::NoError) << HttpHeaders() << QByteArray("<!DOCTYPE html><html></html>") << json
        << K::BadResponse << false;
}

void TestResponseClassifier::classify_answer_givesKindAndRetryable()
{
    QFETCH(int, status);
    QFETCH(int, networkError);
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(int, expect);
    QFETCH(FetchError::Kind, kind);
    QFETCH(bool, retryable);
    ResponseClassifier::Input in;
    in.status = status;
    in.networkError = QNetworkReply::NetworkError(networkError);
    in.networkErrorText = QStringLiteral("text");
    in.headers = headers;
    in.body = body;
    in.expect = HttpExpect(expect);
    in.service = QStringLiteral("api.example.org");

    const ResponseClassifier::Verdict v = ResponseClassifier::classify(in);

    QCOMPARE(FetchError::kindName(v.error.kind), FetchError::kindName(kind));
    QCOMPARE(v.retryable, retryable);
    if (kind != FetchError::Kind::None) {
        QCOMPARE(v.error.httpStatus, status);
    }
    QCOMPARE(v.error.userMessage.isEmpty(), kind == FetchError::Kind::None);
}

void TestResponseClassifier::classify_429_carriesRetryAfterIntoMessage()
{
    ResponseClassifier::Input in;
    in.status = 429;
    in.headers = kJson;
    in.service = QStringLiteral("api.coingecko.com");
    in.retryAfterSeconds = 119;
    const auto v = ResponseClassifier::classify(in);
    QCOMPARE(v.error.kind, FetchError::Kind::RateLimited);
    QCOMPARE(v.error.retryAfterSeconds, 119);
    QVERIFY2(v.error.userMessage.contains(QLatin1String("119")), qPrintable(v.error.userMessage));
}

void TestResponseClassifier::classify_bodySizeNotContentLength_isRetryableBadResponse()
{
    // Qt can report a connection closed mid-body as success; the size check is the safety net.
    ResponseClassifier::Input in;
    in.status = 200;
    in.headers = kJson;
    in.body = "{\"prices\":[[1,2]";
    in.declaredLength = 1000;
    in.service = QStringLiteral("api.coingecko.com");
    const auto cut = ResponseClassifier::classify(in);
    QCOMPARE(cut.error.kind, FetchError::Kind::BadResponse);
    QVERIFY(cut.retryable);
    QVERIFY(cut.error.detail.contains(QLatin1String("of 1000 bytes")));

    in.declaredLength = 4; // more bytes than announced: two transfers mixed up
    QCOMPARE(ResponseClassifier::classify(in).error.kind, FetchError::Kind::BadResponse);

    in.body = "{\"a\":1}";
    in.declaredLength = in.body.size();
    QVERIFY(!ResponseClassifier::classify(in).error.isError());
}

void TestResponseClassifier::isCloudflareChallenge_markers_data()
{
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("challenge");

    QTest::newRow("cf-mitigated header")
        << HttpHeaders{{"CF-Mitigated", "challenge"}} << QByteArray("{}") << true;
    QTest::newRow("title") << kHtml << QByteArray("<html><head><title>Just a moment...</title>") << true;
    QTest::newRow("chl opt") << kHtml << QByteArray("<html><script>window._cf_chl_opt={cvId:'3'}</script>")
                             << true;
    QTest::newRow("orchestrate path")
        << kHtml
        << QByteArray("<html><script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/"
                      "chl_page/v1?ray=1\"></script>")
        << true;
    QTest::newRow("block page") << kHtml << QByteArray("<title>Attention Required! | Cloudflare</title>")
                                << true;
    QTest::newRow("beacon on a normal page")
        << kHtml
        << QByteArray("<html><script src=\"/cdn-cgi/challenge-platform/scripts/"
                      "jsd/main.js\"></script><h1>News</h1></html>")
        << false;
    QTest::newRow("normal page") << kHtml << QByteArray("<html><h1>Just a moment, please read on</h1></html>")
                                 << false;
    QTest::newRow("JSON mentioning the marker") << kJson << QByteArray("{\"text\":\"_cf_chl_opt\"}") << false;
}

void TestResponseClassifier::isCloudflareChallenge_markers()
{
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(bool, challenge);
    QCOMPARE(ResponseClassifier::isCloudflareChallenge(headers, body), challenge);
}

void TestResponseClassifier::userMessage_everyErrorKind_isOneSentenceNamingTheService()
{
    using K = FetchError::Kind;
    const K kinds[] = {K::Offline,       K::Timeout,     K::RateLimited, K::Unauthorized,
                       K::NotFound,      K::ServerError, K::BadResponse, K::Blocked,
                       K::SafetyBlocked, K::Cancelled,   K::TooLarge,    K::BadRequest};
    for (K kind : kinds) {
        const QString message = ResponseClassifier::userMessage(kind, QStringLiteral("api.example.org"), 500);
        QVERIFY2(message.contains(QLatin1String("api.example.org")), qPrintable(message));
        QVERIFY2(message.endsWith(QLatin1Char('.')), qPrintable(message));
        QCOMPARE(message.count(QLatin1String(". ")), 0); // one sentence
    }
    QVERIFY(ResponseClassifier::userMessage(K::None, QStringLiteral("x"), 0).isEmpty());
}

QTEST_GUILESS_MAIN(TestResponseClassifier)
#include "tst_responseclassifier.moc"
