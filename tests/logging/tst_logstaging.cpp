#include "logging/LogStaging.h"

#include <QHash>
#include <QTest>
#include <QThread>
#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

using ba::LogStaging;

namespace {

// A message as the consumer saw it, with its own copies of the strings.
struct Seen
{
    QtMsgType level;
    qint64 timeMs;
    quintptr threadId;
    QString category;
    QString correlationId;
    QString text;
};

std::vector<Seen> takeOneBatch(LogStaging &staging, quint64 *dropped = nullptr)
{
    std::vector<Seen> seen;
    LogStaging::Batch batch;
    if (!staging.take(batch)) {
        return seen;
    }
    batch.forEach([&seen](const LogStaging::Message &message) {
        seen.push_back(Seen{message.level, message.timeMs, message.threadId, message.category.toString(),
                            message.correlationId.toString(), message.text.toString()});
    });
    if (dropped) {
        *dropped = batch.dropped();
    }
    staging.finished(batch);
    return seen;
}

bool append(LogStaging &staging, const QString &text, qint64 timeMs = 1000, QtMsgType level = QtInfoMsg)
{
    return staging.append(level, timeMs, u"ba.test.staging", u"r7", text);
}

// Appends from a thread that runs to its end before the function returns.
void appendFromAnotherThread(LogStaging &staging, const QStringList &texts, qint64 timeMs)
{
    std::thread([&] {
        for (const QString &text : texts) {
            append(staging, text, timeMs);
        }
    }).join();
}

// Logs from a thread_local object's destructor, i.e. while its thread is exiting.
struct LogsWhenThreadExits
{
    LogStaging *staging = nullptr;
    ~LogsWhenThreadExits()
    {
        if (staging) {
            append(*staging, QStringLiteral("logged while the thread exits"), 2000);
        }
    }
};

} // namespace

class TestLogStaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void append_oneMessage_takenWithAllItsFields()
    {
        LogStaging staging(100);
        QVERIFY(staging.append(QtWarningMsg, 1234, u"ba.net", u"r12", u"GET /x -> 503"));

        const std::vector<Seen> seen = takeOneBatch(staging);
        QCOMPARE(seen.size(), size_t(1));
        QCOMPARE(seen[0].level, QtWarningMsg);
        QCOMPARE(seen[0].timeMs, qint64(1234));
        QCOMPARE(seen[0].threadId, quintptr(QThread::currentThreadId()));
        QCOMPARE(seen[0].category, QStringLiteral("ba.net"));
        QCOMPARE(seen[0].correlationId, QStringLiteral("r12"));
        QCOMPARE(seen[0].text, QStringLiteral("GET /x -> 503"));
    }

    void append_manyMessagesAndOneLargerThanAChunk_allIntactAndInOrder()
    {
        LogStaging staging(1000000);
        const QString large(200000, QLatin1Char('x')); // 400 KB: more than a chunk on its own
        for (int i = 0; i < 5000; ++i) {
            append(staging, QStringLiteral("message %1 with some padding to fill the chunks faster").arg(i));
            if (i == 2500) {
                append(staging, large);
            }
        }
        const std::vector<Seen> seen = takeOneBatch(staging);
        QCOMPARE(seen.size(), size_t(5001));
        QCOMPARE(seen[2501].text, large);
        int expected = 0;
        for (const Seen &message : seen) {
            if (message.text.size() == large.size()) {
                continue;
            }
            QCOMPARE(message.text,
                     QStringLiteral("message %1 with some padding to fill the chunks faster").arg(expected));
            QCOMPARE(message.category, QStringLiteral("ba.test.staging"));
            ++expected;
        }
    }

    void take_twoThreads_mergedByTimeEachThreadInItsOrder()
    {
        LogStaging staging(100);
        // This thread logs at t=10 and t=30, another at t=20 and t=20: the batch reads 10, 20, 20, 30.
        append(staging, QStringLiteral("a1"), 10);
        appendFromAnotherThread(staging, {QStringLiteral("b1"), QStringLiteral("b2")}, 20);
        append(staging, QStringLiteral("a2"), 30);

        const std::vector<Seen> seen = takeOneBatch(staging);
        QStringList order;
        for (const Seen &message : seen) {
            order.append(message.text);
        }
        QCOMPARE(order, QStringList({u"a1"_qs, u"b1"_qs, u"b2"_qs, u"a2"_qs}));
        QVERIFY(seen[1].threadId != seen[0].threadId);
    }

    void take_clockWentBackwards_threadOrderStillKept()
    {
        LogStaging staging(100);
        append(staging, QStringLiteral("first"), 500);
        append(staging, QStringLiteral("second"), 100); // the wall clock was set back
        const std::vector<Seen> seen = takeOneBatch(staging);
        QCOMPARE(seen.size(), size_t(2));
        QCOMPARE(seen[0].text, QStringLiteral("first"));
        QCOMPARE(seen[1].text, QStringLiteral("second"));
    }

    void append_overThePerThreadLimit_dropsAndCountsButNeverFatal()
    {
        LogStaging staging(3);
        QVERIFY(append(staging, QStringLiteral("1")));
        QVERIFY(append(staging, QStringLiteral("2")));
        QVERIFY(append(staging, QStringLiteral("3")));
        QVERIFY(!append(staging, QStringLiteral("4")));
        QVERIFY(!append(staging, QStringLiteral("5")));
        QVERIFY(append(staging, QStringLiteral("fatal"), 1000, QtFatalMsg));
        // Another thread has its own limit.
        appendFromAnotherThread(staging, {QStringLiteral("other")}, 1000);

        quint64 dropped = 0;
        const std::vector<Seen> seen = takeOneBatch(staging, &dropped);
        QCOMPARE(dropped, quint64(2));
        QCOMPARE(seen.size(), size_t(5));
        QCOMPARE(seen[3].text, QStringLiteral("fatal"));

        // Taking the batch made room again, and the count starts over.
        QVERIFY(append(staging, QStringLiteral("6")));
        QCOMPARE(takeOneBatch(staging, &dropped).size(), size_t(1));
        QCOMPARE(dropped, quint64(0));
    }

    void take_sleepingConsumer_wokenByTheNextMessage()
    {
        LogStaging staging(100);
        std::atomic<bool> taken{false};
        QString text;
        std::thread consumer([&] {
            const std::vector<Seen> seen = takeOneBatch(staging);
            text = seen.empty() ? QString() : seen.front().text;
            taken = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(staging.isConsumerAsleep(), 5000);
        QVERIFY(!taken);
        append(staging, QStringLiteral("wake up"));
        const bool woken = QTest::qWaitFor([&taken] { return taken.load(); }, 5000);
        staging.stop(); // releases a consumer that was never woken, so that the test fails instead of hanging
        consumer.join();
        QVERIFY(woken);
        QCOMPARE(text, QStringLiteral("wake up"));
    }

    void flush_waitsUntilTheConsumerFinishedEveryEarlierMessage()
    {
        LogStaging staging(100000);
        std::atomic<int> finishedMessages{0};
        std::thread consumer([&] {
            LogStaging::Batch batch;
            while (staging.take(batch)) {
                std::this_thread::sleep_for(std::chrono::milliseconds(2)); // a slow disk
                finishedMessages += int(batch.size());
                staging.finished(batch);
            }
        });
        for (int i = 0; i < 2000; ++i) {
            append(staging, QStringLiteral("line %1").arg(i));
            if (i % 500 == 0) {
                appendFromAnotherThread(staging, {QStringLiteral("other %1").arg(i)}, 1000);
            }
        }
        staging.flush();
        QCOMPARE(finishedMessages.load(), 2004);
        staging.flush(); // nothing waiting: returns at once
        staging.stop();
        consumer.join();
    }

    void stop_withMessagesWaiting_takeDrainsThemThenReturnsFalse()
    {
        LogStaging staging(100);
        append(staging, QStringLiteral("before stop"));
        staging.stop();
        const std::vector<Seen> seen = takeOneBatch(staging);
        QCOMPARE(seen.size(), size_t(1));
        LogStaging::Batch batch;
        QVERIFY(!staging.take(batch));
    }

    void append_fromAThreadThatHasEnded_stillTaken()
    {
        LogStaging staging(100);
        appendFromAnotherThread(staging, {QStringLiteral("x"), QStringLiteral("y")}, 1000);
        const std::vector<Seen> seen = takeOneBatch(staging);
        QCOMPARE(seen.size(), size_t(2));
        // The ended thread's queue is let go; a new thread starts a queue of its own.
        appendFromAnotherThread(staging, {QStringLiteral("z")}, 1000);
        QCOMPARE(takeOneBatch(staging).size(), size_t(1));
    }

    void append_whileTheThreadExits_stillTaken()
    {
        LogStaging staging(100);
        std::thread([&staging] {
            // Constructed before the thread's first message, so destroyed after the staging's own
            // per-thread storage: it logs from a thread with no queue of its own any more.
            thread_local LogsWhenThreadExits logger;
            logger.staging = &staging;
            append(staging, QStringLiteral("ordinary"));
        }).join();

        const std::vector<Seen> seen = takeOneBatch(staging);
        QCOMPARE(seen.size(), size_t(2));
        QCOMPARE(seen[0].text, QStringLiteral("ordinary"));
        QCOMPARE(seen[1].text, QStringLiteral("logged while the thread exits"));
    }

    void append_aSecondStagingInTheSameThread_keepsItsOwnMessages()
    {
        auto first = std::make_unique<LogStaging>(100);
        append(*first, QStringLiteral("to the first"));
        {
            LogStaging second(100);
            append(second, QStringLiteral("to the second"));
            const std::vector<Seen> seen = takeOneBatch(second);
            QCOMPARE(seen.size(), size_t(1));
            QCOMPARE(seen[0].text, QStringLiteral("to the second"));
        }
        const std::vector<Seen> seen = takeOneBatch(*first);
        QCOMPARE(seen.size(), size_t(1));
        QCOMPARE(seen[0].text, QStringLiteral("to the first"));
        first.reset();
        // This thread still remembers the destroyed stagings' queues; a new one must not use them.
        LogStaging third(100);
        append(third, QStringLiteral("to the third"));
        QCOMPARE(takeOneBatch(third).size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestLogStaging)
#include "tst_logstaging.moc"
