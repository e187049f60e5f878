#pragma once

// How the user likes the price chart drawn, as remembered in the settings. Plain enums so that
// the settings (services/) can store them without the chart (gui/) being built.
namespace ba {

// How the price is drawn: a line with a soft fill, or OHLC candles.
enum class ChartMode
{
    Line,
    Candles
};

// Optional layers the user can switch on and off.
enum class ChartOverlay
{
    Volume,
    Sma20,
    Ema50,
    Bollinger
};

} // namespace ba
