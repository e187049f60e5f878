#pragma once

// Shared by the chart benchmarks: test data, a PriceChartView whose chart area is exactly the
// asked size, and the plain Qt Charts set-up the baselines use. Header-only (see BenchStats.h).

#include "gui/PriceChartView.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cstdio>

namespace ba::bench {

// A noisy random walk, one point per minute, each with a volume: the worst case for the line
// (every pixel column has a wide min-max spread) and for the volume bars.
inline QList<PricePoint> noisyPrices(int count, quint64 seed)
{
    QList<PricePoint> prices;
    prices.reserve(count);
    double price = 40'000;
    for (int i = 0; i < count; ++i) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        price = std::max(100.0, price + static_cast<double>(static_cast<int>(seed >> 53) - 1024) / 20.0);
        prices.append(PricePoint{1'600'000'000'000LL + i * 60'000LL, price, std::nullopt,
                                 5e8 + static_cast<double>((seed >> 20) % 1000) * 1e6});
    }
    return prices;
}

inline QChartView *chartViewOf(const PriceChartView &view)
{
    return view.findChild<QChartView *>(QStringLiteral("priceChartView"));
}

// Runs the event loop as the application would after a change: posted layout requests, the
// chart's zero-timer re-render, and the repaint of the window (offscreen platform: into its
// backing-store image, with the same raster engine as on screen). That repaint is the frame's
// render; PaintCounter shows it happened.
inline void settle()
{
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
    }
}

// Counts paint events of one widget (the chart's viewport).
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *watched) : QObject(watched) { watched->installEventFilter(this); }
    int count() const { return m_count; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++m_count;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    int m_count = 0;
};

// Shows the view and sizes it so that its chart area (the QChartView) is chartSize. Call it
// with data set: without data the chart area is hidden behind the empty state.
inline bool showWithChartSize(PriceChartView &view, QSize chartSize)
{
    view.resize(chartSize.width(), chartSize.height() + 200);
    view.show();
    settle();
    QChartView *chart = chartViewOf(view);
    if (!chart) {
        return false;
    }
    const int extra = view.height() - chart->height();
    view.resize(chartSize.width(), chartSize.height() + extra);
    settle();
    if (chart->size() != chartSize) {
        std::printf("  chart area %dx%d in a view of %dx%d\n", chart->width(), chart->height(), view.width(),
                    view.height());
    }
    return chart->size() == chartSize;
}

// The baseline chart: a plain QChartView with one QLineSeries on two value axes, Qt Charts'
// defaults otherwise (no antialiasing, which only makes the baseline faster), animations off.
struct PlainChart
{
    QChartView view;
    QLineSeries *series = new QLineSeries;
    QValueAxis *x = new QValueAxis;
    QValueAxis *y = new QValueAxis;

    explicit PlainChart(QSize size)
    {
        auto *chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->legend()->hide();
        chart->addSeries(series);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignRight);
        series->attachAxis(x);
        series->attachAxis(y);
        view.setChart(chart);
        view.resize(size);
        view.show();
        settle();
    }

    // Everything to Qt Charts in one replace(), axes fitted to the data.
    void load(const QList<QPointF> &points)
    {
        series->replace(points);
        double lo = points.first().y();
        double hi = lo;
        for (const QPointF &p : points) {
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
        x->setRange(points.first().x(), points.last().x());
        y->setRange(lo, hi);
    }
};

inline QList<QPointF> toPoints(const QList<PricePoint> &prices)
{
    QList<QPointF> points;
    points.reserve(prices.size());
    for (const PricePoint &p : prices) {
        points.append(QPointF(static_cast<double>(p.tsMs), p.price));
    }
    return points;
}

} // namespace ba::bench
