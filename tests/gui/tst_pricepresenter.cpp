#include "fakes/LoopbackPrices.h"
#include "gui/EmptyStateWidget.h"
#include "gui/LogDock.h"
#include "gui/MainWindow.h"
#include "gui/PriceChartView.h"
#include "gui/PricePresenter.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace ba;
using ba::fakes::FakeCoinGecko;
using ba::fakes::FakeRequest;
using ba::fakes::LoopbackPrices;

// PricePresenter between the real PriceChartView / MainWindow and the real PriceService on the
// loopback CoinGecko with real SQLite: what the user picks reaches CoinGecko, what comes back is
// drawn, failures are said, exports are written.
class TestPricePresenter : public QObject
{
    Q_OBJECT

    struct Rig
    {
        LoopbackPrices pipeline;
        PriceChartView *chart = nullptr; // owned by the window
        std::unique_ptr<MainWindow> window;
        PricePresenter *presenter = nullptr; // child of the window

        bool setUp(PriceRange range = PriceRange::Month)
        {
            if (!pipeline.setUp(range)) {
                return false;
            }
            chart = new PriceChartView;
            chart->setCurrencies({QStringLiteral("usd"), QStringLiteral("eur")});
            MainWindow::Parts parts;
            parts.priceView = chart;
            parts.newsView = EmptyStateWidget::forNews();
            parts.analysisView = EmptyStateWidget::forAnalysis();
            parts.logDock = new LogDock(nullptr);
            window = std::make_unique<MainWindow>(parts, nullptr);
            presenter = new PricePresenter(pipeline.prices.get(), pipeline.refresh.get(), chart, window.get(),
                                           window.get());
            window->resize(1024, 640);
            window->show();
            return QTest::qWaitForWindowExposed(window.get());
        }

        bool refreshOnce() { return !pipeline.refreshOnce().step.isEmpty(); }

        QAction *exportPrices() const
        {
            return window->findChild<QAction *>(QStringLiteral("actionExportPrices"));
        }
        QString status() const { return window->statusBar()->currentMessage(); }
        QAbstractButton *rangeButton(ChartRange range) const
        {
            return chart->findChild<QAbstractButton *>(QStringLiteral("rangeButton%1").arg(int(range)));
        }

        ~Rig() { window.reset(); }
    };

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<QList<StepReport>>(); }

    void construct_showsTheServicesSelectionAndAnEmptyChart()
    {
        Rig rig;
        QVERIFY(rig.setUp(PriceRange::Week));
        QCOMPARE(rig.chart->range(), ChartRange::Week);
        QCOMPARE(rig.chart->currentCurrency(), QStringLiteral("usd"));
        QVERIFY(!rig.chart->hasData());
        QVERIFY(!rig.chart->emptyText().isEmpty());
        QVERIFY(!rig.exportPrices()->isEnabled());
    }

    void refresh_drawsThePricesAndEnablesExport()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QVERIFY(rig.refreshOnce());
        QVERIFY(rig.chart->hasData());
        QVERIFY(rig.chart->emptyText().isEmpty());
        QVERIFY(rig.chart->errorText().isEmpty());
        QVERIFY(rig.exportPrices()->isEnabled());
    }

    void clickingARange_fetchesThatRangeOrServesItFromALongerFetch()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QVERIFY(rig.refreshOnce()); // 30D
        QSignalSpy finished(rig.pipeline.refresh.get(), &RefreshCoordinator::finished);
        const auto chartRequests = [&rig] {
            QStringList days;
            for (const FakeRequest &request : rig.pipeline.coinGecko.server().requests()) {
                if (request.path.endsWith(QLatin1String("/market_chart"))) {
                    days << request.query.queryItemValue(QStringLiteral("days"));
                }
            }
            return days;
        };
        QTest::mouseClick(rig.rangeButton(ChartRange::Quarter), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QCOMPARE(rig.pipeline.prices->data().range, PriceRange::Quarter);
        QCOMPARE(chartRequests(), (QStringList{QStringLiteral("30"), QStringLiteral("90")}));

        // 7D is inside the 90 days of hourly prices just fetched: no request, one week of them.
        QTest::mouseClick(rig.rangeButton(ChartRange::Week), Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QCOMPARE(chartRequests().size(), 2);
        QCOMPARE(rig.chart->range(), ChartRange::Week);
        QCOMPARE(rig.pipeline.prices->data().prices.size(), 7 * 24 + 1);
        QVERIFY(rig.chart->hasData());
    }

    void quickClicks_refreshOnceForTheLastRange()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QVERIFY(rig.refreshOnce());
        QSignalSpy started(rig.pipeline.refresh.get(), &RefreshCoordinator::started);
        QSignalSpy finished(rig.pipeline.refresh.get(), &RefreshCoordinator::finished);
        for (ChartRange range : {ChartRange::Day, ChartRange::Year, ChartRange::Quarter}) {
            QTest::mouseClick(rig.rangeButton(range), Qt::LeftButton);
        }
        QCOMPARE(rig.pipeline.prices->data().range, PriceRange::Quarter); // the chart follows at once
        QVERIFY(finished.wait(15000));
        QCOMPARE(started.size(), 1);
        QCOMPARE(rig.pipeline.coinGecko.requestCount(QStringLiteral("/coins/bitcoin/market_chart")), 2);
        QCOMPARE(rig.pipeline.prices->data().prices.size(), 90 * 24 + 1); // 24H and 1Y were never fetched
    }

    void failedFetch_showsTheBannerAndTheStatusMessage()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        rig.pipeline.coinGecko.setFailure(FakeCoinGecko::Failure::CoinNotFound);
        QVERIFY(rig.refreshOnce());
        QVERIFY(!rig.chart->errorText().isEmpty());
        QCOMPARE(rig.status(), rig.chart->errorText());
        QVERIFY(!rig.exportPrices()->isEnabled());
    }

    void exportPricesCsv_writesEveryPointAndSaysSo()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QVERIFY(rig.refreshOnce());
        const QString path = rig.pipeline.dir.filePath(QStringLiteral("prices.csv"));
        rig.presenter->exportPricesCsv(path);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), rig.pipeline.prices->data().prices.size() + 1); // header + one per point
        QVERIFY(rig.status().startsWith(QStringLiteral("Exported %1 price").arg(lines.size() - 1)));
    }

    void exportPricesCsv_intoAMissingFolder_saysWhyAndWritesNothing()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QVERIFY(rig.refreshOnce());
        const QString path = rig.pipeline.dir.filePath(QStringLiteral("missing/prices.csv"));
        rig.presenter->exportPricesCsv(path);
        QVERIFY(!QFile::exists(path));
        QVERIFY(rig.status().startsWith(QStringLiteral("Could not write %1").arg(path)));
    }
};

QTEST_MAIN(TestPricePresenter)
#include "tst_pricepresenter.moc"
