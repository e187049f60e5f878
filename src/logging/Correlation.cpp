#include "logging/Correlation.h"

namespace ba {

namespace {
// Per thread: concurrent refreshes on worker threads never see each other's id.
thread_local QString t_correlationId;
} // namespace

QString currentCorrelationId()
{
    return t_correlationId;
}

CorrelationScope::CorrelationScope(const QString &id) : m_previous(t_correlationId)
{
    t_correlationId = id;
}

CorrelationScope::~CorrelationScope()
{
    t_correlationId = m_previous;
}

} // namespace ba
