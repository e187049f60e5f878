#include "gui/chart/ChartFormat.h"

#include <QCoreApplication>
#include <array>
#include <cmath>

namespace ba::chart {

namespace {

const char *const kContext = "ba::chart::Format";

QString translate(const char *text, int n = -1)
{
    return QCoreApplication::translate(kContext, text, nullptr, n);
}

} // namespace

QString currencySymbol(const QString &currencyCode)
{
    const QString code = currencyCode.trimmed().toLower();
    if (code == u"usd") {
        return QStringLiteral("$");
    }
    if (code == u"eur") {
        return QStringLiteral("€");
    }
    if (code == u"gbp") {
        return QStringLiteral("£");
    }
    if (code == u"jpy") {
        return QStringLiteral("¥");
    }
    return code.toUpper();
}

int priceDecimals(double price)
{
    const double magnitude = std::abs(price);
    if (magnitude >= 1.0 || magnitude == 0.0 || !std::isfinite(magnitude)) {
        return 2;
    }
    // Four significant digits for fractions: 0.1234, 0.01234, 0.0001234 ...
    const int leadingZeros = static_cast<int>(std::floor(-std::log10(magnitude)));
    return std::min(leadingZeros + 4, 10);
}

QString formatPrice(double value, const QString &currencyCode, const QLocale &locale)
{
    return locale.toCurrencyString(value, currencySymbol(currencyCode), priceDecimals(value));
}

QString formatCompactMoney(double value, const QString &currencyCode, const QLocale &locale)
{
    struct Unit
    {
        double factor;
        const char *suffix;
    };
    // QT_TRANSLATE_NOOP keeps the suffixes visible to lupdate ("Md" in French, ...).
    static const std::array<Unit, 4> units = {{
        {1e3, QT_TRANSLATE_NOOP("ba::chart::Format", "K")},
        {1e6, QT_TRANSLATE_NOOP("ba::chart::Format", "M")},
        {1e9, QT_TRANSLATE_NOOP("ba::chart::Format", "B")},
        {1e12, QT_TRANSLATE_NOOP("ba::chart::Format", "T")},
    }};
    const double magnitude = std::abs(value);
    if (!std::isfinite(value) || magnitude < 1e3) {
        return formatPrice(value, currencyCode, locale);
    }
    std::size_t unit = 0;
    while (unit + 1 < units.size() && magnitude >= units[unit + 1].factor) {
        ++unit;
    }
    double scaled = value / units[unit].factor;
    // Three significant digits; 999.6 B rounds to 1.00 T rather than "1000 B".
    auto decimalsFor = [](double v) { return std::abs(v) >= 100 ? 0 : (std::abs(v) >= 10 ? 1 : 2); };
    int decimals = decimalsFor(scaled);
    const double rounded = std::round(std::abs(scaled) * std::pow(10, decimals)) / std::pow(10, decimals);
    if (rounded >= 1000 && unit + 1 < units.size()) {
        ++unit;
        scaled = value / units[unit].factor;
        decimals = decimalsFor(scaled);
    }
    const QString number =
        locale.toString(scaled, 'f', decimals) + QLatin1Char(' ') + translate(units[unit].suffix);
    const CurrencyAffixes affixes = currencyAffixes(currencyCode, locale);
    return affixes.prefix + number + affixes.suffix;
}

QString formatChangeArrow(double percent, const QLocale &locale)
{
    const QString arrow = percent >= 0 ? QStringLiteral("▲") : QStringLiteral("▼");
    return arrow + QLatin1Char(' ') + locale.toString(std::abs(percent), 'f', 2) + QLatin1Char(' ') +
           locale.percent();
}

QString formatSignedPercent(double percent, const QLocale &locale)
{
    const QString sign = percent >= 0 ? locale.positiveSign() : locale.negativeSign();
    return sign + locale.toString(std::abs(percent), 'f', 2) + QLatin1Char(' ') + locale.percent();
}

QString formatUpdatedAge(const QDateTime &fetchedAt, const QDateTime &now, const QLocale &locale)
{
    if (!fetchedAt.isValid()) {
        return {};
    }
    const qint64 seconds = std::max<qint64>(0, fetchedAt.secsTo(now));
    if (seconds < 60) {
        return translate("Updated just now");
    }
    if (seconds < 3600) {
        return translate("Updated %n min ago", static_cast<int>(seconds / 60));
    }
    if (seconds < 24 * 3600) {
        return translate("Updated %n h ago", static_cast<int>(seconds / 3600));
    }
    return translate("Updated %1").arg(locale.toString(fetchedAt.toLocalTime(), QLocale::ShortFormat));
}

QString formatReadoutTime(qint64 msecsSinceEpoch, const QLocale &locale)
{
    return locale.toString(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch), QLocale::ShortFormat);
}

QString timeAxisFormat(qint64 spanMs)
{
    constexpr qint64 day = 24LL * 3600 * 1000;
    if (spanMs <= day + day / 4) {
        return QStringLiteral("HH:mm");
    }
    if (spanMs <= 4 * day) {
        return QStringLiteral("dd MMM HH:mm");
    }
    if (spanMs <= 200 * day) {
        return QStringLiteral("dd MMM");
    }
    return QStringLiteral("MMM yyyy");
}

CurrencyAffixes currencyAffixes(const QString &currencyCode, const QLocale &locale)
{
    const QString symbol = currencySymbol(currencyCode);
    const QString one = locale.toString(1);
    const QString sample = locale.toCurrencyString(1.0, symbol, 0);
    const qsizetype at = sample.indexOf(one);
    if (at < 0) {
        // A locale that writes the amount in a way we cannot split: symbol in front.
        return {symbol + QLatin1Char(' '), QString()};
    }
    return {sample.left(at), sample.mid(at + one.size())};
}

TickStep niceTickStep(double span, int targetCount)
{
    if (!(span > 0) || !std::isfinite(span)) {
        return {};
    }
    const double raw = span / std::max(targetCount, 1);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / power;
    double mantissa = 10;
    for (const double candidate : {1.0, 2.0, 2.5, 5.0}) {
        if (fraction <= candidate) {
            mantissa = candidate;
            break;
        }
    }
    TickStep tick;
    tick.step = mantissa * power;
    tick.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(tick.step) + 1e-9)));
    if (mantissa == 2.5 && tick.step < 10) {
        ++tick.decimals; // 0.25, 2.5: one more digit than the power of ten shows
    }
    return tick;
}

} // namespace ba::chart
