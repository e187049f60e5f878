#include "gui/LogDock.h"

#include "gui/LogCategoryMenu.h"
#include "gui/LogFilterProxy.h"
#include "gui/LogItemDelegate.h"
#include "gui/LogModel.h"
#include "logging/LogHub.h"
#include "ui_LogDockContents.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLocale>
#include <QScrollBar>
#include <QShortcut>
#include <algorithm>

namespace ba {

LogDock::LogDock(LogHub *hub, QWidget *parent)
    : QDockWidget(parent), m_ui(std::make_unique<Ui::LogDockContents>()),
      m_model(new LogModel(LogModel::DefaultCapacity, this)), m_proxy(new LogFilterProxy(this)),
      m_delegate(new LogItemDelegate(this))
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
    setupCategories();
    setupActions();
    setupFollowTail();

    if (hub != nullptr) {
        const QList<LogEntry> history = hub->recent(m_model->capacity());
        if (!history.isEmpty()) {
            m_historyUpTo = history.constLast().sequence;
        }
        deliver(history);
        connect(hub, &LogHub::entriesAppended, this, &LogDock::appendFromHub);
    }
    updateStatus();
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

LogItemDelegate *LogDock::delegate() const
{
    return m_delegate;
}

LogCategoryMenu *LogDock::categoryMenu() const
{
    return m_categories;
}

QTableView *LogDock::view() const
{
    return m_ui->logView;
}

void LogDock::setCorrelationFilter(const QString &id)
{
    m_ui->correlationEdit->setText(id); // textChanged updates the proxy
}

QString LogDock::correlationFilter() const
{
    return m_proxy->correlationId();
}

bool LogDock::isFollowingTail() const
{
    return m_ui->followTailCheck->isChecked();
}

void LogDock::setFollowingTail(bool follow)
{
    m_ui->followTailCheck->setChecked(follow);
}

bool LogDock::isPaused() const
{
    return m_ui->pauseButton->isChecked();
}

void LogDock::setPaused(bool paused)
{
    m_ui->pauseButton->setChecked(paused); // toggled() does the rest
}

int LogDock::pendingCount() const
{
    return int(m_pending.size());
}

void LogDock::clearView()
{
    m_pending.clear();
    m_pendingDropped = 0;
    m_model->clear();
    m_ui->detailView->clear();
    updateStatus();
}

void LogDock::appendFromHub(const QList<ba::LogEntry> &entries)
{
    if (m_historyUpTo == 0) {
        deliver(entries);
        return;
    }
    // The hub's history may already contain entries of batches it had not emitted yet.
    QList<LogEntry> fresh;
    std::copy_if(entries.cbegin(), entries.cend(), std::back_inserter(fresh),
                 [this](const LogEntry &entry) { return entry.sequence > m_historyUpTo; });
    if (!fresh.isEmpty()) {
        m_historyUpTo = 0; // batches arrive in order: everything after this is new
        deliver(fresh);
    }
}

void LogDock::deliver(const QList<ba::LogEntry> &entries)
{
    if (entries.isEmpty()) {
        return;
    }
    // A gap in the hub's sequence numbers: entries that left its ring before reaching the dock.
    const quint64 first = entries.constFirst().sequence;
    if (first > m_lastSequence + 1) {
        m_model->noteDropped(first - m_lastSequence - 1);
    }
    m_lastSequence = std::max(m_lastSequence, entries.constLast().sequence);
    if (!isPaused()) {
        m_model->appendEntries(entries); // one insert (and at most one removal) per batch
        return;
    }
    m_pending.append(entries);
    const qsizetype excess = m_pending.size() - m_model->capacity();
    if (excess > 0) {
        m_pending.remove(0, excess);
        m_pendingDropped += quint64(excess);
    }
    updateStatus();
}

void LogDock::setupView()
{
    QTableView *view = m_ui->logView;
    view->setModel(m_proxy);
    view->setItemDelegate(m_delegate);

    // Fixed row heights keep 50,000 rows cheap: the view never measures them one by one.
    QHeaderView *rows = view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(view->fontMetrics().height() + 6);

    QHeaderView *columns = view->horizontalHeader();
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics metrics = view->fontMetrics();
    columns->resizeSection(LogModel::TimeColumn,
                           metrics.horizontalAdvance(QStringLiteral("00:00:00.000MMM")));
    columns->resizeSection(LogModel::LevelColumn, metrics.horizontalAdvance(QStringLiteral("WarningMMM")));
    columns->resizeSection(LogModel::CategoryColumn,
                           metrics.horizontalAdvance(QStringLiteral("ba.services.refreshMMM")));
    columns->resizeSection(LogModel::CorrelationColumn,
                           metrics.horizontalAdvance(QStringLiteral("r0000MMM")));

    m_ui->splitter->setStretchFactor(0, 4);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->detailView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->detailView->setVisible(false);

    connect(view, &QAbstractItemView::clicked, this, &LogDock::onCellClicked);
    connect(view, &QAbstractItemView::doubleClicked, this, [this] { setDetailsVisible(true); });
    // A hand over clickable ids, as over a link.
    connect(view, &QAbstractItemView::entered, this, [view](const QModelIndex &index) {
        const bool link = index.column() == LogModel::CorrelationColumn &&
                          !index.data(LogModel::CorrelationIdRole).toString().isEmpty();
        if (link) {
            view->viewport()->setCursor(Qt::PointingHandCursor);
        } else {
            view->viewport()->unsetCursor();
        }
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LogDock::updateDetails);
    connect(m_ui->detailsButton, &QToolButton::toggled, this, [this](bool on) {
        m_ui->detailView->setVisible(on);
        updateDetails();
    });
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
    });
    m_ui->searchEdit->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    connect(m_ui->searchEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_delegate->setHighlight(text);
        m_proxy->setSearchText(text);
        m_ui->logView->viewport()->update(); // highlights change even when the rows do not
    });
    connect(m_ui->correlationEdit, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_proxy->setCorrelationId(text); });
    connect(m_proxy, &LogFilterProxy::filterChanged, this, &LogDock::scrollToBottomIfFollowing);
    // The status line follows every change of what is shown.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_proxy, signal, this, &LogDock::updateStatus);
    }
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LogDock::updateStatus);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &LogDock::updateStatus);
    connect(m_model, &LogModel::droppedCountChanged, this, &LogDock::updateStatus);

    // Ctrl+F only while the focus is inside the dock, so it cannot steal a view's own search.
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
        m_ui->searchEdit->selectAll();
    });
}

void LogDock::setupCategories()
{
    m_categories = new LogCategoryMenu(this);
    m_ui->categoryButton->setMenu(m_categories);
    for (const QString &category : m_model->categories()) {
        m_categories->addCategory(category);
    }
    connect(m_model, &LogModel::categoryAdded, m_categories, &LogCategoryMenu::addCategory);
    connect(m_categories, &LogCategoryMenu::hiddenCategoriesChanged, this,
            [this](const QSet<QString> &hidden) {
                m_proxy->setHiddenCategories(hidden);
                m_ui->categoryButton->setText(m_categories->summary());
            });
}

void LogDock::setupFollowTail()
{
    // Whether to follow is decided before the rows land: afterwards the scroll range has grown
    // and "at the bottom" can no longer be told from "scrolled up".
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { m_stickToBottom = isFollowingTail() && m_wasAtBottom; });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_stickToBottom) {
            m_ui->logView->scrollToBottom();
        }
    });
    // A burst that replaces every row arrives as a reset, which would leave the view at the top.
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_stickToBottom = isFollowingTail() && m_wasAtBottom; });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        if (m_stickToBottom) {
            m_ui->logView->scrollToBottom();
        }
    });
    connect(m_ui->followTailCheck, &QCheckBox::toggled, this, [this](bool on) {
        scrollToBottomIfFollowing();
        Q_EMIT followingTailChanged(on);
    });
    // A taller or shorter view (the detail pane, the dock resized) keeps the newest line in sight.
    m_ui->logView->viewport()->installEventFilter(this);
    QScrollBar *bar = m_ui->logView->verticalScrollBar();
    // Only a change of position says whether the view is at the bottom: a longer table or a shorter
    // viewport moves the bottom away without anyone scrolling.
    connect(bar, &QScrollBar::valueChanged, this, [this] { m_wasAtBottom = isScrolledToBottom(); });
    connect(bar, &QScrollBar::actionTriggered, this, &LogDock::onUserScrolled); // wheel, arrows, drag, page
    connect(m_ui->logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (m_ui->logView->hasFocus()) {
            onUserScrolled(); // keyboard navigation: the view has already scrolled to the new row
        }
    });
    connect(m_ui->pauseButton, &QToolButton::toggled, this, [this](bool paused) {
        if (!paused && (!m_pending.isEmpty() || m_pendingDropped > 0)) {
            const QList<LogEntry> held = std::exchange(m_pending, {});
            m_model->noteDropped(std::exchange(m_pendingDropped, 0));
            m_model->appendEntries(held);
        }
        m_ui->pauseButton->setText(paused ? tr("&Resume") : tr("&Pause"));
        updateStatus();
    });
}

// Following pauses when the user scrolls away from the bottom and resumes when they scroll back
// to it. Only the user's own scrolling counts: layout changes (a filter, a resize, rows trimmed at
// the top) also move the scroll bar and must not change what the user asked for.
void LogDock::onUserScrolled()
{
    const QScrollBar *bar = m_ui->logView->verticalScrollBar();
    // During actionTriggered the slider position already holds the action's target.
    setFollowingTail(bar->sliderPosition() >= bar->maximum());
}

bool LogDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->logView->viewport() && event->type() == QEvent::Resize && isFollowingTail() &&
        m_wasAtBottom) {
        // Queued: the scroll range is updated after the resize has been handled. Checked again
        // then, in case the view was scrolled meanwhile.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_wasAtBottom) {
                    scrollToBottomIfFollowing();
                }
            },
            Qt::QueuedConnection);
    }
    return QDockWidget::eventFilter(watched, event);
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

void LogDock::onCellClicked(const QModelIndex &index)
{
    if (index.column() != LogModel::CorrelationColumn) {
        return;
    }
    const QString id = index.data(LogModel::CorrelationIdRole).toString();
    if (id.isEmpty() || id == correlationFilter()) {
        return;
    }
    // Keep the clicked entry in sight: the refresh is read from where the user was.
    const QModelIndex source = m_proxy->mapToSource(index);
    setCorrelationFilter(id);
    const QModelIndex again = m_proxy->mapFromSource(source);
    if (again.isValid()) {
        m_ui->logView->setCurrentIndex(again);
        m_ui->logView->scrollTo(again, QAbstractItemView::PositionAtCenter);
        setFollowingTail(isScrolledToBottom()); // reading a refresh from its middle: do not jump away
    }
}

void LogDock::updateStatus()
{
    m_ui->statusLabel->setText(statusText());
}

QString LogDock::statusText() const
{
    const QLocale locale;
    QString text = tr("%1 shown").arg(locale.toString(m_proxy->rowCount()));
    if (m_proxy->isFiltering()) {
        text += QLatin1Char(' ') + tr("(of %1)").arg(locale.toString(m_model->rowCount()));
    }
    text += QStringLiteral(" · ") + tr("%1 dropped from view").arg(locale.toString(m_model->droppedCount()));
    if (isPaused()) {
        text +=
            QStringLiteral(" · ") +
            tr("paused, %1 new waiting").arg(locale.toString(quint64(m_pending.size()) + m_pendingDropped));
    }
    return text;
}

} // namespace ba
