#include "news/RelativeDateParser.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace ba {

namespace {

// Only dates a news page could plausibly show: protects against "99999 years ago" and typos.
constexpr int MinYear = 1970;
constexpr int MaxYear = 9999;

std::optional<qint64> toMs(const QDateTime &dt)
{
    if (!dt.isValid() || dt.date().year() < MinYear || dt.date().year() > MaxYear) {
        return std::nullopt;
    }
    return dt.toMSecsSinceEpoch();
}

int monthFromName(const QString &name)
{
    static const QStringList full = {
        QStringLiteral("january"), QStringLiteral("february"), QStringLiteral("march"),
        QStringLiteral("april"),   QStringLiteral("may"),      QStringLiteral("june"),
        QStringLiteral("july"),    QStringLiteral("august"),   QStringLiteral("september"),
        QStringLiteral("october"), QStringLiteral("november"), QStringLiteral("december"),
    };
    const QString lower = name.toLower();
    for (int i = 0; i < full.size(); ++i) {
        if (lower == full.at(i) || (lower.size() == 3 && full.at(i).startsWith(lower))) {
            return i + 1;
        }
    }
    return lower == u"sept" ? 9 : 0;
}

// RFC 822 zones: numeric offsets and the few names the RFC defines. Unknown names are refused.
std::optional<int> zoneOffsetSeconds(const QString &zone)
{
    if (zone.isEmpty()) {
        return 0;
    }
    if (zone.startsWith(u'+') || zone.startsWith(u'-')) {
        const int hours = zone.mid(1, 2).toInt();
        const int minutes = zone.mid(3, 2).toInt();
        if (hours > 14 || minutes > 59) {
            return std::nullopt;
        }
        const int sign = zone.startsWith(u'-') ? -1 : 1;
        return sign * (hours * 3600 + minutes * 60);
    }
    static const QHash<QString, int> names = {
        {QStringLiteral("Z"), 0},    {QStringLiteral("UT"), 0},   {QStringLiteral("UTC"), 0},
        {QStringLiteral("GMT"), 0},  {QStringLiteral("EST"), -5}, {QStringLiteral("EDT"), -4},
        {QStringLiteral("CST"), -6}, {QStringLiteral("CDT"), -5}, {QStringLiteral("MST"), -7},
        {QStringLiteral("MDT"), -6}, {QStringLiteral("PST"), -8}, {QStringLiteral("PDT"), -7},
    };
    const auto it = names.constFind(zone.toUpper());
    if (it == names.constEnd()) {
        return std::nullopt;
    }
    return it.value() * 3600;
}

std::optional<qint64> fromParts(const QDate &date, const QTime &time, int offsetSeconds)
{
    if (!date.isValid() || !time.isValid()) {
        return std::nullopt;
    }
    return toMs(QDateTime(date, time, QTimeZone(offsetSeconds)));
}

// Seconds per unit for the fixed-length units; months and years go through the calendar.
std::optional<qint64> subtractUnits(const QDateTime &from, qint64 amount, const QString &unit)
{
    const QChar first = unit.at(0);
    if (unit.startsWith(QLatin1String("mo"))) {
        return toMs(from.addMonths(-int(amount)));
    }
    if (first == u'y') {
        return toMs(from.addYears(-int(amount)));
    }
    qint64 seconds = 0;
    if (first == u's') {
        seconds = 1;
    } else if (first == u'm') {
        seconds = 60;
    } else if (first == u'h') {
        seconds = 3600;
    } else if (first == u'd') {
        seconds = 86400;
    } else if (first == u'w') {
        seconds = 7 * 86400;
    } else {
        return std::nullopt;
    }
    return toMs(from.addSecs(-amount * seconds));
}

} // namespace

std::optional<qint64> RelativeDateParser::parse(const QString &text, const QDateTime &fetchedAt)
{
    const QString clean = text.simplified();
    if (clean.isEmpty() || clean.size() > 200) {
        return std::nullopt;
    }
    if (auto iso = parseIso(clean)) {
        return iso;
    }
    bool looksRfc822 = false;
    if (auto rfc = parseRfc822(clean, &looksRfc822); rfc || looksRfc822) {
        return rfc; // an RFC 822 date with a bad part is not re-read as a date without time
    }
    if (auto written = parseWrittenDate(clean)) {
        return written;
    }
    return parseRelative(clean, fetchedAt);
}

std::optional<qint64> RelativeDateParser::parseRelative(const QString &text, const QDateTime &fetchedAt)
{
    if (!fetchedAt.isValid()) {
        return std::nullopt;
    }
    static const QRegularExpression now(
        QStringLiteral("^(just now|now|moments? ago|a moment ago|a few seconds ago|seconds ago)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (now.match(text).hasMatch()) {
        return toMs(fetchedAt);
    }
    static const QRegularExpression yesterday(QStringLiteral("\\byesterday\\b"),
                                              QRegularExpression::CaseInsensitiveOption);
    if (yesterday.match(text).hasMatch()) {
        return toMs(fetchedAt.addDays(-1));
    }
    // "3 hours ago", "an hour ago", "1 min ago", "5m ago", also inside "Jane | 3 hours ago".
    static const QRegularExpression ago(
        QStringLiteral("(?:^|[^\\w])(\\d{1,4}|an?|one)\\s*"
                       "(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|w|"
                       "months?|mos?|years?|yrs?|y)\\s+ago\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = ago.match(text);
    if (!match.hasMatch()) {
        return std::nullopt;
    }
    const QString amountText = match.captured(1).toLower();
    const qint64 amount = amountText.at(0).isDigit() ? amountText.toLongLong() : 1;
    return subtractUnits(fetchedAt, amount, match.captured(2).toLower());
}

std::optional<qint64> RelativeDateParser::parseIso(const QString &text)
{
    static const QRegularExpression iso(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})"
                       "(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                       "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QRegularExpressionMatch m = iso.match(text);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int ms = m.captured(7).isEmpty() ? 0 : m.captured(7).left(3).leftJustified(3, u'0').toInt();
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
    QString zone = m.captured(8);
    zone.remove(u':');
    if (zone.size() == 3) {
        zone += QStringLiteral("00"); // "+01" means "+0100"
    }
    const auto offset = zoneOffsetSeconds(zone == u"z" ? QStringLiteral("Z") : zone);
    if (!offset) {
        return std::nullopt;
    }
    return fromParts(date, time, *offset);
}

std::optional<qint64> RelativeDateParser::parseRfc822(const QString &text, bool *recognized)
{
    static const QRegularExpression rfc(
        QStringLiteral("^(?:[A-Za-z]{3},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3,9})\\s+(\\d{2}|\\d{4})\\s+"
                       "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([A-Za-z]{1,5}|[+-]\\d{4})?$"));
    const QRegularExpressionMatch m = rfc.match(text);
    *recognized = m.hasMatch();
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    int year = m.captured(3).toInt();
    if (m.captured(3).size() == 2) {
        year += year < 50 ? 2000 : 1900; // RFC 2822 section 4.3
    }
    const int month = monthFromName(m.captured(2));
    const auto offset = zoneOffsetSeconds(m.captured(7));
    if (month == 0 || !offset) {
        return std::nullopt;
    }
    const QDate date(year, month, m.captured(1).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    return fromParts(date, time, *offset);
}

std::optional<qint64> RelativeDateParser::parseWrittenDate(const QString &text)
{
    // "Nov 28, 2026", "November 28 2026", "Nov. 28th, 2026"
    static const QRegularExpression monthFirst(
        QStringLiteral("\\b([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"));
    // "28 November 2026", "28th Nov 2026"
    static const QRegularExpression dayFirst(
        QStringLiteral("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})\\b"));
    QRegularExpressionMatch m = monthFirst.match(text);
    int day = 0;
    int month = 0;
    int year = 0;
    if (m.hasMatch() && monthFromName(m.captured(1)) != 0) {
        month = monthFromName(m.captured(1));
        day = m.captured(2).toInt();
        year = m.captured(3).toInt();
    } else if (m = dayFirst.match(text); m.hasMatch() && monthFromName(m.captured(2)) != 0) {
        day = m.captured(1).toInt();
        month = monthFromName(m.captured(2));
        year = m.captured(3).toInt();
    } else {
        return std::nullopt;
    }
    return fromParts(QDate(year, month, day), QTime(0, 0), 0);
}

} // namespace ba
