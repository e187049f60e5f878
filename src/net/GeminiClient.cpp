#include "net/GeminiClient.h"

#include "logging/Correlation.h"
#include "net/AiHttpGeneration.h"
#include "net/GeminiParser.h"
#include "net/HttpClient.h"
#include "net/HttpReply.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcGemini, "ba.net.gemini")

namespace ba {

namespace {

QString stripModelsPrefix(QString id)
{
    id = id.trimmed();
    if (id.startsWith(QLatin1String("models/"))) {
        id.remove(0, 7);
    }
    return id;
}

// The id becomes part of the URL path: refuse anything that could change the path's meaning.
bool isSafeModelId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    return re.match(id).hasMatch();
}

FetchError makeError(FetchError::Kind kind, const QString &message, const QString &detail)
{
    FetchError e;
    e.kind = kind;
    e.userMessage = message;
    e.detail = detail;
    return e;
}

// One Gemini generation: stream events are GenerateContentResponse objects whose texts are shown
// as they come; a whole (non-stream) answer is parsed at the end. Either way GeminiParser::judge()
// decides whether the answer is usable.
class GeminiGeneration final : public AiHttpGeneration
{
public:
    GeminiGeneration(HttpClient *http, const HttpRequest &request, const AiResult &seed, const Limits &limits,
                     bool keyGiven, QObject *parent)
        : AiHttpGeneration(http, request, seed, limits, parent), m_keyGiven(keyGiven)
    {}

protected:
    void handleEvent(const SseEvent &event) override
    {
        const QByteArray data = event.data.toUtf8();
        GeminiApiError api;
        if (GeminiParser::readApiError(data, &api)) {
            m_streamError = GeminiParser::errorFromApiError(api, 0, seed().model, m_keyGiven);
            return;
        }
        GeminiResponse chunk;
        const FetchError error = GeminiParser::parseResponse(data, &chunk);
        if (error.isError()) {
            ++m_badEvents;
            qCWarning(lcGemini).noquote() << "skipped an unreadable stream event:" << error.detail;
            return;
        }
        m_answer.append(chunk);
        showText(chunk.text);
    }

    FetchError attemptError(const HttpResult &result) override
    {
        if (!result.ok()) {
            return GeminiParser::errorFromResult(result, seed().model, m_keyGiven);
        }
        return m_streamError;
    }

    void conclude(const HttpResult &result, const FetchError &error, AiResult *out) override
    {
        if (!isStreaming() && !error.isError()) {
            const FetchError parseError = GeminiParser::parseResponse(result.body, &m_answer);
            if (parseError.isError()) {
                out->error = parseError;
                out->error.httpStatus = result.status;
                return;
            }
        }
        out->text = m_answer.text;
        out->modelVersion = m_answer.modelVersion;
        out->finishReason = m_answer.finishReason;
        out->promptTokens = m_answer.promptTokens;
        out->outputTokens = m_answer.outputTokens;
        if (error.isError()) {
            out->error = error;
            out->incomplete = !out->text.isEmpty();
            return;
        }
        out->error = GeminiParser::judge(m_answer, &out->incomplete);
        if (out->error.isError()) {
            out->error.httpStatus = result.status;
            if (m_badEvents > 0) {
                out->error.detail += QStringLiteral("; %1 unreadable stream event(s)").arg(m_badEvents);
            }
        }
    }

    void resetAttempt() override
    {
        m_answer = GeminiResponse();
        m_streamError = FetchError();
        m_badEvents = 0;
    }

private:
    GeminiResponse m_answer;
    FetchError m_streamError;
    int m_badEvents = 0;
    bool m_keyGiven = false;
};

} // namespace

GeminiClient::GeminiClient(HttpClient *http, const Config &config, QObject *parent)
    : QObject(parent), m_http(http), m_config(config)
{}

GeminiClient::~GeminiClient()
{
    const auto running = std::exchange(m_running, {});
    for (const QPointer<AiGeneration> &generation : running) {
        if (generation) {
            generation->abort();
        }
    }
}

void GeminiClient::setConfig(const Config &config)
{
    m_config = config;
}

QString GeminiClient::model() const
{
    return stripModelsPrefix(m_config.model);
}

bool GeminiClient::isConfigured() const
{
    return !configError().isError();
}

QUrl GeminiClient::defaultBaseUrl()
{
    return QUrl(QStringLiteral("https://generativelanguage.googleapis.com/v1beta"));
}

QUrl GeminiClient::endpoint(const QString &path) const
{
    QUrl url = m_config.baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    url.setPath(basePath + path);
    url.setQuery(QString());
    return url;
}

QUrl GeminiClient::generateUrl(bool stream) const
{
    QUrl url =
        endpoint(QStringLiteral("/models/") + model() +
                 (stream ? QStringLiteral(":streamGenerateContent") : QStringLiteral(":generateContent")));
    if (stream) {
        url.setQuery(QStringLiteral("alt=sse"));
    }
    return url;
}

QUrl GeminiClient::modelsUrl() const
{
    QUrl url = endpoint(QStringLiteral("/models"));
    url.setQuery(QStringLiteral("pageSize=1000"));
    return url;
}

FetchError GeminiClient::configError() const
{
    using Kind = FetchError::Kind;
    if (m_config.apiKey.trimmed().isEmpty()) {
        return makeError(
            Kind::Unauthorized,
            QCoreApplication::translate(
                "GeminiClient",
                "A Gemini API key is needed; create one in Google AI Studio and enter it in Settings."),
            QStringLiteral("no Gemini API key configured"));
    }
    if (!isSafeModelId(model())) {
        return makeError(Kind::BadRequest,
                         QCoreApplication::translate(
                             "GeminiClient",
                             "\"%1\" is not a valid Gemini model id; choose one with Settings → List models.")
                             .arg(model()),
                         QStringLiteral("refused model id '%1'").arg(model()));
    }
    if (!m_config.baseUrl.isValid() || m_config.baseUrl.host().isEmpty()) {
        return makeError(
            Kind::BadRequest,
            QCoreApplication::translate("GeminiClient",
                                        "The Gemini address \"%1\" is not a valid URL; check it in Settings.")
                .arg(m_config.baseUrl.toDisplayString()),
            QStringLiteral("invalid Gemini base URL"));
    }
    return FetchError();
}

AiGeneration *GeminiClient::generate(const AiRequest &request)
{
    const QString correlationId =
        request.correlationId.isEmpty() ? currentCorrelationId() : request.correlationId;
    CorrelationScope scope(correlationId);
    AiResult seed;
    seed.provider = providerId();
    seed.model = model();

    HttpRequest http;
    http.url = generateUrl(request.stream);
    http.method = "POST";
    http.body = GeminiParser::requestBody(request);
    http.expect = request.stream ? HttpExpect::EventStream : HttpExpect::Json;
    http.timeoutMs = m_config.timeoutMs;
    http.maxBytes = m_config.maxBytes;
    http.correlationId = correlationId;
    http.source = providerId();
    http.headers = {
        {"Content-Type", "application/json"},
        {"Accept", request.stream ? QByteArray("text/event-stream") : QByteArray("application/json")},
        {"x-goog-api-key", m_config.apiKey.trimmed().toUtf8()}};

    const AiHttpGeneration::Limits limits{m_config.maxAttempts, m_config.maxRetryWaitSeconds};
    auto *generation =
        new GeminiGeneration(m_http, http, seed, limits, !m_config.apiKey.trimmed().isEmpty(), this);
    m_running.removeAll(nullptr);
    m_running.append(generation);
    connect(generation, &AiGeneration::finished, this,
            [this, generation] { m_running.removeAll(generation); });

    const FetchError error = configError();
    if (error.isError()) {
        qCWarning(lcGemini).noquote() << "not sending:" << error.detail;
        generation->failSoon(error);
        return generation;
    }
    qCInfo(lcGemini).noquote() << "generate" << seed.model << (request.stream ? "streamed" : "whole")
                               << "prompt" << request.prompt.size() << "chars, system"
                               << request.systemInstruction.size() << "chars, maxOutputTokens"
                               << request.maxOutputTokens;
    generation->start();
    return generation;
}

ApiReply<QList<AiModelInfo>> *GeminiClient::listModels()
{
    const bool keyGiven = !m_config.apiKey.trimmed().isEmpty();
    auto *call = new ApiReply<QList<AiModelInfo>>(
        [keyGiven](const HttpResult &result, QList<AiModelInfo> *out) {
            return result.ok() ? GeminiParser::parseModels(result.body, out)
                               : GeminiParser::errorFromResult(result, QString(), keyGiven);
        },
        this);
    if (!keyGiven || !m_http) {
        const FetchError error =
            keyGiven
                ? makeError(FetchError::Kind::Cancelled,
                            QCoreApplication::translate(
                                "GeminiClient", "The network is shutting down; restart the application."),
                            QStringLiteral("HttpClient is gone"))
                : configError();
        QTimer::singleShot(0, call, [call, error] { call->fail(error); });
        return call;
    }
    HttpRequest http;
    http.url = modelsUrl();
    http.expect = HttpExpect::Json;
    http.maxAttempts = m_config.maxAttempts;
    http.source = providerId();
    http.headers = {{"Accept", "application/json"}, {"x-goog-api-key", m_config.apiKey.trimmed().toUtf8()}};
    HttpReply *reply = m_http->send(http);
    const QPointer<HttpReply> guard(reply);
    call->setDetach([guard, call] {
        if (guard) {
            guard->disconnect(call); // the call finishes itself with Cancelled
            guard->abort();
        }
    });
    connect(reply, &HttpReply::finished, call, [call](const HttpResult &result) { call->deliver(result); });
    connect(reply, &HttpReply::retryScheduled, call, [call](int seconds) { call->notifyRetry(seconds); });
    return call;
}

} // namespace ba
