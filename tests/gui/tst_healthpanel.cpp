#include "gui/HealthPanel.h"
#include "gui/HealthTableModel.h"
#include "gui/Theme.h"
#include "net/HttpTypes.h"
#include "net/RateLimiter.h"
#include "services/SourceMetrics.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QGuiApplication>
#include <QLabel>
#include <QTableView>
#include <QTextDocumentFragment>
#include <QtTest>
#include <memory>

using namespace ba;

namespace {

struct ManualClock
{
    std::shared_ptr<QDateTime> now =
        std::make_shared<QDateTime>(QDate(2026, 11, 29), QTime(10, 30, 0), Qt::UTC);
    SourceMetrics::Clock clock() const
    {
        auto shared = now;
        return [shared] { return *shared; };
    }
    void advanceMs(qint64 ms) const { *now = now->addMSecs(ms); }
};

FetchError failure(FetchError::Kind kind, const QString &message, const QString &detail)
{
    FetchError error;
    error.kind = kind;
    error.userMessage = message;
    error.detail = detail;
    return error;
}

QString cell(const HealthTableModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestHealthPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void construct_isADockNamedForStateRestoreWithViewAction();
    void rows_followTheMetricsInOrder();
    void cells_showStateAgesErrorLatencyCountsAndNextRefresh();
    void cells_failingSourceNamesUrlAndSocketErrorInTooltip();
    void cells_rateLimitShowsBudgetAndCountdown();
    void cells_serverTextInErrorTooltipIsPlainText();
    void summary_namesTheSourcesWithProblems();
    void stale_appearsWhenTheClockPassesTheThreshold();
    void text_fromSourcesIsPlainText();
    void detail_spellsOutTheCurrentRowsError();
    void stateDelegate_paintsAPillInTheStateColour();
};

void TestHealthPanel::construct_isADockNamedForStateRestoreWithViewAction()
{
    SourceMetrics metrics;
    HealthPanel panel(&metrics);
    QCOMPARE(panel.objectName(), QStringLiteral("healthDock"));
    QCOMPARE(panel.windowTitle(), QStringLiteral("Health"));
    QCOMPARE(panel.toggleViewAction()->text(), QStringLiteral("&Health"));
    QCOMPARE(panel.model()->columnCount(), int(HealthTableModel::ColumnCount));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("healthSummary"))->text(),
             QStringLiteral("No source has been used yet."));
}

void TestHealthPanel::rows_followTheMetricsInOrder()
{
    SourceMetrics metrics;
    HealthTableModel model(&metrics);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    metrics.addSource(QStringLiteral("coingecko"));
    metrics.recordOutcome(QStringLiteral("rss:bitcoin-com-rss"), 300, FetchError());
    metrics.addSource(QStringLiteral("gemini"));

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(model, 0, HealthTableModel::SourceColumn), QStringLiteral("CoinGecko"));
    QCOMPARE(cell(model, 1, HealthTableModel::SourceColumn), QStringLiteral("RSS feed bitcoin-com-rss"));
    QCOMPARE(cell(model, 1, HealthTableModel::SourceColumn, HealthTableModel::SourceIdRole),
             QStringLiteral("rss:bitcoin-com-rss"));
    QCOMPARE(cell(model, 0, HealthTableModel::StateColumn), QStringLiteral("No data yet"));
    QCOMPARE(cell(model, 1, HealthTableModel::StateColumn), QStringLiteral("OK"));
}

void TestHealthPanel::cells_showStateAgesErrorLatencyCountsAndNextRefresh()
{
    ManualClock clock;
    SourceMetrics metrics(clock.clock());
    for (int ms : {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000}) {
        metrics.recordOutcome(QStringLiteral("coingecko"), ms, FetchError());
    }
    clock.advanceMs(60 * 1000);
    metrics.recordOutcome(QStringLiteral("coingecko"), 2000,
                          failure(FetchError::Kind::Timeout,
                                  QStringLiteral("CoinGecko did not answer in time."),
                                  QStringLiteral("network error 5: Operation canceled")));
    clock.advanceMs(2 * 60 * 1000);
    HealthTableModel model(&metrics);
    model.setNextRefresh(clock.now->addSecs(4 * 60));

    QCOMPARE(cell(model, 0, HealthTableModel::StateColumn), QStringLiteral("Failing"));
    QCOMPARE(model.index(0, 0).data(HealthTableModel::StateRole).toInt(), int(HealthState::Failing));
    QCOMPARE(cell(model, 0, HealthTableModel::LastSuccessColumn), QStringLiteral("3 min ago"));
    QCOMPARE(cell(model, 0, HealthTableModel::LastErrorColumn),
             QStringLiteral("CoinGecko did not answer in time. (2 min ago)"));
    QCOMPARE(cell(model, 0, HealthTableModel::LatencyColumn), QStringLiteral("600 / 2,000 ms"));
    QCOMPARE(cell(model, 0, HealthTableModel::RequestsColumn), QStringLiteral("11 / 1"));
    QCOMPARE(cell(model, 0, HealthTableModel::RateLimitColumn), QStringLiteral("–"));
    QVERIFY2(
        cell(model, 0, HealthTableModel::NextRefreshColumn).startsWith(QStringLiteral("in 4 min 00 s (")),
        qPrintable(cell(model, 0, HealthTableModel::NextRefreshColumn)));
    // A current error in the theme's error colour (readable on light and dark tables).
    QCOMPARE(model.index(0, HealthTableModel::LastErrorColumn).data(Qt::ForegroundRole).value<QColor>(),
             StatusColors::forPalette(QGuiApplication::palette()).bad);

    model.setNextRefresh(QDateTime());
    QCOMPARE(cell(model, 0, HealthTableModel::NextRefreshColumn), QStringLiteral("not planned"));
}

void TestHealthPanel::cells_failingSourceNamesUrlAndSocketErrorInTooltip()
{
    SourceMetrics metrics;
    HttpResult result;
    result.url = QUrl(QStringLiteral("http://127.0.0.1:9/api/v3/ping?x_cg_demo_api_key=CG-SECRET"));
    result.error = failure(FetchError::Kind::Offline, QStringLiteral("CoinGecko cannot be reached."),
                           QStringLiteral("network error 1: Connection refused"));
    metrics.recordResult(QStringLiteral("coingecko"), result);
    HealthTableModel model(&metrics);

    const QString richTip = cell(model, 0, HealthTableModel::LastErrorColumn, Qt::ToolTipRole);
    // Error texts may echo a server's words: the tooltip escapes them (shown literally).
    const QString tip = QTextDocumentFragment::fromHtml(richTip).toPlainText();
    QVERIFY2(tip.startsWith(QStringLiteral("Offline, ")), qPrintable(tip));
    QVERIFY(
        tip.contains(QStringLiteral("http://127.0.0.1:9/api/v3/ping: network error 1: Connection refused")));
    QVERIFY(!tip.contains(QStringLiteral("SECRET")));
}

void TestHealthPanel::cells_serverTextInErrorTooltipIsPlainText()
{
    SourceMetrics metrics;
    HttpResult result;
    result.url = QUrl(QStringLiteral("http://127.0.0.1:9/feed"));
    result.error = failure(FetchError::Kind::BadResponse, QStringLiteral("The feed could not be read."),
                           QStringLiteral("HTTP 500; body: <img src=\"/etc/hostname\"><b>down</b>"));
    metrics.recordResult(QStringLiteral("coingecko"), result);
    HealthTableModel model(&metrics);
    const QString tip = cell(model, 0, HealthTableModel::LastErrorColumn, Qt::ToolTipRole);
    QVERIFY2(!tip.contains(QLatin1String("<img")) && !tip.contains(QLatin1String("<b>")), qPrintable(tip));
    QVERIFY(QTextDocumentFragment::fromHtml(tip).toPlainText().contains(
        QStringLiteral("<img src=\"/etc/hostname\"><b>down</b>")));
}

void TestHealthPanel::cells_rateLimitShowsBudgetAndCountdown()
{
    qint64 monotonic = 0;
    RateLimiter limiter({2, 60000}, [&monotonic] { return monotonic; });
    ManualClock clock;
    SourceMetrics metrics(clock.clock());
    metrics.setRateLimiter(QStringLiteral("gemini"), &limiter);
    HealthTableModel model(&metrics);
    QCOMPARE(cell(model, 0, HealthTableModel::RateLimitColumn), QStringLiteral("2 of 2 left"));

    limiter.acquire(this, [] {});
    model.refresh(); // the panel's one-second tick
    QCOMPARE(cell(model, 0, HealthTableModel::RateLimitColumn), QStringLiteral("1 of 2 left"));
    limiter.acquire(this, [] {});
    monotonic = 18000;
    model.refresh();
    QCOMPARE(cell(model, 0, HealthTableModel::RateLimitColumn), QStringLiteral("waiting 42 s"));

    // A quota answer's Retry-After pushes the next refresh back.
    FetchError quota =
        failure(FetchError::Kind::RateLimited, QStringLiteral("Gemini's quota is used up."), {});
    quota.retryAfterSeconds = 600;
    metrics.recordOutcome(QStringLiteral("gemini"), 90, quota);
    model.setNextRefresh(clock.now->addSecs(60));
    QVERIFY2(cell(model, 0, HealthTableModel::NextRefreshColumn)
                 .endsWith(QStringLiteral(", after the rate limit")),
             qPrintable(cell(model, 0, HealthTableModel::NextRefreshColumn)));
    QCOMPARE(cell(model, 0, HealthTableModel::RateLimitColumn), QStringLiteral("waiting 10 min 00 s"));
}

void TestHealthPanel::summary_namesTheSourcesWithProblems()
{
    SourceMetrics metrics;
    HealthPanel panel(&metrics);
    auto *summary = panel.findChild<QLabel *>(QStringLiteral("healthSummary"));
    metrics.recordOutcome(QStringLiteral("coingecko"), 100, FetchError());
    metrics.recordOutcome(QStringLiteral("gemini"), 100, FetchError());
    QCOMPARE(summary->text(), QStringLiteral("All 2 source(s) OK."));

    metrics.recordOutcome(
        QStringLiteral("news-browser"), 100,
        failure(FetchError::Kind::Blocked, QStringLiteral("The site shows a bot check."), {}));
    metrics.recordOutcome(QStringLiteral("gemini"), 100,
                          failure(FetchError::Kind::RateLimited, QStringLiteral("Quota."), {}));
    QCOMPARE(summary->text(), QStringLiteral("Gemini is failing; News site (browser) is blocked. "
                                             "Select a source to read its error in full."));
    QCOMPARE(panel.summaryText(), summary->text());
}

void TestHealthPanel::stale_appearsWhenTheClockPassesTheThreshold()
{
    ManualClock clock;
    SourceMetrics metrics(clock.clock());
    metrics.setStaleAfter(10 * 60 * 1000);
    metrics.recordOutcome(QStringLiteral("coingecko"), 100, FetchError());
    HealthPanel panel(&metrics);
    QCOMPARE(cell(*panel.model(), 0, HealthTableModel::StateColumn), QStringLiteral("OK"));

    clock.advanceMs(11 * 60 * 1000);
    metrics.reevaluate();

    QCOMPARE(cell(*panel.model(), 0, HealthTableModel::StateColumn), QStringLiteral("Stale"));
    QCOMPARE(cell(*panel.model(), 0, HealthTableModel::LastSuccessColumn), QStringLiteral("11 min ago"));
    QVERIFY(panel.summaryText().startsWith(QStringLiteral("CoinGecko is stale.")));
}

void TestHealthPanel::text_fromSourcesIsPlainText()
{
    SourceMetrics metrics;
    metrics.addSource(QStringLiteral("rss:x"), QStringLiteral("<b>Feed</b>"));
    metrics.recordOutcome(QStringLiteral("rss:x"), 5,
                          failure(FetchError::Kind::BadResponse, QStringLiteral("<i>broken</i>"), {}));
    HealthPanel panel(&metrics);
    auto *summary = panel.findChild<QLabel *>(QStringLiteral("healthSummary"));
    QCOMPARE(summary->textFormat(), Qt::PlainText);
    QVERIFY(summary->text().startsWith(QStringLiteral("<b>Feed</b> is failing")));
    QCOMPARE(cell(*panel.model(), 0, HealthTableModel::SourceColumn), QStringLiteral("<b>Feed</b>"));
}

void TestHealthPanel::detail_spellsOutTheCurrentRowsError()
{
    SourceMetrics metrics;
    metrics.recordOutcome(QStringLiteral("coingecko"), 100, FetchError());
    metrics.recordOutcome(QStringLiteral("news-browser"), 30000,
                          failure(FetchError::Kind::Blocked, QStringLiteral("The site shows a bot check."),
                                  QStringLiteral("Cloudflare challenge")),
                          QUrl(QStringLiteral("https://news.example/")));
    HealthPanel panel(&metrics);
    auto *detail = panel.findChild<QLabel *>(QStringLiteral("healthDetail"));
    QCOMPARE(detail->textFormat(), Qt::PlainText);
    QCOMPARE(detail->text(), QStringLiteral("Select a source to read its last error in full."));

    panel.view()->setCurrentIndex(panel.model()->index(1, 0));
    QVERIFY2(detail->text().startsWith(QStringLiteral("News site (browser), last error (Blocked, ")),
             qPrintable(detail->text()));
    const QStringList lines = detail->text().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).endsWith(
        QStringLiteral("The site shows a bot check. (https://news.example/: Cloudflare challenge)")));
    // Then each endpoint with its own last error.
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("  /: failing since ")), qPrintable(lines.at(1)));
    QVERIFY(lines.at(1).endsWith(QStringLiteral(": The site shows a bot check.")));
    panel.view()->setCurrentIndex(panel.model()->index(0, 0));
    QCOMPARE(detail->text(), QStringLiteral("CoinGecko: no error this session."));
}

void TestHealthPanel::stateDelegate_paintsAPillInTheStateColour()
{
    SourceMetrics metrics;
    metrics.recordOutcome(QStringLiteral("news-browser"), 100,
                          failure(FetchError::Kind::Blocked, QStringLiteral("Bot wall."), {}));
    HealthPanel panel(&metrics);
    panel.resize(900, 200);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView *view = panel.view();
    const QRect rect = view->visualRect(panel.model()->index(0, HealthTableModel::StateColumn));
    const QImage image = view->viewport()->grab(rect).toImage();
    const QColor blocked = HealthStateDelegate::stateColour(HealthState::Blocked);
    int matching = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            matching += image.pixelColor(x, y) == blocked ? 1 : 0;
        }
    }
    QVERIFY2(matching > 50, qPrintable(QString::number(matching)));
    QVERIFY(HealthStateDelegate::stateColour(HealthState::Ok) != blocked);
}

QTEST_MAIN(TestHealthPanel)
#include "tst_healthpanel.moc"
