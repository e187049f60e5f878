#include "net/OpenAiCompatibleClient.h"

#include "logging/Correlation.h"
#include "net/AiHttpGeneration.h"
#include "net/HttpClient.h"
#include "net/HttpReply.h"
#include "net/OpenAiCompatibleParser.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcOpenAi, "ba.net.openai")

namespace ba {

namespace {

FetchError makeError(FetchError::Kind kind, const QString &message, const QString &detail)
{
    FetchError e;
    e.kind = kind;
    e.userMessage = message;
    e.detail = detail;
    return e;
}

// One chat completion: stream events are chat.completion.chunk objects (then [DONE]); a whole
// answer is parsed at the end. OpenAiCompatibleParser::judge() decides whether it is usable.
class OpenAiGeneration final : public AiHttpGeneration
{
public:
    OpenAiGeneration(HttpClient *http, const HttpRequest &request, const AiResult &seed, const Limits &limits,
                     const QUrl &baseUrl, bool keyGiven, QObject *parent)
        : AiHttpGeneration(http, request, seed, limits, parent), m_baseUrl(baseUrl), m_keyGiven(keyGiven)
    {}

protected:
    void handleEvent(const SseEvent &event) override
    {
        const QByteArray data = event.data.toUtf8();
        QString message;
        if (OpenAiCompatibleParser::readErrorMessage(data, &message)) {
            // llama.cpp reports failures inside the stream, with HTTP 200.
            m_streamError =
                makeError(FetchError::Kind::ServerError,
                          QCoreApplication::translate(
                              "OpenAiCompatibleClient",
                              "The model server stopped with an error (%1); check its console and try again.")
                              .arg(message.left(200)),
                          QStringLiteral("error event: ") + message);
            return;
        }
        OpenAiResponse chunk;
        const FetchError error = OpenAiCompatibleParser::parseStreamEvent(data, &chunk);
        if (error.isError()) {
            qCWarning(lcOpenAi).noquote() << "skipped an unreadable stream event:" << error.detail;
            return;
        }
        m_answer.append(chunk);
        showText(chunk.text);
    }

    FetchError attemptError(const HttpResult &result) override
    {
        if (!result.ok()) {
            return OpenAiCompatibleParser::errorFromResult(result, m_baseUrl, seed().model, m_keyGiven);
        }
        return m_streamError;
    }

    void conclude(const HttpResult &result, const FetchError &error, AiResult *out) override
    {
        if (!isStreaming() && !error.isError()) {
            const FetchError parseError = OpenAiCompatibleParser::parseCompletion(result.body, &m_answer);
            if (parseError.isError()) {
                out->error = parseError;
                out->error.httpStatus = result.status;
                return;
            }
        }
        out->text = m_answer.text;
        out->modelVersion = m_answer.model;
        out->finishReason = m_answer.finishReason;
        out->promptTokens = m_answer.promptTokens;
        out->outputTokens = m_answer.outputTokens;
        if (error.isError()) {
            out->error = error;
            out->incomplete = !out->text.isEmpty();
            return;
        }
        out->error = OpenAiCompatibleParser::judge(m_answer, &out->incomplete);
        if (out->error.isError()) {
            out->error.httpStatus = result.status;
        }
    }

    void resetAttempt() override
    {
        m_answer = OpenAiResponse();
        m_streamError = FetchError();
    }

private:
    OpenAiResponse m_answer;
    FetchError m_streamError;
    QUrl m_baseUrl;
    bool m_keyGiven = false;
};

} // namespace

OpenAiCompatibleClient::OpenAiCompatibleClient(HttpClient *http, const Config &config, QObject *parent)
    : QObject(parent), m_http(http), m_config(config)
{}

OpenAiCompatibleClient::~OpenAiCompatibleClient()
{
    const auto running = std::exchange(m_running, {});
    for (const QPointer<AiGeneration> &generation : running) {
        if (generation) {
            generation->abort();
        }
    }
}

void OpenAiCompatibleClient::setConfig(const Config &config)
{
    m_config = config;
}

bool OpenAiCompatibleClient::isConfigured() const
{
    return !configError(true).isError();
}

QUrl OpenAiCompatibleClient::endpoint(const QString &path) const
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

QUrl OpenAiCompatibleClient::chatUrl() const
{
    return endpoint(QStringLiteral("/chat/completions"));
}

QUrl OpenAiCompatibleClient::modelsUrl() const
{
    return endpoint(QStringLiteral("/models"));
}

FetchError OpenAiCompatibleClient::configError(bool needModel) const
{
    const QUrl &url = m_config.baseUrl;
    const bool http = url.scheme() == u"http" || url.scheme() == u"https";
    if (!url.isValid() || !http || url.host().isEmpty()) {
        return makeError(
            FetchError::Kind::BadRequest,
            QCoreApplication::translate("OpenAiCompatibleClient",
                                        "The model server address \"%1\" is not a valid http(s) URL; check "
                                        "it in Settings (for Ollama: http://127.0.0.1:11434/v1).")
                .arg(url.toDisplayString()),
            QStringLiteral("invalid base URL"));
    }
    if (needModel && model().isEmpty()) {
        return makeError(FetchError::Kind::BadRequest,
                         QCoreApplication::translate("OpenAiCompatibleClient",
                                                     "No local model is chosen; pick one in Settings."),
                         QStringLiteral("no model configured"));
    }
    return FetchError();
}

HttpHeaders OpenAiCompatibleClient::headers(bool stream) const
{
    HttpHeaders list{{"Content-Type", "application/json"},
                     {"Accept", stream ? QByteArray("text/event-stream") : QByteArray("application/json")}};
    const QString key = m_config.apiKey.trimmed();
    if (!key.isEmpty()) {
        list.append({"Authorization", "Bearer " + key.toUtf8()});
    }
    return list;
}

AiGeneration *OpenAiCompatibleClient::generate(const AiRequest &request)
{
    const QString correlationId =
        request.correlationId.isEmpty() ? currentCorrelationId() : request.correlationId;
    CorrelationScope scope(correlationId);
    AiResult seed;
    seed.provider = providerId();
    seed.model = model();

    HttpRequest http;
    http.url = chatUrl();
    http.method = "POST";
    http.body = OpenAiCompatibleParser::requestBody(request, model());
    http.expect = request.stream ? HttpExpect::EventStream : HttpExpect::Json;
    http.timeoutMs = m_config.timeoutMs;
    http.maxBytes = m_config.maxBytes;
    http.correlationId = correlationId;
    http.source = providerId();
    http.headers = headers(request.stream);

    const AiHttpGeneration::Limits limits{m_config.maxAttempts, m_config.maxRetryWaitSeconds};
    auto *generation = new OpenAiGeneration(m_http, http, seed, limits, m_config.baseUrl,
                                            !m_config.apiKey.trimmed().isEmpty(), this);
    m_running.removeAll(nullptr);
    m_running.append(generation);
    connect(generation, &AiGeneration::finished, this,
            [this, generation] { m_running.removeAll(generation); });

    const FetchError error = configError(true);
    if (error.isError()) {
        qCWarning(lcOpenAi).noquote() << "not sending:" << error.detail;
        generation->failSoon(error);
        return generation;
    }
    qCInfo(lcOpenAi).noquote() << "generate" << seed.model << "at" << m_config.baseUrl.host()
                               << (request.stream ? "streamed" : "whole") << "prompt" << request.prompt.size()
                               << "chars, max_tokens" << request.maxOutputTokens;
    generation->start();
    return generation;
}

ApiReply<QList<AiModelInfo>> *OpenAiCompatibleClient::listModels()
{
    const QUrl baseUrl = m_config.baseUrl;
    const bool keyGiven = !m_config.apiKey.trimmed().isEmpty();
    auto *call = new ApiReply<QList<AiModelInfo>>(
        [baseUrl, keyGiven](const HttpResult &result, QList<AiModelInfo> *out) {
            return result.ok()
                       ? OpenAiCompatibleParser::parseModels(result.body, out)
                       : OpenAiCompatibleParser::errorFromResult(result, baseUrl, QString(), keyGiven);
        },
        this);
    FetchError error = configError(false);
    if (!error.isError() && !m_http) {
        error =
            makeError(FetchError::Kind::Cancelled,
                      QCoreApplication::translate("OpenAiCompatibleClient",
                                                  "The network is shutting down; restart the application."),
                      QStringLiteral("HttpClient is gone"));
    }
    if (error.isError()) {
        QTimer::singleShot(0, call, [call, error] { call->fail(error); });
        return call;
    }
    HttpRequest http;
    http.url = modelsUrl();
    http.expect = HttpExpect::Json;
    http.maxAttempts = m_config.maxAttempts;
    http.source = providerId();
    http.headers = headers(false);
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
