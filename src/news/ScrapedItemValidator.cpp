#include "news/ScrapedItemValidator.h"

#include "news/RelativeDateParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace ba {

namespace {

// A time text longer than this is not a date; it is not worth parsing.
constexpr int MaxTimeChars = 200;

bool isControl(QChar c)
{
    const ushort u = c.unicode();
    return (u < 0x20) || (u >= 0x7f && u < 0xa0) || c.category() == QChar::Other_Format;
}

} // namespace

QString ScrapedItemValidator::cleanText(const QString &text, int maxChars)
{
    QString out;
    out.reserve(qMin(text.size(), qsizetype(maxChars) * 2));
    bool pendingSpace = false;
    for (const QChar c : text) {
        // Tabs and newlines count as white space; other control and format characters vanish.
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (isControl(c)) {
            continue;
        }
        if (pendingSpace) {
            out.append(u' ');
            pendingSpace = false;
        }
        out.append(c);
        if (out.size() > maxChars) {
            break; // enough to know it must be cut
        }
    }
    if (out.size() > maxChars) {
        qsizetype cut = maxChars - 1;
        if (cut > 0 && out.at(cut - 1).isHighSurrogate()) {
            --cut; // never split a surrogate pair
        }
        out = out.left(cut).trimmed() + QChar(0x2026);
    }
    return out;
}

QString ScrapedItemValidator::cleanWebUrl(const QString &url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > MaxUrlChars) {
        return {};
    }
    QUrl parsed(trimmed, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || parsed.isRelative() || parsed.host().isEmpty() ||
        (scheme != u"http" && scheme != u"https")) {
        return {};
    }
    parsed.setFragment(QString());
    return parsed.toString(QUrl::FullyEncoded);
}

std::optional<Extraction> ScrapedItemValidator::parse(const QString &json, const QString &source,
                                                      const QDateTime &fetchedAt)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    const QJsonValue itemsValue = root.value(QLatin1String("items"));
    if (!itemsValue.isArray()) {
        return std::nullopt;
    }
    Extraction out;
    out.method = root.value(QLatin1String("method")).toString().left(20);
    out.selectorMatches = root.value(QLatin1String("selectorMatches")).toInt(-1);
    out.selectorInvalid = !root.value(QLatin1String("selectorError")).toString().isEmpty();
    const QJsonArray items = itemsValue.toArray();
    out.rawCount = int(items.size());

    QSet<QString> seen;
    const qint64 fetchedMs = fetchedAt.toMSecsSinceEpoch();
    for (const QJsonValue &value : items) {
        if (out.items.size() >= MaxItems) {
            break;
        }
        const QJsonObject obj = value.toObject();
        NewsItem item;
        item.title = cleanText(obj.value(QLatin1String("title")).toString(), MaxTitleChars);
        item.url = cleanWebUrl(obj.value(QLatin1String("link")).toString());
        if (item.title.isEmpty() || item.url.isEmpty() || seen.contains(item.url)) {
            continue;
        }
        seen.insert(item.url);
        item.summary = cleanText(obj.value(QLatin1String("summary")).toString(), MaxSummaryChars);
        item.imageUrl = cleanWebUrl(obj.value(QLatin1String("image")).toString());
        const QString time = cleanText(obj.value(QLatin1String("time")).toString(), MaxTimeChars);
        item.publishedMs = RelativeDateParser::parse(time, fetchedAt);
        item.source = source;
        item.fetchedMs = fetchedMs;
        out.items.append(item);
    }
    return out;
}

} // namespace ba
