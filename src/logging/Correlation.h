#pragma once

#include <QString>

namespace ba {

// The correlation id of the work running on this thread ("r42"), empty outside a refresh.
// Asynchronous code carries the id with its request and re-enters a scope in its callbacks.
QString currentCorrelationId();

class CorrelationScope
{
public:
    explicit CorrelationScope(const QString &id);
    ~CorrelationScope();
    CorrelationScope(const CorrelationScope &) = delete;
    CorrelationScope &operator=(const CorrelationScope &) = delete;

private:
    QString m_previous;
};

} // namespace ba
