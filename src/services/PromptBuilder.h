#pragma once

#include "services/MarketSummary.h"

#include <QString>

namespace ba {

struct BuiltPrompt
{
    QString systemInstruction;
    QString prompt;
    int headlinesIncluded = 0;
    int headlinesDropped = 0; // left out to stay under the size bound

    qsizetype utf8Size() const;
};

// Fills the analysis prompt template (resources/prompts/analysis-<lang>.md, compiled in at
// ":/prompts/") with a MarketSummary. The template's "<!-- system -->" part becomes the system
// instruction and its "<!-- prompt -->" part the prompt; {{coin}}, {{currency}} and {{data}} are
// replaced. System instruction + prompt stay under maxBytes (UTF-8): headlines go first, newest kept.
class PromptBuilder
{
public:
    static constexpr qsizetype DefaultMaxBytes = 8 * 1024;

    // "fr", "fr_FR", "fr-CA" pick French; anything else English.
    explicit PromptBuilder(const QString &language = QStringLiteral("en"),
                           qsizetype maxBytes = DefaultMaxBytes);

    QString language() const { return m_language; } // "en" or "fr"
    qsizetype maxBytes() const { return m_maxBytes; }
    static QString normalisedLanguage(const QString &language);
    static QString templatePath(const QString &language);

    BuiltPrompt build(const MarketSummary &summary) const;

private:
    BuiltPrompt fill(const MarketSummary &summary, int headlines) const;

    QString m_language;
    qsizetype m_maxBytes;
    QString m_system;
    QString m_prompt;
};

} // namespace ba
