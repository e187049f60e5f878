#pragma once

#include "fakes/FakeHttpServer.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <functional>

namespace ba::fakes {

// The Gemini REST API (v1beta) on loopback, built on FakeHttpServer:
//   POST /v1beta/models/{model}:generateContent
//   POST /v1beta/models/{model}:streamGenerateContent?alt=sse   (text/event-stream; without alt=sse a JSON
//   array) GET  /v1beta/models
// Answers come from the samples in tests/data or from setAnswerText(), and can be switched to each
// awkward case of /work/shared/reference/wire-formats.md section 2. A request without the
// x-goog-api-key header gets the real 403 body; a request body without contents gets a 400.
class FakeGemini : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Normal,           // the sample response / sample SSE stream, or answerText() when set
        SplitStream,      // answerText() (default one with é, € and an emoji) in several events, sent in
                          // pieces cut inside events and inside multi-byte UTF-8 characters
        PromptBlocked,    // 200 {"promptFeedback":{"blockReason":"SAFETY",...}} without candidates
        SafetyNoContent,  // 200 candidate with finishReason SAFETY and safetyRatings, no content
        MaxTokensPartial, // 200 the first half of answerText(), finishReason MAX_TOKENS
        MaxTokensEmpty,   // 200 content {"role":"model"} without parts, finishReason MAX_TOKENS
        Recitation,       // 200 finishReason RECITATION, no content
        StreamErrorEvent, // stream: one text event, then data: {"error":{"code":503,...}}
        MalformedJson,    // 200 application/json that breaks off
        InvalidKey400,    // the sample 400 INVALID_ARGUMENT / API_KEY_INVALID body
        NoKey403,         // the sample 403 PERMISSION_DENIED body
        ModelNotFound404, // 404 NOT_FOUND "models/X is not found for API version v1beta, ..."
        RateLimited429,   // 429 RESOURCE_EXHAUSTED, RetryInfo.retryDelay = retryDelay()
        ZeroQuota429,     // 429 with "limit: 0" (the model is not in this key's tier), RetryInfo "3s"
        Unavailable503,   // the sample 503 UNAVAILABLE "The model is overloaded" body
    };
    Q_ENUM(Mode)

    explicit FakeGemini(QObject *parent = nullptr);

    bool listen();
    QUrl baseUrl() const; // http://127.0.0.1:<port>/v1beta
    FakeHttpServer &server() { return m_server; }

    void setMode(Mode mode) { m_mode = mode; }                   // for every generate request
    void failNext(Mode mode, int times = 1);                     // one-shot modes, used before setMode's
    void setAnswerText(const QString &text) { m_answer = text; } // empty: the sample files
    // Writes each answer from the request's prompt (replaces setAnswerText's text per request).
    void setAnswerWriter(std::function<QString(const QString &prompt)> writer)
    {
        m_writer = std::move(writer);
    }
    QString answerText() const;        // what Normal/SplitStream answers
    static QString defaultSplitText(); // "Le bitcoin a gagné 3 € …" with 2- to 4-byte characters
    void setDelayMs(int ms) { m_delayMs = ms; } // before every answer
    void setChunkPauseMs(int ms) { m_chunkPauseMs = ms; }
    void setRetryDelay(const QByteArray &value) { m_retryDelay = value; } // RetryInfo of RateLimited429, "3s"
    void setKnownModels(const QStringList &ids) { m_knownModels = ids; }  // non-empty: others get 404
    void setModelVersion(const QString &version) { m_modelVersion = version; }

    QList<FakeRequest> requests() const { return m_server.requests(); }
    int generateRequestCount() const; // generateContent + streamGenerateContent
    FakeRequest lastRequest() const;
    QJsonObject lastRequestJson() const; // the body of the last POST
    QString lastPrompt() const;          // the text of its first content part: the prompt
    static QString promptOf(const QJsonObject &requestBody);

    static QByteArray sample(const QString &fileName); // tests/data/<fileName>, as is
    // {"error":{"code","message","status"}} with Google's JSON headers.
    static QByteArray errorBody(int code, const QString &status, const QString &message);
    static FakeResponse googleJson(int status, const QByteArray &body);
    // The 429 RESOURCE_EXHAUSTED body (Help, QuotaFailure, RetryInfo), as captured in 2026.
    static QByteArray rateLimitBody(const QByteArray &retryDelay, bool zeroQuota, const QString &model);

private:
    struct Target
    {
        QString model;
        QString method; // generateContent, streamGenerateContent
    };

    FakeResponse handle(const FakeRequest &request);
    FakeResponse generate(const FakeRequest &request, const Target &target);
    FakeResponse listModels() const;
    Mode takeMode();
    FakeResponse errorResponse(Mode mode, const QString &model) const;
    FakeResponse answer(Mode mode, const QString &model, bool stream, bool sse);
    QList<QJsonObject> answerEvents(Mode mode) const;
    static Target parseTarget(const QString &path);

    FakeHttpServer m_server;
    QList<Mode> m_oneShot;
    Mode m_mode = Mode::Normal;
    QString m_answer;
    std::function<QString(const QString &)> m_writer;
    QStringList m_knownModels;
    QByteArray m_retryDelay = "3s";
    QString m_modelVersion = QStringLiteral("gemini-2.5-flash");
    int m_delayMs = 0;
    int m_chunkPauseMs = 15;
};

} // namespace ba::fakes
