// Parse throughput of CoinGeckoParser::parseMarketChart on a 1-year hourly market_chart body
// (3 x 8,760 [ms, value] pairs, values with CoinGecko's 15-17 significant digits).
// Target (issue 3): at least 30 MB/s (MB = 1,000,000 bytes).
// Baseline, same run: QJsonDocument::fromJson alone over the same body (Qt's JSON reader, no
// conversion to PricePoint), which is what the parser was originally built on.
#include "BenchStats.h"
#include "net/CoinGeckoParser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <cstdio>

namespace {

constexpr int kHours = 8760;
constexpr int kRuns = 15;
constexpr double kTargetMBps = 30.0;

// A deterministic random walk, rendered like CoinGecko: ms timestamps, shortest round-trip doubles.
QByteArray marketChartBody()
{
    const qint64 start = 1'704'067'200'000; // 2024-01-01T00:00Z
    quint64 seed = 0x9E3779B97F4A7C15ULL;
    auto noise = [&seed] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(seed >> 11) / static_cast<double>(1ULL << 53) - 0.5;
    };
    QList<double> price(kHours);
    QList<double> cap(kHours);
    QList<double> volume(kHours);
    double p = 42'265.18727848245;
    for (int i = 0; i < kHours; ++i) {
        p *= 1.0 + 0.004 * noise();
        price[i] = p;
        cap[i] = p * 19'600'000.0 * (1.0 + 0.0001 * noise());
        volume[i] = 2.5e10 * (1.0 + 0.8 * noise());
    }
    auto series = [&](const char *name, const QList<double> &values) -> QByteArray {
        QByteArray out = QByteArray("\"") + name + "\":[";
        for (int i = 0; i < kHours; ++i) {
            if (i > 0) {
                out += ',';
            }
            out += '[' + QByteArray::number(start + i * 3'600'000LL) + ',' +
                   QByteArray::number(values.at(i), 'g', 17) + ']';
        }
        return out + ']';
    };
    return '{' + series("prices", price) + ',' + series("market_caps", cap) + ',' +
           series("total_volumes", volume) + '}';
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    using namespace ba::bench;
    const QByteArray body = marketChartBody();
    const double megabytes = static_cast<double>(body.size()) / 1e6;
    header("bench_parse_market_chart", "CoinGeckoParser::parseMarketChart, 1 year hourly (3 x 8,760 pairs)");
    std::printf("  body: %lld bytes\n", static_cast<long long>(body.size()));

    QList<ba::PricePoint> points;
    Samples parser;
    Samples baseline;
    for (int run = -2; run < kRuns; ++run) { // two warm-up runs
        measure(run >= 0 ? &parser : nullptr, [&] {
            const ba::FetchError error = ba::CoinGeckoParser::parseMarketChart(body, &points);
            if (error.isError()) {
                std::printf("  parse failed: %s\n", qPrintable(error.detail));
            }
        });
        measure(run >= 0 ? &baseline : nullptr, [&] {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (!doc.isObject()) {
                std::printf("  baseline parse failed\n");
            }
        });
    }
    const bool complete = points.size() == kHours && points.first().marketCap && points.last().volume;
    std::printf("  points out: %lld (%s)\n", static_cast<long long>(points.size()),
                complete ? "all with market cap and volume" : "INCOMPLETE");

    auto mbps = [megabytes](const QList<double> &ms) { return megabytes / (median(ms) / 1000.0); };
    const double parserMBps = mbps(parser.wall);
    const double baselineMBps = mbps(baseline.wall);
    printSamples("parseMarketChart", parser);
    printSamples("baseline QJsonDocument::fromJson only", baseline);
    printValue("parseMarketChart throughput (median)", parserMBps, "MB/s");
    printValue("baseline throughput (median)", baselineMBps, "MB/s");
    printValue("ratio parser / baseline", parserMBps / baselineMBps, "x");
    printValue("ratio parser / target", parserMBps / kTargetMBps, "x");
    verdict(">= 30 MB/s", complete && parserMBps >= kTargetMBps, parserMBps, mbps(parser.cpu), "MB/s");
    return 0; // a missed target is reported, not an error: run.sh goes on with the next benchmark
}
