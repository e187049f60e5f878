#pragma once

#include "domain/AnalysisRecord.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <optional>

namespace ba {

// History of analyses (Gemini or local) of every coin, currency and range, newest first.
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
    // The most recent record of this coin, currency and range, whatever its status.
    std::optional<AnalysisRecord> latestFor(const MarketSelection &selection) const;

    QString lastError() const { return m_lastError; }

private:
    QList<AnalysisRecord> select(const QString &whereAndOrder, const QVariantList &values) const;

    QSqlDatabase m_db;
    mutable QString m_lastError;
};

} // namespace ba
