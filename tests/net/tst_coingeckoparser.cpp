#include "ParserTestSupport.h"
#include "net/CoinGeckoParser.h"

#include <QTest>

using ba::Candle;
using ba::CoinGeckoParser;
using ba::CoinListing;
using ba::FetchError;
using ba::HttpResult;
using ba::MarketSnapshot;
using ba::PricePoint;

using ba::testing::failedHttp;
using ba::testing::sample;

class TestCoinGeckoParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseMarketChart_sample_joinsPricesCapsAndVolumes();
    void parseMarketChart_oddBodies_data();
    void parseMarketChart_oddBodies();
    void parseMarketChart_unsortedWithDuplicates_sortsAndKeepsLast();
    void parseMarketChart_fastAndGeneralReaders_agree();
    void parseMarketChart_errorObjectWith200_isThatError();
    void parseSimplePrice_sample_fillsSnapshot();
    void parseSimplePrice_oddBodies_data();
    void parseSimplePrice_oddBodies();
    void parseOhlc_sample_readsCandles();
    void parseOhlc_nullsAndShortRows_areSkipped();
    void parseOhlc_notAnArray_isBadResponse();
    void parseMarkets_sample_readsListing();
    void parseMarkets_missingFields_areTolerated();
    void parseSearch_sample_readsCoins();
    void parseSearch_missingCoins_isEmpty();
    void parsePing_sample_readsGeckoSays();
    void errorFromResult_errorBodies_data();
    void errorFromResult_errorBodies();
    void numbersBeyondTheirType_areDroppedNotConverted();
};

void TestCoinGeckoParser::parseMarketChart_sample_joinsPricesCapsAndVolumes()
{
    QList<PricePoint> points;
    const FetchError e =
        CoinGeckoParser::parseMarketChart(sample("coingecko_market_chart_sample.json"), &points);
    QVERIFY(!e.isError());
    QCOMPARE(points.size(), 3);
    QCOMPARE(points[0].tsMs, 1711843200000LL);
    QCOMPARE(points[0].price, 69702.3087473573);
    QCOMPARE(points[0].marketCap.value_or(-1), 1370247487960.09);
    QCOMPARE(points[0].volume.value_or(-1), 16408802301.8374);
    QCOMPARE(points[2].tsMs, 1711983682000LL); // the "now" point, off the daily grid
    QCOMPARE(points[2].volume.value_or(-1), 30137418199.6431);
}

void TestCoinGeckoParser::parseMarketChart_oddBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FetchError::Kind>("kind");
    QTest::addColumn<int>("points");
    QTest::addColumn<double>("firstPrice");
    QTest::addColumn<bool>("firstHasCap");

    using K = FetchError::Kind;
    QTest::newRow("exponent notation")
        << QByteArray(
               R"({"prices":[[1702425600000,1.6446899669484214e-05]],"market_caps":[[1702425600000,2.1E3]],"total_volumes":[]})")
        << K::None << 1 << 1.6446899669484214e-05 << true;
    QTest::newRow("integers")
        << QByteArray(
               R"({"prices":[[1711843200000,69702]],"market_caps":[[1711843200000,1370247487960]],"total_volumes":[[1711843200000,5]]})")
        << K::None << 1 << 69702.0 << true;
    QTest::newRow("timestamp as float")
        << QByteArray(R"({"prices":[[1711843200000.0,1.5]]})") << K::None << 1 << 1.5 << false;
    QTest::newRow("numeric strings") << QByteArray(R"({"prices":[["1711843200000","42.5"]]})") << K::None << 1
                                     << 42.5 << false;
    QTest::newRow("null market cap")
        << QByteArray(
               R"({"prices":[[1491091200000,1080.2]],"market_caps":[[1491091200000,null]],"total_volumes":[[1491091200000,null]]})")
        << K::None << 1 << 1080.2 << false;
    QTest::newRow("null price skipped")
        << QByteArray(R"({"prices":[[1,null],[2,3.5]],"market_caps":[],"total_volumes":[]})") << K::None << 1
        << 3.5 << false;
    QTest::newRow("malformed points skipped")
        << QByteArray(R"({"prices":[[1],[],"x",{"a":1},[2,3.5,9]]})") << K::None << 1 << 3.5 << false;
    QTest::newRow("empty arrays") << QByteArray(R"({"prices":[],"market_caps":[],"total_volumes":[]})")
                                  << K::None << 0 << 0.0 << false;
    QTest::newRow("missing caps and volumes")
        << QByteArray(R"({"prices":[[1,2]]})") << K::None << 1 << 2.0 << false;
    QTest::newRow("missing prices") << QByteArray(R"({"market_caps":[],"total_volumes":[]})")
                                    << K::BadResponse << 0 << 0.0 << false;
    QTest::newRow("empty object") << QByteArray("{}") << K::BadResponse << 0 << 0.0 << false;
    QTest::newRow("prices not an array")
        << QByteArray(R"({"prices":null})") << K::BadResponse << 0 << 0.0 << false;
    QTest::newRow("not JSON") << QByteArray("<html>hi</html>") << K::BadResponse << 0 << 0.0 << false;
    QTest::newRow("truncated JSON") << QByteArray(R"({"prices":[[1711843200000,69702.3)") << K::BadResponse
                                    << 0 << 0.0 << false;
    QTest::newRow("empty body") << QByteArray() << K::BadResponse << 0 << 0.0 << false;
    QTest::newRow("array root") << QByteArray("[]") << K::BadResponse << 0 << 0.0 << false;
    QTest::newRow("blanks and any key order")
        << QByteArray(" {\n \"total_volumes\" : [ [ 1 , 2 ] ] "
                      ",\"prices\":[[1,2.5]],\t\"market_caps\":[[1,3e0]]}\r\n")
        << K::None << 1 << 2.5 << true;
    QTest::newRow("negative time skipped")
        << QByteArray(R"({"prices":[[-5,1],[2,3.5]]})") << K::None << 1 << 3.5 << false;
    QTest::newRow("unknown key still read")
        << QByteArray(R"({"prices":[[1,2]],"extra":{"a":[1]}})") << K::None << 1 << 2.0 << false;
    QTest::newRow("leading zero is not JSON")
        << QByteArray(R"({"prices":[[01,2]]})") << K::BadResponse << 0 << 0.0 << false;
    QTest::newRow("number out of range")
        << QByteArray(R"({"prices":[[1,1e999]]})") << K::BadResponse << 0 << 0.0 << false;
    QTest::newRow("garbage after the object")
        << QByteArray(R"({"prices":[[1,2]]} x)") << K::BadResponse << 0 << 0.0 << false;
}

void TestCoinGeckoParser::parseMarketChart_oddBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(FetchError::Kind, kind);
    QFETCH(int, points);
    QFETCH(double, firstPrice);
    QFETCH(bool, firstHasCap);

    QList<PricePoint> out;
    const FetchError e = CoinGeckoParser::parseMarketChart(body, &out);

    QCOMPARE(FetchError::kindName(e.kind), FetchError::kindName(kind));
    if (e.isError()) {
        QVERIFY(!e.userMessage.isEmpty());
        QVERIFY(!e.detail.isEmpty());
        return;
    }
    QCOMPARE(out.size(), points);
    if (points > 0) {
        QCOMPARE(out[0].price, firstPrice);
        QCOMPARE(out[0].marketCap.has_value(), firstHasCap);
    }
}

void TestCoinGeckoParser::parseMarketChart_unsortedWithDuplicates_sortsAndKeepsLast()
{
    QList<PricePoint> out;
    const QByteArray body = R"({"prices":[[3000,3],[1000,1],[2000,2],[2000,2.5]],"market_caps":[[2000,20]]})";
    QVERIFY(!CoinGeckoParser::parseMarketChart(body, &out).isError());
    QCOMPARE(out.size(), 3);
    QCOMPARE(out[0].tsMs, 1000);
    QCOMPARE(out[1].tsMs, 2000);
    QCOMPARE(out[1].price, 2.5);
    QCOMPARE(out[1].marketCap.value_or(-1), 20.0);
    QCOMPARE(out[2].tsMs, 3000);
}

void TestCoinGeckoParser::parseMarketChart_fastAndGeneralReaders_agree()
{
    // Plain numbers take the single-pass scanner; one numeric string sends the same data
    // through QJsonDocument. Both must give the same points: sorted, last of equal times,
    // caps and volumes joined by exact time (the last given for a time).
    const QByteArray fast = R"({"prices":[[3000,3],[1000,1],[2000,2],[2000,2.5],[4000,null]],)"
                            R"("market_caps":[[2000,20],[2000,21],[1000,null],[3000,30]],)"
                            R"("total_volumes":[[1000,7],[3000,9],[2500,8]]})";
    QByteArray general = fast;
    general.replace(R"([1000,7])", R"(["1000",7])");
    QList<PricePoint> a;
    QList<PricePoint> b;
    QVERIFY(!CoinGeckoParser::parseMarketChart(fast, &a).isError());
    QVERIFY(!CoinGeckoParser::parseMarketChart(general, &b).isError());
    QCOMPARE(a.size(), 3);
    QCOMPARE(b.size(), a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].tsMs, b[i].tsMs);
        QCOMPARE(a[i].price, b[i].price);
        QCOMPARE(a[i].marketCap, b[i].marketCap);
        QCOMPARE(a[i].volume, b[i].volume);
    }
    QCOMPARE(a[1].price, 2.5);
    QCOMPARE(a[1].marketCap, std::optional<double>(21));
    QCOMPARE(a[0].marketCap, std::nullopt);
    QCOMPARE(a[0].volume, std::optional<double>(7));
    QCOMPARE(a[2].volume, std::optional<double>(9));
}

void TestCoinGeckoParser::parseMarketChart_errorObjectWith200_isThatError()
{
    // One mock serves the 365-day limit with HTTP 200: the body still wins.
    const QByteArray body =
        R"({"error":{"status":{"timestamp":"2026-09-18T00:00:00.000+00:00","error_code":10012,"error_message":"Your request exceeds the allowed time range. Public API users are limited to querying historical data within the past 365 days."}}})";
    QList<PricePoint> out;
    const FetchError e = CoinGeckoParser::parseMarketChart(body, &out);
    QCOMPARE(e.kind, FetchError::Kind::BadRequest);
    QVERIFY(e.userMessage.contains(QLatin1String("365")));
    QVERIFY(e.detail.contains(QLatin1String("10012")));
}

void TestCoinGeckoParser::parseSimplePrice_sample_fillsSnapshot()
{
    MarketSnapshot s;
    const FetchError e = CoinGeckoParser::parseSimplePrice(
        sample("coingecko_simple_price_sample.json"), QStringLiteral("bitcoin"), QStringLiteral("usd"), &s);
    QVERIFY(!e.isError());
    QCOMPARE(s.coinId, QStringLiteral("bitcoin"));
    QCOMPARE(s.vsCurrency, QStringLiteral("usd"));
    QCOMPARE(s.price, 67187.3358936566);
    QCOMPARE(s.marketCap.value_or(-1), 1317802988326.25);
    QCOMPARE(s.volume24h.value_or(-1), 31260929299.5248);
    QCOMPARE(s.change24hPct.value_or(-1), 3.63727894677354);
    QCOMPARE(s.lastUpdatedMs, 1711356300000LL); // seconds on the wire
}

void TestCoinGeckoParser::parseSimplePrice_oddBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FetchError::Kind>("kind");
    QTest::addColumn<bool>("hasChange");

    using K = FetchError::Kind;
    QTest::newRow("unknown coin: {}") << QByteArray("{}") << K::NotFound << false;
    QTest::newRow("other coin only") << QByteArray(R"({"ethereum":{"usd":3400}})") << K::NotFound << false;
    QTest::newRow("coin without the currency") << QByteArray(R"({"bitcoin":{}})") << K::BadRequest << false;
    QTest::newRow("null price") << QByteArray(R"({"bitcoin":{"usd":null}})") << K::BadRequest << false;
    QTest::newRow("stale: change is null")
        << QByteArray(R"({"bitcoin":{"usd":67187,"usd_24h_change":null}})") << K::None << false;
    QTest::newRow("price only") << QByteArray(R"({"bitcoin":{"usd":6.7187E4}})") << K::None << false;
    QTest::newRow("negative change") << QByteArray(R"({"bitcoin":{"usd":1,"usd_24h_change":-2.5}})")
                                     << K::None << true;
    QTest::newRow("not an object") << QByteArray("[1,2]") << K::BadResponse << false;
    QTest::newRow("HTML") << QByteArray("<!DOCTYPE html>") << K::BadResponse << false;
    QTest::newRow("rate-limit body with 200")
        << sample("coingecko_error_429.json") << K::RateLimited << false;
}

void TestCoinGeckoParser::parseSimplePrice_oddBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(FetchError::Kind, kind);
    QFETCH(bool, hasChange);
    MarketSnapshot s;
    const FetchError e =
        CoinGeckoParser::parseSimplePrice(body, QStringLiteral("bitcoin"), QStringLiteral("usd"), &s);
    QCOMPARE(FetchError::kindName(e.kind), FetchError::kindName(kind));
    if (!e.isError()) {
        QCOMPARE(s.change24hPct.has_value(), hasChange);
        QCOMPARE(s.lastUpdatedMs, 0);
    } else {
        QVERIFY(!e.userMessage.isEmpty());
    }
}

void TestCoinGeckoParser::parseOhlc_sample_readsCandles()
{
    QList<Candle> candles;
    QVERIFY(!CoinGeckoParser::parseOhlc(sample("coingecko_ohlc_sample.json"), &candles).isError());
    QCOMPARE(candles.size(), 3);
    QCOMPARE(candles[0].tsMs, 1709395200000LL);
    QCOMPARE(candles[0].open, 61942.0);
    QCOMPARE(candles[0].high, 62211.0);
    QCOMPARE(candles[0].low, 61721.0);
    QCOMPARE(candles[0].close, 61845.0);
}

void TestCoinGeckoParser::parseOhlc_nullsAndShortRows_areSkipped()
{
    QList<Candle> candles;
    const QByteArray body = R"([[3,1,2,0.5,1.5],[1,null,2,1,1],[2,1,2],[4,1.0e0,2,1,"1.25"]])";
    QVERIFY(!CoinGeckoParser::parseOhlc(body, &candles).isError());
    QCOMPARE(candles.size(), 2);
    QCOMPARE(candles[0].tsMs, 3);
    QCOMPARE(candles[1].close, 1.25);
    QVERIFY(!CoinGeckoParser::parseOhlc("[]", &candles).isError());
    QVERIFY(candles.isEmpty());
}

void TestCoinGeckoParser::parseOhlc_notAnArray_isBadResponse()
{
    QList<Candle> candles;
    QCOMPARE(CoinGeckoParser::parseOhlc("{}", &candles).kind, FetchError::Kind::BadResponse);
    QCOMPARE(CoinGeckoParser::parseOhlc(sample("coingecko_error_404_coin_not_found.json"), &candles).kind,
             FetchError::Kind::NotFound);
}

void TestCoinGeckoParser::parseMarkets_sample_readsListing()
{
    QList<CoinListing> list;
    QVERIFY(!CoinGeckoParser::parseMarkets(sample("coingecko_coins_markets_sample.json"), &list).isError());
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].id, QStringLiteral("bitcoin"));
    QCOMPARE(list[0].symbol, QStringLiteral("btc"));
    QCOMPARE(list[0].name, QStringLiteral("Bitcoin"));
    QCOMPARE(list[0].marketCapRank.value_or(-1), 1);
}

void TestCoinGeckoParser::parseMarkets_missingFields_areTolerated()
{
    QList<CoinListing> list;
    const QByteArray body =
        R"([{"id":"a","market_cap_rank":null},{"symbol":"noid"},{"id":"b","name":"B","market_cap_rank":7}])";
    QVERIFY(!CoinGeckoParser::parseMarkets(body, &list).isError());
    QCOMPARE(list.size(), 2);
    QVERIFY(!list[0].marketCapRank.has_value());
    QCOMPARE(list[0].name, QString());
    QCOMPARE(list[1].marketCapRank.value_or(-1), 7);
    QCOMPARE(CoinGeckoParser::parseMarkets("{}", &list).kind, FetchError::Kind::BadResponse);
}

void TestCoinGeckoParser::parseSearch_sample_readsCoins()
{
    QList<CoinListing> list;
    QVERIFY(!CoinGeckoParser::parseSearch(sample("coingecko_search_sample.json"), &list).isError());
    QCOMPARE(list.size(), 3);
    QCOMPARE(list[0].id, QStringLiteral("ethereum"));
    QCOMPARE(list[0].symbol, QStringLiteral("ETH"));
    QCOMPARE(list[1].marketCapRank.value_or(-1), 27);
}

void TestCoinGeckoParser::parseSearch_missingCoins_isEmpty()
{
    QList<CoinListing> list{CoinListing{QStringLiteral("stale"), {}, {}, {}}};
    QVERIFY(!CoinGeckoParser::parseSearch("{\"exchanges\":[]}", &list).isError());
    QVERIFY(list.isEmpty());
}

void TestCoinGeckoParser::parsePing_sample_readsGeckoSays()
{
    QString says;
    QVERIFY(!CoinGeckoParser::parsePing(sample("coingecko_ping_sample.json"), &says).isError());
    QCOMPARE(says, QStringLiteral("(V3) To the Moon!"));
    QCOMPARE(CoinGeckoParser::parsePing("{}", &says).kind, FetchError::Kind::BadResponse);
}

void TestCoinGeckoParser::errorFromResult_errorBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<FetchError::Kind>("httpKind");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FetchError::Kind>("kind");
    QTest::addColumn<QString>("messageHas");

    using K = FetchError::Kind;
    QTest::newRow("429 JSON keeps HttpClient's wording")
        << 429 << K::RateLimited << sample("coingecko_error_429.json") << K::RateLimited
        << QStringLiteral("generic message");
    QTest::newRow("10002 missing key")
        << 401 << K::Unauthorized
        << QByteArray(
               R"({"status":{"timestamp":"2026-05-17T01:39:44.892+00:00","error_code":10002,"error_message":"API Key Missing."}})")
        << K::Unauthorized << QStringLiteral("key");
    QTest::newRow("10011 code outside status")
        << 400 << K::BadRequest
        << QByteArray(
               R"({"timestamp":"2025-09-01","error_code":10011,"status":{"error_message":"If you are using Demo API key, please change your root URL from pro-api.coingecko.com to api.coingecko.com"}})")
        << K::Unauthorized << QStringLiteral("Demo");
    QTest::newRow("10010 pro key on public host")
        << 400 << K::BadRequest << QByteArray(R"({"error_code":10010,"status":{"error_message":"pro key"}})")
        << K::Unauthorized << QStringLiteral("Pro");
    QTest::newRow("10012 365-day limit")
        << 401 << K::Unauthorized
        << QByteArray(
               R"({"error":{"status":{"timestamp":"2026-09-18","error_code":10012,"error_message":"Your request exceeds the allowed time range."}}})")
        << K::BadRequest << QStringLiteral("365 days");
    QTest::newRow("10005 plan restricted")
        << 401 << K::Unauthorized << QByteArray(R"({"status":{"error_code":10005,"error_message":"x"}})")
        << K::Unauthorized << QStringLiteral("plan");
    QTest::newRow("1020 firewall") << 403 << K::Unauthorized
                                   << QByteArray(
                                          R"({"status":{"error_code":1020,"error_message":"Access Denied"}})")
                                   << K::Blocked << QStringLiteral("firewall");
    QTest::newRow("invalid vs_currency")
        << 400 << K::BadRequest << sample("coingecko_error_400_invalid_vs_currency.json") << K::BadRequest
        << QStringLiteral("currency");
    QTest::newRow("coin not found") << 404 << K::NotFound << sample("coingecko_error_404_coin_not_found.json")
                                    << K::NotFound
                                    << QStringLiteral("choose another coin in the list above the chart");
    QTest::newRow("older coin-not-found text")
        << 404 << K::NotFound << QByteArray(R"({"error":"Could not find coin with the given id"})")
        << K::NotFound << QStringLiteral("choose another coin in the list above the chart");
    QTest::newRow("missing parameter keeps HTTP kind")
        << 400 << K::BadRequest << QByteArray(R"({"error":"Missing parameter vs_currencies"})")
        << K::BadRequest << QStringLiteral("generic message");
    QTest::newRow("empty object keeps HTTP kind")
        << 500 << K::ServerError << QByteArray("{}") << K::ServerError << QStringLiteral("generic message");
    QTest::newRow("HTML keeps HTTP kind") << 503 << K::ServerError << QByteArray("<html>503</html>")
                                          << K::ServerError << QStringLiteral("generic message");
}

void TestCoinGeckoParser::errorFromResult_errorBodies()
{
    QFETCH(int, status);
    QFETCH(FetchError::Kind, httpKind);
    QFETCH(QByteArray, body);
    QFETCH(FetchError::Kind, kind);
    QFETCH(QString, messageHas);

    const FetchError e = CoinGeckoParser::errorFromResult(
        failedHttp(status, httpKind, body, QStringLiteral("HTTP %1").arg(status), 119));

    QCOMPARE(FetchError::kindName(e.kind), FetchError::kindName(kind));
    QCOMPARE(e.httpStatus, status);
    QVERIFY2(e.userMessage.contains(messageHas), qPrintable(e.userMessage));
    QCOMPARE(e.retryAfterSeconds, 119); // never lost on the way
    QVERIFY(e.detail.startsWith(QStringLiteral("HTTP %1").arg(status)));
}

// Found by fuzz_coingecko: a rank of 8.9e92 was converted to int (undefined behaviour). Huge
// times and error codes took the same path. They are dropped now; the rest of the body is read.
void TestCoinGeckoParser::numbersBeyondTheirType_areDroppedNotConverted()
{
    QList<CoinListing> coins;
    QVERIFY(!CoinGeckoParser::parseSearch(R"({"coins":[{"id":"ethereum","name":"Ethereum","symbol":"ETH",
        "market_cap_rank":8.88889e92},{"id":"bitcoin","name":"Bitcoin","symbol":"BTC","market_cap_rank":1}]})",
                                          &coins)
                 .isError());
    QCOMPARE(coins.size(), 2);
    QVERIFY(!coins.at(0).marketCapRank.has_value());
    QCOMPARE(coins.at(1).marketCapRank, 1);

    QList<PricePoint> points;
    for (const QByteArray &body : {QByteArray(R"({"prices":[[1e300,1],[1000,2]]})"),
                                   QByteArray(R"({"prices":[["1e300",1],[1000,2]]})")}) {
        QVERIFY(!CoinGeckoParser::parseMarketChart(body, &points).isError());
        QCOMPARE(points.size(), 1);
        QCOMPARE(points.constFirst().tsMs, 1000);
    }

    CoinGeckoParser::ApiError error;
    QVERIFY(CoinGeckoParser::readApiError(R"({"status":{"error_code":1e300,"error_message":"x"}})", &error));
    QCOMPARE(error.message, QStringLiteral("x"));
}

QTEST_GUILESS_MAIN(TestCoinGeckoParser)
#include "tst_coingeckoparser.moc"
