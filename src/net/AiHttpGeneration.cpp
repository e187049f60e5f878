#include "net/AiHttpGeneration.h"

#include "logging/Correlation.h"
#include "logging/Redactor.h"
#include "net/HttpClient.h"
#include "net/HttpReply.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <cmath>

Q_LOGGING_CATEGORY(lcAi, "ba.net.ai")

namespace ba {

namespace {

FetchError makeError(FetchError::Kind kind, const QString &message, const QString &detail)
{
    FetchError e;
    e.kind = kind;
    e.userMessage = message;
    e.detail = detail;
    return e;
}

bool isRetryableStatus(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
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
    result.error = makeError(
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
        result.error =
            makeError(FetchError::Kind::Cancelled,
                      QCoreApplication::translate("AiGeneration",
                                                  "The network is shutting down; restart the application."),
                      QStringLiteral("HttpClient is gone"));
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
    const FetchError error = attemptError(result);
    const int delayMs = retryDelayMs(error);
    if (delayMs >= 0) {
        qCInfo(lcAi).noquote() << m_seed.provider << m_seed.model << "attempt" << m_attempts << "failed with"
                               << FetchError::kindName(error.kind)
                               << QLatin1Char('(') + Redactor::redactPatterns(error.detail) + QLatin1Char(')')
                               << "- retry in" << delayMs << "ms";
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
        qCInfo(lcAi).noquote() << QStringLiteral(
                                      "%1 %2 -> %3%4, %5 chars, tokens %6/%7, %8 ms, %9 attempt(s)")
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
        qCInfo(lcAi).noquote() << line();
    } else {
        qCWarning(lcAi).noquote() << line();
    }
}

} // namespace ba
