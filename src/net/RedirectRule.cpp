#include "net/RedirectRule.h"

namespace ba::RedirectRule {

namespace {

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme() == u"https" ? 443 : url.scheme() == u"http" ? 80 : -1);
}

bool isWeb(const QUrl &url)
{
    return url.scheme() == u"http" || url.scheme() == u"https";
}

} // namespace

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(a) == effectivePort(b);
}

bool mayFollow(const QUrl &from, const QUrl &to, bool crossOrigin)
{
    if (!isWeb(to) || (from.scheme() == u"https" && to.scheme() == u"http")) {
        return false; // never to another protocol, never from TLS to clear text
    }
    return crossOrigin || sameOrigin(from, to);
}

QString refusal(const QUrl &to, bool crossOrigin)
{
    if (!isWeb(to)) {
        return QStringLiteral("not an http(s) URL");
    }
    return crossOrigin ? QStringLiteral("from https to http")
                       : QStringLiteral("another origin, and the request carries a key or a prompt");
}

} // namespace ba::RedirectRule
