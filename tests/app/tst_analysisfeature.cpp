#include "app/AnalysisFeature.h"
#include "fakes/FakeGemini.h"
#include "fakes/FakeOpenAi.h"
#include "fakes/LoopbackPrices.h"
#include "services/AnalysisService.h"
#include "services/AppSettings.h"
#include "storage/AnalysisStore.h"

#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace ba;
using ba::fakes::FakeGemini;
using ba::fakes::FakeOpenAi;
using ba::fakes::LoopbackPrices;

// AnalysisFeature as AppContext builds it: the real price pipeline on the loopback CoinGecko, real
// SQLite, the real Gemini / OpenAI-compatible clients against their loopback fakes, and the user's
// settings in an INI file. Each refresh runs prices, then the analysis step.
class TestAnalysisFeature : public QObject
{
    Q_OBJECT

    struct Rig
    {
        LoopbackPrices pipeline;
        FakeGemini gemini;
        FakeOpenAi openAi;
        std::unique_ptr<QSettings> ini;
        std::unique_ptr<AppSettings> settings;
        AppConfig config;
        std::unique_ptr<AnalysisFeature> feature;

        bool setUp()
        {
            if (!pipeline.setUp() || !gemini.listen() || !openAi.listen()) {
                return false;
            }
            ini = std::make_unique<QSettings>(pipeline.dir.filePath(QStringLiteral("settings.ini")),
                                              QSettings::IniFormat);
            settings = std::make_unique<AppSettings>(ini.get());
            config.geminiUrl = gemini.baseUrl();
            config.geminiModel = QStringLiteral("gemini-2.5-flash");
            config.geminiApiKey = QStringLiteral("test-gemini-key");
            config.coin = QStringLiteral("bitcoin");
            config.currency = QStringLiteral("usd");
            config.language = QStringLiteral("en");
            return true;
        }

        void build()
        {
            feature = std::make_unique<AnalysisFeature>(config, settings.get(), pipeline.db.connection(),
                                                        pipeline.http.get(), pipeline.prices.get());
            feature->attach(pipeline.refresh.get(), [] { return QList<NewsItem>{}; });
        }

        StepReport refreshOnce() { return pipeline.refreshOnce(QStringLiteral("analysis")); }

        std::optional<AnalysisRecord> latest() const
        {
            const QList<AnalysisRecord> history = feature->service()->history(1);
            return history.isEmpty() ? std::nullopt : std::optional<AnalysisRecord>(history.constFirst());
        }

        ~Rig() { feature.reset(); }
    };

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<StepReport>();
        qRegisterMetaType<QList<StepReport>>();
    }

    void refresh_withGemini_sendsTheTemperatureAndTokenBudgetFromSettings()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.settings->setAiProvider(AiProviderKind::Gemini);
        rig.settings->setTemperature(1.3);
        rig.settings->setMaxOutputTokens(1234);
        rig.build();

        const StepReport report = rig.refreshOnce();
        QCOMPARE(report.step, QStringLiteral("analysis"));
        QVERIFY2(report.ok, qPrintable(report.error.userMessage));
        QCOMPARE(rig.gemini.generateRequestCount(), 1);
        const QJsonObject generation =
            rig.gemini.lastRequestJson().value(QLatin1String("generationConfig")).toObject();
        QCOMPARE(generation.value(QLatin1String("temperature")).toDouble(), 1.3);
        QCOMPARE(generation.value(QLatin1String("maxOutputTokens")).toInt(), 1234);
        QCOMPARE(rig.gemini.lastRequest().header("x-goog-api-key"), QByteArray("test-gemini-key"));

        const std::optional<AnalysisRecord> stored = rig.latest();
        QVERIFY(stored.has_value());
        QCOMPARE(stored->provider, QStringLiteral("gemini"));
        QCOMPARE(stored->status, QString(AnalysisService::StatusOk));
    }

    void refresh_withOpenAiCompatible_sendsTheTemperatureAndTokenBudgetFromSettings()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.settings->setAiProvider(AiProviderKind::OpenAiCompatible);
        rig.settings->setOpenaiBaseUrl(rig.openAi.baseUrl());
        rig.settings->setOpenaiModel(QStringLiteral("llama3.2:3b"));
        rig.settings->setTemperature(0.0);
        rig.settings->setMaxOutputTokens(777);
        rig.build();

        const StepReport report = rig.refreshOnce();
        QVERIFY2(report.ok, qPrintable(report.error.userMessage));
        QCOMPARE(rig.openAi.chatRequestCount(), 1);
        QCOMPARE(rig.gemini.generateRequestCount(), 0);
        const QJsonObject body = rig.openAi.lastRequestJson();
        QVERIFY(body.contains(QLatin1String("temperature")));
        QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.0);
        QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 777);
        QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("llama3.2:3b"));
        QCOMPARE(rig.latest()->provider, QStringLiteral("openai-compatible"));
    }

    void reconfigure_afterTheSettingsChange_usesTheNewProviderAndSampling()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.build(); // defaults: Gemini, 0.4, 4096 tokens
        QVERIFY(rig.refreshOnce().ok);
        QJsonObject generation =
            rig.gemini.lastRequestJson().value(QLatin1String("generationConfig")).toObject();
        QCOMPARE(generation.value(QLatin1String("temperature")).toDouble(), AppSettings::DefaultTemperature);
        QCOMPARE(generation.value(QLatin1String("maxOutputTokens")).toInt(),
                 AppSettings::DefaultMaxOutputTokens);

        // Settings → OK: the same provider with new sampling, then no AI at all.
        rig.settings->setTemperature(0.9);
        rig.settings->setMaxOutputTokens(512);
        rig.feature->reconfigure(rig.config.geminiApiKey);
        rig.pipeline.coinGecko.setNowMs(QDateTime::currentMSecsSinceEpoch() + 60000); // new input
        QVERIFY(rig.refreshOnce().ok);
        generation = rig.gemini.lastRequestJson().value(QLatin1String("generationConfig")).toObject();
        QCOMPARE(generation.value(QLatin1String("temperature")).toDouble(), 0.9);
        QCOMPARE(generation.value(QLatin1String("maxOutputTokens")).toInt(), 512);

        const int geminiCalls = rig.gemini.generateRequestCount();
        rig.settings->setAiProvider(AiProviderKind::None);
        rig.feature->reconfigure(rig.config.geminiApiKey);
        const StepReport local = rig.refreshOnce();
        QVERIFY(local.ok);
        QCOMPARE(rig.gemini.generateRequestCount(), geminiCalls);
        QCOMPARE(rig.latest()->provider, QString(AnalysisService::LocalProvider));
    }

    void refresh_whenGeminiFails_reportsTheStepFailedAndStoresTheLocalReport()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.gemini.setMode(FakeGemini::Mode::InvalidKey400);
        rig.build();

        const StepReport report = rig.refreshOnce();
        QCOMPARE(report.step, QStringLiteral("analysis"));
        QVERIFY(!report.ok);
        QVERIFY(!report.error.userMessage.isEmpty());
        const std::optional<AnalysisRecord> stored = rig.latest();
        QVERIFY(stored.has_value());
        QCOMPARE(stored->status, QString(AnalysisService::StatusFallback));
        QVERIFY(!stored->response.isEmpty()); // the local report stands in
    }

    void refresh_whenTheAnalysisCannotBeSaved_reportsTheStepFailed()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.settings->setAiProvider(AiProviderKind::None);
        rig.build();
        QVERIFY(rig.refreshOnce().ok);
        // The disk is full: nothing more fits into the file.
        QSqlQuery pragma(rig.pipeline.db.connection());
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA page_count")) && pragma.next());
        QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pragma.value(0).toInt())));
        rig.pipeline.coinGecko.setNowMs(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000); // new data

        const StepReport report = rig.refreshOnce();
        QVERIFY(!report.ok);
        QCOMPARE(report.error.kind, FetchError::Kind::StorageFailed);
        QVERIFY(report.error.userMessage.contains(QLatin1String("could not be saved")));
        QCOMPARE(rig.feature->service()->history().size(), 1); // the first one is still there
    }
};

QTEST_GUILESS_MAIN(TestAnalysisFeature)
#include "tst_analysisfeature.moc"
