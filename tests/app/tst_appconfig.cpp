#include "domain/AppConfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace ba;

namespace {

ConfigSources sourcesIn(const QTemporaryDir &dir)
{
    ConfigSources sources;
    sources.defaultDataDir = dir.filePath(QStringLiteral("default-data"));
    return sources;
}

} // namespace

class TestAppConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_withNothingSet_usesBuiltInDefaults()
    {
        QTemporaryDir dir;
        const ConfigResult result = resolveConfig(sourcesIn(dir));
        QVERIFY(!result.error);
        const AppConfig &config = result.config;
        QCOMPARE(config.dataDir, dir.filePath(QStringLiteral("default-data")));
        QVERIFY(!config.dataDirExplicit);
        QCOMPARE(config.coingeckoUrl, QUrl(QStringLiteral("https://api.coingecko.com/api/v3")));
        QCOMPARE(config.geminiUrl, QUrl(QStringLiteral("https://generativelanguage.googleapis.com/v1beta")));
        QCOMPARE(config.newsUrl, QUrl(QStringLiteral("https://news.bitcoin.com/")));
        QCOMPARE(config.rssFallbackUrl(), QUrl(QStringLiteral("https://news.bitcoin.com/feed/")));
        QCOMPARE(config.coin, QStringLiteral("bitcoin"));
        QCOMPARE(config.currency, QStringLiteral("usd"));
        QVERIFY(!config.offline);
        QVERIFY(config.language.isEmpty());
        QCOMPARE(config.logLevel, QtInfoMsg);
        QVERIFY(!config.geminiModel.isEmpty());
        QVERIFY(config.settingsFilePath().isEmpty());
        QVERIFY(!QFile::exists(config.dataDir)); // resolution creates nothing
    }

    void resolve_precedence_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("envName");
        QTest::addColumn<QString>("cliValue");
        QTest::addColumn<QString>("envValue");
        QTest::addColumn<QString>("settingsValue");
        QTest::addColumn<QString>("expected");

        const QString cg = QStringLiteral("coingecko-url");
        const QString cgEnv = QStringLiteral("BITCOIN_ANALYZER_COINGECKO_URL");
        const QString a = QStringLiteral("http://127.0.0.1:1/a");
        const QString b = QStringLiteral("http://127.0.0.1:1/b");
        const QString c = QStringLiteral("http://127.0.0.1:1/c");
        QTest::newRow("cli beats env and settings") << cg << cgEnv << a << b << c << a;
        QTest::newRow("env beats settings") << cg << cgEnv << QString() << b << c << b;
        QTest::newRow("settings beat default") << cg << cgEnv << QString() << QString() << c << c;
        const QString model = QStringLiteral("gemini-model");
        const QString modelEnv = QStringLiteral("BITCOIN_ANALYZER_GEMINI_MODEL");
        QTest::newRow("model cli") << model << modelEnv << QStringLiteral("m-cli") << QStringLiteral("m-env")
                                   << QStringLiteral("m-set") << QStringLiteral("m-cli");
        QTest::newRow("model env") << model << modelEnv << QString() << QStringLiteral("m-env")
                                   << QStringLiteral("m-set") << QStringLiteral("m-env");
        QTest::newRow("model settings") << model << modelEnv << QString() << QString()
                                        << QStringLiteral("m-set") << QStringLiteral("m-set");
    }

    void resolve_precedence()
    {
        QFETCH(QString, key);
        QFETCH(QString, envName);
        QFETCH(QString, cliValue);
        QFETCH(QString, envValue);
        QFETCH(QString, settingsValue);
        QFETCH(QString, expected);

        QTemporaryDir dir;
        ConfigSources sources = sourcesIn(dir);
        if (!cliValue.isEmpty()) {
            sources.commandLine.insert(key, cliValue);
        }
        if (!envValue.isEmpty()) {
            sources.environment.insert(envName, envValue);
        }
        sources.settings = [&](const QString &k) -> std::optional<QString> {
            if (k == key && !settingsValue.isEmpty()) {
                return settingsValue;
            }
            return std::nullopt;
        };
        const ConfigResult result = resolveConfig(sources);
        QVERIFY2(!result.error, qPrintable(result.error ? result.error->message : QString()));
        const QString actual = key == QLatin1String("gemini-model") ? result.config.geminiModel
                                                                    : result.config.coingeckoUrl.toString();
        QCOMPARE(actual, expected);
    }

    void resolve_dataDirFromEnvironment_isExplicitAndHoldsSettings()
    {
        QTemporaryDir dir;
        ConfigSources sources = sourcesIn(dir);
        sources.environment.insert(QStringLiteral("BITCOIN_ANALYZER_DATA_DIR"),
                                   dir.filePath(QStringLiteral("env")));
        sources.commandLine.insert(QStringLiteral("data-dir"), dir.filePath(QStringLiteral("cli")));
        const ConfigResult result = resolveConfig(sources);
        QVERIFY(!result.error);
        QCOMPARE(result.config.dataDir, dir.filePath(QStringLiteral("cli")));
        QVERIFY(result.config.dataDirExplicit);
        QCOMPARE(result.config.settingsFilePath(), dir.filePath(QStringLiteral("cli/settings.ini")));
        QCOMPARE(result.config.databasePath(), dir.filePath(QStringLiteral("cli/bitcoin-analyzer.sqlite")));
        QCOMPARE(result.config.logFilePath(), dir.filePath(QStringLiteral("cli/logs/bitcoin-analyzer.log")));
    }

    void resolve_keysComeFromEnvironment()
    {
        QTemporaryDir dir;
        ConfigSources sources = sourcesIn(dir);
        sources.environment.insert(QStringLiteral("GEMINI_API_KEY"), QStringLiteral(" gem-key "));
        sources.environment.insert(QStringLiteral("COINGECKO_API_KEY"), QStringLiteral("cg-key"));
        const ConfigResult result = resolveConfig(sources);
        QCOMPARE(result.config.geminiApiKey, QStringLiteral("gem-key"));
        QCOMPARE(result.config.coingeckoApiKey, QStringLiteral("cg-key"));
    }

    void resolve_badValue_namesTheOption_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("option");

        QTest::newRow("url not a url") << "coingecko-url"
                                       << "not a url"
                                       << "--coingecko-url";
        QTest::newRow("url ftp scheme") << "gemini-url"
                                        << "ftp://example.org/"
                                        << "--gemini-url";
        QTest::newRow("url without host") << "news-url"
                                          << "http://"
                                          << "--news-url";
        QTest::newRow("unknown language") << "lang"
                                          << "de"
                                          << "--lang";
        QTest::newRow("unknown log level") << "log-level"
                                           << "verbose"
                                           << "--log-level";
        QTest::newRow("bad coin id") << "coin"
                                     << "bit coin;drop"
                                     << "--coin";
        QTest::newRow("bad currency") << "currency"
                                      << "u$d"
                                      << "--currency";
        QTest::newRow("bad model id") << "gemini-model"
                                      << "../../etc"
                                      << "--gemini-model";
        QTest::newRow("missing news config") << "news-config"
                                             << "/nonexistent/news.json"
                                             << "--news-config";
    }

    void resolve_badValue_namesTheOption()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, option);
        QTemporaryDir dir;
        ConfigSources sources = sourcesIn(dir);
        sources.commandLine.insert(key, value);
        const ConfigResult result = resolveConfig(sources);
        QVERIFY(result.error);
        QCOMPARE(result.error->option, option);
        QVERIFY(result.error->message.startsWith(option));
        QVERIFY(!result.error->message.contains(u'\n'));
    }

    void resolve_dataDirIsAFile_isRejected()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        for (const QString &path : QStringList{file, file + QStringLiteral("/below")}) {
            ConfigSources sources = sourcesIn(dir);
            sources.commandLine.insert(QStringLiteral("data-dir"), path);
            const ConfigResult result = resolveConfig(sources);
            QVERIFY2(result.error, qPrintable(path));
            QCOMPARE(result.error->option, QStringLiteral("--data-dir"));
        }
    }

    void resolve_newsUrl_explicitOnlyWhenGiven()
    {
        QTemporaryDir dir;
        ConfigSources sources = sourcesIn(dir);
        QVERIFY(!resolveConfig(sources).config.newsUrlExplicit);
        sources.environment.insert(QStringLiteral("BITCOIN_ANALYZER_NEWS_URL"),
                                   QStringLiteral("http://127.0.0.1:1/"));
        QVERIFY(resolveConfig(sources).config.newsUrlExplicit);
        sources.environment.clear();
        sources.commandLine.insert(QStringLiteral("news-url"), QStringLiteral("http://127.0.0.1:1/"));
        QVERIFY(resolveConfig(sources).config.newsUrlExplicit);
    }

    void resolve_newsConfigThatIsNotAFile_isRejected()
    {
        // A FIFO passed a size check and then blocked the start-up on open().
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("sites.fifo"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        for (const QString &path : {fifo, dir.path()}) {
            ConfigSources sources = sourcesIn(dir);
            sources.commandLine.insert(QStringLiteral("news-config"), path);
            const ConfigResult result = resolveConfig(sources);
            QVERIFY(result.error);
            QCOMPARE(result.error->option, QStringLiteral("--news-config"));
        }
    }

    void resolve_offlineFlagAndLanguage()
    {
        QTemporaryDir dir;
        ConfigSources sources = sourcesIn(dir);
        sources.commandLine.insert(QStringLiteral("offline"), QStringLiteral("1"));
        sources.commandLine.insert(QStringLiteral("lang"), QStringLiteral("FR"));
        sources.commandLine.insert(QStringLiteral("log-level"), QStringLiteral("debug"));
        const ConfigResult result = resolveConfig(sources);
        QVERIFY(!result.error);
        QVERIFY(result.config.offline);
        QCOMPARE(result.config.language, QStringLiteral("fr"));
        QCOMPARE(result.config.logLevel, QtDebugMsg);
    }
};

QTEST_GUILESS_MAIN(TestAppConfig)
#include "tst_appconfig.moc"
