#pragma once

#include "app/AppContext.h"
#include "app/Bootstrap.h"
#include "fakes/FakeCoinGecko.h"
#include "fakes/FakeNewsSite.h"
#include "gui/MainWindow.h"
#include "logging/LogHub.h"
#include "services/AppSettings.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace ba::fakes {

// The application as main() builds it — Bootstrap, AppContext, the real MainWindow with its
// services and SQLite in a temporary data folder — pointed at the loopback fakes: CoinGecko and a
// news site whose page the hidden browser reads, with its RSS feed. Scenario tests
// drive it as a user does and check what the window shows and what the fakes saw.
// Needs a QApplication with Qt::AA_ShareOpenGLContexts (WebEngine) and the offscreen platform.
struct AssembledApp
{
    QTemporaryDir dir;
    FakeCoinGecko coinGecko;
    FakeNewsSite newsSite;
    std::unique_ptr<LogHub> hub;
    std::unique_ptr<AppContext> context;

    int requestsPerMinute = 0; // set before start(): CoinGecko's budget; 0: the keyless plan's 10

    bool listen() { return dir.isValid() && coinGecko.listen() && newsSite.listen(); }

    // The news site file: the browser reads `pagePath` on the fake site (giving up after
    // pageTimeoutMs), the feed is the fake's feed of that page (<page>/feed/). --news-url names the
    // same page, so that the built-in news address is never used (no test may reach a real host).
    QString writeNewsConfig(const QString &pagePath, int pageTimeoutMs)
    {
        const QString path = dir.filePath(QStringLiteral("news-sites.json"));
        const QByteArray json =
            R"json({"sites":[{"id":"test-site","name":"Test News","kind":"browser","url":")json" +
            newsSite.url(pagePath).toEncoded() +
            R"json(","item":".story","title":".story__title","link":"a","time":"time","summary":"p",)json"
            R"json("image":"img","timeoutMs":)json" +
            QByteArray::number(pageTimeoutMs) +
            R"json(},{"id":"test-site-rss","name":"Test News (RSS)","kind":"rss","url":")json" +
            newsSite.url(pagePath + QStringLiteral("/feed/")).toEncoded() + R"json("}]})json";
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(json) == json.size() ? path : QString();
    }

    // Builds the app as main() does and shows the window; the start-up refresh begins.
    bool start(const QString &pagePath = QStringLiteral("/list"), int pageTimeoutMs = 8000,
               const QStringList &moreArguments = {})
    {
        const QString newsConfig = writeNewsConfig(pagePath, pageTimeoutMs);
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        if (requestsPerMinute > 0) {
            QSettings file(QDir(dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            AppSettings(&file).setCoinGeckoRequestsPerMinute(requestsPerMinute);
        }
        LogHub::Options options;
        options.echoToStderr = false;
        hub = std::make_unique<LogHub>(options);
        const QStringList arguments = QStringList{QStringLiteral("bitcoin-analyzer"),
                                                  QStringLiteral("--data-dir"),
                                                  dataDir,
                                                  QStringLiteral("--coingecko-url"),
                                                  coinGecko.baseUrl().toString(),
                                                  QStringLiteral("--gemini-url"),
                                                  QStringLiteral("http://127.0.0.1:1/v1beta"),
                                                  QStringLiteral("--news-config"),
                                                  newsConfig,
                                                  QStringLiteral("--news-url"),
                                                  newsSite.url(pagePath).toString()}
                                      << moreArguments;
        auto outcome = Bootstrap::prepare(arguments, {});
        QString error;
        if (newsConfig.isEmpty() || outcome.exitCode ||
            !Bootstrap::createDataDir(outcome.prepared.config, *hub, &error)) {
            qWarning("cannot prepare the app: %s", qPrintable(error));
            return false;
        }
        context =
            std::make_unique<AppContext>(outcome.prepared.config, std::move(outcome.prepared.settings), *hub);
        return context->start() && QTest::qWaitForWindowExposed(window());
    }

    MainWindow *window() const { return context ? context->mainWindow() : nullptr; }
    template <typename T> T *find(const QString &name = QString()) const
    {
        return window() ? window()->findChild<T *>(name) : nullptr;
    }
    // F5, as the user presses it in the window.
    void pressF5() const { QTest::keyClick(window(), Qt::Key_F5); }

    ~AssembledApp()
    {
        if (window()) {
            window()->close();
        }
        context.reset();
    }
};

} // namespace ba::fakes
