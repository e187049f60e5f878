#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace ba {

// Turns the date text a news page shows into Unix milliseconds UTC.
// Understood: relative English phrases ("3 hours ago", "an hour ago", "1 min ago", "just now",
// "yesterday"; also inside longer text such as "Jane Doe | 3 hours ago"), ISO 8601
// ("2026-11-28T10:23:39Z", "2026-11-28"), "Nov 28, 2026", "28 November 2026" and RFC 822/2822
// ("Sat, 28 Nov 2026 10:23:39 +0000"). Dates without a zone are taken as UTC; dates without a
// time as midnight UTC. Anything else gives nullopt: a date is never invented.
class RelativeDateParser
{
public:
    static std::optional<qint64> parse(const QString &text, const QDateTime &fetchedAt);

private:
    static std::optional<qint64> parseRelative(const QString &text, const QDateTime &fetchedAt);
    static std::optional<qint64> parseIso(const QString &text);
    static std::optional<qint64> parseRfc822(const QString &text, bool *recognized);
    static std::optional<qint64> parseWrittenDate(const QString &text);
};

} // namespace ba
