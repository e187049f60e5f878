#include "net/ResponseClassifier.h"

#include <QCoreApplication>
#include <cctype>

namespace ba {

namespace {

using Kind = FetchError::Kind;

constexpr qsizetype kScanBytes = 256 * 1024; // challenge markers sit near the top of the page

QString bodyExcerpt(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body.left(200)).simplified();
    return text.isEmpty() ? QString() : QStringLiteral("; body: ") + text;
}

QString statusDetail(const ResponseClassifier::Input &in)
{
    return QStringLiteral("HTTP %1").arg(in.status) + bodyExcerpt(in.body);
}

qsizetype firstNonSpace(const QByteArray &body)
{
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (!std::isspace(static_cast<unsigned char>(body.at(i)))) {
            return i;
        }
    }
    return -1;
}

bool looksLikeHtml(const HttpHeaders &headers, const QByteArray &body)
{
    const QByteArray type = findHeader(headers, "Content-Type").toLower();
    if (type.contains("html")) {
        return true;
    }
    const QByteArray start = body.left(512).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

// "/cdn-cgi/challenge-platform/" counts unless it is only the harmless "scripts/jsd/" beacon
// that Cloudflare injects into ordinary pages.
bool hasChallengePlatformPath(const QByteArray &text)
{
    static const QByteArray path = "/cdn-cgi/challenge-platform/";
    for (qsizetype at = text.indexOf(path); at >= 0; at = text.indexOf(path, at + 1)) {
        if (!text.mid(at + path.size()).startsWith("scripts/jsd/")) {
            return true;
        }
    }
    return false;
}

ResponseClassifier::Verdict verdict(Kind kind, const ResponseClassifier::Input &in, const QString &detail,
                                    bool retryable)
{
    return {ResponseClassifier::makeError(kind, in.service, in.status, detail), retryable};
}

} // namespace

bool ResponseClassifier::isCloudflareChallenge(const HttpHeaders &headers, const QByteArray &body)
{
    if (findHeader(headers, "cf-mitigated").trimmed().toLower() == "challenge") {
        return true;
    }
    if (!looksLikeHtml(headers, body)) {
        return false;
    }
    const QByteArray text = body.left(kScanBytes);
    static const QByteArray markers[] = {"<title>Just a moment...</title>", "_cf_chl_opt",
                                         "Attention Required! | Cloudflare", "cf-browser-verification",
                                         "id=\"challenge-error-text\""};
    for (const QByteArray &m : markers) {
        if (text.contains(m)) {
            return true;
        }
    }
    return hasChallengePlatformPath(text);
}

ResponseClassifier::Verdict ResponseClassifier::classify(const Input &input)
{
    if (input.status == 0) {
        return classifyNetworkError(input);
    }
    // Transport codes (1..99) with a status line mean the body broke off after the headers.
    const int netError = int(input.networkError);
    if (netError > 0 && netError < 100) {
        return verdict(Kind::BadResponse, input,
                       QStringLiteral("HTTP %1, body cut off after %2 bytes: %3")
                           .arg(input.status)
                           .arg(input.body.size())
                           .arg(input.networkErrorText),
                       true);
    }
    if (input.status < 200 || input.status > 299) {
        return classifyStatus(input);
    }
    // Shorter: cut off. Longer: pieces of two transfers (Qt re-sends an idempotent request on its own
    // when a connection drops mid-body). Either way the body cannot be trusted.
    if (input.declaredLength >= 0 && input.body.size() != input.declaredLength) {
        return verdict(Kind::BadResponse, input,
                       QStringLiteral("HTTP %1, body size does not match: %2 of %3 bytes")
                           .arg(input.status)
                           .arg(input.body.size())
                           .arg(input.declaredLength),
                       true);
    }
    return checkContent(input);
}

ResponseClassifier::Verdict ResponseClassifier::classifyNetworkError(const Input &input)
{
    const QString detail =
        QStringLiteral("network error %1: %2").arg(int(input.networkError)).arg(input.networkErrorText);
    switch (input.networkError) {
    case QNetworkReply::TimeoutError:
        return verdict(Kind::Timeout, input, detail, false);
    case QNetworkReply::OperationCanceledError:
        return verdict(Kind::Cancelled, input, detail, false);
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolFailure:
        return verdict(Kind::Offline, input, detail, false); // trying again gives the same answer
    default:
        return verdict(Kind::Offline, input, detail, true);
    }
}

ResponseClassifier::Verdict ResponseClassifier::classifyStatus(const Input &input)
{
    const int status = input.status;
    const QString detail = statusDetail(input);
    if (status == 429) {
        Verdict v = verdict(Kind::RateLimited, input, detail, false);
        if (input.retryAfterSeconds) {
            v.error = makeError(Kind::RateLimited, input.service, status, detail, *input.retryAfterSeconds);
        }
        return v; // the caller decides whether a Retry-After wait is short enough
    }
    if (isCloudflareChallenge(input.headers, input.body)) {
        return verdict(Kind::Blocked, input, QStringLiteral("Cloudflare challenge, ") + detail, false);
    }
    switch (status) {
    case 401:
    case 403:
        return verdict(Kind::Unauthorized, input, detail, false);
    case 404:
    case 410:
        return verdict(Kind::NotFound, input, detail, false);
    case 408:
        return verdict(Kind::Timeout, input, detail, true);
    case 500:
    case 502:
    case 503:
    case 504:
        return verdict(Kind::ServerError, input, detail, true);
    default:
        break;
    }
    if (status >= 500) {
        return verdict(Kind::ServerError, input, detail, false);
    }
    if (status >= 400) {
        return verdict(Kind::BadRequest, input, detail, false);
    }
    return verdict(Kind::BadResponse, input, QStringLiteral("unexpected ") + detail, false);
}

ResponseClassifier::Verdict ResponseClassifier::checkContent(const Input &input)
{
    const bool html = looksLikeHtml(input.headers, input.body);
    const bool challenge = isCloudflareChallenge(input.headers, input.body);
    const QByteArray type = findHeader(input.headers, "Content-Type");
    const QString typeDetail = QStringLiteral("content type '%1'").arg(QString::fromLatin1(type));
    if (challenge && input.expect != HttpExpect::Any) {
        return verdict(Kind::Blocked, input,
                       QStringLiteral("Cloudflare challenge with HTTP 200, ") + typeDetail, false);
    }
    if (input.expect == HttpExpect::Json) {
        const qsizetype first = firstNonSpace(input.body);
        const bool jsonLike = first >= 0 && (input.body.at(first) == '{' || input.body.at(first) == '[');
        if (html || !jsonLike) {
            return verdict(Kind::BadResponse, input,
                           QStringLiteral("expected JSON, got ") + typeDetail + bodyExcerpt(input.body),
                           false);
        }
    }
    if (input.expect == HttpExpect::EventStream && html) {
        return verdict(Kind::BadResponse, input,
                       QStringLiteral("expected an event stream, got ") + typeDetail, false);
    }
    if (input.expect == HttpExpect::Xml && html) { // a web page where a feed was expected
        return verdict(Kind::BadResponse, input,
                       QStringLiteral("expected XML, got ") + typeDetail + bodyExcerpt(input.body), false);
    }
    return {FetchError{}, false};
}

FetchError ResponseClassifier::makeError(Kind kind, const QString &service, int status, const QString &detail,
                                         int retryAfterSeconds)
{
    FetchError e;
    e.kind = kind;
    e.httpStatus = status;
    e.detail = detail;
    e.retryAfterSeconds = retryAfterSeconds;
    e.userMessage = userMessage(kind, service, status, retryAfterSeconds);
    return e;
}

QString ResponseClassifier::userMessage(Kind kind, const QString &service, int status, int retryAfterSeconds)
{
    switch (kind) {
    case Kind::None:
    case Kind::StorageFailed: // never an HTTP outcome; the store that failed words it
        return QString();
    case Kind::Offline:
        return QCoreApplication::translate(
                   "HttpClient", "Could not connect to %1; check your internet connection and try again.")
            .arg(service);
    case Kind::Timeout:
        return QCoreApplication::translate("HttpClient", "%1 did not answer in time; try again in a moment.")
            .arg(service);
    case Kind::RateLimited:
        if (retryAfterSeconds > 0) {
            return QCoreApplication::translate(
                       "HttpClient",
                       "%1 is limiting requests from this application; try again in %n second(s).", nullptr,
                       retryAfterSeconds)
                .arg(service);
        }
        return QCoreApplication::translate(
                   "HttpClient",
                   "%1 is limiting requests from this application; wait a minute and try again.")
            .arg(service);
    case Kind::Unauthorized:
        return QCoreApplication::translate("HttpClient",
                                           "%1 refused access (HTTP %2); check the API key in Settings.")
            .arg(service)
            .arg(status);
    case Kind::NotFound:
        return QCoreApplication::translate("HttpClient",
                                           "%1 does not have the data that was asked for (HTTP %2).")
            .arg(service)
            .arg(status);
    case Kind::ServerError:
        return QCoreApplication::translate("HttpClient",
                                           "%1 has a problem on its side (HTTP %2); try again later.")
            .arg(service)
            .arg(status);
    case Kind::BadResponse:
        return QCoreApplication::translate("HttpClient",
                                           "%1 sent an answer the application cannot use; try again later.")
            .arg(service);
    case Kind::Blocked:
        return QCoreApplication::translate(
                   "HttpClient",
                   "%1 answered with a bot-check page instead of data; try again later or use an API key.")
            .arg(service);
    case Kind::SafetyBlocked:
        return QCoreApplication::translate(
                   "HttpClient", "%1 declined to answer this request; change the request and try again.")
            .arg(service);
    case Kind::Cancelled:
        return QCoreApplication::translate("HttpClient",
                                           "The request to %1 was cancelled; refresh to load the data again.")
            .arg(service);
    case Kind::TooLarge:
        return QCoreApplication::translate(
                   "HttpClient", "%1 sent more data than allowed; choose a shorter range and try again.")
            .arg(service);
    case Kind::BadRequest:
        return QCoreApplication::translate(
                   "HttpClient", "%1 rejected the request (HTTP %2); try another choice or try again later.")
            .arg(service)
            .arg(status);
    }
    return QString();
}

} // namespace ba
