#include "fakes/DemoMarket.h"

#include "fakes/FakeCoinGecko.h"
#include "fakes/FakeGemini.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QStringList>

namespace ba::fakes::demo {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;

// The line of the prompt that starts with `prefix`, without it; empty when absent.
QString promptLine(const QStringList &lines, const QString &prefix)
{
    for (const QString &line : lines) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed();
        }
    }
    return {};
}

QStringList headlineTitles(const QStringList &lines)
{
    QStringList titles;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("- ")) && line.count(QLatin1Char('|')) >= 2) {
            titles << line.section(QLatin1Char('|'), 2).trimmed();
        }
    }
    return titles;
}

QByteArray feed(const QUrl &site, const QList<FakeNewsSite::Story> &stories)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                     "<title>Demo News (invented)</title><link>" +
                     site.toEncoded() + "</link><description>Headlines made up for demos</description>";
    for (const FakeNewsSite::Story &story : stories) {
        const QDateTime published = QDateTime::fromString(story.datetime, Qt::ISODate);
        xml += "<item><title>" + story.title.toHtmlEscaped().toUtf8() + "</title><link>" +
               site.resolved(QUrl(story.path)).toEncoded() + "</link><pubDate>" +
               published.toString(Qt::RFC2822Date).toUtf8() + "</pubDate><description>" +
               story.summary.toHtmlEscaped().toUtf8() + "</description></item>";
    }
    return xml + "</channel></rss>";
}

} // namespace

QList<FakeNewsSite::Story> stories(qint64 nowMs)
{
    const struct
    {
        const char *title;
        const char *path;
        int hoursAgo;
        const char *summary;
    } items[] = {
        {"Demo: Bitcoin holds above its 30-day average", "/demo/news/bitcoin-average", 1,
         "An invented headline for trying the app offline."},
        {"Demo: Ethereum fees fall to a yearly low", "/demo/news/ethereum-fees", 3,
         "Made up by ba-fake-services; no real market moved."},
        {"Demo: exchanges report record volume", "/demo/news/record-volume", 6, "Demo data, not news."},
        {"Demo: miners sell less after the difficulty change", "/demo/news/miners", 9,
         "Invented, like every number in this demo."},
    };
    // Hours before the start of the UTC day, so that the headlines read the same all day long (and an
    // analysis of them too): between 1 and 33 hours old.
    const qint64 day = nowMs - nowMs % (24 * kHourMs);
    QList<FakeNewsSite::Story> result;
    for (const auto &item : items) {
        const QDateTime published = QDateTime::fromMSecsSinceEpoch(day - item.hoursAgo * kHourMs, Qt::UTC);
        result.append({QString::fromUtf8(item.title), QString::fromLatin1(item.path),
                       published.toString(QStringLiteral("d MMM, HH:mm")), published.toString(Qt::ISODate),
                       QString::fromUtf8(item.summary)});
    }
    return result;
}

void serveNews(FakeNewsSite &site)
{
    FakeHttpServer &server = site.server();
    server.route("GET", QString::fromLatin1(NewsPath), [](const FakeRequest &) {
        const QByteArray list = FakeNewsSite::storyMarkup(stories(QDateTime::currentMSecsSinceEpoch()));
        return FakeResponse::html(200,
                                  FakeNewsSite::page("Demo News (invented)", "<main>" + list + "</main>"));
    });
    server.route("GET", QString::fromLatin1(FeedPath),
                 [&site](const FakeRequest &) { return feedResponse(site); });
}

FakeResponse feedResponse(const FakeNewsSite &site)
{
    return FakeResponse::withType(
        200, "application/rss+xml; charset=UTF-8",
        feed(site.url(QString::fromLatin1(NewsPath)), stories(QDateTime::currentMSecsSinceEpoch())));
}

QString analysis(const QString &prompt)
{
    const QStringList lines = prompt.split(QLatin1Char('\n'));
    const QString asset = promptLine(lines, QStringLiteral("Asset: "));
    const QString range = promptLine(lines, QStringLiteral("Chart range: "));
    const QStringList titles = headlineTitles(lines);
    QStringList text;
    text << QStringLiteral("## Trend")
         << QStringLiteral(
                "*Demo analysis of %1%2, written by ba-fake-services from the numbers it was sent; "
                "the market is invented.*")
                .arg(asset.isEmpty() ? QStringLiteral("an unknown asset") : asset,
                     range.isEmpty() ? QString() : QStringLiteral(" over ") + range)
         << QStringLiteral("%1. Last price %2; change %3. Trend label: **%4**.")
                .arg(promptLine(lines, QStringLiteral("Series: ")),
                     promptLine(lines, QStringLiteral("Last price: ")),
                     promptLine(lines, QStringLiteral("Change: ")),
                     promptLine(lines,
                                QStringLiteral("Trend (price vs SMA20, SMA20 vs SMA50, SMA20 slope): ")))
         << QStringLiteral("## Momentum")
         << QStringLiteral("RSI(14) %1.").arg(promptLine(lines, QStringLiteral("RSI(14): ")))
         << QStringLiteral("## News context")
         << (titles.isEmpty() ? QStringLiteral("No headlines were sent.")
                              : QStringLiteral("%1 headlines were sent; the newest: \"%2\".")
                                    .arg(titles.size())
                                    .arg(titles.constFirst()))
         << QStringLiteral("## Risks")
         << QStringLiteral("None of this is real: it is demo data for trying the app.")
         << QStringLiteral("---") << QStringLiteral("*This is not financial advice.*");
    return text.join(QStringLiteral("\n\n"));
}

void mark(FakeHttpServer &server)
{
    server.setExtraHeaders({{"X-BA-Demo", "1"}});
}

void setUp(FakeCoinGecko &coinGecko, FakeGemini &gemini, FakeNewsSite &newsSite)
{
    coinGecko.setSampling(coingecko::Sampling::SinceAsked);
    gemini.setAnswerWriter(&analysis);
    serveNews(newsSite);
    for (FakeHttpServer *server : {&coinGecko.server(), &gemini.server(), &newsSite.server()}) {
        mark(*server);
    }
}

} // namespace ba::fakes::demo
