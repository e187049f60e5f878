#pragma once

#include "domain/FetchError.h"
#include "domain/MarketTypes.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace ba {

class AppSettings;
class CoinGeckoClient;
class ApiCall;

// The coin picker's list: CoinGecko's top coins by market cap (/coins/markets), fetched at most
// once a day and remembered between runs in the settings, so start-up shows the last list at
// once without a request. Until a first list arrives it offers a few well-known coins. A failed
// fetch keeps the list it had (the request's error is logged and counted like any other).
class CoinCatalog : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // Unix ms
    static constexpr int TopCount = 50;
    static constexpr qint64 MaxAgeMs = 24LL * 60 * 60 * 1000;

    // Both must outlive the catalog; settings may be null (nothing remembered).
    CoinCatalog(CoinGeckoClient *client, AppSettings *settings, QObject *parent = nullptr);
    ~CoinCatalog() override;

    QList<CoinChoice> coins() const { return m_coins; }
    static QList<CoinChoice> builtInCoins();
    static QString labelFor(const QString &name, const QString &symbol);

    // Fetches the list when it is older than MaxAgeMs (or never fetched); does nothing offline or
    // while a fetch runs. Returns true when a request was started.
    bool refreshIfOld(const QString &currency);
    void setOffline(bool offline) { m_offline = offline; }
    void setClock(Clock clock) { m_clock = std::move(clock); }
    bool isFetching() const { return !m_reply.isNull(); }

Q_SIGNALS:
    void coinsChanged(const QList<ba::CoinChoice> &coins);
    void fetchFailed(const ba::FetchError &error);

private:
    void load();
    void save() const;

    CoinGeckoClient *m_client;
    AppSettings *m_settings;
    QList<CoinChoice> m_coins;
    qint64 m_fetchedMs = 0;
    bool m_offline = false;
    Clock m_clock;
    QPointer<ApiCall> m_reply;
};

} // namespace ba

Q_DECLARE_METATYPE(ba::CoinChoice)
