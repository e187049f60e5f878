#pragma once

#include "domain/FetchError.h"

#include <QObject>
#include <QString>

namespace ba {

// What an AI text generation is asked to do.
struct AiRequest
{
    QString systemInstruction;
    QString prompt;
    double temperature = 0.4;
    int maxOutputTokens = 2048;
    bool stream = true;
    QString correlationId;
};

// How it ended. error.kind is None on success; text may be partial (incomplete) even then.
struct AiResult
{
    FetchError error;
    QString text;
    QString provider;        // "gemini", "openai-compatible"
    QString model;           // the id asked for
    QString modelVersion;    // what the server says answered
    QString finishReason;    // STOP, MAX_TOKENS, SAFETY, ... (provider's wording)
    bool incomplete = false; // cut by MAX_TOKENS / length
    int promptTokens = -1;
    int outputTokens = -1;
    qint64 latencyMs = 0;
};

// A model a provider offers, for the model picker in Settings.
struct AiModelInfo
{
    QString id;          // what AiRequest/Config take: "gemini-2.5-flash", "llama3.2:3b"
    QString displayName; // empty when the server gives none
    QString description;
    int inputTokenLimit = -1;
    int outputTokenLimit = -1;
};

// One generation in progress. Emits textDelta() as streamed text arrives, then finished() exactly once,
// then deletes itself with deleteLater().
class AiGeneration : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void abort() = 0;

Q_SIGNALS:
    void textDelta(const QString &text);
    void retryScheduled(int seconds);
    void finished(const ba::AiResult &result);
};

// A narrator: Gemini, or an OpenAI-compatible local server (Ollama, llama.cpp, LM Studio).
class AiProvider
{
public:
    virtual ~AiProvider() = default;
    virtual QString providerId() const = 0; // "gemini", "openai-compatible"
    virtual QString model() const = 0;
    virtual bool isConfigured() const = 0; // key present / base URL set
    virtual AiGeneration *generate(const AiRequest &request) = 0;
};

} // namespace ba

Q_DECLARE_METATYPE(ba::AiResult)
