#pragma once

#include "domain/AnalysisRecord.h"
#include "services/MarketSummary.h"

#include <QLocale>
#include <QString>

namespace ba {

// The "Since the previous analysis" line: price change, RSI change and trend change between two
// summaries, e.g. "Since the previous analysis (2026-11-29 08:00 UTC): price +1.20 % (63,400.00 →
// 64,160.80), RSI 48.1 → 55.3, trend Sideways → Uptrend." Translated (context "AnalysisComparison").
QString describeChangeSince(const MarketSummary &previous, const MarketSummary &current,
                            const QLocale &locale = QLocale());

// Same, from stored records (their summaryJson). Empty when either summary is missing or unreadable,
// or when they are about different selections (coin, currency or range).
QString describeChangeSince(const AnalysisRecord &previous, const AnalysisRecord &current,
                            const QLocale &locale = QLocale());

// The newest record in `newestFirst` that is older than `record` (created earlier, or same time and
// smaller id) for the same selection: coin, currency and range.
std::optional<AnalysisRecord> previousAnalysis(const QList<AnalysisRecord> &newestFirst,
                                               const AnalysisRecord &record);

} // namespace ba
