#pragma once

// Shared by the benchmark executables: timing (wall clock and process CPU time), sample
// statistics and the uniform result lines ("target met" / "NOT met") that bench/run.sh prints.
// Header-only so that each benchmark stays one executable with one source file.
//
// Targets are judged on wall-clock time. CPU time is printed beside it because the machine
// may be shared: when the load average is above the core count, wall time includes waiting
// for a core, and the CPU figure shows what the code itself cost.

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <utility>

namespace ba::bench {

inline double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Wall and CPU milliseconds of a series of runs of the same thing.
struct Samples
{
    QList<double> wall;
    QList<double> cpu;

    void append(double wallMs, double cpuMs)
    {
        wall.append(wallMs);
        cpu.append(cpuMs);
    }
    Samples &operator+=(const Samples &other)
    {
        wall += other.wall;
        cpu += other.cpu;
        return *this;
    }
};

// Runs fn() once; adds its wall and CPU time to `into` unless `into` is null (warm-up).
template <typename Fn> void measure(Samples *into, Fn &&fn)
{
    QElapsedTimer timer;
    const double cpuStart = processCpuMs();
    timer.start();
    std::forward<Fn>(fn)();
    const double wallMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    const double cpuMs = processCpuMs() - cpuStart;
    if (into) {
        into->append(wallMs, cpuMs);
    }
}

// Nearest-rank percentile (p in [0, 100]) of the samples; 0 for none.
inline double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty()) {
        return 0;
    }
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<qsizetype>(std::ceil(p / 100.0 * static_cast<double>(samples.size())));
    return samples.at(std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1));
}

inline double median(const QList<double> &samples)
{
    if (samples.isEmpty()) {
        return 0;
    }
    QList<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    return n % 2 ? sorted.at(n / 2) : (sorted.at(n / 2 - 1) + sorted.at(n / 2)) / 2;
}

inline void header(const char *name, const char *what)
{
    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load =
        loadavg.open(QIODevice::ReadOnly) ? loadavg.readLine().trimmed() : QByteArray("?");
    std::printf("\n== %s: %s\n  machine: %d cores, load average %s\n", name, what,
                QThread::idealThreadCount(), load.constData());
}

// "  label   median 12.345 ms (min, max, n)   CPU median 11.000 ms"
inline void printSamples(const char *label, const Samples &s)
{
    const double lo = s.wall.isEmpty() ? 0 : *std::min_element(s.wall.cbegin(), s.wall.cend());
    const double hi = s.wall.isEmpty() ? 0 : *std::max_element(s.wall.cbegin(), s.wall.cend());
    std::printf("  %-46s median %9.3f ms (min %.3f, max %.3f, n=%lld), CPU median %.3f ms\n", label,
                median(s.wall), lo, hi, static_cast<long long>(s.wall.size()), median(s.cpu));
}

inline void printValue(const char *label, double value, const char *unit)
{
    std::printf("  %-46s %12.3f %s\n", label, value, unit);
}

// One line per target, judged on the wall-clock figure; the CPU-time figure is shown beside it.
inline bool verdict(const char *target, bool met, double measured, double measuredCpu, const char *unit)
{
    std::printf("  [%s] %s: %.3f %s (on CPU time: %.3f %s)\n", met ? "target met" : "NOT met", target,
                measured, unit, measuredCpu, unit);
    std::fflush(stdout);
    return met;
}

} // namespace ba::bench
