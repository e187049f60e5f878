#include "services/AnalysisComparison.h"

#include "services/SummaryFormat.h"

#include <QCoreApplication>
#include <QStringList>

namespace ba {

namespace {

QString pricePart(const MarketSummary &previous, const MarketSummary &current, const QLocale &locale)
{
    if (previous.lastPrice <= 0.0 || current.lastPrice <= 0.0) {
        return {};
    }
    const double pct = (current.lastPrice / previous.lastPrice - 1.0) * 100.0;
    return QCoreApplication::translate("AnalysisComparison", "price %1 (%2 → %3)")
        .arg(format::percent(pct, locale), format::price(previous.lastPrice, locale),
             format::price(current.lastPrice, locale));
}

QString rsiPart(const MarketSummary &previous, const MarketSummary &current, const QLocale &locale)
{
    if (!previous.indicators.rsi14 || !current.indicators.rsi14) {
        return {};
    }
    return QCoreApplication::translate("AnalysisComparison", "RSI %1 → %2")
        .arg(format::decimal(*previous.indicators.rsi14, locale, 1),
             format::decimal(*current.indicators.rsi14, locale, 1));
}

QString trendPart(const MarketSummary &previous, const MarketSummary &current)
{
    if (!previous.indicators.trend || !current.indicators.trend) {
        return {};
    }
    if (*previous.indicators.trend == *current.indicators.trend) {
        return QCoreApplication::translate("AnalysisComparison", "trend unchanged (%1)")
            .arg(stats::trendName(*current.indicators.trend));
    }
    return QCoreApplication::translate("AnalysisComparison", "trend %1 → %2")
        .arg(stats::trendName(*previous.indicators.trend), stats::trendName(*current.indicators.trend));
}

bool isOlder(const AnalysisRecord &candidate, const AnalysisRecord &record)
{
    return candidate.createdMs < record.createdMs ||
           (candidate.createdMs == record.createdMs && candidate.id < record.id);
}

} // namespace

QString describeChangeSince(const MarketSummary &previous, const MarketSummary &current,
                            const QLocale &locale)
{
    QStringList parts{pricePart(previous, current, locale), rsiPart(previous, current, locale),
                      trendPart(previous, current)};
    parts.removeAll(QString());
    if (parts.isEmpty()) {
        return {};
    }
    return QCoreApplication::translate("AnalysisComparison", "Since the previous analysis (%1): %2.")
        .arg(format::utcDateTime(previous.asOfMs), parts.join(QStringLiteral(", ")));
}

QString describeChangeSince(const AnalysisRecord &previous, const AnalysisRecord &current,
                            const QLocale &locale)
{
    const auto before = MarketSummary::fromJson(previous.summaryJson.toUtf8());
    const auto now = MarketSummary::fromJson(current.summaryJson.toUtf8());
    if (!before || !now || previous.selection() != current.selection() || before->coinId != now->coinId ||
        before->vsCurrency != now->vsCurrency || before->rangeKey != now->rangeKey) {
        return {};
    }
    return describeChangeSince(*before, *now, locale);
}

std::optional<AnalysisRecord> previousAnalysis(const QList<AnalysisRecord> &newestFirst,
                                               const AnalysisRecord &record)
{
    std::optional<AnalysisRecord> best;
    for (const AnalysisRecord &candidate : newestFirst) {
        if (candidate.selection() != record.selection()) {
            continue;
        }
        if (isOlder(candidate, record) && (!best || isOlder(*best, candidate))) {
            best = candidate;
        }
    }
    return best;
}

} // namespace ba
