#include "services/SourceMetrics.h"

#include "domain/SourceIds.h"
#include "logging/Redactor.h"
#include "net/HttpClient.h"
#include "net/HttpTypes.h"
#include "net/RateLimiter.h"

#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.metrics")
} // namespace

namespace ba {

namespace {

// What the health row names: scheme, host, port and path. The query is left out (it may hold a key,
// and it is in the log line anyway); the pattern redaction is a second guard.
QString targetText(const QUrl &url)
{
    if (url.isEmpty()) {
        return QString();
    }
    const QUrl bare = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    return Redactor::redactPatterns(bare.toDisplayString());
}

// Log lines stay English whatever the UI language.
const char *logName(HealthState state)
{
    switch (state) {
    case HealthState::Unknown:
        return "unknown";
    case HealthState::Ok:
        return "OK";
    case HealthState::Stale:
        return "stale";
    case HealthState::Failing:
        return "failing";
    case HealthState::Blocked:
        return "blocked";
    }
    return "unknown";
}

FetchError masked(FetchError error)
{
    error.userMessage = Redactor::redactPatterns(error.userMessage);
    error.detail = Redactor::redactPatterns(error.detail);
    return error;
}

} // namespace

SourceMetrics::SourceMetrics(QObject *parent)
    : SourceMetrics([] { return QDateTime::currentDateTimeUtc(); }, parent)
{}

SourceMetrics::SourceMetrics(Clock clock, QObject *parent) : QObject(parent), m_clock(std::move(clock))
{
    qRegisterMetaType<ba::HealthState>();
    qRegisterMetaType<ba::SourceHealth>();
    m_stepSources.insert(QStringLiteral("prices"), SourceIds::CoinGecko);
    m_reevaluateTimer.setInterval(ReevaluateIntervalMs);
    connect(&m_reevaluateTimer, &QTimer::timeout, this, &SourceMetrics::reevaluate);
    m_reevaluateTimer.start();
}

SourceMetrics::~SourceMetrics() = default;

void SourceMetrics::setStaleAfter(qint64 ms)
{
    m_staleAfterMs = std::max<qint64>(1, ms);
    reevaluate();
}

void SourceMetrics::addSource(const QString &source, const QString &displayName)
{
    Record &entry = record(source);
    if (!displayName.isEmpty() && entry.displayName != displayName) {
        entry.displayName = displayName;
        Q_EMIT sourceChanged(source);
    }
}

void SourceMetrics::setRateLimiter(const QString &source, RateLimiter *limiter)
{
    Record &entry = record(source);
    if (entry.limiter == limiter) {
        return;
    }
    if (entry.limiter) {
        disconnect(entry.limiter, nullptr, this, nullptr);
    }
    entry.limiter = limiter;
    if (limiter) {
        // The queue moving is when the budget and the back-off change.
        connect(limiter, &RateLimiter::queueChanged, this, [this, source] { Q_EMIT sourceChanged(source); });
    }
    Q_EMIT sourceChanged(source);
}

void SourceMetrics::setStepSource(const QString &step, const QString &source)
{
    if (source.isEmpty()) {
        m_stepSources.remove(step);
    } else {
        m_stepSources.insert(step, source);
    }
}

void SourceMetrics::attach(HttpClient *client)
{
    connect(client, &HttpClient::requestCompleted, this, &SourceMetrics::recordResult);
}

void SourceMetrics::recordRequest(const QString &source, qint64 latencyMs, bool ok, FetchError::Kind kind)
{
    FetchError error;
    error.kind = ok ? FetchError::Kind::None : kind;
    recordOutcome(source, latencyMs, error);
}

void SourceMetrics::recordResult(const QString &source, const HttpResult &result)
{
    recordOutcome(source, result.latencyMs, result.error, result.url);
}

void SourceMetrics::recordOutcome(const QString &source, qint64 latencyMs, const FetchError &error,
                                  const QUrl &target)
{
    if (source.isEmpty() || error.kind == FetchError::Kind::Cancelled) {
        return; // a superseded refresh or a closing app says nothing about the source
    }
    const QDateTime now = m_clock();
    Record &entry = record(source);
    ++entry.requests;
    entry.anyOutcome = true;
    entry.lastAttempt = now;
    entry.lastLatencyMs = std::max<qint64>(0, latencyMs);
    entry.latencies.add(entry.lastLatencyMs);
    entry.lastOk = !error.isError();
    if (entry.lastOk) {
        entry.lastSuccess = now;
    } else {
        ++entry.errors;
        entry.lastError = masked(error);
        entry.lastErrorTime = now;
        entry.lastErrorTarget = targetText(target);
    }
    if (!target.isEmpty()) {
        recordEndpoint(entry, targetText(target), masked(error), now);
    }
    afterChange(source);
}

void SourceMetrics::recordEndpoint(Record &entry, const QString &target, const FetchError &error,
                                   const QDateTime &now)
{
    auto it = std::find_if(entry.endpoints.begin(), entry.endpoints.end(),
                           [&](const EndpointHealth &e) { return e.target == target; });
    EndpointHealth endpoint;
    if (it != entry.endpoints.end()) {
        endpoint = *it;
        entry.endpoints.erase(it);
    }
    endpoint.target = target;
    ++endpoint.requests;
    if (error.isError()) {
        endpoint.lastError = error;
        endpoint.lastErrorTime = now;
    } else {
        endpoint.lastSuccess = now;
    }
    entry.endpoints.append(endpoint); // most recently used last
    if (entry.endpoints.size() > MaxEndpoints) {
        entry.endpoints.removeFirst();
    }
}

void SourceMetrics::recordStep(const StepReport &report)
{
    const QString source = m_stepSources.value(report.step);
    if (source.isEmpty() || report.skipped || report.error.kind == FetchError::Kind::Cancelled ||
        (!report.ok && !report.error.isError())) {
        return;
    }
    Record &entry = record(source);
    const QDateTime previousStep = entry.lastStep;
    entry.anyOutcome = true;
    entry.stepDriven = true;
    entry.stepOk = report.ok;
    entry.lastStep = m_clock();
    if (report.ok) {
        entry.stepSuccess = entry.lastStep;
        afterChange(source);
        return;
    }
    const FetchError error = masked(report.error);
    const bool toldByARequest = entry.lastError.kind == error.kind && entry.lastErrorTime.isValid() &&
                                (!previousStep.isValid() || entry.lastErrorTime >= previousStep);
    if (toldByARequest) {
        // A request of this step failed that way (and was counted); the step's sentence is the
        // more specific one.
        if (!error.userMessage.isEmpty()) {
            entry.lastError.userMessage = error.userMessage;
        }
    } else {
        // The requests went through but the step failed (e.g. HTTP 200 with a body it could not use).
        ++entry.errors;
        entry.lastError = error;
        entry.lastErrorTime = m_clock();
        entry.lastErrorTarget.clear();
    }
    afterChange(source);
}

SourceHealth SourceMetrics::health(const QString &source) const
{
    const auto it = m_records.constFind(source);
    if (it == m_records.constEnd()) {
        SourceHealth none;
        none.source = source;
        none.displayName = sourceDisplayName(source);
        none.at = m_clock();
        return none;
    }
    return makeHealth(source, *it, m_clock());
}

QList<SourceHealth> SourceMetrics::snapshot() const
{
    const QDateTime now = m_clock();
    QList<SourceHealth> rows;
    rows.reserve(m_order.size());
    for (const QString &source : m_order) {
        rows.append(makeHealth(source, m_records.value(source), now));
    }
    return rows;
}

void SourceMetrics::reevaluate()
{
    const QDateTime now = m_clock();
    for (const QString &source : std::as_const(m_order)) {
        Record &entry = m_records[source];
        const HealthState state = stateOf(entry, now);
        if (state != entry.reported) {
            entry.reported = state;
            qCInfo(lc).noquote() << "Health of" << source << "is now" << logName(state);
            Q_EMIT stateChanged(source, state);
            Q_EMIT sourceChanged(source);
        }
    }
}

SourceMetrics::Record &SourceMetrics::record(const QString &source)
{
    auto it = m_records.find(source);
    if (it != m_records.end()) {
        return *it;
    }
    Record fresh;
    fresh.displayName = sourceDisplayName(source);
    it = m_records.insert(source, fresh);
    m_order.append(source);
    Q_EMIT sourceAdded(source);
    return *it;
}

void SourceMetrics::afterChange(const QString &source)
{
    Q_EMIT sourceChanged(source);
    Record &entry = m_records[source];
    const HealthState state = stateOf(entry, m_clock());
    if (state != entry.reported) {
        entry.reported = state;
        if (state == HealthState::Failing || state == HealthState::Blocked) {
            qCWarning(lc).noquote() << "Health of" << source << "is now" << logName(state) << "-"
                                    << FetchError::kindName(entry.lastError.kind) << entry.lastErrorTarget;
        } else {
            qCInfo(lc).noquote() << "Health of" << source << "is now" << logName(state);
        }
        Q_EMIT stateChanged(source, state);
    }
}

HealthState SourceMetrics::stateOf(const Record &entry, const QDateTime &now) const
{
    if (entry.stepDriven) {
        return evaluateHealth(true, entry.stepOk, entry.lastError.kind, entry.stepSuccess, now,
                              m_staleAfterMs);
    }
    return evaluateHealth(entry.anyOutcome, entry.lastOk, entry.lastError.kind, entry.lastSuccess, now,
                          m_staleAfterMs);
}

SourceHealth SourceMetrics::makeHealth(const QString &source, const Record &entry, const QDateTime &now) const
{
    SourceHealth row;
    row.source = source;
    row.displayName = entry.displayName;
    row.at = now;
    row.state = stateOf(entry, now);
    row.requests = entry.requests;
    row.errors = entry.errors;
    row.lastLatencyMs = entry.lastLatencyMs;
    row.p50Ms = entry.latencies.percentile(50);
    row.p95Ms = entry.latencies.percentile(95);
    row.lastSuccess = entry.stepDriven ? entry.stepSuccess : entry.lastSuccess;
    row.endpoints = entry.endpoints;
    row.lastAttempt = entry.lastAttempt;
    row.lastError = entry.lastError;
    row.lastErrorTime = entry.lastErrorTime;
    row.lastErrorTarget = entry.lastErrorTarget;
    if (entry.limiter) {
        const RateLimiter::Budget budget = entry.limiter->budget();
        row.budgetTotal = budget.requests > 0 ? budget.requests : -1;
        row.budgetLeft = entry.limiter->slotsLeft();
        row.backoffMs = entry.limiter->msUntilNextSlot();
    }
    // A server's Retry-After counts until it has passed, unless a later request went through.
    if (!entry.lastOk && !(entry.stepDriven && entry.stepOk) &&
        entry.lastError.kind == FetchError::Kind::RateLimited && entry.lastError.retryAfterSeconds > 0) {
        const qint64 until = entry.lastErrorTime.msecsTo(now);
        row.backoffMs = std::max(row.backoffMs, entry.lastError.retryAfterSeconds * 1000LL - until);
    }
    return row;
}

} // namespace ba
