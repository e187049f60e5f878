#include "net/ApiReply.h"

#include <QCoreApplication>

namespace ba {

ApiCall::ApiCall(QObject *parent) : QObject(parent) {}

void ApiCall::abort()
{
    if (m_finished) {
        return;
    }
    if (m_detach) {
        std::exchange(m_detach, nullptr)();
    }
    FetchError error;
    error.kind = FetchError::Kind::Cancelled;
    error.userMessage = QCoreApplication::translate(
        "HttpClient", "The request was cancelled; refresh to load the data again.");
    error.detail = QStringLiteral("cancelled by the application");
    finishWith(error);
}

void ApiCall::deliver(const HttpResult &result)
{
    if (m_finished) {
        return;
    }
    m_status = result.status;
    m_latencyMs = result.latencyMs;
    m_attempts = result.attempts;
    FetchError error = parse(result);
    if (error.isError() && error.httpStatus == 0) {
        error.httpStatus = result.status; // a body the parser refused still came with a status
    }
    finishWith(error);
}

void ApiCall::fail(const FetchError &error)
{
    if (!m_finished) {
        finishWith(error);
    }
}

void ApiCall::finishWith(const FetchError &error)
{
    m_finished = true;
    m_detach = nullptr;
    m_error = error;
    Q_EMIT finished();
    deleteLater();
}

} // namespace ba
