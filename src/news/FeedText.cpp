#include "news/FeedText.h"

#include <QHash>
#include <QRegularExpression>

namespace ba {

namespace {

// HTML's names for U+00A0..U+00FF, in code point order.
constexpr const char *kLatin1Names[] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",
    "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",
    "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12",
    "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil",
    "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde",
    "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",
    "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",
    "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};
static_assert(std::size(kLatin1Names) == 96);

// The other entities that show up in news feeds: punctuation, typography, currency, arrows.
constexpr std::pair<const char *, char32_t> kOtherNames[] = {
    {"amp", U'&'},      {"lt", U'<'},       {"gt", U'>'},       {"quot", U'"'},     {"apos", U'\''},
    {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},
    {"fnof", 0x192},    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122},  {"larr", 0x2190},
    {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},   {"harr", 0x2194},   {"minus", 0x2212},
    {"infin", 0x221E},  {"asymp", 0x2248},  {"ne", 0x2260},     {"le", 0x2264},     {"ge", 0x2265},
    {"alpha", 0x3B1},   {"beta", 0x3B2},    {"gamma", 0x3B3},   {"delta", 0x3B4},   {"mu", 0x3BC},
    {"pi", 0x3C0},      {"sigma", 0x3C3},   {"Delta", 0x394},   {"Omega", 0x3A9},   {"check", 0x2713},
};

const QHash<QString, char32_t> &entityTable()
{
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> t;
        for (int i = 0; i < int(std::size(kLatin1Names)); ++i) {
            t.insert(QString::fromLatin1(kLatin1Names[i]), char32_t(0xA0 + i));
        }
        for (const auto &[name, code] : kOtherNames) {
            t.insert(QString::fromLatin1(name), code);
        }
        return t;
    }();
    return table;
}

QString fromCodePoint(char32_t code)
{
    const bool valid = code != 0 && code <= 0x10FFFF && (code < 0xD800 || code > 0xDFFF);
    const char32_t safe = valid ? code : char32_t(0xFFFD);
    return QString::fromUcs4(&safe, 1);
}

QString decodeReference(const QString &body)
{
    if (body.startsWith(u'#')) {
        const bool hex = body.size() > 1 && (body.at(1) == u'x' || body.at(1) == u'X');
        bool ok = false;
        const uint code = hex ? body.mid(2).toUInt(&ok, 16) : body.mid(1).toUInt(&ok, 10);
        return fromCodePoint(ok ? char32_t(code) : char32_t(0xFFFD));
    }
    return FeedText::namedEntity(body);
}

} // namespace

QString FeedText::namedEntity(QStringView name)
{
    const auto &table = entityTable();
    const auto it = table.constFind(name.toString());
    return it == table.constEnd() ? QString() : fromCodePoint(it.value());
}

QString FeedText::decodeEntities(const QString &text)
{
    if (!text.contains(u'&')) {
        return text;
    }
    static const QRegularExpression reference(
        QStringLiteral("&(#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});"));
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = reference.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString decoded = decodeReference(m.captured(1));
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += decoded.isEmpty() ? m.captured(0) : decoded; // unknown names stay literal
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

QString FeedText::htmlToPlainText(const QString &html)
{
    static const QRegularExpression invisible(
        QStringLiteral("<!--.*?(?:-->|$)|<(script|style|template)\\b[^>]*>.*?(?:</\\1\\s*>|$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    // Quoted attribute values may contain ">".
    static const QRegularExpression tag(
        QStringLiteral("<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|<![^>]*>|<\\?[^>]*>"));
    static const QRegularExpression block(
        QStringLiteral("^(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|hr|section|article|"
                       "header|footer|figure|figcaption|dd|dt|dl|img|iframe|video|audio)$"),
        QRegularExpression::CaseInsensitiveOption);

    QString text = html;
    text.replace(invisible, QStringLiteral(" "));
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        if (m.captured(2).isEmpty() || block.match(m.captured(2)).hasMatch()) {
            out += u' '; // words on both sides of a paragraph break must not run together
        }
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return decodeEntities(out).simplified();
}

QString FeedText::withoutFeedFooter(const QString &text)
{
    static const QRegularExpression footer(
        QStringLiteral("\\s*The post .{1,400}? appeared first on [^.]{1,200}\\.?\\s*$"),
        QRegularExpression::DotMatchesEverythingOption);
    QString out = text;
    out.remove(footer);
    return out;
}

} // namespace ba
