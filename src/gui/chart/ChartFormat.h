#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

// Number, money and time formatting for the price chart. Everything goes through QLocale so
// that separators, symbol placement and month names follow the user's locale.
namespace ba::chart {

// "usd" -> "$", "eur" -> "€", "gbp" -> "£", "jpy" -> "¥"; any other code in upper case.
QString currencySymbol(const QString &currencyCode);

// Decimals that keep a price readable: 2 from 1 upwards, more for fractions of a unit.
int priceDecimals(double price);

// A full price for the header and the read-out, e.g. "$67,123.45".
QString formatPrice(double value, const QString &currencyCode, const QLocale &locale = QLocale());

// Large amounts in three significant digits: "$1.23 T", "$45.6 B", "$789 M", "$12.3 K".
QString formatCompactMoney(double value, const QString &currencyCode, const QLocale &locale = QLocale());

// The 24 h change as shown in the header: "▲ 2.35 %" or "▼ 1.10 %".
QString formatChangeArrow(double percent, const QLocale &locale = QLocale());

// A signed change for the read-out: "+2.35 %" or "−1.10 %".
QString formatSignedPercent(double percent, const QLocale &locale = QLocale());

// "Updated just now", "Updated 5 min ago", "Updated 3 h ago", or the date for older data.
QString formatUpdatedAge(const QDateTime &fetchedAt, const QDateTime &now, const QLocale &locale = QLocale());

// The read-out's time: local date and time in the locale's short format.
QString formatReadoutTime(qint64 msecsSinceEpoch, const QLocale &locale = QLocale());

// QDateTimeAxis format for a visible span: hours for a day, days for months, months beyond.
QString timeAxisFormat(qint64 spanMs);

// Text around the number in a currency amount, so that a QValueAxis label format like
// "$%.0f" (localized numbers on) matches QLocale::toCurrencyString.
struct CurrencyAffixes
{
    QString prefix;
    QString suffix;
};
CurrencyAffixes currencyAffixes(const QString &currencyCode, const QLocale &locale = QLocale());

// A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about `targetCount`
// intervals over `span`, and the decimals needed to print it.
struct TickStep
{
    double step = 1.0;
    int decimals = 0;
};
TickStep niceTickStep(double span, int targetCount);

} // namespace ba::chart
