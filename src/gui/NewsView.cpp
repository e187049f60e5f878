#include "gui/NewsView.h"

#include "gui/EmptyStateWidget.h"
#include "gui/NewsActivityBar.h"
#include "gui/NewsDetailPane.h"
#include "gui/NewsFilterProxy.h"
#include "gui/NewsTableModel.h"
#include "gui/Theme.h"
#include "services/NewsService.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.gui.news")
} // namespace

namespace ba {

namespace {} // namespace

NewsView::NewsView(QWidget *parent)
    : QWidget(parent), m_model(new NewsTableModel(this)), m_proxy(new NewsFilterProxy(this)),
      m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("newsView"));
    m_proxy->setSourceModel(m_model);

    m_emptyState = EmptyStateWidget::forNews(this);
    m_emptyTitle = m_emptyState->title();
    m_emptyHint = m_emptyState->hint();
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(6, 6, 6, 6);
    contentLayout->addWidget(buildToolbar());
    m_activityBar = new NewsActivityBar(content);
    contentLayout->addWidget(m_activityBar);
    auto *splitter = new QSplitter(Qt::Vertical, content);
    splitter->addWidget(buildTable());
    m_detail = new NewsDetailPane(content);
    connect(m_detail, &NewsDetailPane::openRequested, this, [this] { openArticle(currentIndex()); });
    connect(m_detail, &NewsDetailPane::copyLinkRequested, this, [this] { copyLink(currentIndex()); });
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    contentLayout->addWidget(splitter, 1);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &NewsView::updateCounts);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &NewsView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &NewsView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &NewsView::updateCounts);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &NewsView::updateCounts);
    m_ageTimer.setInterval(AgeRefreshMs);
    connect(&m_ageTimer, &QTimer::timeout, m_model, &NewsTableModel::refreshAges);
    m_ageTimer.start();
    updateCounts();
}

NewsView::~NewsView() = default;

QWidget *NewsView::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("newsSearch"));
    m_search->setPlaceholderText(tr("Search headlines and summaries (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &NewsFilterProxy::setSearchText);

    m_sourceCombo = new QComboBox(bar);
    m_sourceCombo->setObjectName(QStringLiteral("newsSourceFilter"));
    m_sourceCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_sourceCombo->addItem(tr("All sources"), QString());
    connect(m_sourceCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_proxy->setSourceFilter(m_sourceCombo->itemData(index).toString()); });

    m_countLabel = new QLabel(bar);
    m_countLabel->setObjectName(QStringLiteral("newsCount"));
    m_countLabel->setTextFormat(Qt::PlainText);
    Theme::dimText(m_countLabel);

    m_markAllRead = new QPushButton(tr("Mark All Read"), bar);
    m_markAllRead->setObjectName(QStringLiteral("newsMarkAllRead"));
    connect(m_markAllRead, &QPushButton::clicked, this, &NewsView::markAllRead);

    layout->addWidget(m_search, 3);
    layout->addWidget(m_sourceCombo, 0);
    layout->addStretch(1);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_markAllRead);
    return bar;
}

QWidget *NewsView::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("newsTable"));
    m_table->setModel(m_proxy);
    // QStyledItemDelegate draws DisplayRole as plain text: markup in a title stays literal.
    m_table->setItemDelegate(new QStyledItemDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(NewsTableModel::AgeColumn, Qt::DescendingOrder); // newest first
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(NewsTableModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(NewsTableModel::AgeColumn, fontMetrics().horizontalAdvance(tr("59 min ago")) + 28);
    header->resizeSection(NewsTableModel::SourceColumn,
                          fontMetrics().horizontalAdvance(QLatin1Char('M')) * 14);
    header->resizeSection(NewsTableModel::ViaColumn, fontMetrics().horizontalAdvance(tr("Page, feed")) + 20);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->installEventFilter(this);
    connect(m_table, &QTableView::customContextMenuRequested, this, &NewsView::showContextMenu);
    connect(m_table, &QTableView::doubleClicked, this, &NewsView::openArticle);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &NewsView::onCurrentChanged);
    return m_table;
}

void NewsView::bindTo(NewsService *service)
{
    if (m_service) {
        disconnect(m_service, nullptr, this, nullptr);
    }
    m_service = service;
    if (!service) {
        return;
    }
    connect(service, &NewsService::newsChanged, this, &NewsView::reload);
    connect(service, &NewsService::readStateChanged, m_model, &NewsTableModel::setRead);
    connect(service, &NewsService::activityChanged, this, &NewsView::showActivity);
    reload();
    showActivity(service->activity());
}

void NewsView::showActivity(const NewsActivity &activity)
{
    m_activityBar->setActivity(activity);
    // With nothing stored, the placeholder is the only thing in view: it says what is going on.
    if (activity.isLoading()) {
        m_emptyState->setTitle(tr("Loading headlines…"));
        m_emptyState->setHint(m_activityBar->text());
    } else {
        const QString problem = m_activityBar->text();
        m_emptyState->setTitle(m_emptyTitle);
        m_emptyState->setHint(problem.isEmpty() ? m_emptyHint : problem);
    }
}

void NewsView::reload()
{
    if (m_service) {
        setItems(m_service->items(ItemLimit));
    }
}

void NewsView::setItems(const QList<StoredNewsItem> &items)
{
    const QModelIndex current = currentIndex();
    const QString currentUrl =
        current.isValid() ? current.data(NewsTableModel::UrlRole).toString() : QString();
    m_model->setItems(items);
    rebuildSourceFilter();
    m_pages->setCurrentIndex(items.isEmpty() ? 0 : 1);
    if (!currentUrl.isEmpty()) {
        selectUrl(currentUrl);
    }
    m_detail->showArticle(currentIndex());
}

void NewsView::setUrlOpener(UrlOpener opener)
{
    m_opener = opener ? std::move(opener)
                      : UrlOpener([](const QUrl &url) { return QDesktopServices::openUrl(url); });
}

bool NewsView::isOpenableLink(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() && (url.scheme() == u"http" || url.scheme() == u"https");
}

bool NewsView::openArticle(const QModelIndex &index)
{
    if (!index.isValid()) {
        return false;
    }
    const QUrl url(index.data(NewsTableModel::UrlRole).toString(), QUrl::StrictMode);
    if (!isOpenableLink(url)) {
        qCWarning(lc).noquote() << "refused to open a link that is not http(s):" << url.scheme();
        Q_EMIT linkRefused(url);
        return false;
    }
    setArticleRead(index, true);
    const bool opened = m_opener(url);
    if (opened) {
        Q_EMIT linkOpened(url);
    } else {
        qCWarning(lc).noquote() << "the system could not open" << url.toString(QUrl::RemoveQuery);
    }
    return opened;
}

void NewsView::copyLink(const QModelIndex &index) const
{
    if (index.isValid()) {
        QGuiApplication::clipboard()->setText(index.data(NewsTableModel::UrlRole).toString());
    }
}

void NewsView::setArticleRead(const QModelIndex &index, bool read)
{
    if (!index.isValid()) {
        return;
    }
    const QString url = index.data(NewsTableModel::UrlRole).toString();
    if (!m_service || !m_service->markRead(url, read)) {
        m_model->setRead(url, read); // nothing stored behind the view, or the row is gone from the store
    }
}

void NewsView::markAllRead()
{
    if (m_service) {
        m_service->markAllRead();
    }
    for (const StoredNewsItem &stored : m_model->items()) {
        m_model->setRead(stored.item.url, true);
    }
}

QLabel *NewsView::detailTitle() const
{
    return m_detail->titleLabel();
}

QLabel *NewsView::detailSummary() const
{
    return m_detail->summaryLabel();
}

bool NewsView::isShowingEmptyState() const
{
    return m_pages->currentWidget() == m_emptyState;
}

bool NewsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            openArticle(currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NewsView::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid()) {
        return;
    }
    m_table->setCurrentIndex(index);
    const bool read = index.data(NewsTableModel::ReadRole).toBool();
    QMenu menu(this);
    QAction *open = menu.addAction(tr("Open"), this, [this, index] { openArticle(index); });
    open->setEnabled(isOpenableLink(QUrl(index.data(NewsTableModel::UrlRole).toString())));
    menu.addAction(tr("Copy Link"), this, [this, index] { copyLink(index); });
    menu.addSeparator();
    menu.addAction(read ? tr("Mark Unread") : tr("Mark Read"), this,
                   [this, index, read] { setArticleRead(index, !read); });
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void NewsView::onCurrentChanged()
{
    m_detail->showArticle(currentIndex());
}

QModelIndex NewsView::currentIndex() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? index.siblingAtColumn(NewsTableModel::TitleColumn) : QModelIndex();
}

void NewsView::updateCounts()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const int unread = m_model->unreadCount();
    m_countLabel->setText(shown == total
                              ? tr("%1 shown  ·  %2 unread").arg(total).arg(unread)
                              : tr("%1 of %2 shown  ·  %3 unread").arg(shown).arg(total).arg(unread));
    m_markAllRead->setEnabled(unread > 0);
}

void NewsView::rebuildSourceFilter()
{
    const QString selected = m_sourceCombo->currentData().toString();
    const QSignalBlocker blocker(m_sourceCombo);
    while (m_sourceCombo->count() > 1) {
        m_sourceCombo->removeItem(1);
    }
    for (const QString &source : m_model->sources()) {
        m_sourceCombo->addItem(source, source); // QComboBox shows item text as plain text
    }
    const int index = m_sourceCombo->findData(selected);
    m_sourceCombo->setCurrentIndex(qMax(0, index));
    m_proxy->setSourceFilter(m_sourceCombo->currentData().toString());
}

void NewsView::selectUrl(const QString &url)
{
    const int row = m_model->rowOfUrl(url);
    if (row < 0) {
        return;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, NewsTableModel::TitleColumn));
    if (index.isValid()) {
        m_table->setCurrentIndex(index);
    }
}

} // namespace ba
