#pragma once

#include <QMetaType>
#include <QString>

namespace ba {

// The one error value every client and service returns. userMessage is translated,
// one sentence, and says what to do; detail is for the log only.
struct FetchError
{
    enum class Kind
    {
        None,
        Offline,
        Timeout,
        RateLimited,
        Unauthorized,
        NotFound,
        ServerError,
        BadResponse,
        Blocked,
        SafetyBlocked,
        Cancelled,
        TooLarge,
        BadRequest,
        StorageFailed, // the answer arrived but could not be saved (disk full, read-only database)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString userMessage;
    QString detail;
    int retryAfterSeconds = -1; // when the server told us how long to wait

    bool isError() const { return kind != Kind::None; }
    static QString kindName(Kind kind);
};

} // namespace ba

Q_DECLARE_METATYPE(ba::FetchError)
