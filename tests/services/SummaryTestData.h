#pragma once

// Synthetic inputs shared by the services tests (header-only).

#include "domain/MarketTypes.h"

#include <QList>
#include <QString>
#include <cmath>

namespace ba::test {

inline constexpr qint64 HourMs = 3600LL * 1000;
inline constexpr qint64 DayMs = 24 * HourMs;
// 2026-11-01T00:00:00Z
inline constexpr qint64 StartMs = 1793491200000LL;

// A wavy, slowly rising series: price(i) = base * (1 + drift * i) + amplitude * sin(i / 9).
inline QList<PricePoint> wavySeries(int count, qint64 stepMs, double base = 60000.0, double drift = 0.0004,
                                    double amplitude = 900.0)
{
    QList<PricePoint> points;
    for (int i = 0; i < count; ++i) {
        points.append(
            {StartMs + i * stepMs, base * (1.0 + drift * i) + amplitude * std::sin(i / 9.0), {}, {}});
    }
    return points;
}

inline QList<double> pricesOf(const QList<PricePoint> &points)
{
    QList<double> prices;
    for (const PricePoint &p : points) {
        prices.append(p.price);
    }
    return prices;
}

inline MarketSnapshot snapshot(double price = 64000.0)
{
    MarketSnapshot s;
    s.coinId = QStringLiteral("bitcoin");
    s.vsCurrency = QStringLiteral("usd");
    s.price = price;
    s.change24hPct = 1.5;
    s.marketCap = 1.27e12;
    s.volume24h = 3.4e10;
    s.lastUpdatedMs = StartMs;
    return s;
}

inline QList<NewsItem> headlines(int count, qsizetype titleChars = 60)
{
    QList<NewsItem> news;
    for (int i = 0; i < count; ++i) {
        NewsItem item;
        item.url = QStringLiteral("https://news.example/a%1").arg(i);
        const QString prefix = QStringLiteral("Headline %1 ").arg(i);
        item.title = prefix + QString(qMax<qsizetype>(0, titleChars - prefix.size()), QLatin1Char('x'));
        item.source = QStringLiteral("Example News");
        item.publishedMs = StartMs + 40 * DayMs - i * HourMs; // item 0 is the newest
        news.append(item);
    }
    return news;
}

} // namespace ba::test
