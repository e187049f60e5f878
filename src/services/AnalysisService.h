#pragma once

#include "domain/AnalysisRecord.h"
#include "domain/MarketTypes.h"
#include "services/MarketSummary.h"
#include "services/PromptBuilder.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace ba {

class AiProvider;
class AnalysisStore;
class AiGeneration;
struct AiResult;

// What one analysis is written from: the selected range's one series, the quote, recent headlines.
struct AnalysisInput
{
    QList<PricePoint> prices;
    MarketSnapshot snapshot; // coinId and vsCurrency name the market
    QList<NewsItem> news;
    QString rangeKey;      // PriceRange key of the series ("30d")
    QString headlineState; // AnalysisRecord::Headlines*: where the headlines came from
    QString correlationId;
    QString reason; // for the log: "refresh", "start-up", ...
};

// Turns prices + snapshot + headlines into an analysis: an AI narration when a configured provider is
// set and the app is online, otherwise (or when the AI fails) the deterministic local report. Every
// outcome is stored in the AnalysisStore and announced with analysisReady().
//
// The input is summarised (MarketSummary) and hashed; when the newest stored analysis for that hash
// (the same selection, series and headlines) came from the same provider and model, with the prompt
// the current template and language make of its summary, and succeeded, it is reused without a
// request: at most one AI request per distinct market summary. regenerate() bypasses that cache.
// One analysis runs at a time: a new one aborts the last, unless it is for exactly the same input
// (then the running one is kept).
class AnalysisService : public QObject
{
    Q_OBJECT
public:
    static constexpr QLatin1String LocalProvider{"local"};
    // Record status values.
    static constexpr QLatin1String StatusOk{"ok"};
    static constexpr QLatin1String StatusIncomplete{"incomplete"}; // the AI stopped early (token limit)
    static constexpr QLatin1String StatusFallback{"fallback"};     // the AI failed; the local report was used

    // store may be null (nothing is stored or reused); it must outlive the service.
    explicit AnalysisService(AnalysisStore *store, QObject *parent = nullptr);
    ~AnalysisService() override;

    // The narrator, not owned; null = local reports only. Takes effect at the next analyse().
    void setProvider(AiProvider *provider);
    AiProvider *provider() const { return m_provider; }
    void setOffline(bool offline);
    bool isOffline() const { return m_offline; }
    // "en" or "fr": the prompt template and the local report's number format.
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    void setPromptLimit(qsizetype maxBytes) { m_promptLimit = maxBytes; }
    // What each AI request asks for (Settings → AI): sampling temperature and the output budget.
    void setSampling(double temperature, int maxOutputTokens);
    // For tests: the time stamped on created records (Unix ms UTC).
    void setClock(std::function<qint64()> nowMs);

    // Without prices nothing is analysed and analysisSkipped() says why.
    void analyse(const AnalysisInput &input);
    void analyse(const QList<ba::PricePoint> &prices, const ba::MarketSnapshot &snapshot,
                 const QList<ba::NewsItem> &news, const QString &correlationId, const QString &reason);
    // Runs the last analysed input again, without the cache. False when there is none yet.
    bool regenerate();
    // Stops a running AI request; nothing is stored or emitted for it.
    void cancel();
    bool isRunning() const;
    // True when analyse() would ask the provider (set, configured, online).
    bool canUseAi() const;

    // The market the user looks at: the view shows analyses of it only. Emits selectionChanged().
    void select(const MarketSelection &selection);
    MarketSelection selection() const { return m_selection; }
    // The newest stored analysis of a selection (none without a store).
    std::optional<AnalysisRecord> latestFor(const MarketSelection &selection) const;
    // AI requests sent in this session (regenerations included).
    int aiRequestCount() const { return m_aiRequests; }

    // Newest first; limit <= 0 = all.
    QList<AnalysisRecord> history(int limit = 50) const;
    // "Since the previous analysis ..." for a stored record, against the one before it (same coin).
    QString sincePrevious(const AnalysisRecord &record) const;

    // "Gemini", "Local AI server", "Computed locally" (translated).
    static QString providerDisplayName(const QString &providerId);

Q_SIGNALS:
    // providerId is "local" when the report is computed without AI; selection is what it is about.
    void analysisStarted(const QString &correlationId, const QString &providerId,
                         const ba::MarketSelection &selection);
    // The AI text so far, each time a streamed piece arrives.
    void streamingText(const QString &accumulated);
    void retryScheduled(int seconds);
    // The result, stored (id > 0) unless storing failed. record.error holds the reason shown in the
    // view when the AI failed ("Gemini unavailable: ...").
    void analysisReady(const ba::AnalysisRecord &record);
    // The AI failed; the local report follows in analysisReady(). userMessage is the error's.
    void aiFailed(const QString &userMessage);
    void analysisSkipped(const QString &reason);
    void historyChanged();
    void selectionChanged(const ba::MarketSelection &selection);
    void aiRequestSent(int sessionTotal);

private:
    struct Pending;

    // One analysis to write: the summary, where its headlines came from, and the refresh it is for.
    struct Job
    {
        MarketSummary summary;
        QString headlineState;
        QString correlationId;
    };

    void run(const Job &job, bool useCache);
    void runLocal(const Job &job, bool useCache);
    bool isPendingFor(const MarketSummary &summary, const BuiltPrompt &prompt) const;
    std::optional<AnalysisRecord> reusableAi(const QString &hash) const;
    std::optional<AnalysisRecord> reusableLocal(const QString &hash, const QString &response) const;
    void startGeneration(const Job &job, const BuiltPrompt &prompt);
    void onDelta(AiGeneration *generation, const QString &text);
    void onFinished(AiGeneration *generation, const ba::AiResult &result);
    AnalysisRecord baseRecord(const Job &job) const;
    AnalysisRecord localRecord(const Job &job, const QString &failure, const QString &prompt) const;
    void storeAndEmit(AnalysisRecord record);

    AnalysisStore *m_store = nullptr;
    AiProvider *m_provider = nullptr;
    bool m_offline = false;
    QString m_language = QStringLiteral("en");
    qsizetype m_promptLimit = PromptBuilder::DefaultMaxBytes;
    double m_temperature = 0.4;
    // ~400 words need ~700 tokens, but thinking models (Gemini 2.5) spend this budget on thoughts too.
    int m_maxOutputTokens = 4096;
    std::function<qint64()> m_clock;
    std::optional<Job> m_last; // for regenerate()
    std::unique_ptr<Pending> m_pending;
    MarketSelection m_selection;
    int m_aiRequests = 0;
};

} // namespace ba
