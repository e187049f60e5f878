#pragma once

#include "net/AiProvider.h"
#include "net/ApiReply.h"
#include "net/HttpTypes.h"
#include "net/SseParser.h"

#include <QElapsedTimer>
#include <QList>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <utility>

namespace ba {

class HttpClient;
class HttpReply;

// The shared half of an AI generation over HTTP (GeminiClient, OpenAiCompatibleClient): sends the
// request through HttpClient, cuts streamed chunks into SSE events, retries while no text has been
// shown, measures latency across attempts and finishes exactly once.
//
// Retries happen here rather than in HttpClient (every attempt goes out with maxAttempts = 1):
// a stream must never be repeated once its text was shown, and Gemini's 429 carries its delay in
// the body (RetryInfo), which only the provider's parser can read.
class AiHttpGeneration : public AiGeneration
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxAttempts = 3;          // 5xx and network errors, only before any text was shown
        int maxRetryWaitSeconds = 10; // one 429 asking to wait up to this long is waited out
    };

    AiHttpGeneration(HttpClient *http, const HttpRequest &request, const AiResult &seed, const Limits &limits,
                     QObject *parent);
    ~AiHttpGeneration() override;

    void start();                           // sends on the next event-loop turn
    void failSoon(const FetchError &error); // finishes with this error on the next turn, sends nothing
    void abort() override;                  // finishes now with Cancelled, keeping the text shown so far

    bool isStreaming() const { return m_request.expect == HttpExpect::EventStream; }
    int attempts() const { return m_attempts; }
    const QString &correlationId() const { return m_request.correlationId; }

protected:
    // One complete event of a streamed answer: parse it into the provider's answer and showText() its
    // text, or streamFailed() when it is an error the server reported in-band.
    virtual void handleEvent(const SseEvent &event) = 0;
    // Why an attempt that got no usable HTTP answer failed: the HTTP error refined with the
    // provider's error body. Decides about retries.
    virtual FetchError httpError(const HttpResult &result) = 0;
    // A whole (not streamed) answer arrived: parse it into the provider's answer.
    virtual FetchError parseWhole(const QByteArray &body) = 0;
    // What the answer so far says: text, modelVersion, finishReason and the token counts of `out`.
    virtual void describeAnswer(AiResult *out) const = 0;
    // Whether the complete answer is usable (the provider parser's judge()); sets *incomplete.
    virtual FetchError judgeAnswer(bool *incomplete) const = 0;
    // A retry is about to start: forget what the failed attempt produced.
    virtual void resetAttempt() = 0;

    void showText(const QString &delta); // emits textDelta(); from then on nothing is retried
    // The stream reported an error with HTTP 200: the attempt fails with it (the latest one wins).
    void streamFailed(const FetchError &error) { m_streamError = error; }
    bool textShown() const { return !m_shownText.isEmpty(); }
    const QString &shownText() const { return m_shownText; }
    const AiResult &seed() const { return m_seed; }

private:
    void sendAttempt();
    void onChunk(const QByteArray &chunk);
    void onAttemptFinished(const HttpResult &result);
    void deliverEvents(const QList<SseEvent> &events);
    int retryDelayMs(const FetchError &error);
    void conclude(const HttpResult &result, const FetchError &error, AiResult *out);
    void finishWith(AiResult result);
    void logOutcome(const AiResult &result) const;

    QPointer<HttpClient> m_http;
    QPointer<HttpReply> m_reply;
    HttpRequest m_request;
    AiResult m_seed;
    Limits m_limits;
    SseParser m_sse;
    FetchError m_streamError;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;
    QString m_shownText;
    int m_attempts = 0;
    bool m_waitedForQuota = false;
    bool m_finished = false;
};

// The provider-independent half of GeminiClient and OpenAiCompatibleClient, which each hold one:
// the requests they send, the generations they started (cancelled by abortAll() in the client's
// destructor) and their model-list calls. The client object is the parent of both.
class AiClientCore
{
public:
    // What a client's Config says about sending (the two Configs share these field names).
    struct Transport
    {
        QString source;        // the client's providerId(): HttpClient's log wording
        int timeoutMs = 0;     // whole attempt
        int idleTimeoutMs = 0; // silence once the answer has begun
        qint64 maxBytes = 0;
        AiHttpGeneration::Limits limits;

        template <typename Config> static Transport of(const QString &source, const Config &config)
        {
            return {source,
                    config.timeoutMs,
                    config.idleTimeoutMs,
                    config.maxBytes,
                    {config.maxAttempts, config.maxRetryWaitSeconds}};
        }
    };
    // What a generation sends: `body` POSTed to `url` with jsonHeaders() followed by `headers` (the key).
    struct Post
    {
        QUrl url;
        QByteArray body;
        HttpHeaders headers;
    };
    using ModelsParser = std::function<FetchError(const QByteArray &body, QList<AiModelInfo> *out)>;
    using ErrorReader = std::function<FetchError(const HttpResult &failed)>;

    AiClientCore(HttpClient *http, QObject *client);

    // {base URL path without its trailing '/'}{path}; the base URL's query is dropped.
    static QUrl endpoint(const QUrl &baseUrl, const QString &path);
    // Content-Type: application/json, an Accept for an SSE stream or a JSON answer, then `extra`.
    static HttpHeaders jsonHeaders(bool stream, const HttpHeaders &extra = {});

    // A generation G (an AiHttpGeneration whose constructor takes (http, request, seed, limits,
    // extra..., parent)) of `model` for `request`, under the request's correlation id, else the
    // current one. Not tracked nor started yet: see launch().
    template <typename G, typename... Extra>
    G *create(const AiRequest &request, const Transport &transport, const QString &model, const Post &post,
              Extra &&...extra) const
    {
        AiResult seed;
        seed.provider = transport.source;
        seed.model = model;
        return new G(http(), generationRequest(request, transport, post), seed, transport.limits,
                     std::forward<Extra>(extra)..., m_client);
    }
    // Remembers `generation` until it finishes. Fails it on the next turn with `configError`, logged
    // in `category`, when that is set; otherwise starts it. Returns whether it was started.
    bool launch(AiHttpGeneration *generation, const FetchError &configError,
                const QLoggingCategory &category);
    void abortAll(); // running generations finish with Cancelled

    // GET `url` for the model picker. The call fails on the next turn with `error` when that is set or
    // when the HttpClient is gone; otherwise a successful body goes to `parse`, a failure to `readError`.
    ApiReply<QList<AiModelInfo>> *listModels(const QUrl &url, const HttpHeaders &headers,
                                             const Transport &transport, ModelsParser parse,
                                             ErrorReader readError, FetchError error) const;

private:
    HttpClient *http() const; // out of line: HttpClient is only declared here
    static HttpRequest generationRequest(const AiRequest &request, const Transport &transport,
                                         const Post &post);

    QPointer<HttpClient> m_http;
    QObject *m_client;
    QList<QPointer<AiGeneration>> m_running;
};

} // namespace ba
