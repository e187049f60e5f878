#include "KeychainTestEnv.h"
#include "domain/AppConfig.h"
#include "services/AppSettings.h"
#include "services/KeyStore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ba;

// AppSettings over a real ini file: defaults, round-trips through the file, clamping of hand-edited
// values, and the promise that no API key ever ends up in it.
class TestAppSettings : public QObject
{
    Q_OBJECT

public:
    explicit TestAppSettings(QString home) : m_home(std::move(home)) {}

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyFile_givesDocumentedDefaults();
    void defaultGeminiModel_comesFromConstructor();
    void setters_roundTripThroughTheFile();
    void fileKeys_areTheDocumentedNames();
    void handEditedValues_areClampedOrDefaulted_data();
    void handEditedValues_areClampedOrDefaulted();
    void enabledFeeds_distinguishesUnsetFromEmpty();
    void aiSettings_roundTripAsOneValue();
    void keysSetThroughKeyStore_neverReachTheSettingsFile();
    void chartCoinsAndWindow_roundTripUnderTheirOldNames();
    void chartRange_handEdited_isClampedOrDefaulted();
    void configValue_readsTheSettingsTwinOfAnOption();

private:
    QString iniPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QSettings> openIni() const
    {
        return std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
    }

    QString m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestAppSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestAppSettings::cleanup()
{
    m_dir.reset();
}

void TestAppSettings::emptyFile_givesDocumentedDefaults()
{
    auto ini = openIni();
    const AppSettings settings(ini.get());
    QCOMPARE(settings.refreshIntervalMinutes(), 5);
    QCOMPARE(settings.coinGeckoPlan(), CoinGeckoPlan::Keyless);
    QCOMPARE(settings.coinGeckoRequestsPerMinute(), 0);
    QCOMPARE(settings.aiProvider(), AiProviderKind::Gemini);
    QCOMPARE(settings.geminiModel(), QString::fromLatin1(ConfigDefaults::GeminiModel));
    QCOMPARE(settings.temperature(), 0.4);
    QCOMPARE(settings.maxOutputTokens(), 4096);
    QCOMPARE(settings.openaiBaseUrl(), QUrl(QStringLiteral("http://localhost:11434/v1")));
    QCOMPARE(settings.openaiModel(), QStringLiteral("llama3.1"));
    QCOMPARE(settings.newsRetentionDays(), 30);
    QVERIFY(!settings.enabledFeeds().has_value());
    QCOMPARE(settings.language(), QString());
    QVERIFY2(ini->allKeys().isEmpty(), "reading defaults must not write anything");
}

void TestAppSettings::defaultGeminiModel_comesFromConstructor()
{
    auto ini = openIni();
    AppSettings settings(ini.get(), QStringLiteral("gemini-from-command-line"));
    QCOMPARE(settings.geminiModel(), QStringLiteral("gemini-from-command-line"));
    settings.setGeminiModel(QStringLiteral("gemini-2.5-pro"));
    QCOMPARE(settings.geminiModel(), QStringLiteral("gemini-2.5-pro"));
}

void TestAppSettings::setters_roundTripThroughTheFile()
{
    {
        auto ini = openIni();
        AppSettings settings(ini.get());
        settings.setRefreshIntervalMinutes(0);
        settings.setCoinGeckoPlan(CoinGeckoPlan::Pro);
        settings.setCoinGeckoRequestsPerMinute(250);
        settings.setAiProvider(AiProviderKind::OpenAiCompatible);
        settings.setGeminiModel(QStringLiteral("gemini-2.5-pro"));
        settings.setTemperature(1.25);
        settings.setMaxOutputTokens(8192);
        settings.setOpenaiBaseUrl(QUrl(QStringLiteral("https://llm.example.test:8443/v1")));
        settings.setOpenaiModel(QStringLiteral("qwen2.5:7b"));
        settings.setNewsRetentionDays(90);
        settings.setEnabledFeeds({QStringLiteral("bitcoin-com"), QStringLiteral("coindesk-rss")});
        settings.setLanguage(QStringLiteral("fr"));
        settings.sync();
    }
    auto ini = openIni();
    const AppSettings settings(ini.get());
    QCOMPARE(settings.refreshIntervalMinutes(), 0);
    QCOMPARE(settings.coinGeckoPlan(), CoinGeckoPlan::Pro);
    QCOMPARE(settings.coinGeckoRequestsPerMinute(), 250);
    QCOMPARE(settings.aiProvider(), AiProviderKind::OpenAiCompatible);
    QCOMPARE(settings.geminiModel(), QStringLiteral("gemini-2.5-pro"));
    QCOMPARE(settings.temperature(), 1.25);
    QCOMPARE(settings.maxOutputTokens(), 8192);
    QCOMPARE(settings.openaiBaseUrl(), QUrl(QStringLiteral("https://llm.example.test:8443/v1")));
    QCOMPARE(settings.openaiModel(), QStringLiteral("qwen2.5:7b"));
    QCOMPARE(settings.newsRetentionDays(), 90);
    QCOMPARE(settings.enabledFeeds(),
             std::optional<QStringList>({QStringLiteral("bitcoin-com"), QStringLiteral("coindesk-rss")}));
    QCOMPARE(settings.language(), QStringLiteral("fr"));
}

void TestAppSettings::fileKeys_areTheDocumentedNames()
{
    {
        auto ini = openIni();
        AppSettings settings(ini.get());
        settings.setRefreshIntervalMinutes(15);
        settings.setCoinGeckoPlan(CoinGeckoPlan::Demo);
        settings.setAiProvider(AiProviderKind::None);
        settings.setOpenaiBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/v1")));
        settings.setLanguage(QStringLiteral("en"));
        settings.sync();
    }
    // Other parts of the app (and users editing the file) read these names directly.
    QSettings raw(iniPath(), QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("refresh/intervalMinutes")).toInt(), 15);
    QCOMPARE(raw.value(QStringLiteral("coingecko/plan")).toString(), QStringLiteral("demo"));
    QCOMPARE(raw.value(QStringLiteral("ai/provider")).toString(), QStringLiteral("none"));
    QCOMPARE(raw.value(QStringLiteral("ai/openaiBaseUrl")).toString(),
             QStringLiteral("http://127.0.0.1:8080/v1"));
    QCOMPARE(raw.value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
}

void TestAppSettings::handEditedValues_areClampedOrDefaulted_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<QVariant>("expected");

    QTest::newRow("interval not a number")
        << "refresh/intervalMinutes" << QVariant(QStringLiteral("soon")) << QVariant(5);
    QTest::newRow("interval negative") << "refresh/intervalMinutes" << QVariant(-3) << QVariant(0);
    QTest::newRow("interval too large") << "refresh/intervalMinutes" << QVariant(100000) << QVariant(1440);
    QTest::newRow("plan unknown") << "coingecko/plan" << QVariant(QStringLiteral("enterprise"))
                                  << QVariant(int(CoinGeckoPlan::Keyless));
    QTest::newRow("plan upper case") << "coingecko/plan" << QVariant(QStringLiteral("PRO"))
                                     << QVariant(int(CoinGeckoPlan::Pro));
    QTest::newRow("rate negative") << "coingecko/requestsPerMinute" << QVariant(-1) << QVariant(0);
    QTest::newRow("provider unknown")
        << "ai/provider" << QVariant(QStringLiteral("claude")) << QVariant(int(AiProviderKind::Gemini));
    QTest::newRow("temperature text")
        << "ai/temperature" << QVariant(QStringLiteral("warm")) << QVariant(0.4);
    QTest::newRow("temperature too high") << "ai/temperature" << QVariant(7.5) << QVariant(2.0);
    QTest::newRow("tokens too low") << "ai/maxOutputTokens" << QVariant(3) << QVariant(256);
    QTest::newRow("base url not http") << "ai/openaiBaseUrl" << QVariant(QStringLiteral("ftp://host/v1"))
                                       << QVariant(QUrl(QStringLiteral("http://localhost:11434/v1")));
    QTest::newRow("base url no host") << "ai/openaiBaseUrl" << QVariant(QStringLiteral("http:///v1"))
                                      << QVariant(QUrl(QStringLiteral("http://localhost:11434/v1")));
    QTest::newRow("model blank") << "ai/openaiModel" << QVariant(QStringLiteral("   "))
                                 << QVariant(QStringLiteral("llama3.1"));
    QTest::newRow("retention zero") << "news/retentionDays" << QVariant(0) << QVariant(1);
    QTest::newRow("language unsupported")
        << "ui/language" << QVariant(QStringLiteral("de")) << QVariant(QString());
}

void TestAppSettings::handEditedValues_areClampedOrDefaulted()
{
    QFETCH(QString, key);
    QFETCH(QVariant, stored);
    QFETCH(QVariant, expected);
    {
        QSettings raw(iniPath(), QSettings::IniFormat);
        raw.setValue(key, stored);
    }
    auto ini = openIni();
    const AppSettings settings(ini.get());
    const QHash<QString, std::function<QVariant()>> getters{
        {QStringLiteral("refresh/intervalMinutes"),
         [&] { return QVariant(settings.refreshIntervalMinutes()); }},
        {QStringLiteral("coingecko/plan"), [&] { return QVariant(int(settings.coinGeckoPlan())); }},
        {QStringLiteral("coingecko/requestsPerMinute"),
         [&] { return QVariant(settings.coinGeckoRequestsPerMinute()); }},
        {QStringLiteral("ai/provider"), [&] { return QVariant(int(settings.aiProvider())); }},
        {QStringLiteral("ai/temperature"), [&] { return QVariant(settings.temperature()); }},
        {QStringLiteral("ai/maxOutputTokens"), [&] { return QVariant(settings.maxOutputTokens()); }},
        {QStringLiteral("ai/openaiBaseUrl"), [&] { return QVariant(settings.openaiBaseUrl()); }},
        {QStringLiteral("ai/openaiModel"), [&] { return QVariant(settings.openaiModel()); }},
        {QStringLiteral("news/retentionDays"), [&] { return QVariant(settings.newsRetentionDays()); }},
        {QStringLiteral("ui/language"), [&] { return QVariant(settings.language()); }},
    };
    QVERIFY(getters.contains(key));
    QCOMPARE(getters.value(key)(), expected);
}

void TestAppSettings::enabledFeeds_distinguishesUnsetFromEmpty()
{
    {
        auto ini = openIni();
        AppSettings settings(ini.get());
        QVERIFY(!settings.enabledFeeds().has_value());
        settings.setEnabledFeeds({});
        settings.sync();
    }
    auto ini = openIni();
    const AppSettings settings(ini.get());
    QVERIFY2(settings.enabledFeeds().has_value(), "switching every feed off must survive a restart");
    QCOMPARE(*settings.enabledFeeds(), QStringList());
}

void TestAppSettings::aiSettings_roundTripAsOneValue()
{
    auto ini = openIni();
    AppSettings settings(ini.get());
    AiSettings ai;
    ai.provider = AiProviderKind::OpenAiCompatible;
    ai.geminiModel = QStringLiteral("gemini-2.5-flash-lite");
    ai.temperature = 0.9;
    ai.maxOutputTokens = 1024;
    ai.openaiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:1234/v1"));
    ai.openaiModel = QStringLiteral("mistral");
    settings.setAiSettings(ai);
    QCOMPARE(settings.aiSettings(), ai);
}

void TestAppSettings::keysSetThroughKeyStore_neverReachTheSettingsFile()
{
    const QString geminiKey = QStringLiteral("AIzaSy-settings-test-gemini-0123456789");
    const QString coinGeckoKey = QStringLiteral("CG-settings-test-coingecko-9876543210");
    auto ini = openIni();
    AppSettings settings(ini.get());
    settings.setRefreshIntervalMinutes(10); // something real is in the file

    // The real QtKeychain with no desktop session: the path where a careless fallback would write.
    KeyStore keys{AppConfig{}};
    QSignalSpy saved(&keys, &KeyStore::keySaved);
    keys.setKey(ApiKey::Gemini, geminiKey);
    keys.setKey(ApiKey::CoinGecko, coinGeckoKey);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 10000);
    QCOMPARE(saved.at(0).at(1).value<KeySource>(), KeySource::Session);
    QCOMPARE(keys.key(ApiKey::Gemini), geminiKey);
    settings.sync();

    QFile file(iniPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("intervalMinutes"));
    QVERIFY(!text.contains(geminiKey.toUtf8()));
    QVERIFY(!text.contains(coinGeckoKey.toUtf8()));
    for (const QString &key : {geminiKey, coinGeckoKey}) {
        const QStringList hits = test::filesContaining(m_home, key);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u',')));
    }
}

void TestAppSettings::chartCoinsAndWindow_roundTripUnderTheirOldNames()
{
    const CoinListCache coins{{{QStringLiteral("bitcoin"), QStringLiteral("Bitcoin (BTC)")},
                               {QStringLiteral("ethereum"), QStringLiteral("Ethereum (ETH)")}},
                              1'780'000'000'000};
    const WindowLayout layout{"geometry-blob", "state-blob", "split-main", "split-bottom"};
    {
        auto ini = openIni();
        AppSettings settings(ini.get());
        QCOMPARE(settings.chartRange(), PriceRange::Month); // nothing chosen yet
        QVERIFY(settings.coinList().coins.isEmpty());
        QVERIFY(settings.windowLayout().geometry.isEmpty());
        settings.setChartRange(PriceRange::Year);
        settings.setCoinList(coins);
        settings.setWindowLayout(layout);
        settings.sync();
    }
    auto ini = openIni();
    const AppSettings settings(ini.get());
    QCOMPARE(settings.chartRange(), PriceRange::Year);
    QCOMPARE(settings.coinList().coins, coins.coins);
    QCOMPARE(settings.coinList().fetchedMs, coins.fetchedMs);
    QCOMPARE(settings.windowLayout().state, layout.state);
    QCOMPARE(settings.windowLayout().splitBottom, layout.splitBottom);

    // Files written by earlier versions keep working: the names did not change.
    QSettings raw(iniPath(), QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("chart/range")).toInt(), int(PriceRange::Year));
    QCOMPARE(raw.value(QStringLiteral("coins/topList")).toStringList().constFirst(),
             QStringLiteral("bitcoin\tBitcoin (BTC)"));
    QCOMPARE(raw.value(QStringLiteral("coins/topFetchedMs")).toLongLong(), coins.fetchedMs);
    QCOMPARE(raw.value(QStringLiteral("window/geometry")).toByteArray(), layout.geometry);
    QCOMPARE(raw.value(QStringLiteral("window/splitMain")).toByteArray(), layout.splitMain);
}

void TestAppSettings::chartRange_handEdited_isClampedOrDefaulted()
{
    auto ini = openIni();
    const AppSettings settings(ini.get());
    ini->setValue(QStringLiteral("chart/range"), 99);
    QCOMPARE(settings.chartRange(), PriceRange::Max);
    ini->setValue(QStringLiteral("chart/range"), -3);
    QCOMPARE(settings.chartRange(), PriceRange::Day);
    ini->setValue(QStringLiteral("chart/range"), QStringLiteral("weekly"));
    QCOMPARE(settings.chartRange(), PriceRange::Month);
    ini->setValue(QStringLiteral("coins/topList"),
                  QStringList{QStringLiteral("no tab"), QStringLiteral("\tno id")});
    QVERIFY(settings.coinList().coins.isEmpty());
}

void TestAppSettings::configValue_readsTheSettingsTwinOfAnOption()
{
    auto ini = openIni();
    const AppSettings settings(ini.get());
    QCOMPARE(settings.configValue(QStringLiteral("coin")), std::nullopt);
    ini->setValue(QStringLiteral("config/coin"), QStringLiteral("ethereum"));
    QCOMPARE(settings.configValue(QStringLiteral("coin")),
             std::optional<QString>(QStringLiteral("ethereum")));
    // The Gemini model is the one picked in Settings, not a config/ twin.
    ini->setValue(QStringLiteral("config/gemini-model"), QStringLiteral("ignored"));
    QCOMPARE(settings.configValue(QStringLiteral("gemini-model")), std::nullopt);
    settings.settings()->setValue(QStringLiteral("ai/geminiModel"), QStringLiteral("gemini-2.5-pro"));
    QCOMPARE(settings.configValue(QStringLiteral("gemini-model")),
             std::optional<QString>(QStringLiteral("gemini-2.5-pro")));
}

int main(int argc, char **argv)
{
    QTemporaryDir home;
    ba::test::isolateFromDesktopSession(home.path());
    QCoreApplication app(argc, argv);
    TestAppSettings test(home.path());
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_appsettings.moc"
