#pragma once

#include "net/HttpTypes.h"

#include <QByteArray>
#include <QFile>
#include <QString>

namespace ba::testing {

// A body from tests/data (the reference wire formats); a missing one stops the test run.
inline QByteArray sample(const char *name)
{
    QFile file(QStringLiteral(BA_TEST_DATA_DIR "/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing sample %s", name);
    }
    return file.readAll();
}

// An HTTP-level failure as HttpClient reports it, before the service's own error body is read.
inline HttpResult failedHttp(int status, FetchError::Kind kind, const QByteArray &body,
                             const QString &detail = QStringLiteral("generic detail"),
                             int retryAfterSeconds = -1)
{
    HttpResult r;
    r.status = status;
    r.body = body;
    r.error.kind = kind;
    r.error.httpStatus = status;
    r.error.userMessage = QStringLiteral("generic message");
    r.error.detail = detail;
    r.error.retryAfterSeconds = retryAfterSeconds;
    return r;
}

} // namespace ba::testing
