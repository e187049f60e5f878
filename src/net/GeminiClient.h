#pragma once

#include "domain/SourceIds.h"
#include "net/AiHttpGeneration.h"
#include "net/AiProvider.h"
#include "net/ApiReply.h"

#include <QList>
#include <QObject>
#include <QUrl>

namespace ba {

class HttpClient;

// Google Gemini (Generative Language API, REST v1beta) as a narrator.
//
//   POST {base}/models/{model}:generateContent                 (AiRequest::stream == false)
//   POST {base}/models/{model}:streamGenerateContent?alt=sse   (stream: one textDelta per event)
//   GET  {base}/models?pageSize=1000                           (listModels, for Settings)
//
// The key travels only in the x-goog-api-key header, never in the URL (HttpClient logs URLs).
// Retries happen only before any text was shown: 5xx and network errors with HttpClient's back-off
// policy, and one 429 whose RetryInfo asks for at most Config::maxRetryWaitSeconds.
// Every failure ends in a FetchError with a translated message (context "GeminiClient"), see
// GeminiParser::judge() and GeminiParser::errorFromApiError().
class GeminiClient : public QObject, public AiProvider
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl baseUrl = defaultBaseUrl();
        QString model; // "gemini-2.5-flash"; a "models/" prefix is accepted
        QString apiKey;
        int timeoutMs = 120000;       // per attempt; thinking models take long before the first byte
        int idleTimeoutMs = 30000;    // once text has begun: a stream silent this long has stalled
        int maxAttempts = 3;          // for 5xx and network errors
        int maxRetryWaitSeconds = 10; // longer RetryInfo delays end with RateLimited
        qint64 maxBytes = 8LL * 1024 * 1024;
    };

    GeminiClient(HttpClient *http, const Config &config, QObject *parent = nullptr);
    ~GeminiClient() override; // running generations finish with Cancelled

    void setConfig(const Config &config); // for generations started later
    const Config &config() const { return m_config; }

    QString providerId() const override { return SourceIds::Gemini; }
    QString model() const override;     // without "models/"
    bool isConfigured() const override; // a key and a model
    // Finishes with Unauthorized (no key) or BadRequest (bad model id) without a request when
    // those are missing; otherwise sends request.prompt and request.systemInstruction with
    // request.temperature and request.maxOutputTokens.
    AiGeneration *generate(const AiRequest &request) override;

    ApiReply<QList<AiModelInfo>> *listModels();

    static QUrl defaultBaseUrl(); // https://generativelanguage.googleapis.com/v1beta
    QUrl generateUrl(bool stream) const;
    QUrl modelsUrl() const;

private:
    FetchError configError() const;
    AiClientCore::Transport transport() const;

    Config m_config;
    AiClientCore m_core;
};

} // namespace ba
