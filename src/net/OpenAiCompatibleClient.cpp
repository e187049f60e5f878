#include "net/OpenAiCompatibleClient.h"

#include "logging/Correlation.h"
#include "net/AiHttpGeneration.h"
#include "net/JsonReading.h"
#include "net/OpenAiCompatibleParser.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.net.openai")
} // namespace

namespace ba {

namespace {

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
            streamFailed(makeFetchError(
                FetchError::Kind::ServerError,
                QCoreApplication::translate(
                    "OpenAiCompatibleClient",
                    "The model server stopped with an error (%1); check its console and try again.")
                    .arg(message.left(200)),
                QStringLiteral("error event: ") + message));
            return;
        }
        OpenAiResponse chunk;
        const FetchError error = OpenAiCompatibleParser::parseStreamEvent(data, &chunk);
        if (error.isError()) {
            qCWarning(lc).noquote() << "skipped an unreadable stream event:" << error.detail;
            return;
        }
        m_answer.append(chunk);
        showText(chunk.text);
    }

    FetchError httpError(const HttpResult &result) override
    {
        return OpenAiCompatibleParser::errorFromResult(result, m_baseUrl, seed().model, m_keyGiven);
    }

    FetchError parseWhole(const QByteArray &body) override
    {
        return OpenAiCompatibleParser::parseCompletion(body, &m_answer);
    }

    void describeAnswer(AiResult *out) const override
    {
        out->text = m_answer.text;
        out->modelVersion = m_answer.model;
        out->finishReason = m_answer.finishReason;
        out->promptTokens = m_answer.promptTokens;
        out->outputTokens = m_answer.outputTokens;
    }

    FetchError judgeAnswer(bool *incomplete) const override
    {
        return OpenAiCompatibleParser::judge(m_answer, incomplete);
    }

    void resetAttempt() override { m_answer = OpenAiResponse(); }

private:
    OpenAiResponse m_answer;
    QUrl m_baseUrl;
    bool m_keyGiven = false;
};

} // namespace

OpenAiCompatibleClient::OpenAiCompatibleClient(HttpClient *http, const Config &config, QObject *parent)
    : QObject(parent), m_config(config), m_core(http, this)
{}

OpenAiCompatibleClient::~OpenAiCompatibleClient()
{
    m_core.abortAll();
}

void OpenAiCompatibleClient::setConfig(const Config &config)
{
    m_config = config;
}

bool OpenAiCompatibleClient::isConfigured() const
{
    return !configError(true).isError();
}

QUrl OpenAiCompatibleClient::chatUrl() const
{
    return AiClientCore::endpoint(m_config.baseUrl, QStringLiteral("/chat/completions"));
}

QUrl OpenAiCompatibleClient::modelsUrl() const
{
    return AiClientCore::endpoint(m_config.baseUrl, QStringLiteral("/models"));
}

FetchError OpenAiCompatibleClient::configError(bool needModel) const
{
    const QUrl &url = m_config.baseUrl;
    const bool http = url.scheme() == u"http" || url.scheme() == u"https";
    if (!url.isValid() || !http || url.host().isEmpty()) {
        return makeFetchError(
            FetchError::Kind::BadRequest,
            QCoreApplication::translate("OpenAiCompatibleClient",
                                        "The model server address \"%1\" is not a valid http(s) URL; check "
                                        "it in Settings (for Ollama: http://127.0.0.1:11434/v1).")
                .arg(url.toDisplayString()),
            QStringLiteral("invalid base URL"));
    }
    if (needModel && model().isEmpty()) {
        return makeFetchError(FetchError::Kind::BadRequest,
                              QCoreApplication::translate("OpenAiCompatibleClient",
                                                          "No local model is chosen; pick one in Settings."),
                              QStringLiteral("no model configured"));
    }
    return FetchError();
}

HttpHeaders OpenAiCompatibleClient::keyHeaders() const
{
    const QString key = m_config.apiKey.trimmed();
    if (key.isEmpty()) {
        return {};
    }
    return {{"Authorization", "Bearer " + key.toUtf8()}};
}

AiClientCore::Transport OpenAiCompatibleClient::transport() const
{
    return AiClientCore::Transport::of(providerId(), m_config);
}

AiGeneration *OpenAiCompatibleClient::generate(const AiRequest &request)
{
    const AiClientCore::Post post{chatUrl(), OpenAiCompatibleParser::requestBody(request, model()),
                                  keyHeaders()};
    auto *generation = m_core.create<OpenAiGeneration>(request, transport(), model(), post, m_config.baseUrl,
                                                       !m_config.apiKey.trimmed().isEmpty());
    CorrelationScope scope(generation->correlationId());
    if (m_core.launch(generation, configError(true), lc())) {
        qCInfo(lc).noquote() << "generate" << model() << "at" << m_config.baseUrl.host()
                             << (request.stream ? "streamed" : "whole") << "prompt" << request.prompt.size()
                             << "chars, max_tokens" << request.maxOutputTokens;
    }
    return generation;
}

ApiReply<QList<AiModelInfo>> *OpenAiCompatibleClient::listModels()
{
    const QUrl baseUrl = m_config.baseUrl;
    const bool keyGiven = !m_config.apiKey.trimmed().isEmpty();
    return m_core.listModels(
        modelsUrl(), AiClientCore::jsonHeaders(false, keyHeaders()), transport(),
        &OpenAiCompatibleParser::parseModels,
        [baseUrl, keyGiven](const HttpResult &result) {
            return OpenAiCompatibleParser::errorFromResult(result, baseUrl, QString(), keyGiven);
        },
        configError(false));
}

} // namespace ba
