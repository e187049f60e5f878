#include "app/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace ba {

namespace {

struct OptionSpec
{
    const char *name;
    const char *valueName; // nullptr for a flag
    const char *description;
};

// Descriptions are translated at runtime through the "CommandLine" context.
constexpr OptionSpec kOptions[] = {
    {ConfigKeys::DataDir, QT_TRANSLATE_NOOP("CommandLine", "dir"),
     QT_TRANSLATE_NOOP("CommandLine", "Folder for the database, logs and (with this option) settings.ini. "
                                      "Environment: BITCOIN_ANALYZER_DATA_DIR.")},
    {ConfigKeys::CoinGeckoUrl, QT_TRANSLATE_NOOP("CommandLine", "url"),
     QT_TRANSLATE_NOOP("CommandLine", "CoinGecko API root. Environment: BITCOIN_ANALYZER_COINGECKO_URL.")},
    {ConfigKeys::GeminiUrl, QT_TRANSLATE_NOOP("CommandLine", "url"),
     QT_TRANSLATE_NOOP("CommandLine", "Google Gemini API root. Environment: BITCOIN_ANALYZER_GEMINI_URL.")},
    {ConfigKeys::NewsUrl, QT_TRANSLATE_NOOP("CommandLine", "url"),
     QT_TRANSLATE_NOOP("CommandLine", "News site; its RSS fallback is <url>feed/. Environment: "
                                      "BITCOIN_ANALYZER_NEWS_URL.")},
    {ConfigKeys::NewsConfig, QT_TRANSLATE_NOOP("CommandLine", "file"),
     QT_TRANSLATE_NOOP("CommandLine", "News site profiles (JSON) replacing the built-in ones. Environment: "
                                      "BITCOIN_ANALYZER_NEWS_CONFIG.")},
    {ConfigKeys::GeminiModel, QT_TRANSLATE_NOOP("CommandLine", "id"),
     QT_TRANSLATE_NOOP("CommandLine", "Gemini model id. Environment: BITCOIN_ANALYZER_GEMINI_MODEL.")},
    {ConfigKeys::Coin, QT_TRANSLATE_NOOP("CommandLine", "id"),
     QT_TRANSLATE_NOOP("CommandLine", "CoinGecko coin id (default: bitcoin).")},
    {ConfigKeys::Currency, QT_TRANSLATE_NOOP("CommandLine", "code"),
     QT_TRANSLATE_NOOP("CommandLine", "Quote currency (default: usd).")},
    {ConfigKeys::Offline, nullptr,
     QT_TRANSLATE_NOOP("CommandLine", "No network at all: show cached data only.")},
    {ConfigKeys::ResetDatabase, nullptr,
     QT_TRANSLATE_NOOP("CommandLine",
                       "If the database is damaged, start with an empty one without asking; the "
                       "damaged file is kept, renamed, in the data folder. A sound database is "
                       "left alone.")},
    {ConfigKeys::Lang, QT_TRANSLATE_NOOP("CommandLine", "en|fr"),
     QT_TRANSLATE_NOOP("CommandLine", "User interface language (default: system locale).")},
    {ConfigKeys::LogLevel, QT_TRANSLATE_NOOP("CommandLine", "debug|info|warning"),
     QT_TRANSLATE_NOOP("CommandLine", "Lowest level written to the log (default: info). QT_LOGGING_RULES is "
                                      "also honoured.")},
};

QString translated(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

} // namespace

CommandLine::Result CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        translated(
            QT_TRANSLATE_NOOP("CommandLine", "Follow Bitcoin's price, news and an analysis of its trend.")) +
        u'\n' +
        translated(QT_TRANSLATE_NOOP("CommandLine",
                                     "API keys come from GEMINI_API_KEY and COINGECKO_API_KEY or "
                                     "from the system keychain (Settings).")));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    for (const OptionSpec &spec : kOptions) {
        const QString name = QString::fromLatin1(spec.name);
        if (spec.valueName) {
            parser.addOption(
                QCommandLineOption(name, translated(spec.description), translated(spec.valueName)));
        } else {
            parser.addOption(QCommandLineOption(name, translated(spec.description)));
        }
    }

    Result result;
    if (!parser.parse(arguments)) {
        result.outcome = Outcome::Error;
        result.text = parser.errorText();
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.outcome = Outcome::ShowHelp;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.outcome = Outcome::ShowVersion;
        result.text = QCoreApplication::applicationName() + u' ' + QCoreApplication::applicationVersion();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.outcome = Outcome::Error;
        result.text = translated(QT_TRANSLATE_NOOP("CommandLine", "Unexpected argument: %1"))
                          .arg(parser.positionalArguments().constFirst());
        return result;
    }
    for (const OptionSpec &spec : kOptions) {
        const QString name = QString::fromLatin1(spec.name);
        if (parser.isSet(name)) {
            result.values.insert(name, spec.valueName ? parser.value(name) : QStringLiteral("1"));
        }
    }
    return result;
}

} // namespace ba
