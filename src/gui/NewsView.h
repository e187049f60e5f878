#pragma once

#include "domain/StoredNewsItem.h"
#include "services/NewsActivity.h"

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace ba {

class EmptyStateWidget;
class NewsActivityBar;
class NewsDetailPane;
class NewsFilterProxy;
class NewsService;
class NewsTableModel;

// The news tab: a sortable table (Age, Source, Via, Title) with a search box (Ctrl+F), a source
// filter, a line saying what the news refresh is doing (NewsActivityBar) and a detail pane with the
// selected article's summary. With nothing stored yet, the placeholder says the headlines are loading. Unread
// articles are bold; opening one (Enter or double-click) marks it read and hands its link to the system
// browser, but only an http/https link. Everything that came from the web is shown as plain text, never as
// HTML.
class NewsView : public QWidget
{
    Q_OBJECT
public:
    using UrlOpener = std::function<bool(const QUrl &)>;
    static constexpr int ItemLimit = 500;
    static constexpr int AgeRefreshMs = 60 * 1000;

    explicit NewsView(QWidget *parent = nullptr);
    ~NewsView() override;

    // Loads the service's items now and after every newsChanged(); read flags follow the service.
    // Mark read/unread goes through the service. The service may be destroyed before the view.
    void bindTo(NewsService *service);
    void reload(); // from the bound service
    // Shows these items (the selection is kept when its article is still there).
    void setItems(const QList<ba::StoredNewsItem> &items);
    // What the news refresh is doing (the bound service's activityChanged): the line above the
    // table, and the placeholder while nothing is stored ("Loading headlines…").
    void showActivity(const ba::NewsActivity &activity);

    // Default: QDesktopServices::openUrl. Tests inject their own.
    void setUrlOpener(UrlOpener opener);
    // http or https with a host; javascript:, file:, data: and the rest are refused.
    static bool isOpenableLink(const QUrl &url);

    // Actions on a row of table() (indexes of the proxy model).
    bool openArticle(const QModelIndex &index);
    void copyLink(const QModelIndex &index) const;
    void setArticleRead(const QModelIndex &index, bool read);
    void markAllRead();

    QTableView *table() const { return m_table; }
    NewsTableModel *model() const { return m_model; }
    NewsFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *searchBox() const { return m_search; }
    QComboBox *sourceFilter() const { return m_sourceCombo; }
    QPushButton *markAllReadButton() const { return m_markAllRead; }
    NewsDetailPane *detailPane() const { return m_detail; }
    QLabel *detailTitle() const;
    QLabel *detailSummary() const;
    QLabel *countLabel() const { return m_countLabel; }
    NewsActivityBar *activityBar() const { return m_activityBar; }
    EmptyStateWidget *emptyState() const { return m_emptyState; }
    bool isShowingEmptyState() const;

Q_SIGNALS:
    void linkOpened(const QUrl &url);
    void linkRefused(const QUrl &url); // not http/https: never handed to the system

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildToolbar();
    QWidget *buildTable();
    void showContextMenu(const QPoint &pos);
    void onCurrentChanged();
    void updateCounts();
    void rebuildSourceFilter();
    void selectUrl(const QString &url);
    QModelIndex currentIndex() const;

    QPointer<NewsService> m_service;
    NewsTableModel *m_model = nullptr;
    NewsFilterProxy *m_proxy = nullptr;
    UrlOpener m_opener;
    QTimer m_ageTimer;

    QStackedWidget *m_pages = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QString m_emptyTitle; // the placeholder's words when nothing is going on
    QString m_emptyHint;
    QLineEdit *m_search = nullptr;
    QComboBox *m_sourceCombo = nullptr;
    QLabel *m_countLabel = nullptr;
    QPushButton *m_markAllRead = nullptr;
    QTableView *m_table = nullptr;
    NewsActivityBar *m_activityBar = nullptr;
    NewsDetailPane *m_detail = nullptr;
};

} // namespace ba
