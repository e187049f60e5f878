#include "gui/LogDock.h"
#include "gui/LogFilterProxy.h"
#include "gui/LogModel.h"
#include "logging/LogHub.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QMainWindow>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
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
    void construct_setsObjectNameForStateRestore();
    void construct_loadsHistoryThenAppendsBatchesWithoutDuplicates();
    void levelCombo_hidesLowerLevels();
    void searchAndIdFields_filterRows();
    void ctrlF_focusesTheSearchField();
    void followTail_scrollsToNewRowsUnlessScrolledUp();
    void selectedLines_useTheLogFileFormat();
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

QTEST_MAIN(TestLogDock)
#include "tst_logdock.moc"
