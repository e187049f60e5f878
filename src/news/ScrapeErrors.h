#pragma once

#include "domain/FetchError.h"
#include "news/NewsSiteProfile.h"

#include <QCoreApplication>

namespace ba {

// The errors a scrape can end with. userMessage is one translated sentence that names the site
// and says what to do; detail (for the log) starts with "<profile id> (<host>):".
class ScrapeErrors
{
    Q_DECLARE_TR_FUNCTIONS(ScrapeErrors)

public:
    // A page load that failed; errorDomain is a QWebEngineLoadingInfo::ErrorDomain. For HTTP
    // statuses the page has already been checked not to be a bot check.
    static FetchError loadFailed(const NewsSiteProfile &site, int errorDomain, int errorCode,
                                 const QString &errorText);
    static FetchError challengeNotPassed(const NewsSiteProfile &site, int httpStatus);
    static FetchError blockPage(const NewsSiteProfile &site, int httpStatus);
    static FetchError notLoaded(const NewsSiteProfile &site);
    static FetchError noArticles(const NewsSiteProfile &site, const QString &problem);
    static FetchError cancelled(const NewsSiteProfile &site);
    static FetchError rendererGone(const NewsSiteProfile &site, int terminationStatus, int exitCode);
};

} // namespace ba
