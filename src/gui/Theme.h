#pragma once

#include "services/AppSettings.h"

#include <QColor>
#include <QPalette>

class QWidget;

namespace ba {

// The interface's colours, chosen in Settings and applied to the whole application at once.
// System keeps the style the platform gave at start-up and its palette. Light and Dark use the Fusion
// style, which draws every control from the palette, with our own palettes: so a dark interface
// exists on every platform, including those whose style has no dark variant. Widgets that paint
// their own colours derive them from the palette (ChartTheme, StatusColors) and redo so on
// QEvent::PaletteChange, which Qt posts to every widget: the change shows on the next turn of the
// event loop.
class Theme
{
public:
    static void apply(UiTheme theme);

    static QPalette lightPalette();
    static QPalette darkPalette();
    // Whether text is light on dark in this palette (judged on the window background).
    static bool isDark(const QPalette &palette);

    // Secondary text ("4 shown", a headline's source line, empty states): drawn in the palette's
    // PlaceholderText role rather than a colour copied from it, so that it follows a theme change.
    static void dimText(QWidget *widget);
};

// Colours with a meaning, readable as text on the palette's Window, Base and AlternateBase (at
// least 4.5:1, tests/gui/tst_theme.cpp): deeper shades on light palettes, paler on dark ones.
struct StatusColors
{
    QColor good;    // a source that works
    QColor warning; // stale data, warnings in the log
    QColor bad;     // errors
    QColor muted;   // debug lines, secondary text

    static StatusColors forPalette(const QPalette &palette);
};

} // namespace ba
