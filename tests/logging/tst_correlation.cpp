#include "logging/Correlation.h"

#include <QTest>
#include <thread>

class TestCorrelation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void currentCorrelationId_outsideAnyScope_isEmpty() { QVERIFY(ba::currentCorrelationId().isEmpty()); }

    void scope_nested_restoresPreviousIdOnExit()
    {
        {
            const ba::CorrelationScope outer(QStringLiteral("r1"));
            QCOMPARE(ba::currentCorrelationId(), QStringLiteral("r1"));
            {
                const ba::CorrelationScope inner(QStringLiteral("r2"));
                QCOMPARE(ba::currentCorrelationId(), QStringLiteral("r2"));
            }
            QCOMPARE(ba::currentCorrelationId(), QStringLiteral("r1"));
        }
        QVERIFY(ba::currentCorrelationId().isEmpty());
    }

    void scope_onOtherThread_isNotVisibleHere()
    {
        const ba::CorrelationScope mine(QStringLiteral("r7"));
        QString seenOnOtherThreadBefore;
        QString seenOnOtherThreadInside;
        std::thread other([&] {
            seenOnOtherThreadBefore = ba::currentCorrelationId();
            const ba::CorrelationScope theirs(QStringLiteral("r8"));
            seenOnOtherThreadInside = ba::currentCorrelationId();
        });
        other.join();
        QVERIFY(seenOnOtherThreadBefore.isEmpty());
        QCOMPARE(seenOnOtherThreadInside, QStringLiteral("r8"));
        QCOMPARE(ba::currentCorrelationId(), QStringLiteral("r7"));
    }
};

QTEST_GUILESS_MAIN(TestCorrelation)
#include "tst_correlation.moc"
