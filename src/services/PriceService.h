#pragma once

#include "domain/MarketTypes.h"
#include "domain/PriceRange.h"
#include "services/StepReport.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

namespace ba {

class ApiCall;
class CoinGeckoClient;
class PriceStore;
class RefreshCoordinator;

// What the chart shows for the current coin, currency and range, always read from the store:
// exactly one evenly spaced series (sampleStepMs apart) and one candle series, each covering the
// range's window back from its newest stored point.
struct PriceData
{
    QString coinId;
    QString currency;
    PriceRange range = PriceRange::Month;
    qint64 sampleStepMs = 0; // 5 min, 1 h or 1 day (CoinGecko's granularity for the range)
    qint64 candleStepMs = 0; // 30 min, 4 h or 4 days
    QList<PricePoint> prices;
    QList<Candle> candles;
    std::optional<MarketSnapshot> snapshot;
    qint64 lastFetchedMs = 0; // 0 = never fetched in this data dir
    bool stale = false;
};

// Keeps the price cache of the current selection up to date: serves the store at once, then fetches
// what is no longer fresh (simple/price, market_chart, ohlc concurrently), stores and serves again.
// A fetch replaces its window of the range's series, so a range never reads samples of two fetches
// at different offsets or spacings. A fetch serves every shorter range of the same spacing while it
// is fresh. A failed fetch or a failed write keeps what is stored, reports why and marks nothing fresh.
class PriceService : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // wall clock, Unix ms

    PriceService(CoinGeckoClient *client, PriceStore *store, Clock clock = {}, QObject *parent = nullptr);
    ~PriceService() override;

    // Changes what is shown; emits dataChanged() from the cache immediately. Does not fetch.
    void select(const QString &coinId, const QString &currency, PriceRange range);
    const PriceData &data() const { return m_data; }
    void reloadFromStore();

    // Fetches what is stale (everything when force). Ends with exactly one finished().
    void refresh(const QString &correlationId, bool force = false);
    void cancel();
    bool isBusy() const { return !m_pending.isEmpty(); }
    void setOffline(bool offline) { m_offline = offline; }
    // Plugs this service into each refresh as the "prices" step, which needs no other step.
    void attachTo(RefreshCoordinator *coordinator);

Q_SIGNALS:
    void dataChanged(const ba::PriceData &data);
    void finished(const ba::StepReport &report);
    void failed(const ba::FetchError &error); // each failed request or write, as it happens
    // A request tries again in about `seconds`; RateLimited: CoinGecko asked for the pause.
    void retryScheduled(int seconds, ba::FetchError::Kind reason);

private:
    // What saving one answer did; error is set when nothing could be saved.
    struct Saved
    {
        int rows = 0;
        QString error;
    };
    using SaveFn = std::function<Saved(ApiCall *)>;

    SeriesKey priceSeries() const;
    SeriesKey candleSeries() const;
    bool isFresh(const QString &kind) const;
    void announcePause();
    void startJob(const QString &kind, ApiCall *call, SaveFn save);
    void onJobFinished(const QString &kind, ApiCall *call, const SaveFn &save);
    void recordFailure(const QString &kind, const FetchError &error);
    void finishRefresh();
    QString fetchKey(const QString &kind) const;
    int fetchDays(const QString &kind) const;

    QPointer<CoinGeckoClient> m_client;
    PriceStore *m_store;
    Clock m_clock;
    PriceData m_data;
    bool m_offline = false;

    QList<QPointer<ApiCall>> m_pending;
    QString m_correlationId;
    qint64 m_refreshElapsedStart = 0;
    int m_rowsStored = 0;
    std::optional<FetchError> m_firstError;
    quint64 m_generation = 0; // a newer refresh or selection supersedes replies of an older one
};

} // namespace ba

Q_DECLARE_METATYPE(ba::PriceData)
