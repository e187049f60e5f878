#include "news/RssParser.h"

#include "domain/CanonicalUrl.h"
#include "news/BoundedXmlReader.h"
#include "news/FeedText.h"
#include "news/RelativeDateParser.h"
#include "news/ScrapedItemValidator.h"

#include <QSet>
#include <QXmlStreamEntityResolver>

namespace ba {

namespace {

const QString kAtomNs = QStringLiteral("http://www.w3.org/2005/Atom");
const QString kRss1Ns = QStringLiteral("http://purl.org/rss/1.0/");
const QString kRdfNs = QStringLiteral("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
const QString kDcNs = QStringLiteral("http://purl.org/dc/elements/1.1/");
const QString kMediaNs = QStringLiteral("http://search.yahoo.com/mrss/");
const QString kContentNs = QStringLiteral("http://purl.org/rss/1.0/modules/content/");

// Feeds use HTML entities (&nbsp; &rsquo;) outside CDATA although XML does not declare them.
class HtmlEntityResolver : public QXmlStreamEntityResolver
{
public:
    QString resolveUndeclaredEntity(const QString &name) override { return FeedText::namedEntity(name); }
};

// One <item>/<entry> as read, before cleaning.
struct RawEntry
{
    QString title;
    bool titleIsHtml = false;
    QString link;
    QString atomLink;
    QString guid;
    QString pubDate;
    QString published;
    QString updated;
    QString dcDate;
    QString summary;
    bool summaryIsHtml = true;
    QString content;
    bool contentIsHtml = true;
    QString image;
    QStringList authors;
};

class FeedReader
{
public:
    FeedReader(const QByteArray &xml, const RssParser::Context &context)
        : m_reader(xml, limits(), &m_resolver), m_context(context)
    {}

    RssFeed run();

private:
    static BoundedXmlReader::Limits limits()
    {
        return {RssParser::MaxDepth, RssParser::MaxTextChars, RssParser::MaxFieldChars};
    }
    const QXmlStreamReader &xml() const { return m_reader.xml(); }
    FetchError readError() const;
    bool readRoot();
    bool isEntryStart() const;
    void readEntry();
    bool readField(RawEntry &entry);
    void readImage(RawEntry &entry);
    QString readText() { return m_reader.readText(); }
    QString readAtomText(bool *isHtml);
    QString readAtomAuthor();
    QString attribute(const char *name) const
    {
        return xml().attributes().value(QLatin1String(name)).toString();
    }
    void addEntry(const RawEntry &raw);

    HtmlEntityResolver m_resolver; // before m_reader, which points to it
    BoundedXmlReader m_reader;
    RssParser::Context m_context;
    RssFeed m_feed;
    QSet<QString> m_seen;
};

// A cap or a refused DTD says why in words; anything else is malformed XML, located by line.
FetchError FeedReader::readError() const
{
    if (!m_reader.problem().isEmpty()) {
        return RssParser::feedError(m_context, m_reader.problem(), m_reader.detail());
    }
    const QString where = RssParser::tr("line %1").arg(xml().lineNumber());
    return RssParser::feedError(m_context, RssParser::tr("it is not well-formed XML (%1)").arg(where),
                                m_reader.detail());
}

RssFeed FeedReader::run()
{
    if (!readRoot()) {
        return m_feed;
    }
    while (!m_reader.atEnd()) {
        if (m_reader.next() == QXmlStreamReader::StartElement && isEntryStart()) {
            readEntry();
        }
    }
    if (xml().hasError()) {
        return RssFeed{{}, readError(), m_feed.format, m_feed.entries, m_feed.dropped};
    }
    return m_feed;
}

bool FeedReader::readRoot()
{
    if (!m_reader.readPrologue()) {
        m_feed.error = m_reader.problem().isEmpty()
                           ? RssParser::feedError(m_context, RssParser::tr("it is not an XML document"),
                                                  m_reader.detail())
                           : readError();
        return false;
    }
    const auto name = xml().name();
    const auto ns = xml().namespaceUri();
    if (name == u"rss" && ns.isEmpty()) {
        m_feed.format = QStringLiteral("RSS 2.0");
    } else if (name == u"RDF" && ns == kRdfNs) {
        m_feed.format = QStringLiteral("RSS 1.0");
    } else if (name == u"feed" && ns == kAtomNs) {
        m_feed.format = QStringLiteral("Atom");
    } else {
        m_feed.error = RssParser::feedError(
            m_context, RssParser::tr("it is not an RSS or Atom feed"),
            QStringLiteral("root element <%1> in namespace '%2'").arg(name.toString(), ns.toString()));
        return false;
    }
    return true;
}

bool FeedReader::isEntryStart() const
{
    const auto name = xml().name();
    const auto ns = xml().namespaceUri();
    return (name == u"item" && (ns.isEmpty() || ns == kRss1Ns)) || (name == u"entry" && ns == kAtomNs);
}

void FeedReader::readEntry()
{
    ++m_feed.entries;
    RawEntry entry;
    int depth = 0; // below the entry element; fields are read only from its direct children
    while (!xml().atEnd()) {
        const auto token = m_reader.next();
        if (token == QXmlStreamReader::Invalid) {
            break;
        }
        if (token == QXmlStreamReader::EndElement) {
            if (depth == 0) {
                break;
            }
            --depth;
            continue;
        }
        if (token != QXmlStreamReader::StartElement) {
            continue;
        }
        readImage(entry); // media:content may sit inside media:group
        if (depth == 0 && readField(entry)) {
            continue; // the whole element was consumed
        }
        ++depth;
    }
    if (!xml().hasError()) {
        addEntry(entry);
    }
}

// Reads a known direct child of the entry up to its end tag; false when the element is not one.
bool FeedReader::readField(RawEntry &entry)
{
    const QString name = xml().name().toString();
    const auto ns = xml().namespaceUri();
    const bool plain = ns.isEmpty() || ns == kRss1Ns; // RSS 2.0 and RSS 1.0 elements
    const bool atomNs = ns == kAtomNs;
    if (name == u"title" && (plain || atomNs)) {
        entry.title = atomNs ? readAtomText(&entry.titleIsHtml) : readText();
    } else if (name == u"link" && atomNs) {
        const QString rel = attribute("rel");
        if ((rel.isEmpty() || rel == u"alternate") && entry.atomLink.isEmpty()) {
            entry.atomLink = attribute("href");
        } else if (rel == u"enclosure" && attribute("type").startsWith(u"image/") && entry.image.isEmpty()) {
            entry.image = attribute("href");
        }
        m_reader.skip();
    } else if (name == u"link" && plain) {
        entry.link = readText();
    } else if (name == u"guid" && plain) {
        entry.guid = readText();
    } else if (name == u"pubDate" && plain) {
        entry.pubDate = readText();
    } else if ((name == u"published" || name == u"updated") && atomNs) {
        (name == u"published" ? entry.published : entry.updated) = readText();
    } else if (name == u"date" && ns == kDcNs) {
        entry.dcDate = readText();
    } else if ((name == u"description" && plain) || (name == u"summary" && atomNs)) {
        entry.summary = atomNs ? readAtomText(&entry.summaryIsHtml) : readText();
    } else if ((name == u"encoded" && ns == kContentNs) || (name == u"content" && atomNs)) {
        entry.content = atomNs ? readAtomText(&entry.contentIsHtml) : readText();
    } else if (name == u"creator" && ns == kDcNs) {
        entry.authors.append(readText());
    } else if (name == u"author" && atomNs) {
        entry.authors.append(readAtomAuthor());
    } else if (name == u"author" && plain) {
        // "editor@example.com (Jane Doe)": the name is what readers want to see.
        const QString text = readText().trimmed();
        const qsizetype open = text.indexOf(u'(');
        entry.authors.append(open > 0 && text.endsWith(u')') ? text.mid(open + 1, text.size() - open - 2)
                                                             : text);
    } else {
        return false;
    }
    return true;
}

void FeedReader::readImage(RawEntry &entry)
{
    if (!entry.image.isEmpty()) {
        return;
    }
    const auto name = xml().name();
    const auto ns = xml().namespaceUri();
    const QString type = attribute("type");
    const QString medium = attribute("medium");
    bool image = false;
    if (ns == kMediaNs && name == u"content") {
        // Without medium or type the file is most often the article's picture.
        image = medium == u"image" || type.startsWith(u"image/") || (medium.isEmpty() && type.isEmpty());
    } else if (ns == kMediaNs && name == u"thumbnail") {
        image = true;
    } else if (ns.isEmpty() && name == u"enclosure") {
        image = type.startsWith(u"image/");
    }
    if (image) {
        entry.image = attribute("url");
    }
}

QString FeedReader::readAtomText(bool *isHtml)
{
    const QString type = attribute("type");
    *isHtml = type == u"html" || type == u"text/html";
    if (!attribute("src").isEmpty()) {
        m_reader.skip(); // out-of-line content: nothing to show here
        return {};
    }
    return readText(); // "xhtml" content: the text of its child elements
}

QString FeedReader::readAtomAuthor()
{
    QString name;
    while (m_reader.nextStartElement()) {
        if (xml().name() == u"name" && name.isEmpty()) {
            name = readText();
        } else {
            m_reader.skip();
        }
    }
    return name;
}

void FeedReader::addEntry(const RawEntry &raw)
{
    QString link = RssParser::webUrl(raw.link, m_context.feedUrl);
    if (link.isEmpty()) {
        link = RssParser::webUrl(raw.atomLink, m_context.feedUrl);
    }
    if (link.isEmpty()) {
        link = RssParser::webUrl(raw.guid, QUrl()); // a guid is an id: only an absolute URL is a link
    }
    const QString titleText =
        raw.titleIsHtml ? FeedText::htmlToPlainText(raw.title) : FeedText::decodeEntities(raw.title);
    const QString title = ScrapedItemValidator::cleanText(titleText, RssParser::MaxTitleChars);
    if (title.isEmpty() || link.isEmpty() || m_seen.contains(link) ||
        m_feed.items.size() >= RssParser::MaxItems) {
        ++m_feed.dropped;
        return;
    }
    m_seen.insert(link);

    NewsItem item;
    item.url = link;
    item.title = title;
    item.source = m_context.source;
    for (const QString *date : {&raw.pubDate, &raw.published, &raw.dcDate, &raw.updated}) {
        if ((item.publishedMs = RssParser::parseDate(*date))) {
            break;
        }
    }
    const bool useSummary = !raw.summary.trimmed().isEmpty();
    const QString &body = useSummary ? raw.summary : raw.content;
    const bool html = useSummary ? raw.summaryIsHtml : raw.contentIsHtml;
    const QString text = html ? FeedText::withoutFeedFooter(FeedText::htmlToPlainText(body)) : body;
    item.summary = ScrapedItemValidator::cleanText(text, RssParser::MaxSummaryChars);
    const QString image = raw.image.trimmed();
    if (!image.isEmpty() && image.size() <= RssParser::MaxUrlChars) {
        item.imageUrl = ScrapedItemValidator::cleanWebUrl(m_context.feedUrl.resolved(QUrl(image)).toString());
    }
    QStringList authors;
    for (const QString &author : raw.authors) {
        const QString clean = author.simplified();
        if (!clean.isEmpty() && !authors.contains(clean)) {
            authors.append(clean);
        }
    }
    item.author =
        ScrapedItemValidator::cleanText(authors.join(QStringLiteral(", ")), RssParser::MaxAuthorChars);
    item.fetchedMs = m_context.fetchedAt.isValid() ? m_context.fetchedAt.toMSecsSinceEpoch() : 0;
    m_feed.items.append(item);
}

} // namespace

RssFeed RssParser::parse(const QByteArray &xml, const Context &context)
{
    FeedReader reader(xml, context);
    return reader.run();
}

QString RssParser::webUrl(const QString &value, const QUrl &base)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > MaxUrlChars) {
        return {};
    }
    const QUrl url = base.isValid() ? base.resolved(QUrl(trimmed)) : QUrl(trimmed);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        return {};
    }
    return canonicalUrl(url.toString(QUrl::FullyEncoded));
}

std::optional<qint64> RssParser::parseDate(const QString &text)
{
    // An invalid fetch time makes the date parser refuse relative phrases: a feed date is absolute.
    return RelativeDateParser::parse(text, QDateTime());
}

FetchError RssParser::feedError(const Context &context, const QString &problem, const QString &detail)
{
    const QString name = context.feedName.isEmpty() ? context.feedUrl.host() : context.feedName;
    FetchError error;
    error.kind = FetchError::Kind::BadResponse;
    error.userMessage = tr("The news feed %1 could not be read: %2. Try again later, or turn this feed off.")
                            .arg(name, problem);
    error.detail = QStringLiteral("feed %1 (%2): %3")
                       .arg(name, context.feedUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo), detail);
    return error;
}

} // namespace ba
