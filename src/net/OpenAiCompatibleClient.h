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

// A local (or any) server that speaks OpenAI's chat-completions API: Ollama (http://127.0.0.1:11434/v1),
// llama.cpp's llama-server (http://127.0.0.1:8080/v1), LM Studio (http://127.0.0.1:1234/v1), vLLM.
//
//   POST {base}/chat/completions   {model, messages, temperature, max_tokens, stream}
//   GET  {base}/models             (listModels)
//
// Streams are SSE `data: {chat.completion.chunk}` events ended by `data: [DONE]`; each delta's
// content is one textDelta. finish_reason "length" gives an incomplete answer. The optional key goes
// in "Authorization: Bearer". Retries as in AiHttpGeneration (before any text was shown only).
class OpenAiCompatibleClient : public QObject, public AiProvider
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl baseUrl;              // ends in /v1 for the servers above
        QString model;             // "llama3.2:3b", "qwen2.5-7b-instruct", ... (sent in the body only)
        QString apiKey;            // optional
        int timeoutMs = 300000;    // per attempt: a CPU-only model can think for minutes
        int idleTimeoutMs = 60000; // once text has begun: a stream silent this long has stalled
        int maxAttempts = 2;       // a local server is either running or not
        int maxRetryWaitSeconds = 10;
        qint64 maxBytes = 8LL * 1024 * 1024;
    };

    OpenAiCompatibleClient(HttpClient *http, const Config &config, QObject *parent = nullptr);
    ~OpenAiCompatibleClient() override; // running generations finish with Cancelled

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    QString providerId() const override { return SourceIds::OpenAiCompatible; }
    QString model() const override { return m_config.model.trimmed(); }
    bool isConfigured() const override; // a valid base URL and a model
    AiGeneration *generate(const AiRequest &request) override;

    ApiReply<QList<AiModelInfo>> *listModels();

    QUrl chatUrl() const;
    QUrl modelsUrl() const;

private:
    FetchError configError(bool needModel) const;
    HttpHeaders keyHeaders() const; // "Authorization: Bearer" when a key is set
    AiClientCore::Transport transport() const;

    Config m_config;
    AiClientCore m_core;
};

} // namespace ba
