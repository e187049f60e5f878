#pragma once

// Number and date formatting shared by the prompt text, the local report and the comparison line
// (internal to services). A QLocale::c() gives the language-neutral form used in prompts.

#include <QLocale>
#include <QString>
#include <optional>

namespace ba::format {

// Two decimals from 1 upwards, six significant digits below (small-cap coins).
QString price(double value, const QLocale &locale);
// "+1.23 %" (sign always shown when withSign).
QString percent(double value, const QLocale &locale, int decimals = 2, bool withSign = true);
QString decimal(double value, const QLocale &locale, int decimals);
// "2026-11-29 10:00 UTC"
QString utcDateTime(qint64 ms);
QString utcDate(qint64 ms);
// "hourly", "daily", "5-minute"... in English for prompts.
QString intervalName(qint64 intervalMs);

template <typename F> QString orNa(const std::optional<double> &value, F format, const QString &na)
{
    return value ? format(*value) : na;
}

} // namespace ba::format
