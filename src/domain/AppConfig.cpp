#include "domain/AppConfig.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace ba {

namespace {

const QHash<QString, QString> &environmentNames()
{
    static const QHash<QString, QString> names{
        {QString::fromLatin1(ConfigKeys::DataDir), QStringLiteral("BITCOIN_ANALYZER_DATA_DIR")},
        {QString::fromLatin1(ConfigKeys::CoinGeckoUrl), QStringLiteral("BITCOIN_ANALYZER_COINGECKO_URL")},
        {QString::fromLatin1(ConfigKeys::GeminiUrl), QStringLiteral("BITCOIN_ANALYZER_GEMINI_URL")},
        {QString::fromLatin1(ConfigKeys::NewsUrl), QStringLiteral("BITCOIN_ANALYZER_NEWS_URL")},
        {QString::fromLatin1(ConfigKeys::NewsConfig), QStringLiteral("BITCOIN_ANALYZER_NEWS_CONFIG")},
        {QString::fromLatin1(ConfigKeys::GeminiModel), QStringLiteral("BITCOIN_ANALYZER_GEMINI_MODEL")},
    };
    return names;
}

// Looks a value up by precedence: command line > environment > settings.
std::optional<QString> lookup(const ConfigSources &sources, const char *key, bool useSettings = true)
{
    const QString name = QString::fromLatin1(key);
    if (auto it = sources.commandLine.constFind(name); it != sources.commandLine.cend()) {
        return *it;
    }
    const QString envName = environmentNameFor(name);
    if (!envName.isEmpty()) {
        if (auto it = sources.environment.constFind(envName);
            it != sources.environment.cend() && !it->isEmpty()) {
            return *it;
        }
    }
    if (useSettings && sources.settings) {
        if (auto value = sources.settings(name); value && !value->isEmpty()) {
            return value;
        }
    }
    return std::nullopt;
}

ConfigError errorFor(const char *key, const QString &what)
{
    const QString option = QStringLiteral("--") + QString::fromLatin1(key);
    return {option, option + QStringLiteral(": ") + what};
}

std::optional<ConfigError> parseUrl(const ConfigSources &sources, const char *key, const char *fallback,
                                    QUrl *out)
{
    const QString text = lookup(sources, key).value_or(QString::fromLatin1(fallback)).trimmed();
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty()) {
        return errorFor(key, QStringLiteral("'%1' is not a valid http(s) URL").arg(text));
    }
    *out = url;
    return std::nullopt;
}

// A directory is usable when it exists and is writable, or when its nearest existing
// ancestor is a writable directory (so that it can be created later).
bool isUsableDirectory(const QString &path, QString *why)
{
    QFileInfo info(path);
    if (info.exists()) {
        if (!info.isDir()) {
            *why = QStringLiteral("'%1' exists and is not a directory").arg(path);
            return false;
        }
        if (!info.isReadable() || !info.isWritable() || !info.isExecutable()) {
            *why = QStringLiteral("'%1' is not readable and writable").arg(path);
            return false;
        }
        return true;
    }
    // Walk up to the nearest existing path; it must be a writable directory (not a file).
    QString ancestor = QFileInfo(path).absolutePath();
    while (!QFileInfo::exists(ancestor)) {
        const QString parent = QFileInfo(ancestor).absolutePath();
        if (parent == ancestor) {
            break;
        }
        ancestor = parent;
    }
    const QFileInfo parentInfo(ancestor);
    if (!parentInfo.isDir() || !parentInfo.isWritable()) {
        *why = QStringLiteral("'%1' cannot be created (%2 is not a writable folder)").arg(path, ancestor);
        return false;
    }
    return true;
}

} // namespace

QString environmentNameFor(const QString &key)
{
    return environmentNames().value(key);
}

QUrl AppConfig::rssFallbackUrl() const
{
    QUrl url = newsUrl;
    QString path = url.path();
    if (!path.endsWith(u'/')) {
        path += u'/';
    }
    url.setPath(path + QStringLiteral("feed/"));
    return url;
}

QString AppConfig::settingsFilePath() const
{
    return dataDirExplicit ? QDir(dataDir).filePath(QStringLiteral("settings.ini")) : QString();
}

QString AppConfig::databasePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("bitcoin-analyzer.sqlite"));
}

QString AppConfig::logFilePath() const
{
    return QDir(dataDir).filePath(QStringLiteral("logs/bitcoin-analyzer.log"));
}

QString resolveDataDir(const ConfigSources &sources, bool *explicitDir)
{
    const auto value = lookup(sources, ConfigKeys::DataDir, /*useSettings=*/false);
    if (explicitDir) {
        *explicitDir = value.has_value();
    }
    return value ? QDir::cleanPath(QDir::current().absoluteFilePath(*value)) : sources.defaultDataDir;
}

ConfigResult resolveConfig(const ConfigSources &sources)
{
    ConfigResult result;
    AppConfig &config = result.config;

    config.dataDir = resolveDataDir(sources, &config.dataDirExplicit);
    if (QString why; !isUsableDirectory(config.dataDir, &why)) {
        result.error = errorFor(ConfigKeys::DataDir, why);
        return result;
    }

    const struct
    {
        const char *key;
        const char *fallback;
        QUrl *target;
    } urls[] = {
        {ConfigKeys::CoinGeckoUrl, ConfigDefaults::CoinGeckoUrl, &config.coingeckoUrl},
        {ConfigKeys::GeminiUrl, ConfigDefaults::GeminiUrl, &config.geminiUrl},
        {ConfigKeys::NewsUrl, ConfigDefaults::NewsUrl, &config.newsUrl},
    };
    for (const auto &entry : urls) {
        if (auto error = parseUrl(sources, entry.key, entry.fallback, entry.target)) {
            result.error = error;
            return result;
        }
    }

    config.newsUrlExplicit = lookup(sources, ConfigKeys::NewsUrl).has_value();

    config.newsConfigPath = lookup(sources, ConfigKeys::NewsConfig).value_or(QString());
    // A FIFO or a device would pass a size check and then block or never end: files only.
    const QFileInfo newsConfig(config.newsConfigPath);
    if (!config.newsConfigPath.isEmpty() && (!newsConfig.isFile() || !newsConfig.isReadable())) {
        result.error = errorFor(ConfigKeys::NewsConfig,
                                QStringLiteral("'%1' is not a readable file").arg(config.newsConfigPath));
        return result;
    }

    config.geminiModel = lookup(sources, ConfigKeys::GeminiModel)
                             .value_or(QString::fromLatin1(ConfigDefaults::GeminiModel))
                             .trimmed();
    static const QRegularExpression modelPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (!modelPattern.match(config.geminiModel).hasMatch()) {
        result.error = errorFor(ConfigKeys::GeminiModel,
                                QStringLiteral("'%1' is not a valid model id").arg(config.geminiModel));
        return result;
    }

    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    config.coin =
        lookup(sources, ConfigKeys::Coin).value_or(QString::fromLatin1(ConfigDefaults::Coin)).toLower();
    if (!idPattern.match(config.coin).hasMatch()) {
        result.error =
            errorFor(ConfigKeys::Coin, QStringLiteral("'%1' is not a valid coin id").arg(config.coin));
        return result;
    }
    config.currency = lookup(sources, ConfigKeys::Currency)
                          .value_or(QString::fromLatin1(ConfigDefaults::Currency))
                          .toLower();
    if (!idPattern.match(config.currency).hasMatch()) {
        result.error = errorFor(ConfigKeys::Currency,
                                QStringLiteral("'%1' is not a valid currency code").arg(config.currency));
        return result;
    }

    config.offline = sources.commandLine.contains(QString::fromLatin1(ConfigKeys::Offline));
    config.resetDatabase = sources.commandLine.contains(QString::fromLatin1(ConfigKeys::ResetDatabase));

    config.language = lookup(sources, ConfigKeys::Lang).value_or(QString()).toLower();
    if (!config.language.isEmpty() && config.language != u"en" && config.language != u"fr") {
        result.error =
            errorFor(ConfigKeys::Lang,
                     QStringLiteral("'%1' is not a supported language (en, fr)").arg(config.language));
        return result;
    }

    const QString level = lookup(sources, ConfigKeys::LogLevel).value_or(QStringLiteral("info")).toLower();
    if (level == u"debug") {
        config.logLevel = QtDebugMsg;
    } else if (level == u"info") {
        config.logLevel = QtInfoMsg;
    } else if (level == u"warning") {
        config.logLevel = QtWarningMsg;
    } else {
        result.error = errorFor(ConfigKeys::LogLevel,
                                QStringLiteral("'%1' is not a log level (debug, info, warning)").arg(level));
        return result;
    }

    config.geminiApiKey = sources.environment.value(QStringLiteral("GEMINI_API_KEY")).trimmed();
    config.coingeckoApiKey = sources.environment.value(QStringLiteral("COINGECKO_API_KEY")).trimmed();
    return result;
}

} // namespace ba
