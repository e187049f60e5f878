#include "gui/LogCategoryMenu.h"
#include "gui/LogDock.h"
#include "gui/LogFilterProxy.h"
#include "gui/LogItemDelegate.h"
#include "gui/LogModel.h"
#include "logging/LogHub.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace ba;

namespace {

LogHub::Options quietHub()
{
    LogHub::Options options;
    options.echoToStderr = false;
    options.guiBatchIntervalMs = 0;
    return options;
}

// Appends messages and waits until the hub has delivered them to its listeners.
bool appendAndDeliver(LogHub &hub, const QStringList &messages, QtMsgType level = QtInfoMsg)
{
    QSignalSpy delivered(&hub, &LogHub::entriesAppended);
    for (const QString &message : messages) {
        hub.append(level, "ba.test.logdock", message);
    }
    hub.flush();
    return delivered.wait(5000);
}

QStringList numbered(int first, int last)
{
    QStringList messages;
    for (int i = first; i <= last; ++i) {
        messages.append(QStringLiteral("message %1").arg(i));
    }
    return messages;
}

LogEntry entry(quint64 sequence, const QString &id, const QString &category, const QString &message,
               QtMsgType level = QtInfoMsg)
{
    LogEntry e;
    e.sequence = sequence;
    e.timeMs = 1795947819049 + qint64(sequence);
    e.level = level;
    e.correlationId = id;
    e.category = category;
    e.message = message;
    return e;
}

// Two refreshes and some lines outside any: r7 (3 lines), r8 (2 lines), none (2 lines).
QList<LogEntry> refreshEntries()
{
    const QString http = QStringLiteral("ba.net.http");
    const QString refresh = QStringLiteral("ba.services.refresh");
    return {
        entry(1, QString(), QStringLiteral("ba.app.context"), QStringLiteral("Window shown")),
        entry(2, QStringLiteral("r7"), refresh, QStringLiteral("Refresh started, trigger: start-up")),
        entry(3, QStringLiteral("r7"), http, QStringLiteral("GET /api/v3/ping -> 200 12 ms 1 KB")),
        entry(4, QStringLiteral("r8"), refresh, QStringLiteral("Refresh started, trigger: user (F5)")),
        entry(5, QStringLiteral("r8"), http, QStringLiteral("GET /api/v3/search -> 429 40 ms 0 B"),
              QtWarningMsg),
        entry(6, QStringLiteral("r7"), refresh, QStringLiteral("Refresh finished in 812 ms")),
        entry(7, QString(), QStringLiteral("ba.app.context"), QStringLiteral("Idle")),
    };
}

QStringList modelMessages(const LogModel &model)
{
    QStringList messages;
    for (int row = 0; row < model.rowCount(); ++row) {
        messages.append(model.entryAt(row).message);
    }
    return messages;
}

} // namespace

class TestLogDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void construct_setsObjectNameForStateRestore();
    void construct_loadsHistoryThenAppendsBatchesWithoutDuplicates();
    void levelCombo_hidesLowerLevels();
    void searchAndIdFields_filterRows();
    void ctrlF_focusesTheSearchField();
    void followTail_scrollsToNewRowsUnlessScrolledUp();
    void selectedLines_useTheLogFileFormat();
    void followTail_scrollUpPausesAndBottomResumes();
    void followTail_burstReplacingEveryRow_staysAtTheBottom();
    void pause_holdsEntriesBackCountsThemAndAppendsOnResume();
    void clickOnIdCell_filtersToThatRefreshAndClearShowsAll();
    void categoryMenu_hidesAndShowsCategories();
    void search_highlightsTheSearchedText();
    void exportVisibleLines_writesOnlyTheVisibleLines();
    void exportVisibleLines_unwritablePath_reportsWhy();
    void statusLine_countsShownAndDropped();
    void hubRingOverflow_countsAsDroppedFromView();
    void details_showWholeMultiLineMessageAsPlainText();
    void clearView_emptiesTheTableOnly();
    void plantedKey_neverReachesTheDock();
};

void TestLogDock::construct_setsObjectNameForStateRestore()
{
    LogDock dock(nullptr);
    QCOMPARE(dock.objectName(), QStringLiteral("logDock"));
    QCOMPARE(dock.windowTitle(), QStringLiteral("Log Viewer"));
    QCOMPARE(dock.model()->rowCount(), 0);
    QCOMPARE(dock.model()->capacity(), LogModel::DefaultCapacity);
}

void TestLogDock::construct_loadsHistoryThenAppendsBatchesWithoutDuplicates()
{
    LogHub hub(quietHub());
    // The first batch is not delivered yet when the dock reads the history, so the hub will
    // deliver these entries again: the dock must not show them twice.
    hub.append(QtInfoMsg, "ba.test.logdock", QStringLiteral("before 1"));
    hub.append(QtInfoMsg, "ba.test.logdock", QStringLiteral("before 2"));
    hub.flush();

    LogDock dock(&hub);
    QCOMPARE(modelMessages(*dock.model()),
             (QStringList{QStringLiteral("before 1"), QStringLiteral("before 2")}));

    QVERIFY(appendAndDeliver(hub, {QStringLiteral("after")}));
    QTRY_COMPARE(dock.model()->rowCount(), 3);
    QCOMPARE(modelMessages(*dock.model()),
             (QStringList{QStringLiteral("before 1"), QStringLiteral("before 2"), QStringLiteral("after")}));

    QVERIFY(appendAndDeliver(hub, {QStringLiteral("later")}));
    QTRY_COMPARE(dock.model()->rowCount(), 4);
}

void TestLogDock::levelCombo_hidesLowerLevels()
{
    LogHub hub(quietHub());
    hub.setMinimumLevel(QtDebugMsg);
    LogDock dock(&hub);
    QVERIFY(appendAndDeliver(hub, {QStringLiteral("chatter")}, QtDebugMsg));
    QVERIFY(appendAndDeliver(hub, {QStringLiteral("careful")}, QtWarningMsg));
    QTRY_COMPARE(dock.model()->rowCount(), 2);

    auto *levels = dock.findChild<QComboBox *>(QStringLiteral("levelCombo"));
    QCOMPARE(levels->count(), 4);
    QCOMPARE(levels->currentIndex(), 0); // everything the hub recorded is shown by default
    QCOMPARE(dock.proxy()->rowCount(), 2);

    levels->setCurrentIndex(levels->findText(QStringLiteral("Warning")));
    QCOMPARE(dock.proxy()->minimumLevel(), QtWarningMsg);
    QCOMPARE(dock.proxy()->rowCount(), 1);
    QCOMPARE(dock.proxy()->index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("careful"));
}

void TestLogDock::searchAndIdFields_filterRows()
{
    LogDock dock(nullptr);
    LogEntry first;
    first.sequence = 1;
    first.correlationId = QStringLiteral("r7");
    first.category = QStringLiteral("ba.net.coingecko");
    first.message = QStringLiteral("GET /ping -> 200");
    LogEntry second = first;
    second.sequence = 2;
    second.correlationId = QStringLiteral("r8");
    second.message = QStringLiteral("GET /search -> 429");
    dock.model()->appendEntries({first, second});

    QTest::keyClicks(dock.findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral("429"));
    QCOMPARE(dock.proxy()->rowCount(), 1);
    dock.findChild<QLineEdit *>(QStringLiteral("searchEdit"))->clear();
    QCOMPARE(dock.proxy()->rowCount(), 2);

    dock.setCorrelationFilter(QStringLiteral("r7"));
    QCOMPARE(dock.findChild<QLineEdit *>(QStringLiteral("correlationEdit"))->text(), QStringLiteral("r7"));
    QCOMPARE(dock.proxy()->rowCount(), 1);
    QCOMPARE(dock.proxy()->index(0, LogModel::MessageColumn).data().toString(),
             QStringLiteral("GET /ping -> 200"));
}

void TestLogDock::ctrlF_focusesTheSearchField()
{
    QMainWindow window;
    auto *dock = new LogDock(nullptr);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *view = dock->findChild<QTableView *>(QStringLiteral("logView"));
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());

    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);

    QTRY_VERIFY(dock->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->hasFocus());
}

void TestLogDock::followTail_scrollsToNewRowsUnlessScrolledUp()
{
    LogHub hub(quietHub());
    LogDock dock(&hub);
    dock.resize(600, 200);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    auto *view = dock.findChild<QTableView *>(QStringLiteral("logView"));
    QScrollBar *bar = view->verticalScrollBar();
    QVERIFY(dock.isFollowingTail());

    QVERIFY(appendAndDeliver(hub, numbered(1, 200)));
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Scrolled up: new rows arrive but the view stays where the user is reading.
    bar->setValue(0);
    QVERIFY(appendAndDeliver(hub, numbered(201, 250)));
    QTRY_COMPARE(dock.model()->rowCount(), 250);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);

    // Back at the bottom: following resumes.
    view->scrollToBottom();
    QVERIFY(appendAndDeliver(hub, numbered(251, 300)));
    QTRY_COMPARE(dock.model()->rowCount(), 300);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(view->indexAt(QPoint(5, view->viewport()->height() - 3)).row() >= 290);

    // Unchecked: never scrolls by itself.
    dock.findChild<QCheckBox *>(QStringLiteral("followTailCheck"))->setChecked(false);
    const int before = bar->value();
    QVERIFY(appendAndDeliver(hub, numbered(301, 350)));
    QTRY_COMPARE(dock.model()->rowCount(), 350);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), before);
}

void TestLogDock::selectedLines_useTheLogFileFormat()
{
    LogDock dock(nullptr);
    LogEntry entry;
    entry.sequence = 1;
    entry.timeMs = 1795947819049;
    entry.level = QtWarningMsg;
    entry.category = QStringLiteral("ba.net.coingecko");
    entry.correlationId = QStringLiteral("r42");
    entry.message = QStringLiteral("slow answer");
    LogEntry other = entry;
    other.sequence = 2;
    other.correlationId.clear();
    other.message = QStringLiteral("idle");
    dock.model()->appendEntries({entry, other});

    dock.findChild<QTableView *>(QStringLiteral("logView"))->selectAll();

    QCOMPARE(dock.selectedLines(), formatLogLine(entry) + QLatin1Char('\n') + formatLogLine(other));
    QVERIFY(dock.selectedLines().startsWith(
        QStringLiteral("2026-11-29T10:23:39.049Z WARN  ba.net.coingecko [r42]")));
}

void TestLogDock::followTail_scrollUpPausesAndBottomResumes()
{
    LogHub hub(quietHub());
    LogDock dock(&hub);
    dock.resize(700, 240);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QScrollBar *bar = dock.view()->verticalScrollBar();
    QSignalSpy following(&dock, &LogDock::followingTailChanged);
    QVERIFY(appendAndDeliver(hub, numbered(1, 200)));
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(dock.isFollowingTail());

    bar->triggerAction(QAbstractSlider::SliderPageStepSub); // the user scrolls up a page
    QVERIFY(!dock.isFollowingTail());
    QCOMPARE(following.count(), 1);
    QCOMPARE(following.at(0).at(0).toBool(), false);
    const int reading = bar->value();
    QVERIFY(appendAndDeliver(hub, numbered(201, 260)));
    QTRY_COMPARE(dock.model()->rowCount(), 260);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), reading);

    bar->triggerAction(QAbstractSlider::SliderToMaximum); // back at the bottom
    QVERIFY(dock.isFollowingTail());
    QCOMPARE(following.count(), 2);
    QVERIFY(appendAndDeliver(hub, numbered(261, 320)));
    QTRY_COMPARE(dock.model()->rowCount(), 320);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Opening the detail pane shortens the table: the newest line stays in sight.
    dock.setDetailsVisible(true);
    QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());
    QVERIFY(appendAndDeliver(hub, numbered(321, 330)));
    QTRY_COMPARE(dock.model()->rowCount(), 330);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(dock.isFollowingTail());
}

void TestLogDock::followTail_burstReplacingEveryRow_staysAtTheBottom()
{
    LogDock dock(nullptr);
    dock.resize(700, 240);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    QList<LogEntry> first;
    QList<LogEntry> burst;
    for (int i = 1; i <= LogModel::DefaultCapacity + 10; ++i) {
        (i <= 10 ? first : burst)
            .append(
                entry(quint64(i), QString(), QStringLiteral("ba.test"), QStringLiteral("line %1").arg(i)));
    }
    dock.model()->appendEntries(first);
    QScrollBar *bar = dock.view()->verticalScrollBar();

    dock.model()->appendEntries(burst); // replaces every row: a reset

    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(dock.isFollowingTail());
    QCOMPARE(dock.model()->droppedCount(), quint64(10));
}

void TestLogDock::pause_holdsEntriesBackCountsThemAndAppendsOnResume()
{
    LogHub hub(quietHub());
    LogDock dock(&hub);
    QVERIFY(appendAndDeliver(hub, numbered(1, 5)));
    QTRY_COMPARE(dock.model()->rowCount(), 5);

    dock.findChild<QToolButton *>(QStringLiteral("pauseButton"))->click();
    QVERIFY(dock.isPaused());
    QVERIFY(appendAndDeliver(hub, numbered(6, 30)));
    QVERIFY(appendAndDeliver(hub, numbered(31, 40)));
    QCOMPARE(dock.model()->rowCount(), 5);
    QCOMPARE(dock.pendingCount(), 35);
    QVERIFY2(dock.statusText().endsWith(QStringLiteral("paused, 35 new waiting")),
             qPrintable(dock.statusText()));
    QCOMPARE(dock.findChild<QLabel *>(QStringLiteral("statusLabel"))->text(), dock.statusText());

    QSignalSpy inserted(dock.model(), &QAbstractItemModel::rowsInserted);
    dock.setPaused(false);
    QCOMPARE(inserted.count(), 1); // what was held back arrives as one batch
    QCOMPARE(dock.pendingCount(), 0);
    QCOMPARE(dock.model()->rowCount(), 40);
    QCOMPARE(dock.model()->entryAt(39).message, QStringLiteral("message 40"));
    QVERIFY(!dock.statusText().contains(QStringLiteral("paused")));
}

void TestLogDock::clickOnIdCell_filtersToThatRefreshAndClearShowsAll()
{
    LogDock dock(nullptr);
    dock.resize(900, 300);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    dock.model()->appendEntries(refreshEntries());
    QTableView *view = dock.view();

    // A click elsewhere than on an id changes nothing; a click on "-" neither.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(dock.proxy()->index(2, LogModel::MessageColumn)).center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(dock.proxy()->index(0, LogModel::CorrelationColumn)).center());
    QCOMPARE(dock.proxy()->rowCount(), 7);

    const QModelIndex r7 = dock.proxy()->index(5, LogModel::CorrelationColumn);
    QCOMPARE(r7.data().toString(), QStringLiteral("r7"));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(r7).center());

    QCOMPARE(dock.correlationFilter(), QStringLiteral("r7"));
    QCOMPARE(dock.findChild<QLineEdit *>(QStringLiteral("correlationEdit"))->text(), QStringLiteral("r7"));
    QCOMPARE(dock.proxy()->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(dock.proxy()->index(row, 0).data(LogModel::CorrelationIdRole).toString(),
                 QStringLiteral("r7"));
    }
    // The clicked entry stays the current one.
    QCOMPARE(view->currentIndex().data(LogModel::MessageRole).toString(),
             QStringLiteral("Refresh finished in 812 ms"));

    dock.findChild<QLineEdit *>(QStringLiteral("correlationEdit"))->clear(); // what its clear button does
    QCOMPARE(dock.proxy()->rowCount(), 7);
    QCOMPARE(dock.correlationFilter(), QString());
}

void TestLogDock::categoryMenu_hidesAndShowsCategories()
{
    LogDock dock(nullptr);
    dock.model()->appendEntries(refreshEntries());
    LogCategoryMenu *menu = dock.categoryMenu();
    QCOMPARE(menu->categories(), (QStringList{QStringLiteral("ba.app.context"), QStringLiteral("ba.net.http"),
                                              QStringLiteral("ba.services.refresh")}));
    auto *button = dock.findChild<QPushButton *>(QStringLiteral("categoryButton"));
    QCOMPARE(button->menu(), menu);

    menu->actionFor(QStringLiteral("ba.net.http"))->trigger(); // unchecks it
    QCOMPARE(dock.proxy()->rowCount(), 5);
    QCOMPARE(button->text(), QStringLiteral("Categories (1 hidden)"));

    menu->findChild<QAction *>(QStringLiteral("hideAllCategories"))->trigger();
    QCOMPARE(dock.proxy()->rowCount(), 0);
    dock.model()->appendEntries(
        {entry(8, QString(), QStringLiteral("ba.news.rss"), QStringLiteral("new module"))});
    QCOMPARE(dock.proxy()->rowCount(), 1); // a category seen for the first time is shown
    QVERIFY(menu->actionFor(QStringLiteral("ba.news.rss"))->isChecked());

    menu->findChild<QAction *>(QStringLiteral("showAllCategories"))->trigger();
    QCOMPARE(dock.proxy()->rowCount(), 8);
    QCOMPARE(button->text(), QStringLiteral("Categories"));
}

void TestLogDock::search_highlightsTheSearchedText()
{
    LogDock dock(nullptr);
    dock.model()->appendEntries(refreshEntries());
    QTest::keyClicks(dock.findChild<QLineEdit *>(QStringLiteral("searchEdit")), QStringLiteral(" Refresh "));

    QCOMPARE(dock.delegate()->highlight(), QStringLiteral("Refresh"));
    QCOMPARE(dock.proxy()->rowCount(), 3);
    dock.findChild<QLineEdit *>(QStringLiteral("searchEdit"))->clear();
    QCOMPARE(dock.delegate()->highlight(), QString());
}

void TestLogDock::exportVisibleLines_writesOnlyTheVisibleLines()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    LogDock dock(nullptr);
    const QList<LogEntry> entries = refreshEntries();
    dock.model()->appendEntries(entries);
    dock.setCorrelationFilter(QStringLiteral("r8"));

    const QString path = dir.filePath(QStringLiteral("visible.log"));
    QString error;
    QVERIFY2(dock.exportVisibleLines(path, &error), qPrintable(error));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(file.readAll());
    QCOMPARE(text, formatLogLine(entries.at(3)) + QLatin1Char('\n') + formatLogLine(entries.at(4)) +
                       QLatin1Char('\n'));
    QCOMPARE(dock.visibleLines(), (QStringList{formatLogLine(entries.at(3)), formatLogLine(entries.at(4))}));
}

void TestLogDock::exportVisibleLines_unwritablePath_reportsWhy()
{
    QTemporaryDir dir;
    LogDock dock(nullptr);
    dock.model()->appendEntries(refreshEntries());
    QString error;
    QVERIFY(!dock.exportVisibleLines(dir.filePath(QStringLiteral("no/such/folder/x.log")), &error));
    QVERIFY2(error.contains(QStringLiteral("x.log")), qPrintable(error));
}

void TestLogDock::statusLine_countsShownAndDropped()
{
    LogHub hub(quietHub());
    LogDock dock(&hub);
    auto *label = dock.findChild<QLabel *>(QStringLiteral("statusLabel"));
    QCOMPARE(label->text(), QStringLiteral("0 shown · 0 dropped from view"));
    QVERIFY(appendAndDeliver(hub, numbered(1, 3)));
    QTRY_COMPARE(label->text(), QStringLiteral("3 shown · 0 dropped from view"));
    dock.findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setText(QStringLiteral("message 2"));
    QCOMPARE(label->text(), QStringLiteral("1 shown (of 3) · 0 dropped from view"));
}

void TestLogDock::hubRingOverflow_countsAsDroppedFromView()
{
    LogHub::Options options = quietHub();
    options.ringCapacity = 10;
    LogHub hub(options);
    for (int i = 1; i <= 25; ++i) {
        hub.append(QtInfoMsg, "ba.test.logdock", QStringLiteral("early %1").arg(i));
    }
    hub.flush();

    LogDock dock(&hub);
    QCOMPARE(dock.model()->rowCount(), 10);
    QCOMPARE(dock.model()->droppedCount(), quint64(15)); // left the hub's memory before the dock existed
    QCOMPARE(dock.model()->entryAt(0).message, QStringLiteral("early 16"));
    QVERIFY(dock.statusText().endsWith(QStringLiteral("15 dropped from view")));
}

void TestLogDock::details_showWholeMultiLineMessageAsPlainText()
{
    LogDock dock(nullptr);
    dock.resize(900, 400);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    const QString body = QStringLiteral("Gemini answered:\n<b>not bold</b>\n## not a heading");
    dock.model()->appendEntries({entry(1, QStringLiteral("r3"), QStringLiteral("ba.net.gemini"), body)});
    auto *pane = dock.findChild<QPlainTextEdit *>(QStringLiteral("detailView"));
    QVERIFY(!pane->isVisible());

    const QModelIndex cell = dock.proxy()->index(0, LogModel::MessageColumn);
    // A real double click starts with a press: QAbstractItemView only reports it on the pressed index.
    const QPoint at = dock.view()->visualRect(cell).center();
    QTest::mousePress(dock.view()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseRelease(dock.view()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(dock.view()->viewport(), Qt::LeftButton, {}, at);

    QTRY_VERIFY(pane->isVisible());
    QVERIFY(dock.isDetailsVisible());
    QVERIFY(pane->isReadOnly());
    QVERIFY(pane->toPlainText().endsWith(body));
    QVERIFY(pane->toPlainText().contains(QStringLiteral("refresh r3")));
    QVERIFY(pane->toPlainText().contains(QStringLiteral("2026-11-29T10:23:39.050Z")));
    // The one-line cell shows the breaks as a symbol.
    QCOMPARE(LogItemDelegate::oneLine(body),
             QStringLiteral("Gemini answered: \u23ce <b>not bold</b> \u23ce ## not a heading"));
}

void TestLogDock::clearView_emptiesTheTableOnly()
{
    LogHub hub(quietHub());
    LogDock dock(&hub);
    QVERIFY(appendAndDeliver(hub, numbered(1, 4)));
    QTRY_COMPARE(dock.model()->rowCount(), 4);

    dock.findChild<QToolButton *>(QStringLiteral("clearButton"))->click();

    QCOMPARE(dock.model()->rowCount(), 0);
    QCOMPARE(hub.recent(10).size(), 4);
    QVERIFY(appendAndDeliver(hub, numbered(5, 5)));
    QTRY_COMPARE(dock.model()->rowCount(), 1);
    QCOMPARE(dock.model()->entryAt(0).message, QStringLiteral("message 5"));
}

void TestLogDock::plantedKey_neverReachesTheDock()
{
    const QString key = QStringLiteral("AIzaPLANTEDdockKey123456");
    LogHub hub(quietHub());
    hub.setSecrets({key});
    LogDock dock(&hub);
    QVERIFY(appendAndDeliver(hub, {QStringLiteral("POST /v1beta/models/x:generateContent?key=") + key,
                                   QStringLiteral("configured value ") + key}));
    QTRY_COMPARE(dock.model()->rowCount(), 2);

    const QString all = dock.visibleLines().join(QLatin1Char('\n'));
    QVERIFY2(!all.contains(QStringLiteral("PLANTED")), qPrintable(all));
    QVERIFY(all.contains(QStringLiteral("configured value ***")));
}

QTEST_MAIN(TestLogDock)
#include "tst_logdock.moc"
