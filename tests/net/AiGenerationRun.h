#pragma once

#include "net/AiProvider.h"

#include <QObject>
#include <QSignalSpy>
#include <QStringList>
#include <QtGlobal>

namespace ba::testing {

// Everything one AiGeneration reported until it finished: its result, text deltas, announced
// retries and how many times finished() came (exactly once is the contract).
struct AiGenerationRun
{
    AiResult result;
    QStringList deltas;
    QList<int> retries;
    int finishedCount = 0;
};

inline AiGenerationRun runGeneration(AiGeneration *generation, int timeoutMs = 10000)
{
    AiGenerationRun out;
    QObject context; // the connections end with this call, never writing to a dead `out`
    QObject::connect(generation, &AiGeneration::textDelta, &context,
                     [&out](const QString &t) { out.deltas.append(t); });
    QObject::connect(generation, &AiGeneration::retryScheduled, &context,
                     [&out](int seconds) { out.retries.append(seconds); });
    QObject::connect(generation, &AiGeneration::finished, &context, [&out](const AiResult &r) {
        out.result = r;
        ++out.finishedCount;
    });
    QSignalSpy spy(generation, &AiGeneration::finished);
    if (!spy.wait(timeoutMs)) {
        qWarning("the generation did not finish within %d ms", timeoutMs);
    }
    return out;
}

} // namespace ba::testing
