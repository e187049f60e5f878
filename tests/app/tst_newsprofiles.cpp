#include "app/NewsFeature.h"
#include "fakes/FakeHttpServer.h"
#include "fakes/HostileFeeds.h"
#include "net/HttpClient.h"
#include "news/NewsSiteProfile.h"
#include "services/NewsService.h"
#include "services/StepReport.h"
#include "storage/Database.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ba;
using ba::fakes::FakeHttpServer;
using ba::fakes::FakeRequest;
using ba::fakes::FakeResponse;

// Which site profiles the news pipeline gets from --news-config and --news-url (DESIGN.md:
// --news-config replaces the built-in file; the news URL retargets only the built-in profiles).
class TestNewsProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void builtIn_withoutNewsUrl_isUsedAsShipped();
    void builtIn_withNewsUrl_retargetsBrowserAndItsFeed();
    void customConfig_isUsedAsWrittenEvenWithNewsUrl_data();
    void customConfig_isUsedAsWrittenEvenWithNewsUrl();
    void rssOnlyConfig_refreshReadsTheFeedWithoutABrowser();

private:
    QString writeConfig(const QByteArray &json);
    AppConfig config(const QString &newsConfig, const QString &newsUrl = {});

    QTemporaryDir m_dir;
    Database m_db{QStringLiteral("news-profiles-test")};
    QNetworkAccessManager m_nam;
    HttpClient m_http{&m_nam};
};

void TestNewsProfiles::init()
{
    QVERIFY(m_dir.isValid());
    if (!m_db.connection().isOpen()) {
        QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("db.sqlite"))).status, Database::OpenStatus::Ok);
    }
}

QString TestNewsProfiles::writeConfig(const QByteArray &json)
{
    static int n = 0;
    const QString path = m_dir.filePath(QStringLiteral("sites-%1.json").arg(++n));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size()) {
        return {};
    }
    return path;
}

AppConfig TestNewsProfiles::config(const QString &newsConfig, const QString &newsUrl)
{
    AppConfig c;
    c.dataDir = m_dir.path();
    c.newsConfigPath = newsConfig;
    c.newsUrl = QUrl(newsUrl.isEmpty() ? QString::fromLatin1(ConfigDefaults::NewsUrl) : newsUrl);
    c.newsUrlExplicit = !newsUrl.isEmpty();
    return c;
}

void TestNewsProfiles::builtIn_withoutNewsUrl_isUsedAsShipped()
{
    NewsFeature feature(config({}), m_db.connection(), &m_http);
    QVERIFY(feature.configError().isEmpty());
    const auto builtIn = NewsSiteConfigLoader::loadBuiltIn();
    QCOMPARE(feature.service()->config().sites.size(), builtIn.config.sites.size());
    for (qsizetype i = 0; i < builtIn.config.sites.size(); ++i) {
        QCOMPARE(feature.service()->config().sites.at(i).url, builtIn.config.sites.at(i).url);
        QCOMPARE(feature.service()->config().sites.at(i).enabled, builtIn.config.sites.at(i).enabled);
    }
}

void TestNewsProfiles::builtIn_withNewsUrl_retargetsBrowserAndItsFeed()
{
    NewsFeature feature(config({}, QStringLiteral("http://127.0.0.1:8080/news/")), m_db.connection(),
                        &m_http);
    const NewsSiteConfig &sites = feature.service()->config();
    QCOMPARE(sites.firstEnabled(NewsSiteProfile::Kind::Browser)->url,
             QUrl(QStringLiteral("http://127.0.0.1:8080/news/")));
    QCOMPARE(sites.firstEnabled(NewsSiteProfile::Kind::Rss)->url,
             QUrl(QStringLiteral("http://127.0.0.1:8080/news/feed/")));
}

void TestNewsProfiles::customConfig_isUsedAsWrittenEvenWithNewsUrl_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("newsUrl");
    const QByteArray rssOnly =
        R"({"sites":[{"id":"feed","name":"Feed","kind":"rss","url":"http://127.0.0.1:9/feed.xml"}]})";
    const QByteArray browser = R"({"sites":[{"id":"site","kind":"browser","url":"http://127.0.0.1:9/list"},
        {"id":"site-rss","kind":"rss","url":"http://127.0.0.1:9/feed/","enabled":false}]})";
    QTest::newRow("RSS only") << rssOnly << QString();
    QTest::newRow("RSS only, --news-url given") << rssOnly << QStringLiteral("http://127.0.0.1:8080/");
    QTest::newRow("browser profile, --news-url given") << browser << QStringLiteral("http://127.0.0.1:8080/");
}

void TestNewsProfiles::customConfig_isUsedAsWrittenEvenWithNewsUrl()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, newsUrl);
    const QString path = writeConfig(json);
    NewsFeature feature(config(path, newsUrl), m_db.connection(), &m_http);
    QVERIFY(feature.configError().isEmpty());
    const auto written = NewsSiteConfigLoader::load(path);
    const NewsSiteConfig &used = feature.service()->config();
    QCOMPARE(used.sites.size(), written.config.sites.size());
    for (qsizetype i = 0; i < used.sites.size(); ++i) {
        QCOMPARE(used.sites.at(i).id, written.config.sites.at(i).id);
        QCOMPARE(used.sites.at(i).url, written.config.sites.at(i).url);
        QCOMPARE(used.sites.at(i).enabled, written.config.sites.at(i).enabled);
    }
}

void TestNewsProfiles::rssOnlyConfig_refreshReadsTheFeedWithoutABrowser()
{
    // Before the fix an RSS-only file still got the hidden browser and the default feed.
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.route("GET", QStringLiteral("/feed.xml"), [](const FakeRequest &) {
        return FakeResponse::withType(200, "application/rss+xml", ba::fakes::hostile::plainFeed(3, "Feed"));
    });
    const QString path = writeConfig(R"({"sites":[{"id":"feed","name":"Feed","kind":"rss","url":")" +
                                     server.url(QStringLiteral("/feed.xml")).toEncoded() + R"("}]})");
    NewsFeature feature(config(path, QStringLiteral("http://127.0.0.1:1/")), m_db.connection(), &m_http);
    QSignalSpy finished(feature.service(), &NewsService::finished);
    feature.service()->refresh(QStringLiteral("r1"));
    QVERIFY(finished.wait(10000));
    const auto report = finished.constFirst().at(0).value<StepReport>();
    QVERIFY2(report.ok, qPrintable(report.error.detail));
    QCOMPARE(feature.recent(10).size(), 3);
    QVERIFY(!feature.service()->hasScraper());
    QCOMPARE(server.requestCount(), 1); // only the feed of the file
}

QTEST_GUILESS_MAIN(TestNewsProfiles)
#include "tst_newsprofiles.moc"
