#pragma once

#include "services/StepReport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace ba {

class PriceService;

// One refresh = one correlation id ("r42"). Starts the steps concurrently, collects their reports,
// logs the trigger, each step's outcome and the total time. A newer refresh supersedes an older one.
class RefreshCoordinator : public QObject
{
    Q_OBJECT
public:
    enum class Trigger { StartUp, User, Timer, SelectionChange };

    explicit RefreshCoordinator(PriceService *prices, QObject *parent = nullptr);

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
    void onStepFinished(const StepReport &report);

    QPointer<PriceService> m_prices;
    int m_counter = 0;
    QString m_id;
    QStringList m_running; // steps still running in the current refresh
    QList<StepReport> m_reports;
    int m_total = 0;
    QElapsedTimer m_elapsed;
};

} // namespace ba
