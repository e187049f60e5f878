#include "app/NewsFeature.h"
#include "fakes/FakeHttpServer.h"
#include "fakes/LoopbackPrices.h"
#include "services/NewsService.h"
#include "storage/NewsStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace ba;
using ba::fakes::FakeHttpServer;
using ba::fakes::FakeResponse;
using ba::fakes::LoopbackPrices;

namespace {

// An RSS 2.0 feed of `count` stories published in the last hours (older ones would fall to the
// 30-day retention at once).
QByteArray recentFeed(int count)
{
    QByteArray xml =
        R"(<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title>)";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < count; ++i) {
        xml += "<item><title>Story " + QByteArray::number(i) + "</title><link>https://news.example/story-" +
               QByteArray::number(i) + "</link><pubDate>" +
               now.addSecs(-3600 * (i + 1)).toString(Qt::RFC2822Date).toUtf8() +
               "</pubDate><description>Summary " + QByteArray::number(i) + "</description></item>";
    }
    return xml + "</channel></rss>";
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

// NewsFeature as AppContext builds it: a news-site file given with --news-config, the real
// NewsService, RSS through the real HttpClient to a feed on 127.0.0.1, and real SQLite. The
// profile file holds only a feed, so no browser (WebEngine) is started.
class TestNewsFeature : public QObject
{
    Q_OBJECT

    struct Rig
    {
        LoopbackPrices pipeline;
        FakeHttpServer feedSite;
        AppConfig config;
        std::unique_ptr<NewsFeature> feature;

        bool setUp(const QByteArray &profiles = {})
        {
            if (!pipeline.setUp() || !feedSite.listen()) {
                return false;
            }
            feedSite.route("GET", QStringLiteral("/feed/"), [](const auto &) {
                return FakeResponse::withType(200, "application/rss+xml", recentFeed(4));
            });
            const QByteArray json =
                profiles.isEmpty()
                    ? QByteArray(R"({"sites":[{"id":"test-rss","name":"Test feed","kind":"rss","url":")") +
                          feedSite.url(QStringLiteral("/feed/")).toEncoded() + "\"}]}"
                    : profiles;
            config.newsConfigPath = pipeline.dir.filePath(QStringLiteral("news-sites.json"));
            config.dataDir = pipeline.dir.path();
            return writeFile(config.newsConfigPath, json);
        }

        void build()
        {
            feature = std::make_unique<NewsFeature>(config, pipeline.db.connection(), pipeline.http.get());
            feature->attach(pipeline.refresh.get());
        }

        StepReport refreshOnce() { return pipeline.refreshOnce(QStringLiteral("news")); }

        ~Rig() { feature.reset(); }
    };

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<StepReport>();
        qRegisterMetaType<QList<StepReport>>();
    }

    void refresh_readsTheFeedStoresItAndRecentReturnsTheNewest()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.build();
        QVERIFY(rig.feature->configError().isEmpty());
        QVERIFY(rig.feature->recent(10).isEmpty());

        const StepReport report = rig.refreshOnce();
        QCOMPARE(report.step, QStringLiteral("news"));
        QVERIFY2(report.ok, qPrintable(report.error.userMessage));
        QCOMPARE(report.items, 4);
        QCOMPARE(rig.feedSite.requestCount(QStringLiteral("/feed/")), 1);

        const QList<NewsItem> recent = rig.feature->recent(3);
        QCOMPARE(recent.size(), 3);
        QCOMPARE(recent.constFirst().title, QStringLiteral("Story 0")); // newest first
        QCOMPARE(recent.constFirst().url, QStringLiteral("https://news.example/story-0"));
        NewsStore store(rig.pipeline.db.connection());
        QCOMPARE(store.count(), 4); // stored, not only shown
    }

    void brokenNewsConfig_failsTheNewsStepWithTheReasonAndAsksNobody()
    {
        Rig rig;
        QVERIFY(rig.setUp(R"({"sites": [ {"id": "x", "kind": "rss", "url": )"));
        rig.build();
        QVERIFY(!rig.feature->configError().isEmpty());

        const StepReport report = rig.refreshOnce();
        QCOMPARE(report.step, QStringLiteral("news"));
        QVERIFY(!report.ok);
        QCOMPARE(report.error.userMessage, rig.feature->configError());
        QCOMPARE(rig.feedSite.requestCount(), 0);
    }

    void offline_skipsTheStepAsksNobodyAndServesStoredNews()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        NewsItem kept;
        kept.url = QStringLiteral("https://news.example/kept");
        kept.title = QStringLiteral("Stored before going offline");
        kept.publishedMs = QDateTime::currentMSecsSinceEpoch() - 60000;
        QVERIFY(NewsStore(rig.pipeline.db.connection()).upsert({kept}).ok);
        rig.config.offline = true;
        rig.build();

        const StepReport report = rig.refreshOnce();
        QVERIFY(report.ok);
        QVERIFY(report.skipped);
        QCOMPARE(rig.feedSite.requestCount(), 0);
        const QList<NewsItem> recent = rig.feature->recent(5);
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.constFirst().title, kept.title);
    }
};

QTEST_GUILESS_MAIN(TestNewsFeature)
#include "tst_newsfeature.moc"
