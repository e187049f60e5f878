// OpenAI-compatible chat completions: a whole answer, error bodies, the model list, and the same
// bytes read as an SSE stream of chat.completion.chunk events.
#include "FuzzSupport.h"
#include "net/OpenAiCompatibleParser.h"
#include "net/SseParser.h"

BA_FUZZ_QUIET_INITIALIZE()

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace ba;
    const QByteArray body = fuzz::bytesOf(data, size);

    OpenAiResponse whole;
    if (!OpenAiCompatibleParser::parseCompletion(body, &whole).isError()) {
        bool incomplete = false;
        OpenAiCompatibleParser::judge(whole, &incomplete);
    }
    QString message;
    OpenAiCompatibleParser::readErrorMessage(body, &message);
    HttpResult failed;
    failed.status = 500;
    failed.body = body;
    failed.error.kind = FetchError::Kind::ServerError;
    BA_FUZZ_CHECK(OpenAiCompatibleParser::errorFromResult(failed,
                                                          QUrl(QStringLiteral("http://127.0.0.1:11434/v1")),
                                                          QStringLiteral("llama3"), false)
                      .isError());
    QList<AiModelInfo> models;
    OpenAiCompatibleParser::parseModels(body, &models);

    SseParser sse;
    OpenAiResponse stream;
    const auto readEvents = [&stream](const QList<SseEvent> &events) {
        for (const SseEvent &event : events) {
            OpenAiResponse part;
            if (!OpenAiCompatibleParser::parseStreamEvent(event.data.toUtf8(), &part).isError()) {
                stream.append(part);
            }
        }
    };
    fuzz::feedInPieces(body, [&](const QByteArray &piece) { readEvents(sse.feed(piece)); });
    readEvents(sse.finish());
    bool incomplete = false;
    OpenAiCompatibleParser::judge(stream, &incomplete);
    return 0;
}
