#include "news/ScraperScripts.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ba::ScraperScripts {

namespace {

// Challenge markers (reference/wire-formats.md 3.4). The Cloudflare beacon
// /cdn-cgi/challenge-platform/scripts/jsd/ also appears on normal pages, so it does not count.
// window._cf_chl_opt is found through the inline script text: the isolated world cannot see the
// page's globals.
const char ProbeSource[] = R"JS(
(function (cfg) {
  'use strict';
  var d = document;
  var title = (d.title || '').trim();
  function isChallengeText(t) {
    if (t.indexOf('_cf_chl_opt') >= 0) return true;
    return t.indexOf('/cdn-cgi/challenge-platform/') >= 0 && t.indexOf('/scripts/jsd/') < 0;
  }
  var challenge = /^just a moment/i.test(title)
    || !!d.querySelector('#challenge-error-text, #cf-challenge-running, #cf-please-wait, #challenge-form');
  for (var i = 0; i < d.scripts.length && !challenge; ++i) {
    var s = d.scripts[i];
    challenge = isChallengeText(s.src || '') || isChallengeText((s.textContent || '').slice(0, 100000));
  }
  var blocked = /attention required!.*cloudflare/i.test(title) || !!d.querySelector('#cf-error-details');
  var items = 0;
  if (cfg.item) {
    try { items = d.querySelectorAll(cfg.item).length; } catch (e) { items = -1; }
  }
  var generic = d.querySelectorAll('script[type="application/ld+json"], article, '
    + 'h1 a[href], h2 a[href], h3 a[href], h4 a[href], a[href] h1, a[href] h2, a[href] h3, a[href] h4').length;
  return JSON.stringify({challenge: challenge, blocked: blocked, items: items, generic: generic,
                         ready: d.readyState});
})(__BA_CONFIG__)
)JS";

const char ExtractionSource[] = R"JS(
(function (cfg) {
  'use strict';
  var MAX_ITEMS = 1000, MAX_TEXT = 2000, MAX_URL = 4096;
  var d = document;
  var baseHost = location.hostname.replace(/^www\./, '');
  var ARTICLE_TYPES = ['NewsArticle', 'Article', 'BlogPosting', 'ReportageNewsArticle',
                       'AnalysisNewsArticle', 'OpinionNewsArticle', 'LiveBlogPosting'];

  function str(v) { return typeof v === 'string' ? v : (typeof v === 'number' ? String(v) : ''); }
  function clip(s, n) { s = str(s); return s.length > n ? s.slice(0, n) : s; }
  function text(el) { return el ? clip(el.textContent, MAX_TEXT) : ''; }
  function abs(href) {
    href = str(href).trim();
    if (!href) return '';
    try { return clip(new URL(href, d.baseURI).href, MAX_URL); } catch (e) { return ''; }
  }
  function isWeb(u) { return /^https?:\/\//i.test(u); }
  function sameHost(u) {
    try {
      var h = new URL(u).hostname.replace(/^www\./, '');
      return h === baseHost || h.slice(-(baseHost.length + 1)) === '.' + baseHost;
    } catch (e) { return false; }
  }
  function pick(root, sel) {
    if (!root || !sel) return null;
    try { return root.matches(sel) ? root : root.querySelector(sel); } catch (e) { return null; }
  }
  function firstHeading(el) { return el ? el.querySelector('h1, h2, h3, h4, h5, h6') : null; }
  function linkOf(el) {
    if (!el) return '';
    var a = el.closest('a[href]') || el.querySelector('a[href]');
    return a ? abs(a.getAttribute('href')) : '';
  }
  function timeOf(el) {
    if (!el) return '';
    var t = el.matches('time') ? el : el.querySelector('time[datetime]');
    var dt = t ? t.getAttribute('datetime') : el.getAttribute('datetime');
    return clip(dt || el.textContent, 500);
  }
  function imageOf(el) {
    if (!el) return '';
    var img = el.matches('img') ? el : el.querySelector('img');
    var src = img ? (img.getAttribute('src') || img.getAttribute('data-src') || '') : '';
    if (!src && img) src = (img.getAttribute('srcset') || '').split(',')[0].trim().split(/\s+/)[0];
    if (!src) src = el.getAttribute('content') || el.getAttribute('data-src') || '';
    return abs(src);
  }
  function usable(items) {
    for (var i = 0; i < items.length; ++i) {
      if (items[i].title.trim() && isWeb(items[i].link)) return true;
    }
    return false;
  }

  function bySelectors(out) {
    var nodes;
    try { nodes = d.querySelectorAll(cfg.item); } catch (e) { out.selectorError = 'invalid selector'; return []; }
    out.selectorMatches = nodes.length;
    var items = [];
    for (var i = 0; i < nodes.length && items.length < MAX_ITEMS; ++i) {
      var n = nodes[i];
      var titleEl = cfg.title ? pick(n, cfg.title) : (firstHeading(n) || n.querySelector('a[href]'));
      items.push({
        title: text(titleEl),
        link: (cfg.link ? linkOf(pick(n, cfg.link)) : linkOf(titleEl)) || linkOf(n),
        time: cfg.time ? timeOf(pick(n, cfg.time)) : timeOf(n.querySelector('time')),
        summary: cfg.summary ? text(pick(n, cfg.summary)) : '',
        image: cfg.image ? imageOf(pick(n, cfg.image)) : imageOf(n)
      });
    }
    return items;
  }

  function typeIs(o, names) {
    var t = o && o['@type'];
    if (!t) return false;
    if (!Array.isArray(t)) t = [t];
    return t.some(function (x) { return names.indexOf(str(x)) >= 0; });
  }
  function ldImage(img) {
    if (Array.isArray(img)) return ldImage(img[0]);
    if (img && typeof img === 'object') return abs(img.url || img.contentUrl);
    return abs(img);
  }
  function ldItem(o) {
    var m = o.mainEntityOfPage;
    var link = str(o.url) || (m && (typeof m === 'string' ? m : str(m['@id']) || str(m.url))) || str(o['@id']);
    return { title: clip(o.headline || o.name, MAX_TEXT), link: abs(link),
             time: clip(o.datePublished || o.dateCreated, 500), summary: clip(o.description, MAX_TEXT),
             image: ldImage(o.image || o.thumbnailUrl) };
  }
  function walk(node, out, depth) {
    if (!node || typeof node !== 'object' || depth > 8 || out.length >= MAX_ITEMS) return;
    if (Array.isArray(node)) {
      for (var i = 0; i < node.length; ++i) walk(node[i], out, depth + 1);
      return;
    }
    if (typeIs(node, ARTICLE_TYPES)) { out.push(ldItem(node)); return; }
    if (typeIs(node, ['ItemList'])) {
      var list = node.itemListElement || [];
      if (!Array.isArray(list)) list = [list];
      for (var j = 0; j < list.length && out.length < MAX_ITEMS; ++j) {
        var e = list[j];
        if (e && typeof e === 'object' && e.item && typeof e.item === 'object') e = e.item;
        if (e && typeof e === 'object' && (typeIs(e, ARTICLE_TYPES) || (e.url && e.name))) out.push(ldItem(e));
      }
      return;
    }
    if (node['@graph']) walk(node['@graph'], out, depth + 1);
  }
  function byJsonLd() {
    var out = [];
    var blocks = d.querySelectorAll('script[type="application/ld+json"]');
    for (var i = 0; i < blocks.length; ++i) {
      try { walk(JSON.parse(blocks[i].textContent), out, 0); } catch (e) { /* one broken block */ }
    }
    return out;
  }

  function byArticles() {
    var out = [];
    var nodes = d.querySelectorAll('article');
    for (var i = 0; i < nodes.length && out.length < MAX_ITEMS; ++i) {
      var a = nodes[i];
      var h = firstHeading(a) || a.querySelector('a[href]');
      out.push({ title: text(h), link: linkOf(h) || linkOf(a), time: timeOf(a.querySelector('time')),
                 summary: text(a.querySelector('p')), image: imageOf(a) });
    }
    return out;
  }

  // Heading links on the same host, except links back to the home page (the site's logo).
  function byHeadings() {
    var out = [], seen = {};
    var nodes = d.querySelectorAll('h1, h2, h3, h4');
    for (var i = 0; i < nodes.length && out.length < MAX_ITEMS; ++i) {
      var h = nodes[i];
      var link = linkOf(h);
      if (!isWeb(link) || !sameHost(link) || seen[link] || new URL(link).pathname === '/') continue;
      seen[link] = true;
      out.push({ title: text(h), link: link, time: '', summary: '', image: '' });
    }
    return out;
  }

  var result = { method: '', selectorMatches: cfg.item ? 0 : -1, selectorError: '', items: [] };
  try {
    var methods = [['selectors', function () { return cfg.item ? bySelectors(result) : []; }],
                   ['json-ld', byJsonLd], ['article', byArticles], ['headings', byHeadings]];
    for (var k = 0; k < methods.length; ++k) {
      var items = methods[k][1]();
      if (usable(items)) { result.method = methods[k][0]; result.items = items; break; }
    }
  } catch (e) {
    result.error = clip(String(e), 200);
  }
  return JSON.stringify(result);
})(__BA_CONFIG__)
)JS";

QString withConfig(const char *source, const NewsSiteProfile &profile)
{
    QJsonObject config;
    config.insert(QLatin1String("item"), profile.item);
    config.insert(QLatin1String("title"), profile.title);
    config.insert(QLatin1String("link"), profile.link);
    config.insert(QLatin1String("time"), profile.time);
    config.insert(QLatin1String("summary"), profile.summary);
    config.insert(QLatin1String("image"), profile.image);
    // JSON is a valid JavaScript expression, so the selectors arrive as data, never as code.
    const QString json = QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Compact));
    QString script = QString::fromUtf8(source);
    script.replace(QLatin1String("__BA_CONFIG__"), json);
    return script;
}

} // namespace

QString probe(const NewsSiteProfile &profile)
{
    return withConfig(ProbeSource, profile);
}

QString extraction(const NewsSiteProfile &profile)
{
    return withConfig(ExtractionSource, profile);
}

} // namespace ba::ScraperScripts
