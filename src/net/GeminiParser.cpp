#include "net/GeminiParser.h"

#include "net/JsonReading.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <cmath>

namespace ba {

namespace {

using Kind = FetchError::Kind;

// Google's types end with the message name: "type.googleapis.com/google.rpc.RetryInfo".
bool isDetail(const QJsonObject &detail, QLatin1String name)
{
    return detail.value(QLatin1String("@type")).toString().endsWith(name);
}

void readText(const QJsonObject &candidate, QString *text)
{
    const QJsonArray parts =
        candidate.value(QLatin1String("content")).toObject().value(QLatin1String("parts")).toArray();
    for (const QJsonValue &part : parts) {
        const QJsonObject p = part.toObject();
        if (p.value(QLatin1String("thought")).toBool()) {
            continue; // thinking models may send their thought summary; it is not the answer
        }
        *text += p.value(QLatin1String("text")).toString();
    }
}

void readUsage(const QJsonObject &usage, GeminiResponse *out)
{
    if (usage.isEmpty()) {
        return;
    }
    // Protobuf JSON leaves out zero counts, so a missing count with usage present means 0.
    out->promptTokens = usage.value(QLatin1String("promptTokenCount")).toInt(0);
    out->outputTokens = usage.value(QLatin1String("candidatesTokenCount")).toInt(0);
}

bool isSafetyReason(const QString &reason)
{
    static const QStringList reasons = {QStringLiteral("SAFETY"), QStringLiteral("BLOCKLIST"),
                                        QStringLiteral("PROHIBITED_CONTENT"), QStringLiteral("SPII"),
                                        QStringLiteral("IMAGE_SAFETY")};
    return reasons.contains(reason);
}

FetchError unreadable(const QString &detail)
{
    return makeFetchError(
        Kind::BadResponse,
        QCoreApplication::translate("GeminiClient",
                                    "Gemini sent an answer the application cannot read; try again later."),
        detail);
}

} // namespace

void GeminiResponse::append(const GeminiResponse &next)
{
    text += next.text;
    hasCandidate = hasCandidate || next.hasCandidate;
    for (auto [mine, theirs] : {std::pair{&finishReason, &next.finishReason},
                                {&finishMessage, &next.finishMessage},
                                {&blockReason, &next.blockReason},
                                {&blockReasonMessage, &next.blockReasonMessage},
                                {&modelVersion, &next.modelVersion},
                                {&responseId, &next.responseId}}) {
        if (!theirs->isEmpty()) {
            *mine = *theirs;
        }
    }
    if (next.promptTokens >= 0) {
        promptTokens = next.promptTokens;
    }
    if (next.outputTokens >= 0) {
        outputTokens = next.outputTokens;
    }
}

QByteArray GeminiParser::requestBody(const AiRequest &request)
{
    const QJsonObject userPart{{QLatin1String("text"), request.prompt}};
    const QJsonObject content{{QLatin1String("role"), QLatin1String("user")},
                              {QLatin1String("parts"), QJsonArray{userPart}}};
    QJsonObject body{{QLatin1String("contents"), QJsonArray{content}}};
    if (!request.systemInstruction.isEmpty()) {
        const QJsonObject part{{QLatin1String("text"), request.systemInstruction}};
        body.insert(QLatin1String("systemInstruction"),
                    QJsonObject{{QLatin1String("parts"), QJsonArray{part}}});
    }
    body.insert(QLatin1String("generationConfig"),
                QJsonObject{{QLatin1String("temperature"), request.temperature},
                            {QLatin1String("maxOutputTokens"), request.maxOutputTokens}});
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

FetchError GeminiParser::parseResponse(const QByteArray &body, GeminiResponse *out)
{
    *out = GeminiResponse();
    QJsonObject root;
    if (QString problem; !readJsonObject(body, &root, &problem)) {
        return unreadable(problem);
    }
    const QJsonArray candidates = root.value(QLatin1String("candidates")).toArray();
    if (!candidates.isEmpty()) {
        const QJsonObject candidate = candidates.first().toObject();
        out->hasCandidate = true;
        readText(candidate, &out->text);
        out->finishReason = candidate.value(QLatin1String("finishReason")).toString();
        out->finishMessage = candidate.value(QLatin1String("finishMessage")).toString();
    }
    const QJsonObject feedback = root.value(QLatin1String("promptFeedback")).toObject();
    out->blockReason = feedback.value(QLatin1String("blockReason")).toString();
    out->blockReasonMessage = feedback.value(QLatin1String("blockReasonMessage")).toString();
    readUsage(root.value(QLatin1String("usageMetadata")).toObject(), out);
    out->modelVersion = root.value(QLatin1String("modelVersion")).toString();
    out->responseId = root.value(QLatin1String("responseId")).toString();
    return FetchError();
}

FetchError GeminiParser::judge(const GeminiResponse &answer, bool *incomplete)
{
    const QString &reason = answer.finishReason;
    const bool noText = answer.text.isEmpty();
    const QString detail = QStringLiteral("finishReason '%1', blockReason '%2', %3 chars")
                               .arg(reason, answer.blockReason)
                               .arg(answer.text.size());
    *incomplete = reason == QLatin1String("MAX_TOKENS") || (!noText && reason != QLatin1String("STOP"));
    if (!answer.blockReason.isEmpty() && noText) {
        return makeFetchError(
            Kind::SafetyBlocked,
            QCoreApplication::translate(
                "GeminiClient", "Gemini refused the prompt (reason: %1); change the request and try again.")
                .arg(answer.blockReason),
            QStringLiteral("prompt blocked: ") + detail);
    }
    if (reason == QLatin1String("MAX_TOKENS")) {
        return noText ? makeFetchError(Kind::BadResponse,
                                       QCoreApplication::translate(
                                           "GeminiClient", "The answer was cut off before any text; raise "
                                                           "the output token limit in Settings."),
                                       detail)
                      : FetchError();
    }
    if (isSafetyReason(reason)) {
        return makeFetchError(
            Kind::SafetyBlocked,
            QCoreApplication::translate(
                "GeminiClient",
                "Gemini stopped the answer for safety reasons (%1); change the request and try again.")
                .arg(reason),
            detail);
    }
    if (reason == QLatin1String("RECITATION")) {
        return makeFetchError(
            Kind::SafetyBlocked,
            QCoreApplication::translate(
                "GeminiClient",
                "Gemini withheld the answer because it repeated published text (RECITATION); try again."),
            detail);
    }
    if (reason == QLatin1String("STOP") || (reason.isEmpty() && !noText)) {
        // A stream may end without finishReason when the connection closes early: keep what came.
        return noText ? makeFetchError(Kind::BadResponse,
                                       QCoreApplication::translate("GeminiClient",
                                                                   "Gemini sent an empty answer; try again."),
                                       detail)
                      : FetchError();
    }
    if (reason.isEmpty()) {
        return makeFetchError(
            Kind::BadResponse,
            QCoreApplication::translate("GeminiClient", "Gemini sent no answer; try again."), detail);
    }
    return makeFetchError(
        Kind::BadResponse,
        QCoreApplication::translate("GeminiClient",
                                    "Gemini stopped without a usable answer (reason: %1); try again.")
            .arg(reason),
        detail);
}

bool GeminiParser::readApiError(const QByteArray &body, GeminiApiError *out)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    // streamGenerateContent without alt=sse answers errors inside an array.
    const QJsonObject root = doc.isArray() ? doc.array().at(0).toObject() : doc.object();
    const QJsonObject error = root.value(QLatin1String("error")).toObject();
    if (error.isEmpty()) {
        return false;
    }
    *out = GeminiApiError();
    out->code = error.value(QLatin1String("code")).toInt();
    out->message = error.value(QLatin1String("message")).toString();
    out->status = error.value(QLatin1String("status")).toString();
    static const QRegularExpression zeroLimit(QStringLiteral("limit: 0\\b"));
    out->zeroQuota = zeroLimit.match(out->message).hasMatch();
    for (const QJsonValue &value : error.value(QLatin1String("details")).toArray()) {
        const QJsonObject detail = value.toObject();
        if (isDetail(detail, QLatin1String("google.rpc.ErrorInfo"))) {
            out->reason = detail.value(QLatin1String("reason")).toString();
        } else if (isDetail(detail, QLatin1String("google.rpc.RetryInfo"))) {
            out->retryDelaySeconds =
                parseDurationSeconds(detail.value(QLatin1String("retryDelay")).toString());
        } else if (isDetail(detail, QLatin1String("google.rpc.QuotaFailure"))) {
            for (const QJsonValue &v : detail.value(QLatin1String("violations")).toArray()) {
                out->quotaIds.append(v.toObject().value(QLatin1String("quotaId")).toString());
                out->zeroQuota =
                    out->zeroQuota || v.toObject().value(QLatin1String("quotaValue")).toString() == u"0";
            }
        }
    }
    return true;
}

FetchError GeminiParser::errorFromApiError(const GeminiApiError &error, int httpStatus, const QString &model,
                                           bool keyGiven)
{
    const int status = httpStatus > 0 ? httpStatus : error.code;
    QStringList words{QStringLiteral("Gemini HTTP %1").arg(status), error.status, error.reason};
    words.removeAll(QString());
    const QString detail =
        words.join(QLatin1Char(' ')) + QStringLiteral(": ") + error.message.left(400).simplified();
    if (error.reason.startsWith(QLatin1String("API_KEY_")) || status == 401) {
        return makeFetchError(Kind::Unauthorized,
                              QCoreApplication::translate(
                                  "GeminiClient", "The Gemini API key was rejected; check it in Settings."),
                              detail, status);
    }
    if (status == 403) {
        if (!keyGiven || error.message.contains(QLatin1String("unregistered callers"))) {
            return makeFetchError(
                Kind::Unauthorized,
                QCoreApplication::translate(
                    "GeminiClient",
                    "A Gemini API key is needed; create one in Google AI Studio and enter it in Settings."),
                detail, status);
        }
        return makeFetchError(
            Kind::Unauthorized,
            QCoreApplication::translate(
                "GeminiClient",
                "Gemini refused this API key (%1); check the key and its project in Settings.")
                .arg(error.message.left(200)),
            detail, status);
    }
    if (status == 404 && model.isEmpty()) {
        return makeFetchError(
            Kind::NotFound,
            QCoreApplication::translate(
                "GeminiClient",
                "Gemini has no such address (HTTP 404); check the Gemini URL given with --gemini-url."),
            detail, status);
    }
    if (status == 404) {
        return makeFetchError(Kind::NotFound,
                              QCoreApplication::translate("GeminiClient",
                                                          "The model %1 is not available to this API key; "
                                                          "choose another one with Settings → List models.")
                                  .arg(model),
                              detail, status);
    }
    if (status == 429 || error.status == u"RESOURCE_EXHAUSTED") {
        if (error.zeroQuota) {
            return makeFetchError(Kind::RateLimited,
                                  QCoreApplication::translate(
                                      "GeminiClient", "The model %1 has no quota for this API key; choose "
                                                      "another model in Settings or enable billing.")
                                      .arg(model),
                                  detail, status);
        }
        const int wait = error.retryDelaySeconds;
        const QString message =
            wait > 0
                ? QCoreApplication::translate("GeminiClient",
                                              "Gemini's request limit is reached; try again in %n second(s).",
                                              nullptr, wait)
                : QCoreApplication::translate(
                      "GeminiClient", "Gemini's request limit is reached; wait a minute and try again.");
        return makeFetchError(Kind::RateLimited, message, detail, status, wait);
    }
    if (status >= 500) {
        return makeFetchError(
            Kind::ServerError,
            QCoreApplication::translate(
                "GeminiClient",
                "Gemini is overloaded or unavailable right now (HTTP %1); try again in a few minutes.")
                .arg(status),
            detail, status);
    }
    if (error.status == u"FAILED_PRECONDITION" && error.message.contains(QLatin1String("location"))) {
        return makeFetchError(
            Kind::BadRequest,
            QCoreApplication::translate("GeminiClient",
                                        "Gemini is not available in your region; use a local model instead."),
            detail, status);
    }
    const QString said =
        error.message.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : error.message.left(200);
    return makeFetchError(
        Kind::BadRequest,
        QCoreApplication::translate("GeminiClient",
                                    "Gemini rejected the request (%1); check the model and settings.")
            .arg(said),
        detail, status);
}

FetchError GeminiParser::errorFromResult(const HttpResult &result, const QString &model, bool keyGiven)
{
    if (result.ok()) {
        return FetchError();
    }
    if (result.status < 300) {
        return result.error; // transport failure, or an HTML page where JSON was expected
    }
    GeminiApiError api;
    if (!readApiError(result.body, &api)) {
        api = GeminiApiError(); // a proxy's page: judge by the status alone
    }
    FetchError error = errorFromApiError(api, result.status, model, keyGiven);
    if (error.kind == Kind::RateLimited && error.retryAfterSeconds < 0 && !api.zeroQuota) {
        error.retryAfterSeconds = result.error.retryAfterSeconds; // a Retry-After header, if any
    }
    if (api.message.isEmpty()) {
        error.detail = result.error.detail;
    }
    return error;
}

FetchError GeminiParser::parseModels(const QByteArray &body, QList<AiModelInfo> *out)
{
    out->clear();
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject()) {
        return unreadable(QStringLiteral("model list is not a JSON object"));
    }
    for (const QJsonValue &value : doc.object().value(QLatin1String("models")).toArray()) {
        const QJsonObject m = value.toObject();
        const QJsonArray methods = m.value(QLatin1String("supportedGenerationMethods")).toArray();
        QString id = m.value(QLatin1String("name")).toString();
        if (id.isEmpty() || !methods.contains(QJsonValue(QLatin1String("generateContent")))) {
            continue; // embedding, imagen, ... models cannot narrate
        }
        if (id.startsWith(QLatin1String("models/"))) {
            id.remove(0, 7);
        }
        AiModelInfo info;
        info.id = id;
        info.displayName = m.value(QLatin1String("displayName")).toString();
        info.description = m.value(QLatin1String("description")).toString();
        info.inputTokenLimit = m.value(QLatin1String("inputTokenLimit")).toInt(-1);
        info.outputTokenLimit = m.value(QLatin1String("outputTokenLimit")).toInt(-1);
        out->append(info);
    }
    return FetchError();
}

int GeminiParser::parseDurationSeconds(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)s\\s*$"));
    const QRegularExpressionMatch match = re.match(text);
    if (!match.hasMatch()) {
        return -1;
    }
    const double seconds = match.captured(1).toDouble();
    return seconds > 1e6 ? -1 : int(std::ceil(seconds));
}

} // namespace ba
