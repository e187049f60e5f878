#include "news/ScrapeErrors.h"

#include <QWebEngineLoadingInfo>

namespace ba {

namespace {

FetchError make(const NewsSiteProfile &site, FetchError::Kind kind, const QString &userMessage,
                const QString &detail, int httpStatus = 0)
{
    FetchError error;
    error.kind = kind;
    error.userMessage = userMessage;
    error.detail = QStringLiteral("%1 (%2): %3").arg(site.id, site.url.host(), detail);
    error.httpStatus = httpStatus;
    return error;
}

QString seconds(const NewsSiteProfile &site)
{
    return QString::number(site.timeoutMs / 1000.0, 'f', 1);
}

} // namespace

FetchError ScrapeErrors::loadFailed(const NewsSiteProfile &site, int errorDomain, int errorCode,
                                    const QString &errorText)
{
    using Info = QWebEngineLoadingInfo;
    const QString detail =
        QStringLiteral("load failed: domain %1 code %2 %3").arg(errorDomain).arg(errorCode).arg(errorText);
    if (errorDomain == Info::ConnectionErrorDomain || errorDomain == Info::DnsErrorDomain) {
        return make(site, FetchError::Kind::Offline,
                    tr("%1 could not be reached. Check the connection and try again.").arg(site.name),
                    detail);
    }
    if (errorDomain != Info::HttpStatusCodeDomain) {
        return make(site, FetchError::Kind::BadResponse,
                    tr("%1 could not be loaded securely or correctly. Try again later.").arg(site.name),
                    detail);
    }
    const int code = errorCode;
    if (code == 404 || code == 410) {
        return make(
            site, FetchError::Kind::NotFound,
            tr("The news page of %1 was not found. Check the news address in the settings.").arg(site.name),
            detail, code);
    }
    if (code == 429) {
        return make(site, FetchError::Kind::RateLimited,
                    tr("%1 is receiving too many requests from this computer. Try again in a few minutes.")
                        .arg(site.name),
                    detail, code);
    }
    if (code == 401 || code == 403) {
        return blockPage(site, code);
    }
    if (code >= 500) {
        return make(site, FetchError::Kind::ServerError,
                    tr("%1 has a server problem. Try again later.").arg(site.name), detail, code);
    }
    return make(site, FetchError::Kind::BadResponse,
                tr("%1 answered with an unexpected error. Try again later.").arg(site.name), detail, code);
}

FetchError ScrapeErrors::challengeNotPassed(const NewsSiteProfile &site, int httpStatus)
{
    return make(
        site, FetchError::Kind::Blocked,
        tr("%1 showed a browser check that did not pass within %2 s. Try again later, or use its RSS feed.")
            .arg(site.name, seconds(site)),
        QStringLiteral("challenge still present at the deadline"), httpStatus);
}

FetchError ScrapeErrors::blockPage(const NewsSiteProfile &site, int httpStatus)
{
    return make(
        site, FetchError::Kind::Blocked,
        tr("%1 refused access to this computer. Try again later, or use its RSS feed.").arg(site.name),
        QStringLiteral("access refused (block page or HTTP %1)").arg(httpStatus), httpStatus);
}

FetchError ScrapeErrors::notLoaded(const NewsSiteProfile &site)
{
    return make(
        site, FetchError::Kind::Timeout,
        tr("%1 did not load within %2 s. Check the connection and try again.").arg(site.name, seconds(site)),
        QStringLiteral("no page load finished"));
}

FetchError ScrapeErrors::noArticles(const NewsSiteProfile &site, const QString &problem)
{
    return make(site, FetchError::Kind::BadResponse,
                tr("No articles were found on %1 (%2). The site may have changed its layout.")
                    .arg(site.name, site.url.host()),
                QStringLiteral("profile %1: %2").arg(site.id, problem));
}

FetchError ScrapeErrors::cancelled(const NewsSiteProfile &site)
{
    return make(site, FetchError::Kind::Cancelled, tr("Reading %1 was cancelled.").arg(site.name),
                QStringLiteral("cancelled"));
}

FetchError ScrapeErrors::rendererGone(const NewsSiteProfile &site, int terminationStatus, int exitCode)
{
    return make(
        site, FetchError::Kind::BadResponse,
        tr("The browser page reading %1 stopped unexpectedly. Try again.").arg(site.name),
        QStringLiteral("renderer terminated, status %1 exit code %2").arg(terminationStatus).arg(exitCode));
}

} // namespace ba
