#pragma once

#include "services/StepReport.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

namespace ba {

class PriceService;

// One refresh = one correlation id ("r42"). Starts the steps concurrently (a step may wait for the
// prices), collects their reports, logs the trigger, each step's outcome and the total time.
// A newer refresh supersedes an older one: late reports of the old one are ignored.
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

    // A step other than prices: `start` is called with the refresh id; the step must end with
    // reportStep() exactly once per start.
    struct Step
    {
        QString name; // as in StepReport::step
        std::function<void(const QString &id, bool force)> start;
        bool afterPrices = false; // starts when the price step has reported
    };

    explicit RefreshCoordinator(PriceService *prices, QObject *parent = nullptr);
    void addStep(const Step &step);
    void reportStep(const ba::StepReport &report);

    // Returns the new correlation id.
    QString refresh(Trigger trigger, bool force = false);
    bool isRunning() const { return !m_running.isEmpty(); }
    QString currentId() const { return m_id; }
    static QString triggerName(Trigger trigger);

Q_SIGNALS:
    void started(const QString &id, ba::RefreshCoordinator::Trigger trigger);
    void stepFinished(const QString &id, const ba::StepReport &report);
    void progress(int done, int total);
    void finished(const QString &id, const QList<ba::StepReport> &reports, qint64 totalMs);

private:
    void startSteps(bool afterPrices);

    QPointer<PriceService> m_prices;
    QList<Step> m_steps;
    bool m_force = false;
    int m_counter = 0;
    QString m_id;
    QStringList m_running; // steps still running in the current refresh
    QList<StepReport> m_reports;
    int m_total = 0;
    QElapsedTimer m_elapsed;
};

} // namespace ba
