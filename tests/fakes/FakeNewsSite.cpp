#include "fakes/FakeNewsSite.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace ba::fakes {

const QByteArray FakeNewsSite::ChallengeCookie = "bot_check=passed";

namespace {

QByteArray escaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

FakeResponse htmlPage(const QByteArray &body)
{
    return FakeResponse::html(200, body);
}

// The shape of a Cloudflare managed challenge (reference/wire-formats.md 3.4).
QByteArray challengePage(bool passes)
{
    const QByteArray pass = passes ? "setTimeout(function () { document.cookie = 'bot_check=passed; path=/'; "
                                     "location.reload(); }, 200);"
                                   : "";
    return "<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
           "<meta http-equiv=\"refresh\" content=\"375\"></head><body>"
           "<div id=\"challenge-error-text\">Enable JavaScript and cookies to continue</div>"
           "<script>(function(){window._cf_chl_opt={cvId: '3',cZone: '127.0.0.1',cType: 'managed'};" +
           pass + "})();</script></body></html>";
}

FakeResponse challengeResponse(bool passes)
{
    FakeResponse r = FakeResponse::html(403, challengePage(passes));
    r.header("cf-mitigated", "challenge").header("Server", "cloudflare");
    return r;
}

} // namespace

FakeNewsSite::FakeNewsSite(QObject *parent) : QObject(parent)
{
    addRoutes();
}

bool FakeNewsSite::listen()
{
    return m_server.listen();
}

QUrl FakeNewsSite::url(const QString &path) const
{
    return m_server.url(path);
}

QUrl FakeNewsSite::otherHostUrl(const QString &path) const
{
    return QUrl(QStringLiteral("http://localhost:%1%2").arg(m_server.port()).arg(path));
}

QList<FakeNewsSite::Story> FakeNewsSite::threeStories()
{
    return {
        {QStringLiteral("Bitcoin tops $100,000"), QStringLiteral("/news/bitcoin-tops-100k"),
         QStringLiteral("3 hours ago"), QStringLiteral("2026-11-28T10:00:00Z"),
         QStringLiteral("A price milestone.")},
        {QStringLiteral("ETF inflows slow"), QStringLiteral("/news/etf-inflows"),
         QStringLiteral("Nov 27, 2026"), QString(), QStringLiteral("Less money came in.")},
        {QStringLiteral("Miners & fees: what changed"), QStringLiteral("/news/miners-fees?ref=home"),
         QStringLiteral("2 days ago"), QString(), QStringLiteral("Fees after the halving.")},
    };
}

QByteArray FakeNewsSite::storyMarkup(const QList<Story> &stories)
{
    QByteArray html;
    for (const Story &s : stories) {
        const QByteArray datetime =
            s.datetime.isEmpty() ? QByteArray() : QByteArray(" datetime=\"" + escaped(s.datetime) + '"');
        html += "<div class=\"story\"><img src=\"/img/story.png\"><h2 class=\"story__title\"><a href=\"" +
                escaped(s.path) + "\">" + escaped(s.title) + "</a></h2><time" + datetime + '>' +
                escaped(s.time) + "</time><p>" + escaped(s.summary) + "</p></div>\n";
    }
    return html;
}

QByteArray FakeNewsSite::page(const QByteArray &title, const QByteArray &body, const QByteArray &head)
{
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>" + head +
           "</head><body>" + body + "</body></html>";
}

void FakeNewsSite::addRoutes()
{
    m_server.route("GET", QStringLiteral("/list"), [](const FakeRequest &) {
        return htmlPage(page("News", "<main id=\"list\">" + storyMarkup(threeStories()) + "</main>"));
    });
    m_server.route("GET", QStringLiteral("/js-list"), [](const FakeRequest &) {
        QJsonArray data;
        for (const Story &s : threeStories()) {
            data.append(QJsonObject{{QStringLiteral("title"), s.title},
                                    {QStringLiteral("path"), s.path},
                                    {QStringLiteral("time"), s.time},
                                    {QStringLiteral("datetime"), s.datetime},
                                    {QStringLiteral("summary"), s.summary}});
        }
        const QByteArray script =
            "<script>var data = " + QJsonDocument(data).toJson(QJsonDocument::Compact) +
            ";\n"
            "setTimeout(function () {\n"
            "  var list = document.getElementById('list');\n"
            "  data.forEach(function (s) {\n"
            "    var story = document.createElement('div'); story.className = 'story';\n"
            "    var h = document.createElement('h2'); h.className = 'story__title';\n"
            "    var a = document.createElement('a'); a.href = s.path; a.textContent = s.title; "
            "h.appendChild(a);\n"
            "    var t = document.createElement('time'); t.textContent = s.time;\n"
            "    if (s.datetime) t.setAttribute('datetime', s.datetime);\n"
            "    var p = document.createElement('p'); p.textContent = s.summary;\n"
            "    story.append(h, t, p); list.appendChild(story);\n"
            "  });\n"
            "}, 50);</script>";
        return htmlPage(page("News", "<main id=\"list\"></main>" + script));
    });
    addChallengeRoutes();
    addGenericRoutes();
    addHostileRoutes();
    addRequestRoutes();
    addFeedRoutes();
}

QByteArray FakeNewsSite::feedXml() const
{
    QList<Story> stories = threeStories();
    stories.append(
        {feedOnlyTitle(), QStringLiteral("/news/feed-only"), {}, {}, QStringLiteral("From the feed.")});
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QByteArray items;
    for (qsizetype i = 0; i < stories.size(); ++i) {
        const QDateTime published =
            QDateTime::fromMSecsSinceEpoch(now - (i + 1) * 3600 * 1000, QTimeZone::utc());
        items += "<item><title>" + escaped(stories.at(i).title) + "</title><link>" +
                 escaped(url(stories.at(i).path).toString()) + "</link><pubDate>" +
                 published.toString(QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() +
                 " +0000</pubDate><description>" + escaped(stories.at(i).summary) + "</description></item>";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>News</title>" +
           items + "</channel></rss>";
}

void FakeNewsSite::addFeedRoutes()
{
    const auto feed = [this](const FakeRequest &) {
        FakeResponse response = FakeResponse::withType(200, "application/rss+xml; charset=UTF-8", feedXml());
        response.delayMs = m_feedDelayMs;
        return response;
    };
    for (const char *path : {"/list/feed/", "/challenge-stuck/feed/"}) {
        m_server.route("GET", QString::fromLatin1(path), feed);
    }
}

void FakeNewsSite::addChallengeRoutes()
{
    m_server.route("GET", QStringLiteral("/challenge"), [](const FakeRequest &request) {
        if (request.header("Cookie").contains(ChallengeCookie)) {
            return htmlPage(page("News", storyMarkup(threeStories())));
        }
        return challengeResponse(true);
    });
    m_server.route("GET", QStringLiteral("/challenge-stuck"),
                   [](const FakeRequest &) { return challengeResponse(false); });
}

void FakeNewsSite::addGenericRoutes()
{
    m_server.route("GET", QStringLiteral("/json-ld"), [](const FakeRequest &) {
        const QByteArray list = R"({"@context":"https://schema.org","@type":"ItemList","itemListElement":[
 {"@type":"ListItem","position":1,"item":{"@type":"NewsArticle","headline":"Layout changed, JSON-LD stays",
  "url":"/news/ld-1","datePublished":"2026-11-28T08:00:00Z","description":"From JSON-LD.",
  "image":{"@type":"ImageObject","url":"/img/ld-1.jpg"}}},
 {"@type":"ListItem","position":2,"url":"/news/ld-2","name":"Second via ListItem"}]})";
        const QByteArray graph =
            R"({"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
 {"@type":["NewsArticle"],"headline":"From the graph","mainEntityOfPage":{"@id":"/news/ld-3"}}]})";
        const QByteArray head = "<script type=\"application/ld+json\">" + list +
                                "</script>"
                                "<script type=\"application/ld+json\">{not json</script>"
                                "<script type=\"application/ld+json\">" +
                                graph + "</script>";
        return htmlPage(
            page("News", "<div class=\"teaser-grid\"><div class=\"teaser\">Teaser</div></div>", head));
    });
    m_server.route("GET", QStringLiteral("/articles"), [](const FakeRequest &) {
        return htmlPage(
            page("News",
                 "<article><h3><a href=\"/news/a-1\">Article one</a></h3><time "
                 "datetime=\"2026-11-28T07:00:00Z\">today</time>"
                 "<p>First summary</p></article>"
                 "<article><a href=\"/news/a-2\"><h2>Article two</h2></a><p>Second summary</p></article>"));
    });
    m_server.route("GET", QStringLiteral("/headings"), [](const FakeRequest &) {
        return htmlPage(page("News",
                             "<header><h1><a href=\"/\">The Site</a></h1></header><main>"
                             "<h3><a href=\"/news/h-1\">Heading one</a></h3>"
                             "<div><a href=\"/news/h-2\"><h4>Heading two</h4></a></div>"
                             "<h3><a href=\"http://elsewhere.example/x\">Other host</a></h3></main>"));
    });
    m_server.route("GET", QStringLiteral("/empty"), [](const FakeRequest &) {
        return htmlPage(page("News", "<p>Nothing to read today.</p>"));
    });
}

void FakeNewsSite::addHostileRoutes()
{
    m_server.route("GET", QStringLiteral("/hostile"), [](const FakeRequest &) {
        auto story = [](const QByteArray &href, const QByteArray &titleHtml,
                        const QByteArray &image = "/img/a.png") -> QByteArray {
            return "<div class=\"story\"><img src=\"" + image + "\"><h2 class=\"story__title\"><a href=\"" +
                   href + "\">" + titleHtml + "</a></h2></div>\n";
        };
        const QByteArray huge = QByteArray("Long ").repeated(20000); // 100 KB
        QByteArray body;
        body += story("/news/img", escaped(QStringLiteral("<img src=x onerror=alert(1)>")));
        body += story("/news/script", escaped(QStringLiteral("<script>alert(\"t\")</script> Breaking")));
        body += story("javascript:alert(1)", "JS link");
        body += story("data:text/html,<b>x</b>", "Data link");
        body += story("mailto:editor@example.org", "Mail link");
        body += story("/news/huge", huge);
        body += story("/news/spaced", "  Spaced \n\t out   title  ");
        body += story("/news/dup", "Duplicate one");
        body += story("/news/dup#comments", "Duplicate two");
        body += story("/news/bold", "Bitcoin <b>surges</b>");
        body += story("/news/empty-title", "   ");
        body += story("/news/data-image", "Data image", "data:image/png;base64,AAAA");
        return htmlPage(page("News", body));
    });
    m_server.route("GET", QStringLiteral("/many"), [](const FakeRequest &) {
        QByteArray body;
        body.reserve(10000 * 90);
        for (int i = 0; i < 10000; ++i) {
            const QByteArray n = QByteArray::number(i);
            body += "<div class=\"story\"><h2 class=\"story__title\"><a href=\"/news/n-" + n + "\">Story " +
                    n + "</a></h2></div>\n";
        }
        return htmlPage(page("News", body));
    });
    m_server.route("GET", QStringLiteral("/tamper"), [](const FakeRequest &) {
        const QByteArray head =
            "<script>JSON.stringify = function () { return '{\"method\":\"selectors\",\"items\":"
            "[{\"title\":\"Injected\",\"link\":\"https://evil.example/\"}]}'; };"
            "Document.prototype.querySelectorAll = function () { return []; };"
            "Element.prototype.querySelector = function () { return null; };</script>";
        return htmlPage(page("News", storyMarkup(threeStories()), head));
    });
}

void FakeNewsSite::addRequestRoutes()
{
    m_server.route("GET", QStringLiteral("/assets"), [](const FakeRequest &) {
        const QByteArray head =
            "<link rel=\"icon\" href=\"/assets/icon.png\"><link rel=\"stylesheet\" "
            "href=\"/assets/style.css\">"
            "<style>@font-face { font-family: F; src: url(/assets/font.woff2) format('woff2'); }"
            " body { font-family: F; } .bg { background-image: url(/assets/bg.png); width: 10px; height: "
            "10px; }</style>";
        const QByteArray media = "<div class=\"bg\"></div><img src=\"/assets/photo.png\">"
                                 "<video src=\"/assets/clip.mp4\" autoplay muted></video>"
                                 "<audio src=\"/assets/sound.mp3\" autoplay></audio>";
        return htmlPage(page("News", media + storyMarkup(threeStories()), head));
    });
    m_server.route("GET", QStringLiteral("/assets/style.css"), [](const FakeRequest &) {
        return FakeResponse::withType(200, "text/css", "body { color: #333; }");
    });
    m_server.routePrefix("GET", QStringLiteral("/assets/"), [](const FakeRequest &) {
        return FakeResponse::withType(200, "application/octet-stream", QByteArray(64, 'x'));
    });
    // The story appears only once the notification permission request is answered; a download
    // is started too.
    m_server.route("GET", QStringLiteral("/permissions"), [](const FakeRequest &) {
        const QByteArray script =
            "<script>function fill(label) {\n"
            "  var d = document.createElement('div'); d.className = 'story';\n"
            "  var h = document.createElement('h2'); h.className = 'story__title';\n"
            "  var a = document.createElement('a'); a.href = '/news/permission'; a.textContent = label;\n"
            "  h.appendChild(a); d.appendChild(h); document.getElementById('list').appendChild(d);\n"
            "}\n"
            "Notification.requestPermission().then(function (p) { fill('notifications ' + p); });\n"
            "var link = document.createElement('a'); link.href = '/download.bin'; link.download = 'x.bin';\n"
            "document.body.appendChild(link); link.click();</script>";
        return htmlPage(page("News", "<main id=\"list\"></main>" + script));
    });
    m_server.route("GET", QStringLiteral("/download.bin"), [](const FakeRequest &) {
        FakeResponse r = FakeResponse::withType(200, "application/octet-stream", QByteArray(4096, 'd'));
        r.header("Content-Disposition", "attachment; filename=\"x.bin\"");
        return r;
    });
    m_server.route("GET", QStringLiteral("/leave"), [this](const FakeRequest &) {
        const QByteArray other = "http://localhost:" + QByteArray::number(m_server.port());
        const QByteArray head = "<meta http-equiv=\"refresh\" content=\"0;url=" + other + "/meta\">";
        const QByteArray script = "<script>window.open('/popup'); window.open('" + other +
                                  "/popup-other');"
                                  "location.href = '" +
                                  other + "/elsewhere';</script>";
        return htmlPage(page("News", storyMarkup(threeStories()) + script, head));
    });
}

} // namespace ba::fakes
