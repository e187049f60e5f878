#pragma once

#include "domain/FetchError.h"
#include "domain/MarketTypes.h"
#include "net/CoinGeckoTypes.h"
#include "net/HttpTypes.h"

#include <QByteArray>
#include <QList>

namespace ba {

// CoinGecko JSON -> domain types. Pure functions: no network, every odd body is unit-testable.
// Tolerates nulls (points skipped, optional fields left empty), exponent notation, integers,
// numeric strings, empty arrays and missing optional keys. A body that carries one of CoinGecko's
// error shapes yields that error even with HTTP 200.
class CoinGeckoParser
{
public:
    static FetchError parsePing(const QByteArray &body, QString *geckoSays);
    // `{}` or a body without the coin means CoinGecko does not know it: NotFound.
    static FetchError parseSimplePrice(const QByteArray &body, const QString &coinId, const QString &currency,
                                       MarketSnapshot *out);
    // Points sorted by time, one per timestamp; marketCap/volume joined by timestamp.
    static FetchError parseMarketChart(const QByteArray &body, QList<PricePoint> *out);
    static FetchError parseOhlc(const QByteArray &body, QList<Candle> *out);
    static FetchError parseMarkets(const QByteArray &body, QList<CoinListing> *out);
    static FetchError parseSearch(const QByteArray &body, QList<CoinListing> *out);

    // The error for a failed HTTP result, refined with what CoinGecko's error body says
    // (10002 missing key, 10010/10011 key-host mismatch, 10012 365-day limit, invalid vs_currency,
    // coin not found, 429). Falls back to result.error when the body says nothing useful.
    static FetchError errorFromResult(const HttpResult &result);

    // Error shapes: {"status":{"error_code","error_message"}}, {"error_code", "status":{"error_message"}},
    // {"error":{"status":{...}}}, {"error":"text"}. False when the body is not one of them.
    struct ApiError
    {
        int code = 0; // 0 when the body only has a message
        QString message;
    };
    static bool readApiError(const QByteArray &body, ApiError *out);
};

} // namespace ba
