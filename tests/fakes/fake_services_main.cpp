// Runs the loopback fakes as one process so that the real app can be driven by hand, for
// screenshots and demos (scripts/demo.sh):
//   ba-fake-services [--gemini-delay-ms N] [--coingecko-failure NAME] [--gemini-mode NAME]
// Serves the demo market (fakes/DemoMarket.h): an invented, coherent market, "Demo" headlines and a
// demo AI, every answer marked "X-BA-Demo: 1". Prints the options to pass to bitcoin-analyzer on its
// first line and serves until killed.
#include "fakes/DemoMarket.h"
#include "fakes/FakeCoinGecko.h"
#include "fakes/FakeGemini.h"
#include "fakes/FakeNewsSite.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMetaEnum>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption delay(QStringLiteral("gemini-delay-ms"), QStringLiteral("Gemini answer delay."),
                                   QStringLiteral("ms"), QStringLiteral("2000"));
    const QCommandLineOption failure(QStringLiteral("coingecko-failure"),
                                     QStringLiteral("A FakeCoinGecko::Failure name, e.g. RateLimitJson."),
                                     QStringLiteral("name"));
    const QCommandLineOption geminiMode(QStringLiteral("gemini-mode"),
                                        QStringLiteral("A FakeGemini::Mode name, e.g. Unavailable503."),
                                        QStringLiteral("name"));
    parser.addOptions({delay, failure, geminiMode});
    parser.process(app);

    ba::fakes::FakeCoinGecko coinGecko;
    ba::fakes::FakeGemini gemini;
    ba::fakes::FakeNewsSite newsSite;
    if (!coinGecko.listen() || !gemini.listen() || !newsSite.listen()) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1\n");
        return 1;
    }
    ba::fakes::demo::setUp(coinGecko, gemini, newsSite);
    gemini.setDelayMs(parser.value(delay).toInt());
    if (parser.isSet(failure)) {
        const QMetaEnum e = QMetaEnum::fromType<ba::fakes::FakeCoinGecko::Failure>();
        coinGecko.setFailure(static_cast<ba::fakes::FakeCoinGecko::Failure>(
            e.keyToValue(parser.value(failure).toLatin1().constData())));
    }
    if (parser.isSet(geminiMode)) {
        const QMetaEnum e = QMetaEnum::fromType<ba::fakes::FakeGemini::Mode>();
        gemini.setMode(static_cast<ba::fakes::FakeGemini::Mode>(
            e.keyToValue(parser.value(geminiMode).toLatin1().constData())));
    }
    std::printf("--coingecko-url %s --gemini-url %s --news-url %s\n",
                qPrintable(coinGecko.baseUrl().toString()), qPrintable(gemini.baseUrl().toString()),
                qPrintable(newsSite.url(QString::fromLatin1(ba::fakes::demo::NewsPath)).toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
