#include "fakes/HostileFeeds.h"

#include <QStringBuilder>

namespace ba::fakes::hostile {

namespace {

QByteArray rssAround(const QByteArray &items, const QByteArray &prolog = {})
{
    return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + prolog +
           "<rss version=\"2.0\"><channel><title>Hostile</title><link>https://feed.example/</link>\n" +
           items + "</channel></rss>\n";
}

} // namespace

QByteArray deepFeed(int depth)
{
    QByteArray title;
    title.reserve(depth * 7 + 16);
    for (int i = 0; i < depth; ++i) {
        title += "<b>";
    }
    title += "deep";
    for (int i = 0; i < depth; ++i) {
        title += "</b>";
    }
    return rssAround(QByteArray("<item><title>") + title +
                     "</title><link>https://feed.example/deep</link></item>\n");
}

QByteArray entityFeed(int entityChars, int references)
{
    const QByteArray dtd =
        QByteArray("<!DOCTYPE rss [<!ENTITY big \"") + QByteArray(entityChars, 'A') + "\">]>\n";
    QByteArray title;
    title.reserve(references * 5);
    for (int i = 0; i < references; ++i) {
        title += "&big;";
    }
    return rssAround(QByteArray("<item><title>") + title +
                         "</title><link>https://feed.example/entity</link></item>\n",
                     dtd);
}

QByteArray plainFeed(int items, const QByteArray &titlePrefix)
{
    QByteArray body;
    for (int i = 0; i < items; ++i) {
        const QByteArray n = QByteArray::number(i);
        body += QByteArray("<item><title>") + titlePrefix + ' ' + n + "</title><link>https://feed.example/" +
                titlePrefix + '-' + n +
                "</link><pubDate>Sat, 28 Nov 2026 10:23:39 +0000</pubDate><description>Summary " + n +
                "</description></item>\n";
    }
    return rssAround(body);
}

} // namespace ba::fakes::hostile
