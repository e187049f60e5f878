#pragma once

#include "domain/FetchError.h"
#include "net/HttpReply.h"
#include "net/HttpTypes.h"
#include "net/RetryPolicy.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

class QNetworkAccessManager;

namespace ba {

// The one request path of the application: timeouts, retries with back-off, Retry-After, size cap,
// content-type check, typed errors and one log line per attempt (category ba.net.http).
// Lives in the thread of the QNetworkAccessManager it is given.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>; // wall clock, only for Retry-After dates

    explicit HttpClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    HttpClient(QNetworkAccessManager *nam, Clock clock, QObject *parent = nullptr);
    ~HttpClient() override; // cancels what is still running: each reply finishes with Cancelled

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; } // for requests sent later
    const RetryPolicy &retryPolicy() const { return m_policy; }

    // Starts the request. The reply is owned by this client and deletes itself after finished().
    HttpReply *send(const HttpRequest &request);
    void cancelAll();
    int activeCount() const { return int(m_active.size()); }

    // "BitcoinAnalyzer/0.1.0 (Qt 6.4.2)"
    static QByteArray userAgent();

Q_SIGNALS:
    // One per request (not per attempt), for latency percentiles and health counters.
    void requestFinished(const QString &source, qint64 latencyMs, bool ok, ba::FetchError::Kind kind);
    // The same moment with the whole result (URL, error message and detail), emitted just before
    // requestFinished: the health panel names the failing URL and the socket error.
    void requestCompleted(const QString &source, const ba::HttpResult &result);

private:
    QPointer<QNetworkAccessManager> m_nam;
    Clock m_clock;
    RetryPolicy m_policy;
    QList<QPointer<HttpReply>> m_active;
};

} // namespace ba
