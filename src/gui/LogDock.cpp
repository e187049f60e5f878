#include "gui/LogDock.h"

#include "gui/LogFilterProxy.h"
#include "gui/LogModel.h"
#include "logging/LogHub.h"
#include "ui_LogDockContents.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QShortcut>
#include <algorithm>

namespace ba {

LogDock::LogDock(LogHub *hub, QWidget *parent)
    : QDockWidget(parent), m_ui(std::make_unique<Ui::LogDockContents>()),
      m_model(new LogModel(LogModel::DefaultCapacity, this)), m_proxy(new LogFilterProxy(this))
{
    // The object name is what QMainWindow::saveState() keys the dock's position and visibility on.
    setObjectName(QStringLiteral("logDock"));
    setWindowTitle(tr("Log Viewer"));

    auto *contents = new QWidget(this);
    m_ui->setupUi(contents);
    setWidget(contents);

    m_proxy->setSourceModel(m_model);
    setupView();
    setupFilters();
    setupFollowTail();

    if (hub != nullptr) {
        const QList<LogEntry> history = hub->recent(m_model->capacity());
        if (!history.isEmpty()) {
            m_historyUpTo = history.constLast().sequence;
        }
        m_model->appendEntries(history);
        connect(hub, &LogHub::entriesAppended, this, &LogDock::appendFromHub);
    }
    scrollToBottomIfFollowing();
}

LogDock::~LogDock() = default;

LogModel *LogDock::model() const
{
    return m_model;
}

LogFilterProxy *LogDock::proxy() const
{
    return m_proxy;
}

void LogDock::setCorrelationFilter(const QString &id)
{
    m_ui->correlationEdit->setText(id); // textChanged updates the proxy
}

bool LogDock::isFollowingTail() const
{
    return m_ui->followTailCheck->isChecked();
}

void LogDock::appendFromHub(const QList<ba::LogEntry> &entries)
{
    if (m_historyUpTo == 0) {
        m_model->appendEntries(entries);
        return;
    }
    // The hub's history may already contain entries of batches it had not emitted yet.
    QList<LogEntry> fresh;
    std::copy_if(entries.cbegin(), entries.cend(), std::back_inserter(fresh),
                 [this](const LogEntry &entry) { return entry.sequence > m_historyUpTo; });
    if (!fresh.isEmpty()) {
        m_historyUpTo = 0; // batches arrive in order: everything after this is new
        m_model->appendEntries(fresh);
    }
}

void LogDock::setupView()
{
    QTableView *view = m_ui->logView;
    view->setModel(m_proxy);

    // Fixed row heights keep 50,000 rows cheap: the view never measures them one by one.
    QHeaderView *rows = view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(view->fontMetrics().height() + 4);

    QHeaderView *columns = view->horizontalHeader();
    const QFontMetrics metrics = view->fontMetrics();
    columns->resizeSection(LogModel::TimeColumn, metrics.horizontalAdvance(QStringLiteral("00:00:00.000MM")));
    columns->resizeSection(LogModel::LevelColumn, metrics.horizontalAdvance(QStringLiteral("WarningMM")));
    columns->resizeSection(LogModel::CategoryColumn,
                           metrics.horizontalAdvance(QStringLiteral("ba.services.refreshMM")));
    columns->resizeSection(LogModel::CorrelationColumn, metrics.horizontalAdvance(QStringLiteral("r0000MM")));

    auto *copy = new QAction(tr("&Copy"), view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &LogDock::copySelection);
    view->addAction(copy);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
}

void LogDock::setupFilters()
{
    QComboBox *levels = m_ui->levelCombo;
    levels->addItem(tr("Debug"), static_cast<int>(QtDebugMsg));
    levels->addItem(tr("Info"), static_cast<int>(QtInfoMsg));
    levels->addItem(tr("Warning"), static_cast<int>(QtWarningMsg));
    levels->addItem(tr("Error"), static_cast<int>(QtCriticalMsg));
    connect(levels, &QComboBox::currentIndexChanged, this, [this, levels](int index) {
        m_proxy->setMinimumLevel(static_cast<QtMsgType>(levels->itemData(index).toInt()));
        scrollToBottomIfFollowing();
    });
    m_ui->searchEdit->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        scrollToBottomIfFollowing();
    });
    connect(m_ui->correlationEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setCorrelationId(text);
        scrollToBottomIfFollowing();
    });

    // Ctrl+F only while the focus is inside the dock, so it cannot steal a view's own search.
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchEdit->selectAll();
    });
}

void LogDock::setupFollowTail()
{
    // Whether to follow is decided before the rows land: afterwards the scroll range has grown
    // and "at the bottom" can no longer be told from "scrolled up".
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { m_stickToBottom = isFollowingTail() && isScrolledToBottom(); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_stickToBottom) {
            m_ui->logView->scrollToBottom();
        }
    });
    connect(m_ui->followTailCheck, &QCheckBox::toggled, this, [this] { scrollToBottomIfFollowing(); });
}

void LogDock::scrollToBottomIfFollowing()
{
    if (isFollowingTail()) {
        m_ui->logView->scrollToBottom();
    }
}

bool LogDock::isScrolledToBottom() const
{
    const QScrollBar *bar = m_ui->logView->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

QString LogDock::selectedLines() const
{
    QModelIndexList rows = m_ui->logView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    lines.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows)) {
        lines.append(formatLogLine(m_model->entryAt(m_proxy->mapToSource(row).row())));
    }
    return lines.join(QLatin1Char('\n'));
}

void LogDock::copySelection() const
{
    const QString text = selectedLines();
    if (!text.isEmpty()) {
        QGuiApplication::clipboard()->setText(text);
    }
}

} // namespace ba
