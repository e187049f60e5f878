#include "net/HttpClient.h"

#include "ba/Version.h"

#include <QNetworkAccessManager>

namespace ba {

HttpClient::HttpClient(QNetworkAccessManager *nam, QObject *parent)
    : HttpClient(
          nam, [] { return QDateTime::currentDateTimeUtc(); }, parent)
{}

HttpClient::HttpClient(QNetworkAccessManager *nam, Clock clock, QObject *parent)
    : QObject(parent), m_nam(nam), m_clock(std::move(clock))
{
    qRegisterMetaType<ba::HttpResult>();
    qRegisterMetaType<ba::FetchError>();
    qRegisterMetaType<ba::FetchError::Kind>();
}

HttpClient::~HttpClient()
{
    // Listeners hear about the end of their requests; nobody is left waiting forever.
    blockSignals(true); // no metrics from a half-destroyed client
    cancelAll();
}

HttpReply *HttpClient::send(const HttpRequest &request)
{
    auto *reply = new HttpReply(m_nam, request, m_policy, m_clock, this);
    m_active.append(reply);
    connect(reply, &HttpReply::finished, this, [this, reply](const HttpResult &result) {
        m_active.removeAll(reply);
        Q_EMIT requestCompleted(reply->request().source, result);
        Q_EMIT requestFinished(reply->request().source, result.latencyMs, result.ok(), result.error.kind);
    });
    return reply;
}

void HttpClient::cancelAll()
{
    const auto active = m_active;
    for (const QPointer<HttpReply> &reply : active) {
        if (reply) {
            reply->abort();
        }
    }
    m_active.clear();
}

QByteArray HttpClient::userAgent()
{
    return QByteArray("BitcoinAnalyzer/" BA_VERSION " (Qt ") + qVersion() + ')';
}

} // namespace ba
