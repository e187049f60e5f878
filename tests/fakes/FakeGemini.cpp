#include "fakes/FakeGemini.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace ba::fakes {

namespace {

const QString kPrefix = QStringLiteral("/v1beta");

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject usage(int prompt, int output)
{
    QJsonObject u{{QStringLiteral("promptTokenCount"), prompt},
                  {QStringLiteral("totalTokenCount"), prompt + output}};
    if (output > 0) {
        u.insert(QStringLiteral("candidatesTokenCount"), output); // protobuf JSON leaves out zeros
    }
    return u;
}

QJsonObject candidate(const QString &text, const QString &finishReason)
{
    const QJsonObject part{{QStringLiteral("text"), text}};
    QJsonObject c{{QStringLiteral("content"), QJsonObject{{QStringLiteral("parts"), QJsonArray{part}},
                                                          {QStringLiteral("role"), QStringLiteral("model")}}},
                  {QStringLiteral("index"), 0}};
    if (!finishReason.isEmpty()) {
        c.insert(QStringLiteral("finishReason"), finishReason);
    }
    return c;
}

QJsonArray blockedRatings()
{
    const auto rating = [](const char *category, const char *probability, bool blocked) {
        QJsonObject r{{QStringLiteral("category"), QLatin1String(category)},
                      {QStringLiteral("probability"), QLatin1String(probability)}};
        if (blocked) {
            r.insert(QStringLiteral("blocked"), true);
        }
        return r;
    };
    return {rating("HARM_CATEGORY_HATE_SPEECH", "NEGLIGIBLE", false),
            rating("HARM_CATEGORY_DANGEROUS_CONTENT", "HIGH", true),
            rating("HARM_CATEGORY_HARASSMENT", "NEGLIGIBLE", false),
            rating("HARM_CATEGORY_SEXUALLY_EXPLICIT", "NEGLIGIBLE", false)};
}

// Three pieces of similar length, never splitting a surrogate pair.
QStringList splitText(const QString &text)
{
    QStringList pieces;
    qsizetype start = 0;
    for (int i = 1; i <= 3; ++i) {
        qsizetype end = i == 3 ? text.size() : text.size() * i / 3;
        if (end > 0 && end < text.size() && text.at(end).isLowSurrogate()) {
            ++end;
        }
        if (end > start) {
            pieces.append(text.mid(start, end - start));
        }
        start = std::max(start, end);
    }
    return pieces;
}

// Cut points every few bytes and right after the first byte of every multi-byte UTF-8 character.
QList<QByteArray> cutEverywhere(const QByteArray &bytes)
{
    QList<qsizetype> cuts;
    for (qsizetype i = 23; i < bytes.size(); i += 23) {
        cuts.append(i);
    }
    for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
        if ((static_cast<unsigned char>(bytes.at(i)) & 0xC0) == 0xC0) {
            cuts.append(i + 1);
        }
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    QList<QByteArray> chunks;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        chunks.append(bytes.mid(start, cut - start));
        start = cut;
    }
    chunks.append(bytes.mid(start));
    return chunks;
}

} // namespace

FakeResponse FakeGemini::googleJson(int status, const QByteArray &body)
{
    FakeResponse r = FakeResponse::withType(status, "application/json; charset=UTF-8", body);
    r.header("Vary", "Origin, X-Origin, Referer").header("Server", "scaffolding on HTTPServer2");
    return r;
}

QByteArray FakeGemini::errorBody(int code, const QString &status, const QString &message)
{
    const QJsonObject error{{QStringLiteral("code"), code},
                            {QStringLiteral("message"), message},
                            {QStringLiteral("status"), status}};
    return compact(QJsonObject{{QStringLiteral("error"), error}});
}

FakeGemini::FakeGemini(QObject *parent) : QObject(parent), m_server(this)
{
    m_server.routePrefix("*", kPrefix, [this](const FakeRequest &r) { return handle(r); });
}

bool FakeGemini::listen()
{
    return m_server.listen();
}

QUrl FakeGemini::baseUrl() const
{
    return m_server.url(kPrefix);
}

void FakeGemini::failNext(Mode mode, int times)
{
    for (int i = 0; i < times; ++i) {
        m_oneShot.append(mode);
    }
}

QString FakeGemini::defaultSplitText()
{
    return QStringLiteral("Le bitcoin a gagné 3 % en 24 h : 61 234,50 € (≈ 66 000 $). "
                          "Prudence — la volatilité reste élevée 🚀. Résumé : tendance haussière.");
}

QString FakeGemini::answerText() const
{
    if (!m_answer.isEmpty()) {
        return m_answer;
    }
    return m_mode == Mode::SplitStream ? defaultSplitText()
                                       : QStringLiteral("Learning patterns from data to make predictions.\n");
}

int FakeGemini::generateRequestCount() const
{
    const auto all = m_server.requests();
    return int(std::count_if(all.cbegin(), all.cend(), [](const FakeRequest &r) {
        return r.path.endsWith(QLatin1String("generateContent")) ||
               r.path.endsWith(QLatin1String("GenerateContent"));
    }));
}

FakeRequest FakeGemini::lastRequest() const
{
    const auto all = m_server.requests();
    return all.isEmpty() ? FakeRequest() : all.last();
}

QString FakeGemini::promptOf(const QJsonObject &requestBody)
{
    return requestBody.value(QStringLiteral("contents"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("parts"))
        .toArray()
        .first()
        .toObject()
        .value(QStringLiteral("text"))
        .toString();
}

QString FakeGemini::lastPrompt() const
{
    return promptOf(lastRequestJson());
}

QJsonObject FakeGemini::lastRequestJson() const
{
    const auto all = m_server.requests();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (it->method == "POST") {
            return QJsonDocument::fromJson(it->body).object();
        }
    }
    return QJsonObject();
}

QByteArray FakeGemini::sample(const QString &fileName)
{
    QFile file(QStringLiteral(BA_TEST_DATA_DIR "/") + fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("FakeGemini: sample %s missing", qPrintable(fileName));
    }
    return file.readAll();
}

FakeGemini::Target FakeGemini::parseTarget(const QString &path)
{
    // "/v1beta/models/gemini-2.5-flash:generateContent"
    const QString models = kPrefix + QStringLiteral("/models/");
    if (!path.startsWith(models)) {
        return {};
    }
    const QString rest = path.mid(models.size());
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return {rest, QString()};
    }
    return {rest.left(colon), rest.mid(colon + 1)};
}

FakeGemini::Mode FakeGemini::takeMode()
{
    return m_oneShot.isEmpty() ? m_mode : m_oneShot.takeFirst();
}

FakeResponse FakeGemini::handle(const FakeRequest &request)
{
    FakeResponse response;
    if (!request.hasHeader("x-goog-api-key") && !request.query.hasQueryItem(QStringLiteral("key"))) {
        response = googleJson(403, sample(QStringLiteral("gemini_error_403_no_key.json")));
    } else if (request.method == "GET" && request.path == kPrefix + QStringLiteral("/models")) {
        response = listModels();
    } else {
        const Target target = parseTarget(request.path);
        if (request.method != "POST" || target.method.isEmpty()) {
            response = googleJson(404, errorBody(404, QStringLiteral("NOT_FOUND"),
                                                 QStringLiteral("Requested entity was not found.")));
        } else {
            response = generate(request, target);
        }
    }
    // FakeHttpServer waits with QTimer::singleShot, which is a coarse timer from 2 s on and may fire
    // up to 5 % early; pad so that the answer never comes before the delay asked for.
    response.delayMs = m_delayMs >= 2000 ? m_delayMs + m_delayMs / 20 + 1 : m_delayMs;
    return response;
}

FakeResponse FakeGemini::generate(const FakeRequest &request, const Target &target)
{
    const bool stream = target.method == QLatin1String("streamGenerateContent");
    if (!stream && target.method != QLatin1String("generateContent")) {
        return googleJson(404,
                          errorBody(404, QStringLiteral("NOT_FOUND"), QStringLiteral("Method not found.")));
    }
    Mode mode = takeMode();
    if (!m_knownModels.isEmpty() && !m_knownModels.contains(target.model)) {
        mode = Mode::ModelNotFound404;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonArray contents = body.value(QStringLiteral("contents")).toArray();
    if (contents.isEmpty() ||
        contents.first().toObject().value(QStringLiteral("parts")).toArray().isEmpty()) {
        return googleJson(
            400, errorBody(400, QStringLiteral("INVALID_ARGUMENT"),
                           QStringLiteral("* GenerateContentRequest.contents: contents is not specified\n")));
    }
    if (mode >= Mode::MalformedJson || // the modes from MalformedJson on are not answers
        (mode == Mode::StreamErrorEvent && !stream)) {
        return errorResponse(mode == Mode::StreamErrorEvent ? Mode::Unavailable503 : mode, target.model);
    }
    if (m_writer) {
        m_answer = m_writer(promptOf(body));
    }
    const bool sse = request.query.queryItemValue(QStringLiteral("alt")) == QLatin1String("sse");
    return answer(mode, target.model, stream, sse);
}

FakeResponse FakeGemini::answer(Mode mode, const QString &model, bool stream, bool sse)
{
    Q_UNUSED(model);
    const bool samples = m_answer.isEmpty() && mode == Mode::Normal;
    if (samples && !stream) {
        return googleJson(200, sample(QStringLiteral("gemini_generate_response_sample.json")));
    }
    if (samples && sse) {
        FakeResponse r = FakeResponse::withType(200, "text/event-stream", QByteArray());
        const QByteArray all = sample(QStringLiteral("gemini_stream_sse_sample.txt"));
        for (qsizetype start = 0; start < all.size();) { // one piece per event, as Google sends them
            const qsizetype end = all.indexOf("\n\n", start);
            const qsizetype next = end < 0 ? all.size() : end + 2;
            r.chunks.append(all.mid(start, next - start));
            start = next;
        }
        r.chunkPauseMs = m_chunkPauseMs;
        r.omitContentLength = true;
        return r;
    }
    QList<QJsonObject> events = answerEvents(mode);
    if (!stream) {
        QString text;
        for (const QJsonObject &e : events) {
            const QJsonObject cand = e.value(QStringLiteral("candidates")).toArray().at(0).toObject();
            const QJsonArray parts =
                cand.value(QStringLiteral("content")).toObject().value(QStringLiteral("parts")).toArray();
            text += parts.at(0).toObject().value(QStringLiteral("text")).toString();
        }
        QJsonObject whole = events.last();
        if (!text.isEmpty()) {
            QJsonArray candidates = whole.value(QStringLiteral("candidates")).toArray();
            const QString reason =
                candidates.at(0).toObject().value(QStringLiteral("finishReason")).toString();
            candidates.replace(0, candidate(text, reason));
            whole.insert(QStringLiteral("candidates"), candidates);
        }
        return googleJson(200, QJsonDocument(whole).toJson(QJsonDocument::Indented));
    }
    if (!sse) {
        QByteArrayList parts;
        for (const QJsonObject &e : events) {
            parts.append(compact(e));
        }
        return googleJson(200, "[" + parts.join(",\r\n") + "]");
    }
    FakeResponse r = FakeResponse::withType(200, "text/event-stream", QByteArray());
    for (const QJsonObject &e : events) {
        r.chunks.append("data: " + compact(e) + "\r\n\r\n");
    }
    if (mode == Mode::SplitStream) {
        r.chunks = cutEverywhere(r.chunks.join());
    }
    r.chunkPauseMs = m_chunkPauseMs;
    r.omitContentLength = true; // like Google's chunked stream: the body ends when the stream ends
    return r;
}

QList<QJsonObject> FakeGemini::answerEvents(Mode mode) const
{
    const auto event = [this](const QJsonObject &cand, int prompt, int output) {
        QJsonObject e{{QStringLiteral("usageMetadata"), usage(prompt, output)},
                      {QStringLiteral("modelVersion"), m_modelVersion},
                      {QStringLiteral("responseId"), QStringLiteral("fakeResp0001")}};
        if (!cand.isEmpty()) {
            e.insert(QStringLiteral("candidates"), QJsonArray{cand});
        }
        return e;
    };
    switch (mode) {
    case Mode::PromptBlocked: {
        QJsonObject e = event(QJsonObject(), 8, 0);
        e.insert(QStringLiteral("promptFeedback"),
                 QJsonObject{{QStringLiteral("blockReason"), QStringLiteral("SAFETY")},
                             {QStringLiteral("safetyRatings"), blockedRatings()}});
        return {e};
    }
    case Mode::SafetyNoContent:
        return {event(QJsonObject{{QStringLiteral("finishReason"), QStringLiteral("SAFETY")},
                                  {QStringLiteral("index"), 0},
                                  {QStringLiteral("safetyRatings"), blockedRatings()}},
                      8, 0)};
    case Mode::Recitation:
        return {event(QJsonObject{{QStringLiteral("finishReason"), QStringLiteral("RECITATION")},
                                  {QStringLiteral("index"), 0}},
                      8, 0)};
    case Mode::MaxTokensEmpty:
        return {event(QJsonObject{{QStringLiteral("content"),
                                   QJsonObject{{QStringLiteral("role"), QStringLiteral("model")}}},
                                  {QStringLiteral("finishReason"), QStringLiteral("MAX_TOKENS")},
                                  {QStringLiteral("index"), 0}},
                      8, 0)};
    default:
        break;
    }
    const QString text =
        mode == Mode::MaxTokensPartial ? answerText().left(answerText().size() / 2) : answerText();
    const QStringList pieces = splitText(text);
    const QString last =
        mode == Mode::MaxTokensPartial ? QStringLiteral("MAX_TOKENS") : QStringLiteral("STOP");
    QList<QJsonObject> events;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        const bool final = i + 1 == pieces.size() && mode != Mode::StreamErrorEvent;
        events.append(event(candidate(pieces.at(i), final ? last : QString()), 8, int(3 * (i + 1))));
        if (mode == Mode::StreamErrorEvent) {
            events.append(QJsonDocument::fromJson(
                              errorBody(503, QStringLiteral("UNAVAILABLE"),
                                        QStringLiteral("The model is overloaded. Please try again later.")))
                              .object());
            break;
        }
    }
    return events;
}

} // namespace ba::fakes
