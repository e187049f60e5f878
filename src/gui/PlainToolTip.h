#pragma once

#include <QString>

namespace ba {

// A tooltip that shows `text` literally. QToolTip renders anything Qt::mightBeRichText() accepts as
// HTML, which would let web or AI text load images (local files included) or change the layout;
// escaped text inside <p> never is. pre-wrap keeps the text's own line breaks.
inline QString plainToolTip(const QString &text)
{
    if (text.isEmpty()) {
        return text;
    }
    return QStringLiteral("<p style='white-space:pre-wrap'>") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

} // namespace ba
