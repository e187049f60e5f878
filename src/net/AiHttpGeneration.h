#pragma once

#include "net/AiProvider.h"
#include "net/HttpTypes.h"
#include "net/SseParser.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

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

protected:
    // One complete event of a streamed answer.
    virtual void handleEvent(const SseEvent &event) = 0;
    // Why this attempt failed: the HTTP error refined with the provider's error body, or an error
    // the stream reported in-band. None when there is an answer to judge. Decides about retries.
    virtual FetchError attemptError(const HttpResult &result) = 0;
    // Fills `out` (seeded with provider and model) once no retry follows.
    virtual void conclude(const HttpResult &result, const FetchError &error, AiResult *out) = 0;
    // A retry is about to start: forget what the failed attempt produced.
    virtual void resetAttempt() = 0;

    void showText(const QString &delta); // emits textDelta(); from then on nothing is retried
    bool textShown() const { return !m_shownText.isEmpty(); }
    const QString &shownText() const { return m_shownText; }
    const AiResult &seed() const { return m_seed; }

private:
    void sendAttempt();
    void onChunk(const QByteArray &chunk);
    void onAttemptFinished(const HttpResult &result);
    void deliverEvents(const QList<SseEvent> &events);
    int retryDelayMs(const FetchError &error);
    void finishWith(AiResult result);
    void logOutcome(const AiResult &result) const;

    QPointer<HttpClient> m_http;
    QPointer<HttpReply> m_reply;
    HttpRequest m_request;
    AiResult m_seed;
    Limits m_limits;
    SseParser m_sse;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;
    QString m_shownText;
    int m_attempts = 0;
    bool m_waitedForQuota = false;
    bool m_finished = false;
};

} // namespace ba
