// Every ba.net.http line of a refresh carries that refresh's id, in the hub and in the log file,
// and none leaks into the next refresh, even when their requests overlap in time.
#include "fakes/FakeHttpServer.h"
#include "logging/Correlation.h"
#include "logging/LogHub.h"
#include "net/HttpClient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace ba;
using ba::fakes::FakeHttpServer;
using ba::fakes::FakeRequest;
using ba::fakes::FakeResponse;

namespace {

const QString kPlantedKey = QStringLiteral("CG-PLANTEDcorrelation77");

struct HttpLine
{
    QString id;
    QString path; // "/r1/slow"
};

// Every ba.net.http line that names a request, e.g.
// "2026-...Z WARN  ba.net.http [r1] GET /r1/flaky -> 503 3 ms 20 B (ServerError: ...)" or
// "2026-...Z DEBUG ba.net.http [r1] GET /r1/flaky?... attempt 2 of 3".
QList<HttpLine> httpLinesOfFile(const QString &text)
{
    static const QRegularExpression line(
        QStringLiteral(R"(^\S+Z \w+\s+ba\.net\.http \[([^\]]+)\] GET (/[^?\s]+))"),
        QRegularExpression::MultilineOption);
    QList<HttpLine> lines;
    QRegularExpressionMatchIterator it = line.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        lines.append({match.captured(1), match.captured(2)});
    }
    return lines;
}

} // namespace

class TestRequestCorrelation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overlappingRefreshes_everyHttpLineCarriesItsOwnId();
};

void TestRequestCorrelation::overlappingRefreshes_everyHttpLineCarriesItsOwnId()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LogHub::Options options;
    options.echoToStderr = false;
    options.guiBatchIntervalMs = 0;
    LogHub hub(options);
    hub.setMinimumLevel(QtDebugMsg); // attempt lines too
    QVERIFY(hub.openFile(dir.filePath(QStringLiteral("logs/bitcoin-analyzer.log"))));
    hub.install();

    FakeHttpServer server;
    QVERIFY(server.listen());
    QHash<QString, int> flakyCalls;
    server.routePrefix("GET", QStringLiteral("/"), [&flakyCalls](const FakeRequest &request) {
        if (request.path.endsWith(u"/slow")) {
            FakeResponse response = FakeResponse::json(200, "{\"slow\":true}");
            response.delayMs = 300; // still running when the next refresh starts
            return response;
        }
        if (request.path.endsWith(u"/flaky") && flakyCalls[request.path]++ == 0) {
            return FakeResponse::json(503, "{\"error\":\"try again\"}");
        }
        return FakeResponse::json(200, "{\"ok\":true}");
    });
    QNetworkAccessManager nam;
    nam.setProxy(QNetworkProxy::NoProxy);
    HttpClient client(&nam);
    RetryPolicy policy;
    policy.baseDelayMs = 10;
    policy.maxDelayMs = 20;
    client.setRetryPolicy(policy);
    QSignalSpy finished(&client, &HttpClient::requestFinished);

    const auto sendAll = [&](const QString &id) {
        CorrelationScope scope(id);
        for (const char *name : {"slow", "flaky", "fast"}) {
            HttpRequest request;
            request.url = server.url(QLatin1Char('/') + id + QLatin1Char('/') + QLatin1String(name) +
                                     QStringLiteral("?x_cg_demo_api_key=") + kPlantedKey);
            request.source = QStringLiteral("coingecko");
            client.send(request);
        }
    };
    sendAll(QStringLiteral("r1"));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, 10000); // r1's fast request is done, slow still runs
    sendAll(QStringLiteral("r2"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 6, 15000);
    QCOMPARE(currentCorrelationId(), QString()); // the scopes ended with their blocks
    // A named category: qCInfo keeps a pointer to it, so a temporary would be used after its scope.
    const QLoggingCategory testCategory("ba.test");
    qCInfo(testCategory) << "outside any refresh";
    hub.flush();
    hub.uninstall();

    QFile file(hub.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QList<HttpLine> lines = httpLinesOfFile(text);
    QHash<QString, int> perRefresh;
    for (const HttpLine &line : lines) {
        const QString owner = line.path.section(QLatin1Char('/'), 1, 1);
        QCOMPARE(line.id, owner); // "/r1/..." lines say [r1], "/r2/..." lines say [r2]
        ++perRefresh[owner];
    }
    // Per refresh: slow, fast, flaky's 503 and its retry, each with its attempt line: eight lines each.
    QVERIFY2(perRefresh.value(QStringLiteral("r1")) >= 8, qPrintable(text));
    QVERIFY2(perRefresh.value(QStringLiteral("r2")) >= 8, qPrintable(text));
    // The in-memory copy (what the dock shows) agrees with the file.
    int httpEntries = 0;
    for (const LogEntry &entry : hub.recent(10000)) {
        if (entry.category == u"ba.net.http" && entry.message.startsWith(u"GET ")) {
            ++httpEntries;
            QVERIFY2(entry.message.contains(QLatin1Char('/') + entry.correlationId + QLatin1Char('/')),
                     qPrintable(formatLogLine(entry)));
        }
    }
    QCOMPARE(httpEntries, lines.size());
    QVERIFY(text.contains(QStringLiteral("ba.test [-] outside any refresh")));
    QVERIFY2(!text.contains(QStringLiteral("PLANTED")), "a key reached the log file");
}

QTEST_GUILESS_MAIN(TestRequestCorrelation)
#include "tst_requestcorrelation.moc"
