#include "domain/CanonicalUrl.h"

#include <QTest>

using ba::canonicalUrl;

// The one key of a news article: the web page, RSS and Atom must agree on it.
class TestCanonicalUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalUrl_normalisesTrackingAndCase_data();
    void canonicalUrl_normalisesTrackingAndCase();
};

void TestCanonicalUrl::canonicalUrl_normalisesTrackingAndCase_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *input, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(input) << QString::fromUtf8(expected);
    };
    row("already canonical", "https://news.site.example/some-story/",
        "https://news.site.example/some-story/");
    row("utm parameters removed, others kept in order",
        "https://news.site.example/a?utm_source=rss&id=5&utm_medium=feed&page=2",
        "https://news.site.example/a?id=5&page=2");
    row("only utm parameters: no question mark", "https://news.site.example/a?utm_source=x&utm_campaign=y",
        "https://news.site.example/a");
    row("upper-case UTM key", "https://news.site.example/a?UTM_Source=x&q=1",
        "https://news.site.example/a?q=1");
    row("utm-like but not utm_", "https://news.site.example/a?utmost=1&autm_x=2",
        "https://news.site.example/a?utmost=1&autm_x=2");
    row("fragment removed", "https://news.site.example/a#comments", "https://news.site.example/a");
    row("fragment and utm removed", "https://news.site.example/a?utm_source=x#top",
        "https://news.site.example/a");
    row("scheme and host lower-cased, path kept", "HTTPS://News.Site.EXAMPLE/Some-Story",
        "https://news.site.example/Some-Story");
    row("default port dropped", "https://news.site.example:443/a", "https://news.site.example/a");
    row("other port kept", "http://127.0.0.1:8080/a", "http://127.0.0.1:8080/a");
    row("empty path becomes /", "https://news.site.example", "https://news.site.example/");
    row("surrounding spaces", "  https://news.site.example/a  ", "https://news.site.example/a");
    row("percent-encoding kept", "https://news.site.example/caf%C3%A9?q=a%20b",
        "https://news.site.example/caf%C3%A9?q=a%20b");
    row("relative URL", "/news/a-story", "");
    row("empty", "", "");
    row("no host", "mailto:editor@site.example", "");
    row("not a URL", "not a url at all", "");
}

void TestCanonicalUrl::canonicalUrl_normalisesTrackingAndCase()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(canonicalUrl(input), expected);
}

QTEST_GUILESS_MAIN(TestCanonicalUrl)
#include "tst_canonicalurl.moc"
