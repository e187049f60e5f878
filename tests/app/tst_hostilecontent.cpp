// The assembled application (AppContext: real MainWindow, services, SQLite) against loopback
// fakes whose news and AI answer are written to attack the window: images naming a local FIFO,
// HTML in headlines and in the answer. Nothing may be read from disk, and every label or tooltip
// that shows that text must show it literally.
#include "app/AppContext.h"
#include "app/Bootstrap.h"
#include "fakes/FakeCoinGecko.h"
#include "fakes/FakeGemini.h"
#include "fakes/FakeHttpServer.h"
#include "fakes/FifoTrap.h"
#include "gui/MainWindow.h"
#include "gui/MarkdownRenderer.h"
#include "logging/LogHub.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolTip>

using namespace ba;
using ba::fakes::FakeHttpServer;
using ba::fakes::FakeRequest;
using ba::fakes::FakeResponse;

class TestHostileContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostileNewsAndAnswer_areShownLiterallyAndReadNoFile();
};

void TestHostileContent::hostileNewsAndAnswer_areShownLiterallyAndReadNoFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ba::fakes::FifoTrap trap(dir.filePath(QStringLiteral("trap.fifo")));
    QVERIFY(trap.isValid());
    const QString img = QStringLiteral("<img src=\"%1\">").arg(trap.path());

    ba::fakes::FakeCoinGecko gecko;
    QVERIFY(gecko.listen());
    ba::fakes::FakeGemini gemini;
    QVERIFY(gemini.listen());
    gemini.setAnswerText(
        QStringLiteral("# Trend up\n\n![chart](%1)\n\n%2 **RSI** 55 [see](https://example.org/ \"%2\")")
            .arg(trap.path(), img));
    FakeHttpServer feed;
    QVERIFY(feed.listen());
    const QByteArray title = QString(img + QStringLiteral(" Bitcoin <b>rises</b>")).toHtmlEscaped().toUtf8();
    feed.route("GET", QStringLiteral("/feed.xml"), [&title](const FakeRequest &) {
        return FakeResponse::withType(200, "application/rss+xml",
                                      "<rss version=\"2.0\"><channel><item><title>" + title +
                                          "</title><link>https://feed.example/a</link><description>" + title +
                                          "</description><author>x@example.org (" + title +
                                          ")</author></item></channel></rss>");
    });
    const QString sites = dir.filePath(QStringLiteral("sites.json"));
    QFile sitesFile(sites);
    QVERIFY(sitesFile.open(QIODevice::WriteOnly));
    sitesFile.write(R"({"sites":[{"id":"feed","name":"Feed","kind":"rss","url":")" +
                    feed.url(QStringLiteral("/feed.xml")).toEncoded() + "\"}]}");
    sitesFile.close();

    LogHub::Options options;
    options.echoToStderr = false;
    LogHub hub(options);
    hub.install();
    const QString data = dir.filePath(QStringLiteral("data"));
    auto outcome = Bootstrap::prepare({QStringLiteral("app"), QStringLiteral("--data-dir"), data,
                                       QStringLiteral("--coingecko-url"), gecko.baseUrl().toString(),
                                       QStringLiteral("--gemini-url"), gemini.baseUrl().toString(),
                                       QStringLiteral("--news-config"), sites},
                                      {{QStringLiteral("GEMINI_API_KEY"), QStringLiteral("AIzaTEST")}});
    QVERIFY(!outcome.exitCode);
    QString error;
    QVERIFY2(Bootstrap::createDataDir(outcome.prepared.config, hub, &error), qPrintable(error));
    {
        AppContext context(outcome.prepared.config, std::move(outcome.prepared.settings), hub);
        QVERIFY(context.start());
        MainWindow *window = context.mainWindow();
        window->resize(1024, 640);
        QVERIFY(QTest::qWaitForWindowExposed(window));

        auto *answer = window->findChild<MarkdownRenderer *>(QStringLiteral("analysisBrowser"));
        QVERIFY(answer);
        // The answer streams in: wait for its last words. Raw HTML is shown as text.
        QTRY_VERIFY_WITH_TIMEOUT(answer->toPlainText().contains(QLatin1String("[see]")), 30000);
        QVERIFY(answer->toPlainText().contains(QLatin1String("[chart]")));
        QVERIFY(answer->toPlainText().contains(img));
        auto *news = window->findChild<QTableView *>(QStringLiteral("newsTable"));
        QVERIFY(news);
        QTRY_COMPARE_WITH_TIMEOUT(news->model()->rowCount(), 1, 30000);
        news->selectRow(0);
        window->grab(); // lay out and paint everything that is on screen

        // Every label that shows the hostile text shows it literally.
        int literal = 0;
        for (QLabel *label : window->findChildren<QLabel *>()) {
            if (label->text().contains(QLatin1String("<img"))) {
                QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
                ++literal;
            }
        }
        QVERIFY2(literal >= 2, "the detail pane shows the title and the summary"); // title, summary
        // Tooltips of the news table and the analysis history escape it; showing them reads nothing.
        auto *history = window->findChild<QListView *>(QStringLiteral("analysisHistoryList"));
        QVERIFY(history);
        QTRY_VERIFY(history->model()->rowCount() > 0);
        for (const QModelIndex &index :
             {news->model()->index(0, 2), news->model()->index(0, 1), history->model()->index(0, 0)}) {
            const QString tip = index.data(Qt::ToolTipRole).toString();
            QVERIFY2(!tip.contains(QLatin1String("<img")), qPrintable(tip));
            QToolTip::showText(window->mapToGlobal(QPoint(20, 20)), tip, window);
            QTRY_VERIFY(QToolTip::isVisible());
            QToolTip::hideText();
        }
        window->close();
    }
    hub.flush();
    hub.uninstall();
    QVERIFY2(!trap.wasOpened(), "a hostile image path was read from disk");
}

QTEST_MAIN(TestHostileContent)
#include "tst_hostilecontent.moc"
