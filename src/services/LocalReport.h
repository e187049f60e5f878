#pragma once

#include "services/MarketSummary.h"

#include <QString>

namespace ba {

// The analysis computed without any AI: deterministic Markdown from a MarketSummary, with the same
// sections the AI is asked for (Trend, Momentum, Volatility, News context, Risks) and the
// not-financial-advice line. The first line says "Computed locally without AI". Strings are
// translated with QCoreApplication::translate("LocalReport", ...); numbers follow `language`
// ("fr" gives French number formatting). Headlines are escaped so they render as plain text.
class LocalReport
{
public:
    static QString markdown(const MarketSummary &summary, const QString &language = QStringLiteral("en"));

    // The label on the first line (translated), for tests and the view.
    static QString label();
    // Backslash-escapes Markdown punctuation so that untrusted text renders literally.
    static QString escapeMarkdown(const QString &text);
};

} // namespace ba
