#include "services/PriceService.h"

#include "domain/SourceIds.h"
#include "logging/Correlation.h"
#include "net/CoinGeckoClient.h"
#include "services/RefreshCoordinator.h"
#include "storage/PriceStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <algorithm>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.prices")
} // namespace

namespace ba {

namespace {
const QString kSource = SourceIds::CoinGecko;
const QString kSpot = QStringLiteral("simple_price");
const QString kChart = QStringLiteral("market_chart");
const QString kOhlc = QStringLiteral("ohlc");
constexpr qint64 kSpotFreshMs = 60 * 1000; // CoinGecko caches simple/price for 60 s on free plans

// Where a fetch's answer starts replacing its series: its first point, or the start of the window it
// asked for when that is earlier (CoinGecko may begin a little late; an older fetch's samples at
// other offsets must not stay in between). Everything after it is replaced as well.
template <typename Sample> qint64 replaceFrom(const QList<Sample> &samples, int days)
{
    if (samples.isEmpty()) {
        return 0;
    }
    const auto [first, last] = std::minmax_element(
        samples.cbegin(), samples.cend(), [](const Sample &a, const Sample &b) { return a.tsMs < b.tsMs; });
    return days == 0 ? first->tsMs : std::min(first->tsMs, last->tsMs - days * priceRange::DayMs);
}

qint64 monotonicMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}
} // namespace

PriceService::PriceService(CoinGeckoClient *client, PriceStore *store, Clock clock, QObject *parent)
    : QObject(parent), m_client(client), m_store(store),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{
    if (client) {
        // Another caller's 429 (the coin list) pauses our requests too: say so while they wait.
        connect(client->rateLimiter(), &RateLimiter::queueChanged, this, &PriceService::announcePause);
    }
}

void PriceService::announcePause()
{
    const qint64 held = m_client && !m_pending.isEmpty() ? m_client->rateLimiter()->holdRemainingMs() : 0;
    if (held > 0) {
        Q_EMIT retryScheduled(int((held + 999) / 1000), FetchError::Kind::RateLimited);
    }
}

PriceService::~PriceService()
{
    cancel();
}

void PriceService::select(const QString &coinId, const QString &currency, PriceRange range)
{
    const bool changed = coinId != m_data.coinId || currency != m_data.currency || range != m_data.range;
    m_data.coinId = coinId;
    m_data.currency = currency;
    m_data.range = range;
    m_data.sampleStepMs = priceRange::sampleStepMs(range);
    m_data.candleStepMs = priceRange::candleStepMs(range);
    if (changed && isBusy()) {
        // Replies for the previous selection would be stored but must not finish this one's refresh.
        cancel();
    }
    reloadFromStore();
}

void PriceService::attachTo(RefreshCoordinator *coordinator)
{
    coordinator->addStep(
        {StepNames::Prices, [this](const StepStart &how) { refresh(how.id, how.force); }, {}, {}, 0});
    connect(this, &PriceService::finished, coordinator, &RefreshCoordinator::reportStep);
}

SeriesKey PriceService::priceSeries() const
{
    return {m_data.coinId, m_data.currency, m_data.sampleStepMs};
}

SeriesKey PriceService::candleSeries() const
{
    return {m_data.coinId, m_data.currency, m_data.candleStepMs};
}

void PriceService::reloadFromStore()
{
    // The window ends at the newest stored point rather than at "now": the same stored data always
    // reads as the same series (an analysis of it is the same analysis), and an old cache still shows.
    const auto window = [](std::optional<qint64> newest, int days) {
        const qint64 end = newest.value_or(-1);
        return std::pair<qint64, qint64>{days == 0 ? 0 : end - days * priceRange::DayMs, end};
    };
    const auto [priceFrom, priceTo] =
        window(m_store->latestTimestamp(priceSeries()), priceRange::days(m_data.range));
    m_data.prices = m_store->prices(priceSeries(), priceFrom, priceTo);
    const auto [candleFrom, candleTo] =
        window(m_store->latestCandleTimestamp(candleSeries()), priceRange::ohlcDays(m_data.range));
    m_data.candles = m_store->candles(candleSeries(), candleFrom, candleTo);
    m_data.snapshot = m_store->snapshot(m_data.coinId, m_data.currency);
    m_data.lastFetchedMs =
        m_store->lastFetched(kSource, m_data.coinId, m_data.currency, fetchKey(kChart)).value_or(0);
    const qint64 newest = m_data.prices.isEmpty() ? 0 : m_data.prices.constLast().tsMs;
    m_data.stale = !m_data.prices.isEmpty() && m_clock() - newest > priceRange::staleAfterMs(m_data.range);
    Q_EMIT dataChanged(m_data);
}

// One fetch-log row per series (not per range): "market_chart:1h" serves 7D, 30D and 90D.
QString PriceService::fetchKey(const QString &kind) const
{
    if (kind == kSpot) {
        return QStringLiteral("spot");
    }
    return kind + u':' + priceRange::stepKey(kind == kChart ? m_data.sampleStepMs : m_data.candleStepMs);
}

int PriceService::fetchDays(const QString &kind) const
{
    return kind == kOhlc ? priceRange::ohlcDays(m_data.range) : priceRange::days(m_data.range);
}

// Fresh = the series' last fetch reached back far enough for this range and ended recently. A fetch
// time in the future (the clock was moved back) is stale: it would otherwise stay fresh for hours.
bool PriceService::isFresh(const QString &kind) const
{
    const auto fetched = m_store->lastFetch(kSource, m_data.coinId, m_data.currency, fetchKey(kind));
    if (!fetched) {
        return false;
    }
    const qint64 age = m_clock() - fetched->fetchedMs;
    const qint64 freshFor = kind == kSpot ? kSpotFreshMs : priceRange::freshnessMs(m_data.range);
    return age >= 0 && age < freshFor &&
           (kind == kSpot || priceRange::covers(fetched->days, fetchDays(kind)));
}

void PriceService::refresh(const QString &correlationId, bool force)
{
    cancel();
    CorrelationScope scope(correlationId);
    m_correlationId = correlationId;
    m_rowsStored = 0;
    m_firstError.reset();
    m_refreshElapsedStart = monotonicMs();

    if (m_offline || !m_client) {
        StepReport report{StepNames::Prices, true, true, {}, 0, 0, tr("offline: showing cached prices")};
        qCInfo(lc) << "Offline: prices served from the cache only";
        Q_EMIT finished(report);
        return;
    }

    const QString coin = m_data.coinId;
    const QString currency = m_data.currency;
    const auto saved = [this](const WriteResult &result) {
        return Saved{result.ok ? result.rows : 0, result.ok ? QString() : m_store->lastError()};
    };
    if (force || !isFresh(kSpot)) {
        startJob(kSpot, m_client->simplePrice(coin, currency), [this](ApiCall *call) {
            const auto *reply = static_cast<ApiReply<MarketSnapshot> *>(call);
            return m_store->saveSnapshot(reply->value(), m_clock()) ? Saved{1, {}}
                                                                    : Saved{0, m_store->lastError()};
        });
    }
    if (force || !isFresh(kChart)) {
        const SeriesKey series = priceSeries();
        const int days = priceRange::days(m_data.range);
        startJob(
            kChart, m_client->marketChart(coin, currency, days), [this, series, days, saved](ApiCall *call) {
                const QList<PricePoint> &points = static_cast<ApiReply<QList<PricePoint>> *>(call)->value();
                return saved(m_store->replacePrices(series, replaceFrom(points, days), points));
            });
    }
    if (force || !isFresh(kOhlc)) {
        const SeriesKey series = candleSeries();
        const int days = priceRange::ohlcDays(m_data.range);
        startJob(kOhlc, m_client->ohlc(coin, currency, days), [this, series, days, saved](ApiCall *call) {
            const QList<Candle> &candles = static_cast<ApiReply<QList<Candle>> *>(call)->value();
            return saved(m_store->replaceCandles(series, replaceFrom(candles, days), candles));
        });
    }
    announcePause(); // CoinGecko may have asked for a pause already: say so, not just "busy"
    if (m_pending.isEmpty()) {
        qCInfo(lc).noquote() << "Prices for" << coin << currency << priceRange::key(m_data.range)
                             << "are fresh; nothing fetched";
        Q_EMIT finished({StepNames::Prices, true, true, {}, 0, 0, tr("cached prices are fresh")});
    }
}

void PriceService::startJob(const QString &kind, ApiCall *call, SaveFn save)
{
    const quint64 generation = m_generation;
    m_pending.append(call);
    connect(call, &ApiCall::retryScheduled, this, &PriceService::retryScheduled);
    connect(call, &ApiCall::finished, this, [this, kind, call, save = std::move(save), generation] {
        if (generation != m_generation) {
            return; // superseded by a newer refresh or selection
        }
        onJobFinished(kind, call, save);
    });
}

void PriceService::onJobFinished(const QString &kind, ApiCall *call, const SaveFn &save)
{
    CorrelationScope scope(m_correlationId);
    m_pending.removeAll(call);
    if (call->ok()) {
        const Saved saved = save(call);
        if (!saved.error.isEmpty()) {
            FetchError error;
            error.kind = FetchError::Kind::StorageFailed;
            error.userMessage = tr("The prices arrived but could not be saved (%1); check the free disk "
                                   "space and that the data folder is writable.")
                                    .arg(saved.error);
            error.detail = kind + QStringLiteral(": ") + saved.error;
            recordFailure(kind, error);
        } else if (!m_store->markFetched(kSource, m_data.coinId, m_data.currency, fetchKey(kind), m_clock(),
                                         kind == kSpot ? 0 : fetchDays(kind))) {
            // Stored but not recorded: the next refresh fetches it again, which is safe.
            qCWarning(lc).noquote() << kind << "stored but its fetch time could not be recorded";
            m_rowsStored += saved.rows;
        } else {
            m_rowsStored += saved.rows;
        }
        reloadFromStore();
    } else if (call->error().kind != FetchError::Kind::Cancelled) {
        recordFailure(kind, call->error());
    }
    if (m_pending.isEmpty()) {
        finishRefresh();
    }
}

void PriceService::recordFailure(const QString &kind, const FetchError &error)
{
    qCWarning(lc).noquote() << kind << "failed:" << FetchError::kindName(error.kind) << error.detail;
    if (!m_firstError) {
        m_firstError = error;
    }
    Q_EMIT failed(error);
}

void PriceService::finishRefresh()
{
    StepReport report;
    report.step = StepNames::Prices;
    report.ok = !m_firstError.has_value();
    report.error = m_firstError.value_or(FetchError{});
    report.latencyMs = monotonicMs() - m_refreshElapsedStart;
    report.items = m_rowsStored;
    if (!report.ok) {
        report.note = tr("showing cached prices");
    }
    Q_EMIT finished(report);
}

void PriceService::cancel()
{
    ++m_generation;
    const auto pending = std::exchange(m_pending, {});
    for (const QPointer<ApiCall> &call : pending) {
        if (call) {
            call->abort();
        }
    }
}

} // namespace ba
