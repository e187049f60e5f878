#include "ba/Version.h"
#include "logging/LogHub.h"
#include "services/DiagnosticReport.h"
#include "services/SourceMetrics.h"
#include "storage/Database.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace ba;

namespace {

const QString kGeminiKey = QStringLiteral("AIzaSyPLANTED-gemini-0123456789abcdef");
const QString kGeckoKey = QStringLiteral("CG-PLANTEDgecko4242");

AppConfig plantedConfig(const QString &dataDir)
{
    AppConfig config;
    config.dataDir = dataDir;
    config.coingeckoUrl = QUrl(QStringLiteral("http://127.0.0.1:8080/api/v3?x_cg_demo_api_key=") + kGeckoKey);
    config.geminiUrl = QUrl(QStringLiteral("https://gemini.example/v1beta"));
    config.newsUrl = QUrl(QStringLiteral("https://news.site.example/"));
    config.geminiModel = QStringLiteral("gemini-2.5-flash");
    config.coin = QStringLiteral("bitcoin");
    config.currency = QStringLiteral("usd");
    config.geminiApiKey = kGeminiKey;
    config.coingeckoApiKey = kGeckoKey;
    return config;
}

LogHub::Options quietHub()
{
    LogHub::Options options;
    options.echoToStderr = false;
    options.guiBatchIntervalMs = 0;
    return options;
}

void verifyNoKey(const QString &text)
{
    for (const QString &key : {kGeminiKey, kGeckoKey}) {
        QVERIFY2(!text.contains(key), "a key is in the report");
        QVERIFY2(!text.contains(QString::fromLatin1(QUrl::toPercentEncoding(key))),
                 "an encoded key is in the report");
    }
    QVERIFY2(!text.contains(QStringLiteral("PLANTED")), "part of a key is in the report");
}

} // namespace

class TestDiagnosticReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_plantedKeyEverywhere_appearsNowhere();
    void build_realDatabase_hasIntegrityCheckRowCountsAndSize();
    void build_sections_versionsConfigHealthAndLog();
    void build_logLinesWithBackticksOrPipes_cannotBreakTheLayout();
    void build_missingParts_sayNotAvailable();
    void save_writesTheTextAndReportsFailures();
};

void TestDiagnosticReport::build_plantedKeyEverywhere_appearsNowhere()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The hub is told no secret: the report alone must mask what the log kept.
    LogHub hub(quietHub());
    hub.append(QtInfoMsg, "ba.test", QStringLiteral("raw key ") + kGeminiKey);
    hub.append(QtInfoMsg, "ba.test",
               QStringLiteral("GET /api/v3/ping?x_cg_demo_api_key=") + kGeckoKey + QStringLiteral(" -> 200"));
    hub.append(QtWarningMsg, "ba.test",
               QStringLiteral("encoded ") + QString::fromLatin1(QUrl::toPercentEncoding(kGeminiKey)));
    hub.append(QtInfoMsg, "ba.test", QStringLiteral("header x-goog-api-key: ") + kGeminiKey);
    hub.flush();

    SourceMetrics metrics;
    FetchError error;
    error.kind = FetchError::Kind::Unauthorized;
    error.userMessage = QStringLiteral("Gemini refused the key ") + kGeminiKey;
    error.detail = QStringLiteral("HTTP 400 for key ") + kGeminiKey;
    metrics.recordOutcome(QStringLiteral("gemini"), 120, error,
                          QUrl(QStringLiteral("https://g.example/v1?key=") + kGeminiKey));

    const AppConfig config = plantedConfig(dir.path());
    DiagnosticReport::Inputs inputs = DiagnosticReport::gather(config, &metrics, &hub, nullptr);
    const QString text = DiagnosticReport::build(inputs);

    verifyNoKey(text);
    QVERIFY(text.contains(QStringLiteral("| Gemini API key | set (***) |")));
    QVERIFY(text.contains(QStringLiteral("| CoinGecko API key | set (***) |")));
    QVERIFY(text.contains(QStringLiteral("raw key ***")));
    QVERIFY(text.contains(QStringLiteral("x_cg_demo_api_key=***")));
    QVERIFY(text.contains(QStringLiteral("Gemini refused the key ***")));

    const QString path = dir.filePath(QStringLiteral("report.md"));
    QVERIFY(DiagnosticReport(inputs).save(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    verifyNoKey(QString::fromUtf8(file.readAll()));
}

void TestDiagnosticReport::build_realDatabase_hasIntegrityCheckRowCountsAndSize()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        Database database(QStringLiteral("report-test"));
        const QString path = dir.filePath(QStringLiteral("bitcoin-analyzer.sqlite"));
        QCOMPARE(database.open(path).status, Database::OpenStatus::Ok);
        QSqlQuery query(database.connection());
        for (int i = 0; i < 3; ++i) {
            QVERIFY(query.exec(
                QStringLiteral("INSERT INTO prices(coin_id, vs_currency, resolution_ms, ts_ms, price) "
                               "VALUES ('bitcoin', 'usd', 3600000, %1, 90000.5)")
                    .arg(1700000000000LL + i)));
        }
        QVERIFY(query.exec(QStringLiteral("INSERT INTO news(url, title, fetched_ms, first_seen_ms) "
                                          "VALUES ('https://n.example/a', 'A', 1, 1)")));

        const DiagnosticReport::Inputs inputs =
            DiagnosticReport::gather(plantedConfig(dir.path()), nullptr, nullptr, &database);
        QVERIFY(inputs.database.has_value());
        QCOMPARE(inputs.database->integrity, QStringLiteral("ok"));
        QVERIFY(inputs.database->fileBytes > 0);
        const QString text = DiagnosticReport::build(inputs);

        QVERIFY(text.contains(QStringLiteral("| PRAGMA integrity_check | ok |")));
        QVERIFY(text.contains(QStringLiteral("| prices | 3 |")));
        QVERIFY(text.contains(QStringLiteral("| news | 1 |")));
        QVERIFY(text.contains(QStringLiteral("| analyses | 0 |")));
        QVERIFY(
            text.contains(QStringLiteral("| Schema version | %1 |").arg(Database::latestSchemaVersion())));
        QVERIFY(QRegularExpression(QStringLiteral("\\| File size \\| [0-9.,]+ (bytes|KiB|MiB) \\|"))
                    .match(text)
                    .hasMatch());
        database.close();
    }
}

void TestDiagnosticReport::build_sections_versionsConfigHealthAndLog()
{
    QTemporaryDir dir;
    LogHub hub(quietHub());
    for (int i = 1; i <= 2500; ++i) {
        hub.append(QtInfoMsg, "ba.test", QStringLiteral("line %1").arg(i));
    }
    hub.flush();
    SourceMetrics metrics;
    metrics.recordOutcome(QStringLiteral("coingecko"), 412, FetchError());
    metrics.addSource(QStringLiteral("rss:coindesk"));

    DiagnosticReport::Inputs inputs =
        DiagnosticReport::gather(plantedConfig(dir.path()), &metrics, &hub, nullptr);
    inputs.generatedAt = QDateTime(QDate(2026, 11, 29), QTime(10, 23, 39, 49), Qt::UTC);
    const QString text = DiagnosticReport::build(inputs);

    QVERIFY(text.startsWith(QStringLiteral("# Bitcoin Analyzer diagnostic report\n")));
    QVERIFY(text.contains(QStringLiteral("Generated 2026-11-29T10:23:39.049Z")));
    QVERIFY(text.contains(QStringLiteral("| Bitcoin Analyzer | %1 |").arg(QStringLiteral(BA_VERSION))));
    QVERIFY(text.contains(QStringLiteral("| Qt (running) | %1 |").arg(QString::fromLatin1(qVersion()))));
    QVERIFY(text.contains(QStringLiteral("| Operating system | ") + QSysInfo::prettyProductName()));
    QVERIFY(text.contains(QStringLiteral("| Coin / currency | bitcoin / usd |")));
    QVERIFY(text.contains(QStringLiteral("| Gemini model | gemini-2.5-flash |")));
    QVERIFY(text.contains(QStringLiteral("| CoinGecko (coingecko) | OK |")));
    QVERIFY(text.contains(QStringLiteral("| RSS feed coindesk (rss:coindesk) | No data yet |")));
    QVERIFY(text.contains(QStringLiteral("| 412 / 412 ms |")));
    // Exactly the newest 2,000 lines, in the log-file format.
    QCOMPARE(inputs.logEntries.size(), DiagnosticReport::DefaultLogLines);
    QVERIFY(text.contains(QStringLiteral("Last 2000 lines")));
    QVERIFY(!text.contains(QStringLiteral("] line 500\n")));
    QVERIFY(text.contains(QStringLiteral("INFO  ba.test [-] line 501\n")));
    QVERIFY(text.contains(QStringLiteral("INFO  ba.test [-] line 2500\n")));
    QVERIFY(text.contains(QStringLiteral("| Database")));
    QVERIFY(text.contains(QStringLiteral("Not open.")));
}

void TestDiagnosticReport::build_logLinesWithBackticksOrPipes_cannotBreakTheLayout()
{
    DiagnosticReport::Inputs inputs;
    LogEntry entry;
    entry.category = QStringLiteral("ba.test");
    entry.message = QStringLiteral("```\n## injected heading");
    inputs.logEntries = {entry};
    SourceHealth health;
    health.source = QStringLiteral("coingecko");
    health.displayName = QStringLiteral("Co|in");
    inputs.health = {health};
    const QString text = DiagnosticReport::build(inputs);

    QVERIFY(text.contains(QStringLiteral("\n````text\n"))); // a longer fence than the content's
    QVERIFY(text.contains(QStringLiteral("[-] ```\\n## injected heading\n````\n")));
    QVERIFY(text.contains(QStringLiteral("| Co\\|in (coingecko) |")));
}

void TestDiagnosticReport::build_missingParts_sayNotAvailable()
{
    const QString text = DiagnosticReport::build(DiagnosticReport::Inputs());
    QVERIFY(text.contains(QStringLiteral("## Effective configuration\n\nNot available.")));
    QVERIFY(text.contains(QStringLiteral("## Health\n\nNo source has been used yet.")));
    QVERIFY(text.contains(QStringLiteral("## Database\n\nNot open.")));
    QVERIFY(text.contains(QStringLiteral("Last 0 lines")));
}

void TestDiagnosticReport::save_writesTheTextAndReportsFailures()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.md"));
    QString error;
    QVERIFY(DiagnosticReport::save(QStringLiteral("é report\n"), path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("é report\n"));

    QVERIFY(!DiagnosticReport::save(QStringLiteral("x"), dir.filePath(QStringLiteral("missing/dir/out.md")),
                                    &error));
    QVERIFY2(error.contains(QStringLiteral("out.md")), qPrintable(error));

    QCOMPARE(DiagnosticReport::suggestedFileName(QDateTime(QDate(2026, 11, 29), QTime(10, 23, 39))),
             QStringLiteral("bitcoin-analyzer-diagnostic-20261129-102339.md"));
}

QTEST_GUILESS_MAIN(TestDiagnosticReport)
#include "tst_diagnosticreport.moc"
