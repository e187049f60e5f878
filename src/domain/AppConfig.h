#pragma once

#include <QHash>
#include <QString>
#include <QUrl>
#include <QtGlobal>
#include <functional>
#include <optional>

namespace ba {

// Effective configuration after applying the precedence
// command line > environment > settings > built-in default (DESIGN.md, Part 2).
struct AppConfig
{
    QString dataDir;
    bool dataDirExplicit = false; // --data-dir or environment: settings live in DIR/settings.ini
    QUrl coingeckoUrl;
    QUrl geminiUrl;
    QUrl newsUrl;
    bool newsUrlExplicit = false; // given (command line, environment, settings), not the default
    QString newsConfigPath;       // empty = built-in resources/news-sites.json
    QString geminiModel;
    QString coin;
    QString currency;
    bool offline = false;
    bool resetDatabase = false;     // a damaged database is set aside without asking
    bool interactive = true;        // false without a display: questions become messages on stderr
    QString language;               // "en", "fr" or empty for the system locale
    QtMsgType logLevel = QtInfoMsg; // lowest level that is recorded
    QString geminiApiKey;           // from the environment or the keychain; never logged
    QString coingeckoApiKey;

    QUrl rssFallbackUrl() const;      // <news-url>feed/
    QString settingsFilePath() const; // empty unless dataDirExplicit
    QString databasePath() const;
    QString logFilePath() const;
};

namespace ConfigKeys {
// One name per option: the command-line name; environment and settings names are derived.
inline constexpr auto DataDir = "data-dir";
inline constexpr auto CoinGeckoUrl = "coingecko-url";
inline constexpr auto GeminiUrl = "gemini-url";
inline constexpr auto NewsUrl = "news-url";
inline constexpr auto NewsConfig = "news-config";
inline constexpr auto GeminiModel = "gemini-model";
inline constexpr auto Coin = "coin";
inline constexpr auto Currency = "currency";
inline constexpr auto Offline = "offline";
inline constexpr auto Lang = "lang";
inline constexpr auto LogLevel = "log-level";
inline constexpr auto ResetDatabase = "reset-database";
} // namespace ConfigKeys

namespace ConfigDefaults {
inline constexpr auto CoinGeckoUrl = "https://api.coingecko.com/api/v3";
inline constexpr auto CoinGeckoProUrl = "https://pro-api.coingecko.com/api/v3";
inline constexpr auto GeminiUrl = "https://generativelanguage.googleapis.com/v1beta";
inline constexpr auto NewsUrl = "https://news.bitcoin.com/";
inline constexpr auto GeminiModel = "gemini-2.5-flash";
inline constexpr auto Coin = "bitcoin";
inline constexpr auto Currency = "usd";
} // namespace ConfigDefaults

// Inputs of the resolution, each a plain map so that tests can build them directly.
struct ConfigSources
{
    QHash<QString, QString> commandLine; // option name (ConfigKeys) -> value; flags map to "1"
    QHash<QString, QString> environment; // variable name -> value
    // Reads a settings value for a ConfigKeys name; returns nullopt when unset.
    std::function<std::optional<QString>(const QString &key)> settings;
    QString defaultDataDir; // QStandardPaths::AppDataLocation, passed in to keep this Core-only
};

struct ConfigError
{
    QString option;  // e.g. "--coingecko-url"
    QString message; // one line, names the option
};

struct ConfigResult
{
    AppConfig config;
    std::optional<ConfigError> error;
};

// Resolves the data directory alone (command line > environment > default): it is needed
// before the settings file can be opened.
QString resolveDataDir(const ConfigSources &sources, bool *explicitDir = nullptr);

// Full resolution and validation. Creates nothing on disk.
ConfigResult resolveConfig(const ConfigSources &sources);

// Environment variable for a ConfigKeys name, or empty when the option has none.
QString environmentNameFor(const QString &key);

} // namespace ba
