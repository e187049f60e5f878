#include "app/AnalysisFeature.h"

#include "net/GeminiClient.h"
#include "net/OpenAiCompatibleClient.h"
#include "services/AnalysisService.h"
#include "services/AppSettings.h"
#include "services/PriceService.h"
#include "services/RefreshCoordinator.h"
#include "storage/AnalysisStore.h"

#include <QLocale>

namespace ba {

namespace {

// Where the headlines of an analysis come from, from the news step's report (none: not yet in).
QString headlineState(const StepStart &how)
{
    if (how.overdue.contains(StepNames::News)) {
        return AnalysisRecord::HeadlinesLate;
    }
    for (const StepReport &report : how.inputs) {
        if (report.step == StepNames::News) {
            if (!report.ok) {
                return AnalysisRecord::HeadlinesFailed;
            }
            return report.skipped ? AnalysisRecord::HeadlinesStored : AnalysisRecord::HeadlinesFresh;
        }
    }
    return AnalysisRecord::HeadlinesStored;
}

MarketSelection selectionOf(const PriceData &data)
{
    return {data.coinId, data.currency, priceRange::key(data.range)};
}

} // namespace

AnalysisFeature::AnalysisFeature(const AppConfig &config, const AppSettings *settings, QSqlDatabase db,
                                 HttpClient *http, PriceService *prices, QObject *parent)
    : QObject(parent), m_config(config), m_settings(settings), m_http(http), m_prices(prices),
      m_store(std::make_unique<AnalysisStore>(db)),
      m_service(std::make_unique<AnalysisService>(m_store.get()))
{
    const QString language = config.language.isEmpty() ? QLocale().name().left(2) : config.language;
    m_service->setLanguage(language);
    m_service->setOffline(config.offline);
    reconfigure(config.geminiApiKey);
    followSelection();
}

// The analysis view shows the analyses of what the chart shows; a new selection shows its newest
// stored analysis at once.
void AnalysisFeature::followSelection()
{
    m_service->select(selectionOf(m_prices->data()));
    connect(m_prices, &PriceService::dataChanged, this,
            [this](const PriceData &data) { m_service->select(selectionOf(data)); });
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
    gemini.model = geminiModel;
    gemini.apiKey = geminiKey;
    return std::make_unique<GeminiClient>(m_http, gemini);
}

void AnalysisFeature::reconfigure(const QString &geminiKey, const QString &geminiModel)
{
    const AiSettings ai = m_settings->aiSettings();
    m_service->setSampling(ai.temperature, ai.maxOutputTokens);
    // The effective model, so that the same provider given twice (once without a model) is not
    // rebuilt: rebuilding cancels and re-sends a running request.
    const QString model = geminiModel.isEmpty() ? m_config.geminiModel : geminiModel;
    const QStringList parts{AppSettings::toString(ai.provider), geminiKey, model, ai.openaiBaseUrl.toString(),
                            ai.openaiModel};
    const QString signature = parts.join(u'\n');
    if (m_provider && signature == m_providerSignature) {
        return; // nothing changed: keep a running analysis
    }
    m_providerSignature = signature;
    const bool wasRunning = m_service->isRunning();
    m_service->cancel();
    m_service->setProvider(nullptr);
    m_provider = makeProvider(geminiKey, model);
    m_service->setProvider(m_provider.get());
    if (wasRunning && m_lastStart) {
        // The refresh still waits for its analysis step: run it again with the new provider.
        analyse(StepStart(*m_lastStart));
    }
}

void AnalysisFeature::attach(RefreshCoordinator *coordinator, std::function<QList<NewsItem>()> recentNews)
{
    m_recentNews = std::move(recentNews);
    coordinator->addStep({StepNames::Analysis,
                          [this](const StepStart &how) { analyse(how); },
                          {StepNames::Prices},
                          {StepNames::News},
                          NewsDeadlineMs});
    const auto report = [coordinator](StepReport step) {
        step.step = StepNames::Analysis;
        coordinator->reportStep(step);
    };
    connect(m_service.get(), &AnalysisService::analysisReady, coordinator,
            [report](const AnalysisRecord &record) {
                StepReport step;
                step.ok = record.status != AnalysisService::StatusFallback && record.id > 0;
                step.latencyMs = record.latencyMs;
                step.items = 1;
                step.note = AnalysisService::providerDisplayName(record.provider);
                if (record.id <= 0) {
                    step.error.kind = FetchError::Kind::StorageFailed;
                    step.error.userMessage =
                        tr("The analysis was written but could not be saved; check the free disk space.");
                } else if (!step.ok) {
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

void AnalysisFeature::analyse(const StepStart &how)
{
    m_lastStart = std::make_unique<StepStart>(how);
    const PriceData &data = m_prices->data();
    AnalysisInput input;
    input.prices = data.prices;
    input.snapshot = data.snapshot.value_or(MarketSnapshot{});
    input.snapshot.coinId = data.coinId;
    input.snapshot.vsCurrency = data.currency;
    input.news = m_recentNews ? m_recentNews() : QList<NewsItem>{};
    input.rangeKey = priceRange::key(data.range);
    input.headlineState = headlineState(how);
    input.correlationId = how.id;
    input.reason = QStringLiteral("refresh");
    m_service->analyse(input);
}

} // namespace ba
