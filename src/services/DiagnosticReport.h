#pragma once

#include "ba/Version.h"
#include "domain/AppConfig.h"
#include "logging/LogEntry.h"
#include "services/DatabaseStats.h"
#include "services/SourceHealth.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ba {

class Database;
class LogHub;
class SourceMetrics;

// The one file a user attaches to a bug report (Help -> Save diagnostic report…), in Markdown:
// app, Qt and OS versions, the effective configuration with keys shown only as "set (***)" or
// "not set", the health table, database statistics (size, schema, rows per table, integrity_check)
// and the newest log lines. Every line is masked again with the configured keys and the key
// patterns, and so is the whole text before it is returned: no key can reach the file.
class DiagnosticReport
{
public:
    static constexpr int DefaultLogLines = 2000;

    struct Inputs
    {
        QString appVersion = QStringLiteral(BA_VERSION);
        std::optional<AppConfig> config;  // nullopt: the section says "not available"
        QList<SourceHealth> health;       // SourceMetrics::snapshot()
        QList<LogEntry> logEntries;       // LogHub::recent(DefaultLogLines), newest last
        quint64 logDroppedFromMemory = 0; // LogHub::droppedFromRing()
        QString logFilePath;
        std::optional<DatabaseStats> database; // DatabaseStats::collect(); nullopt: "not open"
        QStringList secrets;                   // masked too, beside the configured keys
        QDateTime generatedAt;                 // invalid: now
    };

    // Collects the inputs from the running application's parts; each pointer may be null.
    // Runs PRAGMA integrity_check on the database, which reads the whole file.
    static Inputs gather(const AppConfig &config, const SourceMetrics *metrics, const LogHub *logHub,
                         const Database *database, int logLines = DefaultLogLines);

    static QString build(const Inputs &inputs);

    explicit DiagnosticReport(const Inputs &inputs);
    const QString &text() const { return m_text; }
    // Writes the text (UTF-8) atomically; false with a reason for the user.
    bool save(const QString &path, QString *error = nullptr) const;
    static bool save(const QString &text, const QString &path, QString *error);

    // "bitcoin-analyzer-diagnostic-20261129-102339.md"
    static QString suggestedFileName(const QDateTime &localTime);

private:
    QString m_text;
};

} // namespace ba
