#pragma once

#include "domain/FetchError.h"
#include "services/LatencyReservoir.h"
#include "services/SourceHealth.h"
#include "services/StepReport.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <algorithm>
#include <functional>

namespace ba {

class HttpClient;
class RateLimiter;
struct HttpResult;

// Per-source request metrics and health for the session: requests, errors, last latency, exact
// p50/p95 over a bounded reservoir, last success, last error (kind, message, URL, detail), rate
// budget and back-off. Fed by HttpClient (attach()), by whatever does not use it (recordOutcome(),
// e.g. the browser news scraper) and by refresh steps (recordStep()). GUI thread only.
class SourceMetrics : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>; // UTC wall clock; injectable for tests

    // The chart header calls hourly prices stale after 30 minutes (priceRange::staleAfterMs): the
    // health rows say so at the same moment.
    static constexpr qint64 DefaultStaleAfterMs = 30 * 60 * 1000;
    // With an auto-refresh slower than that, a source is stale only once two refreshes were missed.
    static qint64 staleAfterForRefresh(int refreshMinutes)
    {
        return std::max<qint64>(DefaultStaleAfterMs, 2LL * refreshMinutes * 60 * 1000);
    }
    static constexpr int ReevaluateIntervalMs = 15 * 1000;

    explicit SourceMetrics(QObject *parent = nullptr);
    SourceMetrics(Clock clock, QObject *parent = nullptr);
    ~SourceMetrics() override;

    void setStaleAfter(qint64 ms);
    qint64 staleAfterMs() const { return m_staleAfterMs; }

    // A row before the first request ("No data yet"); displayName defaults to sourceDisplayName().
    void addSource(const QString &source, const QString &displayName = QString());
    // Budget left and back-off countdown of this source come from the limiter (null to detach).
    void setRateLimiter(const QString &source, RateLimiter *limiter);
    // Which source a refresh step speaks for. Default: "prices" -> "coingecko". (The news step may
    // succeed through a feed while the browser is blocked: the browser row follows its own scrapes.)
    // An empty source unmaps the step.
    void setStepSource(const QString &step, const QString &source);

    // Connects HttpClient::requestCompleted (one record per request, with URL and error text).
    void attach(HttpClient *client);

    // Slot-compatible with HttpClient::requestFinished, for feeds that only have the kind.
    void recordRequest(const QString &source, qint64 latencyMs, bool ok, ba::FetchError::Kind kind);
    void recordResult(const QString &source, const ba::HttpResult &result);
    // One request-like outcome of anything (error.kind None = success); target names what was asked.
    void recordOutcome(const QString &source, qint64 latencyMs, const ba::FetchError &error,
                       const QUrl &target = QUrl());
    // The outcome of the step a source feeds decides the source's state from then on: a successful
    // step makes it OK (whatever an incidental request did), a failed one makes it failing with the
    // step's error (its more specific sentence replaces a request error of the same kind). Skipped
    // and cancelled steps change nothing.
    void recordStep(const ba::StepReport &report);

    QStringList sources() const { return m_order; } // in order of appearance
    SourceHealth health(const QString &source) const;
    QList<SourceHealth> snapshot() const;
    QDateTime now() const { return m_clock(); }

    // Re-checks every state against the clock (Stale happens with no event); on a timer, and for tests.
    void reevaluate();

Q_SIGNALS:
    void sourceAdded(const QString &source);
    void sourceChanged(const QString &source); // any figure of the source changed
    void stateChanged(const QString &source, ba::HealthState state);

private:
    static constexpr int MaxEndpoints = 12; // per source; the least recently used goes first

    struct Record
    {
        QString displayName;
        int requests = 0;
        int errors = 0;
        qint64 lastLatencyMs = -1;
        LatencyReservoir latencies;
        bool anyOutcome = false;
        bool lastOk = true;
        QDateTime lastSuccess;
        QDateTime lastAttempt;
        FetchError lastError;
        QDateTime lastErrorTime;
        QString lastErrorTarget;
        bool stepDriven = false; // a step has reported: its outcome is the state
        bool stepOk = true;
        QDateTime stepSuccess;
        QDateTime lastStep; // when a step last reported
        QList<EndpointHealth> endpoints;
        QPointer<RateLimiter> limiter;
        HealthState reported = HealthState::Unknown; // the state last announced by stateChanged
    };

    Record &record(const QString &source);
    static void recordEndpoint(Record &entry, const QString &target, const FetchError &error,
                               const QDateTime &now);
    void afterChange(const QString &source);
    HealthState stateOf(const Record &record, const QDateTime &now) const;
    SourceHealth makeHealth(const QString &source, const Record &record, const QDateTime &now) const;

    Clock m_clock;
    qint64 m_staleAfterMs = DefaultStaleAfterMs;
    QHash<QString, Record> m_records;
    QStringList m_order;
    QHash<QString, QString> m_stepSources;
    QTimer m_reevaluateTimer;
};

} // namespace ba
