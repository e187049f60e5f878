#include "services/NewsSiteBackoff.h"

#include <QTest>

using ba::NewsSiteBackoff;

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;
}

// How long a news site that blocked the hidden browser is left alone.
class TestNewsSiteBackoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordBlocked_first_pausesThirtyMinutes()
    {
        NewsSiteBackoff backoff;
        const auto pause = backoff.recordBlocked(QStringLiteral("site"), QStringLiteral("a bot check"), 1000);
        QCOMPARE(pause.untilMs, 1000 + 30 * kMinuteMs);
        QCOMPARE(pause.reason, QStringLiteral("a bot check"));
        QVERIFY(backoff.activePause(QStringLiteral("site"), 1000 + 30 * kMinuteMs - 1));
        QVERIFY(!backoff.activePause(QStringLiteral("site"), 1000 + 30 * kMinuteMs));
        QVERIFY(!backoff.activePause(QStringLiteral("other"), 1000));
    }

    void recordBlocked_inARow_doublesUpToEightHours()
    {
        NewsSiteBackoff backoff;
        qint64 now = 0;
        QList<qint64> lengths;
        for (int i = 0; i < 7; ++i) {
            const auto pause = backoff.recordBlocked(QStringLiteral("site"), QString(), now);
            lengths << pause.lengthMs / kMinuteMs;
            now = pause.untilMs;
        }
        QCOMPARE(lengths, (QList<qint64>{30, 60, 120, 240, 480, 480, 480}));
    }

    void recordSuccess_forgetsTheBlocks()
    {
        NewsSiteBackoff backoff;
        backoff.recordBlocked(QStringLiteral("site"), QString(), 0);
        backoff.recordBlocked(QStringLiteral("site"), QString(), 0);
        backoff.recordSuccess(QStringLiteral("site"));
        QVERIFY(!backoff.activePause(QStringLiteral("site"), 0));
        QCOMPARE(backoff.recordBlocked(QStringLiteral("site"), QString(), 0).lengthMs, 30 * kMinuteMs);
    }
};

QTEST_GUILESS_MAIN(TestNewsSiteBackoff)
#include "tst_newssitebackoff.moc"
