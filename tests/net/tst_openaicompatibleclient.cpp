#include "AiGenerationRun.h"
#include "fakes/FakeOpenAi.h"
#include "net/HttpClient.h"
#include "net/OpenAiCompatibleClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <memory>

using ba::AiGeneration;
using ba::AiRequest;
using ba::AiResult;
using ba::OpenAiCompatibleClient;
using ba::fakes::FakeOpenAi;
using Kind = ba::FetchError::Kind;
using Mode = ba::fakes::FakeOpenAi::Mode;

using ba::testing::AiGenerationRun;
using ba::testing::runGeneration;

namespace {} // namespace

class TestOpenAiCompatibleClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void generate_whole_returnsTextUsageAndModel();
    void generate_stream_emitsDeltasWhoseConcatenationIsTheText();
    void generate_request_hasModelMessagesAndOptions_data();
    void generate_request_hasModelMessagesAndOptions();
    void generate_finishReasonLength_isIncompleteButKept_data();
    void generate_finishReasonLength_isIncompleteButKept();
    void generate_emptyAnswer_isBadResponse();
    void generate_serverDown_reportsOfflineAndNamesTheAddress();
    void generate_keySet_goesAsBearerHeader();
    void generate_keyMissingOrWrong_isUnauthorized();
    void generate_unknownModel_isNotFoundAndSuggestsPulling();
    void generate_serverError_retriesOnceThenReports();
    void generate_errorEventAfterText_keepsTextWithoutRetry();
    void generate_notConfigured_failsWithoutRequest();
    void listModels_returnsServerModelIds();

private:
    OpenAiCompatibleClient::Config config() const;
    AiRequest request(bool stream) const;

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ba::HttpClient> m_http;
    std::unique_ptr<FakeOpenAi> m_fake;
    std::unique_ptr<OpenAiCompatibleClient> m_client;
};

void TestOpenAiCompatibleClient::initTestCase()
{
    qRegisterMetaType<ba::AiResult>();
}

void TestOpenAiCompatibleClient::init()
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_http = std::make_unique<ba::HttpClient>(m_nam.get());
    ba::RetryPolicy policy;
    policy.baseDelayMs = 10;
    policy.maxDelayMs = 40;
    m_http->setRetryPolicy(policy);
    m_fake = std::make_unique<FakeOpenAi>();
    QVERIFY(m_fake->listen());
    m_client = std::make_unique<OpenAiCompatibleClient>(m_http.get(), config());
}

void TestOpenAiCompatibleClient::cleanup()
{
    m_client.reset();
    m_fake.reset();
    m_http.reset();
    m_nam.reset();
}

OpenAiCompatibleClient::Config TestOpenAiCompatibleClient::config() const
{
    OpenAiCompatibleClient::Config c;
    c.baseUrl = m_fake->baseUrl();
    c.model = QStringLiteral("llama3.2:3b");
    c.timeoutMs = 8000;
    return c;
}

AiRequest TestOpenAiCompatibleClient::request(bool stream) const
{
    AiRequest r;
    r.systemInstruction = QStringLiteral("You are a cautious market analyst.");
    r.prompt = QStringLiteral("Bitcoin: 61 234 € (+3 %). Résume.");
    r.temperature = 0.2;
    r.maxOutputTokens = 512;
    r.stream = stream;
    return r;
}

void TestOpenAiCompatibleClient::generate_whole_returnsTextUsageAndModel()
{
    const AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QCOMPARE(r.result.text, m_fake->answerText());
    QCOMPARE(r.result.provider, QStringLiteral("openai-compatible"));
    QCOMPARE(r.result.model, QStringLiteral("llama3.2:3b"));
    QCOMPARE(r.result.modelVersion, QStringLiteral("llama3.2:3b"));
    QCOMPARE(r.result.finishReason, QStringLiteral("stop"));
    QCOMPARE(r.result.promptTokens, 21);
    QCOMPARE(r.result.outputTokens, 17);
    QVERIFY(!r.result.incomplete);
    QVERIFY(r.deltas.isEmpty());
    QCOMPARE(r.finishedCount, 1);
}

void TestOpenAiCompatibleClient::generate_stream_emitsDeltasWhoseConcatenationIsTheText()
{
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QVERIFY(r.deltas.size() >= 3);
    QCOMPARE(r.deltas.join(QString()), m_fake->answerText());
    QCOMPARE(r.result.text, m_fake->answerText());
    QCOMPARE(r.result.finishReason, QStringLiteral("stop"));
    QCOMPARE(r.result.outputTokens, 17);
}

void TestOpenAiCompatibleClient::generate_request_hasModelMessagesAndOptions_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("whole") << false;
    QTest::newRow("stream") << true;
}

void TestOpenAiCompatibleClient::generate_request_hasModelMessagesAndOptions()
{
    QFETCH(bool, stream);
    runGeneration(m_client->generate(request(stream)));
    const ba::fakes::FakeRequest sent = m_fake->requests().last();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, QStringLiteral("/v1/chat/completions"));
    QVERIFY(!sent.hasHeader("Authorization"));
    const QJsonObject body = m_fake->lastRequestJson();
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("llama3.2:3b"));
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("role")).toString(), QStringLiteral("system"));
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("content")).toString(),
             request(stream).systemInstruction);
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("role")).toString(), QStringLiteral("user"));
    QCOMPARE(messages.at(1).toObject().value(QLatin1String("content")).toString(), request(stream).prompt);
    QCOMPARE(body.value(QLatin1String("temperature")).toDouble(), 0.2);
    QCOMPARE(body.value(QLatin1String("max_tokens")).toInt(), 512);
    QCOMPARE(body.value(QLatin1String("stream")).toBool(), stream);
}

void TestOpenAiCompatibleClient::generate_finishReasonLength_isIncompleteButKept_data()
{
    generate_request_hasModelMessagesAndOptions_data();
}

void TestOpenAiCompatibleClient::generate_finishReasonLength_isIncompleteButKept()
{
    QFETCH(bool, stream);
    m_fake->setMode(Mode::Length);
    const AiGenerationRun r = runGeneration(m_client->generate(request(stream)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QVERIFY(r.result.incomplete);
    QCOMPARE(r.result.finishReason, QStringLiteral("length"));
    QVERIFY(!r.result.text.isEmpty());
    QVERIFY(m_fake->answerText().startsWith(r.result.text));
    QVERIFY(r.result.text.size() < m_fake->answerText().size());
}

void TestOpenAiCompatibleClient::generate_emptyAnswer_isBadResponse()
{
    m_fake->setMode(Mode::EmptyAnswer);
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QCOMPARE(r.result.error.kind, Kind::BadResponse);
    QVERIFY(r.result.error.userMessage.contains(QLatin1String("empty answer")));
}

void TestOpenAiCompatibleClient::generate_serverDown_reportsOfflineAndNamesTheAddress()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there any more: connection refused
    OpenAiCompatibleClient::Config c = config();
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    m_client->setConfig(c);
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QCOMPARE(r.result.error.kind, Kind::Offline);
    QVERIFY2(r.result.error.userMessage.contains(c.baseUrl.toString()),
             qPrintable(r.result.error.userMessage));
    QVERIFY(r.result.error.userMessage.contains(QLatin1String("Ollama, llama.cpp, LM Studio")));
    QVERIFY(r.deltas.isEmpty());
}

void TestOpenAiCompatibleClient::generate_keySet_goesAsBearerHeader()
{
    m_fake->setRequiredKey(QStringLiteral("sk-local-123"));
    OpenAiCompatibleClient::Config c = config();
    c.apiKey = QStringLiteral("sk-local-123");
    m_client->setConfig(c);
    const AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QCOMPARE(m_fake->requests().last().header("Authorization"), QByteArray("Bearer sk-local-123"));
    QVERIFY(!m_fake->requests().last().target.contains("sk-local"));
}

void TestOpenAiCompatibleClient::generate_keyMissingOrWrong_isUnauthorized()
{
    m_fake->setRequiredKey(QStringLiteral("sk-local-123"));
    AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QCOMPARE(r.result.error.kind, Kind::Unauthorized);
    QVERIFY(r.result.error.userMessage.contains(QLatin1String("needs an API key")));
    OpenAiCompatibleClient::Config c = config();
    c.apiKey = QStringLiteral("sk-wrong");
    m_client->setConfig(c);
    r = runGeneration(m_client->generate(request(true)));
    QCOMPARE(r.result.error.kind, Kind::Unauthorized);
    QVERIFY(r.result.error.userMessage.contains(QLatin1String("refused the API key")));
    QCOMPARE(m_fake->chatRequestCount(), 2); // no retries for a refused key
}

void TestOpenAiCompatibleClient::generate_unknownModel_isNotFoundAndSuggestsPulling()
{
    OpenAiCompatibleClient::Config c = config();
    c.model = QStringLiteral("mistral:7b");
    m_client->setConfig(c);
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QCOMPARE(r.result.error.kind, Kind::NotFound);
    QCOMPARE(r.result.error.httpStatus, 404);
    QVERIFY2(r.result.error.userMessage.contains(QLatin1String("ollama pull mistral:7b")),
             qPrintable(r.result.error.userMessage));
}

void TestOpenAiCompatibleClient::generate_serverError_retriesOnceThenReports()
{
    m_fake->failNext(Mode::ServerError500);
    AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QCOMPARE(m_fake->chatRequestCount(), 2);
    m_fake->setMode(Mode::ServerError500);
    r = runGeneration(m_client->generate(request(false)));
    QCOMPARE(r.result.error.kind, Kind::ServerError);
    QVERIFY(r.result.error.userMessage.contains(QLatin1String("HTTP 500")));
    QCOMPARE(m_fake->chatRequestCount(), 2 + config().maxAttempts);
}

void TestOpenAiCompatibleClient::generate_errorEventAfterText_keepsTextWithoutRetry()
{
    m_fake->setMode(Mode::StreamError);
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QCOMPARE(r.result.error.kind, Kind::ServerError);
    QVERIFY(r.result.error.userMessage.contains(QLatin1String("failed to decode token")));
    QCOMPARE(r.deltas.size(), 1);
    QCOMPARE(r.result.text, r.deltas.first());
    QVERIFY(r.result.incomplete);
    QCOMPARE(m_fake->chatRequestCount(), 1);
}

void TestOpenAiCompatibleClient::generate_notConfigured_failsWithoutRequest()
{
    OpenAiCompatibleClient::Config c = config();
    c.model.clear();
    m_client->setConfig(c);
    QVERIFY(!m_client->isConfigured());
    AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QCOMPARE(r.result.error.kind, Kind::BadRequest);
    c = config();
    c.baseUrl = QUrl(QStringLiteral("file:///tmp/x"));
    m_client->setConfig(c);
    QVERIFY(!m_client->isConfigured());
    r = runGeneration(m_client->generate(request(false)));
    QCOMPARE(r.result.error.kind, Kind::BadRequest);
    QVERIFY(r.result.error.userMessage.contains(QLatin1String("11434")));
    QCOMPARE(m_fake->requests().size(), 0);
}

void TestOpenAiCompatibleClient::listModels_returnsServerModelIds()
{
    auto *reply = m_client->listModels();
    QList<ba::AiModelInfo> models;
    connect(reply, &ba::ApiCall::finished, this, [&models, reply] { models = reply->value(); });
    QSignalSpy spy(reply, &ba::ApiCall::finished);
    QVERIFY(spy.wait(5000));
    QCOMPARE(models.size(), 2);
    QCOMPARE(models.at(0).id, QStringLiteral("llama3.2:3b"));
    QCOMPARE(m_fake->requests().last().path, QStringLiteral("/v1/models"));
}

QTEST_GUILESS_MAIN(TestOpenAiCompatibleClient)
#include "tst_openaicompatibleclient.moc"
