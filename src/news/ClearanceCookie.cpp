#include "news/ClearanceCookie.h"

#include "logging/Correlation.h"
#include "news/NewsRequestInterceptor.h"
#include "news/NewsSiteProfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QWebEngineCookieStore>
#include <QWebEngineProfile>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.news.cookie")
}

namespace ba {

namespace {

constexpr qint64 MaxCookieFileBytes = 8 * 1024;

} // namespace

void ClearanceCookie::applyTo(QWebEngineProfile *browser, const NewsSiteProfile &site) const
{
    removeBrowserCookieFiles();
    browser->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    QWebEngineCookieStore *store = browser->cookieStore();
    // Called on Chromium's IO thread: no state, no Qt objects.
    store->setCookieFilter(
        [](const QWebEngineCookieStore::FilterRequest &request) { return !request.thirdParty; });
    const std::optional<QNetworkCookie> remembered = load();
    QObject::connect(
        store, &QWebEngineCookieStore::cookieAdded, browser,
        [jar = *this, site, remembered, id = currentCorrelationId()](const QNetworkCookie &cookie) {
            if (!isClearance(cookie, site) || (remembered && remembered->value() == cookie.value())) {
                return; // not the clearance, or the one given back
            }
            CorrelationScope scope(id);
            qCInfo(lc).noquote() << site.id << "remembering the bot-check cookie" << cookie.name();
            jar.save(cookie);
        });
    if (remembered) {
        // Queued by the store until Chromium's network context exists, and applied when it is
        // created: before the first request of the page's first load.
        store->setCookie(*remembered, site.url);
    }
}

QString ClearanceCookie::filePath() const
{
    return QDir(m_dir).filePath(QStringLiteral("clearance-cookie"));
}

bool ClearanceCookie::isClearance(const QNetworkCookie &cookie, const NewsSiteProfile &profile)
{
    if (profile.clearanceCookie.isEmpty() || cookie.name() != profile.clearanceCookie.toUtf8()) {
        return false;
    }
    QString domain = cookie.domain();
    if (domain.startsWith(u'.')) {
        domain.remove(0, 1);
    }
    // A host-only cookie has no domain; otherwise it must belong to the site, not a third party.
    return domain.isEmpty() || NewsRequestInterceptor::isSameSite(domain, profile.url.host());
}

std::optional<QNetworkCookie> ClearanceCookie::load() const
{
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QList<QNetworkCookie> cookies = QNetworkCookie::parseCookies(file.read(MaxCookieFileBytes));
    if (cookies.size() != 1) {
        return std::nullopt;
    }
    const QNetworkCookie cookie = cookies.constFirst();
    if (!cookie.isSessionCookie() && cookie.expirationDate() < QDateTime::currentDateTimeUtc()) {
        file.remove();
        return std::nullopt;
    }
    return cookie;
}

bool ClearanceCookie::save(const QNetworkCookie &cookie) const
{
    QDir().mkpath(m_dir);
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lc).noquote() << "cannot remember the bot-check cookie:" << file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(cookie.toRawForm(QNetworkCookie::Full));
    return file.commit();
}

void ClearanceCookie::removeBrowserCookieFiles() const
{
    for (const char *name : {"Cookies", "Cookies-journal"}) {
        QFile file(QDir(m_dir).filePath(QLatin1String(name)));
        if (file.exists() && file.remove()) {
            qCInfo(lc).noquote() << "removed the browser's old cookie file" << name;
        }
    }
}

} // namespace ba
