#include "fakes/FakeHttpServer.h"
#include "fakes/HostileFeeds.h"
#include "net/HttpClient.h"
#include "news/RssParser.h"
#include "news/RssSource.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>
#include <optional>

using ba::FetchError;
using ba::HttpClient;
using ba::NewsSiteProfile;
using ba::RssFetchResult;
using ba::RssSource;
using ba::fakes::FakeHttpServer;
using ba::fakes::FakeRequest;
using ba::fakes::FakeResponse;

namespace {

QByteArray sampleFeed()
{
    QFile file(QStringLiteral(BA_TEST_DATA_DIR "/rss_coindesk_sample.xml"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QByteArray kAtom = R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom entry</title><link href="https://news.example.com/atom-1"/>
<updated>2025-12-13T14:03:00Z</updated></entry></feed>)";

const QByteArray kChallenge =
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    "<div id=\"challenge-error-text\">Enable JavaScript and cookies to continue</div>"
    "<script>window._cf_chl_opt={cvId:'3'};</script></body></html>";

} // namespace

// RssSource against a feed served by FakeHttpServer on 127.0.0.1.
class TestRssSource : public QObject
{
    Q_OBJECT

private:
    NewsSiteProfile profile(const QString &path) const;
    std::optional<RssFetchResult> fetchOnce(RssSource &source);

    FakeHttpServer m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;

private Q_SLOTS:
    void initTestCase();
    void fetch_feedContentTypes_deliverItems_data();
    void fetch_feedContentTypes_deliverItems();
    void fetch_htmlInsteadOfXml_isBadResponse();
    void fetch_challengePage_isBlocked();
    void fetch_notFound_isNotFound();
    void fetch_malformedFeed_isBadResponseNamingFeed();
    void fetch_whileRunning_isRefusedAndCancelEndsOnce();
    void fetch_hostileFeed_failsWithReasonNamingFeed_data();
    void fetch_hostileFeed_failsWithReasonNamingFeed();
    void fetch_largeFeed_isParsedWhileTheEventLoopRuns();
    void cancel_whileParsing_endsOnceWithCancelled();
};

NewsSiteProfile TestRssSource::profile(const QString &path) const
{
    NewsSiteProfile p;
    p.id = QStringLiteral("test-rss");
    p.name = QStringLiteral("Test Feed");
    p.kind = NewsSiteProfile::Kind::Rss;
    p.url = m_server.url(path);
    p.timeoutMs = 5000;
    return p;
}

std::optional<RssFetchResult> TestRssSource::fetchOnce(RssSource &source)
{
    QSignalSpy finished(&source, &RssSource::finished);
    if (!source.fetch() || !finished.wait(10000)) {
        return std::nullopt;
    }
    QCoreApplication::processEvents(); // a second finished() would be queued behind the first
    if (finished.count() != 1) {
        qWarning() << "finished() emitted" << finished.count() << "times";
        return std::nullopt;
    }
    return finished.takeFirst().at(0).value<RssFetchResult>();
}

void TestRssSource::initTestCase()
{
    qRegisterMetaType<RssFetchResult>();
    QVERIFY(m_server.listen());
    m_http = std::make_unique<HttpClient>(&m_nam);
    ba::RetryPolicy policy = m_http->retryPolicy();
    policy.baseDelayMs = 10;
    policy.maxDelayMs = 20;
    m_http->setRetryPolicy(policy);
    m_server.route("GET", QStringLiteral("/feed/rss"), [](const FakeRequest &request) {
        const QByteArray type =
            request.query.queryItemValue(QStringLiteral("type"), QUrl::FullyDecoded).toLatin1();
        return FakeResponse::withType(200, type, sampleFeed());
    });
    m_server.route("GET", QStringLiteral("/feed/atom"), [](const FakeRequest &) {
        return FakeResponse::withType(200, "application/atom+xml", kAtom);
    });
    m_server.route("GET", QStringLiteral("/feed/html"), [](const FakeRequest &) {
        return FakeResponse::html(200, "<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>");
    });
    m_server.route("GET", QStringLiteral("/feed/challenge"), [](const FakeRequest &) {
        return FakeResponse::html(403, kChallenge)
            .header("cf-mitigated", "challenge")
            .header("server", "cloudflare");
    });
    m_server.route("GET", QStringLiteral("/feed/broken"), [](const FakeRequest &) {
        return FakeResponse::withType(200, "application/rss+xml", "<rss><channel><item><title>x</channel>");
    });
    using namespace ba::fakes::hostile;
    m_server.route("GET", QStringLiteral("/feed/deep"), [](const FakeRequest &) {
        return FakeResponse::withType(200, "application/rss+xml", deepFeed(100000));
    });
    m_server.route("GET", QStringLiteral("/feed/entity"), [](const FakeRequest &) {
        return FakeResponse::withType(200, "application/rss+xml", entityFeed(4000, 37000));
    });
    m_server.route("GET", QStringLiteral("/feed/large"), [](const FakeRequest &) {
        return FakeResponse::withType(200, "application/rss+xml", plainFeed(20000));
    });
    m_server.route("GET", QStringLiteral("/feed/slow"), [](const FakeRequest &) {
        FakeResponse response = FakeResponse::withType(200, "application/rss+xml", sampleFeed());
        response.delayMs = 3000;
        return response;
    });
}

void TestRssSource::fetch_feedContentTypes_deliverItems_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("items");
    QTest::addColumn<QString>("format");
    QTest::newRow("application/rss+xml")
        << QStringLiteral("/feed/rss?type=application/rss%2Bxml") << 2 << QStringLiteral("RSS 2.0");
    QTest::newRow("text/xml") << QStringLiteral("/feed/rss?type=text/xml;%20charset=UTF-8") << 2
                              << QStringLiteral("RSS 2.0");
    QTest::newRow("application/xml") << QStringLiteral("/feed/rss?type=application/xml") << 2
                                     << QStringLiteral("RSS 2.0");
    QTest::newRow("application/atom+xml") << QStringLiteral("/feed/atom") << 1 << QStringLiteral("Atom");
}

void TestRssSource::fetch_feedContentTypes_deliverItems()
{
    QFETCH(QString, path);
    QFETCH(int, items);
    QFETCH(QString, format);
    m_server.clearRequests();
    RssSource source(m_http.get(), profile(path));
    source.setSourceName(QStringLiteral("Test News"));

    const auto result = fetchOnce(source);

    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->items.size(), items);
    QCOMPARE(result->format, format);
    QCOMPARE(result->feedUrl, m_server.url(path));
    QCOMPARE(result->profileId, QStringLiteral("test-rss"));
    QCOMPARE(result->items.constFirst().source, QStringLiteral("Test News"));
    QVERIFY(result->latencyMs >= 0);
    QCOMPARE(m_server.requestCount(), 1);
    const QByteArray accept = m_server.requests().constFirst().header("Accept");
    QVERIFY2(accept.contains("application/rss+xml") && accept.contains("application/atom+xml"),
             accept.constData());
}

void TestRssSource::fetch_htmlInsteadOfXml_isBadResponse()
{
    RssSource source(m_http.get(), profile(QStringLiteral("/feed/html")));
    const auto result = fetchOnce(source);
    QVERIFY(result);
    QCOMPARE(result->error.kind, FetchError::Kind::BadResponse);
    QVERIFY(result->items.isEmpty());
    QVERIFY(!result->error.userMessage.isEmpty());
}

void TestRssSource::fetch_challengePage_isBlocked()
{
    RssSource source(m_http.get(), profile(QStringLiteral("/feed/challenge")));
    const auto result = fetchOnce(source);
    QVERIFY(result);
    QCOMPARE(result->error.kind, FetchError::Kind::Blocked);
    QVERIFY(result->items.isEmpty());
}

void TestRssSource::fetch_notFound_isNotFound()
{
    m_server.clearRequests();
    RssSource source(m_http.get(), profile(QStringLiteral("/feed/missing")));
    const auto result = fetchOnce(source);
    QVERIFY(result);
    QCOMPARE(result->error.kind, FetchError::Kind::NotFound);
    QCOMPARE(result->error.httpStatus, 404);
    QCOMPARE(m_server.requestCount(), 1); // a 404 is not retried
}

void TestRssSource::fetch_malformedFeed_isBadResponseNamingFeed()
{
    RssSource source(m_http.get(), profile(QStringLiteral("/feed/broken")));
    const auto result = fetchOnce(source);
    QVERIFY(result);
    QCOMPARE(result->error.kind, FetchError::Kind::BadResponse);
    QVERIFY(result->items.isEmpty());
    QVERIFY2(result->error.userMessage.contains(QStringLiteral("Test Feed")),
             qPrintable(result->error.userMessage));
}

void TestRssSource::fetch_whileRunning_isRefusedAndCancelEndsOnce()
{
    RssSource source(m_http.get(), profile(QStringLiteral("/feed/slow")));
    QSignalSpy finished(&source, &RssSource::finished);
    QVERIFY(source.fetch());
    QVERIFY(source.isRunning());
    QVERIFY(!source.fetch());
    QTRY_COMPARE(m_server.requestCount(QStringLiteral("/feed/slow")), 1);
    source.cancel();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().at(0).value<RssFetchResult>().error.kind, FetchError::Kind::Cancelled);
    QVERIFY(!source.isRunning());
    QVERIFY(!finished.wait(200)); // nothing else arrives
}

void TestRssSource::fetch_hostileFeed_failsWithReasonNamingFeed_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    // 684 KB: a SIGSEGV on every refresh before the fix.
    QTest::newRow("100,000 nested elements")
        << QStringLiteral("/feed/deep") << QStringLiteral("nests elements more than 64 deep");
    // 185 KB that expanded to 148 M characters before the fix.
    QTest::newRow("entity declared in the DTD")
        << QStringLiteral("/feed/entity") << QStringLiteral("declares its own XML entities");
}

void TestRssSource::fetch_hostileFeed_failsWithReasonNamingFeed()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    RssSource source(m_http.get(), profile(path));
    const auto result = fetchOnce(source);
    QVERIFY(result);
    QCOMPARE(result->error.kind, FetchError::Kind::BadResponse);
    QVERIFY(result->items.isEmpty());
    QVERIFY2(result->error.userMessage.contains(QStringLiteral("Test Feed")) &&
                 result->error.userMessage.contains(reason),
             qPrintable(result->error.userMessage));
}

void TestRssSource::fetch_largeFeed_isParsedWhileTheEventLoopRuns()
{
    // The GUI thread must keep painting while a big feed is read: between the HTTP answer and the
    // parsed result, the event loop has to turn (it could not if parsing ran on this thread).
    RssSource source(m_http.get(), profile(QStringLiteral("/feed/large")));
    int turns = 0;
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&turns] { ++turns; });
    ticker.start();
    int turnsAtAnswer = -1;
    connect(m_http.get(), &HttpClient::requestCompleted, &source,
            [&turns, &turnsAtAnswer] { turnsAtAnswer = turns; });
    const auto result = fetchOnce(source);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->items.size(), ba::RssParser::MaxItems);
    QVERIFY(turnsAtAnswer >= 0);
    QVERIFY2(turns > turnsAtAnswer, "no event was handled while the feed was parsed");
}

void TestRssSource::cancel_whileParsing_endsOnceWithCancelled()
{
    RssSource source(m_http.get(), profile(QStringLiteral("/feed/large")));
    QSignalSpy finished(&source, &RssSource::finished);
    connect(m_http.get(), &HttpClient::requestCompleted, &source, [&source] {
        // The reply is done; the parse is about to start on a worker. Cancel right after.
        QTimer::singleShot(0, &source, [&source] {
            QVERIFY(source.isRunning());
            source.cancel();
        });
    });
    QVERIFY(source.fetch());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().at(0).value<RssFetchResult>().error.kind, FetchError::Kind::Cancelled);
    QVERIFY(!source.isRunning());
    QVERIFY(!finished.wait(300)); // the worker's result, when it comes, is dropped
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestRssSource)
#include "tst_rsssource.moc"
