#include "net/GeminiClient.h"

#include "logging/Correlation.h"
#include "net/AiHttpGeneration.h"
#include "net/GeminiParser.h"
#include "net/JsonReading.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.net.gemini")
} // namespace

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
            streamFailed(GeminiParser::errorFromApiError(api, 0, seed().model, m_keyGiven));
            return;
        }
        GeminiResponse chunk;
        const FetchError error = GeminiParser::parseResponse(data, &chunk);
        if (error.isError()) {
            ++m_badEvents;
            qCWarning(lc).noquote() << "skipped an unreadable stream event:" << error.detail;
            return;
        }
        m_answer.append(chunk);
        showText(chunk.text);
    }

    FetchError httpError(const HttpResult &result) override
    {
        return GeminiParser::errorFromResult(result, seed().model, m_keyGiven);
    }

    FetchError parseWhole(const QByteArray &body) override
    {
        return GeminiParser::parseResponse(body, &m_answer);
    }

    void describeAnswer(AiResult *out) const override
    {
        out->text = m_answer.text;
        out->modelVersion = m_answer.modelVersion;
        out->finishReason = m_answer.finishReason;
        out->promptTokens = m_answer.promptTokens;
        out->outputTokens = m_answer.outputTokens;
    }

    FetchError judgeAnswer(bool *incomplete) const override
    {
        FetchError error = GeminiParser::judge(m_answer, incomplete);
        if (error.isError() && m_badEvents > 0) {
            error.detail += QStringLiteral("; %1 unreadable stream event(s)").arg(m_badEvents);
        }
        return error;
    }

    void resetAttempt() override
    {
        m_answer = GeminiResponse();
        m_badEvents = 0;
    }

private:
    GeminiResponse m_answer;
    int m_badEvents = 0;
    bool m_keyGiven = false;
};

} // namespace

GeminiClient::GeminiClient(HttpClient *http, const Config &config, QObject *parent)
    : QObject(parent), m_config(config), m_core(http, this)
{}

GeminiClient::~GeminiClient()
{
    m_core.abortAll();
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

QUrl GeminiClient::generateUrl(bool stream) const
{
    QUrl url = AiClientCore::endpoint(m_config.baseUrl, QStringLiteral("/models/") + model() +
                                                            (stream ? QStringLiteral(":streamGenerateContent")
                                                                    : QStringLiteral(":generateContent")));
    if (stream) {
        url.setQuery(QStringLiteral("alt=sse"));
    }
    return url;
}

QUrl GeminiClient::modelsUrl() const
{
    QUrl url = AiClientCore::endpoint(m_config.baseUrl, QStringLiteral("/models"));
    url.setQuery(QStringLiteral("pageSize=1000"));
    return url;
}

FetchError GeminiClient::configError() const
{
    using Kind = FetchError::Kind;
    if (m_config.apiKey.trimmed().isEmpty()) {
        return makeFetchError(
            Kind::Unauthorized,
            QCoreApplication::translate(
                "GeminiClient",
                "A Gemini API key is needed; create one in Google AI Studio and enter it in Settings."),
            QStringLiteral("no Gemini API key configured"));
    }
    if (!isSafeModelId(model())) {
        return makeFetchError(
            Kind::BadRequest,
            QCoreApplication::translate(
                "GeminiClient",
                "\"%1\" is not a valid Gemini model id; choose one with Settings → List models.")
                .arg(model()),
            QStringLiteral("refused model id '%1'").arg(model()));
    }
    if (!m_config.baseUrl.isValid() || m_config.baseUrl.host().isEmpty()) {
        return makeFetchError(
            Kind::BadRequest,
            QCoreApplication::translate("GeminiClient",
                                        "The Gemini address \"%1\" is not a valid URL; check --gemini-url.")
                .arg(m_config.baseUrl.toDisplayString()),
            QStringLiteral("invalid Gemini base URL"));
    }
    return FetchError();
}

AiClientCore::Transport GeminiClient::transport() const
{
    return AiClientCore::Transport::of(providerId(), m_config);
}

AiGeneration *GeminiClient::generate(const AiRequest &request)
{
    const QString key = m_config.apiKey.trimmed();
    const AiClientCore::Post post{
        generateUrl(request.stream), GeminiParser::requestBody(request), {{"x-goog-api-key", key.toUtf8()}}};
    auto *generation = m_core.create<GeminiGeneration>(request, transport(), model(), post, !key.isEmpty());
    CorrelationScope scope(generation->correlationId());
    if (m_core.launch(generation, configError(), lc())) {
        qCInfo(lc).noquote() << "generate" << model() << (request.stream ? "streamed" : "whole") << "prompt"
                             << request.prompt.size() << "chars, system" << request.systemInstruction.size()
                             << "chars, maxOutputTokens" << request.maxOutputTokens;
    }
    return generation;
}

ApiReply<QList<AiModelInfo>> *GeminiClient::listModels()
{
    const QString key = m_config.apiKey.trimmed();
    const bool keyGiven = !key.isEmpty();
    return m_core.listModels(
        modelsUrl(), {{"Accept", "application/json"}, {"x-goog-api-key", key.toUtf8()}}, transport(),
        &GeminiParser::parseModels,
        [keyGiven](const HttpResult &result) {
            return GeminiParser::errorFromResult(result, QString(), keyGiven);
        },
        keyGiven ? FetchError() : configError());
}

} // namespace ba
