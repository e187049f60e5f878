// MarketSummary <-> JSON: the canonical form that is hashed and stored with each analysis.
#include "services/MarketSummary.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ba {

namespace {

void put(QJsonObject &object, const QString &key, const std::optional<double> &value)
{
    if (value) {
        object.insert(key, *value);
    }
}

std::optional<double> number(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QJsonObject indicatorsJson(const SummaryIndicators &ind)
{
    QJsonObject o;
    put(o, QStringLiteral("rsi14"), ind.rsi14);
    put(o, QStringLiteral("macd"), ind.macd);
    put(o, QStringLiteral("macdSignal"), ind.macdSignal);
    put(o, QStringLiteral("macdHistogram"), ind.macdHistogram);
    put(o, QStringLiteral("sma20"), ind.sma20);
    put(o, QStringLiteral("sma50"), ind.sma50);
    put(o, QStringLiteral("ema20"), ind.ema20);
    put(o, QStringLiteral("bollingerUpper"), ind.bollingerUpper);
    put(o, QStringLiteral("bollingerLower"), ind.bollingerLower);
    put(o, QStringLiteral("bollingerPercentB"), ind.bollingerPercentB);
    put(o, QStringLiteral("volatility"), ind.volatility);
    put(o, QStringLiteral("maxDrawdown"), ind.maxDrawdown);
    put(o, QStringLiteral("support"), ind.support);
    put(o, QStringLiteral("resistance"), ind.resistance);
    if (ind.trend) {
        o.insert(QStringLiteral("trend"), MarketSummary::trendKey(*ind.trend));
    }
    return o;
}

SummaryIndicators indicatorsFromJson(const QJsonObject &o)
{
    SummaryIndicators ind;
    ind.rsi14 = number(o, QStringLiteral("rsi14"));
    ind.macd = number(o, QStringLiteral("macd"));
    ind.macdSignal = number(o, QStringLiteral("macdSignal"));
    ind.macdHistogram = number(o, QStringLiteral("macdHistogram"));
    ind.sma20 = number(o, QStringLiteral("sma20"));
    ind.sma50 = number(o, QStringLiteral("sma50"));
    ind.ema20 = number(o, QStringLiteral("ema20"));
    ind.bollingerUpper = number(o, QStringLiteral("bollingerUpper"));
    ind.bollingerLower = number(o, QStringLiteral("bollingerLower"));
    ind.bollingerPercentB = number(o, QStringLiteral("bollingerPercentB"));
    ind.volatility = number(o, QStringLiteral("volatility"));
    ind.maxDrawdown = number(o, QStringLiteral("maxDrawdown"));
    ind.support = number(o, QStringLiteral("support"));
    ind.resistance = number(o, QStringLiteral("resistance"));
    ind.trend = MarketSummary::trendFromKey(o.value(QStringLiteral("trend")).toString());
    return ind;
}

QJsonArray movesJson(const QList<DailyMove> &moves)
{
    QJsonArray array;
    for (const DailyMove &m : moves) {
        array.append(QJsonObject{{QStringLiteral("date"), m.date.toString(Qt::ISODate)},
                                 {QStringLiteral("pct"), m.changePct}});
    }
    return array;
}

QList<DailyMove> movesFromJson(const QJsonArray &array)
{
    QList<DailyMove> moves;
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        moves.append({QDate::fromString(o.value(QStringLiteral("date")).toString(), Qt::ISODate),
                      o.value(QStringLiteral("pct")).toDouble()});
    }
    return moves;
}

QJsonArray headlinesJson(const QList<SummaryHeadline> &headlines)
{
    QJsonArray array;
    for (const SummaryHeadline &h : headlines) {
        QJsonObject o{{QStringLiteral("title"), h.title}, {QStringLiteral("source"), h.source}};
        if (h.publishedMs) {
            o.insert(QStringLiteral("publishedMs"), *h.publishedMs);
        }
        array.append(o);
    }
    return array;
}

QList<SummaryHeadline> headlinesFromJson(const QJsonArray &array)
{
    QList<SummaryHeadline> headlines;
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        SummaryHeadline h{o.value(QStringLiteral("title")).toString(),
                          o.value(QStringLiteral("source")).toString(), std::nullopt};
        if (o.value(QStringLiteral("publishedMs")).isDouble()) {
            h.publishedMs = o.value(QStringLiteral("publishedMs")).toInteger();
        }
        headlines.append(h);
    }
    return headlines;
}

} // namespace

QJsonObject MarketSummary::toJson() const
{
    QJsonObject o{
        {QStringLiteral("v"), JsonVersion},
        {QStringLiteral("coin"), coinId},
        {QStringLiteral("vs"), vsCurrency},
        {QStringLiteral("firstMs"), firstMs},
        {QStringLiteral("asOfMs"), asOfMs},
        {QStringLiteral("points"), pointCount},
        {QStringLiteral("intervalMs"), intervalMs},
        {QStringLiteral("last"), lastPrice},
        {QStringLiteral("indicators"), indicatorsJson(indicators)},
        {QStringLiteral("gains"), movesJson(largestGains)},
        {QStringLiteral("drops"), movesJson(largestDrops)},
        {QStringLiteral("news"), headlinesJson(headlines)},
    };
    QJsonObject change;
    put(change, QStringLiteral("24h"), change24hPct);
    put(change, QStringLiteral("7d"), change7dPct);
    put(change, QStringLiteral("30d"), change30dPct);
    o.insert(QStringLiteral("changePct"), change);
    put(o, QStringLiteral("marketCap"), marketCap);
    put(o, QStringLiteral("volume24h"), volume24h);
    if (!rangeKey.isEmpty()) {
        o.insert(QStringLiteral("range"), rangeKey);
    }
    return o;
}

QByteArray MarketSummary::toCanonicalJson() const
{
    // QJsonObject keeps its keys sorted, and doubles print in their shortest round-trip form.
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

std::optional<MarketSummary> MarketSummary::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("v")).toInt() != JsonVersion) {
        return std::nullopt;
    }
    MarketSummary s;
    s.coinId = o.value(QStringLiteral("coin")).toString();
    s.vsCurrency = o.value(QStringLiteral("vs")).toString();
    s.rangeKey = o.value(QStringLiteral("range")).toString();
    s.firstMs = o.value(QStringLiteral("firstMs")).toInteger();
    s.asOfMs = o.value(QStringLiteral("asOfMs")).toInteger();
    s.pointCount = o.value(QStringLiteral("points")).toInt();
    s.intervalMs = o.value(QStringLiteral("intervalMs")).toInteger();
    s.lastPrice = o.value(QStringLiteral("last")).toDouble();
    const QJsonObject change = o.value(QStringLiteral("changePct")).toObject();
    s.change24hPct = number(change, QStringLiteral("24h"));
    s.change7dPct = number(change, QStringLiteral("7d"));
    s.change30dPct = number(change, QStringLiteral("30d"));
    s.marketCap = number(o, QStringLiteral("marketCap"));
    s.volume24h = number(o, QStringLiteral("volume24h"));
    s.indicators = indicatorsFromJson(o.value(QStringLiteral("indicators")).toObject());
    s.largestGains = movesFromJson(o.value(QStringLiteral("gains")).toArray());
    s.largestDrops = movesFromJson(o.value(QStringLiteral("drops")).toArray());
    s.headlines = headlinesFromJson(o.value(QStringLiteral("news")).toArray());
    return s;
}

QString MarketSummary::inputHash() const
{
    QJsonObject identity = toJson();
    for (const char *quoteField : {"last", "marketCap", "volume24h"}) {
        identity.remove(QLatin1String(quoteField));
    }
    QJsonObject change = identity.value(QStringLiteral("changePct")).toObject();
    change.remove(QStringLiteral("24h"));
    identity.insert(QStringLiteral("changePct"), change);
    const QByteArray json = QJsonDocument(identity).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex());
}

} // namespace ba
