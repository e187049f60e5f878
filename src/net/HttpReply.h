#pragma once

#include "net/HttpTypes.h"
#include "net/RetryPolicy.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ba {

class HttpClient;
class RateLimiter;

// One logical request, across its attempts. Created by HttpClient::send(); emits finished() exactly
// once (never before send() has returned) and then deletes itself with deleteLater(), so hold it in
// a QPointer if you keep it past the finished() handler.
class HttpReply : public QObject
{
    Q_OBJECT
public:
    ~HttpReply() override;

    const HttpRequest &request() const { return m_request; }
    bool isFinished() const { return m_finished; }
    const HttpResult &result() const { return m_result; } // complete once finished() was emitted

    // Ends the request now with FetchError::Kind::Cancelled; no effect after finished().
    void abort();

Q_SIGNALS:
    void finished(const ba::HttpResult &result);
    void chunkReceived(const QByteArray &chunk); // each piece as it arrives (event streams)
    // A retry starts in about this many seconds; reason is why (RateLimited: the server asked for
    // the pause with Retry-After).
    void retryScheduled(int seconds, ba::FetchError::Kind reason);

private:
    friend class HttpClient;
    using Clock = std::function<QDateTime()>;

    HttpReply(QNetworkAccessManager *nam, const HttpRequest &request, const RetryPolicy &policy, Clock clock,
              QObject *parent);

    void beginAttempt();
    void sendAttempt();
    void onReadyRead();
    void onRedirected(const QUrl &target);
    void onDownloadProgress(qint64 received, qint64 total);
    void onNetworkFinished();
    void onAttemptTimeout(const QString &what);
    void failNow(FetchError::Kind kind, const QString &detail, const QString &userMessage = {});
    bool scheduleRetry(const FetchError &error, bool retryable);
    int retryDelayMs(const FetchError &error, bool retryable);
    int rateLimitDelayMs(const FetchError &error);
    void stopNetwork();
    void finish(const FetchError &error);
    void logAttempt(int status, const FetchError &error, const QString &note) const;
    QString logTarget() const;
    QString service() const;

    QPointer<QNetworkAccessManager> m_nam;
    HttpRequest m_request;
    RetryPolicy m_policy;
    Clock m_clock;
    QPointer<RateLimiter> m_limiter;
    quint64 m_ticket = 0;
    QPointer<QNetworkReply> m_reply;
    QTimer m_totalTimer;
    QTimer m_connectTimer;
    QTimer m_retryTimer;
    QTimer m_idleTimer;
    QElapsedTimer m_sinceSend;
    QElapsedTimer m_sinceAttempt;
    HttpResult m_result;
    qint64 m_attemptBytes = 0;
    int m_attempts = 0;
    int m_rateLimitWaits = 0;       // attempts that followed a Retry-After wait (not counted)
    qint64 m_rateLimitWaitedMs = 0; // against HttpRequest::rateLimitWaitMs
    bool m_waitedForRetryAfter = false;
    bool m_streamed = false; // chunks went out: a retry would repeat them
    bool m_finished = false;
};

} // namespace ba
