#include "AiGenerationRun.h"
#include "fakes/FakeGemini.h"
#include "logging/Correlation.h"
#include "net/GeminiClient.h"
#include "net/HttpClient.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using ba::AiGeneration;
using ba::AiRequest;
using ba::AiResult;
using ba::GeminiClient;
using ba::fakes::FakeGemini;
using Kind = ba::FetchError::Kind;
using Mode = ba::fakes::FakeGemini::Mode;

Q_DECLARE_METATYPE(ba::FetchError::Kind)
Q_DECLARE_METATYPE(ba::fakes::FakeGemini::Mode)

using ba::testing::AiGenerationRun;
using ba::testing::runGeneration;

namespace {

const QString kKey = QStringLiteral("AIzaFAKEtestKey0123456789abcdefghijklm");

QStringList g_lines;

void captureHandler(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_lines.append(QString::fromLatin1(context.category) + QLatin1Char(' ') + QLatin1Char('[') +
                   ba::currentCorrelationId() + QLatin1Char(']') + QLatin1Char(' ') + message);
}

// What one generation did, collected from its signals.
} // namespace

class TestGeminiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void generate_whole_returnsSampleTextUsageAndVersion();
    void generate_stream_emitsEachEventAndTheirConcatenationIsTheText();
    void generate_streamCutMidEventAndMidCharacter_decodesEveryCharacter();
    void generate_request_hasTheDocumentedUrlAndBody();
    void generate_key_onlyInHeaderNeverInUrlNorLog();
    void generate_eachAnswerCase_endsWithExpectedResult_data();
    void generate_eachAnswerCase_endsWithExpectedResult();
    void generate_on429WithShortRetryInfo_waitsOnceThenSucceeds();
    void generate_on429WithLongRetryInfo_reportsWhenToRetry();
    void generate_on503ThenSuccess_retriesAndSucceeds_data();
    void generate_on503ThenSuccess_retriesAndSucceeds();
    void generate_on503Always_givesUpAfterMaxAttempts();
    void generate_errorAfterTextWasShown_keepsTextAndDoesNotRetry();
    void generate_withoutKey_failsWithoutAnyRequest();
    void generate_unsafeModelId_failsWithoutAnyRequest();
    void generate_modelsPrefix_isAccepted();
    void generate_slowAnswer_latencyCoversTheWait();
    void abort_duringStream_finishesCancelledOnceKeepingText();
    void destroyingClient_cancelsRunningGeneration();
    void listModels_returnsOnlyTextModels();
    void listModels_badKey_isUnauthorized();
    void generate_redirectToAnotherHost_sendsNeitherKeyNorPrompt_data();
    void generate_redirectToAnotherHost_sendsNeitherKeyNorPrompt();
    void generate_streamStallsAfterFirstEvent_endsAtIdleTimeoutKeepingText();

private:
    GeminiClient::Config config() const;
    AiRequest request(bool stream) const;

    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ba::HttpClient> m_http;
    std::unique_ptr<FakeGemini> m_fake;
    std::unique_ptr<GeminiClient> m_client;
    QtMessageHandler m_previousHandler = nullptr;
};

void TestGeminiClient::initTestCase()
{
    qRegisterMetaType<ba::AiResult>();
    QLoggingCategory::setFilterRules(QStringLiteral("ba.*.debug=true"));
}

void TestGeminiClient::init()
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_http = std::make_unique<ba::HttpClient>(m_nam.get());
    ba::RetryPolicy policy;
    policy.baseDelayMs = 10; // fast back-off; the maths is tested with RetryPolicy
    policy.maxDelayMs = 40;
    m_http->setRetryPolicy(policy);
    m_fake = std::make_unique<FakeGemini>();
    QVERIFY(m_fake->listen());
    m_client = std::make_unique<GeminiClient>(m_http.get(), config());
    g_lines.clear();
    m_previousHandler = qInstallMessageHandler(captureHandler);
}

void TestGeminiClient::cleanup()
{
    qInstallMessageHandler(m_previousHandler);
    m_client.reset();
    m_fake.reset();
    m_http.reset();
    m_nam.reset();
}

GeminiClient::Config TestGeminiClient::config() const
{
    GeminiClient::Config c;
    c.baseUrl = m_fake->baseUrl();
    c.model = QStringLiteral("gemini-2.5-flash");
    c.apiKey = kKey;
    c.timeoutMs = 8000;
    return c;
}

AiRequest TestGeminiClient::request(bool stream) const
{
    AiRequest r;
    r.systemInstruction = QStringLiteral("You are a cautious market analyst.");
    r.prompt = QStringLiteral("Bitcoin: 61 234 € (+3 %). Résume.");
    r.temperature = 0.3;
    r.maxOutputTokens = 777;
    r.stream = stream;
    return r;
}

void TestGeminiClient::generate_whole_returnsSampleTextUsageAndVersion()
{
    const AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QCOMPARE(r.result.text, QStringLiteral("Learning patterns from data to make predictions.\n"));
    QCOMPARE(r.result.provider, QStringLiteral("gemini"));
    QCOMPARE(r.result.model, QStringLiteral("gemini-2.5-flash"));
    QCOMPARE(r.result.modelVersion, QStringLiteral("gemini-1.5-flash-latest"));
    QCOMPARE(r.result.finishReason, QStringLiteral("STOP"));
    QCOMPARE(r.result.promptTokens, 8);
    QCOMPARE(r.result.outputTokens, 9);
    QVERIFY(!r.result.incomplete);
    QVERIFY(r.deltas.isEmpty()); // a whole answer is not streamed
    QCOMPARE(r.finishedCount, 1);
}

void TestGeminiClient::generate_stream_emitsEachEventAndTheirConcatenationIsTheText()
{
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QCOMPARE(r.deltas, (QStringList{QStringLiteral("1\n2\n"), QStringLiteral("3\n4\n5")}));
    QCOMPARE(r.deltas.join(QString()), r.result.text);
    QCOMPARE(r.result.finishReason, QStringLiteral("STOP"));
    QCOMPARE(r.result.modelVersion, QStringLiteral("gemini-2.5-flash"));
    QCOMPARE(r.result.outputTokens, 8);
}

void TestGeminiClient::generate_streamCutMidEventAndMidCharacter_decodesEveryCharacter()
{
    m_fake->setMode(Mode::SplitStream);
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QVERIFY(r.deltas.size() >= 2);
    QCOMPARE(r.deltas.join(QString()), FakeGemini::defaultSplitText());
    QCOMPARE(r.result.text, FakeGemini::defaultSplitText());
    QVERIFY(!r.result.text.contains(QChar::ReplacementCharacter));
}

void TestGeminiClient::generate_request_hasTheDocumentedUrlAndBody()
{
    runGeneration(m_client->generate(request(true)));
    runGeneration(m_client->generate(request(false)));
    const QList<ba::fakes::FakeRequest> requests = m_fake->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).method, QByteArray("POST"));
    QCOMPARE(requests.at(0).target,
             QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"));
    QCOMPARE(requests.at(1).target, QByteArray("/v1beta/models/gemini-2.5-flash:generateContent"));
    QCOMPARE(requests.at(1).header("Content-Type"), QByteArray("application/json"));
    const QJsonObject body = m_fake->lastRequestJson();
    const QJsonObject content = body.value(QLatin1String("contents")).toArray().at(0).toObject();
    QCOMPARE(content.value(QLatin1String("role")).toString(), QStringLiteral("user"));
    QCOMPARE(content.value(QLatin1String("parts"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             request(false).prompt);
    QCOMPARE(body.value(QLatin1String("systemInstruction"))
                 .toObject()
                 .value(QLatin1String("parts"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             request(false).systemInstruction);
    const QJsonObject generation = body.value(QLatin1String("generationConfig")).toObject();
    QCOMPARE(generation.value(QLatin1String("temperature")).toDouble(), 0.3);
    QCOMPARE(generation.value(QLatin1String("maxOutputTokens")).toInt(), 777);
}

void TestGeminiClient::generate_key_onlyInHeaderNeverInUrlNorLog()
{
    AiRequest req = request(true);
    req.correlationId = QStringLiteral("r77");
    runGeneration(m_client->generate(req));
    m_fake->failNext(Mode::InvalidKey400);
    runGeneration(m_client->generate(request(false)));
    m_fake->failNext(Mode::Unavailable503, 3);
    runGeneration(m_client->generate(request(false)));
    QVERIFY(m_fake->requests().size() >= 4);
    for (const ba::fakes::FakeRequest &r : m_fake->requests()) {
        QCOMPARE(r.header("x-goog-api-key"), kKey.toUtf8());
        QVERIFY2(!r.target.contains(kKey.toUtf8()), r.target.constData());
        QVERIFY(!r.query.hasQueryItem(QStringLiteral("key")));
    }
    QVERIFY(!g_lines.isEmpty());
    for (const QString &line : std::as_const(g_lines)) {
        QVERIFY2(!line.contains(kKey), qPrintable(line));
        QVERIFY2(!line.contains(kKey.left(12)), qPrintable(line));
    }
    // The outcome line carries the caller's correlation id.
    const auto tagged = std::count_if(g_lines.cbegin(), g_lines.cend(), [](const QString &l) {
        return l.startsWith(QLatin1String("ba.net.ai [r77]"));
    });
    QCOMPARE(tagged, 1);
}

void TestGeminiClient::generate_eachAnswerCase_endsWithExpectedResult_data()
{
    QTest::addColumn<Mode>("mode");
    QTest::addColumn<bool>("stream");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("incomplete");
    QTest::addColumn<bool>("hasText");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<int>("requests");
    for (bool stream : {false, true}) {
        const auto row = [stream](const char *name) -> QTestData & {
            return QTest::addRow("%s-%s", name, stream ? "stream" : "whole");
        };
        row("prompt-blocked") << Mode::PromptBlocked << stream << Kind::SafetyBlocked << false << false
                              << QStringLiteral("SAFETY") << 1;
        row("safety-no-content") << Mode::SafetyNoContent << stream << Kind::SafetyBlocked << false << false
                                 << QStringLiteral("safety reasons (SAFETY)") << 1;
        row("max-tokens-partial") << Mode::MaxTokensPartial << stream << Kind::None << true << true
                                  << QString() << 1;
        row("max-tokens-empty") << Mode::MaxTokensEmpty << stream << Kind::BadResponse << true << false
                                << QStringLiteral("cut off before any text") << 1;
        row("recitation") << Mode::Recitation << stream << Kind::SafetyBlocked << false << false
                          << QStringLiteral("RECITATION") << 1;
        row("invalid-key-400") << Mode::InvalidKey400 << stream << Kind::Unauthorized << false << false
                               << QStringLiteral("The Gemini API key was rejected; check it in Settings.")
                               << 1;
        row("no-key-403") << Mode::NoKey403 << stream << Kind::Unauthorized << false << false
                          << QStringLiteral("A Gemini API key is needed") << 1;
        row("model-404") << Mode::ModelNotFound404 << stream << Kind::NotFound << false << false
                         << QStringLiteral("gemini-2.5-flash is not available") << 1;
        row("zero-quota-429") << Mode::ZeroQuota429 << stream << Kind::RateLimited << false << false
                              << QStringLiteral("no quota") << 1;
    }
    QTest::newRow("malformed-json-whole") << Mode::MalformedJson << false << Kind::BadResponse << false
                                          << false << QStringLiteral("cannot read") << 1;
    QTest::newRow("json-instead-of-stream") << Mode::MalformedJson << true << Kind::BadResponse << false
                                            << false << QStringLiteral("no answer") << 1;
}

void TestGeminiClient::generate_eachAnswerCase_endsWithExpectedResult()
{
    QFETCH(Mode, mode);
    QFETCH(bool, stream);
    QFETCH(Kind, kind);
    QFETCH(bool, incomplete);
    QFETCH(bool, hasText);
    QFETCH(QString, messagePart);
    QFETCH(int, requests);
    m_fake->setMode(mode);
    const AiGenerationRun r = runGeneration(m_client->generate(request(stream)));
    QCOMPARE(r.result.error.kind, kind);
    QCOMPARE(r.result.incomplete, incomplete);
    QCOMPARE(!r.result.text.isEmpty(), hasText);
    QCOMPARE(r.deltas.join(QString()), stream ? r.result.text : QString());
    QVERIFY2(r.result.error.userMessage.contains(messagePart), qPrintable(r.result.error.userMessage));
    QCOMPARE(m_fake->generateRequestCount(), requests);
    QCOMPARE(r.finishedCount, 1);
    if (kind == Kind::None && incomplete) {
        QCOMPARE(r.result.finishReason, QStringLiteral("MAX_TOKENS"));
        QVERIFY(m_fake->answerText().startsWith(r.result.text));
    }
}

void TestGeminiClient::generate_on429WithShortRetryInfo_waitsOnceThenSucceeds()
{
    m_fake->setRetryDelay("1s");
    m_fake->failNext(Mode::RateLimited429);
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QCOMPARE(r.retries, QList<int>{1});
    const QList<ba::fakes::FakeRequest> requests = m_fake->requests();
    QCOMPARE(requests.size(), 2);
    QVERIFY(requests.at(1).receivedMs - requests.at(0).receivedMs >= 950);
    QVERIFY(r.result.latencyMs >= 1000);
    QCOMPARE(r.deltas.join(QString()), r.result.text);
}

void TestGeminiClient::generate_on429WithLongRetryInfo_reportsWhenToRetry()
{
    m_fake->setRetryDelay("45s");
    m_fake->setMode(Mode::RateLimited429);
    const AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QCOMPARE(r.result.error.kind, Kind::RateLimited);
    QCOMPARE(r.result.error.retryAfterSeconds, 45);
    QCOMPARE(r.result.error.httpStatus, 429);
    QVERIFY2(r.result.error.userMessage.contains(QLatin1String("try again in 45 second")),
             qPrintable(r.result.error.userMessage));
    QCOMPARE(m_fake->generateRequestCount(), 1);
    QVERIFY(r.retries.isEmpty());
}

void TestGeminiClient::generate_on503ThenSuccess_retriesAndSucceeds_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("whole") << false;
    QTest::newRow("stream") << true;
}

void TestGeminiClient::generate_on503ThenSuccess_retriesAndSucceeds()
{
    QFETCH(bool, stream);
    m_fake->failNext(Mode::Unavailable503);
    const AiGenerationRun r = runGeneration(m_client->generate(request(stream)));
    QVERIFY2(!r.result.error.isError(), qPrintable(r.result.error.detail));
    QCOMPARE(m_fake->generateRequestCount(), 2);
    QCOMPARE(r.retries.size(), 1);
    QVERIFY(!r.result.text.isEmpty());
}

void TestGeminiClient::generate_on503Always_givesUpAfterMaxAttempts()
{
    m_fake->setMode(Mode::Unavailable503);
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QCOMPARE(r.result.error.kind, Kind::ServerError);
    QCOMPARE(r.result.error.httpStatus, 503);
    QVERIFY2(r.result.error.userMessage.contains(QLatin1String("Gemini is overloaded")),
             qPrintable(r.result.error.userMessage));
    QCOMPARE(m_fake->generateRequestCount(), config().maxAttempts);
    QCOMPARE(r.retries.size(), config().maxAttempts - 1);
}

void TestGeminiClient::generate_errorAfterTextWasShown_keepsTextAndDoesNotRetry()
{
    m_fake->setMode(Mode::StreamErrorEvent);
    m_fake->setAnswerText(QStringLiteral("abcdefghi"));
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QCOMPARE(r.result.error.kind, Kind::ServerError);
    QCOMPARE(r.deltas, QStringList{QStringLiteral("abc")});
    QCOMPARE(r.result.text, QStringLiteral("abc"));
    QVERIFY(r.result.incomplete);
    QCOMPARE(m_fake->generateRequestCount(), 1);
}

void TestGeminiClient::generate_withoutKey_failsWithoutAnyRequest()
{
    GeminiClient::Config c = config();
    c.apiKey = QStringLiteral("  ");
    m_client->setConfig(c);
    QVERIFY(!m_client->isConfigured());
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)));
    QCOMPARE(r.result.error.kind, Kind::Unauthorized);
    QVERIFY(r.result.error.userMessage.contains(QLatin1String("A Gemini API key is needed")));
    QCOMPARE(m_fake->requests().size(), 0);
}

void TestGeminiClient::generate_unsafeModelId_failsWithoutAnyRequest()
{
    GeminiClient::Config c = config();
    c.model = QStringLiteral("../../admin?x=");
    m_client->setConfig(c);
    QVERIFY(!m_client->isConfigured());
    const AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QCOMPARE(r.result.error.kind, Kind::BadRequest);
    QVERIFY(r.result.error.userMessage.contains(QLatin1String("List models")));
    QCOMPARE(m_fake->requests().size(), 0);
}

void TestGeminiClient::generate_modelsPrefix_isAccepted()
{
    GeminiClient::Config c = config();
    c.model = QStringLiteral("models/gemini-3-flash-preview");
    m_client->setConfig(c);
    QCOMPARE(m_client->model(), QStringLiteral("gemini-3-flash-preview"));
    const AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QVERIFY(!r.result.error.isError());
    QCOMPARE(m_fake->lastRequest().path,
             QStringLiteral("/v1beta/models/gemini-3-flash-preview:generateContent"));
}

void TestGeminiClient::generate_slowAnswer_latencyCoversTheWait()
{
    m_fake->setDelayMs(2000);
    const AiGenerationRun r = runGeneration(m_client->generate(request(false)));
    QVERIFY(!r.result.error.isError());
    QVERIFY2(r.result.latencyMs >= 2000 && r.result.latencyMs < 4000,
             qPrintable(QString::number(r.result.latencyMs)));
}

void TestGeminiClient::abort_duringStream_finishesCancelledOnceKeepingText()
{
    m_fake->setAnswerText(QStringLiteral("first second third"));
    m_fake->setChunkPauseMs(2000); // the rest comes long after the first event
    AiGeneration *generation = m_client->generate(request(true));
    QPointer<AiGeneration> guard(generation);
    AiGenerationRun out;
    connect(generation, &AiGeneration::textDelta, this, [&out, generation](const QString &t) {
        out.deltas.append(t);
        generation->abort(); // from inside the delta handler
    });
    connect(generation, &AiGeneration::finished, this, [&out](const AiResult &r) {
        out.result = r;
        ++out.finishedCount;
    });
    QTRY_COMPARE_WITH_TIMEOUT(out.finishedCount, 1, 5000);
    QCOMPARE(out.result.error.kind, Kind::Cancelled);
    QCOMPARE(out.deltas.size(), 1);
    QCOMPARE(out.result.text, out.deltas.first());
    QTRY_VERIFY(guard.isNull()); // deleted itself
    QCOMPARE(out.finishedCount, 1);
}

void TestGeminiClient::destroyingClient_cancelsRunningGeneration()
{
    m_fake->setDelayMs(3000);
    AiGeneration *generation = m_client->generate(request(false));
    AiGenerationRun out;
    connect(generation, &AiGeneration::finished, this, [&out](const AiResult &r) {
        out.result = r;
        ++out.finishedCount;
    });
    QTRY_COMPARE(m_fake->requests().size(), 1);
    m_client.reset();
    QCOMPARE(out.finishedCount, 1);
    QCOMPARE(out.result.error.kind, Kind::Cancelled);
}

void TestGeminiClient::listModels_returnsOnlyTextModels()
{
    auto *reply = m_client->listModels();
    QSignalSpy spy(reply, &ba::ApiCall::finished);
    QList<ba::AiModelInfo> models;
    connect(reply, &ba::ApiCall::finished, this, [&models, reply] { models = reply->value(); });
    QVERIFY(spy.wait(5000));
    QStringList ids;
    for (const auto &m : models) {
        ids.append(m.id);
    }
    QCOMPARE(ids, (QStringList{QStringLiteral("gemini-2.5-flash"), QStringLiteral("gemini-2.5-pro"),
                               QStringLiteral("gemini-3-flash-preview")}));
    QCOMPARE(m_fake->lastRequest().method, QByteArray("GET"));
    QCOMPARE(m_fake->lastRequest().path, QStringLiteral("/v1beta/models"));
    QCOMPARE(m_fake->lastRequest().header("x-goog-api-key"), kKey.toUtf8());
}

void TestGeminiClient::listModels_badKey_isUnauthorized()
{
    GeminiClient::Config c = config();
    c.apiKey.clear();
    m_client->setConfig(c);
    auto *reply = m_client->listModels();
    ba::FetchError error;
    connect(reply, &ba::ApiCall::finished, this, [&error, reply] { error = reply->error(); });
    QSignalSpy spy(reply, &ba::ApiCall::finished);
    QVERIFY(spy.wait(5000));
    QCOMPARE(error.kind, Kind::Unauthorized);
    QCOMPARE(m_fake->requests().size(), 0);
}

void TestGeminiClient::generate_redirectToAnotherHost_sendsNeitherKeyNorPrompt_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("stream");
    QTest::newRow("307 whole answer") << 307 << false;
    QTest::newRow("308 stream") << 308 << true;
    QTest::newRow("302 stream") << 302 << true;
}

void TestGeminiClient::generate_redirectToAnotherHost_sendsNeitherKeyNorPrompt()
{
    // Before the fix a 302/307 re-sent x-goog-api-key (and, for 307/308, the prompt) elsewhere.
    QFETCH(int, status);
    QFETCH(bool, stream);
    ba::fakes::FakeHttpServer thief;
    QVERIFY(thief.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    m_fake->server().routePrefix(
        "POST", QStringLiteral("/v1beta/models/"), [&](const ba::fakes::FakeRequest &) {
            return ba::fakes::FakeResponse::withType(status, "text/plain", {})
                .header("Location", thief.url(QStringLiteral("/v1beta/models/steal")).toEncoded());
        });
    const AiGenerationRun r = runGeneration(m_client->generate(request(stream)));
    QCOMPARE(r.result.error.kind, Kind::BadResponse);
    QVERIFY2(r.result.error.userMessage.contains(QLatin1String("127.0.0.2")),
             qPrintable(r.result.error.userMessage));
    QCOMPARE(thief.requestCount(), 0);
    QCOMPARE(m_fake->server().requestCount(), 1); // refused, not retried
    for (const QString &line : std::as_const(g_lines)) {
        QVERIFY2(!line.contains(kKey), qPrintable(line));
    }
}

void TestGeminiClient::generate_streamStallsAfterFirstEvent_endsAtIdleTimeoutKeepingText()
{
    m_fake->server().routePrefix(
        "POST", QStringLiteral("/v1beta/models/"), [](const ba::fakes::FakeRequest &) {
            ba::fakes::FakeResponse response =
                ba::fakes::FakeResponse::withType(200, "text/event-stream", {});
            response.omitContentLength = true;
            response.chunks = {
                "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Bitcoin \"}]}}]}\r\n\r\n",
                "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"never\"}]}}]}\r\n\r\n"};
            response.chunkPauseMs = 60000; // then silence
            return response;
        });
    GeminiClient::Config c = config();
    c.timeoutMs = 60000;
    c.idleTimeoutMs = 500;
    m_client->setConfig(c);
    QElapsedTimer clock;
    clock.start();
    const AiGenerationRun r = runGeneration(m_client->generate(request(true)), 20000);
    QCOMPARE(r.result.error.kind, Kind::Timeout);
    QCOMPARE(r.result.text, QStringLiteral("Bitcoin "));
    QVERIFY(r.result.incomplete);
    QCOMPARE(r.finishedCount, 1);
    QVERIFY2(clock.elapsed() < 15000, "a stalled stream must end at the idle timeout");
}

QTEST_GUILESS_MAIN(TestGeminiClient)
#include "tst_geminiclient.moc"
