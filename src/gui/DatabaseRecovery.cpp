#include "gui/DatabaseRecovery.h"

#include "storage/Database.h"

#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <cstdio>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.app.context") // the category these lines had in AppContext
} // namespace

namespace ba {

bool DatabaseRecovery::open(Database &database, const QString &path, Options options, QWidget *parent)
{
    Database::OpenResult result = database.open(path);
    if (result.status == Database::OpenStatus::Ok) {
        return true;
    }
    qCCritical(lc).noquote() << "Database" << path << "unusable:" << result.detail;
    if (result.status != Database::OpenStatus::NotADatabase) {
        showUnusable(parent, result.message, options.interactive);
        return false;
    }
    if (!options.resetDamaged && !askToStartFresh(parent, result.message, options.interactive)) {
        return false;
    }
    QString error;
    const QString keptAs = Database::setAsideDamagedFile(path, &error);
    if (keptAs.isEmpty()) {
        showUnusable(parent, tr("The damaged database could not be moved aside: %1").arg(error),
                     options.interactive);
        return false;
    }
    qCWarning(lc).noquote() << "Damaged database kept as" << keptAs;
    result = database.open(path);
    if (result.status != Database::OpenStatus::Ok) {
        showUnusable(parent, result.message, options.interactive);
        return false;
    }
    return true;
}

void DatabaseRecovery::showUnusable(QWidget *parent, const QString &message, bool interactive)
{
    if (!interactive) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        std::fflush(stderr);
        return;
    }
    QMessageBox box(QMessageBox::Critical, tr("Bitcoin Analyzer"), message, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

bool DatabaseRecovery::askToStartFresh(QWidget *parent, const QString &message, bool interactive)
{
    if (!interactive) {
        showUnusable(parent,
                     message + QLatin1Char(' ') +
                         tr("To start with an empty database, run the application again with "
                            "--reset-database; the damaged file is kept, renamed, in the same folder."),
                     false);
        return false;
    }
    QMessageBox box(QMessageBox::Warning, tr("Bitcoin Analyzer"), message, QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("damagedDatabaseBox"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(tr("You can start with a fresh database; the damaged file will be kept, renamed, "
                              "in the same folder."));
    QPushButton *fresh = box.addButton(tr("Start With a Fresh Database"), QMessageBox::AcceptRole);
    fresh->setObjectName(QStringLiteral("startFreshButton"));
    box.addButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == fresh;
}

} // namespace ba
