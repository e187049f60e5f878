#include "fakes/FakeOpenAi.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ba::fakes {

namespace {

const QString kPrefix = QStringLiteral("/v1");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

FakeResponse errorJson(int status, const QString &message, const char *type)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), QLatin1String(type)},
                            {QStringLiteral("param"), QJsonValue::Null},
                            {QStringLiteral("code"), QJsonValue::Null}};
    return FakeResponse::json(status, compact(QJsonObject{{QStringLiteral("error"), error}}));
}

QJsonObject usage(int prompt, int completion)
{
    return QJsonObject{{QStringLiteral("prompt_tokens"), prompt},
                       {QStringLiteral("completion_tokens"), completion},
                       {QStringLiteral("total_tokens"), prompt + completion}};
}

QJsonObject chunk(const QString &model, const QJsonObject &delta, const QJsonValue &finishReason)
{
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("delta"), delta},
                             {QStringLiteral("finish_reason"), finishReason}};
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("chatcmpl-fake1")},
                       {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                       {QStringLiteral("created"), 1764400000},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("system_fingerprint"), QStringLiteral("fp_ollama")},
                       {QStringLiteral("choices"), QJsonArray{choice}}};
}

} // namespace

FakeOpenAi::FakeOpenAi(QObject *parent) : QObject(parent), m_server(this)
{
    m_server.routePrefix("*", kPrefix, [this](const FakeRequest &r) { return handle(r); });
}

bool FakeOpenAi::listen()
{
    return m_server.listen();
}

QUrl FakeOpenAi::baseUrl() const
{
    return m_server.url(kPrefix);
}

void FakeOpenAi::failNext(Mode mode, int times)
{
    for (int i = 0; i < times; ++i) {
        m_oneShot.append(mode);
    }
}

QJsonObject FakeOpenAi::lastRequestJson() const
{
    const auto all = m_server.requests();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (it->method == "POST") {
            return QJsonDocument::fromJson(it->body).object();
        }
    }
    return QJsonObject();
}

FakeResponse FakeOpenAi::handle(const FakeRequest &request)
{
    FakeResponse response;
    if (!m_key.isEmpty() && request.header("Authorization") != "Bearer " + m_key.toUtf8()) {
        response = errorResponse(Mode::Unauthorized401, QString());
    } else if (request.method == "GET" && request.path == kPrefix + QStringLiteral("/models")) {
        QJsonArray data;
        for (const QString &id : m_models) {
            data.append(QJsonObject{{QStringLiteral("id"), id},
                                    {QStringLiteral("object"), QStringLiteral("model")},
                                    {QStringLiteral("created"), 1764400000},
                                    {QStringLiteral("owned_by"), QStringLiteral("library")}});
        }
        response =
            FakeResponse::json(200, compact(QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                                                        {QStringLiteral("data"), data}}));
    } else if (request.method == "POST" && request.path == kPrefix + QStringLiteral("/chat/completions")) {
        response = chat(request);
    } else {
        response = FakeResponse::withType(404, "text/plain", "404 page not found");
    }
    // Coarse timers (QTimer::singleShot from 2 s on) may fire 5 % early: never answer before the delay.
    response.delayMs = m_delayMs >= 2000 ? m_delayMs + m_delayMs / 20 + 1 : m_delayMs;
    return response;
}

FakeResponse FakeOpenAi::chat(const FakeRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString model = body.value(QStringLiteral("model")).toString();
    if (body.value(QStringLiteral("messages")).toArray().isEmpty()) {
        return errorJson(400, QStringLiteral("messages is required"), "invalid_request_error");
    }
    Mode mode = m_oneShot.isEmpty() ? m_mode : m_oneShot.takeFirst();
    if (!m_models.contains(model)) {
        mode = Mode::ModelNotFound404;
    }
    const bool streamed = body.value(QStringLiteral("stream")).toBool();
    if (mode == Mode::Unauthorized401 || mode == Mode::ModelNotFound404 || mode == Mode::ServerError500 ||
        (mode == Mode::StreamError && !streamed)) {
        return errorResponse(mode == Mode::StreamError ? Mode::ServerError500 : mode, model);
    }
    return streamed ? stream(mode, model) : whole(mode, model);
}

QString FakeOpenAi::textFor(Mode mode) const
{
    switch (mode) {
    case Mode::Length:
        return m_answer.left(m_answer.size() / 2);
    case Mode::EmptyAnswer:
        return QString();
    default:
        return m_answer;
    }
}

FakeResponse FakeOpenAi::whole(Mode mode, const QString &model) const
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), textFor(mode)}};
    const QJsonObject choice{{QStringLiteral("index"), 0},
                             {QStringLiteral("message"), message},
                             {QStringLiteral("finish_reason"),
                              mode == Mode::Length ? QStringLiteral("length") : QStringLiteral("stop")}};
    const QJsonObject answer{{QStringLiteral("id"), QStringLiteral("chatcmpl-fake1")},
                             {QStringLiteral("object"), QStringLiteral("chat.completion")},
                             {QStringLiteral("created"), 1764400000},
                             {QStringLiteral("model"), model},
                             {QStringLiteral("choices"), QJsonArray{choice}},
                             {QStringLiteral("usage"), usage(21, 17)}};
    return FakeResponse::json(200, compact(answer));
}

FakeResponse FakeOpenAi::stream(Mode mode, const QString &model) const
{
    FakeResponse r = FakeResponse::withType(200, "text/event-stream", QByteArray());
    const auto event = [&r](const QJsonObject &object) {
        r.chunks.append("data: " + compact(object) + "\n\n");
    };
    event(chunk(model,
                QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                            {QStringLiteral("content"), QString()}},
                QJsonValue::Null));
    const QString text = textFor(mode);
    for (qsizetype at = 0; at < text.size();) {
        qsizetype size = std::min<qsizetype>(7, text.size() - at);
        if (at + size < text.size() && text.at(at + size).isLowSurrogate()) {
            ++size; // never cut a surrogate pair
        }
        event(chunk(model, QJsonObject{{QStringLiteral("content"), text.mid(at, size)}}, QJsonValue::Null));
        at += size;
        if (mode == Mode::StreamError) {
            r.chunks.append("data: {\"error\":{\"code\":500,\"message\":\"failed to decode "
                            "token\",\"type\":\"server_error\"}}\n\n");
            r.omitContentLength = true;
            return r;
        }
    }
    QJsonObject last =
        chunk(model, QJsonObject(), mode == Mode::Length ? QStringLiteral("length") : QStringLiteral("stop"));
    last.insert(QStringLiteral("usage"), usage(21, 17));
    event(last);
    r.chunks.append("data: [DONE]\n\n");
    r.chunkPauseMs = 10;
    r.omitContentLength = true;
    return r;
}

FakeResponse FakeOpenAi::errorResponse(Mode mode, const QString &model) const
{
    switch (mode) {
    case Mode::Unauthorized401:
        return errorJson(401, QStringLiteral("Incorrect API key provided."), "invalid_request_error");
    case Mode::ModelNotFound404:
        return errorJson(404, QStringLiteral("model \"%1\" not found, try pulling it first").arg(model),
                         "api_error");
    default:
        return errorJson(500, QStringLiteral("llama runner process has terminated: exit status 2"),
                         "api_error");
    }
}

} // namespace ba::fakes
