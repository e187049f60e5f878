#include "net/HttpReply.h"

#include "logging/Correlation.h"
#include "logging/Redactor.h"
#include "net/HttpClient.h"
#include "net/RateLimiter.h"
#include "net/RedirectRule.h"
#include "net/ResponseClassifier.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <cmath>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.net.http")
} // namespace

namespace ba {

namespace {

// QNetworkReply buffers without limit by default: while the GUI thread is busy the network thread
// keeps reading, and a flood overshoots any cap checked in readyRead() by hundreds of megabytes.
constexpr qint64 kReadBufferBytes = 256 * 1024;
constexpr int kMaxRedirects = 5;

// A URL for the log: no user info, secrets in the query masked.
QString logUrl(const QUrl &url)
{
    return Redactor::redactPatterns(url.toString(QUrl::RemoveUserInfo | QUrl::FullyEncoded));
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 1024) {
        return QStringLiteral("%1 B").arg(bytes);
    }
    if (bytes < 10LL * 1024 * 1024) {
        return QStringLiteral("%1 KB").arg((bytes + 512) / 1024);
    }
    return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
}

// Content-Length counts the bytes on the wire; Qt inflates gzip/deflate bodies, so the size is
// only comparable for identity encoding.
qint64 declaredLength(const HttpHeaders &headers, const QByteArray &method)
{
    const QByteArray encoding = findHeader(headers, "Content-Encoding").trimmed().toLower();
    const QByteArray length = findHeader(headers, "Content-Length").trimmed();
    if (method == "HEAD" || length.isEmpty() || !(encoding.isEmpty() || encoding == "identity")) {
        return -1;
    }
    bool ok = false;
    const qint64 value = length.toLongLong(&ok);
    return ok ? value : -1;
}

bool isCustomVerb(const QByteArray &method)
{
    return method != "GET" && method != "HEAD" && method != "POST" && method != "PUT";
}

// The verb-specific calls, not sendCustomRequest() for everything: Qt 6.4 never emits requestSent()
// for a custom-verb request without a body, and the connect timeout depends on that signal.
QNetworkReply *dispatch(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &method,
                        const QByteArray &body)
{
    if (method == "GET" && body.isEmpty()) {
        return nam->get(request);
    }
    if (method == "HEAD") {
        return nam->head(request);
    }
    if (method == "POST") {
        return nam->post(request, body);
    }
    if (method == "PUT") {
        return nam->put(request, body);
    }
    return nam->sendCustomRequest(request, method, body);
}

} // namespace

HttpReply::HttpReply(QNetworkAccessManager *nam, const HttpRequest &request, const RetryPolicy &policy,
                     Clock clock, QObject *parent)
    : QObject(parent), m_nam(nam), m_request(request), m_policy(policy), m_clock(std::move(clock)),
      m_limiter(request.rateLimiter)
{
    if (m_request.correlationId.isEmpty()) {
        m_request.correlationId = currentCorrelationId();
    }
    m_request.maxAttempts = std::max(1, m_request.maxAttempts);
    m_result.url = m_request.url;
    for (QTimer *t : {&m_totalTimer, &m_connectTimer, &m_retryTimer, &m_idleTimer}) {
        t->setSingleShot(true);
        t->setTimerType(Qt::PreciseTimer); // coarse timers fire up to 5 % early
    }
    connect(&m_totalTimer, &QTimer::timeout, this, [this] {
        onAttemptTimeout(QStringLiteral("no complete answer within %1 ms").arg(m_request.timeoutMs));
    });
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        onAttemptTimeout(QStringLiteral("not connected within %1 ms").arg(m_request.connectTimeoutMs));
    });
    connect(&m_idleTimer, &QTimer::timeout, this,
            [this] { onAttemptTimeout(QStringLiteral("no data for %1 ms").arg(m_request.idleTimeoutMs)); });
    connect(&m_retryTimer, &QTimer::timeout, this, &HttpReply::beginAttempt);
    m_sinceSend.start();
    // Queued so that finished() can never fire before the caller has connected to it.
    QMetaObject::invokeMethod(this, &HttpReply::beginAttempt, Qt::QueuedConnection);
}

HttpReply::~HttpReply()
{
    stopNetwork();
}

void HttpReply::abort()
{
    if (m_finished) {
        return;
    }
    stopNetwork();
    const FetchError error = ResponseClassifier::makeError(FetchError::Kind::Cancelled, service(), 0,
                                                           QStringLiteral("cancelled by the application"));
    logAttempt(0, error, QString());
    finish(error);
}

void HttpReply::beginAttempt()
{
    if (m_finished) {
        return;
    }
    if (!m_limiter) {
        sendAttempt();
        return;
    }
    // The limiter may call back at once; m_ticket is only needed while we wait in its queue.
    m_ticket = 0;
    const quint64 ticket = m_limiter->acquire(this, [this] {
        m_ticket = 0;
        sendAttempt();
    });
    if (!m_reply && !m_finished) {
        m_ticket = ticket;
    }
}

void HttpReply::sendAttempt()
{
    if (!m_nam) {
        failNow(FetchError::Kind::Offline, QStringLiteral("network access manager is gone"));
        return;
    }
    ++m_attempts;
    m_attemptBytes = 0;
    m_result.body.clear();
    m_result.url = m_request.url;
    QNetworkRequest request(m_request.url);
    request.setHeader(QNetworkRequest::UserAgentHeader, HttpClient::userAgent());
    // Each redirect is checked in onRedirected(): Qt's default policy would re-send the key headers
    // and the body (the prompt) to any host the server names.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxRedirects);
    for (const auto &header : m_request.headers) {
        request.setRawHeader(header.first, header.second);
    }
    {
        CorrelationScope scope(m_request.correlationId);
        qCDebug(lc).noquote() << m_request.method << logTarget() << "attempt" << m_attempts << "of"
                              << m_request.maxAttempts;
    }
    m_sinceAttempt.start();
    m_reply = dispatch(m_nam, request, m_request.method, m_request.body);
    m_reply->setReadBufferSize(kReadBufferBytes);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpReply::onReadyRead);
    connect(m_reply, &QNetworkReply::redirected, this, &HttpReply::onRedirected);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &HttpReply::onDownloadProgress);
    connect(m_reply, &QNetworkReply::finished, this, &HttpReply::onNetworkFinished);
    connect(m_reply, &QNetworkReply::requestSent, &m_connectTimer, &QTimer::stop);
    connect(m_reply, &QNetworkReply::metaDataChanged, &m_connectTimer, &QTimer::stop);
    connect(m_reply, &QObject::destroyed, this, [this] {
        failNow(FetchError::Kind::Cancelled, QStringLiteral("network reply destroyed by its manager"));
    });
    if (m_request.timeoutMs > 0) { // 0: no total limit (long event streams)
        m_totalTimer.start(m_request.timeoutMs);
    }
    const bool requestSentIsReliable = !(isCustomVerb(m_request.method) && m_request.body.isEmpty());
    if (requestSentIsReliable && m_request.connectTimeoutMs > 0 &&
        (m_request.timeoutMs <= 0 || m_request.connectTimeoutMs < m_request.timeoutMs)) {
        m_connectTimer.start(m_request.connectTimeoutMs);
    }
}

void HttpReply::onReadyRead()
{
    const QByteArray chunk = m_reply->readAll();
    m_attemptBytes += chunk.size();
    if (m_attemptBytes > m_request.maxBytes) {
        failNow(FetchError::Kind::TooLarge,
                QStringLiteral("response larger than the %1 byte cap; stopped after %2 bytes")
                    .arg(m_request.maxBytes)
                    .arg(m_attemptBytes));
        return;
    }
    m_connectTimer.stop();
    if (m_request.idleTimeoutMs > 0 && !chunk.isEmpty()) {
        // The body has begun (a thinking model may be silent for long before that): from now on
        // a silence longer than idleTimeoutMs means the stream has stalled.
        m_idleTimer.start(m_request.idleTimeoutMs);
    }
    m_result.body += chunk;
    if (!chunk.isEmpty()) {
        m_streamed = m_streamed || m_request.expect == HttpExpect::EventStream;
        Q_EMIT chunkReceived(chunk);
    }
}

void HttpReply::onRedirected(const QUrl &target)
{
    const QUrl from = m_result.url;
    const QUrl to = from.resolved(target);
    if (!RedirectRule::mayFollow(from, to, m_request.crossOriginRedirects)) {
        const int status = m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
        const QString detail =
            QStringLiteral("HTTP %1 redirect from %2 to %3 refused: %4")
                .arg(status)
                .arg(logUrl(from), logUrl(to), RedirectRule::refusal(to, m_request.crossOriginRedirects));
        // No answer came: endpoint clients must not read the 3xx as the server's verdict.
        stopNetwork();
        failNow(FetchError::Kind::BadResponse, detail,
                QCoreApplication::translate(
                    "HttpClient", "%1 redirected the request to %2; it was not followed, to keep your key "
                                  "and request private. Check the server address in Settings.")
                    .arg(service(), to.host().isEmpty() ? to.scheme() : to.host()));
        return;
    }
    CorrelationScope scope(m_request.correlationId);
    qCInfo(lc).noquote() << m_request.method << logTarget() << "redirected to" << logUrl(to);
    m_result.url = to;
    Q_EMIT m_reply->redirectAllowed();
}

void HttpReply::onDownloadProgress(qint64 received, qint64 total)
{
    Q_UNUSED(received);
    if (total > m_request.maxBytes) {
        // A declared size over the cap: stop before downloading any of it.
        failNow(
            FetchError::Kind::TooLarge,
            QStringLiteral("Content-Length %1 exceeds the %2 byte cap").arg(total).arg(m_request.maxBytes));
    }
}

void HttpReply::onNetworkFinished()
{
    QNetworkReply *reply = m_reply;
    onReadyRead(); // whatever is still buffered
    if (m_finished || m_reply != reply) {
        return; // failNow() already ended this attempt (size cap)
    }
    m_totalTimer.stop();
    m_connectTimer.stop();
    m_idleTimer.stop();
    ResponseClassifier::Input in;
    in.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    in.networkError = reply->error();
    in.networkErrorText = reply->errorString();
    in.headers = reply->rawHeaderPairs();
    in.body = m_result.body;
    in.expect = m_request.expect;
    in.service = service();
    in.retryAfterSeconds = RetryPolicy::parseRetryAfter(findHeader(in.headers, "Retry-After"), m_clock());
    in.declaredLength = declaredLength(in.headers, m_request.method);
    disconnect(reply, nullptr, this, nullptr);
    reply->deleteLater();
    m_reply = nullptr;

    m_result.status = in.status;
    m_result.headers = in.headers;
    const ResponseClassifier::Verdict verdict = ResponseClassifier::classify(in);
    if (!verdict.error.isError()) {
        logAttempt(in.status, verdict.error, QString());
        finish(verdict.error);
        return;
    }
    if (!scheduleRetry(verdict.error, verdict.retryable)) {
        logAttempt(in.status, verdict.error, QString());
        finish(verdict.error);
    }
}

// Returns true when another attempt was scheduled (and logged).
bool HttpReply::scheduleRetry(const FetchError &error, bool retryable)
{
    if (error.kind == FetchError::Kind::RateLimited && m_limiter && error.retryAfterSeconds > 0) {
        // Whether or not this request tries again, nobody may ask the service inside its pause.
        m_limiter->holdFor(error.retryAfterSeconds * 1000LL);
    }
    if (m_streamed) {
        return false;
    }
    const int delayMs = retryDelayMs(error, retryable);
    if (delayMs < 0) {
        return false;
    }
    const int seconds = int(std::ceil(delayMs / 1000.0));
    const int counted = m_attempts - m_rateLimitWaits;
    logAttempt(error.httpStatus, error,
               error.kind == FetchError::Kind::RateLimited && m_request.rateLimitWaitMs > 0
                   ? QStringLiteral("Retry-After: waiting %1 ms, %2 of %3 ms spent")
                         .arg(delayMs)
                         .arg(m_rateLimitWaitedMs)
                         .arg(m_request.rateLimitWaitMs)
                   : QStringLiteral("retry %1/%2 in %3 ms")
                         .arg(counted + 1)
                         .arg(m_request.maxAttempts)
                         .arg(delayMs));
    m_retryTimer.start(delayMs);
    Q_EMIT retryScheduled(seconds, error.kind);
    return true;
}

// -1: no retry.
int HttpReply::retryDelayMs(const FetchError &error, bool retryable)
{
    if (error.kind == FetchError::Kind::RateLimited) {
        return rateLimitDelayMs(error);
    }
    const int counted = m_attempts - m_rateLimitWaits;
    if (!retryable || counted >= m_request.maxAttempts) {
        return -1;
    }
    return m_policy.backoffDelayMs(counted);
}

int HttpReply::rateLimitDelayMs(const FetchError &error)
{
    const int seconds = error.retryAfterSeconds;
    if (m_request.rateLimitWaitMs <= 0) {
        // Wait once if the server asked for a short pause; otherwise report it and let the user decide.
        if (m_attempts >= m_request.maxAttempts || m_waitedForRetryAfter || seconds < 0 ||
            seconds > m_policy.maxRetryAfterSeconds) {
            return -1;
        }
        m_waitedForRetryAfter = true;
        return seconds * 1000;
    }
    // Patient: each pause the server asks for, within the budget. "Retry-After: 0" still waits a
    // second, so that a server repeating it cannot make us spin.
    const int delayMs = std::max(1, seconds) * 1000;
    if (seconds < 0 || seconds > RetryPolicy::MaxPatientRetryAfterSeconds ||
        m_rateLimitWaitedMs + delayMs > m_request.rateLimitWaitMs) {
        return -1;
    }
    m_rateLimitWaitedMs += delayMs;
    ++m_rateLimitWaits;
    return delayMs;
}

void HttpReply::onAttemptTimeout(const QString &what)
{
    // Timeouts are not retried: the user already waited the whole budget once.
    failNow(FetchError::Kind::Timeout, what);
}

void HttpReply::failNow(FetchError::Kind kind, const QString &detail, const QString &userMessage)
{
    if (m_finished) {
        return;
    }
    const int status = m_reply ? m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    stopNetwork();
    m_result.status = status;
    FetchError error = ResponseClassifier::makeError(kind, service(), status, detail);
    if (!userMessage.isEmpty()) {
        error.userMessage = userMessage;
    }
    logAttempt(status, error, QString());
    finish(error);
}

void HttpReply::stopNetwork()
{
    m_totalTimer.stop();
    m_connectTimer.stop();
    m_retryTimer.stop();
    m_idleTimer.stop();
    if (m_ticket != 0 && m_limiter) {
        m_limiter->cancel(m_ticket);
    }
    m_ticket = 0;
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpReply::finish(const FetchError &error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_result.error = error;
    m_result.attempts = m_attempts;
    m_result.latencyMs = m_sinceSend.elapsed();
    Q_EMIT finished(m_result);
    deleteLater();
}

void HttpReply::logAttempt(int status, const FetchError &error, const QString &note) const
{
    CorrelationScope scope(m_request.correlationId);
    const QString outcome = status > 0 ? QString::number(status) : FetchError::kindName(error.kind);
    QString line = QString::fromLatin1(m_request.method) + QLatin1Char(' ') + logTarget() +
                   QStringLiteral(" -> ") + outcome +
                   QStringLiteral(" %1 ms ").arg(m_sinceAttempt.isValid() ? m_sinceAttempt.elapsed() : 0) +
                   formatBytes(m_attemptBytes);
    if (m_result.url != m_request.url) {
        line += QStringLiteral(" from ") + logUrl(m_result.url); // where the redirects led
    }
    if (error.isError()) {
        line += QStringLiteral(" (") + FetchError::kindName(error.kind) + QStringLiteral(": ") +
                Redactor::redactPatterns(error.detail) +
                (note.isEmpty() ? QString() : QStringLiteral("; ") + note) + QLatin1Char(')');
    }
    if (!error.isError()) {
        qCInfo(lc).noquote() << line;
    } else if (error.kind == FetchError::Kind::Cancelled) {
        qCInfo(lc).noquote() << line;
    } else {
        qCWarning(lc).noquote() << line;
    }
}

QString HttpReply::logTarget() const
{
    const QUrl &url = m_request.url;
    QString target = url.path(QUrl::FullyEncoded);
    if (url.hasQuery()) {
        target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    }
    return Redactor::redactPatterns(target);
}

QString HttpReply::service() const
{
    if (!m_request.serviceName.isEmpty()) {
        return m_request.serviceName;
    }
    const QString host = m_request.url.host();
    return host.isEmpty() ? m_request.url.toDisplayString() : host;
}

} // namespace ba
