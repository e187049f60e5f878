#pragma once

#include "domain/FetchError.h"

#include <QCoreApplication>
#include <QStringList>

namespace ba {

// The short words of a news refresh: why the site's page gave nothing (for the step's note, the
// log and the news pane) and which source the headlines came from (the step's note).
class NewsNotes
{
    Q_DECLARE_TR_FUNCTIONS(NewsNotes)

public:
    // "browser blocked by a JavaScript challenge", "page not found", …
    static QString pageProblem(const FetchError &error, bool challengeSeen);
    // "Bitcoin.com News", "Bitcoin.com News (RSS: the page is still loading)", "Other Feed (RSS: …)".
    static QString delivery(const QString &name, bool fromFeed, bool pageStillLoading,
                            const QStringList &problems);
};

} // namespace ba
