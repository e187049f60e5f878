#include "news/RssParser.h"

#include "news/FeedText.h"
#include "news/RelativeDateParser.h"
#include "news/ScrapedItemValidator.h"
#include "storage/NewsStore.h"

#include <QSet>
#include <QXmlStreamEntityResolver>
#include <QXmlStreamReader>

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

// Every token goes through next(), which keeps the element depth and enforces the caps. Text is
// read iteratively: QXmlStreamReader::readElementText(IncludeChildElements) recurses once per
// nested element and overflows the stack on a title holding 100,000 nested elements.
class FeedReader
{
public:
    FeedReader(const QByteArray &xml, const RssParser::Context &context) : m_xml(xml), m_context(context)
    {
        m_xml.setEntityResolver(&m_resolver);
        m_xml.setNamespaceProcessing(true);
    }

    RssFeed run();

private:
    QXmlStreamReader::TokenType next();
    bool nextStartElement(); // readNextStartElement() through next(): false at the parent's end
    void skip();             // skipCurrentElement() through next()
    void fail(const QString &problem, const QString &detail);
    bool readRoot();
    bool isEntryStart() const;
    void readEntry();
    bool readField(RawEntry &entry);
    void readImage(RawEntry &entry);
    QString readText();
    QString readAtomText(bool *isHtml);
    QString readAtomAuthor();
    QString attribute(const char *name) const
    {
        return m_xml.attributes().value(QLatin1String(name)).toString();
    }
    void addEntry(const RawEntry &raw);

    QXmlStreamReader m_xml;
    HtmlEntityResolver m_resolver;
    RssParser::Context m_context;
    RssFeed m_feed;
    QSet<QString> m_seen;
    int m_depth = 0;         // elements open around the current token
    qint64 m_textChars = 0;  // characters of text read so far, whole document
    FetchError m_limitError; // set when a cap stopped the reading
};

QXmlStreamReader::TokenType FeedReader::next()
{
    const auto token = m_xml.readNext();
    if (token == QXmlStreamReader::StartElement && ++m_depth > RssParser::MaxDepth) {
        fail(RssParser::tr("it nests elements more than %1 deep").arg(RssParser::MaxDepth),
             QStringLiteral("element depth over %1 at line %2")
                 .arg(RssParser::MaxDepth)
                 .arg(m_xml.lineNumber()));
    } else if (token == QXmlStreamReader::EndElement) {
        --m_depth;
    } else if (token == QXmlStreamReader::Characters || token == QXmlStreamReader::EntityReference) {
        m_textChars += m_xml.text().size();
        if (m_textChars > RssParser::MaxTextChars) {
            fail(RssParser::tr("it holds more text than a news feed can (over %1 million characters)")
                     .arg(RssParser::MaxTextChars / 1000000),
                 QStringLiteral("text over %1 characters at line %2")
                     .arg(RssParser::MaxTextChars)
                     .arg(m_xml.lineNumber()));
        }
    }
    return m_xml.hasError() ? QXmlStreamReader::Invalid : token;
}

bool FeedReader::nextStartElement()
{
    while (!m_xml.atEnd()) {
        const auto token = next();
        if (token == QXmlStreamReader::StartElement) {
            return true;
        }
        if (token == QXmlStreamReader::EndElement || token == QXmlStreamReader::Invalid) {
            return false;
        }
    }
    return false;
}

void FeedReader::skip()
{
    for (int open = 1; open > 0 && !m_xml.atEnd();) {
        const auto token = next();
        open += token == QXmlStreamReader::StartElement ? 1 : token == QXmlStreamReader::EndElement ? -1 : 0;
        if (token == QXmlStreamReader::Invalid) {
            return;
        }
    }
}

// Stops the reading with a feed error; the XML reader then reports no further tokens.
void FeedReader::fail(const QString &problem, const QString &detail)
{
    if (!m_limitError.isError()) {
        m_limitError = RssParser::feedError(m_context, problem, detail);
    }
    m_xml.raiseError(detail);
}

// The text of the current element and of every element inside it, up to its end tag.
QString FeedReader::readText()
{
    QString text;
    for (int open = 1; open > 0 && !m_xml.atEnd();) {
        switch (next()) {
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            if (text.size() < RssParser::MaxFieldChars) { // the rest would be cut by the caps anyway
                text += m_xml.text().left(RssParser::MaxFieldChars - text.size());
            }
            break;
        case QXmlStreamReader::StartElement:
            ++open;
            break;
        case QXmlStreamReader::EndElement:
            --open;
            break;
        case QXmlStreamReader::Invalid:
            return {};
        default:
            break;
        }
    }
    return text;
}

RssFeed FeedReader::run()
{
    if (!readRoot()) {
        return m_feed;
    }
    while (!m_xml.atEnd()) {
        if (next() == QXmlStreamReader::StartElement && isEntryStart()) {
            readEntry();
        }
    }
    if (m_limitError.isError()) {
        return RssFeed{{}, m_limitError, m_feed.format, m_feed.entries, m_feed.dropped};
    }
    if (m_xml.hasError()) {
        const QString detail = QStringLiteral("XML error at line %1, column %2: %3")
                                   .arg(m_xml.lineNumber())
                                   .arg(m_xml.columnNumber())
                                   .arg(m_xml.errorString());
        const QString where = RssParser::tr("line %1").arg(m_xml.lineNumber());
        return RssFeed{{},
                       RssParser::feedError(
                           m_context, RssParser::tr("it is not well-formed XML (%1)").arg(where), detail),
                       m_feed.format,
                       m_feed.entries,
                       m_feed.dropped};
    }
    return m_feed;
}

bool FeedReader::readRoot()
{
    while (!m_xml.atEnd() && next() != QXmlStreamReader::StartElement) {
        // An entity declared in the feed's own DTD can expand a small feed into gigabytes of text
        // (Qt only caps each expansion, not their number). No real feed needs one: refuse it.
        if (m_xml.tokenType() == QXmlStreamReader::DTD &&
            (!m_xml.entityDeclarations().isEmpty() || m_xml.text().contains(QLatin1String("<!ENTITY")))) {
            m_feed.error = RssParser::feedError(
                m_context, RssParser::tr("it declares its own XML entities, which are not accepted"),
                QStringLiteral("DTD declares %1 entities").arg(m_xml.entityDeclarations().size()));
            return false;
        }
    }
    if (m_xml.tokenType() != QXmlStreamReader::StartElement) {
        const QString detail = m_xml.hasError() ? m_xml.errorString() : QStringLiteral("no root element");
        m_feed.error = RssParser::feedError(m_context, RssParser::tr("it is not an XML document"), detail);
        return false;
    }
    const auto name = m_xml.name();
    const auto ns = m_xml.namespaceUri();
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
    const auto name = m_xml.name();
    const auto ns = m_xml.namespaceUri();
    return (name == u"item" && (ns.isEmpty() || ns == kRss1Ns)) || (name == u"entry" && ns == kAtomNs);
}

void FeedReader::readEntry()
{
    ++m_feed.entries;
    RawEntry entry;
    int depth = 0; // below the entry element; fields are read only from its direct children
    while (!m_xml.atEnd()) {
        const auto token = next();
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
    if (!m_xml.hasError()) {
        addEntry(entry);
    }
}

// Reads a known direct child of the entry up to its end tag; false when the element is not one.
bool FeedReader::readField(RawEntry &entry)
{
    const QString name = m_xml.name().toString();
    const auto ns = m_xml.namespaceUri();
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
        skip();
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
    const auto name = m_xml.name();
    const auto ns = m_xml.namespaceUri();
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
        skip(); // out-of-line content: nothing to show here
        return {};
    }
    return readText(); // "xhtml" content: the text of its child elements
}

QString FeedReader::readAtomAuthor()
{
    QString name;
    while (nextStartElement()) {
        if (m_xml.name() == u"name" && name.isEmpty()) {
            name = readText();
        } else {
            skip();
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
    return NewsStore::canonicalUrl(url.toString(QUrl::FullyEncoded));
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
