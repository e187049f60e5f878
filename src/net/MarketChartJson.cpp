#include "net/MarketChartJson.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <system_error>

namespace ba::coingecko {

namespace {

// A strict reader for exactly the market_chart shape. Every method returns false as soon as
// the input leaves that shape; nothing is repaired or guessed.
class Scanner
{
public:
    Scanner(const char *begin, const char *end) : m_p(begin), m_end(end) {}

    bool readDocument(MarketChartSeries *out)
    {
        bool seen[3] = {false, false, false};
        QList<TimedValue> *targets[3] = {&out->prices, &out->marketCaps, &out->volumes};
        skipSpace();
        if (!take('{')) {
            return false;
        }
        do {
            skipSpace();
            const int key = readKey();
            if (key < 0 || seen[key]) {
                return false; // unknown or repeated key: let the general reader decide
            }
            seen[key] = true;
            skipSpace();
            if (!take(':') || !readPairs(targets[key])) {
                return false;
            }
            skipSpace();
        } while (take(','));
        if (!take('}')) {
            return false;
        }
        skipSpace();
        return m_p == m_end && seen[0];
    }

private:
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t')) {
            ++m_p;
        }
    }

    bool take(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    // 0 prices, 1 market_caps, 2 total_volumes, -1 anything else (including escapes).
    int readKey()
    {
        if (!take('"')) {
            return -1;
        }
        const char *start = m_p;
        while (m_p < m_end && *m_p != '"' && *m_p != '\\') {
            ++m_p;
        }
        if (m_p == m_end || *m_p != '"') {
            return -1;
        }
        const std::size_t length = static_cast<std::size_t>(m_p - start);
        ++m_p;
        static constexpr const char *kKeys[] = {"prices", "market_caps", "total_volumes"};
        for (int i = 0; i < 3; ++i) {
            if (std::strlen(kKeys[i]) == length && std::memcmp(start, kKeys[i], length) == 0) {
                return i;
            }
        }
        return -1;
    }

    bool readPairs(QList<TimedValue> *out)
    {
        skipSpace();
        if (!take('[')) {
            return false;
        }
        skipSpace();
        if (take(']')) {
            return true;
        }
        out->reserve(static_cast<qsizetype>((m_end - m_p) / 48)); // ~36 bytes a pair, 3 series
        do {
            skipSpace();
            std::optional<double> time;
            std::optional<double> value;
            if (!take('[') || !readValue(&time) || !take(',') || !readValue(&value) || !take(']')) {
                return false;
            }
            // Same rules as the general reader: a time is a whole ms >= 0, a value is finite.
            if (time && value && *time >= 0 && *time <= kMaxTimestampMs) {
                out->append(TimedValue{static_cast<qint64>(std::llround(*time)), *value});
            }
            skipSpace();
        } while (take(','));
        return take(']');
    }

    // A JSON number or null, with the blanks around it.
    bool readValue(std::optional<double> *out)
    {
        skipSpace();
        if (m_end - m_p >= 4 && std::memcmp(m_p, "null", 4) == 0) {
            m_p += 4;
            out->reset();
        } else if (!readNumber(out)) {
            return false;
        }
        skipSpace();
        return true;
    }

    // JSON's number grammar exactly (std::from_chars alone would also take "1.", "01", "inf").
    bool readNumber(std::optional<double> *out)
    {
        const char *start = m_p;
        take('-');
        if (take('0')) {
            // a single leading zero
        } else if (!digits()) {
            return false;
        }
        const bool integral = !(m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'));
        if (take('.') && !digits()) {
            return false;
        }
        if (take('e') || take('E')) {
            if (!take('+')) {
                take('-');
            }
            if (!digits()) {
                return false;
            }
        }
        double value = 0;
        const auto [end, error] = std::from_chars(start, m_p, value);
        if (error != std::errc() || end != m_p || !std::isfinite(value)) {
            return false; // out of double's range: the general reader reports it
        }
        // Qt reads integers as such, so "-0" is 0 there, not -0.0.
        *out = integral && value == 0 ? 0.0 : value;
        return true;
    }

    bool digits()
    {
        const char *start = m_p;
        while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            ++m_p;
        }
        return m_p > start;
    }

    const char *m_p;
    const char *m_end;
};

// Sorted by time, the last of equal times kept (input order decides among equals).
void sortKeepingLast(QList<TimedValue> *series)
{
    const auto byTime = [](const TimedValue &a, const TimedValue &b) { return a.tsMs < b.tsMs; };
    const auto outOfOrder = [](const TimedValue &a, const TimedValue &b) { return a.tsMs >= b.tsMs; };
    if (std::adjacent_find(series->cbegin(), series->cend(), outOfOrder) == series->cend()) {
        return; // the usual case: CoinGecko sends each series in time order
    }
    std::stable_sort(series->begin(), series->end(), byTime);
    qsizetype kept = 0;
    for (qsizetype i = 0; i < series->size(); ++i) {
        if (kept > 0 && (*series)[kept - 1].tsMs == series->at(i).tsMs) {
            (*series)[kept - 1] = series->at(i);
        } else {
            (*series)[kept++] = series->at(i);
        }
    }
    series->resize(kept);
}

// Walks a time-sorted series alongside ascending lookups.
class Cursor
{
public:
    explicit Cursor(const QList<TimedValue> &series) : m_series(series) {}

    std::optional<double> at(qint64 tsMs)
    {
        while (m_index < m_series.size() && m_series.at(m_index).tsMs < tsMs) {
            ++m_index;
        }
        if (m_index < m_series.size() && m_series.at(m_index).tsMs == tsMs) {
            return m_series.at(m_index).value;
        }
        return std::nullopt;
    }

private:
    const QList<TimedValue> &m_series;
    qsizetype m_index = 0;
};

} // namespace

bool scanMarketChart(const QByteArray &body, MarketChartSeries *out)
{
    *out = MarketChartSeries{};
    Scanner scanner(body.constData(), body.constData() + body.size());
    return scanner.readDocument(out);
}

QList<PricePoint> joinMarketChart(MarketChartSeries series)
{
    sortKeepingLast(&series.prices);
    sortKeepingLast(&series.marketCaps);
    sortKeepingLast(&series.volumes);
    Cursor caps(series.marketCaps);
    Cursor volumes(series.volumes);
    QList<PricePoint> points;
    points.reserve(series.prices.size());
    for (const TimedValue &price : std::as_const(series.prices)) {
        points.append(PricePoint{price.tsMs, price.value, caps.at(price.tsMs), volumes.at(price.tsMs)});
    }
    return points;
}

} // namespace ba::coingecko
