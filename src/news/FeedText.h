#pragma once

#include <QString>
#include <QStringView>

namespace ba {

// Text helpers for feed content. Feeds carry HTML inside their XML (descriptions, Atom "html"
// content) and often double-encode entities in titles; the application only ever shows plain text.
class FeedText
{
public:
    // Decodes HTML character references: named ones from a table of the common entities
    // (&amp; &nbsp; &rsquo; &hellip; ...), decimal (&#8217;) and hexadecimal (&#x2019;). A reference
    // to an invalid code point becomes U+FFFD; unknown names are kept as they are.
    static QString decodeEntities(const QString &text);

    // The character an HTML named entity stands for ("rsquo" -> U+2019), empty when unknown.
    static QString namedEntity(QStringView name);

    // HTML fragment -> plain text: comments, <script> and <style> contents dropped, block-level
    // tags become spaces, other tags vanish, entities decoded, white space collapsed. The result is
    // not capped; markup that is not a tag (a lone "<" or "a < b") stays literal.
    static QString htmlToPlainText(const QString &html);

    // Drops the footer WordPress feeds append to every description:
    // "The post <title> appeared first on <site>."
    static QString withoutFeedFooter(const QString &text);
};

} // namespace ba
