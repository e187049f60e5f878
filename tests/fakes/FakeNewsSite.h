#pragma once

#include "fakes/FakeHttpServer.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace ba::fakes {

// A news site on 127.0.0.1 for the scraper tests, built on FakeHttpServer. Every page has its
// own path; the "story" pages use the markup the test profile's selectors expect:
//   <div class="story"><img><h2 class="story__title"><a href></a></h2><time datetime><p></div>
//
//   /list             server-rendered list of three stories
//   /js-list          empty container filled by a script from inline data (after a timer)
//   /challenge        403 "Just a moment..." page whose script sets a cookie and reloads;
//                     with the cookie, the real list
//   /challenge-stuck  the same check, but it never passes
//   /json-ld          no .story elements; articles only in JSON-LD (ItemList and NewsArticle)
//   /articles         no .story elements; <article> elements
//   /headings         no .story elements; same-host heading links (and one to another host)
//   /empty            no articles at all
//   /hostile          markup in titles, javascript:/data:/mailto: links, a 100 KB title,
//                     duplicates, white space
//   /many             10,000 stories
//   /tamper           page scripts replace JSON.stringify and querySelectorAll
//   /assets           references an image, a font, a video, a favicon and a stylesheet
//   /permissions      asks to show notifications (the story tells the answer), starts a download
//   /leave            tries to leave for another host and to open pop-ups
//   /list/feed/, /challenge-stuck/feed/
//                     the site's RSS 2.0 feed (where --news-url puts it): the three stories and one
//                     only in the feed
class FakeNewsSite : public QObject
{
    Q_OBJECT
public:
    struct Story
    {
        QString title;
        QString path;
        QString time;     // text shown
        QString datetime; // attribute, may be empty
        QString summary;
    };

    static const QByteArray ChallengeCookie; // "bot_check=passed"

    explicit FakeNewsSite(QObject *parent = nullptr);

    bool listen();
    QUrl url(const QString &path) const;
    QUrl otherHostUrl(const QString &path) const; // same server, host "localhost"
    FakeHttpServer &server() { return m_server; }
    int requestCount(const QString &path) const { return m_server.requestCount(path); }

    static QList<Story> threeStories();
    static QByteArray storyMarkup(const QList<Story> &stories); // HTML-escaped
    static QByteArray page(const QByteArray &title, const QByteArray &body, const QByteArray &head = {});
    static QString feedOnlyTitle() { return QStringLiteral("Only in the feed: fees fall"); }
    QByteArray feedXml() const;                         // links on this server, dated the last hours
    void setFeedDelayMs(int ms) { m_feedDelayMs = ms; } // the feed answers this much later

private:
    void addRoutes();
    void addChallengeRoutes();
    void addGenericRoutes();
    void addHostileRoutes();
    void addRequestRoutes();
    void addFeedRoutes();

    FakeHttpServer m_server;
    int m_feedDelayMs = 0;
};

} // namespace ba::fakes
