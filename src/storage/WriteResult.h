#pragma once

#include <QString>

namespace ba {

// Outcome of one batched write (one transaction). `rows` counts rows written; `skipped` counts
// input items refused before SQL (e.g. a non-finite price or an empty URL). `error` is for the log.
struct WriteResult
{
    bool ok = false;
    int rows = 0;
    int skipped = 0;
    qint64 ms = 0;
    QString error;
};

} // namespace ba
