#include "gui/DiagnosticReportDialog.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QStandardPaths>

namespace ba {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ba::DiagnosticReportDialog", text);
}
} // namespace

QString saveDiagnosticReport(QWidget *parent, const std::function<DiagnosticReport::Inputs()> &gather)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(folder).filePath(DiagnosticReport::suggestedFileName(QDateTime::currentDateTime()));
    const QString path =
        QFileDialog::getSaveFileName(parent, tr("Save Diagnostic Report"), suggested,
                                     tr("Markdown (*.md);;Text files (*.txt);;All files (*)"));
    if (path.isEmpty()) {
        return QString();
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const DiagnosticReport report(gather());
    QString error;
    const bool saved = report.save(path, &error);
    QApplication::restoreOverrideCursor();
    if (!saved) {
        QMessageBox::warning(parent, tr("Diagnostic Report Not Saved"), error);
        return QString();
    }
    return path;
}

} // namespace ba
