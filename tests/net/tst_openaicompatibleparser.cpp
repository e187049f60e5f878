#include "ParserTestSupport.h"
#include "net/OpenAiCompatibleParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using ba::AiRequest;
using ba::FetchError;
using ba::HttpResult;
using ba::OpenAiCompatibleParser;
using ba::OpenAiResponse;
using Kind = ba::FetchError::Kind;

Q_DECLARE_METATYPE(ba::FetchError::Kind)

using ba::testing::failedHttp;

namespace {

const QUrl kBase(QStringLiteral("http://127.0.0.1:11434/v1"));

} // namespace

class TestOpenAiCompatibleParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestBody_withoutSystemInstruction_sendsOnlyTheUserMessage();
    void parseCompletion_nullContent_givesEmptyText();
    void parseStreamEvent_deltasDoneAndUsage();
    void parseStreamEvent_notJson_isBadResponse();
    void judge_eachEnding_givesExpectedVerdict_data();
    void judge_eachEnding_givesExpectedVerdict();
    void readErrorMessage_knowsEveryServersShape_data();
    void readErrorMessage_knowsEveryServersShape();
    void errorFromResult_eachStatus_givesKind_data();
    void errorFromResult_eachStatus_givesKind();
    void parseModels_readsIds();
};

void TestOpenAiCompatibleParser::requestBody_withoutSystemInstruction_sendsOnlyTheUserMessage()
{
    AiRequest request;
    request.prompt = QStringLiteral("Hi");
    request.stream = false;
    const QJsonObject body =
        QJsonDocument::fromJson(OpenAiCompatibleParser::requestBody(request, QStringLiteral("m"))).object();
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("user"));
    QCOMPARE(body.value(QLatin1String("stream")).toBool(true), false);
    QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), request.maxOutputTokens);
}

void TestOpenAiCompatibleParser::parseCompletion_nullContent_givesEmptyText()
{
    OpenAiResponse r;
    QVERIFY(
        !OpenAiCompatibleParser::parseCompletion(
             R"({"choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"stop"}],
                     "model":"qwen2.5:7b"})",
             &r)
             .isError());
    QVERIFY(r.hasChoice);
    QVERIFY(r.text.isEmpty());
    QCOMPARE(r.model, QStringLiteral("qwen2.5:7b"));
    QCOMPARE(r.promptTokens, -1); // no usage
}

void TestOpenAiCompatibleParser::parseStreamEvent_deltasDoneAndUsage()
{
    OpenAiResponse whole;
    OpenAiResponse part;
    QVERIFY(
        !OpenAiCompatibleParser::parseStreamEvent(
             R"({"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]})",
             &part)
             .isError());
    whole.append(part);
    QVERIFY(!OpenAiCompatibleParser::parseStreamEvent(
                 R"({"choices":[{"index":0,"delta":{"content":"lo €"},"finish_reason":"length"}],
                     "usage":{"prompt_tokens":5,"completion_tokens":2}})",
                 &part)
                 .isError());
    whole.append(part);
    QVERIFY(!OpenAiCompatibleParser::parseStreamEvent("[DONE]", &part).isError());
    QVERIFY(part.done);
    whole.append(part);
    QCOMPARE(whole.text, QStringLiteral("Hello €"));
    QCOMPARE(whole.finishReason, QStringLiteral("length"));
    QCOMPARE(whole.promptTokens, 5);
    QCOMPARE(whole.outputTokens, 2);
    QVERIFY(whole.done);
}

void TestOpenAiCompatibleParser::parseStreamEvent_notJson_isBadResponse()
{
    OpenAiResponse r;
    QCOMPARE(OpenAiCompatibleParser::parseStreamEvent("{\"choices\":[", &r).kind, Kind::BadResponse);
    QCOMPARE(OpenAiCompatibleParser::parseCompletion("<html></html>", &r).kind, Kind::BadResponse);
}

void TestOpenAiCompatibleParser::judge_eachEnding_givesExpectedVerdict_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("incomplete");
    QTest::newRow("stop") << QStringLiteral("ok") << QStringLiteral("stop") << Kind::None << false;
    QTest::newRow("length") << QStringLiteral("half") << QStringLiteral("length") << Kind::None << true;
    QTest::newRow("length-empty") << QString() << QStringLiteral("length") << Kind::BadResponse << true;
    QTest::newRow("filtered") << QString() << QStringLiteral("content_filter") << Kind::SafetyBlocked
                              << false;
    QTest::newRow("empty") << QStringLiteral("  ") << QStringLiteral("stop") << Kind::BadResponse << false;
    QTest::newRow("no-reason") << QStringLiteral("cut") << QString() << Kind::None << true;
}

void TestOpenAiCompatibleParser::judge_eachEnding_givesExpectedVerdict()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QFETCH(Kind, kind);
    QFETCH(bool, incomplete);
    OpenAiResponse answer;
    answer.text = text;
    answer.finishReason = reason;
    bool isIncomplete = !incomplete;
    const FetchError error = OpenAiCompatibleParser::judge(answer, &isIncomplete);
    QCOMPARE(error.kind, kind);
    QCOMPARE(isIncomplete, incomplete);
    QCOMPARE(error.userMessage.isEmpty(), kind == Kind::None);
}

void TestOpenAiCompatibleParser::readErrorMessage_knowsEveryServersShape_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("openai")
        << QByteArray(R"({"error":{"message":"Incorrect API key","type":"invalid_request_error"}})")
        << QStringLiteral("Incorrect API key");
    QTest::newRow("llama.cpp")
        << QByteArray(R"({"error":{"code":500,"message":"context full","type":"server_error"}})")
        << QStringLiteral("context full");
    QTest::newRow("ollama-native") << QByteArray(R"({"error":"model 'x' not found"})")
                                   << QStringLiteral("model 'x' not found");
}

void TestOpenAiCompatibleParser::readErrorMessage_knowsEveryServersShape()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QString got;
    QVERIFY(OpenAiCompatibleParser::readErrorMessage(body, &got));
    QCOMPARE(got, message);
    QVERIFY(!OpenAiCompatibleParser::readErrorMessage(R"({"choices":[]})", &got));
}

void TestOpenAiCompatibleParser::errorFromResult_eachStatus_givesKind_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("transport");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("refused") << 0 << QByteArray() << Kind::Offline << Kind::Offline
                             << QStringLiteral("http://127.0.0.1:11434/v1; is the local server");
    QTest::newRow("timeout") << 0 << QByteArray() << Kind::Timeout << Kind::Timeout
                             << QStringLiteral("did not answer in time");
    QTest::newRow("cancelled") << 0 << QByteArray() << Kind::Cancelled << Kind::Cancelled
                               << QStringLiteral("generic message");
    QTest::newRow("401") << 401 << QByteArray(R"({"error":{"message":"bad key"}})") << Kind::Unauthorized
                         << Kind::Unauthorized << QStringLiteral("refused the API key");
    QTest::newRow("404-model")
        << 404 << QByteArray(R"({"error":{"message":"model \"m\" not found, try pulling it first"}})")
        << Kind::NotFound << Kind::NotFound << QStringLiteral("ollama pull m");
    QTest::newRow("404-path") << 404 << QByteArray("404 page not found") << Kind::NotFound << Kind::NotFound
                              << QStringLiteral("ends in /v1");
    QTest::newRow("429") << 429 << QByteArray() << Kind::RateLimited << Kind::RateLimited
                         << QStringLiteral("busy");
    QTest::newRow("500") << 500 << QByteArray(R"({"error":"runner crashed"})") << Kind::ServerError
                         << Kind::ServerError << QStringLiteral("HTTP 500");
    QTest::newRow("400") << 400 << QByteArray(R"({"error":{"message":"max_tokens too large"}})")
                         << Kind::BadRequest << Kind::BadRequest << QStringLiteral("max_tokens too large");
}

void TestOpenAiCompatibleParser::errorFromResult_eachStatus_givesKind()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Kind, transport);
    QFETCH(Kind, kind);
    QFETCH(QString, messagePart);
    const FetchError error = OpenAiCompatibleParser::errorFromResult(failedHttp(status, transport, body),
                                                                     kBase, QStringLiteral("m"), true);
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.userMessage.contains(messagePart), qPrintable(error.userMessage));
}

void TestOpenAiCompatibleParser::parseModels_readsIds()
{
    QList<ba::AiModelInfo> models;
    QVERIFY(!OpenAiCompatibleParser::parseModels(
                 R"({"object":"list","data":[{"id":"a"},{"object":"model"},{"id":"b"}]})", &models)
                 .isError());
    QCOMPARE(models.size(), 2);
    QCOMPARE(models.at(1).id, QStringLiteral("b"));
    QCOMPARE(OpenAiCompatibleParser::parseModels("nope", &models).kind, Kind::BadResponse);
}

QTEST_GUILESS_MAIN(TestOpenAiCompatibleParser)
#include "tst_openaicompatibleparser.moc"
