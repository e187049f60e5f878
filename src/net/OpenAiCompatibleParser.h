#pragma once

#include "domain/FetchError.h"
#include "net/AiProvider.h"
#include "net/HttpTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace ba {

// What one chat.completion (or one chat.completion.chunk of a stream) says, or, after append(),
// what a whole stream said.
struct OpenAiResponse
{
    QString text; // choices[0].message.content, or the stream's choices[0].delta.content
    bool hasChoice = false;
    QString finishReason;  // stop, length, content_filter, ...
    QString model;         // what the server says answered
    int promptTokens = -1; // usage.prompt_tokens
    int outputTokens = -1; // usage.completion_tokens
    bool done = false;     // the stream's "data: [DONE]" arrived

    void append(const OpenAiResponse &next); // texts joined; otherwise the latest value wins
};

// OpenAI chat-completions JSON as spoken by Ollama, llama.cpp's server, LM Studio, vLLM, ...
// Pure functions. User messages are translated in the "OpenAiCompatibleClient" context.
class OpenAiCompatibleParser
{
public:
    // {model, messages:[{role:system},{role:user}], temperature, max_tokens, stream}
    static QByteArray requestBody(const AiRequest &request, const QString &model);

    static FetchError parseCompletion(const QByteArray &body, OpenAiResponse *out);
    // One `data:` payload of a stream; "[DONE]" sets out->done.
    static FetchError parseStreamEvent(const QByteArray &data, OpenAiResponse *out);
    // length -> incomplete (an error when there is no text); content_filter -> SafetyBlocked.
    static FetchError judge(const OpenAiResponse &answer, bool *incomplete);

    // {"error":{"message":...}} (OpenAI, llama.cpp, Ollama /v1) or {"error":"text"} (Ollama native).
    static bool readErrorMessage(const QByteArray &body, QString *message);
    // A failed HttpResult with a message that names the server (baseUrl) and the model.
    static FetchError errorFromResult(const HttpResult &result, const QUrl &baseUrl, const QString &model,
                                      bool keyGiven);

    // GET /models: {"data":[{"id":...}]}.
    static FetchError parseModels(const QByteArray &body, QList<AiModelInfo> *out);
};

} // namespace ba
