#pragma once

#include "domain/FetchError.h"
#include "net/AiProvider.h"
#include "net/HttpTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ba {

// What one GenerateContentResponse says (a whole answer, or one event of a stream), or, after
// append(), what a whole stream said.
struct GeminiResponse
{
    QString text; // candidates[0].content.parts[].text, thought parts left out
    bool hasCandidate = false;
    QString finishReason; // STOP, MAX_TOKENS, SAFETY, RECITATION, ... (stream: last event only)
    QString finishMessage;
    QString blockReason; // promptFeedback.blockReason: the prompt itself was refused
    QString blockReasonMessage;
    QString modelVersion;
    QString responseId;
    int promptTokens = -1; // usageMetadata.promptTokenCount (absent counts are 0)
    int outputTokens = -1; // usageMetadata.candidatesTokenCount, thoughts not included

    // Stream: texts are joined; for the rest the latest event that has a value wins
    // (usage carries running totals, finishReason comes last).
    void append(const GeminiResponse &next);
};

// Google's error envelope {"error":{code, message, status, details[]}}.
struct GeminiApiError
{
    int code = 0;
    QString message;
    QString status;             // INVALID_ARGUMENT, PERMISSION_DENIED, RESOURCE_EXHAUSTED, ...
    QString reason;             // ErrorInfo.reason, e.g. API_KEY_INVALID
    int retryDelaySeconds = -1; // RetryInfo.retryDelay, rounded up
    QStringList quotaIds;       // QuotaFailure.violations[].quotaId
    bool zeroQuota = false;     // "limit: 0": this key may not use the model at all
};

// Gemini REST JSON <-> our types. Pure functions: every body shape is unit-testable.
// User messages are translated in the "GeminiClient" context.
class GeminiParser
{
public:
    // {contents:[{role:user, parts:[{text}]}], systemInstruction:{parts:[{text}]}, generationConfig}
    static QByteArray requestBody(const AiRequest &request);

    // A GenerateContentResponse object. BadResponse when the body is not one.
    static FetchError parseResponse(const QByteArray &body, GeminiResponse *out);
    // Whether the answer can be used: prompt blocked, safety/recitation stops, empty answers and
    // MAX_TOKENS cuts. *incomplete is set when text is missing at the end (MAX_TOKENS, a stop mid-way
    // or a stream that ended without finishReason); MAX_TOKENS with text is a success.
    static FetchError judge(const GeminiResponse &answer, bool *incomplete);

    // True when the body (or the first element of a JSON array) is Google's error envelope.
    static bool readApiError(const QByteArray &body, GeminiApiError *out);
    // The error for an HTTP status with Google's error body. keyGiven tells a missing key from a refused one.
    static FetchError errorFromApiError(const GeminiApiError &error, int httpStatus, const QString &model,
                                        bool keyGiven);
    // A failed HttpResult refined with its error body; transport errors are returned as they are.
    static FetchError errorFromResult(const HttpResult &result, const QString &model, bool keyGiven);

    // GET /models: the models that support generateContent, ids without the "models/" prefix.
    static FetchError parseModels(const QByteArray &body, QList<AiModelInfo> *out);

    // Google's JSON Duration ("3s", "3.045815053s") in whole seconds, rounded up; -1 when unreadable.
    static int parseDurationSeconds(const QString &text);
};

} // namespace ba
