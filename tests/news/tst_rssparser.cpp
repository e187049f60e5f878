#include "fakes/HostileFeeds.h"
#include "news/RssParser.h"

#include <QFile>
#include <QtTest>

using ba::FetchError;
using ba::NewsItem;
using ba::RssFeed;
using ba::RssParser;

namespace {

const QUrl kFeedUrl(QStringLiteral("https://news.example.com/feed/"));

RssParser::Context context()
{
    return {kFeedUrl, QStringLiteral("Example News (RSS)"), QStringLiteral("Example News"),
            QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC)};
}

// An RSS 2.0 document around the given <item> elements, with the usual namespaces declared.
QByteArray rss(const QByteArray &items)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
           " xmlns:media=\"http://search.yahoo.com/mrss/\""
           " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
           " xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
           "<channel><title>Example</title><link>https://news.example.com/</link>\n" +
           items + "\n</channel></rss>\n";
}

QByteArray item(const QByteArray &inner)
{
    return "<item>" + inner + "</item>";
}

QByteArray linkedItem(const QByteArray &inner)
{
    return item("<link>https://news.example.com/a</link>" + inner);
}

NewsItem onlyItem(const QByteArray &xml)
{
    const RssFeed feed = RssParser::parse(xml, context());
    if (!feed.ok() || feed.items.size() != 1) {
        qWarning() << "expected exactly one item:" << feed.error.detail << feed.items.size();
        return {};
    }
    return feed.items.constFirst();
}

qint64 utcMs(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC).toMSecsSinceEpoch();
}

} // namespace

class TestRssParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_coinDeskSample_readsEveryField();
    void parse_titleText_data();
    void parse_titleText();
    void parse_summaryText_data();
    void parse_summaryText();
    void parse_dates_data();
    void parse_dates();
    void parse_links_data();
    void parse_links();
    void parse_images_data();
    void parse_images();
    void parse_authors_data();
    void parse_authors();
    void parse_atomFeed_readsEntries();
    void parse_rss1Feed_readsItems();
    void parse_malformed_data();
    void parse_malformed();
    void parse_tenThousandItems_capsAt200();
    void parse_duplicateLinks_keptOnce();
    void parse_longTitle_cappedAt300();
    void parse_emptyChannel_isOkWithoutItems();
    void parse_titleWith100000NestedElements_failsWithDepthReason();
    void parse_nestingJustUnderTheCap_stillReads();
    void parse_dtdDeclaringAnEntity_refusedQuicklyWithReason();
    void parse_externalDoctypeWithoutEntities_stillReads();
    void parse_moreTextThanAnyFeed_failsWithTextReason();
};

void TestRssParser::parse_coinDeskSample_readsEveryField()
{
    QFile file(QStringLiteral(BA_TEST_DATA_DIR "/rss_coindesk_sample.xml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    RssParser::Context ctx = context();
    ctx.feedUrl = QUrl(QStringLiteral("https://www.coindesk.com/arc/outboundfeeds/rss/"));
    ctx.source = QStringLiteral("CoinDesk");

    const RssFeed feed = RssParser::parse(file.readAll(), ctx);

    QVERIFY2(feed.ok(), qPrintable(feed.error.detail));
    QCOMPARE(feed.format, QStringLiteral("RSS 2.0"));
    QCOMPARE(feed.entries, 2);
    QCOMPARE(feed.items.size(), 2);
    const NewsItem &first = feed.items.at(0);
    QCOMPARE(first.title,
             QStringLiteral("Citadel Securities and DeFi Waging War of Words Through SEC Correspondence"));
    QCOMPARE(first.url,
             QStringLiteral("https://www.coindesk.com/policy/2025/12/12/"
                            "citadel-securities-and-defi-waging-war-of-words-through-sec-correspondence"));
    QCOMPARE(first.publishedMs, utcMs(2025, 12, 12, 22, 20, 18));
    QVERIFY(first.summary.startsWith(QStringLiteral("The investing giant had asked")));
    QVERIFY(first.imageUrl.startsWith(QStringLiteral("https://cdn.sanity.io/images/")));
    QVERIFY2(first.imageUrl.contains(QStringLiteral("?fm=jpg&w=1920&h=1080")), qPrintable(first.imageUrl));
    QCOMPARE(first.author, QStringLiteral("Jesse Hamilton"));
    QCOMPARE(first.source, QStringLiteral("CoinDesk"));
    QCOMPARE(first.fetchedMs, ctx.fetchedAt.toMSecsSinceEpoch());
    QCOMPARE(feed.items.at(1).title, QStringLiteral("DOT Sinks 2% After Breaking Key Support"));
    QCOMPARE(feed.items.at(1).author, QStringLiteral("CD Analytics, Will Canny"));
    QCOMPARE(feed.items.at(1).publishedMs, utcMs(2025, 12, 12, 17, 16, 6));
}

void TestRssParser::parse_titleText_data()
{
    QTest::addColumn<QByteArray>("title");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QByteArray("Bitcoin rises") << QStringLiteral("Bitcoin rises");
    QTest::newRow("CDATA keeps markup as text")
        << QByteArray("<![CDATA[ <img src=x onerror=alert(1)> & more ]]>")
        << QStringLiteral("<img src=x onerror=alert(1)> & more");
    QTest::newRow("XML entities") << QByteArray("AT&amp;T &lt;b&gt;bold&lt;/b&gt;")
                                  << QStringLiteral("AT&T <b>bold</b>");
    QTest::newRow("numeric entities")
        << QByteArray("It&#8217;s &#x2019;up&#x2019;") << QStringLiteral("It\u2019s \u2019up\u2019");
    QTest::newRow("double-encoded entity")
        << QByteArray("Miner&amp;#8217;s day &amp;amp; night") << QStringLiteral("Miner\u2019s day & night");
    QTest::newRow("HTML entity undeclared in XML")
        << QByteArray("Price&nbsp;&mdash;&nbsp;up&hellip;") << QStringLiteral("Price \u2014 up\u2026");
    QTest::newRow("white space collapsed")
        << QByteArray("\n  Two\t\tspaces \n here ") << QStringLiteral("Two spaces here");
}

void TestRssParser::parse_titleText()
{
    QFETCH(QByteArray, title);
    QFETCH(QString, expected);
    const NewsItem parsed = onlyItem(rss(linkedItem("<title>" + title + "</title>")));
    QCOMPARE(parsed.title, expected);
}

void TestRssParser::parse_summaryText_data()
{
    QTest::addColumn<QByteArray>("inner");
    QTest::addColumn<QString>("expected");
    QTest::newRow("escaped HTML description")
        << QByteArray(
               "<description>&lt;p&gt;Price &amp;amp; volume&lt;/p&gt;&lt;p&gt;rise&lt;/p&gt;</description>")
        << QStringLiteral("Price & volume rise");
    QTest::newRow("CDATA HTML with image, script and style")
        << QByteArray("<description><![CDATA[<img src=\"https://x/y.jpg\" alt=\"a>b\"/><p>Hello <b>world</b>"
                      "</p><script>alert('x')</script><style>p{}</style><!-- note --> again]]></description>")
        << QStringLiteral("Hello world again");
    QTest::newRow("escaped markup stays literal")
        << QByteArray(
               "<description><![CDATA[Use &lt;b&gt; for bold &amp; &#8217;quotes&#8217;]]></description>")
        << QStringLiteral("Use <b> for bold & \u2019quotes\u2019");
    QTest::newRow("lone less-than kept") << QByteArray("<description>1 &lt; 2 and 3 &gt; 2</description>")
                                         << QStringLiteral("1 < 2 and 3 > 2");
    QTest::newRow("invalid code point replaced")
        << QByteArray("<description><![CDATA[a &#0; b &#xD800; c]]></description>")
        << QStringLiteral("a \uFFFD b \uFFFD c");
    QTest::newRow("WordPress footer dropped")
        << QByteArray("<description><![CDATA[<p>Bitcoin rallied.</p><p>The post <a "
                      "href=\"https://news.example.com/a\">"
                      "Bitcoin rallies</a> appeared first on Bitcoin News.</p>]]></description>")
        << QStringLiteral("Bitcoin rallied.");
    QTest::newRow("content:encoded when no description")
        << QByteArray("<content:encoded><![CDATA[<p>From content</p>]]></content:encoded>")
        << QStringLiteral("From content");
    QTest::newRow("description preferred over content")
        << QByteArray("<description>Short</description><content:encoded>Long</content:encoded>")
        << QStringLiteral("Short");
    QTest::newRow("none") << QByteArray() << QString();
}

void TestRssParser::parse_summaryText()
{
    QFETCH(QByteArray, inner);
    QFETCH(QString, expected);
    const NewsItem parsed = onlyItem(rss(linkedItem("<title>T</title>" + inner)));
    QCOMPARE(parsed.summary, expected);
}

void TestRssParser::parse_dates_data()
{
    QTest::addColumn<QByteArray>("inner");
    QTest::addColumn<qint64>("expected"); // -1 = no date
    QTest::newRow("RFC 822 +0000") << QByteArray("<pubDate>Sat, 13 Dec 2025 14:03:00 +0000</pubDate>")
                                   << utcMs(2025, 12, 13, 14, 3, 0);
    QTest::newRow("RFC 822 GMT") << QByteArray("<pubDate>Sat, 13 Dec 2025 14:03:00 GMT</pubDate>")
                                 << utcMs(2025, 12, 13, 14, 3, 0);
    QTest::newRow("RFC 822 EST") << QByteArray("<pubDate>Sat, 13 Dec 2025 09:03:00 EST</pubDate>")
                                 << utcMs(2025, 12, 13, 14, 3, 0);
    QTest::newRow("RFC 822 -0500 no weekday")
        << QByteArray("<pubDate>13 Dec 2025 09:03 -0500</pubDate>") << utcMs(2025, 12, 13, 14, 3, 0);
    QTest::newRow("dc:date ISO 8601")
        << QByteArray("<dc:date>2025-12-13T15:03:00+01:00</dc:date>") << utcMs(2025, 12, 13, 14, 3, 0);
    QTest::newRow("pubDate wins over dc:date")
        << QByteArray(
               "<dc:date>2020-01-01T00:00:00Z</dc:date><pubDate>Sat, 13 Dec 2025 14:03:00 GMT</pubDate>")
        << utcMs(2025, 12, 13, 14, 3, 0);
    QTest::newRow("missing") << QByteArray() << qint64(-1);
    QTest::newRow("empty") << QByteArray("<pubDate> </pubDate>") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("<pubDate>sometime soon</pubDate>") << qint64(-1);
    QTest::newRow("relative phrase is not a feed date")
        << QByteArray("<pubDate>3 hours ago</pubDate>") << qint64(-1);
    QTest::newRow("unknown zone") << QByteArray("<pubDate>Sat, 13 Dec 2025 14:03:00 XYZ</pubDate>")
                                  << qint64(-1);
}

void TestRssParser::parse_dates()
{
    QFETCH(QByteArray, inner);
    QFETCH(qint64, expected);
    const NewsItem parsed = onlyItem(rss(linkedItem("<title>T</title>" + inner)));
    if (expected < 0) {
        QVERIFY2(!parsed.publishedMs.has_value(), "a date was invented");
    } else {
        QCOMPARE(parsed.publishedMs, std::optional<qint64>(expected));
    }
}

void TestRssParser::parse_links_data()
{
    QTest::addColumn<QByteArray>("inner");
    QTest::addColumn<QString>("expected"); // empty = item dropped
    QTest::newRow("utm parameters and fragment stripped")
        << QByteArray(
               "<link>https://news.example.com/a?id=7&amp;utm_source=rss&amp;utm_medium=feed#comments</link>")
        << QStringLiteral("https://news.example.com/a?id=7");
    QTest::newRow("CDATA with white space")
        << QByteArray("<link><![CDATA[ https://News.Example.com/b?utm_campaign=x ]]></link>")
        << QStringLiteral("https://news.example.com/b");
    QTest::newRow("relative link resolved against the feed")
        << QByteArray("<link>/news/c</link>") << QStringLiteral("https://news.example.com/news/c");
    QTest::newRow("javascript link dropped") << QByteArray("<link>javascript:alert(1)</link>") << QString();
    QTest::newRow("data link dropped") << QByteArray("<link>data:text/html,hi</link>") << QString();
    QTest::newRow("ftp link dropped") << QByteArray("<link>ftp://news.example.com/a</link>") << QString();
    QTest::newRow("missing link, permalink guid") << QByteArray("<guid>https://news.example.com/g</guid>")
                                                  << QStringLiteral("https://news.example.com/g");
    QTest::newRow("missing link, UUID guid")
        << QByteArray("<guid isPermaLink=\"false\">9aef2b42</guid>") << QString();
    QTest::newRow("atom:link in an RSS item")
        << QByteArray("<atom:link rel=\"alternate\" href=\"https://news.example.com/d\"/>")
        << QStringLiteral("https://news.example.com/d");
}

void TestRssParser::parse_links()
{
    QFETCH(QByteArray, inner);
    QFETCH(QString, expected);
    const RssFeed feed = RssParser::parse(rss(item("<title>T</title>" + inner)), context());
    QVERIFY(feed.ok());
    if (expected.isEmpty()) {
        QVERIFY(feed.items.isEmpty());
        QCOMPARE(feed.dropped, 1);
    } else {
        QCOMPARE(feed.items.size(), 1);
        QCOMPARE(feed.items.constFirst().url, expected);
    }
}

void TestRssParser::parse_images_data()
{
    QTest::addColumn<QByteArray>("inner");
    QTest::addColumn<QString>("expected");
    QTest::newRow("media:content image/*")
        << QByteArray(
               "<media:content url=\"https://img.example.com/1.jpg\" type=\"image/*\" medium=\"image\"/>")
        << QStringLiteral("https://img.example.com/1.jpg");
    QTest::newRow("video skipped, thumbnail used")
        << QByteArray("<media:content url=\"https://v.example.com/1.mp4\" type=\"video/mp4\"/>"
                      "<media:thumbnail url=\"https://img.example.com/t.jpg\"/>")
        << QStringLiteral("https://img.example.com/t.jpg");
    QTest::newRow("inside media:group")
        << QByteArray("<media:group><media:content url=\"https://img.example.com/g.png\" medium=\"image\"/>"
                      "</media:group>")
        << QStringLiteral("https://img.example.com/g.png");
    QTest::newRow("enclosure image/jpg")
        << QByteArray("<enclosure url=\"https://img.example.com/e.jpg\" length=\"528\" type=\"image/jpg\"/>")
        << QStringLiteral("https://img.example.com/e.jpg");
    QTest::newRow("audio enclosure ignored")
        << QByteArray("<enclosure url=\"https://a.example.com/e.mp3\" length=\"5\" type=\"audio/mpeg\"/>")
        << QString();
    QTest::newRow("javascript image refused")
        << QByteArray("<media:thumbnail url=\"javascript:alert(1)\"/>") << QString();
}

void TestRssParser::parse_images()
{
    QFETCH(QByteArray, inner);
    QFETCH(QString, expected);
    QCOMPARE(onlyItem(rss(linkedItem("<title>T</title>" + inner))).imageUrl, expected);
}

void TestRssParser::parse_authors_data()
{
    QTest::addColumn<QByteArray>("inner");
    QTest::addColumn<QString>("expected");
    QTest::newRow("dc:creator") << QByteArray("<dc:creator><![CDATA[Jane Doe]]></dc:creator>")
                                << QStringLiteral("Jane Doe");
    QTest::newRow("two creators, one repeated")
        << QByteArray("<dc:creator>A</dc:creator><dc:creator>B</dc:creator><dc:creator>A</dc:creator>")
        << QStringLiteral("A, B");
    QTest::newRow("RSS author with e-mail")
        << QByteArray("<author>desk@example.com (Jane Doe)</author>") << QStringLiteral("Jane Doe");
    QTest::newRow("none") << QByteArray() << QString();
}

void TestRssParser::parse_authors()
{
    QFETCH(QByteArray, inner);
    QFETCH(QString, expected);
    QCOMPARE(onlyItem(rss(linkedItem("<title>T</title>" + inner))).author, expected);
}

void TestRssParser::parse_atomFeed_readsEntries()
{
    const QByteArray atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title>
  <link rel="self" href="https://news.example.com/atom.xml"/>
  <entry>
    <title type="html">Bitcoin &lt;em&gt;soars&lt;/em&gt; &amp;amp; dips</title>
    <link rel="self" href="https://news.example.com/api/1"/>
    <link rel="alternate" type="text/html" href="https://news.example.com/one?utm_source=atom#top"/>
    <link rel="enclosure" type="image/png" href="https://img.example.com/one.png"/>
    <id>urn:uuid:1</id>
    <updated>2025-12-13T15:00:00Z</updated>
    <published>2025-12-13T14:03:00Z</published>
    <author><name>Jane Doe</name><email>jane@example.com</email></author>
    <summary type="text">A plain summary with 1 &lt; 2.</summary>
  </entry>
  <entry>
    <title>Second</title>
    <link href="/two"/>
    <updated>2025-12-12T10:00:00+02:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>XHTML <b>content</b></p></div></content>
  </entry>
  <entry><title>No link</title></entry>
</feed>)";
    const RssFeed feed = RssParser::parse(atom, context());
    QVERIFY2(feed.ok(), qPrintable(feed.error.detail));
    QCOMPARE(feed.format, QStringLiteral("Atom"));
    QCOMPARE(feed.entries, 3);
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.dropped, 1);
    const NewsItem &first = feed.items.at(0);
    QCOMPARE(first.title, QStringLiteral("Bitcoin soars & dips"));
    QCOMPARE(first.url, QStringLiteral("https://news.example.com/one"));
    QCOMPARE(first.publishedMs, utcMs(2025, 12, 13, 14, 3, 0));
    QCOMPARE(first.author, QStringLiteral("Jane Doe"));
    QCOMPARE(first.summary, QStringLiteral("A plain summary with 1 < 2."));
    QCOMPARE(first.imageUrl, QStringLiteral("https://img.example.com/one.png"));
    const NewsItem &second = feed.items.at(1);
    QCOMPARE(second.url, QStringLiteral("https://news.example.com/two"));
    QCOMPARE(second.publishedMs, utcMs(2025, 12, 12, 8, 0, 0)); // only <updated>
    QCOMPARE(second.summary, QStringLiteral("XHTML content"));
}

void TestRssParser::parse_rss1Feed_readsItems()
{
    const QByteArray rdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.com/"><title>RDF</title><link>https://news.example.com/</link></channel>
  <item rdf:about="https://news.example.com/r1">
    <title>RDF item</title><link>https://news.example.com/r1</link>
    <description>Old but valid.</description><dc:date>2025-12-13T14:03:00Z</dc:date>
  </item>
</rdf:RDF>)";
    const RssFeed feed = RssParser::parse(rdf, context());
    QVERIFY2(feed.ok(), qPrintable(feed.error.detail));
    QCOMPARE(feed.format, QStringLiteral("RSS 1.0"));
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.constFirst().title, QStringLiteral("RDF item"));
    QCOMPARE(feed.items.constFirst().publishedMs, utcMs(2025, 12, 13, 14, 3, 0));
}

void TestRssParser::parse_malformed_data()
{
    QTest::addColumn<QByteArray>("xml");
    const QByteArray good = linkedItem("<title>Good</title>");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated after items") << rss(good + good).left(rss(good + good).size() - 30);
    QTest::newRow("mismatched tags") << rss(good + "<item><title>Bad</item></title>");
    QTest::newRow("undeclared prefix") << rss(good + item("<foo:bar>x</foo:bar>"));
    QTest::newRow("unknown entity in attribute") << rss(good + item("<enclosure url=\"&bogus;\"/>"));
    QTest::newRow("JSON") << QByteArray("{\"items\": []}");
    QTest::newRow("HTML page") << QByteArray(
        "<html><head><title>Just a moment...</title></head><body/></html>");
    QTest::newRow("XHTML page") << QByteArray(
        "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>");
    QTest::newRow("garbage bytes") << QByteArray("\x00\x01\xff\xfe<rss", 8);
    QTest::newRow("entity expansion bomb") << QByteArray(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
        "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
        "<rss version=\"2.0\"><channel><item><title>&g;</title>"
        "<link>https://news.example.com/a</link></item></channel></rss>");
}

void TestRssParser::parse_malformed()
{
    QFETCH(QByteArray, xml);
    const RssFeed feed = RssParser::parse(xml, context());
    QVERIFY(!feed.ok());
    QCOMPARE(feed.error.kind, FetchError::Kind::BadResponse);
    QVERIFY2(feed.items.isEmpty(), "items read before the error must not be returned");
    QVERIFY2(feed.error.userMessage.contains(QStringLiteral("Example News (RSS)")),
             qPrintable(feed.error.userMessage));
    QVERIFY(feed.error.detail.contains(kFeedUrl.host()));
}

void TestRssParser::parse_tenThousandItems_capsAt200()
{
    QByteArray items;
    for (int i = 0; i < 10000; ++i) {
        items += "<item><title>Story " + QByteArray::number(i) + "</title><link>https://news.example.com/s/" +
                 QByteArray::number(i) + "</link><description>Summary</description></item>\n";
    }
    QElapsedTimer timer;
    timer.start();
    const RssFeed feed = RssParser::parse(rss(items), context());
    QVERIFY2(feed.ok(), qPrintable(feed.error.detail));
    QCOMPARE(feed.entries, 10000);
    QCOMPARE(feed.items.size(), RssParser::MaxItems);
    QCOMPARE(feed.dropped, 10000 - RssParser::MaxItems);
    QCOMPARE(feed.items.constLast().title, QStringLiteral("Story 199"));
    QVERIFY2(timer.elapsed() < 5000, "parsing 10,000 items took too long");
}

void TestRssParser::parse_duplicateLinks_keptOnce()
{
    const RssFeed feed = RssParser::parse(
        rss(item("<title>First</title><link>https://news.example.com/a?utm_source=x</link>") +
            item("<title>Again</title><link>https://news.example.com/a#more</link>") +
            item("<title>Other</title><link>https://news.example.com/b</link>")),
        context());
    QVERIFY(feed.ok());
    QCOMPARE(feed.items.size(), 2);
    QCOMPARE(feed.items.at(0).title, QStringLiteral("First"));
    QCOMPARE(feed.dropped, 1);
}

void TestRssParser::parse_longTitle_cappedAt300()
{
    const QByteArray title(100 * 1024, 'x');
    const NewsItem parsed = onlyItem(rss(linkedItem("<title>" + title + "</title><description><![CDATA[" +
                                                    QByteArray(5000, 'y') + "]]></description>")));
    QCOMPARE(parsed.title.size(), RssParser::MaxTitleChars);
    QVERIFY(parsed.title.endsWith(QChar(0x2026)));
    QCOMPARE(parsed.summary.size(), RssParser::MaxSummaryChars);
}

void TestRssParser::parse_emptyChannel_isOkWithoutItems()
{
    const RssFeed feed = RssParser::parse(rss(QByteArray()), context());
    QVERIFY(feed.ok());
    QVERIFY(feed.items.isEmpty());
    QCOMPARE(feed.entries, 0);
}

void TestRssParser::parse_titleWith100000NestedElements_failsWithDepthReason()
{
    // Before the fix: SIGSEGV, readElementText() recursed once per element on the GUI thread.
    const RssFeed feed = RssParser::parse(ba::fakes::hostile::deepFeed(100000), context());
    QVERIFY(!feed.ok());
    QCOMPARE(feed.error.kind, FetchError::Kind::BadResponse);
    QVERIFY(feed.items.isEmpty());
    QVERIFY2(feed.error.userMessage.contains(QStringLiteral("Example News (RSS)")) &&
                 feed.error.userMessage.contains(QStringLiteral("nests elements more than 64 deep")),
             qPrintable(feed.error.userMessage));
}

void TestRssParser::parse_nestingJustUnderTheCap_stillReads()
{
    // rss > channel > item > title > 60 x <b>: 64 levels, the most a feed may use.
    const QByteArray title =
        QByteArray("<b>").repeated(60) + "Deep but fine" + QByteArray("</b>").repeated(60);
    const NewsItem parsed = onlyItem(rss(linkedItem("<title>" + title + "</title>")));
    QCOMPARE(parsed.title, QStringLiteral("Deep but fine"));
}

void TestRssParser::parse_dtdDeclaringAnEntity_refusedQuicklyWithReason()
{
    // Before the fix: 4,000 characters x 37,000 references = 148 M characters, seconds of CPU.
    const QByteArray xml = ba::fakes::hostile::entityFeed(4000, 37000);
    QElapsedTimer timer;
    timer.start();
    const RssFeed feed = RssParser::parse(xml, context());
    QVERIFY(!feed.ok());
    QVERIFY(feed.items.isEmpty());
    QVERIFY2(feed.error.userMessage.contains(QStringLiteral("declares its own XML entities")),
             qPrintable(feed.error.userMessage));
    QVERIFY2(timer.elapsed() < 1000, "the entity must be refused before any expansion");
}

void TestRssParser::parse_externalDoctypeWithoutEntities_stillReads()
{
    // Old RSS 0.91 feeds name Netscape's DTD; it is neither fetched nor needed.
    const QByteArray xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS "
        "0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
        "<rss version=\"0.91\"><channel><item><title>Old &amp; fine</title>"
        "<link>https://news.example.com/old</link></item></channel></rss>";
    const RssFeed feed = RssParser::parse(xml, context());
    QVERIFY2(feed.ok(), qPrintable(feed.error.detail));
    QCOMPARE(feed.items.size(), 1);
    QCOMPARE(feed.items.constFirst().title, QStringLiteral("Old & fine"));
}

void TestRssParser::parse_moreTextThanAnyFeed_failsWithTextReason()
{
    // Only reachable by calling the parser directly: the network caps a feed at 10 MB.
    const QByteArray text(RssParser::MaxTextChars / 4 + 1, 'x');
    const RssFeed feed =
        RssParser::parse(rss(linkedItem("<title>a</title><description>" + text + "</description>") +
                             item("<title>b</title><link>https://news.example.com/b</link><description>" +
                                  text + "</description>") +
                             item("<title>c</title><link>https://news.example.com/c</link><description>" +
                                  text + "</description>") +
                             item("<title>d</title><link>https://news.example.com/d</link><description>" +
                                  text + "</description>")),
                         context());
    QVERIFY(!feed.ok());
    QVERIFY(feed.items.isEmpty());
    QVERIFY2(feed.error.userMessage.contains(QStringLiteral("more text than a news feed can")),
             qPrintable(feed.error.userMessage));
}

QTEST_GUILESS_MAIN(TestRssParser)
#include "tst_rssparser.moc"
