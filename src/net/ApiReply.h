#pragma once

#include "domain/FetchError.h"
#include "net/HttpTypes.h"

#include <QObject>
#include <functional>

namespace ba {

// The end of one endpoint call (CoinGeckoClient, later GeminiClient): exactly one finished(), after
// which either error() is set or the typed value of ApiReply<T> is valid. The object deletes itself
// with deleteLater() after finished(): read it inside the handler.
//
//   auto *reply = coinGecko->marketChart(QStringLiteral("bitcoin"), QStringLiteral("usd"), 30);
//   connect(reply, &ba::ApiCall::finished, this, [reply] {
//       if (reply->error().isError()) { show(reply->error().userMessage); return; }
//       use(reply->value());
//   });
class ApiCall : public QObject
{
    Q_OBJECT
public:
    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && !m_error.isError(); }
    const FetchError &error() const { return m_error; }
    int httpStatus() const { return m_status; }
    qint64 latencyMs() const { return m_latencyMs; }
    int attempts() const { return m_attempts; }

    // Ends the call now with Kind::Cancelled. The network request is dropped when nobody else
    // shares it. No effect after finished().
    void abort();

    // For the issuing client: parse the network result and finish; finish with an error; be told
    // how to detach from the shared network request on abort().
    void deliver(const HttpResult &result);
    void fail(const FetchError &error);
    void setDetach(std::function<void()> detach) { m_detach = std::move(detach); }
    void notifyRetry(int seconds, FetchError::Kind reason = FetchError::Kind::None)
    {
        Q_EMIT retryScheduled(seconds, reason);
    }

Q_SIGNALS:
    void finished();
    // Another attempt follows in about `seconds`; reason RateLimited: the service asked for the pause.
    void retryScheduled(int seconds, ba::FetchError::Kind reason);

protected:
    explicit ApiCall(QObject *parent = nullptr);
    // Fill the typed value from a successful result, or return the error that prevents it.
    // Also called with failed results so that endpoint error bodies can be read.
    virtual FetchError parse(const HttpResult &result) = 0;

private:
    void finishWith(const FetchError &error);

    FetchError m_error;
    std::function<void()> m_detach;
    int m_status = 0;
    qint64 m_latencyMs = 0;
    int m_attempts = 0;
    bool m_finished = false;
};

template <typename T> class ApiReply : public ApiCall
{
public:
    using Parser = std::function<FetchError(const HttpResult &result, T *out)>;

    explicit ApiReply(Parser parser, QObject *parent = nullptr) : ApiCall(parent), m_parser(std::move(parser))
    {}

    const T &value() const { return m_value; } // valid when ok()

protected:
    FetchError parse(const HttpResult &result) override { return m_parser(result, &m_value); }

private:
    Parser m_parser;
    T m_value{};
};

} // namespace ba
