#include "domain/Indicators.h"

#include <cmath>
#include <limits>

namespace ba::indicators {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Series nanSeries(qsizetype size)
{
    return Series(size, kNaN);
}

} // namespace

Series sma(std::span<const double> values, int period)
{
    const auto n = static_cast<qsizetype>(values.size());
    Series out = nanSeries(n);
    if (period < 1 || n < period) {
        return out;
    }
    // Running sum over the finite values of the window, plus a count of the
    // non-finite ones, so one bad sample blanks only the windows that hold it.
    double sum = 0.0;
    int bad = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double in = values[i];
        if (std::isfinite(in)) {
            sum += in;
        } else {
            ++bad;
        }
        if (i >= period) {
            const double gone = values[i - period];
            if (std::isfinite(gone)) {
                sum -= gone;
            } else {
                --bad;
            }
        }
        if (i >= period - 1 && bad == 0) {
            out[i] = sum / period;
        }
    }
    return out;
}

Series ema(std::span<const double> values, int period)
{
    const auto n = static_cast<qsizetype>(values.size());
    Series out = nanSeries(n);
    if (period < 1) {
        return out;
    }
    const double alpha = 2.0 / (period + 1.0);
    double seedSum = 0.0;
    int seen = 0; // finite values consumed so far
    double current = kNaN;
    for (qsizetype i = 0; i < n; ++i) {
        const double v = values[i];
        if (!std::isfinite(v)) {
            continue; // gap: no value here, the average carries on after it
        }
        if (seen < period) {
            seedSum += v;
            if (++seen == period) {
                current = seedSum / period;
                out[i] = current;
            }
            continue;
        }
        current += alpha * (v - current);
        out[i] = current;
    }
    return out;
}

namespace {

double rsiFrom(double avgGain, double avgLoss)
{
    if (avgLoss == 0.0) {
        return avgGain == 0.0 ? 50.0 : 100.0;
    }
    return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
}

} // namespace

Series rsi(std::span<const double> values, int period)
{
    const auto n = static_cast<qsizetype>(values.size());
    Series out = nanSeries(n);
    if (period < 1) {
        return out;
    }
    double prev = kNaN;
    double avgGain = 0.0;
    double avgLoss = 0.0;
    int changes = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const double v = values[i];
        if (!std::isfinite(v)) {
            continue;
        }
        if (!std::isfinite(prev)) {
            prev = v;
            continue;
        }
        const double change = v - prev;
        prev = v;
        const double gain = change > 0.0 ? change : 0.0;
        const double loss = change < 0.0 ? -change : 0.0;
        ++changes;
        if (changes <= period) {
            // Wilder's first averages are plain means of the first `period` changes.
            avgGain += gain / period;
            avgLoss += loss / period;
            if (changes < period) {
                continue;
            }
        } else {
            avgGain = (avgGain * (period - 1) + gain) / period;
            avgLoss = (avgLoss * (period - 1) + loss) / period;
        }
        out[i] = rsiFrom(avgGain, avgLoss);
    }
    return out;
}

Macd macd(std::span<const double> values, int fast, int slow, int signal)
{
    const auto n = static_cast<qsizetype>(values.size());
    Macd result;
    const Series fastEma = ema(values, fast);
    const Series slowEma = ema(values, slow);
    result.macd = nanSeries(n);
    for (qsizetype i = 0; i < n; ++i) {
        result.macd[i] = fastEma[i] - slowEma[i]; // NaN while either is warming up
    }
    result.signal = ema(result.macd, signal);
    result.histogram = nanSeries(n);
    for (qsizetype i = 0; i < n; ++i) {
        result.histogram[i] = result.macd[i] - result.signal[i];
    }
    return result;
}

Bollinger bollinger(std::span<const double> values, int period, double k)
{
    const auto n = static_cast<qsizetype>(values.size());
    Bollinger bands;
    bands.middle = sma(values, period);
    bands.upper = nanSeries(n);
    bands.lower = nanSeries(n);
    for (qsizetype i = 0; i < n; ++i) {
        const double mean = bands.middle[i];
        if (!std::isfinite(mean)) {
            continue;
        }
        // Two-pass deviation per window: prices near 100,000 with small moves
        // lose all their digits in the sum-of-squares shortcut.
        double squares = 0.0;
        for (qsizetype j = i - period + 1; j <= i; ++j) {
            const double d = values[j] - mean;
            squares += d * d;
        }
        const double deviation = std::sqrt(squares / period);
        bands.upper[i] = mean + k * deviation;
        bands.lower[i] = mean - k * deviation;
    }
    return bands;
}

} // namespace ba::indicators
