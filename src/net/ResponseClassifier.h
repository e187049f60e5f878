#pragma once

#include "domain/FetchError.h"
#include "net/HttpTypes.h"

#include <QNetworkReply>
#include <optional>

namespace ba {

// Turns what came back from the network into a FetchError, and says whether trying again can help.
// Pure functions: no I/O, so every status/header/body combination is testable on its own.
class ResponseClassifier
{
public:
    struct Input
    {
        int status = 0; // 0 = no HTTP answer
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QString networkErrorText;
        HttpHeaders headers;
        QByteArray body;
        HttpExpect expect = HttpExpect::Json;
        QString service; // the host, used in messages
        std::optional<int> retryAfterSeconds;
        // Content-Length of an uncompressed body, -1 when unknown. Qt sometimes reports a body cut
        // short by the server closing the connection as a success; comparing sizes catches it.
        qint64 declaredLength = -1;
    };

    struct Verdict
    {
        FetchError error;
        bool retryable = false;
    };

    static Verdict classify(const Input &input);

    // Cloudflare challenge or block page: the cf-mitigated header, or well-known body markers.
    static bool isCloudflareChallenge(const HttpHeaders &headers, const QByteArray &body);

    // A complete error with the translated one-sentence message for `kind`.
    static FetchError makeError(FetchError::Kind kind, const QString &service, int status,
                                const QString &detail, int retryAfterSeconds = -1);
    static QString userMessage(FetchError::Kind kind, const QString &service, int status,
                               int retryAfterSeconds = -1);

private:
    static Verdict classifyNetworkError(const Input &input);
    static Verdict classifyStatus(const Input &input);
    static Verdict checkContent(const Input &input);
};

} // namespace ba
