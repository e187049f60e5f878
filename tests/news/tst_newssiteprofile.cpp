#include "news/NewsSiteProfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using ba::NewsSiteConfig;
using ba::NewsSiteConfigLoader;
using ba::NewsSiteProfile;

class TestNewsSiteProfile : public QObject
{
    Q_OBJECT

private:
    QString writeFile(const QByteArray &content);
    QTemporaryDir m_dir;
    int m_files = 0;

private Q_SLOTS:
    void loadBuiltIn_hasBrowserProfileAndFeeds();
    void load_replacementFile_replacesBuiltIn();
    void load_brokenJson_errorNamesFileAndPosition();
    void load_missingFile_isAnError();
    void load_fifoOrOversizedFile_isRefusedWithoutBlocking();
    void parse_badEntries_data();
    void parse_badEntries();
    void parse_defaults_kindBrowserEnabledAndTimeoutClamped();
    void applyNewsUrlOverride_builtIn_movesBrowserAndFeed();
    void applyNewsUrlOverride_pathWithoutSlash_feedUnderIt();
    void applyNewsUrlOverride_noFeedOnSameHost_addsFeed();
    void applyNewsUrlOverride_noBrowserProfile_addsOne();
    void applyNewsUrlOverride_invalidUrl_changesNothing();
};

QString TestNewsSiteProfile::writeFile(const QByteArray &content)
{
    const QString path = m_dir.filePath(QStringLiteral("sites-%1.json").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        return QString();
    }
    return path;
}

void TestNewsSiteProfile::loadBuiltIn_hasBrowserProfileAndFeeds()
{
    const auto result = NewsSiteConfigLoader::loadBuiltIn();
    QVERIFY2(result.ok(), qPrintable(result.error.value_or(QString())));
    const NewsSiteProfile *browser = result.config.firstEnabled(NewsSiteProfile::Kind::Browser);
    QVERIFY(browser);
    QCOMPARE(browser->id, QStringLiteral("bitcoin-com"));
    QCOMPARE(browser->url, QUrl(QStringLiteral("https://news.bitcoin.com/")));
    QVERIFY(browser->hasSelectors());
    QCOMPARE(browser->timeoutMs, 30000);

    const auto feeds = result.config.enabledOfKind(NewsSiteProfile::Kind::Rss);
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.at(0).url, QUrl(QStringLiteral("https://news.bitcoin.com/feed/")));
    QStringList disabled;
    for (const auto &site : result.config.sites) {
        if (!site.enabled) {
            QCOMPARE(site.kind, NewsSiteProfile::Kind::Rss);
            disabled.append(site.url.toString());
        }
    }
    QCOMPARE(disabled, (QStringList{QStringLiteral("https://www.coindesk.com/arc/outboundfeeds/rss/"),
                                    QStringLiteral("https://cointelegraph.com/rss")}));
}

void TestNewsSiteProfile::load_replacementFile_replacesBuiltIn()
{
    const QString path = writeFile(R"({"sites":[{"id":"mine","name":"My News","kind":"browser",
        "url":"http://127.0.0.1:8080/news/","item":"li.post","title":"h3","link":"a","timeoutMs":5000}]})");
    const auto result = NewsSiteConfigLoader::load(path);
    QVERIFY2(result.ok(), qPrintable(result.error.value_or(QString())));
    QCOMPARE(result.config.sites.size(), 1);
    const NewsSiteProfile &site = result.config.sites.at(0);
    QCOMPARE(site.id, QStringLiteral("mine"));
    QCOMPARE(site.name, QStringLiteral("My News"));
    QCOMPARE(site.item, QStringLiteral("li.post"));
    QCOMPARE(site.title, QStringLiteral("h3"));
    QCOMPARE(site.time, QString());
    QCOMPARE(site.timeoutMs, 5000);
}

void TestNewsSiteProfile::load_brokenJson_errorNamesFileAndPosition()
{
    const QString path = writeFile("{\n  \"sites\": [\n    {\"id\": \"x\",, }\n  ]\n}\n");
    const auto result = NewsSiteConfigLoader::load(path);
    QVERIFY(!result.ok());
    QVERIFY(result.config.sites.isEmpty()); // no silent fall-back to the built-in sites
    QVERIFY2(result.error->contains(path), qPrintable(*result.error));
    QVERIFY2(result.error->contains(QStringLiteral("line 3")), qPrintable(*result.error));
}

void TestNewsSiteProfile::load_missingFile_isAnError()
{
    const QString path = m_dir.filePath(QStringLiteral("missing.json"));
    const auto result = NewsSiteConfigLoader::load(path);
    QVERIFY(!result.ok());
    QVERIFY(result.config.sites.isEmpty());
    QVERIFY(result.error->contains(path));
}

void TestNewsSiteProfile::load_fifoOrOversizedFile_isRefusedWithoutBlocking()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("sites.fifo"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const auto fromFifo = NewsSiteConfigLoader::load(fifo); // would block forever in open()
    QVERIFY(!fromFifo.ok());
    QVERIFY2(fromFifo.error->contains(QStringLiteral("not a regular file")), qPrintable(*fromFifo.error));

    const QString big = dir.filePath(QStringLiteral("big.json"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"sites\":[" + QByteArray(2 * 1024 * 1024, ' ') + "]}");
    file.close();
    const auto fromBig = NewsSiteConfigLoader::load(big);
    QVERIFY(!fromBig.ok());
    QVERIFY2(fromBig.error->contains(QStringLiteral("larger than 1 MB")), qPrintable(*fromBig.error));
}

void TestNewsSiteProfile::parse_badEntries_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expectedInError");

    QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("\"sites\"");
    QTest::newRow("no sites") << QByteArray("{}") << QStringLiteral("\"sites\"");
    QTest::newRow("sites not array") << QByteArray(R"({"sites":{}})") << QStringLiteral("\"sites\"");
    QTest::newRow("empty sites") << QByteArray(R"({"sites":[]})") << QStringLiteral("\"sites\"");
    QTest::newRow("site not object") << QByteArray(R"({"sites":[3]})") << QStringLiteral("site 1");
    QTest::newRow("missing id") << QByteArray(R"({"sites":[{"url":"https://a.example/"}]})")
                                << QStringLiteral("'id'");
    QTest::newRow("id not string") << QByteArray(R"({"sites":[{"id":5,"url":"https://a.example/"}]})")
                                   << QStringLiteral("'id'");
    QTest::newRow("id with path") << QByteArray(
                                         R"({"sites":[{"id":"../../etc","url":"https://a.example/"}]})")
                                  << QStringLiteral("'id'");
    QTest::newRow("id with space") << QByteArray(R"({"sites":[{"id":"my site","url":"https://a.example/"}]})")
                                   << QStringLiteral("'id'");
    QTest::newRow("bad kind") << QByteArray(
                                     R"({"sites":[{"id":"a","kind":"ftp","url":"https://a.example/"}]})")
                              << QStringLiteral("'kind'");
    QTest::newRow("missing url") << QByteArray(R"({"sites":[{"id":"a"}]})") << QStringLiteral("'url'");
    QTest::newRow("relative url") << QByteArray(R"({"sites":[{"id":"a","url":"/news"}]})")
                                  << QStringLiteral("'url'");
    QTest::newRow("javascript url") << QByteArray(R"J({"sites":[{"id":"a","url":"javascript:alert(1)"}]})J")
                                    << QStringLiteral("'url'");
    QTest::newRow("file url") << QByteArray(R"({"sites":[{"id":"a","url":"file:///etc/passwd"}]})")
                              << QStringLiteral("'url'");
    QTest::newRow("selector not string")
        << QByteArray(R"({"sites":[{"id":"a","url":"https://a.example/","item":[1]}]})")
        << QStringLiteral("'item'");
    QTest::newRow("timeout not number")
        << QByteArray(R"({"sites":[{"id":"a","url":"https://a.example/","timeoutMs":"5"}]})")
        << QStringLiteral("'timeoutMs'");
    QTest::newRow("enabled not bool")
        << QByteArray(R"({"sites":[{"id":"a","url":"https://a.example/","enabled":"no"}]})")
        << QStringLiteral("'enabled'");
    QTest::newRow("duplicate id") << QByteArray(R"({"sites":[{"id":"a","url":"https://a.example/"},
                                                             {"id":"a","url":"https://b.example/"}]})")
                                  << QStringLiteral("site 2");
}

void TestNewsSiteProfile::parse_badEntries()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expectedInError);
    const auto result = NewsSiteConfigLoader::parse(json, QStringLiteral("test.json"));
    QVERIFY(!result.ok());
    QVERIFY(result.config.sites.isEmpty());
    QVERIFY2(result.error->contains(QStringLiteral("test.json")), qPrintable(*result.error));
    QVERIFY2(result.error->contains(expectedInError), qPrintable(*result.error));
}

void TestNewsSiteProfile::parse_defaults_kindBrowserEnabledAndTimeoutClamped()
{
    const auto result = NewsSiteConfigLoader::parse(
        R"({"sites":[{"id":"a","url":"https://a.example/"},{"id":"b","url":"https://b.example/","timeoutMs":10},
                     {"id":"c","kind":"rss","url":"https://c.example/feed","timeoutMs":9999999}]})",
        QStringLiteral("test.json"));
    QVERIFY(result.ok());
    QCOMPARE(result.config.sites.size(), 3);
    const auto &a = result.config.sites.at(0);
    QCOMPARE(a.kind, NewsSiteProfile::Kind::Browser);
    QCOMPARE(a.name, QStringLiteral("a"));
    QVERIFY(a.enabled);
    QVERIFY(!a.hasSelectors());
    QCOMPARE(a.timeoutMs, NewsSiteProfile::DefaultTimeoutMs);
    QCOMPARE(result.config.sites.at(1).timeoutMs, NewsSiteProfile::MinTimeoutMs);
    QCOMPARE(result.config.sites.at(2).timeoutMs, NewsSiteProfile::MaxTimeoutMs);
}

void TestNewsSiteProfile::applyNewsUrlOverride_builtIn_movesBrowserAndFeed()
{
    auto config = NewsSiteConfigLoader::loadBuiltIn().config;
    const int count = int(config.sites.size());
    ba::applyNewsUrlOverride(config, QUrl(QStringLiteral("http://127.0.0.1:9000/")));
    QCOMPARE(config.sites.size(), count);
    QCOMPARE(config.firstEnabled(NewsSiteProfile::Kind::Browser)->url,
             QUrl(QStringLiteral("http://127.0.0.1:9000/")));
    QCOMPARE(config.firstEnabled(NewsSiteProfile::Kind::Browser)->id, QStringLiteral("bitcoin-com"));
    const auto feeds = config.enabledOfKind(NewsSiteProfile::Kind::Rss);
    QCOMPARE(feeds.size(), 1);
    QCOMPARE(feeds.at(0).id, QStringLiteral("bitcoin-com-rss"));
    QCOMPARE(feeds.at(0).url, QUrl(QStringLiteral("http://127.0.0.1:9000/feed/")));
}

void TestNewsSiteProfile::applyNewsUrlOverride_pathWithoutSlash_feedUnderIt()
{
    auto config = NewsSiteConfigLoader::loadBuiltIn().config;
    ba::applyNewsUrlOverride(config, QUrl(QStringLiteral("https://example.org/crypto")));
    QCOMPARE(config.enabledOfKind(NewsSiteProfile::Kind::Rss).at(0).url,
             QUrl(QStringLiteral("https://example.org/crypto/feed/")));
    QCOMPARE(ba::rssFeedUrlFor(QUrl(QStringLiteral("https://example.org/"))),
             QUrl(QStringLiteral("https://example.org/feed/")));
}

void TestNewsSiteProfile::applyNewsUrlOverride_noFeedOnSameHost_addsFeed()
{
    auto config = NewsSiteConfigLoader::parse(
                      R"({"sites":[{"id":"web","name":"Web","url":"https://a.example/"},
                                   {"id":"other","kind":"rss","url":"https://b.example/rss","enabled":false}]})",
                      QStringLiteral("t"))
                      .config;
    ba::applyNewsUrlOverride(config, QUrl(QStringLiteral("http://127.0.0.1:9000/")));
    QCOMPARE(config.sites.size(), 3);
    QCOMPARE(config.sites.at(1).id, QStringLiteral("web-rss"));
    QCOMPARE(config.sites.at(1).kind, NewsSiteProfile::Kind::Rss);
    QCOMPARE(config.sites.at(1).url, QUrl(QStringLiteral("http://127.0.0.1:9000/feed/")));
    QCOMPARE(config.sites.at(2).url, QUrl(QStringLiteral("https://b.example/rss"))); // untouched
    QVERIFY(!config.sites.at(2).enabled);
}

void TestNewsSiteProfile::applyNewsUrlOverride_noBrowserProfile_addsOne()
{
    auto config =
        NewsSiteConfigLoader::parse(R"({"sites":[{"id":"feed","kind":"rss","url":"https://b.example/rss"}]})",
                                    QStringLiteral("t"))
            .config;
    ba::applyNewsUrlOverride(config, QUrl(QStringLiteral("http://127.0.0.1:9000/")));
    const NewsSiteProfile *browser = config.firstEnabled(NewsSiteProfile::Kind::Browser);
    QVERIFY(browser);
    QCOMPARE(browser->url, QUrl(QStringLiteral("http://127.0.0.1:9000/")));
    QVERIFY(!browser->hasSelectors());
    QCOMPARE(config.sites.size(), 3);
}

void TestNewsSiteProfile::applyNewsUrlOverride_invalidUrl_changesNothing()
{
    auto config = NewsSiteConfigLoader::loadBuiltIn().config;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("override ignored")));
    ba::applyNewsUrlOverride(config, QUrl(QStringLiteral("ftp://example.org/")));
    QCOMPARE(config.firstEnabled(NewsSiteProfile::Kind::Browser)->url,
             QUrl(QStringLiteral("https://news.bitcoin.com/")));
}

QTEST_GUILESS_MAIN(TestNewsSiteProfile)
#include "tst_newssiteprofile.moc"
