#include "services/AnalysisService.h"

#include "domain/SourceIds.h"
#include "logging/Correlation.h"
#include "net/AiProvider.h"
#include "services/AnalysisComparison.h"
#include "services/LocalReport.h"
#include "storage/AnalysisStore.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.analysis")
} // namespace

namespace ba {

struct AnalysisService::Pending
{
    QPointer<AiGeneration> generation;
    Job job;
    BuiltPrompt prompt;
    QString providerId;
    QString model;
    QString accumulated;
    QElapsedTimer timer;
};

AnalysisService::AnalysisService(AnalysisStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

AnalysisService::~AnalysisService()
{
    cancel();
}

void AnalysisService::setProvider(AiProvider *provider)
{
    m_provider = provider;
}

void AnalysisService::setOffline(bool offline)
{
    m_offline = offline;
}

void AnalysisService::setLanguage(const QString &language)
{
    m_language = PromptBuilder::normalisedLanguage(language);
}

void AnalysisService::setSampling(double temperature, int maxOutputTokens)
{
    m_temperature = temperature;
    m_maxOutputTokens = maxOutputTokens;
}

void AnalysisService::setClock(std::function<qint64()> nowMs)
{
    m_clock = std::move(nowMs);
}

bool AnalysisService::canUseAi() const
{
    return m_provider != nullptr && !m_offline && m_provider->isConfigured();
}

bool AnalysisService::isRunning() const
{
    return m_pending != nullptr;
}

void AnalysisService::analyse(const QList<PricePoint> &prices, const MarketSnapshot &snapshot,
                              const QList<NewsItem> &news, const QString &correlationId,
                              const QString &reason)
{
    analyse(AnalysisInput{prices, snapshot, news, {}, {}, correlationId, reason});
}

void AnalysisService::analyse(const AnalysisInput &input)
{
    CorrelationScope scope(input.correlationId);
    Job job{MarketSummary::build(input.prices, input.snapshot, input.news, input.rangeKey),
            input.headlineState, input.correlationId};
    qCInfo(lc).noquote() << QStringLiteral("analysing %1/%2 %3: %4 prices and %5 headlines (%6)")
                                .arg(job.summary.coinId, job.summary.vsCurrency, job.summary.rangeKey,
                                     QString::number(job.summary.pointCount),
                                     QString::number(job.summary.headlines.size()), input.reason);
    if (!job.summary.hasPrices()) {
        Q_EMIT analysisSkipped(tr("No prices to analyse yet."));
        return;
    }
    run(job, true);
}

bool AnalysisService::regenerate()
{
    if (!m_last) {
        return false;
    }
    const Job job = *m_last; // run() replaces m_last
    CorrelationScope scope(job.correlationId);
    qCInfo(lc) << "regenerating the analysis without the cache";
    run(job, false);
    return true;
}

void AnalysisService::cancel()
{
    if (!m_pending) {
        return;
    }
    const std::unique_ptr<Pending> pending = std::move(m_pending);
    if (pending->generation) {
        // Disconnect first: its finished(Cancelled) must not store a fallback report.
        disconnect(pending->generation, nullptr, this, nullptr);
        pending->generation->abort();
    }
    CorrelationScope scope(pending->job.correlationId);
    qCInfo(lc) << "AI analysis cancelled";
}

void AnalysisService::select(const MarketSelection &selection)
{
    if (selection == m_selection) {
        return;
    }
    m_selection = selection;
    Q_EMIT selectionChanged(selection);
}

std::optional<AnalysisRecord> AnalysisService::latestFor(const MarketSelection &selection) const
{
    return m_store != nullptr ? m_store->latestFor(selection) : std::nullopt;
}

void AnalysisService::run(const Job &job, bool useCache)
{
    if (!canUseAi()) {
        cancel();
        m_last = job;
        runLocal(job, useCache);
        return;
    }
    const BuiltPrompt prompt = PromptBuilder(m_language, m_promptLimit).build(job.summary);
    // Prices and news often land moments apart: asking again would only waste the request under way.
    if (useCache && isPendingFor(job.summary, prompt)) {
        qCInfo(lc) << "the same analysis is already being written; not asking again";
        return;
    }
    cancel();
    m_last = job;
    const auto cached = useCache ? reusableAi(job.summary.inputHash()) : std::nullopt;
    if (cached) {
        qCInfo(lc) << "market data unchanged: reusing analysis" << cached->id << "without a request";
        Q_EMIT analysisReady(*cached);
        return;
    }
    startGeneration(job, prompt);
}

void AnalysisService::runLocal(const Job &job, bool useCache)
{
    const AnalysisRecord record = localRecord(job, {}, {});
    const auto cached = useCache ? reusableLocal(record.inputHash, record.response) : std::nullopt;
    if (cached) {
        qCInfo(lc) << "prices unchanged: reusing local analysis" << cached->id;
        Q_EMIT analysisReady(*cached);
        return;
    }
    Q_EMIT analysisStarted(job.correlationId, LocalProvider, record.selection());
    storeAndEmit(record);
}

bool AnalysisService::isPendingFor(const MarketSummary &summary, const BuiltPrompt &prompt) const
{
    return m_pending && m_pending->providerId == m_provider->providerId() &&
           m_pending->model == m_provider->model() && m_pending->prompt.prompt == prompt.prompt &&
           m_pending->job.summary == summary;
}

// The stored answer for the same market data from this provider and model, when the prompt the
// current template and language make of its summary is the one it answered: a new template or
// language asks again, a moved quote alone does not.
std::optional<AnalysisRecord> AnalysisService::reusableAi(const QString &hash) const
{
    const std::optional<AnalysisRecord> latest =
        m_store != nullptr ? m_store->latestByInputHash(hash) : std::nullopt;
    if (!latest || latest->status != StatusOk || latest->provider != m_provider->providerId() ||
        latest->model != m_provider->model()) {
        return std::nullopt;
    }
    const std::optional<MarketSummary> answered = MarketSummary::fromJson(latest->summaryJson.toUtf8());
    if (!answered || PromptBuilder(m_language, m_promptLimit).build(*answered).prompt != latest->prompt) {
        return std::nullopt;
    }
    return latest;
}

// A local report is reused only when it reads exactly the same (the quote in it included).
std::optional<AnalysisRecord> AnalysisService::reusableLocal(const QString &hash,
                                                             const QString &response) const
{
    const std::optional<AnalysisRecord> latest =
        m_store != nullptr ? m_store->latestByInputHash(hash) : std::nullopt;
    if (!latest || latest->status != StatusOk || latest->provider != LocalProvider ||
        latest->response != response) {
        return std::nullopt;
    }
    return latest;
}

void AnalysisService::startGeneration(const Job &job, const BuiltPrompt &prompt)
{
    const QString &correlationId = job.correlationId;
    m_pending = std::make_unique<Pending>();
    m_pending->job = job;
    m_pending->prompt = prompt;
    m_pending->providerId = m_provider->providerId();
    m_pending->model = m_provider->model();
    m_pending->timer.start();

    AiRequest request;
    request.systemInstruction = prompt.systemInstruction;
    request.prompt = prompt.prompt;
    request.correlationId = correlationId;
    request.stream = true;
    request.temperature = m_temperature;
    request.maxOutputTokens = m_maxOutputTokens;
    qCInfo(lc).noquote() << QStringLiteral("asking %1 (%2), prompt %3 bytes, %4 headlines")
                                .arg(m_pending->providerId, m_pending->model,
                                     QString::number(prompt.utf8Size()),
                                     QString::number(prompt.headlinesIncluded));
    Q_EMIT analysisStarted(correlationId, m_pending->providerId,
                           {job.summary.coinId, job.summary.vsCurrency, job.summary.rangeKey});

    ++m_aiRequests;
    Q_EMIT aiRequestSent(m_aiRequests);
    AiGeneration *generation = m_provider->generate(request);
    if (generation == nullptr) {
        AiResult failed;
        failed.error.kind = FetchError::Kind::BadRequest;
        failed.error.userMessage = tr("The request could not be started.");
        onFinished(nullptr, failed);
        return;
    }
    m_pending->generation = generation;
    connect(generation, &AiGeneration::textDelta, this,
            [this, generation](const QString &text) { onDelta(generation, text); });
    connect(generation, &AiGeneration::retryScheduled, this, &AnalysisService::retryScheduled);
    connect(generation, &AiGeneration::finished, this,
            [this, generation](const ba::AiResult &result) { onFinished(generation, result); });
}

void AnalysisService::onDelta(AiGeneration *generation, const QString &text)
{
    if (!m_pending || m_pending->generation != generation || text.isEmpty()) {
        return;
    }
    m_pending->accumulated += text;
    Q_EMIT streamingText(m_pending->accumulated);
}

void AnalysisService::onFinished(AiGeneration *generation, const AiResult &result)
{
    if (!m_pending || m_pending->generation != generation) {
        return;
    }
    const std::unique_ptr<Pending> pending = std::move(m_pending);
    CorrelationScope scope(pending->job.correlationId);
    const QString text = result.text.isEmpty() ? pending->accumulated : result.text;

    if (result.error.isError() || text.trimmed().isEmpty()) {
        QString message = result.error.userMessage;
        if (message.isEmpty()) {
            message = result.error.isError() ? tr("The request failed.") : tr("The answer was empty.");
        }
        qCWarning(lc).noquote() << QStringLiteral("%1 failed (%2: %3); using the local report")
                                       .arg(pending->providerId, FetchError::kindName(result.error.kind),
                                            result.error.detail.isEmpty() ? message : result.error.detail);
        Q_EMIT aiFailed(message);
        const QString reason =
            tr("%1 unavailable: %2").arg(providerDisplayName(pending->providerId), message);
        storeAndEmit(localRecord(pending->job, reason, pending->prompt.prompt));
        return;
    }
    AnalysisRecord record = baseRecord(pending->job);
    record.provider = pending->providerId;
    record.model = pending->model;
    record.prompt = pending->prompt.prompt;
    record.response = text;
    record.latencyMs = result.latencyMs > 0 ? result.latencyMs : pending->timer.elapsed();
    record.status = result.incomplete ? StatusIncomplete : StatusOk;
    if (result.incomplete) {
        record.error = tr("The answer was cut short by the model's length limit.");
    }
    if (result.promptTokens >= 0) {
        record.promptTokens = result.promptTokens;
    }
    if (result.outputTokens >= 0) {
        record.outputTokens = result.outputTokens;
    }
    storeAndEmit(record);
}

AnalysisRecord AnalysisService::baseRecord(const Job &job) const
{
    const MarketSummary &summary = job.summary;
    AnalysisRecord record;
    record.createdMs = m_clock();
    record.coinId = summary.coinId;
    record.vsCurrency = summary.vsCurrency;
    record.rangeKey = summary.rangeKey;
    record.inputHash = summary.inputHash();
    record.summaryJson = QString::fromUtf8(summary.toCanonicalJson());
    record.headlineState = job.headlineState;
    return record;
}

AnalysisRecord AnalysisService::localRecord(const Job &job, const QString &failure,
                                            const QString &prompt) const
{
    QElapsedTimer timer;
    timer.start();
    AnalysisRecord record = baseRecord(job);
    record.provider = LocalProvider;
    record.prompt = prompt;
    record.response = LocalReport::markdown(job.summary, m_language);
    record.status = failure.isEmpty() ? StatusOk : StatusFallback;
    record.error = failure;
    record.latencyMs = timer.elapsed();
    return record;
}

void AnalysisService::storeAndEmit(AnalysisRecord record)
{
    if (m_store != nullptr) {
        record.id = m_store->insert(record);
        if (record.id == 0) {
            qCWarning(lc).noquote() << QStringLiteral("analysis not stored: ") + m_store->lastError();
        }
    }
    qCInfo(lc).noquote() << QStringLiteral("analysis ready: %1, %2, %3 ms")
                                .arg(record.provider, record.status, QString::number(record.latencyMs));
    Q_EMIT analysisReady(record);
    if (record.id > 0) {
        Q_EMIT historyChanged();
    }
}

QList<AnalysisRecord> AnalysisService::history(int limit) const
{
    return m_store != nullptr ? m_store->list(limit) : QList<AnalysisRecord>{};
}

QString AnalysisService::sincePrevious(const AnalysisRecord &record) const
{
    if (m_store == nullptr) {
        return {};
    }
    const std::optional<AnalysisRecord> previous = previousAnalysis(m_store->list(200), record);
    return previous ? describeChangeSince(*previous, record) : QString();
}

QString AnalysisService::providerDisplayName(const QString &providerId)
{
    if (providerId == SourceIds::Gemini) {
        return QStringLiteral("Gemini");
    }
    if (providerId == SourceIds::OpenAiCompatible) {
        return tr("Local AI server");
    }
    if (providerId == LocalProvider) {
        return tr("Computed locally");
    }
    return providerId;
}

} // namespace ba
