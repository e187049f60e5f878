#include "services/PriceService.h"

#include "domain/SourceIds.h"
#include "logging/Correlation.h"
#include "net/CoinGeckoClient.h"
#include "storage/PriceStore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>

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
    if (changed && isBusy()) {
        // Replies for the previous selection would be stored but must not finish this one's refresh.
        cancel();
    }
    reloadFromStore();
}

void PriceService::reloadFromStore()
{
    const qint64 now = m_clock();
    m_data.prices = m_store->prices(m_data.coinId, m_data.currency,
                                    priceRange::windowStartMs(m_data.range, now), now + 60 * 60 * 1000);
    m_data.candles = m_store->candles(m_data.coinId, m_data.currency,
                                      priceRange::windowStartMs(m_data.range, now), now + 60 * 60 * 1000);
    m_data.snapshot = m_store->snapshot(m_data.coinId, m_data.currency);
    m_data.lastFetchedMs =
        m_store->lastFetched(kSource, m_data.coinId, m_data.currency, rangeKey(kChart)).value_or(0);
    const qint64 newest = m_data.prices.isEmpty() ? 0 : m_data.prices.constLast().tsMs;
    m_data.stale = !m_data.prices.isEmpty() && now - newest > priceRange::staleAfterMs(m_data.range);
    Q_EMIT dataChanged(m_data);
}

QString PriceService::rangeKey(const QString &kind) const
{
    return kind == kSpot ? QStringLiteral("spot") : kind + u':' + priceRange::key(m_data.range);
}

bool PriceService::isFresh(const QString &kind) const
{
    const auto fetched = m_store->lastFetched(kSource, m_data.coinId, m_data.currency, rangeKey(kind));
    const qint64 freshFor = kind == kSpot ? kSpotFreshMs : priceRange::freshnessMs(m_data.range);
    return fetched && m_clock() - *fetched < freshFor;
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
        StepReport report{
            QStringLiteral("prices"), true, true, {}, 0, 0, tr("offline: showing cached prices")};
        qCInfo(lc) << "Offline: prices served from the cache only";
        Q_EMIT finished(report);
        return;
    }

    const QString coin = m_data.coinId;
    const QString currency = m_data.currency;
    if (force || !isFresh(kSpot)) {
        startJob(kSpot, m_client->simplePrice(coin, currency), [this](ApiCall *call) {
            const auto *reply = static_cast<ApiReply<MarketSnapshot> *>(call);
            return m_store->saveSnapshot(reply->value(), m_clock()) ? 1 : 0;
        });
    }
    if (force || !isFresh(kChart)) {
        startJob(kChart, m_client->marketChart(coin, currency, priceRange::days(m_data.range)),
                 [this, coin, currency](ApiCall *call) {
                     const auto *reply = static_cast<ApiReply<QList<PricePoint>> *>(call);
                     const WriteResult result = m_store->upsertPrices(coin, currency, reply->value());
                     return result.ok ? result.rows : 0;
                 });
    }
    if (force || !isFresh(kOhlc)) {
        startJob(kOhlc, m_client->ohlc(coin, currency, priceRange::ohlcDays(m_data.range)),
                 [this, coin, currency](ApiCall *call) {
                     const auto *reply = static_cast<ApiReply<QList<Candle>> *>(call);
                     const WriteResult result = m_store->upsertCandles(coin, currency, reply->value());
                     return result.ok ? result.rows : 0;
                 });
    }
    announcePause(); // CoinGecko may have asked for a pause already: say so, not just "busy"
    if (m_pending.isEmpty()) {
        qCInfo(lc).noquote() << "Prices for" << coin << currency << priceRange::key(m_data.range)
                             << "are fresh; nothing fetched";
        Q_EMIT finished({QStringLiteral("prices"), true, true, {}, 0, 0, tr("cached prices are fresh")});
    }
}

void PriceService::startJob(const QString &kind, ApiCall *call, std::function<int(ApiCall *)> store)
{
    const quint64 generation = m_generation;
    m_pending.append(call);
    connect(call, &ApiCall::retryScheduled, this, &PriceService::retryScheduled);
    connect(call, &ApiCall::finished, this, [this, kind, call, store = std::move(store), generation] {
        if (generation != m_generation) {
            return; // superseded by a newer refresh or selection
        }
        onJobFinished(kind, call, store);
    });
}

void PriceService::onJobFinished(const QString &kind, ApiCall *call,
                                 const std::function<int(ApiCall *)> &store)
{
    CorrelationScope scope(m_correlationId);
    m_pending.removeAll(call);
    if (call->ok()) {
        const int rows = store(call);
        m_rowsStored += rows;
        m_store->markFetched(kSource, m_data.coinId, m_data.currency, rangeKey(kind), m_clock());
        reloadFromStore();
    } else if (call->error().kind != FetchError::Kind::Cancelled) {
        qCWarning(lc).noquote() << kind << "failed:" << FetchError::kindName(call->error().kind)
                                << call->error().detail;
        if (!m_firstError) {
            m_firstError = call->error();
        }
        Q_EMIT failed(call->error());
    }
    if (m_pending.isEmpty()) {
        finishRefresh();
    }
}

void PriceService::finishRefresh()
{
    StepReport report;
    report.step = QStringLiteral("prices");
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
