#pragma once

#include "net/AiProvider.h"

#include <QList>
#include <QPointer>

namespace ba::fakes {

// A generation the test finishes by hand. Like the real ones, it deletes itself after finished().
class FakeGeneration : public AiGeneration
{
public:
    using AiGeneration::AiGeneration;
    void abort() override
    {
        aborted = true;
        AiResult result;
        result.error.kind = FetchError::Kind::Cancelled;
        finish(result);
    }
    void delta(const QString &text) { Q_EMIT textDelta(text); }
    void finish(const AiResult &result)
    {
        Q_EMIT finished(result);
        deleteLater();
    }
    bool aborted = false;
};

// An AiProvider inside the process, for services that only need "some narrator": it records each
// request and hands out generations that the test finishes. The loopback fakes (FakeGemini,
// FakeOpenAi) stand in for the real servers when the HTTP side matters.
class FakeAiProvider : public AiProvider
{
public:
    QString providerId() const override { return QStringLiteral("gemini"); }
    QString model() const override { return modelId; }
    bool isConfigured() const override { return configured; }
    AiGeneration *generate(const AiRequest &request) override
    {
        requests.append(request);
        auto *generation = new FakeGeneration;
        generations.append(generation);
        return generation;
    }
    FakeGeneration *last() const { return generations.isEmpty() ? nullptr : generations.constLast().data(); }

    QString modelId = QStringLiteral("gemini-test-flash");
    bool configured = true;
    QList<AiRequest> requests;
    QList<QPointer<FakeGeneration>> generations;
};

} // namespace ba::fakes
