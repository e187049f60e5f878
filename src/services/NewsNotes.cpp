#include "services/NewsNotes.h"

namespace ba {

QString NewsNotes::pageProblem(const FetchError &error, bool challengeSeen)
{
    using K = FetchError::Kind;
    switch (error.kind) {
    case K::Blocked:
        return challengeSeen ? tr("browser blocked by a JavaScript challenge")
                             : tr("browser blocked by the site");
    case K::RateLimited:
        return tr("the site asked for fewer requests");
    case K::Timeout:
        return tr("browser timed out");
    case K::Offline:
        return tr("site unreachable");
    case K::NotFound:
        return tr("page not found");
    case K::BadResponse:
        return tr("no articles found on the page");
    default:
        return tr("browser failed (%1)").arg(FetchError::kindName(error.kind));
    }
}

QString NewsNotes::delivery(const QString &name, bool fromFeed, bool pageStillLoading,
                            const QStringList &problems)
{
    if (!fromFeed) {
        return problems.isEmpty() ? name
                                  : tr("%1 (after: %2)").arg(name, problems.join(QStringLiteral("; ")));
    }
    QStringList why = problems;
    if (pageStillLoading) {
        why.prepend(tr("the page is still loading"));
    }
    return why.isEmpty() ? tr("%1 (RSS)").arg(name)
                         : tr("%1 (RSS: %2)").arg(name, why.join(QStringLiteral("; ")));
}

} // namespace ba
