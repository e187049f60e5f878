#include "services/CoinCatalog.h"

#include "net/CoinGeckoClient.h"
#include "services/AppSettings.h"

#include <QDateTime>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.coins")
} // namespace

namespace ba {

CoinCatalog::CoinCatalog(CoinGeckoClient *client, AppSettings *settings, QObject *parent)
    : QObject(parent), m_client(client), m_settings(settings), m_coins(builtInCoins()),
      m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    load();
}

CoinCatalog::~CoinCatalog()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

QList<CoinChoice> CoinCatalog::builtInCoins()
{
    return {{QStringLiteral("bitcoin"), labelFor(QStringLiteral("Bitcoin"), QStringLiteral("btc"))},
            {QStringLiteral("ethereum"), labelFor(QStringLiteral("Ethereum"), QStringLiteral("eth"))},
            {QStringLiteral("solana"), labelFor(QStringLiteral("Solana"), QStringLiteral("sol"))},
            {QStringLiteral("litecoin"), labelFor(QStringLiteral("Litecoin"), QStringLiteral("ltc"))}};
}

QString CoinCatalog::labelFor(const QString &name, const QString &symbol)
{
    const QString shownName = name.simplified().isEmpty() ? symbol.toUpper() : name.simplified();
    return symbol.isEmpty() ? shownName : shownName + QStringLiteral(" (") + symbol.toUpper() + u')';
}

bool CoinCatalog::refreshIfOld(const QString &currency)
{
    if (m_offline || !m_client || m_reply) {
        return false;
    }
    const qint64 now = m_clock();
    if (m_fetchedMs > 0 && now - m_fetchedMs < MaxAgeMs && now >= m_fetchedMs) {
        return false;
    }
    auto *reply = m_client->markets(currency, TopCount);
    m_reply = reply;
    connect(reply, &ApiCall::finished, this, [this, reply] {
        m_reply.clear();
        if (!reply->ok()) {
            qCWarning(lc).noquote() << "Top coins not updated, keeping" << m_coins.size()
                                    << "coins:" << reply->error().detail;
            Q_EMIT fetchFailed(reply->error());
            return;
        }
        QList<CoinChoice> coins;
        for (const CoinListing &listing : reply->value()) {
            if (!listing.id.isEmpty()) {
                coins.append({listing.id, labelFor(listing.name, listing.symbol)});
            }
        }
        if (coins.isEmpty()) {
            qCWarning(lc) << "CoinGecko listed no coins; keeping the current list";
            return;
        }
        m_fetchedMs = m_clock();
        qCInfo(lc) << "Top coins updated:" << coins.size() << "coins";
        if (coins != m_coins) {
            m_coins = coins;
            Q_EMIT coinsChanged(m_coins);
        }
        save();
    });
    return true;
}

void CoinCatalog::load()
{
    if (!m_settings) {
        return;
    }
    const CoinListCache cached = m_settings->coinList();
    if (!cached.coins.isEmpty()) {
        m_coins = cached.coins;
        m_fetchedMs = cached.fetchedMs;
    }
}

void CoinCatalog::save() const
{
    if (m_settings) {
        m_settings->setCoinList({m_coins, m_fetchedMs});
    }
}

} // namespace ba
