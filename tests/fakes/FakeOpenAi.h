#pragma once

#include "fakes/FakeHttpServer.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace ba::fakes {

// An OpenAI-compatible chat server (as Ollama, llama.cpp's llama-server and LM Studio expose it)
// on loopback, built on FakeHttpServer:
//   POST /v1/chat/completions   whole chat.completion, or with "stream":true SSE chunks + data: [DONE]
//   GET  /v1/models             {"object":"list","data":[{"id":...}]}
class FakeOpenAi : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Normal,          // answerText(), finish_reason "stop", usage
        Length,          // the first half of answerText(), finish_reason "length"
        EmptyAnswer,     // content "" (or no delta content), finish_reason "stop"
        StreamError,     // stream: one delta, then data: {"error":{...}} (llama.cpp style); whole: 500
        Unauthorized401, // {"error":{"message":"Incorrect API key provided", "type":"invalid_request_error"}}
        ModelNotFound404, // Ollama's {"error":{"message":"model \"X\" not found, try pulling it first", ...}}
        ServerError500,   // {"error":{"message":"llama runner process has terminated", "type":"api_error"}}
    };
    Q_ENUM(Mode)

    explicit FakeOpenAi(QObject *parent = nullptr);

    bool listen();
    QUrl baseUrl() const; // http://127.0.0.1:<port>/v1
    FakeHttpServer &server() { return m_server; }

    void setMode(Mode mode) { m_mode = mode; }
    void failNext(Mode mode, int times = 1);
    void setAnswerText(const QString &text) { m_answer = text; }
    QString answerText() const { return m_answer; }          // default has multi-byte characters
    void setRequiredKey(const QString &key) { m_key = key; } // non-empty: other bearers get 401
    void setDelayMs(int ms) { m_delayMs = ms; }
    void setModels(const QStringList &ids) { m_models = ids; } // also the only models chat accepts

    QList<FakeRequest> requests() const { return m_server.requests(); }
    int chatRequestCount() const { return m_server.requestCount(QStringLiteral("/v1/chat/completions")); }
    QJsonObject lastRequestJson() const;

private:
    FakeResponse handle(const FakeRequest &request);
    FakeResponse chat(const FakeRequest &request);
    FakeResponse errorResponse(Mode mode, const QString &model) const;
    FakeResponse whole(Mode mode, const QString &model) const;
    FakeResponse stream(Mode mode, const QString &model) const;
    QString textFor(Mode mode) const;

    FakeHttpServer m_server;
    QList<Mode> m_oneShot;
    Mode m_mode = Mode::Normal;
    QString m_answer = QStringLiteral("Le bitcoin monte de 2 % — 61 000 € ; prudence 🚀.");
    QString m_key;
    QStringList m_models = {QStringLiteral("llama3.2:3b"), QStringLiteral("qwen2.5:7b")};
    int m_delayMs = 0;
};

} // namespace ba::fakes
