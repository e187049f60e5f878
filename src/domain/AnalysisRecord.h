#pragma once

#include <QString>
#include <optional>

namespace ba {

// One analysis run as stored (mirrors the `analyses` table). Empty `error` / `summaryJson` are NULL.
struct AnalysisRecord
{
    qint64 id = 0; // assigned by AnalysisStore::insert()
    qint64 createdMs = 0;
    QString coinId;
    QString vsCurrency;
    QString provider; // "gemini", "openai-compatible" or "local"
    QString model;
    QString inputHash; // hash of the indicator input, to reuse a recent answer for the same data
    QString prompt;
    QString response;
    qint64 latencyMs = 0;
    QString status; // e.g. "ok", "error", "blocked"
    std::optional<qint64> promptTokens;
    std::optional<qint64> outputTokens;
    QString error;
    QString summaryJson;
};

} // namespace ba
