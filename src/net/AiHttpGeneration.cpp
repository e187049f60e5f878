#include "net/AiHttpGeneration.h"

#include "logging/Correlation.h"
#include "logging/Redactor.h"
#include "net/HttpClient.h"
#include "net/HttpReply.h"
#include "net/JsonReading.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <cmath>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.net.ai")
} // namespace

namespace ba {

namespace {

bool isRetryableStatus(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
}

FetchError networkGone()
{
    return makeFetchError(
        FetchError::Kind::Cancelled,
        QCoreApplication::translate("AiGeneration", "The network is shutting down; restart the application."),
        QStringLiteral("HttpClient is gone"));
}

} // namespace

AiHttpGeneration::AiHttpGeneration(HttpClient *http, const HttpRequest &request, const AiResult &seed,
                                   const Limits &limits, QObject *parent)
    : AiGeneration(parent), m_http(http), m_request(request), m_seed(seed), m_limits(limits)
{
    qRegisterMetaType<ba::AiResult>();
    m_request.maxAttempts = 1; // see the class comment
    if (m_request.correlationId.isEmpty()) {
        m_request.correlationId = currentCorrelationId();
    }
    m_limits.maxAttempts = std::max(1, m_limits.maxAttempts);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_retryTimer, &QTimer::timeout, this, &AiHttpGeneration::sendAttempt);
    m_clock.start();
}

AiHttpGeneration::~AiHttpGeneration()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void AiHttpGeneration::start()
{
    // Queued, so that finished() can never fire before the caller has connected to it.
    QTimer::singleShot(0, this, &AiHttpGeneration::sendAttempt);
}

void AiHttpGeneration::failSoon(const FetchError &error)
{
    QTimer::singleShot(0, this, [this, error] {
        AiResult result = m_seed;
        result.error = error;
        finishWith(result);
    });
}

void AiHttpGeneration::abort()
{
    if (m_finished) {
        return;
    }
    m_retryTimer.stop();
    if (HttpReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
    }
    AiResult result = m_seed;
    result.text = m_shownText;
    result.incomplete = textShown();
    result.error = makeFetchError(
        FetchError::Kind::Cancelled,
        QCoreApplication::translate("AiGeneration", "The AI answer was cancelled; ask again to get one."),
        QStringLiteral("cancelled by the application"));
    finishWith(result);
}

void AiHttpGeneration::showText(const QString &delta)
{
    if (delta.isEmpty() || m_finished) {
        return;
    }
    m_shownText += delta;
    Q_EMIT textDelta(delta);
}

void AiHttpGeneration::sendAttempt()
{
    if (m_finished) {
        return;
    }
    if (!m_http) {
        AiResult result = m_seed;
        result.error = networkGone();
        finishWith(result);
        return;
    }
    ++m_attempts;
    m_sse.reset();
    m_reply = m_http->send(m_request);
    connect(m_reply, &HttpReply::chunkReceived, this, &AiHttpGeneration::onChunk);
    connect(m_reply, &HttpReply::finished, this, &AiHttpGeneration::onAttemptFinished);
}

void AiHttpGeneration::onChunk(const QByteArray &chunk)
{
    if (isStreaming()) {
        deliverEvents(m_sse.feed(chunk));
    }
}

void AiHttpGeneration::deliverEvents(const QList<SseEvent> &events)
{
    CorrelationScope scope(m_request.correlationId);
    for (const SseEvent &event : events) {
        if (m_finished) {
            return; // a textDelta() receiver aborted us
        }
        handleEvent(event);
    }
}

void AiHttpGeneration::onAttemptFinished(const HttpResult &result)
{
    m_reply = nullptr;
    if (m_finished) {
        return;
    }
    if (isStreaming()) {
        deliverEvents(m_sse.finish());
        if (m_finished) {
            return;
        }
    }
    CorrelationScope scope(m_request.correlationId);
    const FetchError error = result.ok() ? m_streamError : httpError(result);
    const int delayMs = retryDelayMs(error);
    if (delayMs >= 0) {
        qCInfo(lc).noquote() << m_seed.provider << m_seed.model << "attempt" << m_attempts << "failed with"
                             << FetchError::kindName(error.kind)
                             << QLatin1Char('(') + Redactor::redactPatterns(error.detail) + QLatin1Char(')')
                             << "- retry in" << delayMs << "ms";
        m_streamError = FetchError();
        resetAttempt();
        m_retryTimer.start(delayMs);
        Q_EMIT retryScheduled(int(std::ceil(delayMs / 1000.0)));
        return;
    }
    AiResult out = m_seed;
    conclude(result, error, &out);
    finishWith(out);
}

// -1: no retry. A 429 is waited out once when the wait is short; 5xx and network errors back off.
int AiHttpGeneration::retryDelayMs(const FetchError &error)
{
    if (!error.isError() || textShown() || m_attempts >= m_limits.maxAttempts || !m_http) {
        return -1;
    }
    if (error.kind == FetchError::Kind::RateLimited) {
        if (m_waitedForQuota || error.retryAfterSeconds < 0 ||
            error.retryAfterSeconds > m_limits.maxRetryWaitSeconds) {
            return -1;
        }
        m_waitedForQuota = true;
        return error.retryAfterSeconds * 1000;
    }
    const bool transient =
        (error.kind == FetchError::Kind::ServerError && isRetryableStatus(error.httpStatus)) ||
        (error.kind == FetchError::Kind::Offline && error.httpStatus == 0);
    return transient ? m_http->retryPolicy().backoffDelayMs(m_attempts) : -1;
}

// Fills `out` (seeded with provider and model) once no retry follows. `error` is why the attempt
// failed, if it did: the text shown so far is kept, marked incomplete.
void AiHttpGeneration::conclude(const HttpResult &result, const FetchError &error, AiResult *out)
{
    if (!isStreaming() && !error.isError()) {
        if (const FetchError parseError = parseWhole(result.body); parseError.isError()) {
            out->error = parseError;
            out->error.httpStatus = result.status;
            return;
        }
    }
    describeAnswer(out);
    if (error.isError()) {
        out->error = error;
        out->incomplete = !out->text.isEmpty();
        return;
    }
    out->error = judgeAnswer(&out->incomplete);
    if (out->error.isError()) {
        out->error.httpStatus = result.status;
    }
}

void AiHttpGeneration::finishWith(AiResult result)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_retryTimer.stop();
    result.latencyMs = m_clock.elapsed();
    logOutcome(result);
    Q_EMIT finished(result);
    deleteLater();
}

void AiHttpGeneration::logOutcome(const AiResult &result) const
{
    CorrelationScope scope(m_request.correlationId);
    if (!result.error.isError()) {
        qCInfo(lc).noquote() << QStringLiteral("%1 %2 -> %3%4, %5 chars, tokens %6/%7, %8 ms, %9 attempt(s)")
                                    .arg(result.provider, result.model,
                                         result.finishReason.isEmpty() ? QStringLiteral("no finish reason")
                                                                       : result.finishReason,
                                         result.incomplete ? QStringLiteral(" (incomplete)") : QString())
                                    .arg(result.text.size())
                                    .arg(result.promptTokens)
                                    .arg(result.outputTokens)
                                    .arg(result.latencyMs)
                                    .arg(m_attempts);
        return;
    }
    const auto line = [&] {
        return QStringLiteral("%1 %2 -> %3 (%4) after %5 ms, %6 attempt(s), %7 chars kept")
            .arg(result.provider, result.model, FetchError::kindName(result.error.kind),
                 Redactor::redactPatterns(result.error.detail))
            .arg(result.latencyMs)
            .arg(m_attempts)
            .arg(result.text.size());
    };
    if (result.error.kind == FetchError::Kind::Cancelled) {
        qCInfo(lc).noquote() << line();
    } else {
        qCWarning(lc).noquote() << line();
    }
}

AiClientCore::AiClientCore(HttpClient *http, QObject *client) : m_http(http), m_client(client) {}

HttpClient *AiClientCore::http() const
{
    return m_http;
}

QUrl AiClientCore::endpoint(const QUrl &baseUrl, const QString &path)
{
    QUrl url = baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    url.setPath(basePath + path);
    url.setQuery(QString());
    return url;
}

HttpHeaders AiClientCore::jsonHeaders(bool stream, const HttpHeaders &extra)
{
    HttpHeaders list{{"Content-Type", "application/json"},
                     {"Accept", stream ? QByteArray("text/event-stream") : QByteArray("application/json")}};
    list.append(extra);
    return list;
}

HttpRequest AiClientCore::generationRequest(const AiRequest &request, const Transport &transport,
                                            const Post &post)
{
    HttpRequest http;
    http.url = post.url;
    http.method = "POST";
    http.body = post.body;
    http.expect = request.stream ? HttpExpect::EventStream : HttpExpect::Json;
    http.timeoutMs = transport.timeoutMs;
    http.idleTimeoutMs = transport.idleTimeoutMs;
    http.maxBytes = transport.maxBytes;
    http.correlationId = request.correlationId.isEmpty() ? currentCorrelationId() : request.correlationId;
    http.source = transport.source;
    http.headers = jsonHeaders(request.stream, post.headers);
    return http;
}

bool AiClientCore::launch(AiHttpGeneration *generation, const FetchError &configError,
                          const QLoggingCategory &category)
{
    m_running.removeAll(nullptr);
    m_running.append(generation);
    QObject::connect(generation, &AiGeneration::finished, m_client,
                     [this, generation] { m_running.removeAll(generation); });
    if (configError.isError()) {
        CorrelationScope scope(generation->correlationId());
        qCWarning(category).noquote() << "not sending:" << configError.detail;
        generation->failSoon(configError);
        return false;
    }
    generation->start();
    return true;
}

void AiClientCore::abortAll()
{
    // abort() finishes synchronously, and finished() edits m_running: walk a copy.
    const auto running = std::exchange(m_running, {});
    for (const QPointer<AiGeneration> &generation : running) {
        if (generation) {
            generation->abort();
        }
    }
}

ApiReply<QList<AiModelInfo>> *AiClientCore::listModels(const QUrl &url, const HttpHeaders &headers,
                                                       const Transport &transport, ModelsParser parse,
                                                       ErrorReader readError, FetchError error) const
{
    auto *call = new ApiReply<QList<AiModelInfo>>(
        [parse = std::move(parse), readError = std::move(readError)](const HttpResult &result,
                                                                     QList<AiModelInfo> *out) {
            return result.ok() ? parse(result.body, out) : readError(result);
        },
        m_client);
    if (!error.isError() && !m_http) {
        error = networkGone();
    }
    if (error.isError()) {
        QTimer::singleShot(0, call, [call, error] { call->fail(error); });
        return call;
    }
    HttpRequest http;
    http.url = url;
    http.expect = HttpExpect::Json;
    http.maxAttempts = transport.limits.maxAttempts;
    http.source = transport.source;
    http.headers = headers;
    HttpReply *reply = m_http->send(http);
    const QPointer<HttpReply> guard(reply);
    call->setDetach([guard, call] {
        if (guard) {
            guard->disconnect(call); // the call finishes itself with Cancelled
            guard->abort();
        }
    });
    QObject::connect(reply, &HttpReply::finished, call,
                     [call](const HttpResult &result) { call->deliver(result); });
    QObject::connect(reply, &HttpReply::retryScheduled, call,
                     [call](int seconds) { call->notifyRetry(seconds); });
    return call;
}

} // namespace ba
