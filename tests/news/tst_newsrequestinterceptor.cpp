#include "news/NewsRequestInterceptor.h"

#include <QtTest>

using ba::NewsRequestInterceptor;

// The host rule the interceptor and the page apply; the browser side is in test_webnewsscraper.
class TestNewsRequestInterceptor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isSameSite_data();
    void isSameSite();
    void isAllowedNavigation_data();
    void isAllowedNavigation();
};

void TestNewsRequestInterceptor::isSameSite_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("site");
    QTest::addColumn<bool>("expected");
    QTest::newRow("same") << QStringLiteral("news.site.example") << QStringLiteral("news.site.example")
                          << true;
    QTest::newRow("subdomain") << QStringLiteral("static.news.site.example")
                               << QStringLiteral("news.site.example") << true;
    QTest::newRow("case") << QStringLiteral("NEWS.Site.example") << QStringLiteral("news.site.example")
                          << true;
    QTest::newRow("www stripped") << QStringLiteral("feeds.example") << QStringLiteral("www.feeds.example")
                                  << true;
    QTest::newRow("parent") << QStringLiteral("site.example") << QStringLiteral("news.site.example") << false;
    QTest::newRow("sibling") << QStringLiteral("www.site.example") << QStringLiteral("news.site.example")
                             << false;
    QTest::newRow("suffix trick") << QStringLiteral("evilnews.site.example")
                                  << QStringLiteral("news.site.example") << false;
    QTest::newRow("prefix trick") << QStringLiteral("news.site.example.evil.example")
                                  << QStringLiteral("news.site.example") << false;
    QTest::newRow("other ip") << QStringLiteral("127.0.0.2") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("localhost") << QStringLiteral("localhost") << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("empty site") << QStringLiteral("a.example") << QString() << false;
}

void TestNewsRequestInterceptor::isSameSite()
{
    QFETCH(QString, host);
    QFETCH(QString, site);
    QFETCH(bool, expected);
    QCOMPARE(NewsRequestInterceptor::isSameSite(host, site), expected);
}

void TestNewsRequestInterceptor::isAllowedNavigation_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<bool>("expected");
    QTest::newRow("same host") << QUrl(QStringLiteral("https://news.site.example/a")) << true;
    QTest::newRow("other port") << QUrl(QStringLiteral("http://news.site.example:8080/a")) << true;
    QTest::newRow("other host") << QUrl(QStringLiteral("https://evil.example/")) << false;
    QTest::newRow("javascript") << QUrl(QStringLiteral("javascript:alert(1)")) << false;
    QTest::newRow("data") << QUrl(QStringLiteral("data:text/html,x")) << false;
    QTest::newRow("file") << QUrl(QStringLiteral("file:///etc/passwd")) << false;
}

void TestNewsRequestInterceptor::isAllowedNavigation()
{
    QFETCH(QUrl, url);
    QFETCH(bool, expected);
    QCOMPARE(NewsRequestInterceptor::isAllowedNavigation(url, QStringLiteral("news.site.example")), expected);
}

QTEST_GUILESS_MAIN(TestNewsRequestInterceptor)
#include "tst_newsrequestinterceptor.moc"
