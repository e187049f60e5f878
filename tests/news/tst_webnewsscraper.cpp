#include "fakes/FakeNewsSite.h"
#include "fakes/HostileNewsPages.h"
#include "fakes/StoryProfile.h"
#include "fakes/WebEngineTestMain.h"
#include "news/WebNewsScraper.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <optional>

using ba::FetchError;
using ba::NewsSiteProfile;
using ba::ScrapeResult;
using ba::WebNewsScraper;
using ba::fakes::FakeNewsSite;
using ba::fakes::storyProfile;

namespace {

QStringList titlesOf(const ScrapeResult &result)
{
    QStringList titles;
    for (const auto &item : result.items) {
        titles.append(item.title);
    }
    return titles;
}

} // namespace

class TestWebNewsScraper : public QObject
{
    Q_OBJECT

private:
    // Runs one scrape, checks that finished() came exactly once and that the browser was released.
    std::optional<ScrapeResult> scrapeOnce(WebNewsScraper &scraper);
    std::optional<ScrapeResult> scrapeSite(const NewsSiteProfile &profile);
    QString storage() const { return ba::testing::webEngineDataDir() + QStringLiteral("/webengine"); }

    FakeNewsSite m_site;
    ba::fakes::FakeHttpServer m_otherHost; // 127.0.0.2: every host that is not the site

private Q_SLOTS:
    void initTestCase();
    void scrape_javascriptRenderedList_extractsWithSelectors();
    void scrape_challengeThatSetsCookieAndReloads_passesAndRemembersCookie();
    void scrape_challengeThatNeverPasses_endsBlockedWithinTimeout();
    void scrape_selectorsMatchNothing_fallsBackToJsonLdAndWarns();
    void scrape_selectorsMatchNothing_fallsBackToArticles();
    void scrape_noSelectors_usesSameHostHeadingLinks();
    void scrape_pageWithoutArticles_reportsBadResponseNamingSite();
    void scrape_hostileContent_keepsTextLiteralAndDropsBadLinks();
    void scrape_tenThousandItems_capsAt200();
    void scrape_pageScriptsReplaceDomFunctions_extractionUnaffected();
    void scrape_pageWithAssets_neverRequestsImagesFontsOrMedia();
    void scrape_pageTriesToLeaveHost_navigationAndPopUpsRefused();
    void scrape_pageAsksPermissionAndDownloads_deniedAndCancelled();
    void scrape_missingPage_reportsNotFound();
    void scrape_closedPort_reportsOffline();
    void scrape_whileRunning_isRefusedAndCancelEndsOnce();
    void scrape_pageTriesCrossSiteRequests_otherHostReceivesNothing();
    void scrape_pageSetsCookies_onlyTheClearanceCookieOutlivesTheScrape();
};

std::optional<ScrapeResult> TestWebNewsScraper::scrapeOnce(WebNewsScraper &scraper)
{
    QSignalSpy finished(&scraper, &WebNewsScraper::finished);
    QSignalSpy released(&scraper, &WebNewsScraper::browserReleased);
    if (!scraper.scrape() || !finished.wait(scraper.profile().timeoutMs + 10000)) {
        return std::nullopt;
    }
    if (!released.wait(5000) || scraper.isBrowserActive() || finished.count() != 1) {
        qWarning() << "browser not released or finished() not exactly once" << finished.count();
        return std::nullopt;
    }
    return finished.takeFirst().at(0).value<ScrapeResult>();
}

std::optional<ScrapeResult> TestWebNewsScraper::scrapeSite(const NewsSiteProfile &profile)
{
    WebNewsScraper scraper(storage(), profile);
    return scrapeOnce(scraper);
}

void TestWebNewsScraper::initTestCase()
{
    qRegisterMetaType<ScrapeResult>();
    QVERIFY(!ba::testing::webEngineDataDir().isEmpty());
    QVERIFY(m_site.listen());
    QVERIFY(m_otherHost.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    ba::fakes::addHostileNewsPages(m_site.server(), m_otherHost.url());
}

void TestWebNewsScraper::scrape_javascriptRenderedList_extractsWithSelectors()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto result =
        scrapeSite(storyProfile(QStringLiteral("js-list"), m_site.url(QStringLiteral("/js-list"))));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->method, QStringLiteral("selectors"));
    QCOMPARE(titlesOf(*result),
             (QStringList{QStringLiteral("Bitcoin tops $100,000"), QStringLiteral("ETF inflows slow"),
                          QStringLiteral("Miners & fees: what changed")}));
    const auto &first = result->items.at(0);
    QCOMPARE(first.url, m_site.url(QStringLiteral("/news/bitcoin-tops-100k")).toString());
    QCOMPARE(first.summary, QStringLiteral("A price milestone."));
    QCOMPARE(first.source, QStringLiteral("Test News"));
    QCOMPARE(first.publishedMs,
             QDateTime::fromString(QStringLiteral("2026-11-28T10:00:00Z"), Qt::ISODate).toMSecsSinceEpoch());
    QCOMPARE(result->items.at(1).publishedMs,
             QDateTime(QDate(2026, 11, 27), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(result->items.at(2).url, m_site.url(QStringLiteral("/news/miners-fees?ref=home")).toString());
    const qint64 twoDaysAgo = before.addDays(-2).toMSecsSinceEpoch();
    QVERIFY(result->items.at(2).publishedMs.has_value());
    QVERIFY(qAbs(*result->items.at(2).publishedMs - twoDaysAgo) < 60000);
    QVERIFY(!result->challengeSeen);
    QVERIFY(result->latencyMs > 0);
}

void TestWebNewsScraper::scrape_challengeThatSetsCookieAndReloads_passesAndRemembersCookie()
{
    WebNewsScraper scraper(
        storage(), storyProfile(QStringLiteral("challenge"), m_site.url(QStringLiteral("/challenge"))));
    const auto first = scrapeOnce(scraper);
    QVERIFY(first);
    QVERIFY2(first->ok(), qPrintable(first->error.detail));
    QVERIFY(first->challengeSeen);
    QCOMPARE(first->items.size(), 3);
    QVERIFY(m_site.requestCount(QStringLiteral("/challenge")) >= 2);

    // The cookie outlives the released profile: the next scrape goes straight to the list.
    const int seen = m_site.requestCount(QStringLiteral("/challenge"));
    const auto second = scrapeOnce(scraper);
    QVERIFY(second);
    QVERIFY2(second->ok(), qPrintable(second->error.detail));
    QVERIFY(!second->challengeSeen);
    QCOMPARE(m_site.requestCount(QStringLiteral("/challenge")), seen + 1);
}

void TestWebNewsScraper::scrape_challengeThatNeverPasses_endsBlockedWithinTimeout()
{
    const auto result = scrapeSite(
        storyProfile(QStringLiteral("stuck"), m_site.url(QStringLiteral("/challenge-stuck")), 4000));
    QVERIFY(result);
    QCOMPARE(result->error.kind, FetchError::Kind::Blocked);
    QVERIFY(result->challengeSeen);
    QVERIFY(result->items.isEmpty());
    QVERIFY(result->error.userMessage.contains(QStringLiteral("Test News")));
    QVERIFY2(result->latencyMs >= 4000 && result->latencyMs < 6000,
             qPrintable(QString::number(result->latencyMs)));
}

void TestWebNewsScraper::scrape_selectorsMatchNothing_fallsBackToJsonLdAndWarns()
{
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(QStringLiteral(
            "^profile changed-ld needs updating: selector '\\.story' matched nothing; used json-ld$")));
    const auto result =
        scrapeSite(storyProfile(QStringLiteral("changed-ld"), m_site.url(QStringLiteral("/json-ld")), 4000));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->method, QStringLiteral("json-ld"));
    QCOMPARE(titlesOf(*result),
             (QStringList{QStringLiteral("Layout changed, JSON-LD stays"),
                          QStringLiteral("Second via ListItem"), QStringLiteral("From the graph")}));
    QCOMPARE(result->items.at(0).url, m_site.url(QStringLiteral("/news/ld-1")).toString());
    QCOMPARE(result->items.at(0).imageUrl, m_site.url(QStringLiteral("/img/ld-1.jpg")).toString());
    QCOMPARE(result->items.at(0).summary, QStringLiteral("From JSON-LD."));
    QCOMPARE(result->items.at(0).publishedMs,
             QDateTime(QDate(2026, 11, 28), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(result->items.at(2).url, m_site.url(QStringLiteral("/news/ld-3")).toString());
}

void TestWebNewsScraper::scrape_selectorsMatchNothing_fallsBackToArticles()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("needs updating.*used article$")));
    const auto result = scrapeSite(
        storyProfile(QStringLiteral("changed-article"), m_site.url(QStringLiteral("/articles")), 4000));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->method, QStringLiteral("article"));
    QCOMPARE(titlesOf(*result), (QStringList{QStringLiteral("Article one"), QStringLiteral("Article two")}));
    QCOMPARE(result->items.at(1).url, m_site.url(QStringLiteral("/news/a-2")).toString());
    QCOMPARE(result->items.at(0).summary, QStringLiteral("First summary"));
    QCOMPARE(result->items.at(0).publishedMs,
             QDateTime(QDate(2026, 11, 28), QTime(7, 0), Qt::UTC).toMSecsSinceEpoch());
}

void TestWebNewsScraper::scrape_noSelectors_usesSameHostHeadingLinks()
{
    NewsSiteProfile profile;
    profile.id = QStringLiteral("bare");
    profile.name = QStringLiteral("Bare Site");
    profile.url = m_site.url(QStringLiteral("/headings"));
    profile.timeoutMs = 4000;
    const auto result = scrapeSite(profile);
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->method, QStringLiteral("headings"));
    // The logo link to "/" and the link to another host are not articles.
    QCOMPARE(titlesOf(*result), (QStringList{QStringLiteral("Heading one"), QStringLiteral("Heading two")}));
}

void TestWebNewsScraper::scrape_pageWithoutArticles_reportsBadResponseNamingSite()
{
    const auto result =
        scrapeSite(storyProfile(QStringLiteral("empty"), m_site.url(QStringLiteral("/empty")), 2500));
    QVERIFY(result);
    QCOMPARE(result->error.kind, FetchError::Kind::BadResponse);
    QVERIFY(result->items.isEmpty());
    QVERIFY2(result->error.userMessage.contains(QStringLiteral("Test News")),
             qPrintable(result->error.userMessage));
    QVERIFY(result->error.detail.contains(QStringLiteral("empty")));
}

void TestWebNewsScraper::scrape_hostileContent_keepsTextLiteralAndDropsBadLinks()
{
    const auto result =
        scrapeSite(storyProfile(QStringLiteral("hostile"), m_site.url(QStringLiteral("/hostile"))));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    const QStringList titles = titlesOf(*result);
    QCOMPARE(titles.size(), 7);
    QCOMPARE(titles.at(0), QStringLiteral("<img src=x onerror=alert(1)>"));
    QCOMPARE(titles.at(1), QStringLiteral("<script>alert(\"t\")</script> Breaking"));
    QVERIFY(titles.at(2).startsWith(QStringLiteral("Long Long")));
    QCOMPARE(titles.at(2).size(), 300);
    QCOMPARE(titles.at(3), QStringLiteral("Spaced out title"));
    QCOMPARE(titles.at(4), QStringLiteral("Duplicate one")); // "#comments" is the same article
    QCOMPARE(titles.at(5), QStringLiteral("Bitcoin surges"));
    QCOMPARE(titles.at(6), QStringLiteral("Data image"));
    QCOMPARE(result->items.at(6).imageUrl, QString());
    QCOMPARE(result->items.at(0).imageUrl, m_site.url(QStringLiteral("/img/a.png")).toString());
    for (const auto &item : result->items) {
        QVERIFY2(item.url.startsWith(QStringLiteral("http://127.0.0.1:")), qPrintable(item.url));
    }
}

void TestWebNewsScraper::scrape_tenThousandItems_capsAt200()
{
    const auto result = scrapeSite(storyProfile(QStringLiteral("many"), m_site.url(QStringLiteral("/many"))));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->items.size(), 200);
    QCOMPARE(result->items.first().title, QStringLiteral("Story 0"));
    QCOMPARE(result->items.last().title, QStringLiteral("Story 199"));
}

void TestWebNewsScraper::scrape_pageScriptsReplaceDomFunctions_extractionUnaffected()
{
    const auto result =
        scrapeSite(storyProfile(QStringLiteral("tamper"), m_site.url(QStringLiteral("/tamper"))));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->items.size(), 3);
    QVERIFY(!titlesOf(*result).contains(QStringLiteral("Injected")));
}

void TestWebNewsScraper::scrape_pageWithAssets_neverRequestsImagesFontsOrMedia()
{
    const auto result =
        scrapeSite(storyProfile(QStringLiteral("assets"), m_site.url(QStringLiteral("/assets"))));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->items.size(), 3);
    QVERIFY(m_site.requestCount(QStringLiteral("/assets/style.css")) >= 1); // sub-resources do load
    for (const char *path : {"/assets/icon.png", "/assets/font.woff2", "/assets/bg.png", "/assets/photo.png",
                             "/assets/clip.mp4", "/assets/sound.mp3", "/img/story.png", "/favicon.ico"}) {
        QVERIFY2(m_site.requestCount(QLatin1String(path)) == 0, path);
    }
}

void TestWebNewsScraper::scrape_pageTriesToLeaveHost_navigationAndPopUpsRefused()
{
    const auto result =
        scrapeSite(storyProfile(QStringLiteral("leave"), m_site.url(QStringLiteral("/leave"))));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->items.size(), 3);
    QCOMPARE(result->items.at(0).url, m_site.url(QStringLiteral("/news/bitcoin-tops-100k")).toString());
    for (const char *path : {"/elsewhere", "/meta", "/popup", "/popup-other"}) {
        QVERIFY2(m_site.requestCount(QLatin1String(path)) == 0, path);
    }
}

void TestWebNewsScraper::scrape_pageAsksPermissionAndDownloads_deniedAndCancelled()
{
    const auto result =
        scrapeSite(storyProfile(QStringLiteral("permissions"), m_site.url(QStringLiteral("/permissions"))));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(titlesOf(*result), QStringList{QStringLiteral("notifications denied")});
    const QString downloads = storage() + QStringLiteral("/permissions/downloads");
    QVERIFY(QDir(downloads).entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty());
}

void TestWebNewsScraper::scrape_missingPage_reportsNotFound()
{
    const auto result =
        scrapeSite(storyProfile(QStringLiteral("missing"), m_site.url(QStringLiteral("/no-such-page"))));
    QVERIFY(result);
    QCOMPARE(result->error.kind, FetchError::Kind::NotFound);
    QCOMPARE(result->error.httpStatus, 404);
    QVERIFY(result->latencyMs < 4000);
}

void TestWebNewsScraper::scrape_closedPort_reportsOffline()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/").arg(closed.serverPort()));
    closed.close();
    const auto result = scrapeSite(storyProfile(QStringLiteral("closed"), url));
    QVERIFY(result);
    QCOMPARE(result->error.kind, FetchError::Kind::Offline);
    QVERIFY(result->error.userMessage.contains(QStringLiteral("Test News")));
    QVERIFY(result->latencyMs < 4000);
}

void TestWebNewsScraper::scrape_whileRunning_isRefusedAndCancelEndsOnce()
{
    WebNewsScraper scraper(
        storage(), storyProfile(QStringLiteral("cancel"), m_site.url(QStringLiteral("/challenge-stuck"))));
    QSignalSpy finished(&scraper, &WebNewsScraper::finished);
    QSignalSpy released(&scraper, &WebNewsScraper::browserReleased);
    const int before = m_site.requestCount(QStringLiteral("/challenge-stuck"));
    QVERIFY(scraper.scrape());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("already running")));
    QVERIFY(!scraper.scrape());
    QTRY_VERIFY(m_site.requestCount(QStringLiteral("/challenge-stuck")) > before);
    scraper.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<ScrapeResult>().error.kind, FetchError::Kind::Cancelled);
    QVERIFY(released.wait(5000));
    QVERIFY(!scraper.isBrowserActive());
    scraper.cancel();
    QCOMPARE(finished.count(), 1);
}

void TestWebNewsScraper::scrape_pageTriesCrossSiteRequests_otherHostReceivesNothing()
{
    // Before the fix a scraped page reached another host (a blind GET to another loopback service)
    // through XHR, a web socket or an iframe.
    m_otherHost.clearRequests();
    const auto result = scrapeSite(
        storyProfile(QStringLiteral("cross-site"), m_site.url(QStringLiteral("/cross-site")), 20000));
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error.detail));
    QCOMPARE(result->items.size(), 3);

    // The page's script finished all its attempts before it showed its articles.
    const auto requests = m_site.server().requests();
    const auto done = std::find_if(requests.cbegin(), requests.cend(), [](const ba::fakes::FakeRequest &r) {
        return r.path == QLatin1String("/cross-site-done");
    });
    QVERIFY(done != requests.cend());
    const QStringList outcomes = done->query.queryItemValue(QStringLiteral("r")).split(QLatin1Char(','));
    QCOMPARE(outcomes.size(), 7);
    QCOMPARE(outcomes.constLast(), QStringLiteral("ok")); // its own site stays reachable
    QCOMPARE(m_site.requestCount(QStringLiteral("/same-site")), 1);
    QVERIFY2(m_otherHost.requestCount() == 0,
             qPrintable(QStringLiteral("the other host was reached: %1 request(s), first %2")
                            .arg(m_otherHost.requestCount())
                            .arg(m_otherHost.requestCount() ? m_otherHost.requests().constFirst().path
                                                            : QString())));
}

void TestWebNewsScraper::scrape_pageSetsCookies_onlyTheClearanceCookieOutlivesTheScrape()
{
    WebNewsScraper jar(storage(),
                       storyProfile(QStringLiteral("cookies"), m_site.url(QStringLiteral("/cookie-jar"))));
    const auto first = scrapeOnce(jar);
    QVERIFY(first);
    QVERIFY2(first->ok(), qPrintable(first->error.detail));

    // A new browser on the same storage (same profile id) reads another page of the site.
    m_site.server().clearRequests();
    WebNewsScraper echo(storage(),
                        storyProfile(QStringLiteral("cookies"), m_site.url(QStringLiteral("/cookie-echo"))));
    const auto second = scrapeOnce(echo);
    QVERIFY(second);
    QVERIFY2(second->ok(), qPrintable(second->error.detail));
    const auto requests = m_site.server().requests();
    QVERIFY(!requests.isEmpty());
    const QByteArray sent = requests.constFirst().header("Cookie");
    QVERIFY2(sent.contains("bot_check=passed"), sent.constData());
    QVERIFY2(!sent.contains("tracker"), sent.constData());

    // Chromium kept no cookie database; the clearance file is the owner's alone.
    const QString dir = storage() + QStringLiteral("/cookies");
    QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/Cookies")));
    const QFileInfo kept(dir + QStringLiteral("/clearance-cookie"));
    QVERIFY(kept.exists());
    QCOMPARE(kept.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
}

BA_WEBENGINE_TEST_MAIN(TestWebNewsScraper)
#include "tst_webnewsscraper.moc"
