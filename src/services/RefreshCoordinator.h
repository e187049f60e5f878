#pragma once

#include "services/StepReport.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>

namespace ba {

// How a step was started: the refresh id, whether the user forced it (F5), the reports of the steps
// it needs or wants that had come in, and which wanted steps had not reported by the deadline
// (their stored data is used instead).
struct StepStart
{
    QString id;
    bool force = false;
    QList<StepReport> inputs;
    QStringList overdue;
};

// One refresh = one correlation id ("r42"), run as a small dependency graph: every step without
// dependencies starts at once (prices and news together); a step starts when the steps it needs
// have reported, and stops waiting for the steps it only wants once their deadline has passed
// (the analysis needs the prices and wants the news for up to 5 s). A failed step still counts as
// reported: what depends on it runs on stored data. Logs the trigger, each step's outcome and the
// total. A newer refresh supersedes an older one: late reports of the old one are ignored.
class RefreshCoordinator : public QObject
{
    Q_OBJECT
public:
    enum class Trigger
    {
        StartUp,
        User,
        Timer,
        SelectionChange
    };

    // `start` must lead to exactly one reportStep() with this step's name per start.
    struct Step
    {
        QString name; // as in StepReport::step
        std::function<void(const ba::StepStart &)> start;
        QStringList needs; // starts only once these have reported, whatever their outcome
        QStringList wants; // and these too, unless wantsDeadlineMs have passed since the refresh began
        int wantsDeadlineMs = 0;
    };

    explicit RefreshCoordinator(QObject *parent = nullptr);
    void addStep(const Step &step);
    void reportStep(const ba::StepReport &report);

    // Returns the new correlation id.
    QString refresh(Trigger trigger, bool force = false);
    // Drops the current refresh (e.g. its selection was left): steps not started yet never start and
    // late reports are ignored. finished() is not emitted for it.
    void abandon(const QString &why);
    bool isRunning() const { return !m_running.isEmpty() || !m_waiting.isEmpty(); }
    QString currentId() const { return m_id; }
    static QString triggerName(Trigger trigger);

Q_SIGNALS:
    void started(const QString &id, ba::RefreshCoordinator::Trigger trigger);
    void stepStarted(const QString &id, const QString &step, const ba::StepStart &how);
    void stepFinished(const QString &id, const ba::StepReport &report);
    void progress(int done, int total);
    void finished(const QString &id, const QList<ba::StepReport> &reports, qint64 totalMs);

private:
    const Step *step(const QString &name) const;
    bool hasReported(const QString &name) const;
    void startReadySteps();
    void startStep(const Step &step);
    void finishIfDone(const QString &id);

    QList<Step> m_steps;
    bool m_force = false;
    bool m_finished = false;
    int m_counter = 0;
    QString m_id;
    QStringList m_waiting; // steps of the current refresh not started yet
    QStringList m_running; // started and not reported
    QList<StepReport> m_reports;
    QElapsedTimer m_elapsed;
    QTimer m_deadline; // fires when the next "wants" deadline passes
};

} // namespace ba

Q_DECLARE_METATYPE(ba::StepStart)
