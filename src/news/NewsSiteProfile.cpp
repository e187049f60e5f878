#include "news/NewsSiteProfile.h"

#include "domain/AppConfig.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.news.sites")
} // namespace

namespace ba {

namespace {

constexpr qint64 MaxConfigBytes = 1024 * 1024;

// "line 3, column 7" for a byte offset, so a user can find the mistake in an editor.
QString positionOf(const QByteArray &json, int offset)
{
    const QByteArray before = json.left(offset);
    const int line = int(before.count('\n')) + 1;
    const int column = int(before.size() - (before.lastIndexOf('\n') + 1)) + 1;
    return NewsSiteConfigLoader::tr("line %1, column %2").arg(line).arg(column);
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() && (url.scheme() == u"http" || url.scheme() == u"https");
}

struct SiteParse
{
    NewsSiteProfile profile;
    QString error; // empty when the entry is usable
};

// A selector or text field: absent = empty; present but not a string = error.
bool readString(const QJsonObject &obj, const char *key, QString &out, QString &error)
{
    const QJsonValue value = obj.value(QLatin1String(key));
    if (value.isUndefined() || value.isNull()) {
        return true;
    }
    if (!value.isString()) {
        error = NewsSiteConfigLoader::tr("'%1' must be a string").arg(QLatin1String(key));
        return false;
    }
    out = value.toString().trimmed();
    return true;
}

SiteParse parseSite(const QJsonObject &obj)
{
    SiteParse r;
    NewsSiteProfile &p = r.profile;
    QString kind;
    QString url;
    for (const auto &[key, field] : {std::pair{"id", &p.id},
                                     {"name", &p.name},
                                     {"kind", &kind},
                                     {"url", &url},
                                     {"item", &p.item},
                                     {"title", &p.title},
                                     {"link", &p.link},
                                     {"time", &p.time},
                                     {"summary", &p.summary},
                                     {"image", &p.image},
                                     {"clearanceCookie", &p.clearanceCookie}}) {
        if (!readString(obj, key, *field, r.error)) {
            return r;
        }
    }
    if (p.id.isEmpty()) {
        r.error = NewsSiteConfigLoader::tr("'id' is missing");
        return r;
    }
    // The id names the site's browser storage folder, so it must stay a plain file name.
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!idPattern.match(p.id).hasMatch()) {
        r.error = NewsSiteConfigLoader::tr("'id' may only hold letters, digits, '.', '_' and '-'");
        return r;
    }
    if (p.name.isEmpty()) {
        p.name = p.id;
    }
    if (kind.isEmpty() || kind == u"browser") {
        p.kind = NewsSiteProfile::Kind::Browser;
    } else if (kind == u"rss") {
        p.kind = NewsSiteProfile::Kind::Rss;
    } else {
        r.error = NewsSiteConfigLoader::tr("'kind' must be \"browser\" or \"rss\", not \"%1\"").arg(kind);
        return r;
    }
    p.url = QUrl(url, QUrl::StrictMode);
    if (!isWebUrl(p.url)) {
        r.error = NewsSiteConfigLoader::tr("'url' must be an http or https URL");
        return r;
    }
    const QJsonValue enabled = obj.value(QLatin1String("enabled"));
    if (!enabled.isUndefined() && !enabled.isBool()) {
        r.error = NewsSiteConfigLoader::tr("'enabled' must be true or false");
        return r;
    }
    p.enabled = enabled.toBool(true);
    const QJsonValue timeout = obj.value(QLatin1String("timeoutMs"));
    if (!timeout.isUndefined() && !timeout.isDouble()) {
        r.error = NewsSiteConfigLoader::tr("'timeoutMs' must be a number");
        return r;
    }
    p.timeoutMs = qBound(NewsSiteProfile::MinTimeoutMs, timeout.toInt(NewsSiteProfile::DefaultTimeoutMs),
                         NewsSiteProfile::MaxTimeoutMs);
    return r;
}

} // namespace

const NewsSiteProfile *NewsSiteConfig::firstEnabled(NewsSiteProfile::Kind kind) const
{
    for (const NewsSiteProfile &site : sites) {
        if (site.kind == kind && site.enabled) {
            return &site;
        }
    }
    return nullptr;
}

QList<NewsSiteProfile> NewsSiteConfig::enabledOfKind(NewsSiteProfile::Kind kind) const
{
    QList<NewsSiteProfile> out;
    for (const NewsSiteProfile &site : sites) {
        if (site.kind == kind && site.enabled) {
            out.append(site);
        }
    }
    return out;
}

QString NewsSiteConfigLoader::builtInPath()
{
    return QStringLiteral(":/news-sites.json");
}

NewsSiteConfigResult NewsSiteConfigLoader::loadBuiltIn()
{
    return load(QString());
}

NewsSiteConfigResult NewsSiteConfigLoader::load(const QString &path)
{
    const QString filePath = path.isEmpty() ? builtInPath() : path;
    NewsSiteConfigResult result;
    // Opening a FIFO blocks until a writer comes, and its size says nothing: regular files only,
    // read no further than the limit whatever the size claimed.
    if (!path.isEmpty() && QFileInfo::exists(path) && !QFileInfo(path).isFile()) {
        result.error = tr("The news site file %1 is not a regular file.").arg(filePath);
        return result;
    }
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot read the news site file %1: %2").arg(filePath, file.errorString());
        return result;
    }
    const QByteArray json = file.read(MaxConfigBytes + 1);
    if (json.size() > MaxConfigBytes) {
        result.error = tr("The news site file %1 is larger than 1 MB.").arg(filePath);
        return result;
    }
    return parse(json, filePath);
}

NewsSiteConfigResult NewsSiteConfigLoader::parse(const QByteArray &json, const QString &sourceName)
{
    NewsSiteConfigResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = tr("The news site file %1 is not valid JSON (%2: %3).")
                           .arg(sourceName, positionOf(json, parseError.offset), parseError.errorString());
        return result;
    }
    const QJsonValue sites = doc.object().value(QLatin1String("sites"));
    if (!doc.isObject() || !sites.isArray() || sites.toArray().isEmpty()) {
        result.error = tr("The news site file %1 has no \"sites\" list.").arg(sourceName);
        return result;
    }
    QSet<QString> ids;
    const QJsonArray array = sites.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        SiteParse site = array.at(i).isObject() ? parseSite(array.at(i).toObject())
                                                : SiteParse{{}, tr("it is not an object")};
        if (site.error.isEmpty() && ids.contains(site.profile.id)) {
            site.error = tr("the id \"%1\" is used twice").arg(site.profile.id);
        }
        if (!site.error.isEmpty()) {
            result.error =
                tr("The news site file %1, site %2: %3.").arg(sourceName).arg(i + 1).arg(site.error);
            result.config.sites.clear();
            return result;
        }
        ids.insert(site.profile.id);
        result.config.sites.append(site.profile);
    }
    qCDebug(lc) << "loaded" << result.config.sites.size() << "news sites from" << sourceName;
    return result;
}

QUrl rssFeedUrlFor(const QUrl &newsUrl)
{
    AppConfig config;
    config.newsUrl = newsUrl;
    return config.rssFallbackUrl();
}

void applyNewsUrlOverride(NewsSiteConfig &config, const QUrl &newsUrl)
{
    if (!isWebUrl(newsUrl)) {
        qCWarning(lc) << "news URL override ignored: not an http(s) URL";
        return;
    }
    auto &sites = config.sites;
    auto browser = std::find_if(sites.begin(), sites.end(), [](const NewsSiteProfile &s) {
        return s.kind == NewsSiteProfile::Kind::Browser;
    });
    if (browser == sites.end()) {
        NewsSiteProfile added;
        added.id = QStringLiteral("news-url");
        added.name = newsUrl.host();
        browser = sites.insert(sites.begin(), added);
    }
    const QString originalHost = browser->url.host();
    browser->url = newsUrl;
    browser->enabled = true;
    const qsizetype browserIndex = std::distance(sites.begin(), browser);

    auto rss = std::find_if(sites.begin(), sites.end(), [&](const NewsSiteProfile &s) {
        return s.kind == NewsSiteProfile::Kind::Rss && !originalHost.isEmpty() &&
               s.url.host() == originalHost;
    });
    if (rss == sites.end()) {
        NewsSiteProfile feed;
        feed.id = sites.at(browserIndex).id + QStringLiteral("-rss");
        feed.name = sites.at(browserIndex).name + QStringLiteral(" (RSS)");
        feed.kind = NewsSiteProfile::Kind::Rss;
        rss = sites.insert(sites.begin() + browserIndex + 1, feed);
    }
    rss->url = rssFeedUrlFor(newsUrl);
    rss->enabled = true;
}

} // namespace ba
