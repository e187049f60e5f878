#include "domain/FetchError.h"

namespace ba {

QString FetchError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::Offline:
        return QStringLiteral("Offline");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::RateLimited:
        return QStringLiteral("RateLimited");
    case Kind::Unauthorized:
        return QStringLiteral("Unauthorized");
    case Kind::NotFound:
        return QStringLiteral("NotFound");
    case Kind::ServerError:
        return QStringLiteral("ServerError");
    case Kind::BadResponse:
        return QStringLiteral("BadResponse");
    case Kind::Blocked:
        return QStringLiteral("Blocked");
    case Kind::SafetyBlocked:
        return QStringLiteral("SafetyBlocked");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    case Kind::TooLarge:
        return QStringLiteral("TooLarge");
    case Kind::BadRequest:
        return QStringLiteral("BadRequest");
    case Kind::StorageFailed:
        return QStringLiteral("StorageFailed");
    }
    return QStringLiteral("Unknown");
}

} // namespace ba
