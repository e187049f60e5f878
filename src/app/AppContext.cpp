#include "app/AppContext.h"

#include "gui/AboutDialog.h"
#include "gui/EmptyStateWidget.h"
#include "gui/LogDock.h"
#include "gui/MainWindow.h"
#include "logging/LogHub.h"
#include "storage/Database.h"

#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>

Q_LOGGING_CATEGORY(lcContext, "ba.app.context")

namespace ba {

AppContext::AppContext(AppConfig config, std::unique_ptr<QSettings> settings, LogHub &logHub, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_settings(std::move(settings))
    , m_logHub(logHub)
    , m_database(std::make_unique<Database>())
{
}

AppContext::~AppContext() = default;

bool AppContext::start()
{
    if (!openDatabase()) {
        return false;
    }
    buildWindow();
    m_window->show();
    return true;
}

bool AppContext::openDatabase()
{
    const QString path = m_config.databasePath();
    Database::OpenResult result = m_database->open(path);
    if (result.status == Database::OpenStatus::Ok) {
        return true;
    }
    qCCritical(lcContext).noquote() << "Database" << path << "unusable:" << result.detail;

    if (result.status != Database::OpenStatus::NotADatabase) {
        QMessageBox::critical(nullptr, tr("Bitcoin Analyzer"), result.message);
        return false;
    }

    // A damaged file is kept: the user may start afresh while it stays, renamed, beside the new one.
    QMessageBox box(QMessageBox::Warning, tr("Bitcoin Analyzer"), result.message);
    box.setInformativeText(tr("You can start with a fresh database; the damaged file will be kept, renamed, "
                              "in the same folder."));
    QPushButton *fresh = box.addButton(tr("Start With a Fresh Database"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != fresh) {
        return false;
    }
    QString error;
    const QString keptAs = Database::setAsideDamagedFile(path, &error);
    if (keptAs.isEmpty()) {
        QMessageBox::critical(nullptr, tr("Bitcoin Analyzer"),
                              tr("The damaged database could not be moved aside: %1").arg(error));
        return false;
    }
    qCWarning(lcContext).noquote() << "Damaged database kept as" << keptAs;
    result = m_database->open(path);
    if (result.status != Database::OpenStatus::Ok) {
        QMessageBox::critical(nullptr, tr("Bitcoin Analyzer"), result.message);
        return false;
    }
    return true;
}

void AppContext::buildWindow()
{
    MainWindow::Parts parts;
    parts.priceView = EmptyStateWidget::forPrices();
    parts.newsView = EmptyStateWidget::forNews();
    parts.analysisView = EmptyStateWidget::forAnalysis();
    parts.logDock = new LogDock(&m_logHub);
    m_window = std::make_unique<MainWindow>(parts, m_settings.get());

    connect(m_window.get(), &MainWindow::refreshRequested, this, &AppContext::onRefreshRequested);
    connect(m_window.get(), &MainWindow::aboutRequested, this, &AppContext::showAbout);
}

void AppContext::onRefreshRequested()
{
    qCInfo(lcContext) << "Refresh requested (F5)";
    m_window->showStatus(tr("Refreshing is not available yet in this build."), 5000);
}

void AppContext::showAbout()
{
    AboutDialog dialog(m_window.get());
    dialog.exec();
}

} // namespace ba
