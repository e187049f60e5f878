#include "gui/EmptyStateWidget.h"
#include "gui/NewsActivityBar.h"
#include "gui/NewsFilterProxy.h"
#include "gui/NewsTableModel.h"
#include "gui/NewsView.h"
#include "services/NewsService.h"
#include "storage/Database.h"
#include "storage/NewsStore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace ba;

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
const QString kHostileTitle = QStringLiteral("<img src=x onerror=alert(1)>");

StoredNewsItem stored(qint64 id, const QString &title, const QString &url, const QString &source,
                      qint64 publishedMs, bool read = false, const QString &summary = {})
{
    StoredNewsItem s;
    s.id = id;
    s.item.title = title;
    s.item.url = url;
    s.item.source = source;
    s.item.publishedMs = publishedMs;
    s.item.summary = summary;
    s.firstSeenMs = publishedMs;
    s.read = read;
    return s;
}

// A realistic mix: three sources, read and unread, one hostile title, one link that is not http(s).
QList<StoredNewsItem> sampleItems(qint64 now)
{
    const QString bitcoinCom = QStringLiteral("Bitcoin.com News");
    return {
        stored(1, QStringLiteral("Bitcoin tops $100,000 as ETF inflows return"),
               QStringLiteral("https://news.site.example/btc-100k"), bitcoinCom, now - 25 * kMinuteMs, false,
               QStringLiteral(
                   "Spot bitcoin ETFs took in $1.2 billion this week, the most since March, as the price "
                   "crossed six figures again.")),
        stored(2, QStringLiteral("Miners & fees: what changed after the halving"),
               QStringLiteral("https://news.site.example/miners-fees"), bitcoinCom,
               now - 2 * kHourMs - 5 * kMinuteMs, true,
               QStringLiteral("Transaction fees now make up a larger share of miner revenue.")),
        stored(3, kHostileTitle, QStringLiteral("https://news.site.example/hostile"), bitcoinCom,
               now - 5 * kHourMs, false, QStringLiteral("<script>alert('x')</script> stays text")),
        stored(4, QStringLiteral("Citadel Securities and DeFi wage war of words through SEC letters"),
               QStringLiteral("https://www.coindesk.example/policy/citadel-defi"), QStringLiteral("CoinDesk"),
               now - 9 * kHourMs, false,
               QStringLiteral(
                   "The investing giant asked the SEC to treat DeFi players like regulated entities.")),
        stored(5, QStringLiteral("DOT sinks 2% after breaking key support"),
               QStringLiteral("https://www.coindesk.example/markets/dot"), QStringLiteral("CoinDesk"),
               now - 2 * kDayMs, true,
               QStringLiteral("The Polkadot token fell from a high of $2.09 to $1.97.")),
        stored(6, QStringLiteral("Lightning network capacity hits a record"),
               QStringLiteral("javascript:alert(1)"), QStringLiteral("Cointelegraph"), now - 3 * kDayMs,
               false, QStringLiteral("Capacity grew 12 % in a month.")),
    };
}

int proxyRowOf(NewsView &view, const QString &url)
{
    for (int row = 0; row < view.proxy()->rowCount(); ++row) {
        if (view.proxy()->index(row, 0).data(NewsTableModel::UrlRole).toString() == url) {
            return row;
        }
    }
    return -1;
}

} // namespace

class TestNewsView : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = QDateTime::currentMSecsSinceEpoch();
    QList<QUrl> m_opened;

    void fill(NewsView &view)
    {
        view.model()->setClock([this] { return m_now; });
        view.setUrlOpener([this](const QUrl &url) {
            m_opened.append(url);
            return true;
        });
        view.setItems(sampleItems(m_now));
    }

private Q_SLOTS:
    void init() { m_opened.clear(); }
    void model_htmlTitle_isShownLiterally();
    void model_unreadRows_areBold();
    void ageText_data();
    void ageText();
    void ageTooltip_showsExactLocalTime();
    void search_filtersTitleSummaryAndSource_data();
    void search_filtersTitleSummaryAndSource();
    void sourceFilter_showsOnlyThatSource();
    void sort_byTitleAndAge();
    void enter_opensOnlyHttpLinks_data();
    void enter_opensOnlyHttpLinks();
    void doubleClick_opensAndMarksRead();
    void copyLink_putsUrlOnClipboard();
    void ctrlF_focusesSearch();
    void markAllRead_clearsBoldAndDisablesButton();
    void emptyState_switchesToTableWhenItemsArrive();
    void emptyState_whileLoading_saysSoThenNamesTheProblem();
    void model_viaColumn_saysWhereEachHeadlineWasSeen();
    void activityBar_describesTheRefresh_data();
    void activityBar_describesTheRefresh();
    void bindTo_service_reloadsAndFollowsReadState();
    void screenshot_filledView();
};

void TestNewsView::model_htmlTitle_isShownLiterally()
{
    NewsView view;
    fill(view);
    const int row = proxyRowOf(view, QStringLiteral("https://news.site.example/hostile"));
    QVERIFY(row >= 0);
    const QModelIndex title = view.proxy()->index(row, NewsTableModel::TitleColumn);
    QCOMPARE(title.data(Qt::DisplayRole).toString(), kHostileTitle);
    QVERIFY(title.data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("&lt;img src=x onerror=alert(1)&gt;")));
    // The stock delegate draws DisplayRole as plain text; nothing in between renders HTML.
    QCOMPARE(QString::fromLatin1(view.table()->itemDelegate()->metaObject()->className()),
             QStringLiteral("QStyledItemDelegate"));
    for (int column = 0; column < NewsTableModel::ColumnCount; ++column) {
        QCOMPARE(view.table()->itemDelegateForColumn(column), nullptr);
    }

    view.table()->setCurrentIndex(title);
    QCOMPARE(view.detailTitle()->text(), kHostileTitle);
    QCOMPARE(view.detailTitle()->textFormat(), Qt::PlainText);
    QCOMPARE(view.detailSummary()->text(), QStringLiteral("<script>alert('x')</script> stays text"));
    QCOMPARE(view.detailSummary()->textFormat(), Qt::PlainText);
    for (QLabel *label : view.findChildren<QLabel *>()) {
        QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }
}

void TestNewsView::model_unreadRows_areBold()
{
    NewsTableModel model;
    const auto items = sampleItems(m_now);
    model.setItems(items);
    for (int row = 0; row < items.size(); ++row) {
        const QVariant font = model.index(row, NewsTableModel::TitleColumn).data(Qt::FontRole);
        QCOMPARE(font.isValid() && font.value<QFont>().bold(), !items.at(row).read);
    }
    QCOMPARE(model.unreadCount(), 4);
    QVERIFY(model.setRead(QStringLiteral("https://news.site.example/btc-100k"), true));
    QVERIFY(!model.index(0, NewsTableModel::TitleColumn).data(Qt::FontRole).isValid());
    QCOMPARE(model.unreadCount(), 3);
}

void TestNewsView::ageText_data()
{
    QTest::addColumn<qint64>("age");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << qint64(30 * 1000) << QStringLiteral("just now");
    QTest::newRow("clock ahead") << qint64(-5 * kMinuteMs) << QStringLiteral("just now");
    QTest::newRow("minutes") << 5 * kMinuteMs << QStringLiteral("5 min ago");
    QTest::newRow("hours") << 2 * kHourMs + 59 * kMinuteMs << QStringLiteral("2 h ago");
    QTest::newRow("days") << 3 * kDayMs << QStringLiteral("3 d ago");
}

void TestNewsView::ageText()
{
    QFETCH(qint64, age);
    QFETCH(QString, expected);
    QCOMPARE(NewsTableModel::ageText(m_now - age, m_now), expected);
}

void TestNewsView::ageTooltip_showsExactLocalTime()
{
    NewsTableModel model;
    model.setClock([this] { return m_now; });
    const qint64 published = m_now - 2 * kHourMs;
    StoredNewsItem undated =
        stored(2, QStringLiteral("Undated"), QStringLiteral("https://a.example/u"), QStringLiteral("S"), 0);
    undated.item.publishedMs.reset();
    undated.firstSeenMs = m_now - 45 * kDayMs;
    model.setItems({stored(1, QStringLiteral("T"), QStringLiteral("https://a.example/t"), QStringLiteral("S"),
                           published),
                    undated});

    const QModelIndex age = model.index(0, NewsTableModel::AgeColumn);
    QCOMPARE(age.data().toString(), QStringLiteral("2 h ago"));
    const QString local = QDateTime::fromMSecsSinceEpoch(published).toLocalTime().toString(
        QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QVERIFY2(age.data(Qt::ToolTipRole).toString().contains(local),
             qPrintable(age.data(Qt::ToolTipRole).toString()));
    // No publication date: the age is the first sighting, and the tooltip says so.
    const QModelIndex undatedAge = model.index(1, NewsTableModel::AgeColumn);
    QCOMPARE(undatedAge.data().toString(),
             QLocale().toString(QDateTime::fromMSecsSinceEpoch(undated.firstSeenMs).toLocalTime().date(),
                                QLocale::ShortFormat));
    QVERIFY(undatedAge.data(Qt::ToolTipRole).toString().contains(QStringLiteral("no date")));
}

void TestNewsView::search_filtersTitleSummaryAndSource_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::newRow("empty") << QString() << 6;
    QTest::newRow("title word, any case") << QStringLiteral("MINERS") << 1;
    QTest::newRow("summary word") << QStringLiteral("polkadot") << 1;
    QTest::newRow("source name") << QStringLiteral("coindesk") << 2;
    QTest::newRow("all words must match") << QStringLiteral("bitcoin etf") << 1;
    QTest::newRow("markup is searchable text") << QStringLiteral("onerror") << 1;
    QTest::newRow("nothing") << QStringLiteral("ethereum merge") << 0;
}

void TestNewsView::search_filtersTitleSummaryAndSource()
{
    QFETCH(QString, text);
    QFETCH(int, rows);
    NewsView view;
    fill(view);
    view.searchBox()->setText(text);
    QCOMPARE(view.proxy()->rowCount(), rows);
    QVERIFY(view.countLabel()->text().contains(QString::number(rows)));
}

void TestNewsView::sourceFilter_showsOnlyThatSource()
{
    NewsView view;
    fill(view);
    QComboBox *combo = view.sourceFilter();
    QStringList entries;
    for (int i = 0; i < combo->count(); ++i) {
        entries.append(combo->itemText(i));
    }
    QCOMPARE(entries, (QStringList{QStringLiteral("All sources"), QStringLiteral("Bitcoin.com News"),
                                   QStringLiteral("CoinDesk"), QStringLiteral("Cointelegraph")}));
    combo->setCurrentIndex(combo->findText(QStringLiteral("CoinDesk")));
    QCOMPARE(view.proxy()->rowCount(), 2);
    view.searchBox()->setText(QStringLiteral("DOT"));
    QCOMPARE(view.proxy()->rowCount(), 1);

    view.setItems(sampleItems(m_now)); // a reload keeps the chosen source
    QCOMPARE(combo->currentText(), QStringLiteral("CoinDesk"));
    QCOMPARE(view.proxy()->rowCount(), 1);
    combo->setCurrentIndex(0);
    view.searchBox()->clear();
    QCOMPARE(view.proxy()->rowCount(), 6);
}

void TestNewsView::sort_byTitleAndAge()
{
    NewsView view;
    fill(view);
    // Newest first by default.
    QCOMPARE(view.proxy()->index(0, 0).data(NewsTableModel::UrlRole).toString(),
             QStringLiteral("https://news.site.example/btc-100k"));
    view.table()->sortByColumn(NewsTableModel::TitleColumn, Qt::AscendingOrder);
    QCOMPARE(view.proxy()->index(0, NewsTableModel::TitleColumn).data().toString(),
             kHostileTitle); // '<' sorts first
    QCOMPARE(view.proxy()->index(1, NewsTableModel::TitleColumn).data().toString(),
             QStringLiteral("Bitcoin tops $100,000 as ETF inflows return"));
    view.table()->sortByColumn(NewsTableModel::AgeColumn, Qt::AscendingOrder); // oldest first
    QCOMPARE(view.proxy()->index(0, 0).data(NewsTableModel::UrlRole).toString(),
             QStringLiteral("javascript:alert(1)"));
}

void TestNewsView::enter_opensOnlyHttpLinks_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("opens");
    QTest::newRow("https") << QStringLiteral("https://news.site.example/btc-100k") << true;
    QTest::newRow("http") << QStringLiteral("http://plain.example/a") << true;
    QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)") << false;
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << false;
    QTest::newRow("data") << QStringLiteral("data:text/html,<script>alert(1)</script>") << false;
}

void TestNewsView::enter_opensOnlyHttpLinks()
{
    QFETCH(QString, url);
    QFETCH(bool, opens);
    NewsView view;
    fill(view);
    view.setItems({stored(1, QStringLiteral("Story"), url, QStringLiteral("S"), m_now)});
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy refused(&view, &NewsView::linkRefused);
    view.table()->setFocus();
    view.table()->setCurrentIndex(view.proxy()->index(0, NewsTableModel::TitleColumn));

    QTest::keyClick(view.table(), Qt::Key_Return);

    QCOMPARE(m_opened.size(), opens ? 1 : 0);
    QCOMPARE(refused.count(), opens ? 0 : 1);
    if (opens) {
        QCOMPARE(m_opened.constFirst(), QUrl(url));
        QVERIFY(view.proxy()->index(0, 0).data(NewsTableModel::ReadRole).toBool()); // opened = read
    }
    QTest::keyClick(view.table(), Qt::Key_Enter);
    QCOMPARE(m_opened.size(), opens ? 2 : 0);
}

void TestNewsView::doubleClick_opensAndMarksRead()
{
    NewsView view;
    fill(view);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const int row = proxyRowOf(view, QStringLiteral("https://www.coindesk.example/policy/citadel-defi"));
    const QModelIndex index = view.proxy()->index(row, NewsTableModel::TitleColumn);
    QVERIFY(!index.data(NewsTableModel::ReadRole).toBool());
    const QPoint centre = view.table()->visualRect(index).center();

    // A real double-click is press, release, then the double-click event (QTest sends only the last).
    QTest::mouseClick(view.table()->viewport(), Qt::LeftButton, {}, centre);
    QVERIFY(m_opened.isEmpty()); // a single click only selects
    QTest::mouseDClick(view.table()->viewport(), Qt::LeftButton, {}, centre);

    QCOMPARE(m_opened,
             (QList<QUrl>{QUrl(QStringLiteral("https://www.coindesk.example/policy/citadel-defi"))}));
    QVERIFY(index.data(NewsTableModel::ReadRole).toBool());
    QVERIFY(!index.data(Qt::FontRole).isValid());
}

void TestNewsView::copyLink_putsUrlOnClipboard()
{
    NewsView view;
    fill(view);
    const int row = proxyRowOf(view, QStringLiteral("https://www.coindesk.example/markets/dot"));
    view.copyLink(view.proxy()->index(row, 0));
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("https://www.coindesk.example/markets/dot"));
}

void TestNewsView::ctrlF_focusesSearch()
{
    NewsView view;
    fill(view);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.activateWindow();
    view.table()->setFocus();
    QTRY_VERIFY(view.table()->hasFocus());
    QTest::keyClick(view.table(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(view.searchBox()->hasFocus());
}

void TestNewsView::markAllRead_clearsBoldAndDisablesButton()
{
    NewsView view;
    fill(view);
    QVERIFY(view.markAllReadButton()->isEnabled());
    QTest::mouseClick(view.markAllReadButton(), Qt::LeftButton);
    QCOMPARE(view.model()->unreadCount(), 0);
    QVERIFY(!view.markAllReadButton()->isEnabled());
    QCOMPARE(view.countLabel()->text(), QStringLiteral("6 shown  \u00b7  0 unread"));
}

void TestNewsView::emptyState_switchesToTableWhenItemsArrive()
{
    NewsView view;
    QVERIFY(view.isShowingEmptyState());
    const QList<QLabel *> labels = view.findChildren<QLabel *>(QStringLiteral("emptyStateHint"));
    QCOMPARE(labels.size(), 1);
    QCOMPARE(labels.constFirst()->text(),
             QStringLiteral("Headlines from Bitcoin.com News will appear here after a refresh."));
    fill(view);
    QVERIFY(!view.isShowingEmptyState());
    view.setItems({});
    QVERIFY(view.isShowingEmptyState());
}

void TestNewsView::emptyState_whileLoading_saysSoThenNamesTheProblem()
{
    NewsView view;
    NewsActivity activity;
    activity.siteName = QStringLiteral("Test News");
    activity.page = NewsActivity::State::Loading;
    activity.feed = NewsActivity::State::Loading;
    view.showActivity(activity);
    QCOMPARE(view.emptyState()->title(), QStringLiteral("Loading headlines…"));
    QCOMPARE(view.emptyState()->hint(), QStringLiteral("Loading headlines from Test News and its feed…"));
    QVERIFY(view.activityBar()->isBusy());

    activity.page = NewsActivity::State::Failed;
    activity.pageProblem = QStringLiteral("site unreachable");
    activity.feed = NewsActivity::State::Failed;
    activity.feedProblem = QStringLiteral("Test feed: feed unreachable");
    view.showActivity(activity);
    QCOMPARE(view.emptyState()->title(), QStringLiteral("No news yet."));
    QCOMPARE(view.emptyState()->hint(),
             QStringLiteral("The page of Test News could not be read (site unreachable). "
                            "The feed failed too: Test feed: feed unreachable."));
    QVERIFY(!view.activityBar()->isBusy());
}

void TestNewsView::model_viaColumn_saysWhereEachHeadlineWasSeen()
{
    NewsTableModel model;
    QList<StoredNewsItem> items = sampleItems(QDateTime::currentMSecsSinceEpoch()).mid(0, 4);
    items[0].item.seenVia = NewsViaPage;
    items[1].item.seenVia = NewsViaFeed;
    items[2].item.seenVia = NewsViaPage | NewsViaFeed;
    items[3].item.seenVia = 0;
    model.setItems(items);
    const auto via = [&model](int row) {
        return model.index(row, NewsTableModel::ViaColumn).data().toString();
    };
    QCOMPARE(via(0), QStringLiteral("Page"));
    QCOMPARE(via(1), QStringLiteral("Feed"));
    QCOMPARE(via(2), QStringLiteral("Page, feed"));
    QCOMPARE(via(3), QString());
    QCOMPARE(model.headerData(NewsTableModel::ViaColumn, Qt::Horizontal).toString(), QStringLiteral("Via"));
    QCOMPARE(model.index(1, NewsTableModel::ViaColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("From the site's RSS feed"));
}

void TestNewsView::activityBar_describesTheRefresh_data()
{
    using S = NewsActivity::State;
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("feed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("both loading") << int(S::Loading) << int(S::Loading)
                                  << QStringLiteral("Loading headlines from Test News and its feed…");
    QTest::newRow("feed first") << int(S::Loading) << int(S::Delivered)
                                << QStringLiteral(
                                       "Reading the page of Test News… Headlines from Test News (RSS) "
                                       "meanwhile.");
    QTest::newRow("blocked, paused")
        << int(S::Paused) << int(S::Delivered)
        << QStringLiteral(
               "Test News blocks the page reader (browser blocked by a JavaScript challenge). Next try at "
               "%1 (in 25 min). Headlines from Test News (RSS).");
    QTest::newRow("page read") << int(S::Delivered) << int(S::Delivered) << QString();
    QTest::newRow("no site, feed loading")
        << int(S::Idle) << int(S::Loading) << QStringLiteral("Loading headlines…");
}

void TestNewsView::activityBar_describesTheRefresh()
{
    QFETCH(int, page);
    QFETCH(int, feed);
    QFETCH(QString, expected);
    const qint64 now = QDateTime(QDate(2026, 11, 29), QTime(10, 0)).toMSecsSinceEpoch();
    NewsActivity activity;
    activity.siteName = QStringLiteral("Test News");
    activity.page = NewsActivity::State(page);
    activity.feed = NewsActivity::State(feed);
    activity.feedName = QStringLiteral("Test News (RSS)");
    activity.pageProblem = QStringLiteral("browser blocked by a JavaScript challenge");
    activity.pageRetryAtMs = now + 25 * kMinuteMs;
    const QString retryAt = QLocale().toString(QTime(10, 25), QLocale::ShortFormat);
    QCOMPARE(NewsActivityBar::describe(activity, now),
             expected.contains(u'%') ? expected.arg(retryAt) : expected);

    NewsActivityBar bar;
    bar.setClock([now] { return now; });
    bar.setActivity(activity);
    QCOMPARE(bar.text().isEmpty(), expected.isEmpty());
    QCOMPARE(bar.isHidden(), expected.isEmpty() && !activity.isLoading()); // nothing to say: no line
}

void TestNewsView::bindTo_service_reloadsAndFollowsReadState()
{
    QTemporaryDir dir;
    Database db(QStringLiteral("newsview-test"));
    QCOMPARE(db.open(dir.filePath(QStringLiteral("db.sqlite"))).status, Database::OpenStatus::Ok);
    {
        NewsStore store(db.connection());
        NewsService service(&store, nullptr, NewsSiteConfig{}, dir.filePath(QStringLiteral("webengine")));
        NewsItem first;
        first.url = QStringLiteral("https://a.example/1?utm_source=x");
        first.title = QStringLiteral("First");
        first.source = QStringLiteral("A");
        QVERIFY(store.upsert({first}).ok);

        NewsView view;
        view.setUrlOpener([this](const QUrl &url) {
            m_opened.append(url);
            return true;
        });
        view.bindTo(&service);
        QCOMPARE(view.proxy()->rowCount(), 1);
        view.table()->setCurrentIndex(view.proxy()->index(0, 0));

        QVERIFY(view.openArticle(view.table()->currentIndex()));
        QCOMPARE(m_opened, (QList<QUrl>{QUrl(QStringLiteral("https://a.example/1"))}));
        QVERIFY(store.item(QStringLiteral("https://a.example/1"))->read); // marked read in the store

        NewsItem second = first;
        second.url = QStringLiteral("https://a.example/2");
        second.title = QStringLiteral("Second");
        QVERIFY(store.upsert({second}).ok);
        Q_EMIT service.newsChanged();
        QCOMPARE(view.proxy()->rowCount(), 2);
        QCOMPARE(view.model()->unreadCount(), 1);
        QCOMPARE(view.detailTitle()->text(), QStringLiteral("First")); // the selection survived the reload

        QVERIFY(service.markRead(QStringLiteral("https://a.example/2")));
        QCOMPARE(view.model()->unreadCount(), 0);
    }
    db.close();
}

void TestNewsView::screenshot_filledView()
{
    NewsView view;
    fill(view);
    view.resize(980, 560);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.table()->setCurrentIndex(view.proxy()->index(0, NewsTableModel::TitleColumn));
    const QPixmap shot = view.grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("BA_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(shot.save(dir + QStringLiteral("/newsview.png")));
        view.searchBox()->setText(QStringLiteral("bitcoin"));
        QApplication::processEvents(); // lay the toolbar out again for the new count text
        QVERIFY(view.grab().save(dir + QStringLiteral("/newsview-search.png")));
    }
}

QTEST_MAIN(TestNewsView)
#include "tst_newsview.moc"
