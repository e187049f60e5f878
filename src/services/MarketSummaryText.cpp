// MarketSummary as a compact text block for prompts: one fact per line, "n/a" for missing values.
#include "services/MarketSummary.h"
#include "services/SummaryFormat.h"

#include <QStringList>
#include <algorithm>

namespace ba {

namespace {

constexpr qsizetype PromptHeadlineChars = 200;

QString na()
{
    return QStringLiteral("n/a");
}

QString priceOrNa(const std::optional<double> &value)
{
    return format::orNa(
        value, [](double v) { return format::price(v, QLocale::c()); }, na());
}

QString pctOrNa(const std::optional<double> &value)
{
    return format::orNa(
        value, [](double v) { return format::percent(v, QLocale::c()); }, na());
}

// Volatility and drawdown are fractions and have no direction: "45.20 %".
QString fractionOrNa(const std::optional<double> &value)
{
    return format::orNa(
        value, [](double v) { return format::percent(v * 100.0, QLocale::c(), 2, false); }, na());
}

QString numberOrNa(const std::optional<double> &value, int decimals)
{
    return format::orNa(
        value, [decimals](double v) { return format::decimal(v, QLocale::c(), decimals); }, na());
}

QString movesLine(const QList<DailyMove> &moves)
{
    if (moves.isEmpty()) {
        return QStringLiteral("none");
    }
    QStringList parts;
    for (const DailyMove &m : moves) {
        parts.append(m.date.toString(Qt::ISODate) + QLatin1Char(' ') +
                     format::percent(m.changePct, QLocale::c()));
    }
    return parts.join(QStringLiteral(", "));
}

QStringList indicatorLines(const MarketSummary &s)
{
    const SummaryIndicators &ind = s.indicators;
    return {
        QStringLiteral("RSI(14): ") + numberOrNa(ind.rsi14, 1),
        QStringLiteral("MACD(12,26,9): line ") + numberOrNa(ind.macd, 2) + QStringLiteral(", signal ") +
            numberOrNa(ind.macdSignal, 2) + QStringLiteral(", histogram ") + numberOrNa(ind.macdHistogram, 2),
        QStringLiteral("SMA20: ") + priceOrNa(ind.sma20) + QStringLiteral("; SMA50: ") +
            priceOrNa(ind.sma50) + QStringLiteral("; EMA20: ") + priceOrNa(ind.ema20),
        QStringLiteral("Bollinger(20,2): upper ") + priceOrNa(ind.bollingerUpper) +
            QStringLiteral(", lower ") + priceOrNa(ind.bollingerLower) + QStringLiteral(", %B ") +
            numberOrNa(ind.bollingerPercentB, 2),
        QStringLiteral("Annualised volatility: ") + fractionOrNa(ind.volatility),
        QStringLiteral("Max drawdown in period: ") + fractionOrNa(ind.maxDrawdown),
        QStringLiteral("Nearest support: ") + priceOrNa(ind.support) +
            QStringLiteral("; nearest resistance: ") + priceOrNa(ind.resistance),
        QStringLiteral("Trend (price vs SMA20, SMA20 vs SMA50, SMA20 slope): ") +
            (ind.trend ? MarketSummary::trendKey(*ind.trend) : na()),
    };
}

} // namespace

QString MarketSummary::toPromptText(int maxHeadlines) const
{
    const QString currency = vsCurrency.toUpper();
    QStringList lines;
    lines << QStringLiteral("Asset: %1 in %2").arg(coinId, currency);
    if (!rangeKey.isEmpty()) {
        lines << QStringLiteral("Chart range: ") + rangeKey;
    }
    if (hasPrices()) {
        lines << QStringLiteral("Series: %1 %2 prices from %3 to %4")
                     .arg(QString::number(pointCount), format::intervalName(intervalMs),
                          format::utcDateTime(firstMs), format::utcDateTime(asOfMs));
    } else {
        lines << QStringLiteral("Series: no price history");
    }
    lines << QStringLiteral("Last price: ") + format::price(lastPrice, QLocale::c()) + QLatin1Char(' ') +
                 currency;
    lines << QStringLiteral("Change: 24h ") + pctOrNa(change24hPct) + QStringLiteral(", 7d ") +
                 pctOrNa(change7dPct) + QStringLiteral(", 30d ") + pctOrNa(change30dPct);
    if (marketCap || volume24h) {
        lines << QStringLiteral("Market cap: ") + numberOrNa(marketCap, 0) +
                     QStringLiteral("; 24h volume: ") + numberOrNa(volume24h, 0);
    }
    lines << indicatorLines(*this);
    lines << QStringLiteral("Largest daily gains: ") + movesLine(largestGains);
    lines << QStringLiteral("Largest daily drops: ") + movesLine(largestDrops);

    const qsizetype shown = std::clamp<qsizetype>(maxHeadlines, 0, headlines.size());
    lines << QStringLiteral("Headlines (newest first, %1 of %2):")
                 .arg(QString::number(shown), QString::number(headlines.size()));
    for (qsizetype i = 0; i < shown; ++i) {
        const SummaryHeadline &h = headlines.at(i);
        const QString date = h.publishedMs ? format::utcDate(*h.publishedMs) : QStringLiteral("undated");
        QString title = h.title.left(PromptHeadlineChars);
        lines << QStringLiteral("- %1 | %2 | %3").arg(date, h.source.isEmpty() ? na() : h.source, title);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ba
