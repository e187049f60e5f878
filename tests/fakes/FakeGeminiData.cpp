// FakeGemini's error bodies and model list (kept apart from the routing in FakeGemini.cpp).
#include "fakes/FakeGemini.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ba::fakes {

namespace {

QJsonObject violation(const char *metric, const char *quotaId, const QString &model)
{
    return QJsonObject{{QStringLiteral("quotaMetric"), QLatin1String(metric)},
                       {QStringLiteral("quotaId"), QLatin1String(quotaId)},
                       {QStringLiteral("quotaDimensions"),
                        QJsonObject{{QStringLiteral("location"), QStringLiteral("global")},
                                    {QStringLiteral("model"), model}}}};
}

QJsonObject modelEntry(const QString &id, const QString &displayName, const QStringList &methods)
{
    return QJsonObject{{QStringLiteral("name"), QString(QStringLiteral("models/") + id)},
                       {QStringLiteral("version"), QStringLiteral("001")},
                       {QStringLiteral("displayName"), displayName},
                       {QStringLiteral("description"), QStringLiteral("Fake model for tests")},
                       {QStringLiteral("inputTokenLimit"), 1048576},
                       {QStringLiteral("outputTokenLimit"), 65536},
                       {QStringLiteral("supportedGenerationMethods"), QJsonArray::fromStringList(methods)}};
}

} // namespace

QByteArray FakeGemini::rateLimitBody(const QByteArray &retryDelay, bool zeroQuota, const QString &model)
{
    // Shape and wording of a real answer (wire-formats.md 2.4); zeroQuota is the "limit: 0" variant
    // seen for models outside the key's free tier.
    const QString limit = zeroQuota ? QStringLiteral("0") : QStringLiteral("5");
    const QString message =
        QStringLiteral(
            "You exceeded your current quota, please check your plan and billing details. For more "
            "information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To "
            "monitor your current usage, head to: https://ai.dev/rate-limit. \n* Quota exceeded for "
            "metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: %1, "
            "model: %2\nPlease retry in %3.")
            .arg(limit, model, QString::fromLatin1(retryDelay));
    const QJsonObject help{
        {QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.Help")},
        {QStringLiteral("links"),
         QJsonArray{QJsonObject{
             {QStringLiteral("description"), QStringLiteral("Learn more about Gemini API quotas")},
             {QStringLiteral("url"), QStringLiteral("https://ai.google.dev/gemini-api/docs/rate-limits")}}}}};
    QJsonArray violations{violation("generativelanguage.googleapis.com/generate_content_free_tier_requests",
                                    "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", model)};
    if (zeroQuota) {
        violations.append(violation("generativelanguage.googleapis.com/generate_content_free_tier_requests",
                                    "GenerateRequestsPerDayPerProjectPerModel-FreeTier", model));
    }
    const QJsonObject quota{
        {QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.QuotaFailure")},
        {QStringLiteral("violations"), violations}};
    QJsonArray details{help, quota};
    if (!retryDelay.isEmpty()) {
        details.append(
            QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.RetryInfo")},
                        {QStringLiteral("retryDelay"), QString::fromLatin1(retryDelay)}});
    }
    const QJsonObject error{{QStringLiteral("code"), 429},
                            {QStringLiteral("message"), message},
                            {QStringLiteral("status"), QStringLiteral("RESOURCE_EXHAUSTED")},
                            {QStringLiteral("details"), details}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Indented);
}

FakeResponse FakeGemini::errorResponse(Mode mode, const QString &model) const
{
    switch (mode) {
    case Mode::InvalidKey400:
        return googleJson(400, sample(QStringLiteral("gemini_error_400_invalid_key.json")));
    case Mode::NoKey403:
        return googleJson(403, sample(QStringLiteral("gemini_error_403_no_key.json")));
    case Mode::ModelNotFound404:
        return googleJson(
            404, errorBody(404, QStringLiteral("NOT_FOUND"),
                           QStringLiteral("models/%1 is not found for API version v1beta, or is not "
                                          "supported for generateContent. Call ListModels to see the "
                                          "list of available models and their supported methods.")
                               .arg(model)));
    case Mode::RateLimited429:
        return googleJson(429, rateLimitBody(m_retryDelay, false, model));
    case Mode::ZeroQuota429:
        return googleJson(429, rateLimitBody("3s", true, model));
    case Mode::Unavailable503:
        return googleJson(503, sample(QStringLiteral("gemini_error_503.json")));
    default:
        break;
    }
    if (mode == Mode::MalformedJson) {
        return googleJson(200, "{\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hal");
    }
    return googleJson(
        500, errorBody(500, QStringLiteral("INTERNAL"), QStringLiteral("An internal error has occurred.")));
}

FakeResponse FakeGemini::listModels() const
{
    const QStringList generate{QStringLiteral("generateContent"), QStringLiteral("countTokens")};
    QStringList ids = m_knownModels;
    if (ids.isEmpty()) {
        ids = {QStringLiteral("gemini-2.5-flash"), QStringLiteral("gemini-2.5-pro"),
               QStringLiteral("gemini-3-flash-preview")};
    }
    QJsonArray models;
    for (const QString &id : ids) {
        models.append(modelEntry(id, id.toUpper(), generate));
    }
    // Not a text model: listModels() users must leave it out.
    models.insert(1,
                  modelEntry(QStringLiteral("gemini-embedding-001"), QStringLiteral("Gemini Embedding 001"),
                             {QStringLiteral("embedContent"), QStringLiteral("countTextTokens")}));
    return googleJson(
        200, QJsonDocument(QJsonObject{{QStringLiteral("models"), models}}).toJson(QJsonDocument::Indented));
}

} // namespace ba::fakes
