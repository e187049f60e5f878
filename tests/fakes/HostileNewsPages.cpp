#include "fakes/HostileNewsPages.h"

#include <QStringBuilder>

namespace ba::fakes {

namespace {

const QByteArray kStories =
    "<div class=\"story\"><h2 class=\"story__title\"><a href=\"/news/a\">Story A</a></h2>"
    "<time datetime=\"2026-11-28T10:00:00Z\">today</time><p>First.</p></div>"
    "<div class=\"story\"><h2 class=\"story__title\"><a href=\"/news/b\">Story B</a></h2>"
    "<time datetime=\"2026-11-27T10:00:00Z\">yesterday</time><p>Second.</p></div>"
    "<div class=\"story\"><h2 class=\"story__title\"><a href=\"/news/c\">Story C</a></h2>"
    "<time datetime=\"2026-11-26T10:00:00Z\">2 days ago</time><p>Third.</p></div>";

QByteArray page(const QByteArray &body)
{
    return QByteArray("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>News</title></head><body>") +
           body + "</body></html>";
}

FakeResponse html(const QByteArray &body)
{
    return FakeResponse::html(200, page(body));
}

// Each attempt settles as "ok", "blocked" or (after 3 s; hidden pages' timers are coarse) "timeout".
QByteArray crossSiteScript(const QUrl &other)
{
    const QByteArray base = other.toString(QUrl::StripTrailingSlash).toUtf8();
    const QByteArray socket = "ws://" + other.host().toUtf8() + ':' + QByteArray::number(other.port());
    return "<script>\n"
           "const other = '" +
           base +
           "';\n"
           "function settle(p) { return Promise.race([p.then(() => 'ok', () => 'blocked'),\n"
           "  new Promise(r => setTimeout(() => r('timeout'), 3000))]); }\n"
           "function xhr(url) { return new Promise((ok, no) => { const x = new XMLHttpRequest();\n"
           "  x.open('GET', url); x.onload = ok; x.onerror = no; x.send(); }); }\n"
           "function socket(url) { return new Promise((ok, no) => { try { const s = new WebSocket(url);\n"
           "  s.onopen = ok; s.onerror = no; s.onclose = no; } catch (e) { no(e); } }); }\n"
           "function frame(url) { return new Promise((ok, no) => { const f = "
           "document.createElement('iframe');\n"
           "  f.onload = () => { try { f.contentDocument.body; no(); } catch (e) { ok(); } };\n"
           "  f.src = url; document.body.appendChild(f); }); }\n"
           "function element(tag, attr, url, extra) { return new Promise((ok, no) => {\n"
           "  const e = document.createElement(tag); Object.assign(e, extra || {}); e.onload = ok; e.onerror "
           "= no;\n"
           "  e[attr] = url; document.head.appendChild(e); }); }\n"
           "Promise.all([settle(fetch(other + '/fetch', {mode: 'no-cors'})), settle(xhr(other + '/xhr')),\n"
           "  settle(socket('" +
           socket +
           "/socket')), settle(frame(other + '/frame')),\n"
           "  settle(element('script', 'src', other + '/script.js')),\n"
           "  settle(element('link', 'href', other + '/style.css', {rel: 'stylesheet'})),\n"
           "  settle(fetch('/same-site'))])\n"
           ".then(r => fetch('/cross-site-done?r=' + r.join(',')))\n"
           ".then(() => { document.getElementById('list').innerHTML = " +
           '`' + kStories + '`' +
           "; });\n"
           "</script>\n";
}

} // namespace

void addHostileNewsPages(FakeHttpServer &site, const QUrl &otherHost)
{
    site.route("GET", QStringLiteral("/cross-site"), [otherHost](const FakeRequest &) {
        return html("<main id=\"list\"></main>" + crossSiteScript(otherHost));
    });
    site.route("GET", QStringLiteral("/same-site"),
               [](const FakeRequest &) { return FakeResponse::withType(200, "text/plain", "same site"); });
    site.route("GET", QStringLiteral("/cross-site-done"),
               [](const FakeRequest &) { return FakeResponse::withType(200, "text/plain", "noted"); });
    site.route("GET", QStringLiteral("/cookie-jar"), [](const FakeRequest &) {
        return html("<script>document.cookie = 'js_tracker=1; max-age=86400; path=/';</script><main>" +
                    kStories + "</main>")
            .header("Set-Cookie", "bot_check=passed; Max-Age=86400; Path=/")
            .header("Set-Cookie", "tracker=abc; Max-Age=86400; Path=/");
    });
    site.route("GET", QStringLiteral("/cookie-echo"),
               [](const FakeRequest &) { return html("<main>" + kStories + "</main>"); });
}

} // namespace ba::fakes
