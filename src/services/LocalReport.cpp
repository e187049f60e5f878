#include "services/LocalReport.h"

#include "services/PromptBuilder.h"
#include "services/SummaryFormat.h"

#include <QCoreApplication>
#include <QStringList>

namespace ba {

namespace {

// Formatting in the report's language; every sentence below is a translate() call with arguments.
struct Fmt
{
    QLocale locale;
    QString price(double v) const { return format::price(v, locale); }
    QString pct(double v) const { return format::percent(v, locale); }
    QString fraction(double v) const { return format::percent(v * 100.0, locale, 1, false); }
    QString number(double v, int decimals) const { return format::decimal(v, locale, decimals); }
};

QString section(const QString &title, const QStringList &paragraphs)
{
    return QStringLiteral("## ") + title + QStringLiteral("\n\n") + paragraphs.join(QStringLiteral("\n\n"));
}

QString assetName(const MarketSummary &s)
{
    QString coin = s.coinId.isEmpty() ? QStringLiteral("?") : s.coinId;
    coin[0] = coin.at(0).toUpper();
    return LocalReport::escapeMarkdown(coin);
}

QString leadSentence(const MarketSummary &s, const Fmt &f)
{
    const QString price = f.price(s.lastPrice) + QLatin1Char(' ') + s.vsCurrency.toUpper();
    const QString trend = s.indicators.trend
                              ? stats::trendName(*s.indicators.trend).toLower()
                              : QCoreApplication::translate("LocalReport", "no clear trend yet");
    if (s.change24hPct) {
        return QCoreApplication::translate("LocalReport", "%1 trades at %2 (%3 over 24 hours); trend: %4.")
            .arg(assetName(s), price, f.pct(*s.change24hPct), trend);
    }
    return QCoreApplication::translate("LocalReport", "%1 trades at %2; trend: %3.")
        .arg(assetName(s), price, trend);
}

QString averageSentence(const MarketSummary &s, const std::optional<double> &average, int period,
                        const Fmt &f)
{
    if (!average) {
        return {};
    }
    return s.lastPrice >= *average
               ? QCoreApplication::translate("LocalReport", "The price is above its %1-period average (%2).")
                     .arg(QString::number(period), f.price(*average))
               : QCoreApplication::translate("LocalReport", "The price is below its %1-period average (%2).")
                     .arg(QString::number(period), f.price(*average));
}

QString trendSection(const MarketSummary &s, const Fmt &f)
{
    const QString na = QCoreApplication::translate("LocalReport", "n/a");
    const auto pct = [&](const std::optional<double> &v) { return v ? f.pct(*v) : na; };
    QStringList paragraphs;
    paragraphs << (s.indicators.trend
                       ? QCoreApplication::translate("LocalReport",
                                                     "Trend: **%1** (price against its 20- and "
                                                     "50-period averages and their slope).")
                             .arg(stats::trendName(*s.indicators.trend))
                       : QCoreApplication::translate(
                             "LocalReport", "Not enough prices yet to label the trend (50 are needed)."));
    paragraphs << QCoreApplication::translate("LocalReport",
                                              "Change over 24 hours: %1; 7 days: %2; 30 days: %3.")
                      .arg(pct(s.change24hPct), pct(s.change7dPct), pct(s.change30dPct));
    const QString averages = QStringList{averageSentence(s, s.indicators.sma20, 20, f),
                                         averageSentence(s, s.indicators.sma50, 50, f)}
                                 .join(QLatin1Char(' '))
                                 .trimmed();
    if (!averages.isEmpty()) {
        paragraphs << averages;
    }
    return section(QCoreApplication::translate("LocalReport", "Trend"), paragraphs);
}

QString rsiSentence(double rsi, const Fmt &f)
{
    const QString value = f.number(rsi, 1);
    if (rsi >= 70.0) {
        return QCoreApplication::translate("LocalReport", "RSI(14) is %1: overbought territory.").arg(value);
    }
    if (rsi <= 30.0) {
        return QCoreApplication::translate("LocalReport", "RSI(14) is %1: oversold territory.").arg(value);
    }
    return QCoreApplication::translate("LocalReport", "RSI(14) is %1: neutral.").arg(value);
}

QString momentumSection(const MarketSummary &s, const Fmt &f)
{
    const SummaryIndicators &ind = s.indicators;
    QStringList paragraphs;
    if (ind.rsi14) {
        paragraphs << rsiSentence(*ind.rsi14, f);
    }
    if (ind.macd && ind.macdSignal && ind.macdHistogram) {
        const QString args[] = {f.number(*ind.macd, 2), f.number(*ind.macdSignal, 2),
                                f.number(*ind.macdHistogram, 2)};
        paragraphs << (*ind.macdHistogram >= 0.0
                           ? QCoreApplication::translate("LocalReport",
                                                         "The MACD line (%1) is above its signal line "
                                                         "(%2), histogram %3: momentum is improving.")
                           : QCoreApplication::translate("LocalReport",
                                                         "The MACD line (%1) is below its signal line "
                                                         "(%2), histogram %3: momentum is weakening."))
                          .arg(args[0], args[1], args[2]);
    }
    if (paragraphs.isEmpty()) {
        paragraphs << QCoreApplication::translate("LocalReport", "Not enough prices yet for RSI and MACD.");
    }
    return section(QCoreApplication::translate("LocalReport", "Momentum"), paragraphs);
}

QString movesText(const QList<DailyMove> &moves, const Fmt &f)
{
    QStringList parts;
    for (const DailyMove &m : moves) {
        parts << m.date.toString(Qt::ISODate) + QStringLiteral(" (") + f.pct(m.changePct) + QLatin1Char(')');
    }
    return parts.join(QStringLiteral(", "));
}

QString volatilitySection(const MarketSummary &s, const Fmt &f)
{
    const SummaryIndicators &ind = s.indicators;
    QStringList paragraphs;
    if (ind.volatility) {
        paragraphs << QCoreApplication::translate("LocalReport", "Annualised volatility: %1.")
                          .arg(f.fraction(*ind.volatility));
    }
    if (ind.bollingerUpper && ind.bollingerLower) {
        paragraphs << QCoreApplication::translate("LocalReport", "Bollinger bands (20, 2): %1 to %2, %B %3.")
                          .arg(f.price(*ind.bollingerLower), f.price(*ind.bollingerUpper),
                               ind.bollingerPercentB ? f.number(*ind.bollingerPercentB, 2)
                                                     : QCoreApplication::translate("LocalReport", "n/a"));
    }
    if (!s.largestGains.isEmpty()) {
        paragraphs << QCoreApplication::translate("LocalReport", "Largest daily gains: %1.")
                          .arg(movesText(s.largestGains, f));
    }
    if (!s.largestDrops.isEmpty()) {
        paragraphs << QCoreApplication::translate("LocalReport", "Largest daily drops: %1.")
                          .arg(movesText(s.largestDrops, f));
    }
    if (paragraphs.isEmpty()) {
        paragraphs << QCoreApplication::translate("LocalReport",
                                                  "Not enough prices yet to measure volatility.");
    }
    return section(QCoreApplication::translate("LocalReport", "Volatility"), paragraphs);
}

QString newsSection(const MarketSummary &s)
{
    QStringList items;
    for (const SummaryHeadline &h : s.headlines) {
        QStringList parts;
        if (h.publishedMs) {
            parts << format::utcDate(*h.publishedMs);
        }
        if (!h.source.isEmpty()) {
            parts << LocalReport::escapeMarkdown(h.source);
        }
        parts << LocalReport::escapeMarkdown(h.title);
        items << QStringLiteral("- ") + parts.join(QStringLiteral(" · "));
    }
    QStringList paragraphs;
    if (items.isEmpty()) {
        paragraphs << QCoreApplication::translate("LocalReport", "No recent headlines were available.");
    } else {
        paragraphs << items.join(QLatin1Char('\n'));
        paragraphs << QCoreApplication::translate(
            "LocalReport", "Headlines are listed for context; their effect on the price "
                           "is not assessed without AI.");
    }
    return section(QCoreApplication::translate("LocalReport", "News context"), paragraphs);
}

QStringList levelRisks(const MarketSummary &s, const Fmt &f)
{
    QStringList risks;
    const SummaryIndicators &ind = s.indicators;
    if (ind.support && s.lastPrice > 0) {
        risks << QCoreApplication::translate("LocalReport", "Nearest support: %1 (%2 below the price).")
                     .arg(f.price(*ind.support), f.fraction(1.0 - *ind.support / s.lastPrice));
    }
    if (ind.resistance && s.lastPrice > 0) {
        risks << QCoreApplication::translate("LocalReport", "Nearest resistance: %1 (%2 above the price).")
                     .arg(f.price(*ind.resistance), f.fraction(*ind.resistance / s.lastPrice - 1.0));
    }
    return risks;
}

QString risksSection(const MarketSummary &s, const Fmt &f)
{
    const SummaryIndicators &ind = s.indicators;
    QStringList risks;
    if (ind.maxDrawdown && *ind.maxDrawdown > 0.0) {
        risks << QCoreApplication::translate("LocalReport", "Largest fall from a high in this period: %1.")
                     .arg(f.fraction(*ind.maxDrawdown));
    }
    risks << levelRisks(s, f);
    if (ind.rsi14 && (*ind.rsi14 >= 70.0 || *ind.rsi14 <= 30.0)) {
        risks << QCoreApplication::translate(
            "LocalReport", "RSI at an extreme: sharp reversals are more likely than usual.");
    }
    if (ind.volatility && *ind.volatility >= 0.8) {
        risks << QCoreApplication::translate("LocalReport",
                                             "Volatility is high: daily swings of several percent "
                                             "are to be expected.");
    }
    risks << QCoreApplication::translate("LocalReport", "Crypto-asset prices can move sharply within hours; "
                                                        "indicators describe the past, not the future.");
    for (QString &risk : risks) {
        risk.prepend(QStringLiteral("- "));
    }
    return section(QCoreApplication::translate("LocalReport", "Risks"), {risks.join(QLatin1Char('\n'))});
}

QString header(const MarketSummary &s)
{
    QString line = QStringLiteral("> **") + LocalReport::label() + QStringLiteral("**");
    if (s.hasPrices()) {
        line +=
            QStringLiteral(" · ") +
            QCoreApplication::translate("LocalReport", "prices up to %1").arg(format::utcDateTime(s.asOfMs));
    }
    return line;
}

} // namespace

QString LocalReport::label()
{
    return QCoreApplication::translate("LocalReport", "Computed locally without AI");
}

QString LocalReport::markdown(const MarketSummary &summary, const QString &language)
{
    const Fmt f{PromptBuilder::normalisedLanguage(language) == QLatin1String("fr")
                    ? QLocale(QLocale::French)
                    : QLocale(QLocale::English)};
    const QStringList parts{
        header(summary),
        leadSentence(summary, f),
        trendSection(summary, f),
        momentumSection(summary, f),
        volatilitySection(summary, f),
        newsSection(summary),
        risksSection(summary, f),
        QStringLiteral("---"),
        QStringLiteral("*") + QCoreApplication::translate("LocalReport", "This is not financial advice.") +
            QStringLiteral("*"),
    };
    return parts.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

QString LocalReport::escapeMarkdown(const QString &text)
{
    // Characters that can start or end Markdown markup or an HTML entity where a headline lands.
    static const QString special = QStringLiteral("\\`*_[]<>#!|~&");
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        if (special.contains(c)) {
            out += QLatin1Char('\\');
        }
        out += c;
    }
    return out;
}

} // namespace ba
