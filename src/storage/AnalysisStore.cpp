#include "storage/AnalysisStore.h"

#include "storage/SqlValues.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.storage.analyses")
} // namespace

namespace ba {

namespace {

AnalysisRecord readRow(const QSqlQuery &query)
{
    AnalysisRecord record;
    record.id = query.value(0).toLongLong();
    record.createdMs = query.value(1).toLongLong();
    record.coinId = query.value(2).toString();
    record.vsCurrency = query.value(3).toString();
    record.provider = query.value(4).toString();
    record.model = query.value(5).toString();
    record.inputHash = query.value(6).toString();
    record.prompt = query.value(7).toString();
    record.response = query.value(8).toString();
    record.latencyMs = query.value(9).toLongLong();
    record.status = query.value(10).toString();
    record.promptTokens = sql::optionalInt64(query.value(11));
    record.outputTokens = sql::optionalInt64(query.value(12));
    record.error = query.value(13).toString();
    record.summaryJson = query.value(14).toString();
    record.rangeKey = query.value(15).toString();
    record.headlineState = query.value(16).toString();
    return record;
}

} // namespace

AnalysisStore::AnalysisStore(QSqlDatabase db) : m_db(std::move(db)) {}

qint64 AnalysisStore::insert(const AnalysisRecord &record)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO analyses (created_ms, coin_id, vs_currency, provider, model, "
                                 "input_hash, prompt, response, latency_ms, status, prompt_tokens,"
                                 " output_tokens, error, summary_json, range_key, headline_state)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.createdMs);
    for (const QString &value : {record.coinId, record.vsCurrency, record.provider}) {
        query.addBindValue(sql::text(value));
    }
    for (const QString &value : {record.model, record.inputHash, record.prompt, record.response}) {
        query.addBindValue(sql::text(value));
    }
    query.addBindValue(record.latencyMs);
    query.addBindValue(sql::text(record.status));
    query.addBindValue(sql::nullable(record.promptTokens));
    query.addBindValue(sql::nullable(record.outputTokens));
    query.addBindValue(sql::nullableText(record.error));
    query.addBindValue(sql::nullableText(record.summaryJson));
    query.addBindValue(sql::nullableText(record.rangeKey));
    query.addBindValue(sql::nullableText(record.headlineState));
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("storing the analysis failed: ") + m_lastError;
        return 0;
    }
    m_lastError.clear();
    const qint64 id = query.lastInsertId().toLongLong();
    qCInfo(lc).noquote() << QStringLiteral("stored analysis %1 of %2/%3 %4 (%5, %6, %7)")
                                .arg(QString::number(id), record.coinId, record.vsCurrency, record.rangeKey,
                                     record.provider, record.model, record.status);
    return id;
}

QList<AnalysisRecord> AnalysisStore::list(int limit) const
{
    return select(QStringLiteral("ORDER BY created_ms DESC, id DESC LIMIT ?"), {limit > 0 ? limit : -1});
}

std::optional<AnalysisRecord> AnalysisStore::byId(qint64 id) const
{
    const QList<AnalysisRecord> found = select(QStringLiteral("WHERE id = ?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<AnalysisRecord>(found.constFirst());
}

std::optional<AnalysisRecord> AnalysisStore::latestByInputHash(const QString &inputHash) const
{
    const QList<AnalysisRecord> found =
        select(QStringLiteral("WHERE input_hash = ? ORDER BY created_ms DESC, id DESC LIMIT 1"), {inputHash});
    return found.isEmpty() ? std::nullopt : std::optional<AnalysisRecord>(found.constFirst());
}

std::optional<AnalysisRecord> AnalysisStore::latestFor(const MarketSelection &selection) const
{
    const QList<AnalysisRecord> found =
        select(QStringLiteral("WHERE coin_id = ? AND vs_currency = ? AND range_key = ?"
                              " ORDER BY created_ms DESC, id DESC LIMIT 1"),
               {selection.coinId, selection.vsCurrency, selection.rangeKey});
    return found.isEmpty() ? std::nullopt : std::optional<AnalysisRecord>(found.constFirst());
}

// `whereAndOrder` is always one of the constants above; every value is bound.
QList<AnalysisRecord> AnalysisStore::select(const QString &whereAndOrder, const QVariantList &values) const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral(
            "SELECT id, created_ms, coin_id, vs_currency, provider, model, input_hash, prompt,"
            " response, latency_ms, status, prompt_tokens, output_tokens, error, summary_json, range_key,"
            " headline_state"
            " FROM analyses ") +
        whereAndOrder);
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    QList<AnalysisRecord> result;
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        qCWarning(lc).noquote() << QStringLiteral("reading analyses failed: ") + m_lastError;
        return result;
    }
    m_lastError.clear();
    while (query.next()) {
        result.append(readRow(query));
    }
    return result;
}

} // namespace ba
