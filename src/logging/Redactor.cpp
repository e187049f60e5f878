#include "logging/Redactor.h"

#include <QRegularExpression>
#include <QUrl>
#include <algorithm>
#include <mutex>

namespace ba {

namespace {

constexpr qsizetype kMinSecretLength = 4; // shorter values would mask ordinary words and numbers

// A name only counts at the start of a token: "monkey=1" is not "key=1". "%3F" and "%26" are an
// encoded "?" and "&" when a URL travels inside another URL's query.
const char kNameStart[] = R"((?:(?<![A-Za-z0-9_\-])|(?<=%3F)|(?<=%26)))";

// Query parameter: "key=VALUE" up to the next parameter, space, fragment or quote.
const char kQuery[] = R"((?:key|x_cg_[a-z]+_api_key)=(?<v>[^&\s#"'<>]+))";

// The same parameter percent-encoded inside another URL: "key%3DVALUE%26...".
const char kEncodedQuery[] = R"((?:key|x_cg_[a-z]+_api_key)%3D(?<v>(?:(?!%26)[^&\s#"'<>])+))";

// Header: "x-goog-api-key: VALUE", "\"x-cg-pro-api-key\":\"VALUE\"", "(\"x-goog-api-key\", \"VALUE\")".
const char kHeader[] =
    R"((?:x-goog-api-key|x-cg-[a-z]+-api-key)["']?\s*[:=,]\s*["']?(?<v>[^\s"',;(){}\[\]]+))";

constexpr int kPatternCount = 3;

QRegularExpression compile(const char *pattern)
{
    const QRegularExpression expression(QLatin1String(kNameStart) % QLatin1String(pattern),
                                        QRegularExpression::CaseInsensitiveOption);
    Q_ASSERT(expression.isValid());
    return expression;
}

// QRegularExpression objects are per thread: matching from several threads at once on one shared
// object is not documented as safe, and the hub's writer and GUI code both redact.
const QRegularExpression &regex(int which)
{
    thread_local const QRegularExpression expressions[kPatternCount] = {
        compile(kQuery),
        compile(kEncodedQuery),
        compile(kHeader),
    };
    return expressions[which];
}

// Replaces every capture of the named group "v" with the mask; the rest of the text stays as is.
QString maskValues(const QString &text, const QRegularExpression &expression)
{
    QString result;
    qsizetype copied = 0;
    QRegularExpressionMatchIterator it = expression.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype start = match.capturedStart(QStringLiteral("v"));
        result += QStringView(text).mid(copied, start - copied) % Redactor::mask();
        copied = match.capturedEnd(QStringLiteral("v"));
    }
    if (copied == 0) {
        return text;
    }
    result += QStringView(text).mid(copied);
    return result;
}

// Every pattern contains "key" in some case: most log lines skip the regular expressions entirely.
// A plain scan, because the writer runs it on every line and a case-insensitive QString::contains
// was the largest cost of writing a line.
bool mayContainKey(QStringView text)
{
    const char16_t *chars = text.utf16();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i + 2 < size; ++i) {
        // c | 0x20 folds ASCII upper case onto lower case; no other character maps onto these.
        if ((chars[i] | 0x20) == u'k' && (chars[i + 1] | 0x20) == u'e' && (chars[i + 2] | 0x20) == u'y') {
            return true;
        }
    }
    return false;
}

} // namespace

QString Redactor::redactPatterns(const QString &text)
{
    if (!mayContainKey(text)) {
        return text;
    }
    QString result = text;
    for (int which = 0; which < kPatternCount; ++which) {
        result = maskValues(result, regex(which));
    }
    return result;
}

void Redactor::setSecrets(const QStringList &secrets)
{
    QStringList usable;
    for (const QString &secret : secrets) {
        const QString trimmed = secret.trimmed();
        if (trimmed.size() < kMinSecretLength) {
            continue;
        }
        usable.append(trimmed);
        // The same key inside a URL query is percent-encoded.
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(trimmed));
        if (encoded != trimmed) {
            usable.append(encoded);
        }
    }
    usable.removeDuplicates();
    std::sort(usable.begin(), usable.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });

    const std::unique_lock locker(m_lock);
    m_secrets = usable;
}

QString Redactor::redact(const QString &text) const
{
    QStringList secrets;
    {
        const std::shared_lock locker(m_lock);
        secrets = m_secrets; // implicitly shared copy: the lock is held only for a pointer copy
    }
    QString result = redactPatterns(text);
    for (const QString &secret : std::as_const(secrets)) {
        if (result.contains(secret)) {
            result.replace(secret, mask());
        }
    }
    return result;
}

} // namespace ba
