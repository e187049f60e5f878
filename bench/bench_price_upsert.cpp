// Upsert throughput of PriceStore::upsertPrices: 1,000,000 price rows into a fresh database
// opened by Database::open (WAL, synchronous=FULL: the application's own settings).
// Targets (issue 3): at least 300,000 rows/s, and at least 100x the per-row rate of the
// one-transaction-per-row baseline.
// Baseline, same run and same database settings: for each row BEGIN, one prepared single-row
// INSERT ... ON CONFLICT DO UPDATE (the same upsert), COMMIT; 20,000 rows, compared per row.
// That is the cheapest way to commit row by row, so the ratio is judged against it. For
// information only, the run also times 5,000 one-row upsertPrices() calls (same per-row
// transaction, plus building and preparing the statement each time).
#include "BenchStats.h"
#include "storage/Database.h"
#include "storage/PriceStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cstdio>

namespace {

constexpr int kRows = 1'000'000;
constexpr int kBaselineRows = 20'000;
constexpr int kPerCallRows = 5'000; // the second, informational baseline
constexpr int kRuns = 7;
constexpr int kBaselineRuns = 5;
constexpr double kTargetRowsPerSecond = 300'000;
constexpr double kTargetRatio = 100;

// Minute-spaced points of a random walk; one in fifty has no market cap (stored as NULL).
QList<ba::PricePoint> makePoints(int count)
{
    QList<ba::PricePoint> points;
    points.reserve(count);
    quint64 seed = 42;
    double price = 30'000;
    for (int i = 0; i < count; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        price += static_cast<double>(static_cast<int>(seed >> 54) - 512) / 100.0;
        const std::optional<double> cap =
            i % 50 == 0 ? std::nullopt : std::optional<double>(price * 19'600'000.0);
        points.append(ba::PricePoint{1'500'000'000'000LL + i * 60'000LL, price, cap, 2.5e10 + i});
    }
    return points;
}

// A fresh database per run, so every run inserts into an empty table.
struct FreshDatabase
{
    QTemporaryDir dir;
    ba::Database db{QStringLiteral("bench-upsert")};

    bool open()
    {
        const auto result = db.open(dir.filePath(QStringLiteral("bench.sqlite")));
        if (result.status != ba::Database::OpenStatus::Ok) {
            std::printf("  cannot open database: %s\n", qPrintable(result.detail));
            return false;
        }
        return true;
    }
};

// The naive way: each row its own transaction, through one prepared statement.
bool upsertRowByRow(QSqlDatabase connection, const QList<ba::PricePoint> &points)
{
    QSqlQuery query(connection);
    if (!query.prepare(QStringLiteral(
            "INSERT INTO prices (coin_id, vs_currency, resolution_ms, ts_ms, price, market_cap, volume)"
            " VALUES (?, ?, 60000, ?, ?, ?, ?) ON CONFLICT (coin_id, vs_currency, resolution_ms, ts_ms) DO "
            "UPDATE SET"
            " price = excluded.price, market_cap = COALESCE(excluded.market_cap, prices.market_cap),"
            " volume = COALESCE(excluded.volume, prices.volume)"))) {
        return false;
    }
    for (const ba::PricePoint &p : points) {
        connection.transaction();
        query.bindValue(0, QStringLiteral("bitcoin"));
        query.bindValue(1, QStringLiteral("usd"));
        query.bindValue(2, p.tsMs);
        query.bindValue(3, p.price);
        query.bindValue(4, p.marketCap ? QVariant(*p.marketCap) : QVariant(QMetaType::fromType<double>()));
        query.bindValue(5, p.volume ? QVariant(*p.volume) : QVariant(QMetaType::fromType<double>()));
        if (!query.exec() || !connection.commit()) {
            std::printf("  baseline row failed: %s\n", qPrintable(query.lastError().text()));
            return false;
        }
    }
    return true;
}

qint64 rowCount(QSqlDatabase connection)
{
    QSqlQuery query(QStringLiteral("SELECT COUNT(*) FROM prices"), connection);
    return query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("ba.*.info=false")); // one log line per call is noise here
    using namespace ba::bench;
    header("bench_price_upsert", "PriceStore::upsertPrices, 1,000,000 rows, one call");
    const QList<ba::PricePoint> points = makePoints(kRows);
    if (argc > 1 && qstrcmp(argv[1], "--profile") == 0) { // one call only, e.g. under callgrind
        FreshDatabase fresh;
        if (fresh.open()) {
            ba::PriceStore(fresh.db.connection())
                .upsertPrices({QStringLiteral("bitcoin"), QStringLiteral("usd"), 60'000},
                              points.first(200'000));
        }
        return 0;
    }
    const QList<ba::PricePoint> baselinePoints = points.first(kBaselineRows);

    Samples store;
    Samples update;
    bool allStored = true;
    const ba::SeriesKey series{QStringLiteral("bitcoin"), QStringLiteral("usd"), 60'000}; // minute points
    for (int run = 0; run < kRuns; ++run) {
        FreshDatabase fresh;
        if (!fresh.open()) {
            return 0;
        }
        ba::PriceStore prices(fresh.db.connection());
        ba::WriteResult result;
        measure(&store, [&] { result = prices.upsertPrices(series, points); });
        allStored = allStored && result.ok && rowCount(fresh.db.connection()) == kRows;
        if (run < 3) { // the same rows again: every one hits ON CONFLICT DO UPDATE
            measure(&update, [&] { result = prices.upsertPrices(series, points); });
            allStored = allStored && result.ok && rowCount(fresh.db.connection()) == kRows;
        }
    }
    Samples baseline;
    for (int run = 0; run < kBaselineRuns; ++run) {
        FreshDatabase fresh;
        if (!fresh.open()) {
            return 0;
        }
        bool ok = false;
        measure(&baseline, [&] { ok = upsertRowByRow(fresh.db.connection(), baselinePoints); });
        allStored = allStored && ok && rowCount(fresh.db.connection()) == kBaselineRows;
    }
    // For information: the same rows through the store's own API, one upsertPrices() call (so
    // one transaction and one statement preparation) per row.
    Samples perCall;
    for (int run = 0; run < 3; ++run) {
        FreshDatabase fresh;
        if (!fresh.open()) {
            return 0;
        }
        ba::PriceStore prices(fresh.db.connection());
        bool ok = true;
        measure(&perCall, [&] {
            for (const ba::PricePoint &p : points.first(kPerCallRows)) {
                ok = prices.upsertPrices(series, {p}).ok && ok;
            }
        });
        allStored = allStored && ok && rowCount(fresh.db.connection()) == kPerCallRows;
    }
    std::printf("  rows stored and counted: %s\n", allStored ? "yes" : "NO (see above)");

    const auto perSecond = [](int rows, const QList<double> &ms) { return rows / (median(ms) / 1000.0); };
    const double rowsPerSecond = perSecond(kRows, store.wall);
    const double baselinePerSecond = perSecond(kBaselineRows, baseline.wall);
    const double ratio = rowsPerSecond / baselinePerSecond;
    const double ratioCpu = perSecond(kRows, store.cpu) / perSecond(kBaselineRows, baseline.cpu);
    printSamples("upsertPrices, 1,000,000 new rows", store);
    printSamples("upsertPrices, same 1,000,000 rows again", update);
    printSamples("baseline, 20,000 rows, 1 transaction/row", baseline);
    printValue("upsertPrices, new rows (median)", rowsPerSecond, "rows/s");
    printValue("upsertPrices, existing rows (median)", perSecond(kRows, update.wall), "rows/s");
    printValue("baseline (median)", baselinePerSecond, "rows/s");
    printValue("per-row cost, upsertPrices", 1e6 / rowsPerSecond, "us");
    printValue("per-row cost, baseline", 1e6 / baselinePerSecond, "us");
    printValue("ratio upsertPrices / baseline", ratio, "x");
    printSamples("info: 5,000 upsertPrices() calls of 1 row", perCall);
    printValue("info: per-row cost, 1 row per call", median(perCall.wall) * 1000 / kPerCallRows, "us");
    printValue("info: ratio upsertPrices / 1 row per call",
               rowsPerSecond / perSecond(kPerCallRows, perCall.wall), "x");
    verdict(">= 300,000 rows/s", allStored && rowsPerSecond >= kTargetRowsPerSecond, rowsPerSecond,
            perSecond(kRows, store.cpu), "rows/s");
    verdict(">= 100x the one-transaction-per-row baseline", allStored && ratio >= kTargetRatio, ratio,
            ratioCpu, "x");
    return 0; // a missed target is reported, not an error: run.sh goes on with the next benchmark
}
