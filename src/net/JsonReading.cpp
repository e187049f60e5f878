#include "net/JsonReading.h"

#include <QJsonDocument>

namespace ba {

FetchError makeFetchError(FetchError::Kind kind, const QString &userMessage, const QString &detail,
                          int httpStatus, int retryAfterSeconds)
{
    FetchError e;
    e.kind = kind;
    e.httpStatus = httpStatus;
    e.userMessage = userMessage;
    e.detail = detail;
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
}

bool readJsonObject(const QByteArray &body, QJsonObject *out, QString *problem)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (doc.isObject()) {
        *out = doc.object();
        return true;
    }
    *out = QJsonObject();
    *problem = parseError.error != QJsonParseError::NoError ? QStringLiteral("invalid JSON at offset %1: %2")
                                                                  .arg(parseError.offset)
                                                                  .arg(parseError.errorString())
                                                            : QStringLiteral("expected a JSON object");
    return false;
}

} // namespace ba
