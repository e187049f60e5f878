#include "gui/LogFilterProxy.h"
#include "gui/LogModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace ba;

namespace {

LogEntry makeEntry(quint64 sequence, QtMsgType level, const QString &category, const QString &correlationId,
                   const QString &message)
{
    LogEntry entry;
    entry.sequence = sequence;
    entry.timeMs = 1795947819049 + qint64(sequence); // 2026-11-29T10:23:39.049Z + sequence ms
    entry.level = level;
    entry.category = category;
    entry.correlationId = correlationId;
    entry.message = message;
    return entry;
}

QList<LogEntry> numberedEntries(quint64 first, quint64 last)
{
    QList<LogEntry> entries;
    for (quint64 sequence = first; sequence <= last; ++sequence) {
        entries.append(makeEntry(sequence, QtInfoMsg, QStringLiteral("ba.test"), QString(),
                                 QStringLiteral("entry %1").arg(sequence)));
    }
    return entries;
}

// Five entries covering every level, two refreshes and entries outside a refresh.
QList<LogEntry> fixtureEntries()
{
    return {
        makeEntry(1, QtDebugMsg, QStringLiteral("ba.net.coingecko"), QStringLiteral("r1"),
                  QStringLiteral("GET /coins/bitcoin/market_chart -> 200")),
        makeEntry(2, QtInfoMsg, QStringLiteral("ba.services.refresh"), QStringLiteral("r1"),
                  QStringLiteral("Refresh started")),
        makeEntry(3, QtWarningMsg, QStringLiteral("ba.news.scraper"), QStringLiteral("r2"),
                  QStringLiteral("Selector matched nothing, falling back")),
        makeEntry(4, QtCriticalMsg, QStringLiteral("ba.net.gemini"), QString(),
                  QStringLiteral("Server answered 503")),
        makeEntry(5, QtInfoMsg, QStringLiteral("ba.gui.mainwindow"), QString(),
                  QStringLiteral("Window shown")),
    };
}

QStringList visibleMessages(const QAbstractItemModel &model)
{
    QStringList messages;
    for (int row = 0; row < model.rowCount(); ++row) {
        messages.append(model.index(row, LogModel::MessageColumn).data().toString());
    }
    return messages;
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appendEntries_withinCapacity_appendsInOrder();
    void appendEntries_beyondCapacity_dropsOldestAndCounts();
    void appendEntries_batchLargerThanCapacity_keepsNewest();
    void data_timeColumn_showsLocalTimeWithUtcTooltip();
    void data_columns_showLevelCategoryIdAndMessage();
    void data_html_isReturnedVerbatim();
    void data_foreground_differsByLevel();
    void headerData_namesTheColumns();
    void proxy_filters_data();
    void proxy_filters();
    void proxy_newRows_areFilteredToo();
    void appendEntries_atCapacity_oneRemovalAndOneInsertionPerBatch();
    void appendEntries_replacingEveryRow_isOneReset();
    void categories_areRememberedOnceSortedAndAnnounced();
    void proxy_hiddenCategories_data();
    void proxy_hiddenCategories();
    void proxy_categoryAppearingLater_isShown();
    void clear_emptiesRowsAndDroppedCountButKeepsCategories();
    void noteDropped_addsToTheDroppedCount();
};

void TestLogModel::appendEntries_withinCapacity_appendsInOrder()
{
    LogModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.appendEntries(numberedEntries(1, 3));
    model.appendEntries(numberedEntries(4, 5));

    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(LogModel::ColumnCount));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 3); // second batch inserted at rows 3..4
    QCOMPARE(inserted.at(1).at(2).toInt(), 4);
    QCOMPARE(model.entryAt(4).sequence, quint64(5));
    QCOMPARE(model.droppedCount(), quint64(0));
}

void TestLogModel::appendEntries_beyondCapacity_dropsOldestAndCounts()
{
    LogModel model(4);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    model.appendEntries(numberedEntries(1, 3));
    model.appendEntries(numberedEntries(4, 6));

    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.droppedCount(), quint64(2));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 1);
    QCOMPARE(model.entryAt(0).sequence, quint64(3));
    QCOMPARE(model.entryAt(3).sequence, quint64(6));
    QCOMPARE(model.data(model.index(0, LogModel::MessageColumn)).toString(), QStringLiteral("entry 3"));
}

void TestLogModel::appendEntries_batchLargerThanCapacity_keepsNewest()
{
    LogModel model(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendEntries(numberedEntries(1, 2));

    model.appendEntries(numberedEntries(3, 10));

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entryAt(0).sequence, quint64(8));
    QCOMPARE(model.entryAt(2).sequence, quint64(10));
    QCOMPARE(model.droppedCount(), quint64(7)); // 1..7: two removed rows and five never inserted
}

void TestLogModel::data_timeColumn_showsLocalTimeWithUtcTooltip()
{
    LogModel model;
    LogEntry entry = makeEntry(0, QtInfoMsg, QStringLiteral("ba.test"), QString(), QStringLiteral("x"));
    model.appendEntries({entry});

    const QModelIndex time = model.index(0, LogModel::TimeColumn);
    const QString shown = time.data().toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.049$")).match(shown).hasMatch(),
             qPrintable(shown));
    QCOMPARE(
        shown,
        QDateTime::fromMSecsSinceEpoch(entry.timeMs, Qt::LocalTime).toString(QStringLiteral("hh:mm:ss.zzz")));
    QCOMPARE(time.data(Qt::ToolTipRole).toString(), QStringLiteral("2026-11-29T10:23:39.049Z"));
}

void TestLogModel::data_columns_showLevelCategoryIdAndMessage()
{
    LogModel model;
    model.appendEntries(fixtureEntries());

    QCOMPARE(model.index(2, LogModel::LevelColumn).data().toString(), QStringLiteral("Warning"));
    QCOMPARE(model.index(3, LogModel::LevelColumn).data().toString(), QStringLiteral("Error"));
    QCOMPARE(model.index(0, LogModel::CategoryColumn).data().toString(), QStringLiteral("ba.net.coingecko"));
    QCOMPARE(model.index(0, LogModel::CorrelationColumn).data().toString(), QStringLiteral("r1"));
    // Outside a refresh the id reads "-", as in the log file.
    QCOMPARE(model.index(4, LogModel::CorrelationColumn).data().toString(), QStringLiteral("-"));
    QCOMPARE(model.index(4, LogModel::CorrelationColumn).data(LogModel::CorrelationIdRole).toString(),
             QString());
    QCOMPARE(model.index(1, LogModel::MessageColumn).data().toString(), QStringLiteral("Refresh started"));
}

void TestLogModel::data_html_isReturnedVerbatim()
{
    LogModel model;
    const QString markup = QStringLiteral("<b>html</b> & <a href=\"x\">link</a>");
    model.appendEntries({makeEntry(1, QtInfoMsg, QStringLiteral("ba.test"), QString(), markup)});

    QCOMPARE(model.index(0, LogModel::MessageColumn).data(Qt::DisplayRole).toString(), markup);
    QCOMPARE(model.index(0, LogModel::MessageColumn).data(LogModel::MessageRole).toString(), markup);
}

void TestLogModel::data_foreground_differsByLevel()
{
    LogModel model;
    const QList<QtMsgType> levels{QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg};
    QList<LogEntry> entries;
    for (qsizetype i = 0; i < levels.size(); ++i) {
        entries.append(makeEntry(quint64(i + 1), levels.at(i), QStringLiteral("ba.test"), QString(),
                                 QStringLiteral("m")));
    }
    model.appendEntries(entries);

    QList<QVariant> colours;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant colour = model.index(row, LogModel::MessageColumn).data(Qt::ForegroundRole);
        for (const QVariant &other : std::as_const(colours)) {
            QVERIFY2(colour != other, qPrintable(QStringLiteral("row %1 repeats a colour").arg(row)));
        }
        colours.append(colour);
        // Every column of a row has the row's colour.
        QCOMPARE(model.index(row, LogModel::TimeColumn).data(Qt::ForegroundRole), colour);
    }
    QVERIFY(colours.at(3).value<QColor>().isValid()); // errors are coloured, never default
}

void TestLogModel::headerData_namesTheColumns()
{
    LogModel model;
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column) {
        headers.append(model.headerData(column, Qt::Horizontal).toString());
    }
    QCOMPARE(headers,
             (QStringList{QStringLiteral("Time"), QStringLiteral("Level"), QStringLiteral("Category"),
                          QStringLiteral("Id"), QStringLiteral("Message")}));
}

void TestLogModel::proxy_filters_data()
{
    QTest::addColumn<int>("minimumLevel");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("correlationId");
    QTest::addColumn<QStringList>("expected"); // messages, in order

    const QString get = QStringLiteral("GET /coins/bitcoin/market_chart -> 200");
    const QString started = QStringLiteral("Refresh started");
    const QString selector = QStringLiteral("Selector matched nothing, falling back");
    const QString failed = QStringLiteral("Server answered 503");
    const QString shown = QStringLiteral("Window shown");

    QTest::newRow("no filter") << int(QtDebugMsg) << QString() << QString()
                               << QStringList{get, started, selector, failed, shown};
    QTest::newRow("info and above") << int(QtInfoMsg) << QString() << QString()
                                    << QStringList{started, selector, failed, shown};
    QTest::newRow("warning and above")
        << int(QtWarningMsg) << QString() << QString() << QStringList{selector, failed};
    QTest::newRow("errors only") << int(QtCriticalMsg) << QString() << QString() << QStringList{failed};
    QTest::newRow("message text, any case")
        << int(QtDebugMsg) << QStringLiteral("FALLING") << QString() << QStringList{selector};
    QTest::newRow("category text") << int(QtDebugMsg) << QStringLiteral("gemini") << QString()
                                   << QStringList{failed};
    QTest::newRow("text in message or category")
        << int(QtDebugMsg) << QStringLiteral("refresh") << QString() << QStringList{started};
    QTest::newRow("blank search ignored") << int(QtDebugMsg) << QStringLiteral("   ") << QString()
                                          << QStringList{get, started, selector, failed, shown};
    QTest::newRow("no match") << int(QtDebugMsg) << QStringLiteral("zzz") << QString() << QStringList{};
    QTest::newRow("correlation id") << int(QtDebugMsg) << QString() << QStringLiteral("r1")
                                    << QStringList{get, started};
    QTest::newRow("correlation id is exact")
        << int(QtDebugMsg) << QString() << QStringLiteral("r") << QStringList{};
    QTest::newRow("level and id combined")
        << int(QtInfoMsg) << QString() << QStringLiteral("r1") << QStringList{started};
    QTest::newRow("all three combined")
        << int(QtWarningMsg) << QStringLiteral("selector") << QStringLiteral("r2") << QStringList{selector};
}

void TestLogModel::proxy_filters()
{
    QFETCH(int, minimumLevel);
    QFETCH(QString, search);
    QFETCH(QString, correlationId);
    QFETCH(QStringList, expected);

    LogModel model;
    model.appendEntries(fixtureEntries());
    LogFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);

    proxy.setMinimumLevel(static_cast<QtMsgType>(minimumLevel));
    proxy.setSearchText(search);
    proxy.setCorrelationId(correlationId);

    QCOMPARE(visibleMessages(proxy), expected);
}

void TestLogModel::proxy_newRows_areFilteredToo()
{
    LogModel model;
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setMinimumLevel(QtWarningMsg);

    model.appendEntries(fixtureEntries());
    model.appendEntries(
        {makeEntry(6, QtWarningMsg, QStringLiteral("ba.test"), QString(), QStringLiteral("late")),
         makeEntry(7, QtDebugMsg, QStringLiteral("ba.test"), QString(), QStringLiteral("noise"))});

    QCOMPARE(visibleMessages(proxy),
             (QStringList{QStringLiteral("Selector matched nothing, falling back"),
                          QStringLiteral("Server answered 503"), QStringLiteral("late")}));
}

void TestLogModel::appendEntries_atCapacity_oneRemovalAndOneInsertionPerBatch()
{
    LogModel model(1000);
    model.appendEntries(numberedEntries(1, 1000));
    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy aboutToRemove(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy dropped(&model, &LogModel::droppedCountChanged);

    model.appendEntries(numberedEntries(1001, 1400));

    QCOMPARE(aboutToRemove.count(), 1);
    QCOMPARE(aboutToRemove.at(0).at(1).toInt(), 0);
    QCOMPARE(aboutToRemove.at(0).at(2).toInt(), 399);
    QCOMPARE(aboutToInsert.count(), 1);
    QCOMPARE(aboutToInsert.at(0).at(1).toInt(), 600);
    QCOMPARE(aboutToInsert.at(0).at(2).toInt(), 999);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(model.droppedCount(), quint64(400));
    QCOMPARE(model.entryAt(999).sequence, quint64(1400));
}

void TestLogModel::appendEntries_replacingEveryRow_isOneReset()
{
    LogModel model(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendEntries(numberedEntries(1, 60));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.appendEntries(numberedEntries(61, 250)); // 190 new entries: none of the 60 rows survives

    QCOMPARE(reset.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.entryAt(0).sequence, quint64(151));
    QCOMPARE(model.entryAt(99).sequence, quint64(250));
    QCOMPARE(model.droppedCount(), quint64(150)); // 60 rows replaced + 90 entries never shown
}

void TestLogModel::categories_areRememberedOnceSortedAndAnnounced()
{
    LogModel model;
    QSignalSpy added(&model, &LogModel::categoryAdded);
    model.appendEntries(fixtureEntries());
    model.appendEntries(fixtureEntries());

    QCOMPARE(added.count(), 5);
    QCOMPARE(model.categories(),
             (QStringList{QStringLiteral("ba.gui.mainwindow"), QStringLiteral("ba.net.coingecko"),
                          QStringLiteral("ba.net.gemini"), QStringLiteral("ba.news.scraper"),
                          QStringLiteral("ba.services.refresh")}));
}

void TestLogModel::proxy_hiddenCategories_data()
{
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("none hidden") << QStringList{} << QString()
                                 << QStringList{QStringLiteral("GET /coins/bitcoin/market_chart -> 200"),
                                                QStringLiteral("Refresh started"),
                                                QStringLiteral("Selector matched nothing, falling back"),
                                                QStringLiteral("Server answered 503"),
                                                QStringLiteral("Window shown")};
    QTest::newRow("network hidden") << QStringList{QStringLiteral("ba.net.coingecko"),
                                                   QStringLiteral("ba.net.gemini")}
                                    << QString()
                                    << QStringList{QStringLiteral("Refresh started"),
                                                   QStringLiteral("Selector matched nothing, falling back"),
                                                   QStringLiteral("Window shown")};
    QTest::newRow("hidden and searched")
        << QStringList{QStringLiteral("ba.gui.mainwindow")} << QStringLiteral("s")
        << QStringList{QStringLiteral("GET /coins/bitcoin/market_chart -> 200"),
                       QStringLiteral("Refresh started"),
                       QStringLiteral("Selector matched nothing, falling back"),
                       QStringLiteral("Server answered 503")};
    QTest::newRow("unknown category hides nothing")
        << QStringList{QStringLiteral("ba.nothing")} << QStringLiteral("window")
        << QStringList{QStringLiteral("Window shown")};
}

void TestLogModel::proxy_hiddenCategories()
{
    QFETCH(QStringList, hidden);
    QFETCH(QString, search);
    QFETCH(QStringList, expected);

    LogModel model;
    model.appendEntries(fixtureEntries());
    LogFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QSignalSpy changed(&proxy, &LogFilterProxy::filterChanged);
    proxy.setHiddenCategories(QSet<QString>(hidden.cbegin(), hidden.cend()));
    proxy.setSearchText(search);

    QCOMPARE(visibleMessages(proxy), expected);
    QCOMPARE(proxy.isFiltering(), !hidden.isEmpty() || !search.isEmpty());
    QCOMPARE(changed.count(), int(!hidden.isEmpty()) + int(!search.isEmpty()));
}

void TestLogModel::proxy_categoryAppearingLater_isShown()
{
    LogModel model;
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setCategoryHidden(QStringLiteral("ba.net.coingecko"), true);
    model.appendEntries(fixtureEntries());
    model.appendEntries(
        {makeEntry(9, QtInfoMsg, QStringLiteral("ba.news.rss"), QString(), QStringLiteral("feed"))});

    QCOMPARE(proxy.rowCount(), 5);
    QCOMPARE(visibleMessages(proxy).constLast(), QStringLiteral("feed"));
    proxy.setCategoryHidden(QStringLiteral("ba.net.coingecko"), false);
    QCOMPARE(proxy.rowCount(), 6);
    QVERIFY(proxy.hiddenCategories().isEmpty());
}

void TestLogModel::clear_emptiesRowsAndDroppedCountButKeepsCategories()
{
    LogModel model(3);
    model.appendEntries(fixtureEntries());
    QCOMPARE(model.droppedCount(), quint64(2));

    model.clear();

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.droppedCount(), quint64(0));
    QCOMPARE(model.categories().size(), 3); // the newest three entries' categories were seen
}

void TestLogModel::noteDropped_addsToTheDroppedCount()
{
    LogModel model;
    QSignalSpy changed(&model, &LogModel::droppedCountChanged);
    model.noteDropped(0);
    QCOMPARE(changed.count(), 0);
    model.noteDropped(12);
    QCOMPARE(model.droppedCount(), quint64(12));
    QCOMPARE(changed.count(), 1);
}

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
