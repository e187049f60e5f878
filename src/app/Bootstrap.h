#pragma once

#include "domain/AppConfig.h"

#include <QSettings>
#include <QStringList>
#include <memory>
#include <optional>

class QTranslator;

namespace ba {

class InstanceLock;
class LogHub;

// Turns argv + environment + settings into an AppConfig, or an exit code.
// Nothing is created on disk until the configuration is known to be valid.
class Bootstrap
{
public:
    struct Prepared
    {
        AppConfig config;
        std::unique_ptr<QSettings> settings;
    };

    // Exit code to return from main (0 after --help/--version, 2 on bad input), or the prepared config.
    struct Outcome
    {
        std::optional<int> exitCode;
        Prepared prepared;
    };

    static Outcome prepare(const QStringList &arguments, const QHash<QString, QString> &environment);

    // Creates the data dir (owner-only, older files made private), takes `lock` when given (one
    // instance per data dir) and starts the log file; returns false with a message on failure.
    static bool createDataDir(const AppConfig &config, LogHub &logHub, QString *error,
                              InstanceLock *lock = nullptr);

    // Loads Qt's and our own translation for config.language (or the system locale).
    static void installTranslations(const AppConfig &config);

    static QHash<QString, QString> processEnvironment();
    static std::unique_ptr<QSettings> openSettings(const QString &dataDir, bool explicitDir);
};

} // namespace ba
