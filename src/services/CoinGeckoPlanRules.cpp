#include "services/CoinGeckoPlanRules.h"

#include "domain/AppConfig.h"

namespace ba {

CoinGeckoClient::Config coinGeckoClientConfig(const QUrl &configuredUrl, CoinGeckoPlan plan,
                                              const QString &key, int requestsPerMinute)
{
    CoinGeckoClient::Config gecko;
    gecko.apiKey = key;
    gecko.plan = key.isEmpty() ? CoinGeckoPlan::Keyless
                               : (plan == CoinGeckoPlan::Keyless ? CoinGeckoPlan::Demo : plan);
    const bool defaultHost = configuredUrl == QUrl(QString::fromLatin1(ConfigDefaults::CoinGeckoUrl));
    gecko.baseUrl = gecko.plan == CoinGeckoPlan::Pro && defaultHost
                        ? CoinGeckoClient::defaultBaseUrl(CoinGeckoPlan::Pro)
                        : configuredUrl;
    if (requestsPerMinute > 0) {
        gecko.budget = RateLimiter::Budget{requestsPerMinute, 60000};
    }
    return gecko;
}

} // namespace ba
