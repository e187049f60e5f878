#include "ParserTestSupport.h"
#include "fakes/FakeGemini.h"
#include "net/GeminiParser.h"
#include "net/SseParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using ba::AiModelInfo;
using ba::AiRequest;
using ba::FetchError;
using ba::GeminiApiError;
using ba::GeminiParser;
using ba::GeminiResponse;
using ba::HttpResult;
using Kind = ba::FetchError::Kind;

Q_DECLARE_METATYPE(ba::FetchError::Kind)

using ba::testing::failedHttp;
using ba::testing::sample;

namespace {

GeminiResponse parsed(const QByteArray &body)
{
    GeminiResponse r;
    const FetchError error = GeminiParser::parseResponse(body, &r);
    if (error.isError()) {
        qWarning("unexpected parse error: %s", qPrintable(error.detail));
    }
    return r;
}

} // namespace

class TestGeminiParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestBody_carriesPromptSystemInstructionAndGenerationConfig();
    void requestBody_withoutSystemInstruction_leavesItOut();
    void parseResponse_sample_readsTextUsageAndModelVersion();
    void parseResponse_sampleStreamEvents_appendToTheWholeAnswer();
    void parseResponse_thoughtParts_areNotPartOfTheText();
    void parseResponse_notAResponseObject_isBadResponse_data();
    void parseResponse_notAResponseObject_isBadResponse();
    void judge_eachEnding_givesExpectedVerdict_data();
    void judge_eachEnding_givesExpectedVerdict();
    void readApiError_invalidKeySample_readsStatusAndReason();
    void readApiError_rateLimit_readsRetryDelayAndQuotaIds();
    void readApiError_arrayWrappedOrNotAnError();
    void errorFromApiError_eachCase_givesKindAndClearMessage_data();
    void errorFromApiError_eachCase_givesKindAndClearMessage();
    void errorFromResult_transportError_isKeptAsIs();
    void errorFromResult_429WithoutRetryInfo_usesRetryAfterHeader();
    void errorFromResult_htmlFromAProxy_isJudgedByStatus();
    void parseModels_keepsTextModelsWithoutPrefix();
    void parseModels_notJson_isBadResponse();
    void parseDurationSeconds_roundsUp_data();
    void parseDurationSeconds_roundsUp();
};

void TestGeminiParser::requestBody_carriesPromptSystemInstructionAndGenerationConfig()
{
    AiRequest request;
    request.prompt = QStringLiteral("Résume le marché 🚀");
    request.systemInstruction = QStringLiteral("You are a careful analyst.");
    request.temperature = 0.7;
    request.maxOutputTokens = 1234;
    const QJsonObject body = QJsonDocument::fromJson(GeminiParser::requestBody(request)).object();
    const QJsonObject content = body.value(QLatin1String("contents")).toArray().at(0).toObject();
    QCOMPARE(content.value(QLatin1String("role")).toString(), QStringLiteral("user"));
    QCOMPARE(content.value(QLatin1String("parts"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             request.prompt);
    QCOMPARE(body.value(QLatin1String("systemInstruction"))
                 .toObject()
                 .value(QLatin1String("parts"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             request.systemInstruction);
    const QJsonObject config = body.value(QLatin1String("generationConfig")).toObject();
    QCOMPARE(config.value(QLatin1String("temperature")).toDouble(), 0.7);
    QCOMPARE(config.value(QLatin1String("maxOutputTokens")).toInt(), 1234);
}

void TestGeminiParser::requestBody_withoutSystemInstruction_leavesItOut()
{
    AiRequest request;
    request.prompt = QStringLiteral("Hi");
    const QJsonObject body = QJsonDocument::fromJson(GeminiParser::requestBody(request)).object();
    QVERIFY(!body.contains(QLatin1String("systemInstruction")));
    QVERIFY(body.contains(QLatin1String("contents")));
}

void TestGeminiParser::parseResponse_sample_readsTextUsageAndModelVersion()
{
    GeminiResponse r;
    QVERIFY(!GeminiParser::parseResponse(sample("gemini_generate_response_sample.json"), &r).isError());
    QCOMPARE(r.text, QStringLiteral("Learning patterns from data to make predictions.\n"));
    QVERIFY(r.hasCandidate);
    QCOMPARE(r.finishReason, QStringLiteral("STOP"));
    QCOMPARE(r.promptTokens, 8);
    QCOMPARE(r.outputTokens, 9);
    QCOMPARE(r.modelVersion, QStringLiteral("gemini-1.5-flash-latest"));
    QCOMPARE(r.responseId, QStringLiteral("UxQ6aM_sKbjFnvgPocrJaA"));
    QVERIFY(r.blockReason.isEmpty());
}

void TestGeminiParser::parseResponse_sampleStreamEvents_appendToTheWholeAnswer()
{
    ba::SseParser sse;
    const QList<ba::SseEvent> events = sse.feed(sample("gemini_stream_sse_sample.txt"));
    QCOMPARE(events.size(), 2);
    GeminiResponse first = parsed(events.at(0).data.toUtf8());
    QCOMPARE(first.text, QStringLiteral("1\n2\n"));
    QVERIFY(first.finishReason.isEmpty());
    QCOMPARE(first.outputTokens, 3);
    GeminiResponse whole = first;
    whole.append(parsed(events.at(1).data.toUtf8()));
    QCOMPARE(whole.text, QStringLiteral("1\n2\n3\n4\n5"));
    QCOMPARE(whole.finishReason, QStringLiteral("STOP"));
    QCOMPARE(whole.promptTokens, 8);
    QCOMPARE(whole.outputTokens, 8); // running totals: the last event wins
    QCOMPARE(whole.modelVersion, QStringLiteral("gemini-2.5-flash"));
}

void TestGeminiParser::parseResponse_thoughtParts_areNotPartOfTheText()
{
    const GeminiResponse r = parsed(R"({"candidates":[{"content":{"role":"model","parts":[
        {"text":"Let me think...","thought":true},{"text":"Answer."},{"functionCall":{"name":"f"}}]},
        "finishReason":"STOP"}]})");
    QCOMPARE(r.text, QStringLiteral("Answer."));
}

void TestGeminiParser::parseResponse_notAResponseObject_isBadResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("cut-off") << QByteArray(R"({"candidates": [{"content": {"parts": [{"text": "Hal)");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("number") << QByteArray("42");
}

void TestGeminiParser::parseResponse_notAResponseObject_isBadResponse()
{
    QFETCH(QByteArray, body);
    GeminiResponse r;
    const FetchError error = GeminiParser::parseResponse(body, &r);
    QCOMPARE(error.kind, Kind::BadResponse);
    QVERIFY(!error.userMessage.isEmpty());
}

void TestGeminiParser::judge_eachEnding_givesExpectedVerdict_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("incomplete");
    QTest::addColumn<QString>("messagePart");
    const auto cand = [](const char *text, const char *reason) -> QByteArray {
        return QByteArray(R"({"candidates":[{"content":{"role":"model","parts":[{"text":")") + text +
               R"("}]},"finishReason":")" + reason + R"("}]})";
    };
    const auto noContent = [](const char *reason) -> QByteArray {
        return QByteArray(R"({"candidates":[{"finishReason":")") + reason +
               R"(","index":0,"safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH","blocked":true}]}]})";
    };
    QTest::newRow("stop") << cand("Fine.", "STOP") << Kind::None << false << QString();
    QTest::newRow("max-tokens-partial")
        << cand("Half an ans", "MAX_TOKENS") << Kind::None << true << QString();
    QTest::newRow("max-tokens-no-parts")
        << QByteArray(R"({"candidates":[{"content":{"role":"model"},"finishReason":"MAX_TOKENS","index":0}],
                         "usageMetadata":{"promptTokenCount":8,"totalTokenCount":2055,"thoughtsTokenCount":2047}})")
        << Kind::BadResponse << true << QStringLiteral("cut off before any text");
    QTest::newRow("prompt-blocked") << QByteArray(
                                           R"({"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"}})")
                                    << Kind::SafetyBlocked << false << QStringLiteral("PROHIBITED_CONTENT");
    QTest::newRow("safety-no-content")
        << noContent("SAFETY") << Kind::SafetyBlocked << false << QStringLiteral("SAFETY");
    QTest::newRow("blocklist") << noContent("BLOCKLIST") << Kind::SafetyBlocked << false
                               << QStringLiteral("BLOCKLIST");
    QTest::newRow("spii") << noContent("SPII") << Kind::SafetyBlocked << false << QStringLiteral("SPII");
    QTest::newRow("prohibited") << noContent("PROHIBITED_CONTENT") << Kind::SafetyBlocked << false
                                << QStringLiteral("PROHIBITED_CONTENT");
    QTest::newRow("recitation") << noContent("RECITATION") << Kind::SafetyBlocked << false
                                << QStringLiteral("RECITATION");
    QTest::newRow("other") << noContent("OTHER") << Kind::BadResponse << false << QStringLiteral("OTHER");
    QTest::newRow("malformed-call") << noContent("MALFORMED_FUNCTION_CALL") << Kind::BadResponse << false
                                    << QStringLiteral("MALFORMED_FUNCTION_CALL");
    QTest::newRow("safety-after-text")
        << cand("Partly said", "SAFETY") << Kind::SafetyBlocked << true << QStringLiteral("SAFETY");
    QTest::newRow("stop-but-empty") << cand("", "STOP") << Kind::BadResponse << false
                                    << QStringLiteral("empty answer");
    QTest::newRow("nothing") << QByteArray(R"({"usageMetadata":{"promptTokenCount":3}})") << Kind::BadResponse
                             << false << QStringLiteral("no answer");
    QTest::newRow("stream-ended-without-reason")
        << QByteArray(R"({"candidates":[{"content":{"parts":[{"text":"so far"}]}}]})") << Kind::None << true
        << QString();
}

void TestGeminiParser::judge_eachEnding_givesExpectedVerdict()
{
    QFETCH(QByteArray, body);
    QFETCH(Kind, kind);
    QFETCH(bool, incomplete);
    QFETCH(QString, messagePart);
    bool isIncomplete = !incomplete;
    const FetchError error = GeminiParser::judge(parsed(body), &isIncomplete);
    QCOMPARE(error.kind, kind);
    QCOMPARE(isIncomplete, incomplete);
    if (kind != Kind::None) {
        QVERIFY2(error.userMessage.contains(messagePart), qPrintable(error.userMessage));
        QVERIFY(!error.detail.isEmpty());
    }
}

void TestGeminiParser::readApiError_invalidKeySample_readsStatusAndReason()
{
    GeminiApiError api;
    QVERIFY(GeminiParser::readApiError(sample("gemini_error_400_invalid_key.json"), &api));
    QCOMPARE(api.code, 400);
    QCOMPARE(api.status, QStringLiteral("INVALID_ARGUMENT"));
    QCOMPARE(api.reason, QStringLiteral("API_KEY_INVALID"));
    QCOMPARE(api.message, QStringLiteral("API key not valid. Please pass a valid API key."));
    QCOMPARE(api.retryDelaySeconds, -1);
}

void TestGeminiParser::readApiError_rateLimit_readsRetryDelayAndQuotaIds()
{
    GeminiApiError api;
    QVERIFY(GeminiParser::readApiError(
        ba::fakes::FakeGemini::rateLimitBody("3.045815053s", false, QStringLiteral("gemini-2.5-flash")),
        &api));
    QCOMPARE(api.status, QStringLiteral("RESOURCE_EXHAUSTED"));
    QCOMPARE(api.retryDelaySeconds, 4);
    QCOMPARE(api.quotaIds,
             QStringList{QStringLiteral("GenerateRequestsPerMinutePerProjectPerModel-FreeTier")});
    QVERIFY(!api.zeroQuota);

    QVERIFY(GeminiParser::readApiError(
        ba::fakes::FakeGemini::rateLimitBody("3s", true, QStringLiteral("gemini-2.0-flash")), &api));
    QVERIFY(api.zeroQuota);
    QCOMPARE(api.quotaIds.size(), 2);
}

void TestGeminiParser::readApiError_arrayWrappedOrNotAnError()
{
    GeminiApiError api;
    QVERIFY(GeminiParser::readApiError(R"([{"error":{"code":503,"message":"busy","status":"UNAVAILABLE"}}])",
                                       &api));
    QCOMPARE(api.code, 503);
    QVERIFY(!GeminiParser::readApiError(sample("gemini_generate_response_sample.json"), &api));
    QVERIFY(!GeminiParser::readApiError("[]", &api));
    QVERIFY(!GeminiParser::readApiError("<html>", &api));
}

void TestGeminiParser::errorFromApiError_eachCase_givesKindAndClearMessage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("keyGiven");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("retryAfter");
    using ba::fakes::FakeGemini;
    const QString model = QStringLiteral("gemini-9-ultra");
    QTest::newRow("400-invalid-key") << sample("gemini_error_400_invalid_key.json") << 400 << true
                                     << Kind::Unauthorized
                                     << QStringLiteral(
                                            "The Gemini API key was rejected; check it in Settings.")
                                     << -1;
    QTest::newRow("403-no-key") << sample("gemini_error_403_no_key.json") << 403 << false
                                << Kind::Unauthorized << QStringLiteral("A Gemini API key is needed") << -1;
    QTest::newRow("403-other") << FakeGemini::errorBody(
                                      403, QStringLiteral("PERMISSION_DENIED"),
                                      QStringLiteral("Your API key was reported as leaked."))
                               << 403 << true << Kind::Unauthorized << QStringLiteral("reported as leaked")
                               << -1;
    QTest::newRow("404-model") << FakeGemini::errorBody(404, QStringLiteral("NOT_FOUND"),
                                                        QStringLiteral("models/x is not found"))
                               << 404 << true << Kind::NotFound
                               << QStringLiteral("gemini-9-ultra is not available") << -1;
    QTest::newRow("429-short") << FakeGemini::rateLimitBody("3s", false, model) << 429 << true
                               << Kind::RateLimited << QStringLiteral("3 second") << 3;
    QTest::newRow("429-zero-quota") << FakeGemini::rateLimitBody("3s", true, model) << 429 << true
                                    << Kind::RateLimited << QStringLiteral("no quota") << -1;
    QTest::newRow("429-no-retry-info") << FakeGemini::rateLimitBody("", false, model) << 429 << true
                                       << Kind::RateLimited << QStringLiteral("wait a minute") << -1;
    QTest::newRow("503-overloaded") << sample("gemini_error_503.json") << 503 << true << Kind::ServerError
                                    << QStringLiteral("overloaded") << -1;
    QTest::newRow("500-internal") << FakeGemini::errorBody(500, QStringLiteral("INTERNAL"),
                                                           QStringLiteral("oops"))
                                  << 500 << true << Kind::ServerError << QStringLiteral("HTTP 500") << -1;
    QTest::newRow("400-region") << FakeGemini::errorBody(
                                       400, QStringLiteral("FAILED_PRECONDITION"),
                                       QStringLiteral("User location is not supported for the API use."))
                                << 400 << true << Kind::BadRequest << QStringLiteral("region") << -1;
    QTest::newRow("400-other") << FakeGemini::errorBody(400, QStringLiteral("INVALID_ARGUMENT"),
                                                        QStringLiteral("temperature must be at most 2"))
                               << 400 << true << Kind::BadRequest
                               << QStringLiteral("temperature must be at most 2") << -1;
}

void TestGeminiParser::errorFromApiError_eachCase_givesKindAndClearMessage()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(bool, keyGiven);
    QFETCH(Kind, kind);
    QFETCH(QString, messagePart);
    QFETCH(int, retryAfter);
    GeminiApiError api;
    QVERIFY(GeminiParser::readApiError(body, &api));
    const FetchError error =
        GeminiParser::errorFromApiError(api, status, QStringLiteral("gemini-9-ultra"), keyGiven);
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.retryAfterSeconds, retryAfter);
    QVERIFY2(error.userMessage.contains(messagePart), qPrintable(error.userMessage));
    QVERIFY(error.detail.contains(QString::number(status)));
    // Same verdict through the HttpResult path the client uses.
    QCOMPARE(GeminiParser::errorFromResult(failedHttp(status, Kind::BadRequest, body),
                                           QStringLiteral("gemini-9-ultra"), keyGiven)
                 .kind,
             kind);
}

void TestGeminiParser::errorFromResult_transportError_isKeptAsIs()
{
    const HttpResult offline = failedHttp(0, Kind::Offline, QByteArray());
    const FetchError error = GeminiParser::errorFromResult(offline, QStringLiteral("m"), true);
    QCOMPARE(error.kind, Kind::Offline);
    QCOMPARE(error.userMessage, QStringLiteral("generic message"));
    HttpResult ok;
    QVERIFY(!GeminiParser::errorFromResult(ok, QStringLiteral("m"), true).isError());
}

void TestGeminiParser::errorFromResult_429WithoutRetryInfo_usesRetryAfterHeader()
{
    HttpResult r = failedHttp(429, Kind::RateLimited,
                              ba::fakes::FakeGemini::rateLimitBody("", false, QStringLiteral("m")));
    r.error.retryAfterSeconds = 7;
    const FetchError error = GeminiParser::errorFromResult(r, QStringLiteral("m"), true);
    QCOMPARE(error.kind, Kind::RateLimited);
    QCOMPARE(error.retryAfterSeconds, 7);
}

void TestGeminiParser::errorFromResult_htmlFromAProxy_isJudgedByStatus()
{
    const FetchError error = GeminiParser::errorFromResult(
        failedHttp(502, Kind::ServerError, "<html>Bad Gateway</html>"), QStringLiteral("m"), true);
    QCOMPARE(error.kind, Kind::ServerError);
    QCOMPARE(error.detail, QStringLiteral("generic detail")); // HttpClient's detail carries the body excerpt
}

void TestGeminiParser::parseModels_keepsTextModelsWithoutPrefix()
{
    QList<AiModelInfo> models;
    const QByteArray body = R"({"models":[
        {"name":"models/gemini-2.5-flash","displayName":"Gemini 2.5 Flash","inputTokenLimit":1048576,
         "outputTokenLimit":65536,"supportedGenerationMethods":["generateContent","countTokens"]},
        {"name":"models/gemini-embedding-001","supportedGenerationMethods":["embedContent"]},
        {"name":"models/gemini-3-flash-preview","supportedGenerationMethods":["generateContent"]}],
        "nextPageToken":"abc"})";
    QVERIFY(!GeminiParser::parseModels(body, &models).isError());
    QCOMPARE(models.size(), 2);
    QCOMPARE(models.at(0).id, QStringLiteral("gemini-2.5-flash"));
    QCOMPARE(models.at(0).displayName, QStringLiteral("Gemini 2.5 Flash"));
    QCOMPARE(models.at(0).inputTokenLimit, 1048576);
    QCOMPARE(models.at(0).outputTokenLimit, 65536);
    QCOMPARE(models.at(1).id, QStringLiteral("gemini-3-flash-preview"));
    QCOMPARE(models.at(1).outputTokenLimit, -1);
}

void TestGeminiParser::parseModels_notJson_isBadResponse()
{
    QList<AiModelInfo> models;
    QCOMPARE(GeminiParser::parseModels("<html>", &models).kind, Kind::BadResponse);
    QVERIFY(!GeminiParser::parseModels("{}", &models).isError());
    QVERIFY(models.isEmpty());
}

void TestGeminiParser::parseDurationSeconds_roundsUp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("seconds");
    QTest::newRow("whole") << QStringLiteral("3s") << 3;
    QTest::newRow("fraction") << QStringLiteral("3.045815053s") << 4;
    QTest::newRow("zero") << QStringLiteral("0s") << 0;
    QTest::newRow("sub-second") << QStringLiteral("0.2s") << 1;
    QTest::newRow("long") << QStringLiteral("54000s") << 54000;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("no-unit") << QStringLiteral("3") << -1;
    QTest::newRow("negative") << QStringLiteral("-1s") << -1;
    QTest::newRow("minutes") << QStringLiteral("1m") << -1;
    QTest::newRow("text") << QStringLiteral("soon") << -1;
}

void TestGeminiParser::parseDurationSeconds_roundsUp()
{
    QFETCH(QString, text);
    QFETCH(int, seconds);
    QCOMPARE(GeminiParser::parseDurationSeconds(text), seconds);
}

QTEST_GUILESS_MAIN(TestGeminiParser)
#include "tst_geminiparser.moc"
