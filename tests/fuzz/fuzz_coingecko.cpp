// CoinGecko JSON bodies: every parser of CoinGeckoParser reads the same input.
#include "FuzzSupport.h"
#include "net/CoinGeckoParser.h"

BA_FUZZ_QUIET_INITIALIZE()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ba;
    const QByteArray body = fuzz::bytesOf(data, size);

    QString says;
    CoinGeckoParser::parsePing(body, &says);
    MarketSnapshot snapshot;
    CoinGeckoParser::parseSimplePrice(body, QStringLiteral("bitcoin"), QStringLiteral("usd"), &snapshot);

    QList<PricePoint> points;
    if (!CoinGeckoParser::parseMarketChart(body, &points).isError()) {
        for (qsizetype i = 1; i < points.size(); ++i) {
            BA_FUZZ_CHECK(points.at(i - 1).tsMs < points.at(i).tsMs); // sorted, one per timestamp
        }
    }
    QList<Candle> candles;
    CoinGeckoParser::parseOhlc(body, &candles);
    QList<CoinListing> coins;
    CoinGeckoParser::parseMarkets(body, &coins);
    coins.clear();
    CoinGeckoParser::parseSearch(body, &coins);

    CoinGeckoParser::ApiError apiError;
    CoinGeckoParser::readApiError(body, &apiError);
    for (const int status : {400, 401, 404, 429, 500}) {
        HttpResult failed;
        failed.status = status;
        failed.body = body;
        failed.error.kind = FetchError::Kind::BadRequest;
        failed.error.userMessage = QStringLiteral("CoinGecko rejected the request.");
        const FetchError error = CoinGeckoParser::errorFromResult(failed);
        BA_FUZZ_CHECK(error.isError());
        BA_FUZZ_CHECK(!error.userMessage.isEmpty());
    }
    return 0;
}
