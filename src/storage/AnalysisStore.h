#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <optional>

namespace ba {

// One analysis run as stored (mirrors the `analyses` table). Empty `error` / `summaryJson` are NULL.
struct AnalysisRecord
{
    qint64 id = 0; // assigned by insert()
    qint64 createdMs = 0;
    QString coinId;
    QString vsCurrency;
    QString provider; // "gemini" or "local"
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

// History of analyses (Gemini or local), newest first.
class AnalysisStore
{
public:
    explicit AnalysisStore(QSqlDatabase db);

    // Returns the new row id, or 0 on failure (see lastError()). record.id is ignored.
    qint64 insert(const AnalysisRecord &record);

    // Newest first (created_ms, then id); limit <= 0 means all.
    QList<AnalysisRecord> list(int limit = 100) const;
    std::optional<AnalysisRecord> byId(qint64 id) const;
    // The most recent record for this input, whatever its status (the caller decides whether to reuse it).
    std::optional<AnalysisRecord> latestByInputHash(const QString &inputHash) const;

    QString lastError() const { return m_lastError; }

private:
    QList<AnalysisRecord> select(const QString &whereAndOrder, const QVariantList &values) const;

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace ba
