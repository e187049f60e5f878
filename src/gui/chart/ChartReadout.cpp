#include "gui/chart/ChartReadout.h"

#include "gui/chart/ChartFormat.h"

#include <QCoreApplication>
#include <QStringList>

namespace ba::chart {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("ba::chart::Readout", text);
}

CrosshairItem::Line changeLine(const ChartData &data, double price, const ChartTheme &theme,
                               const QLocale &locale)
{
    const std::optional<double> start = data.startPrice();
    if (!start || *start == 0) {
        return {};
    }
    const double percent = (price / *start - 1.0) * 100.0;
    return {translate("%1 since range start").arg(formatSignedPercent(percent, locale)),
            percent >= 0 ? theme.up : theme.down, false};
}

} // namespace

QString Readout::text() const
{
    QStringList texts;
    for (const CrosshairItem::Line &line : lines) {
        texts.append(line.text);
    }
    return texts.join(QLatin1Char('\n'));
}

std::optional<Readout> readoutNear(const ChartData &data, double timeMs, bool candles,
                                   const QString &currency, const ChartTheme &theme)
{
    const QLocale locale;
    Readout readout;
    if (candles) {
        const qsizetype i = data.nearestCandle(timeMs);
        if (i < 0) {
            return std::nullopt;
        }
        const Candle &c = data.candles().at(i);
        readout.value = QPointF(static_cast<double>(c.tsMs), c.close);
        readout.lines.append({formatReadoutTime(c.tsMs, locale), theme.mutedText, false});
        readout.lines.append(
            {translate("O %1  H %2  L %3  C %4")
                 .arg(formatPrice(c.open, currency, locale), formatPrice(c.high, currency, locale),
                      formatPrice(c.low, currency, locale), formatPrice(c.close, currency, locale)),
             theme.text, true});
    } else {
        const qsizetype i = data.nearestPrice(timeMs);
        if (i < 0) {
            return std::nullopt;
        }
        readout.value = data.prices().at(i);
        readout.lines.append(
            {formatReadoutTime(static_cast<qint64>(readout.value.x()), locale), theme.mutedText, false});
        readout.lines.append({formatPrice(readout.value.y(), currency, locale), theme.text, true});
    }
    const CrosshairItem::Line change = changeLine(data, readout.value.y(), theme, locale);
    if (!change.text.isEmpty()) {
        readout.lines.append(change);
    }
    if (const std::optional<double> volume = data.volumeAt(readout.value.x())) {
        readout.lines.append({translate("Volume %1").arg(formatCompactMoney(*volume, currency, locale)),
                              theme.mutedText, false});
    }
    return readout;
}

} // namespace ba::chart
