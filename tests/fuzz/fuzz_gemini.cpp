// Gemini: a whole JSON answer, the error envelope, the model list, and the same bytes read as an
// SSE stream (cut into pieces like network reads) whose events are GenerateContentResponses.
#include "FuzzSupport.h"
#include "net/GeminiParser.h"
#include "net/SseParser.h"

BA_FUZZ_QUIET_INITIALIZE()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ba;
    const QByteArray body = fuzz::bytesOf(data, size);
    const QString model = QStringLiteral("gemini-2.5-flash");

    GeminiResponse whole;
    if (!GeminiParser::parseResponse(body, &whole).isError()) {
        bool incomplete = false;
        GeminiParser::judge(whole, &incomplete);
    }
    GeminiApiError apiError;
    if (GeminiParser::readApiError(body, &apiError)) {
        BA_FUZZ_CHECK(GeminiParser::errorFromApiError(apiError, 429, model, true).isError());
    }
    HttpResult failed;
    failed.status = 400;
    failed.body = body;
    failed.error.kind = FetchError::Kind::BadRequest;
    BA_FUZZ_CHECK(GeminiParser::errorFromResult(failed, model, false).isError());
    QList<AiModelInfo> models;
    GeminiParser::parseModels(body, &models);
    GeminiParser::parseDurationSeconds(QString::fromUtf8(body.left(64)));

    SseParser sse;
    GeminiResponse stream;
    const auto readEvents = [&stream](const QList<SseEvent> &events) {
        for (const SseEvent &event : events) {
            GeminiResponse part;
            if (!GeminiParser::parseResponse(event.data.toUtf8(), &part).isError()) {
                stream.append(part);
            }
        }
    };
    qsizetype fed = 0;
    fuzz::feedInPieces(body, [&](const QByteArray &piece) {
        fed += piece.size();
        readEvents(sse.feed(piece));
        BA_FUZZ_CHECK(sse.bufferedBytes() <= fed); // nothing is invented, nothing kept twice
    });
    readEvents(sse.finish());
    bool incomplete = false;
    GeminiParser::judge(stream, &incomplete);
    return 0;
}
