#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The built programs, as scripts/demo.sh runs them: ba-fake-services serves the demo market and
// bitcoin-analyzer (offscreen, in a fresh data folder) is pointed at it. Nothing is linked in: what
// is checked is what the processes leave behind, the database and the log file.
class TestDemoProcess : public QObject
{
    Q_OBJECT

    static QProcessEnvironment environment(const QString &home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // Chromium refuses to run as root with its sandbox on; no GPU here.
        env.insert(QStringLiteral("QTWEBENGINE_CHROMIUM_FLAGS"),
                   QStringLiteral("--no-sandbox --disable-gpu"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("key-for-the-demo-fake"));
        env.remove(QStringLiteral("COINGECKO_API_KEY"));
        env.remove(QStringLiteral("BITCOIN_ANALYZER_DATA_DIR"));
        return env;
    }

    static void stop(QProcess &process)
    {
        if (process.state() == QProcess::NotRunning) {
            return;
        }
        process.terminate();
        if (!process.waitForFinished(10000)) {
            process.kill();
            process.waitForFinished(5000);
        }
    }

private Q_SLOTS:
    void demo_storesPricesNewsAndAnalysisUnderOneCorrelationId();
};

void TestDemoProcess::demo_storesPricesNewsAndAnalysisUnderOneCorrelationId()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QProcessEnvironment env = environment(dir.filePath(QStringLiteral("home")));
    QProcess fakes;
    fakes.setProcessEnvironment(env);
    fakes.start(QStringLiteral(BA_FAKES_EXE), {QStringLiteral("--gemini-delay-ms"), QStringLiteral("200")});
    QVERIFY(fakes.waitForStarted(10000));
    QVERIFY(QTest::qWaitFor([&] { return fakes.canReadLine(); }, 10000));
    const QStringList urls = QString::fromUtf8(fakes.readLine()).trimmed().split(QLatin1Char(' '));
    QCOMPARE(urls.size(), 6); // --coingecko-url U --gemini-url U --news-url U

    const QString dataDir = dir.filePath(QStringLiteral("data"));
    QProcess app;
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(BA_APP_EXE), QStringList{QStringLiteral("--data-dir"), dataDir} + urls);
    QVERIFY(app.waitForStarted(10000));

    // The log is written line by line; the start-up refresh ends with "Refresh finished".
    QFile log(dataDir + QStringLiteral("/logs/bitcoin-analyzer.log"));
    QString text;
    const bool refreshed = QTest::qWaitFor(
        [&] {
            if (!log.isOpen() && !log.open(QIODevice::ReadOnly)) {
                return false;
            }
            text += QString::fromUtf8(log.readAll());
            return text.contains(QLatin1String("ba.services.refresh [r1] Refresh finished"));
        },
        90000);
    stop(app);
    stop(fakes);
    QVERIFY2(refreshed, qPrintable(QString::fromUtf8(app.readAll().right(3000)) + text.right(3000)));

    // Prices, news and the analysis landed in the database...
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(dataDir + QStringLiteral("/bitcoin-analyzer.sqlite"));
        QVERIFY(db.open());
        const auto count = [&db](const QString &sql) {
            QSqlQuery query(db);
            return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
        };
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM prices WHERE coin_id = 'bitcoin' AND "
                                      "vs_currency = 'usd' AND resolution_ms = 3600000")),
                 30 * 24 + 1);
        QVERIFY(count(QStringLiteral("SELECT COUNT(*) FROM news WHERE title LIKE 'Demo: %'")) >= 4);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM analyses WHERE provider = 'gemini' AND "
                                      "status = 'ok' AND range_key = '30d' AND prompt LIKE '%Demo: %'")),
                 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));

    // ...and the log follows all three under the start-up refresh's id.
    const QStringList lines = text.split(QLatin1Char('\n'));
    const QRegularExpressionMatch total =
        QRegularExpression(QStringLiteral(R"(\[r1\] Refresh finished in (\d+) ms)")).match(text);
    qInfo("start-up refresh of the demo: %s ms, %d log lines", qPrintable(total.captured(1)),
          int(lines.size()));
    const auto logged = [&lines](const QString &pattern) {
        const QRegularExpression re(pattern);
        return std::any_of(lines.cbegin(), lines.cend(),
                           [&re](const QString &line) { return re.match(line).hasMatch(); });
    };
    QVERIFY(logged(
        QStringLiteral(R"(INFO  ba\.net\.http \[r1\] GET /api/v3/coins/bitcoin/market_chart\?.* -> 200 )")));
    QVERIFY(logged(QStringLiteral(R"(INFO  ba\.(services|news|storage)\.news[a-z]* \[r1\] )")));
    QVERIFY(logged(QStringLiteral(R"(INFO  ba\.services\.refresh \[r1\] Step news ok [1-9])")));
    QVERIFY(logged(QStringLiteral(
        R"(INFO  ba\.net\.http \[r1\] POST /v1beta/models/.*:streamGenerateContent.* -> 200 )")));
    QVERIFY(logged(QStringLiteral(
        R"(INFO  ba\.storage\.analyses \[r1\] stored analysis 1 of bitcoin/usd 30d \(gemini)")));
    QVERIFY(logged(QStringLiteral(R"(ba\.services\.demo \[-\] coingecko answers with demo data)")));
    QVERIFY(!text.contains(QLatin1String("key-for-the-demo-fake"))); // the key never reaches the log
}

QTEST_GUILESS_MAIN(TestDemoProcess)
#include "tst_demoprocess.moc"
