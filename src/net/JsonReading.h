#pragma once

#include "domain/FetchError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ba {

// Small pieces the JSON endpoint parsers (CoinGecko, Gemini, OpenAI-compatible) and the AI clients
// share, so that each of them only says what is particular to its service.

// A FetchError in one expression: parsers return many of them.
FetchError makeFetchError(FetchError::Kind kind, const QString &userMessage, const QString &detail,
                          int httpStatus = 0, int retryAfterSeconds = -1);

// Parses `body` as one JSON object. On failure *out is left empty, false is returned and *problem
// says why, for the log: "invalid JSON at offset N: reason" or "expected a JSON object".
bool readJsonObject(const QByteArray &body, QJsonObject *out, QString *problem);

} // namespace ba
