#include "net/OpenAiCompatibleParser.h"

#include "net/JsonReading.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ba {

namespace {

using Kind = FetchError::Kind;

FetchError unreadable(const QString &detail)
{
    return makeFetchError(
        Kind::BadResponse,
        QCoreApplication::translate("OpenAiCompatibleClient",
                                    "The model server sent an answer the application cannot "
                                    "read; check that it speaks the OpenAI API."),
        detail);
}

FetchError readObject(const QByteArray &body, QJsonObject *out)
{
    QString problem;
    return readJsonObject(body, out, &problem) ? FetchError() : unreadable(problem);
}

// A whole answer or one stream chunk, which differ only in `textKey`: "message" or "delta".
FetchError readResponse(const QByteArray &body, QLatin1String textKey, OpenAiResponse *out)
{
    QJsonObject root;
    if (const FetchError error = readObject(body, &root); error.isError()) {
        return error;
    }
    const QJsonArray choices = root.value(QLatin1String("choices")).toArray();
    if (!choices.isEmpty()) {
        const QJsonObject choice = choices.first().toObject();
        out->hasChoice = true;
        out->text = choice.value(textKey).toObject().value(QLatin1String("content")).toString(); // null -> ""
        out->finishReason = choice.value(QLatin1String("finish_reason")).toString();
    }
    out->model = root.value(QLatin1String("model")).toString();
    const QJsonObject usage = root.value(QLatin1String("usage")).toObject();
    if (!usage.isEmpty()) {
        out->promptTokens = usage.value(QLatin1String("prompt_tokens")).toInt(-1);
        out->outputTokens = usage.value(QLatin1String("completion_tokens")).toInt(-1);
    }
    return FetchError();
}

QString serverName(const QUrl &baseUrl)
{
    return baseUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

} // namespace

void OpenAiResponse::append(const OpenAiResponse &next)
{
    text += next.text;
    hasChoice = hasChoice || next.hasChoice;
    done = done || next.done;
    if (!next.finishReason.isEmpty()) {
        finishReason = next.finishReason;
    }
    if (!next.model.isEmpty()) {
        model = next.model;
    }
    if (next.promptTokens >= 0) {
        promptTokens = next.promptTokens;
    }
    if (next.outputTokens >= 0) {
        outputTokens = next.outputTokens;
    }
}

QByteArray OpenAiCompatibleParser::requestBody(const AiRequest &request, const QString &model)
{
    QJsonArray messages;
    if (!request.systemInstruction.isEmpty()) {
        messages.append(QJsonObject{{QLatin1String("role"), QLatin1String("system")},
                                    {QLatin1String("content"), request.systemInstruction}});
    }
    messages.append(QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                {QLatin1String("content"), request.prompt}});
    const QJsonObject body{{QLatin1String("model"), model},
                           {QLatin1String("messages"), messages},
                           {QLatin1String("temperature"), request.temperature},
                           {QLatin1String("max_tokens"), request.maxOutputTokens},
                           {QLatin1String("stream"), request.stream}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

FetchError OpenAiCompatibleParser::parseCompletion(const QByteArray &body, OpenAiResponse *out)
{
    *out = OpenAiResponse();
    return readResponse(body, QLatin1String("message"), out);
}

FetchError OpenAiCompatibleParser::parseStreamEvent(const QByteArray &data, OpenAiResponse *out)
{
    *out = OpenAiResponse();
    if (data.trimmed() == "[DONE]") {
        out->done = true;
        return FetchError();
    }
    return readResponse(data, QLatin1String("delta"), out);
}

FetchError OpenAiCompatibleParser::judge(const OpenAiResponse &answer, bool *incomplete)
{
    const QString &reason = answer.finishReason;
    const bool noText = answer.text.trimmed().isEmpty();
    const QString detail = QStringLiteral("finish_reason '%1', %2 chars, [DONE] %3")
                               .arg(reason)
                               .arg(answer.text.size())
                               .arg(answer.done ? QStringLiteral("seen") : QStringLiteral("missing"));
    *incomplete = reason == QLatin1String("length") || (!noText && reason.isEmpty());
    if (reason == QLatin1String("content_filter")) {
        return makeFetchError(
            Kind::SafetyBlocked,
            QCoreApplication::translate(
                "OpenAiCompatibleClient",
                "The model server filtered the answer (content_filter); change the request and try again."),
            detail);
    }
    if (noText && reason == QLatin1String("length")) {
        return makeFetchError(
            Kind::BadResponse,
            QCoreApplication::translate(
                "OpenAiCompatibleClient",
                "The answer was cut off before any text; raise the output token limit in Settings."),
            detail);
    }
    if (noText) {
        return makeFetchError(
            Kind::BadResponse,
            QCoreApplication::translate("OpenAiCompatibleClient",
                                        "The model sent an empty answer; try again or choose another model."),
            detail);
    }
    return FetchError();
}

bool OpenAiCompatibleParser::readErrorMessage(const QByteArray &body, QString *message)
{
    const QJsonObject root = QJsonDocument::fromJson(body).object();
    const QJsonValue error = root.value(QLatin1String("error"));
    if (error.isString()) {
        *message = error.toString();
        return true;
    }
    if (error.isObject()) {
        *message = error.toObject().value(QLatin1String("message")).toString();
        return true;
    }
    return false;
}

FetchError OpenAiCompatibleParser::errorFromResult(const HttpResult &result, const QUrl &baseUrl,
                                                   const QString &model, bool keyGiven)
{
    const QString server = serverName(baseUrl);
    const int status = result.status;
    if (result.ok()) {
        return FetchError();
    }
    if (status == 0 && result.error.kind == Kind::Offline) {
        return makeFetchError(
            Kind::Offline,
            QCoreApplication::translate("OpenAiCompatibleClient",
                                        "Could not connect to %1; is the local server (Ollama, "
                                        "llama.cpp, LM Studio) running at that address?")
                .arg(server),
            result.error.detail);
    }
    if (status == 0 && result.error.kind == Kind::Timeout) {
        return makeFetchError(
            Kind::Timeout,
            QCoreApplication::translate(
                "OpenAiCompatibleClient",
                "The model server at %1 did not answer in time; try a smaller model or a longer timeout.")
                .arg(server),
            result.error.detail);
    }
    if (status < 300) {
        return result.error;
    }
    QString said;
    readErrorMessage(result.body, &said);
    said = said.left(200).simplified();
    const QString detail =
        QStringLiteral("HTTP %1: %2").arg(status).arg(said.isEmpty() ? result.error.detail : said);
    switch (status) {
    case 401:
    case 403:
        return makeFetchError(
            Kind::Unauthorized,
            keyGiven
                ? QCoreApplication::translate("OpenAiCompatibleClient",
                                              "The server at %1 refused the API key; check it in Settings.")
                      .arg(server)
                : QCoreApplication::translate("OpenAiCompatibleClient",
                                              "The server at %1 needs an API key; enter it in Settings.")
                      .arg(server),
            detail, status);
    case 404:
        if (said.contains(QLatin1String("model"), Qt::CaseInsensitive)) {
            return makeFetchError(
                Kind::NotFound,
                QCoreApplication::translate("OpenAiCompatibleClient",
                                            "The model %1 is not installed on %2; install it (for Ollama: "
                                            "ollama pull %1) or choose another one in Settings.")
                    .arg(model, server),
                detail, status);
        }
        return makeFetchError(
            Kind::NotFound,
            QCoreApplication::translate("OpenAiCompatibleClient",
                                        "%1 has no OpenAI-compatible API at this address (HTTP 404); check "
                                        "the URL in Settings, it usually ends in /v1.")
                .arg(server),
            detail, status);
    case 429:
        return makeFetchError(
            Kind::RateLimited,
            QCoreApplication::translate("OpenAiCompatibleClient",
                                        "The model server at %1 is busy; wait a moment and try again.")
                .arg(server),
            detail, status, result.error.retryAfterSeconds);
    default:
        break;
    }
    if (status >= 500) {
        return makeFetchError(Kind::ServerError,
                              QCoreApplication::translate(
                                  "OpenAiCompatibleClient",
                                  "The model server at %1 failed (HTTP %2); check its console and try again.")
                                  .arg(server)
                                  .arg(status),
                              detail, status);
    }
    return makeFetchError(Kind::BadRequest,
                          QCoreApplication::translate(
                              "OpenAiCompatibleClient",
                              "The model server rejected the request (%1); check the model and settings.")
                              .arg(said.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : said),
                          detail, status);
}

FetchError OpenAiCompatibleParser::parseModels(const QByteArray &body, QList<AiModelInfo> *out)
{
    out->clear();
    QJsonObject root;
    if (const FetchError error = readObject(body, &root); error.isError()) {
        return error;
    }
    for (const QJsonValue &value : root.value(QLatin1String("data")).toArray()) {
        AiModelInfo info;
        info.id = value.toObject().value(QLatin1String("id")).toString();
        if (!info.id.isEmpty()) {
            out->append(info);
        }
    }
    return FetchError();
}

} // namespace ba
