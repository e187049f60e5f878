#include "services/PriceCsv.h"

#include <QDateTime>

namespace ba::PriceCsv {

namespace {
QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 17);
}
} // namespace

QByteArray format(const QList<PricePoint> &prices)
{
    QByteArray out = "time,price,market_cap,volume\n";
    out.reserve(out.size() + prices.size() * 64);
    for (const PricePoint &p : prices) {
        out += QDateTime::fromMSecsSinceEpoch(p.tsMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
        out += ',' + number(p.price) + ',';
        if (p.marketCap) {
            out += number(*p.marketCap);
        }
        out += ',';
        if (p.volume) {
            out += number(*p.volume);
        }
        out += '\n';
    }
    return out;
}

} // namespace ba::PriceCsv
