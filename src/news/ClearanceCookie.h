#pragma once

#include <QNetworkCookie>
#include <QString>
#include <optional>

class QWebEngineProfile;

namespace ba {

struct NewsSiteProfile;

// The one cookie the hidden news browser keeps between runs: the site's bot-check clearance
// (Cloudflare's cf_clearance, or the profile's clearanceCookie). The browser itself keeps cookies
// in memory only, so whatever else a page sets, third parties included, dies with the page. The
// clearance cookie is remembered here, in <storage>/clearance-cookie (mode 0600), and given back
// to the next browser before its first request.
class ClearanceCookie
{
public:
    explicit ClearanceCookie(const QString &storageDir) : m_dir(storageDir) {}

    // Sets `browser` (a new profile on this storage, no page yet) to keep cookies in memory and
    // refuse third-party ones, remembers the site's clearance whenever the site sets a new one,
    // and gives the remembered one back before the first request.
    void applyTo(QWebEngineProfile *browser, const NewsSiteProfile &site) const;

    // A cookie the site set for itself under the profile's clearance name.
    static bool isClearance(const QNetworkCookie &cookie, const NewsSiteProfile &profile);

    std::optional<QNetworkCookie> load() const; // nothing when absent, unreadable or expired
    bool save(const QNetworkCookie &cookie) const;
    // Removes the cookie databases older versions let Chromium write (third-party cookies among
    // them); with in-memory cookies they are never read again.
    void removeBrowserCookieFiles() const;

    QString filePath() const;

private:
    QString m_dir;
};

} // namespace ba
