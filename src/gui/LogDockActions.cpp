// LogDock's actions: copy, export, clear, the context menu and the detail pane.
#include "gui/LogDock.h"
#include "gui/LogFilterProxy.h"
#include "gui/LogModel.h"
#include "ui_LogDockContents.h"

#include <QAction>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>

namespace ba {

void LogDock::setupActions()
{
    QTableView *view = m_ui->logView;
    auto *copy = new QAction(tr("&Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &LogDock::copySelection);

    auto *onlyThis = new QAction(tr("Show Only This &Refresh"), view);
    connect(onlyThis, &QAction::triggered, this, [this, view] {
        const QString id = view->currentIndex().data(LogModel::CorrelationIdRole).toString();
        if (!id.isEmpty()) {
            setCorrelationFilter(id);
        }
    });
    auto *allRefreshes = new QAction(tr("Show &All Refreshes"), view);
    connect(allRefreshes, &QAction::triggered, this, [this] { setCorrelationFilter(QString()); });
    auto *separator = new QAction(view);
    separator->setSeparator(true);
    auto *exportLines = new QAction(tr("E&xport Visible Lines…"), view);
    connect(exportLines, &QAction::triggered, this, &LogDock::exportWithDialog);
    auto *clear = new QAction(tr("Cl&ear View"), view);
    connect(clear, &QAction::triggered, this, &LogDock::clearView);

    view->addActions({copy, onlyThis, allRefreshes, separator, exportLines, clear});
    view->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_ui->clearButton, &QToolButton::clicked, this, &LogDock::clearView);
    connect(m_ui->exportButton, &QToolButton::clicked, this, &LogDock::exportWithDialog);
}

bool LogDock::isDetailsVisible() const
{
    return m_ui->detailsButton->isChecked();
}

void LogDock::setDetailsVisible(bool visible)
{
    m_ui->detailsButton->setChecked(visible);
}

QString LogDock::detailText() const
{
    const QModelIndex current = m_ui->logView->currentIndex();
    if (!current.isValid()) {
        return QString();
    }
    const LogEntry &entry = m_model->entryAt(m_proxy->mapToSource(current).row());
    const QString local =
        QDateTime::fromMSecsSinceEpoch(entry.timeMs).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
    const QString id = entry.correlationId.isEmpty() ? tr("none (outside a refresh)") : entry.correlationId;
    // Plain text, real line breaks: the pane is a QPlainTextEdit and never renders markup.
    return tr("%1 (%2) · %3 · %4 · refresh %5")
               .arg(local, formatLogTime(entry.timeMs), LogModel::levelText(entry.level), entry.category,
                    id) +
           QStringLiteral("\n\n") + entry.message;
}

void LogDock::updateDetails()
{
    if (isDetailsVisible()) {
        m_ui->detailView->setPlainText(detailText());
    }
}

QString LogDock::formatRow(int proxyRow) const
{
    return formatLogLine(m_model->entryAt(m_proxy->mapToSource(m_proxy->index(proxyRow, 0)).row()));
}

QString LogDock::selectedLines() const
{
    QModelIndexList rows = m_ui->logView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    lines.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows)) {
        lines.append(formatRow(row.row()));
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList LogDock::visibleLines() const
{
    QStringList lines;
    const int count = m_proxy->rowCount();
    lines.reserve(count);
    for (int row = 0; row < count; ++row) {
        lines.append(formatRow(row));
    }
    return lines;
}

bool LogDock::exportVisibleLines(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        for (const QString &line : visibleLines()) {
            file.write(QString(line + QLatin1Char('\n')).toUtf8());
        }
        if (file.commit()) {
            return true;
        }
    }
    if (error) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return false;
}

void LogDock::copySelection() const
{
    const QString text = selectedLines();
    if (!text.isEmpty()) {
        QGuiApplication::clipboard()->setText(text);
    }
}

void LogDock::exportWithDialog()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("bitcoin-analyzer-log-") +
                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")) +
                         QStringLiteral(".log");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export Visible Log Lines"), QDir(folder).filePath(name),
                                     tr("Log files (*.log *.txt);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportVisibleLines(path, &error)) {
        QMessageBox::warning(this, tr("Export Failed"), error);
    }
}

} // namespace ba
