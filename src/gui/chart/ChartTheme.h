#pragma once

#include <QColor>

class QPalette;

namespace ba::chart {

// The chart's colours, derived from the widget palette so that light and dark desktops both
// stay readable. The price line is always Bitcoin orange.
struct ChartTheme
{
    bool dark = false;
    QColor background; // chart and plot area
    QColor text;
    QColor mutedText;
    QColor grid;
    QColor price; // #F7931A
    QColor up;    // gains, rising candles
    QColor down;  // losses, falling candles
    QColor volume;
    QColor sma;
    QColor ema;
    QColor bollinger;
    QColor crosshair;
    QColor readoutBackground;
    QColor readoutBorder;
    QColor staleBackground;
    QColor staleText;
    QColor errorBackground;
    QColor errorText;
    QColor errorBorder;

    static ChartTheme fromPalette(const QPalette &palette);
};

} // namespace ba::chart
