#pragma once

#include <QString>
#include <QUrl>

namespace ba {

// Which redirects HttpClient follows. Qt's default policy re-sends a request's headers (API keys)
// and, for 307/308, its body (a prompt) to any host the server names.
namespace RedirectRule {

// Same scheme, host (case-insensitive) and port (the scheme's default when none is given).
bool sameOrigin(const QUrl &a, const QUrl &b);

// http(s) only, never from https to http, and to the same origin unless crossOrigin is allowed.
bool mayFollow(const QUrl &from, const QUrl &to, bool crossOrigin);

// Why mayFollow() said no, for the log.
QString refusal(const QUrl &to, bool crossOrigin);

} // namespace RedirectRule

} // namespace ba
