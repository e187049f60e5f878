#pragma once

#include <QString>

namespace ba {

// The one key of a news article, whichever source reported it (web page, RSS, Atom): lower-case
// scheme and host, no fragment, no utm_* parameters, no default port, "/" for an empty path;
// other parameters keep their order and encoding. Empty when `url` is not an absolute URL with a
// host.
QString canonicalUrl(const QString &url);

} // namespace ba
