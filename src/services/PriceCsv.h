#pragma once

#include "domain/MarketTypes.h"

#include <QByteArray>
#include <QList>

namespace ba::PriceCsv {

// "time,price,market_cap,volume" with ISO-8601 UTC times; missing values are empty fields.
// Numbers use '.' whatever the locale, so that spreadsheets and scripts read them alike.
QByteArray format(const QList<PricePoint> &prices);

} // namespace ba::PriceCsv
