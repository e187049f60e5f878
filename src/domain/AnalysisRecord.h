#pragma once

#include <QString>
#include <optional>

namespace ba {

// Which market an analysis is about: the coin, the quote currency and the chart range it read
// ("30d", PriceRange's key). Analyses are stored, reused, listed and compared per selection.
struct MarketSelection
{
    QString coinId;
    QString vsCurrency;
    QString rangeKey;

    bool isEmpty() const { return coinId.isEmpty(); }
    friend bool operator==(const MarketSelection &, const MarketSelection &) = default;
};

// One analysis run as stored (mirrors the `analyses` table). Empty `error` / `summaryJson` /
// `rangeKey` / `headlineState` are NULL.
struct AnalysisRecord
{
    // Where the headlines of the analysis came from (headline_state column).
    static constexpr QLatin1String HeadlinesFresh{"fresh"};   // the news step of this refresh ended first
    static constexpr QLatin1String HeadlinesStored{"stored"}; // the news step had nothing new to fetch
    static constexpr QLatin1String HeadlinesLate{"late"};     // news still loading at its deadline
    static constexpr QLatin1String HeadlinesFailed{"failed"}; // the news step failed

    qint64 id = 0; // assigned by AnalysisStore::insert()
    qint64 createdMs = 0;
    QString coinId;
    QString vsCurrency;
    QString rangeKey; // empty for analyses stored before ranges were told apart
    QString provider; // "gemini", "openai-compatible" or "local"
    QString model;
    QString inputHash; // MarketSummary::inputHash(): reuse an answer for the same market data
    QString prompt;
    QString response;
    qint64 latencyMs = 0;
    QString status; // e.g. "ok", "error", "blocked"
    std::optional<qint64> promptTokens;
    std::optional<qint64> outputTokens;
    QString error;
    QString summaryJson;
    QString headlineState; // one of the Headlines* values; empty when unknown

    MarketSelection selection() const { return {coinId, vsCurrency, rangeKey}; }
};

} // namespace ba
