#include "app/AnalysisFeature.h"

#include "net/GeminiClient.h"
#include "net/OpenAiCompatibleClient.h"
#include "services/AnalysisService.h"
#include "services/AppSettings.h"
#include "services/RefreshCoordinator.h"
#include "storage/AnalysisStore.h"
#include "storage/PriceStore.h"

#include <QDateTime>
#include <QLocale>

namespace ba {

namespace {
constexpr qint64 kAnalysisWindowMs = 90LL * 24 * 60 * 60 * 1000; // indicators need ~50 daily points
}

AnalysisFeature::AnalysisFeature(const AppConfig &config, const AppSettings *settings, QSqlDatabase db,
                                 HttpClient *http, PriceStore *prices, QObject *parent)
    : QObject(parent), m_config(config), m_settings(settings), m_http(http), m_prices(prices),
      m_store(std::make_unique<AnalysisStore>(db)),
      m_service(std::make_unique<AnalysisService>(m_store.get()))
{
    const QString language = config.language.isEmpty() ? QLocale().name().left(2) : config.language;
    m_service->setLanguage(language);
    m_service->setOffline(config.offline);
    reconfigure(config.geminiApiKey);
}

AnalysisFeature::~AnalysisFeature()
{
    m_service->cancel();
    m_service->setProvider(nullptr);
    m_provider.reset();
}

std::unique_ptr<AiProvider> AnalysisFeature::makeProvider(const QString &geminiKey,
                                                          const QString &geminiModel) const
{
    const AiSettings ai = m_settings->aiSettings();
    switch (ai.provider) {
    case AiProviderKind::OpenAiCompatible: {
        OpenAiCompatibleClient::Config openAi;
        openAi.baseUrl = ai.openaiBaseUrl;
        openAi.model = ai.openaiModel;
        return std::make_unique<OpenAiCompatibleClient>(m_http, openAi);
    }
    case AiProviderKind::None:
        return nullptr;
    case AiProviderKind::Gemini:
        break;
    }
    GeminiClient::Config gemini;
    gemini.baseUrl = m_config.geminiUrl;
    // The command line and environment beat the setting (DESIGN.md precedence).
    gemini.model = geminiModel.isEmpty() ? m_config.geminiModel : geminiModel;
    gemini.apiKey = geminiKey;
    return std::make_unique<GeminiClient>(m_http, gemini);
}

void AnalysisFeature::reconfigure(const QString &geminiKey, const QString &geminiModel)
{
    const AiSettings ai = m_settings->aiSettings();
    m_service->setSampling(ai.temperature, ai.maxOutputTokens);
    const QStringList parts{AppSettings::toString(ai.provider), geminiKey, geminiModel,
                            ai.openaiBaseUrl.toString(), ai.openaiModel};
    const QString signature = parts.join(u'\n');
    if (m_provider && signature == m_providerSignature) {
        return; // nothing changed: keep a running analysis
    }
    m_providerSignature = signature;
    const bool wasRunning = m_service->isRunning();
    m_service->cancel();
    m_service->setProvider(nullptr);
    m_provider = makeProvider(geminiKey, geminiModel);
    m_service->setProvider(m_provider.get());
    if (wasRunning) {
        // The refresh still waits for its analysis step: run it again with the new provider.
        analyse(m_lastCorrelationId);
    }
}

void AnalysisFeature::attach(RefreshCoordinator *coordinator, std::function<QList<NewsItem>()> recentNews)
{
    m_recentNews = std::move(recentNews);
    coordinator->addStep({QStringLiteral("analysis"), [this](const QString &id, bool) { analyse(id); },
                          /*afterPrices=*/true});
    const auto report = [coordinator](StepReport step) {
        step.step = QStringLiteral("analysis");
        coordinator->reportStep(step);
    };
    connect(m_service.get(), &AnalysisService::analysisReady, coordinator,
            [report](const AnalysisRecord &record) {
                StepReport step;
                step.ok = record.status != AnalysisService::StatusFallback;
                step.latencyMs = record.latencyMs;
                step.items = 1;
                step.note = AnalysisService::providerDisplayName(record.provider);
                if (!step.ok) {
                    step.error.kind = FetchError::Kind::ServerError;
                    step.error.userMessage = record.error;
                }
                report(step);
            });
    connect(m_service.get(), &AnalysisService::analysisSkipped, coordinator, [report](const QString &reason) {
        StepReport step;
        step.skipped = true;
        step.note = reason;
        report(step);
    });
}

void AnalysisFeature::listModels(bool openAiCompatible, const QString &geminiKey, const QUrl &openAiBaseUrl,
                                 std::function<void(QStringList, QString)> done)
{
    ApiReply<QList<AiModelInfo>> *reply = nullptr;
    QObject *client = nullptr;
    if (openAiCompatible) {
        OpenAiCompatibleClient::Config config;
        config.baseUrl = openAiBaseUrl;
        auto *openAi = new OpenAiCompatibleClient(m_http, config, this);
        reply = openAi->listModels();
        client = openAi;
    } else {
        GeminiClient::Config config;
        config.baseUrl = m_config.geminiUrl;
        config.apiKey = geminiKey;
        auto *gemini = new GeminiClient(m_http, config, this);
        reply = gemini->listModels();
        client = gemini;
    }
    connect(reply, &ApiCall::finished, this, [reply, client, done = std::move(done)] {
        QStringList ids;
        if (reply->ok()) {
            for (const AiModelInfo &model : reply->value()) {
                ids.append(model.id);
            }
        }
        done(ids, reply->ok() ? QString() : reply->error().userMessage);
        client->deleteLater();
    });
}

void AnalysisFeature::analyse(const QString &correlationId)
{
    m_lastCorrelationId = correlationId;
    const QString coin = m_config.coin;
    const QString currency = m_config.currency;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<PricePoint> prices = m_prices->prices(coin, currency, now - kAnalysisWindowMs, now + 3600000);
    MarketSnapshot snapshot = m_prices->snapshot(coin, currency).value_or(MarketSnapshot{});
    snapshot.coinId = coin;
    snapshot.vsCurrency = currency;
    const QList<NewsItem> news = m_recentNews ? m_recentNews() : QList<NewsItem>{};
    m_service->analyse(prices, snapshot, news, correlationId, QStringLiteral("refresh"));
}

} // namespace ba
