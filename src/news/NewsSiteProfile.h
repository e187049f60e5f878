#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace ba {

// One news source as described in resources/news-sites.json (DESIGN.md, "News site profiles").
// Selectors are CSS, relative to one `item` element; all are optional: with none, or when they
// match nothing, the scraper falls back to generic extraction.
struct NewsSiteProfile
{
    enum class Kind
    {
        Browser,
        Rss
    };

    static constexpr int DefaultTimeoutMs = 30000;
    static constexpr int MinTimeoutMs = 1000;
    static constexpr int MaxTimeoutMs = 120000;

    QString id;   // "bitcoin-com"; used in logs
    QString name; // "Bitcoin.com News"; shown to the user and stored as the item's source
    Kind kind = Kind::Browser;
    QUrl url;
    bool enabled = true;
    QString item;
    QString title;
    QString link;
    QString time;
    QString summary;
    QString image;
    int timeoutMs = DefaultTimeoutMs;
    // The bot-check cookie kept between runs (ClearanceCookie); every other cookie is forgotten.
    QString clearanceCookie = QStringLiteral("cf_clearance");

    bool hasSelectors() const { return !item.isEmpty(); }
};

struct NewsSiteConfig
{
    QList<NewsSiteProfile> sites;

    // First enabled profile of that kind, or nullptr.
    const NewsSiteProfile *firstEnabled(NewsSiteProfile::Kind kind) const;
    QList<NewsSiteProfile> enabledOfKind(NewsSiteProfile::Kind kind) const;
};

struct NewsSiteConfigResult
{
    NewsSiteConfig config;
    std::optional<QString> error; // one line, names the file and what is wrong; translated
    bool ok() const { return !error.has_value(); }
};

// Reads the profile file. A broken user-supplied file is an error: the built-in defaults are
// never used silently in its place.
class NewsSiteConfigLoader
{
    Q_DECLARE_TR_FUNCTIONS(NewsSiteConfigLoader)

public:
    static QString builtInPath(); // ":/news-sites.json"
    static NewsSiteConfigResult loadBuiltIn();
    // Empty path = built-in file; otherwise the replacement file given with --news-config.
    static NewsSiteConfigResult load(const QString &path);
    // sourceName only appears in error messages.
    static NewsSiteConfigResult parse(const QByteArray &json, const QString &sourceName);
};

// --news-url: the first browser profile reads newsUrl; its RSS fallback (the RSS profile on the
// same host as that browser profile, else a new one added after it) reads <news-url>feed/ and is
// enabled. With no browser profile, one without selectors is added. An invalid URL changes nothing.
void applyNewsUrlOverride(NewsSiteConfig &config, const QUrl &newsUrl);

// <news-url>feed/, the same rule as AppConfig::rssFallbackUrl().
QUrl rssFeedUrlFor(const QUrl &newsUrl);

} // namespace ba
