#include "app/Application.h"

#include "app/AppContext.h"
#include "app/Bootstrap.h"
#include "app/InstanceLock.h"
#include "app/PrivateFiles.h"
#include "ba/Version.h"
#include "gui/MainWindow.h"
#include "logging/LogHub.h"

#include <QApplication>
#include <QGuiApplication>
#include <QIcon>

namespace ba {

int runApplication(int argc, char *argv[], const std::function<void(QMainWindow *)> &onWindowShown)
{
    // Everything this process creates (database, logs, settings, browser profile) is the user's alone.
    PrivateFiles::restrictNewFiles();
    // Then: every message from here on reaches the log hub.
    LogHub logHub;
    logHub.install();

    // Required by Qt WebEngine (created lazily by the news feature) before the application object.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BitcoinAnalyzer"));
    QCoreApplication::setApplicationName(QStringLiteral("bitcoin-analyzer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BA_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Bitcoin Analyzer"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.bitcoinanalyzer.BitcoinAnalyzer"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/bitcoin-analyzer.svg")));

    auto outcome = Bootstrap::prepare(QCoreApplication::arguments(), Bootstrap::processEnvironment());
    if (outcome.exitCode) {
        return *outcome.exitCode;
    }
    QString error;
    InstanceLock lock(outcome.prepared.config.dataDir); // held until the process ends
    if (!Bootstrap::createDataDir(outcome.prepared.config, logHub, &error, &lock)) {
        qCritical("%s", qPrintable(error));
        return 1;
    }
    Bootstrap::installTranslations(outcome.prepared.config);
    // Offscreen or minimal: nobody can answer a dialog (over SSH, in a package check, a cron job).
    const QString platform = QGuiApplication::platformName();
    outcome.prepared.config.interactive = platform != u"offscreen" && platform != u"minimal";

    AppContext context(std::move(outcome.prepared.config), std::move(outcome.prepared.settings), logHub);
    if (!context.start()) {
        return 1;
    }
    if (onWindowShown) {
        onWindowShown(context.mainWindow());
    }
    const int code = QApplication::exec();
    logHub.flush();
    return code;
}

} // namespace ba
