#include "gui/chart/TimeWindow.h"

#include <QtTest>

using namespace ba::chart;

namespace {

constexpr double kDay = 24 * 3600 * 1000.0;

TimeWindow monthOfHours()
{
    TimeWindow window;
    window.setBounds(0, 30 * kDay, 30 * 24 + 1, false);
    return window;
}

} // namespace

class TestTimeWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setBounds_showsEverything();
    void zoom_keepsAnchorInPlace();
    void zoom_stopsAtFewPointsAndAtFullSpan();
    void pan_staysInsideData();
    void select_showsExactlyTheSpan();
    void setBounds_keepsZoomOnlyWhileCovered();
};

void TestTimeWindow::setBounds_showsEverything()
{
    const TimeWindow window = monthOfHours();
    QCOMPARE(window.min(), 0.0);
    QCOMPARE(window.max(), 30 * kDay);
    QVERIFY(!window.isZoomed());
}

void TestTimeWindow::zoom_keepsAnchorInPlace()
{
    TimeWindow window = monthOfHours();
    const double anchor = 10 * kDay; // a third of the way in
    QVERIFY(window.zoom(anchor, 0.5));
    QCOMPARE(window.span(), 15 * kDay);
    QVERIFY(qFuzzyCompare((anchor - window.min()) / window.span(), 1.0 / 3));
    QVERIFY(window.isZoomed());
}

void TestTimeWindow::zoom_stopsAtFewPointsAndAtFullSpan()
{
    TimeWindow window = monthOfHours();
    window.zoom(15 * kDay, 1e-9);
    QCOMPARE(window.span(), 4 * 3600 * 1000.0); // four hourly points
    QVERIFY(!window.zoom(15 * kDay, 0.5));      // already at the limit
    window.zoom(15 * kDay, 1e9);
    QCOMPARE(window.span(), 30 * kDay);
    QVERIFY(!window.isZoomed());
}

void TestTimeWindow::pan_staysInsideData()
{
    TimeWindow window = monthOfHours();
    window.zoom(15 * kDay, 0.1);
    const double span = window.span();
    window.pan(-100 * kDay);
    QCOMPARE(window.min(), 0.0);
    QCOMPARE(window.span(), span);
    window.pan(100 * kDay);
    QCOMPARE(window.max(), 30 * kDay);
}

void TestTimeWindow::select_showsExactlyTheSpan()
{
    TimeWindow window = monthOfHours();
    QVERIFY(window.select(20 * kDay, 5 * kDay)); // dragged right to left
    QCOMPARE(window.min(), 5 * kDay);
    QCOMPARE(window.max(), 20 * kDay);
    window.reset();
    QVERIFY(!window.isZoomed());
}

void TestTimeWindow::setBounds_keepsZoomOnlyWhileCovered()
{
    TimeWindow window = monthOfHours();
    window.select(5 * kDay, 10 * kDay);
    window.setBounds(kDay, 31 * kDay, 30 * 24 + 1, true); // a refresh one day later
    QCOMPARE(window.min(), 5 * kDay);
    QCOMPARE(window.max(), 10 * kDay);
    window.setBounds(8 * kDay, 38 * kDay, 30 * 24 + 1, true); // no longer covers the zoom
    QCOMPARE(window.min(), 8 * kDay);
    QCOMPARE(window.max(), 38 * kDay);
    window.select(10 * kDay, 12 * kDay);
    window.setBounds(8 * kDay, 38 * kDay, 30 * 24 + 1, false); // e.g. another range
    QVERIFY(!window.isZoomed());
}

QTEST_GUILESS_MAIN(TestTimeWindow)
#include "tst_timewindow.moc"
