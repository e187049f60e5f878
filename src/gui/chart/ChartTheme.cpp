#include "gui/chart/ChartTheme.h"

#include <QPalette>

namespace ba::chart {

namespace {

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

} // namespace

ChartTheme ChartTheme::fromPalette(const QPalette &palette)
{
    ChartTheme theme;
    theme.background = palette.color(QPalette::Base);
    theme.text = palette.color(QPalette::Text);
    // Judge darkness on the background we draw on, not on the window frame.
    theme.dark = theme.background.lightnessF() < 0.5;
    theme.mutedText = withAlpha(theme.text, 160);
    theme.grid = withAlpha(theme.text, theme.dark ? 34 : 26);
    theme.price = QColor(0xF7, 0x93, 0x1A);
    // Greens and reds that read as text (the change pill, the readout) at 4.5:1: the deeper
    // shades on white, the lighter ones on near-black (tests/gui/tst_theme.cpp).
    theme.up = theme.dark ? QColor(0x22, 0xC5, 0x5E) : QColor(0x13, 0x73, 0x33);
    theme.down = theme.dark ? QColor(0xFB, 0x8C, 0x8C) : QColor(0xB9, 0x1C, 0x1C);
    theme.volume = theme.dark ? QColor(148, 163, 184, 110) : QColor(100, 116, 139, 90);
    theme.sma = theme.dark ? QColor(0x60, 0xA5, 0xFA) : QColor(0x25, 0x63, 0xEB);
    theme.ema = theme.dark ? QColor(0xC0, 0x84, 0xFC) : QColor(0x93, 0x33, 0xEA);
    theme.bollinger = theme.dark ? QColor(0x2D, 0xD4, 0xBF) : QColor(0x0D, 0x94, 0x88);
    theme.crosshair = withAlpha(theme.text, 120);
    theme.readoutBackground = withAlpha(theme.background, 235);
    theme.readoutBorder = withAlpha(theme.text, 60);
    theme.staleBackground = QColor(0xF5, 0x9E, 0x0B);
    theme.staleText = QColor(0x1F, 0x14, 0x00);
    theme.errorBackground = theme.dark ? QColor(0x45, 0x0A, 0x0A) : QColor(0xFE, 0xF2, 0xF2);
    theme.errorText = theme.dark ? QColor(0xFE, 0xCA, 0xCA) : QColor(0x99, 0x1B, 0x1B);
    theme.errorBorder = theme.down;
    return theme;
}

} // namespace ba::chart
