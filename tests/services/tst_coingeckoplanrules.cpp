#include "domain/AppConfig.h"
#include "services/CoinGeckoPlanRules.h"

#include <QTest>

using namespace ba;

Q_DECLARE_METATYPE(ba::CoinGeckoPlan)

// How the plan, key and budget chosen in Settings become the CoinGecko client's configuration.
class TestCoinGeckoPlanRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void config_followsThePlanRules_data()
    {
        QTest::addColumn<QUrl>("configuredUrl");
        QTest::addColumn<CoinGeckoPlan>("chosenPlan");
        QTest::addColumn<QString>("key");
        QTest::addColumn<CoinGeckoPlan>("plan");
        QTest::addColumn<QUrl>("baseUrl");

        const QUrl publicApi(QString::fromLatin1(ConfigDefaults::CoinGeckoUrl));
        const QUrl proApi(QString::fromLatin1(ConfigDefaults::CoinGeckoProUrl));
        const QUrl fake(QStringLiteral("http://127.0.0.1:9999/api/v3"));
        const QString key = QStringLiteral("CG-key");
        QTest::newRow("no key, no plan: keyless")
            << publicApi << CoinGeckoPlan::Keyless << QString() << CoinGeckoPlan::Keyless << publicApi;
        QTest::newRow("no key beats a chosen Pro plan")
            << publicApi << CoinGeckoPlan::Pro << QString() << CoinGeckoPlan::Keyless << publicApi;
        QTest::newRow("a key without a plan is a Demo key")
            << publicApi << CoinGeckoPlan::Keyless << key << CoinGeckoPlan::Demo << publicApi;
        QTest::newRow("Demo stays on the public host")
            << publicApi << CoinGeckoPlan::Demo << key << CoinGeckoPlan::Demo << publicApi;
        QTest::newRow("Pro moves to the Pro host")
            << publicApi << CoinGeckoPlan::Pro << key << CoinGeckoPlan::Pro << proApi;
        QTest::newRow("Pro keeps a host given with --coingecko-url")
            << fake << CoinGeckoPlan::Pro << key << CoinGeckoPlan::Pro << fake;
    }

    void config_followsThePlanRules()
    {
        QFETCH(QUrl, configuredUrl);
        QFETCH(CoinGeckoPlan, chosenPlan);
        QFETCH(QString, key);
        QFETCH(CoinGeckoPlan, plan);
        QFETCH(QUrl, baseUrl);
        const CoinGeckoClient::Config config = coinGeckoClientConfig(configuredUrl, chosenPlan, key, 0);
        QCOMPARE(config.plan, plan);
        QCOMPARE(config.baseUrl, baseUrl);
        QCOMPARE(config.apiKey, key);
        QVERIFY(!config.budget.has_value()); // the plan's own budget
    }

    void requestsPerMinute_replacesThePlansBudget()
    {
        const QUrl publicApi(QString::fromLatin1(ConfigDefaults::CoinGeckoUrl));
        const CoinGeckoClient::Config config =
            coinGeckoClientConfig(publicApi, CoinGeckoPlan::Demo, QStringLiteral("CG-key"), 45);
        QVERIFY(config.budget.has_value());
        QCOMPARE(config.budget->requests, 45);
        QCOMPARE(config.budget->windowMs, 60000);
    }
};

QTEST_GUILESS_MAIN(TestCoinGeckoPlanRules)
#include "tst_coingeckoplanrules.moc"
