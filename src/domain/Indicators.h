#pragma once

#include <QList>
#include <span>

// Technical indicators as pure functions over a price series (oldest first).
//
// Every result is aligned with its input: element i belongs to input i, and
// positions where the indicator is not yet defined (warm-up) hold a quiet NaN.
// A period < 1 or an input shorter than the warm-up gives an all-NaN result of
// the input's length; an empty input gives an empty result.
// Non-finite inputs (gaps) never poison the rest of the series: SMA and
// Bollinger are NaN for each window that holds one; EMA and RSI give NaN at the
// gap and carry on from the last finite value.
//
// QList<double> converts implicitly to std::span<const double>.
namespace ba::indicators {

using Series = QList<double>;

// Simple moving average; first value at index period - 1.
Series sma(std::span<const double> values, int period);

// Exponential moving average, alpha = 2 / (period + 1), seeded with the SMA of
// the first `period` values (StockCharts' convention); first value at index
// period - 1. Leading NaNs are skipped, so an EMA of an indicator that has its
// own warm-up (the MACD signal line) starts once `period` values exist.
Series ema(std::span<const double> values, int period);

// Wilder's RSI: the first average gain/loss is the simple mean of the first
// `period` changes, then avg = (prev * (period - 1) + current) / period.
// First value at index `period`. Defined edge cases: no losses and some gains
// = 100, no gains and some losses = 0, no movement at all = 50 (neutral).
Series rsi(std::span<const double> values, int period = 14);

struct Macd
{
    Series macd;      // EMA(fast) - EMA(slow); first value at index slow - 1
    Series signal;    // EMA(signal) of the MACD line; first at slow + signal - 2
    Series histogram; // macd - signal
};
Macd macd(std::span<const double> values, int fast = 12, int slow = 26, int signal = 9);

struct Bollinger
{
    Series middle; // SMA(period)
    Series upper;  // middle + k * population standard deviation
    Series lower;  // middle - k * population standard deviation
};
// Population standard deviation (divide by period), as StockCharts and
// TradingView do; a sample deviation would widen the bands by sqrt(n/(n-1)).
Bollinger bollinger(std::span<const double> values, int period = 20, double k = 2.0);

} // namespace ba::indicators
