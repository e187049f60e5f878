#include "domain/CanonicalUrl.h"

#include <QStringList>
#include <QUrl>

namespace ba {

namespace {

// Tracking parameters (utm_source, UTM_Medium, ...) make one article look like many.
QString withoutTrackingParameters(const QString &encodedQuery)
{
    QStringList kept;
    const QStringList parts = encodedQuery.split(QLatin1Char('&'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString key = QUrl::fromPercentEncoding(part.section(QLatin1Char('='), 0, 0).toUtf8());
        if (!key.startsWith(QLatin1String("utm_"), Qt::CaseInsensitive)) {
            kept << part;
        }
    }
    return kept.join(QLatin1Char('&'));
}

} // namespace

QString canonicalUrl(const QString &input)
{
    QUrl url(input.trimmed());
    if (!url.isValid() || url.isRelative() || url.host().isEmpty()) {
        return {};
    }
    url.setScheme(url.scheme().toLower());
    url.setHost(url.host().toLower());
    url.setFragment(QString());
    const int defaultPort = url.scheme() == u"https" ? 443 : url.scheme() == u"http" ? 80 : -1;
    if (url.port() == defaultPort) {
        url.setPort(-1);
    }
    if (url.path().isEmpty()) {
        url.setPath(QStringLiteral("/"));
    }
    if (url.hasQuery()) {
        const QString query = withoutTrackingParameters(url.query(QUrl::FullyEncoded));
        url.setQuery(query.isEmpty() ? QString() : query);
    }
    return url.toString(QUrl::FullyEncoded);
}

} // namespace ba
