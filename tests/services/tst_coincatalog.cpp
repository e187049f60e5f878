#include "fakes/FakeCoinGecko.h"
#include "fakes/FakeCoinGeckoData.h"
#include "net/CoinGeckoClient.h"
#include "net/HttpClient.h"
#include "services/AppSettings.h"
#include "services/CoinCatalog.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace ba;
using ba::fakes::FakeCoinGecko;
using ba::fakes::FakeRequest;

namespace {

constexpr qint64 kHour = 60 * 60 * 1000;
const QString kMarkets = QStringLiteral("/coins/markets");

} // namespace

class TestCoinCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void beforeAnyFetch_offersBuiltInCoins();
    void refresh_fillsTopCoinsInRankOrderAndRemembersThem();
    void refresh_withinADay_makesNoRequest_afterADay_fetchesAgain();
    void refresh_serverError_keepsListAndReportsError();
    void refresh_offline_makesNoRequest();
    void refresh_referenceBody_givesBitcoinLabel();
    void labelFor_namesAndSymbols();

private:
    std::unique_ptr<CoinCatalog> makeCatalog();
    bool fetch(CoinCatalog &catalog);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AppSettings> m_appSettings;
    std::unique_ptr<FakeCoinGecko> m_fake;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<CoinGeckoClient> m_client;
    qint64 m_now = 1'780'000'000'000;
};

void TestCoinCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings =
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_appSettings = std::make_unique<AppSettings>(m_settings.get());
    m_fake = std::make_unique<FakeCoinGecko>();
    QVERIFY(m_fake->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_http = std::make_unique<HttpClient>(m_nam.get());
    CoinGeckoClient::Config config;
    config.baseUrl = m_fake->baseUrl();
    config.maxAttempts = 1;
    m_client = std::make_unique<CoinGeckoClient>(m_http.get(), config);
}

void TestCoinCatalog::cleanup()
{
    m_client.reset();
    m_http.reset();
    m_nam.reset();
    m_fake.reset();
    m_appSettings.reset();
    m_settings.reset();
    m_dir.reset();
}

std::unique_ptr<CoinCatalog> TestCoinCatalog::makeCatalog()
{
    auto catalog = std::make_unique<CoinCatalog>(m_client.get(), m_appSettings.get());
    catalog->setClock([this] { return m_now; });
    return catalog;
}

bool TestCoinCatalog::fetch(CoinCatalog &catalog)
{
    if (!catalog.refreshIfOld(QStringLiteral("usd"))) {
        return false;
    }
    return QTest::qWaitFor([&catalog] { return !catalog.isFetching(); }, 10000);
}

void TestCoinCatalog::beforeAnyFetch_offersBuiltInCoins()
{
    const auto catalog = makeCatalog();
    QCOMPARE(catalog->coins(), CoinCatalog::builtInCoins());
    QCOMPARE(catalog->coins().constFirst().id, QStringLiteral("bitcoin"));
    QCOMPARE(catalog->coins().constFirst().label, QStringLiteral("Bitcoin (BTC)"));
    QCOMPARE(m_fake->totalRequests(), 0);
}

void TestCoinCatalog::refresh_fillsTopCoinsInRankOrderAndRemembersThem()
{
    // More coins than the picker lists, in CoinGecko's rank order.
    QList<ba::fakes::coingecko::FakeCoin> listed;
    for (int i = 0; i < CoinCatalog::TopCount + 10; ++i) {
        listed.append({QStringLiteral("coin-%1").arg(i), QStringLiteral("c%1").arg(i),
                       QStringLiteral("Coin %1").arg(i), 100.0 - i, 1e6});
    }
    m_fake->setCoins(listed);
    auto catalog = makeCatalog();
    QSignalSpy changed(catalog.get(), &CoinCatalog::coinsChanged);

    QVERIFY(fetch(*catalog));

    QCOMPARE(changed.count(), 1);
    const QList<CoinChoice> coins = catalog->coins();
    QCOMPARE(coins.size(), CoinCatalog::TopCount);
    QCOMPARE(coins.at(0), (CoinChoice{QStringLiteral("coin-0"), QStringLiteral("Coin 0 (C0)")}));
    QCOMPARE(coins.last().id, QStringLiteral("coin-%1").arg(CoinCatalog::TopCount - 1));
    QCOMPARE(changed.at(0).at(0).value<QList<CoinChoice>>(), coins);
    const FakeRequest asked = m_fake->lastRequest();
    QCOMPARE(asked.path, QStringLiteral("/api/v3/coins/markets"));
    QCOMPARE(asked.query.queryItemValue(QStringLiteral("per_page")), QString::number(CoinCatalog::TopCount));
    QCOMPARE(asked.query.queryItemValue(QStringLiteral("vs_currency")), QStringLiteral("usd"));

    // The next run starts with that list, without asking again.
    m_settings->sync();
    catalog.reset();
    const auto next = makeCatalog();
    QCOMPARE(next->coins(), coins);
    QVERIFY(!next->refreshIfOld(QStringLiteral("usd")));
    QCOMPARE(m_fake->requestCount(kMarkets), 1);
}

void TestCoinCatalog::refresh_withinADay_makesNoRequest_afterADay_fetchesAgain()
{
    const auto catalog = makeCatalog();
    QVERIFY(fetch(*catalog));
    QCOMPARE(m_fake->requestCount(kMarkets), 1);

    m_now += 23 * kHour;
    QVERIFY(!catalog->refreshIfOld(QStringLiteral("usd")));
    QCOMPARE(m_fake->requestCount(kMarkets), 1);

    m_now += 2 * kHour;
    QVERIFY(fetch(*catalog));
    QCOMPARE(m_fake->requestCount(kMarkets), 2);
}

void TestCoinCatalog::refresh_serverError_keepsListAndReportsError()
{
    const auto catalog = makeCatalog();
    const QList<CoinChoice> before = catalog->coins();
    m_fake->setFailure(FakeCoinGecko::Failure::ServerError500);
    QSignalSpy failed(catalog.get(), &CoinCatalog::fetchFailed);
    QSignalSpy changed(catalog.get(), &CoinCatalog::coinsChanged);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("^Top coins not updated, keeping 4 coins:")));

    QVERIFY(fetch(*catalog));

    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<FetchError>().kind, FetchError::Kind::ServerError);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(catalog->coins(), before);
    // Not fetched: the next refresh tries again at once.
    m_fake->clearFailures();
    QVERIFY(fetch(*catalog));
    QVERIFY(catalog->coins() != before);
}

void TestCoinCatalog::refresh_offline_makesNoRequest()
{
    const auto catalog = makeCatalog();
    catalog->setOffline(true);
    QVERIFY(!catalog->refreshIfOld(QStringLiteral("usd")));
    QCOMPARE(m_fake->totalRequests(), 0);
}

void TestCoinCatalog::refresh_referenceBody_givesBitcoinLabel()
{
    m_fake->setUseSamples(true); // the reference body of /coins/markets
    const auto catalog = makeCatalog();
    QVERIFY(fetch(*catalog));
    QCOMPARE(catalog->coins(),
             (QList<CoinChoice>{{QStringLiteral("bitcoin"), QStringLiteral("Bitcoin (BTC)")}}));
}

void TestCoinCatalog::labelFor_namesAndSymbols()
{
    QCOMPARE(CoinCatalog::labelFor(QStringLiteral("Tether"), QStringLiteral("usdt")),
             QStringLiteral("Tether (USDT)"));
    QCOMPARE(CoinCatalog::labelFor(QStringLiteral("  Wrapped\n Bitcoin "), QStringLiteral("wbtc")),
             QStringLiteral("Wrapped Bitcoin (WBTC)"));
    QCOMPARE(CoinCatalog::labelFor(QString(), QStringLiteral("xyz")), QStringLiteral("XYZ (XYZ)"));
    QCOMPARE(CoinCatalog::labelFor(QStringLiteral("Nameless"), QString()), QStringLiteral("Nameless"));
}

QTEST_GUILESS_MAIN(TestCoinCatalog)
#include "tst_coincatalog.moc"
