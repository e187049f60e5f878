#include "app/Bootstrap.h"

#include "app/CommandLine.h"
#include "app/InstanceLock.h"
#include "app/PrivateFiles.h"
#include "ba/Version.h"
#include "logging/LogHub.h"
#include "services/AppSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTranslator>
#include <cstdio>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.app")
} // namespace

namespace ba {

namespace {

void printLine(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fputs(bytes.constData(), stream);
    if (!bytes.endsWith('\n')) {
        std::fputc('\n', stream);
    }
    std::fflush(stream);
}

} // namespace

QHash<QString, QString> Bootstrap::processEnvironment()
{
    QHash<QString, QString> values;
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        values.insert(key, env.value(key));
    }
    return values;
}

std::unique_ptr<QSettings> Bootstrap::openSettings(const QString &dataDir, bool explicitDir)
{
    if (explicitDir) {
        // Nothing outside DIR is touched when --data-dir is given.
        return std::make_unique<QSettings>(QDir(dataDir).filePath(QStringLiteral("settings.ini")),
                                           QSettings::IniFormat);
    }
    return std::make_unique<QSettings>();
}

Bootstrap::Outcome Bootstrap::prepare(const QStringList &arguments,
                                      const QHash<QString, QString> &environment)
{
    Outcome outcome;
    const CommandLine::Result parsed = CommandLine::parse(arguments);
    switch (parsed.outcome) {
    case CommandLine::Outcome::ShowHelp:
    case CommandLine::Outcome::ShowVersion:
        printLine(stdout, parsed.text);
        outcome.exitCode = 0;
        return outcome;
    case CommandLine::Outcome::Error:
        printLine(stderr, QCoreApplication::applicationName() + QStringLiteral(": ") + parsed.text);
        outcome.exitCode = 2;
        return outcome;
    case CommandLine::Outcome::Run:
        break;
    }

    ConfigSources sources;
    sources.commandLine = parsed.values;
    sources.environment = environment;
    sources.defaultDataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);

    bool explicitDir = false;
    const QString dataDir = resolveDataDir(sources, &explicitDir);
    std::unique_ptr<QSettings> settings = openSettings(dataDir, explicitDir);
    QSettings *settingsPtr = settings.get();
    sources.settings = [settingsPtr](const QString &key) {
        return AppSettings(settingsPtr).configValue(key);
    };

    ConfigResult resolved = resolveConfig(sources);
    if (resolved.error) {
        printLine(stderr,
                  QCoreApplication::applicationName() + QStringLiteral(": ") + resolved.error->message);
        outcome.exitCode = 2;
        return outcome;
    }
    outcome.prepared.config = resolved.config;
    outcome.prepared.settings = std::move(settings);
    return outcome;
}

bool Bootstrap::createDataDir(const AppConfig &config, LogHub &logHub, QString *error, InstanceLock *lock)
{
    if (!QDir().mkpath(config.dataDir) ||
        !QDir().mkpath(QDir(config.dataDir).filePath(QStringLiteral("logs")))) {
        *error =
            QCoreApplication::translate("Bootstrap", "Cannot create the data folder %1.").arg(config.dataDir);
        return false;
    }
    PrivateFiles::restrictDataDir(config.dataDir);
    // Before the log is opened: a second instance must not write into the first one's log.
    if (lock && !lock->tryLock(error)) {
        return false;
    }
    // QT_LOGGING_RULES that switch debug output on must not be cut off by the default info floor.
    const bool rulesEnableDebug =
        qEnvironmentVariable("QT_LOGGING_RULES").contains(QLatin1String(".debug=true"));
    logHub.setMinimumLevel(rulesEnableDebug ? QtDebugMsg : config.logLevel);
    logHub.setSecrets({config.geminiApiKey, config.coingeckoApiKey});
    QString why;
    if (!logHub.openFile(config.logFilePath(), &why)) {
        *error = QCoreApplication::translate("Bootstrap", "Cannot write the log file %1: %2")
                     .arg(config.logFilePath(), why);
        return false;
    }
    qCInfo(lc) << "Bitcoin Analyzer" << BA_VERSION << "on Qt" << qVersion() << "data dir" << config.dataDir
               << (config.offline ? "offline" : "online");
    return true;
}

void Bootstrap::installTranslations(const AppConfig &config)
{
    QLocale locale = config.language.isEmpty() ? QLocale::system() : QLocale(config.language);
    if (locale.language() == QLocale::C) {
        // A bare POSIX environment (CI, containers): format numbers and prices as US English.
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    }
    QLocale::setDefault(locale);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        return;
    }
    auto *qtTranslator = new QTranslator(QCoreApplication::instance());
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
    auto *appTranslator = new QTranslator(QCoreApplication::instance());
    if (appTranslator->load(locale, QStringLiteral("bitcoin-analyzer"), QStringLiteral("_"),
                            QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(appTranslator);
    } else {
        qCWarning(lc) << "No translation for" << locale.name();
    }
}

} // namespace ba
