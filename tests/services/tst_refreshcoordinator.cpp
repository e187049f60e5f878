#include "services/RefreshCoordinator.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace ba;

namespace {

// A step that records each start and reports only when the test says so, as the real services do:
// a new start replaces the previous one, whose report never comes.
struct FakeStep
{
    QString name;
    QList<StepStart> starts;
    QElapsedTimer sinceRefresh;
    qint64 startedAfterMs = -1;
};

StepReport report(const QString &step, bool ok = true)
{
    StepReport r;
    r.step = step;
    r.ok = ok;
    if (!ok) {
        r.error.kind = FetchError::Kind::Timeout;
        r.error.userMessage = QStringLiteral("%1 did not answer in time").arg(step);
    }
    return r;
}

QStringList stepNames(const QList<StepReport> &reports)
{
    QStringList names;
    for (const StepReport &r : reports) {
        names << r.step;
    }
    return names;
}

} // namespace

// The refresh as a dependency graph, with fake steps: prices and news start together, the analysis
// needs the prices and wants the news until a deadline; a newer refresh supersedes an older one.
class TestRefreshCoordinator : public QObject
{
    Q_OBJECT

    std::unique_ptr<RefreshCoordinator> owned;
    FakeStep prices{StepNames::Prices, {}, {}, -1};
    FakeStep news{StepNames::News, {}, {}, -1};
    FakeStep analysis{StepNames::Analysis, {}, {}, -1};
    QElapsedTimer clock;

    RefreshCoordinator &coordinatorRef() { return *owned; }

    void add(FakeStep &step, const QStringList &needs = {}, const QStringList &wants = {}, int deadlineMs = 0)
    {
        owned->addStep({step.name,
                        [this, &step](const StepStart &how) {
                            step.starts.append(how);
                            step.startedAfterMs = clock.elapsed();
                        },
                        needs, wants, deadlineMs});
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<StepReport>();
        qRegisterMetaType<StepStart>();
    }

    // A fresh coordinator with the app's graph: prices and news alone, the analysis after the prices
    // and, for up to 5 s, the news.
    void init()
    {
        clock.start();
        for (FakeStep *step : {&prices, &news, &analysis}) {
            step->starts.clear();
            step->startedAfterMs = -1;
        }
        owned = std::make_unique<RefreshCoordinator>();
        add(prices);
        add(news);
        add(analysis, {StepNames::Prices}, {StepNames::News}, 5000);
    }

    void cleanup() { owned.reset(); }

    void ordering_pricesAndNewsTogether_analysisAfterBoth();
    void ordering_failedPrices_stillStartsTheAnalysisWithTheFailure();
    void deadline_newsLate_analysisStartsWithoutIt_andTheRefreshWaitsForNews();
    void deadline_newsOnTime_noOverdue();
    void supersede_newRefresh_ignoresTheOldOnesReportsAndSteps();
    void abandon_startsNothingMoreAndNeverFinishes();
    void synchronousReports_finishOnce();
    void dependencyOnAStepNotRun_countsAsMet();
};

void TestRefreshCoordinator::ordering_pricesAndNewsTogether_analysisAfterBoth()
{
    RefreshCoordinator &coordinator = coordinatorRef();
    QSignalSpy finished(&coordinator, &RefreshCoordinator::finished);
    QSignalSpy progress(&coordinator, &RefreshCoordinator::progress);

    const QString id = coordinator.refresh(RefreshCoordinator::Trigger::User, true);
    QCOMPARE(prices.starts.size(), 1);
    QCOMPARE(news.starts.size(), 1);
    QCOMPARE(analysis.starts.size(), 0);
    QCOMPARE(prices.starts.constFirst().id, id);
    QVERIFY(prices.starts.constFirst().force);

    coordinator.reportStep(report(StepNames::Prices));
    QCOMPARE(analysis.starts.size(), 0); // still wants the news
    coordinator.reportStep(report(StepNames::News));
    QCOMPARE(analysis.starts.size(), 1);
    const StepStart how = analysis.starts.constFirst();
    QCOMPARE(how.id, id);
    QVERIFY(how.overdue.isEmpty());
    QCOMPARE(stepNames(how.inputs), (QStringList{StepNames::Prices, StepNames::News}));

    QVERIFY(finished.isEmpty());
    coordinator.reportStep(report(StepNames::Analysis));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(0).toString(), id);
    QCOMPARE(stepNames(finished.constFirst().at(1).value<QList<StepReport>>()),
             (QStringList{StepNames::Prices, StepNames::News, StepNames::Analysis}));
    QCOMPARE(progress.constLast().at(0).toInt(), 3);
    QCOMPARE(progress.constLast().at(1).toInt(), 3);
}

void TestRefreshCoordinator::ordering_failedPrices_stillStartsTheAnalysisWithTheFailure()
{
    RefreshCoordinator &coordinator = coordinatorRef();
    QSignalSpy finished(&coordinator, &RefreshCoordinator::finished);
    coordinator.refresh(RefreshCoordinator::Trigger::Timer);
    coordinator.reportStep(report(StepNames::News));
    coordinator.reportStep(report(StepNames::Prices, false));
    QCOMPARE(analysis.starts.size(), 1);
    const QList<StepReport> inputs = analysis.starts.constFirst().inputs;
    QCOMPARE(inputs.size(), 2);
    QVERIFY(!inputs.at(1).ok);
    QCOMPARE(inputs.at(1).error.kind, FetchError::Kind::Timeout);
    coordinator.reportStep(report(StepNames::Analysis));
    QCOMPARE(finished.size(), 1);
    const QList<StepReport> reports = finished.constFirst().at(1).value<QList<StepReport>>();
    QVERIFY(!reports.at(1).ok);
}

void TestRefreshCoordinator::deadline_newsLate_analysisStartsWithoutIt_andTheRefreshWaitsForNews()
{
    // The shipped deadline is 5 s; the graph is the same with a short one.
    RefreshCoordinator quick;
    FakeStep slowNews{StepNames::News, {}, {}, -1};
    FakeStep late{StepNames::Analysis, {}, {}, -1};
    QElapsedTimer started;
    quick.addStep({StepNames::Prices, [](const StepStart &) {}, {}, {}, 0});
    quick.addStep({StepNames::News, [&](const StepStart &how) { slowNews.starts.append(how); }, {}, {}, 0});
    quick.addStep({StepNames::Analysis,
                   [&](const StepStart &how) {
                       late.starts.append(how);
                       late.startedAfterMs = started.elapsed();
                   },
                   {StepNames::Prices},
                   {StepNames::News},
                   300});
    QSignalSpy stepStarted(&quick, &RefreshCoordinator::stepStarted);
    QSignalSpy finished(&quick, &RefreshCoordinator::finished);
    started.start();
    quick.refresh(RefreshCoordinator::Trigger::StartUp);
    quick.reportStep(report(StepNames::Prices));
    QCOMPARE(late.starts.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(late.starts.size(), 1, 5000);
    QVERIFY2(late.startedAfterMs >= 300, qPrintable(QString::number(late.startedAfterMs)));
    QCOMPARE(late.starts.constFirst().overdue, QStringList{StepNames::News});
    QCOMPARE(stepStarted.constLast().at(1).toString(), StepNames::Analysis);

    quick.reportStep(report(StepNames::Analysis));
    QVERIFY(finished.isEmpty()); // the news still counts
    quick.reportStep(report(StepNames::News));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(late.starts.size(), 1);
}

void TestRefreshCoordinator::deadline_newsOnTime_noOverdue()
{
    RefreshCoordinator &coordinator = coordinatorRef();
    QSignalSpy finished(&coordinator, &RefreshCoordinator::finished);
    coordinator.refresh(RefreshCoordinator::Trigger::User);
    coordinator.reportStep(report(StepNames::News));
    coordinator.reportStep(report(StepNames::Prices));
    QCOMPARE(analysis.starts.size(), 1);
    QVERIFY(analysis.starts.constFirst().overdue.isEmpty());
    coordinator.reportStep(report(StepNames::Analysis));
    QCOMPARE(finished.size(), 1);
}

void TestRefreshCoordinator::supersede_newRefresh_ignoresTheOldOnesReportsAndSteps()
{
    RefreshCoordinator &coordinator = coordinatorRef();
    QSignalSpy finished(&coordinator, &RefreshCoordinator::finished);
    const QString first = coordinator.refresh(RefreshCoordinator::Trigger::Timer);
    coordinator.reportStep(report(StepNames::Prices));
    QVERIFY(coordinator.isRunning());
    const QString second = coordinator.refresh(RefreshCoordinator::Trigger::User, true);
    QVERIFY(first != second);
    QCOMPARE(prices.starts.size(), 2);
    QCOMPARE(prices.starts.at(1).id, second);

    // The old refresh's news would have let its analysis start; it belongs to nobody now.
    coordinator.reportStep(report(StepNames::Analysis)); // not started in this refresh: ignored
    coordinator.reportStep(report(StepNames::News));
    QCOMPARE(analysis.starts.size(), 0); // the new refresh's prices have not reported
    coordinator.reportStep(report(StepNames::Prices));
    QCOMPARE(analysis.starts.size(), 1);
    QCOMPARE(analysis.starts.constFirst().id, second);
    coordinator.reportStep(report(StepNames::Analysis));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(0).toString(), second);
    QCOMPARE(finished.constFirst().at(1).value<QList<StepReport>>().size(), 3);
}

void TestRefreshCoordinator::abandon_startsNothingMoreAndNeverFinishes()
{
    RefreshCoordinator &coordinator = coordinatorRef();
    QSignalSpy finished(&coordinator, &RefreshCoordinator::finished);
    coordinator.refresh(RefreshCoordinator::Trigger::SelectionChange);
    coordinator.abandon(QStringLiteral("the selection changed"));
    QVERIFY(!coordinator.isRunning());
    coordinator.reportStep(report(StepNames::Prices));
    coordinator.reportStep(report(StepNames::News));
    QCOMPARE(analysis.starts.size(), 0);
    QVERIFY(!finished.wait(200));
}

void TestRefreshCoordinator::synchronousReports_finishOnce()
{
    RefreshCoordinator immediate;
    for (const QString &name : {StepNames::Prices, StepNames::News}) {
        immediate.addStep(
            {name, [&immediate, name](const StepStart &) { immediate.reportStep(report(name)); }, {}, {}, 0});
    }
    immediate.addStep({StepNames::Analysis,
                       [&immediate](const StepStart &) { immediate.reportStep(report(StepNames::Analysis)); },
                       {StepNames::Prices},
                       {StepNames::News},
                       5000});
    QSignalSpy finished(&immediate, &RefreshCoordinator::finished);
    immediate.refresh(RefreshCoordinator::Trigger::StartUp);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.constFirst().at(1).value<QList<StepReport>>().size(), 3);
    QVERIFY(!immediate.isRunning());

    RefreshCoordinator empty;
    QSignalSpy emptyFinished(&empty, &RefreshCoordinator::finished);
    empty.refresh(RefreshCoordinator::Trigger::User);
    QCOMPARE(emptyFinished.size(), 1);
}

void TestRefreshCoordinator::dependencyOnAStepNotRun_countsAsMet()
{
    // Without a news step (a pipeline built without news) the analysis does not wait for one.
    RefreshCoordinator noNews;
    int analyses = 0;
    noNews.addStep({StepNames::Prices, [](const StepStart &) {}, {}, {}, 0});
    noNews.addStep({StepNames::Analysis,
                    [&](const StepStart &how) {
                        ++analyses;
                        QVERIFY(how.overdue.isEmpty());
                    },
                    {StepNames::Prices},
                    {StepNames::News},
                    5000});
    noNews.refresh(RefreshCoordinator::Trigger::User);
    noNews.reportStep(report(StepNames::Prices));
    QCOMPARE(analyses, 1);
}

QTEST_GUILESS_MAIN(TestRefreshCoordinator)
#include "tst_refreshcoordinator.moc"
