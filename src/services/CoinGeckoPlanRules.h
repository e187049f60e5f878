#pragma once

#include "net/CoinGeckoClient.h"

#include <QString>
#include <QUrl>

namespace ba {

// How the user's CoinGecko plan, key and request budget (Settings) become the client's
// configuration:
// - no key: Keyless, whatever plan was chosen;
// - a key with no chosen plan: most likely a free Demo key;
// - Pro on the default host moves to pro-api.coingecko.com; a host given with --coingecko-url
//   (a fake, a proxy) is kept for every plan;
// - requestsPerMinute > 0 replaces the plan's budget, 0 keeps it.
CoinGeckoClient::Config coinGeckoClientConfig(const QUrl &configuredUrl, CoinGeckoPlan plan,
                                              const QString &key, int requestsPerMinute);

} // namespace ba
