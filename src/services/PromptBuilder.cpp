#include "services/PromptBuilder.h"

#include <QFile>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.prompt")
} // namespace

namespace {}

namespace ba {

namespace {

const QString SystemMarker = QStringLiteral("<!-- system -->");
const QString PromptMarker = QStringLiteral("<!-- prompt -->");

// Used only if the compiled-in template is missing (a packaging mistake): still a usable prompt.
const QString FallbackPrompt = QStringLiteral(
    "Write a short Markdown analysis of {{coin}} in {{currency}} with the sections Trend, Momentum, "
    "Volatility, News context and Risks, ending with *This is not financial advice.*\n\n{{data}}");

QString readTemplate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lc).noquote()
            << QStringLiteral("prompt template %1 missing: %2").arg(path, file.errorString());
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

QString truncatedUtf8(const QString &text, qsizetype maxBytes)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= maxBytes) {
        return text;
    }
    utf8.truncate(maxBytes);
    // Drop a multi-byte sequence cut in half (continuation bytes are 10xxxxxx).
    while (!utf8.isEmpty() && (uchar(utf8.back()) & 0xC0) == 0x80) {
        utf8.chop(1);
    }
    if (!utf8.isEmpty() && (uchar(utf8.back()) & 0x80) != 0) {
        utf8.chop(1);
    }
    return QString::fromUtf8(utf8);
}

} // namespace

qsizetype BuiltPrompt::utf8Size() const
{
    return systemInstruction.toUtf8().size() + prompt.toUtf8().size();
}

PromptBuilder::PromptBuilder(const QString &language, qsizetype maxBytes)
    : m_language(normalisedLanguage(language)), m_maxBytes(maxBytes)
{
    QString text = readTemplate(templatePath(m_language));
    if (text.isEmpty() && m_language != QLatin1String("en")) {
        text = readTemplate(templatePath(QStringLiteral("en")));
    }
    const qsizetype system = text.indexOf(SystemMarker);
    const qsizetype prompt = text.indexOf(PromptMarker);
    if (system < 0 || prompt < system) {
        m_prompt = text.isEmpty() ? FallbackPrompt : text.trimmed();
        return;
    }
    m_system = text.mid(system + SystemMarker.size(), prompt - system - SystemMarker.size()).trimmed();
    m_prompt = text.mid(prompt + PromptMarker.size()).trimmed();
}

QString PromptBuilder::normalisedLanguage(const QString &language)
{
    return language.startsWith(QLatin1String("fr"), Qt::CaseInsensitive) ? QStringLiteral("fr")
                                                                         : QStringLiteral("en");
}

QString PromptBuilder::templatePath(const QString &language)
{
    return QStringLiteral(":/prompts/analysis-%1.md").arg(normalisedLanguage(language));
}

BuiltPrompt PromptBuilder::build(const MarketSummary &summary) const
{
    // Headlines are the only part of unbounded size: keep the most (newest first) that fit, found by
    // bisection because the size grows with each headline kept.
    BuiltPrompt built = fill(summary, int(summary.headlines.size()));
    if (built.utf8Size() > m_maxBytes) {
        int fits = 0;
        int tooMany = int(summary.headlines.size());
        while (tooMany - fits > 1) {
            const int middle = fits + (tooMany - fits) / 2;
            if (fill(summary, middle).utf8Size() <= m_maxBytes) {
                fits = middle;
            } else {
                tooMany = middle;
            }
        }
        built = fill(summary, fits);
    }
    if (built.utf8Size() > m_maxBytes) {
        // Only an oversized template or coin id gets here; cut the prompt rather than exceed the bound.
        qCWarning(lc) << "prompt still" << built.utf8Size() << "bytes without headlines; truncating";
        const qsizetype systemBytes = built.systemInstruction.toUtf8().size();
        built.prompt = truncatedUtf8(built.prompt, qMax<qsizetype>(0, m_maxBytes - systemBytes));
        built.systemInstruction =
            truncatedUtf8(built.systemInstruction, m_maxBytes - built.prompt.toUtf8().size());
    }
    if (built.headlinesDropped > 0) {
        qCInfo(lc) << "left out" << built.headlinesDropped << "headlines to keep the prompt under"
                   << m_maxBytes << "bytes";
    }
    return built;
}

BuiltPrompt PromptBuilder::fill(const MarketSummary &summary, int headlines) const
{
    BuiltPrompt built;
    built.systemInstruction = m_system;
    built.headlinesIncluded = headlines;
    built.headlinesDropped = int(summary.headlines.size()) - headlines;
    // {{data}} last, so that placeholders inside headlines are never expanded.
    QString text = m_prompt;
    text.replace(QStringLiteral("{{coin}}"), summary.coinId.left(64));
    text.replace(QStringLiteral("{{currency}}"), summary.vsCurrency.toUpper().left(16));
    text.replace(QStringLiteral("{{data}}"), summary.toPromptText(headlines));
    built.prompt = text;
    return built;
}

} // namespace ba
