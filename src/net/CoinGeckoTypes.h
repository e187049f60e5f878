#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace ba {

// Which CoinGecko plan the key belongs to: decides the key header and what history is allowed.
enum class CoinGeckoPlan
{
    Keyless,
    Demo,
    Pro
};

// One coin in /coins/markets or /search results.
struct CoinListing
{
    QString id;     // "bitcoin": what every other endpoint takes
    QString symbol; // "btc" (markets) or "BTC" (search), as CoinGecko sends it
    QString name;   // "Bitcoin"
    std::optional<int> marketCapRank;
};

} // namespace ba

Q_DECLARE_METATYPE(ba::CoinListing)
