#include "services/DiagnosticReport.h"

#include "logging/LogHub.h"
#include "logging/Redactor.h"
#include "services/SourceMetrics.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QSaveFile>
#include <QSysInfo>

namespace ba {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ba::DiagnosticReport", text);
}

// Table cells are one line and must not end the cell early.
QString cell(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('|'), QLatin1String("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text.isEmpty() ? QStringLiteral("–") : text;
}

QString row(const QStringList &cells)
{
    QStringList escaped;
    for (const QString &text : cells) {
        escaped.append(cell(text));
    }
    return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}

QString tableHeader(const QStringList &names)
{
    QString text = row(names);
    QStringList rule;
    for (qsizetype i = 0; i < names.size(); ++i) {
        rule.append(QStringLiteral("---"));
    }
    return text + QStringLiteral("|") + rule.join(QStringLiteral("|")) + QStringLiteral("|\n");
}

// A fence longer than any run of backticks in the content, so log text cannot close it.
QString fenceFor(const QString &content)
{
    int longest = 0;
    int run = 0;
    for (const QChar c : content) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return QString(std::max(3, longest + 1), QLatin1Char('`'));
}

QString keyState(const QString &key)
{
    return key.trimmed().isEmpty() ? tr("not set") : tr("set (***)");
}

QString bytes(qint64 size)
{
    return size < 0 ? tr("absent") : QLocale::c().formattedDataSize(size);
}

QString applicationSection(const DiagnosticReport::Inputs &in)
{
    QString text = QStringLiteral("## ") + tr("Application") + QStringLiteral("\n\n");
    text += tableHeader({tr("item"), tr("value")});
    text += row({tr("Bitcoin Analyzer"), in.appVersion});
    text += row({tr("Qt (running)"), QString::fromLatin1(qVersion())});
    text += row({tr("Qt (built with)"), QStringLiteral(QT_VERSION_STR)});
    text += row({tr("Operating system"), QSysInfo::prettyProductName()});
    text += row({tr("Kernel"), QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()});
    text += row({tr("CPU architecture"), QSysInfo::currentCpuArchitecture()});
    text += row({tr("Build ABI"), QSysInfo::buildAbi()});
    text += row({tr("Locale"), QLocale().name()});
    return text + QLatin1Char('\n');
}

QString configurationSection(const std::optional<AppConfig> &config)
{
    QString text = QStringLiteral("## ") + tr("Effective configuration") + QStringLiteral("\n\n");
    if (!config) {
        return text + tr("Not available.") + QStringLiteral("\n\n");
    }
    const AppConfig &c = *config;
    text += tableHeader({tr("setting"), tr("value")});
    text +=
        row({tr("Data folder"), QDir::toNativeSeparators(c.dataDir) +
                                    (c.dataDirExplicit ? tr(" (--data-dir or environment)") : QString())});
    text += row({tr("Database"), QDir::toNativeSeparators(c.databasePath())});
    text += row({tr("Log file"), QDir::toNativeSeparators(c.logFilePath())});
    text += row({tr("Settings file"), c.settingsFilePath().isEmpty()
                                          ? tr("system settings")
                                          : QDir::toNativeSeparators(c.settingsFilePath())});
    text += row({tr("CoinGecko URL"), c.coingeckoUrl.toDisplayString()});
    text += row({tr("Gemini URL"), c.geminiUrl.toDisplayString()});
    text += row({tr("Gemini model"), c.geminiModel});
    text += row({tr("News URL"), c.newsUrl.toDisplayString()});
    text += row({tr("RSS fallback URL"), c.rssFallbackUrl().toDisplayString()});
    text += row({tr("News site profiles"), c.newsConfigPath.isEmpty() ? tr("built-in") : c.newsConfigPath});
    text += row({tr("Coin / currency"), c.coin + QStringLiteral(" / ") + c.currency});
    text += row({tr("Offline"), c.offline ? tr("yes") : tr("no")});
    text += row({tr("Language"), c.language.isEmpty() ? tr("system") : c.language});
    text += row({tr("Log level"), levelName(c.logLevel)});
    text += row({tr("Gemini API key"), keyState(c.geminiApiKey)});
    text += row({tr("CoinGecko API key"), keyState(c.coingeckoApiKey)});
    return text + QLatin1Char('\n');
}

QString healthSection(const QList<SourceHealth> &health, const QDateTime &now)
{
    QString text = QStringLiteral("## ") + tr("Health") + QStringLiteral("\n\n");
    if (health.isEmpty()) {
        return text + tr("No source has been used yet.") + QStringLiteral("\n\n");
    }
    text += tableHeader({tr("source"), tr("state"), tr("last success"), tr("last error"), tr("p50 / p95"),
                         tr("requests / errors"), tr("rate budget"), tr("back-off")});
    for (const SourceHealth &h : health) {
        const QString lastError = h.hasError() ? FetchError::kindName(h.lastError.kind) +
                                                     QStringLiteral(", ") + formatAgo(h.lastErrorTime, now) +
                                                     QStringLiteral(": ") + describeLastError(h)
                                               : QString();
        const QString budget =
            h.budgetTotal > 0 ? tr("%1 of %2 left").arg(h.budgetLeft).arg(h.budgetTotal) : QString();
        text +=
            row({h.displayName + QStringLiteral(" (") + h.source + QLatin1Char(')'), healthStateName(h.state),
                 formatAgo(h.lastSuccess, now), lastError, formatLatencyPair(h.p50Ms, h.p95Ms),
                 QStringLiteral("%1 / %2").arg(h.requests).arg(h.errors), budget,
                 h.backoffMs > 0 ? formatDurationMs(h.backoffMs) : QString()});
    }
    return text + QLatin1Char('\n');
}

QString databaseSection(const std::optional<DatabaseStats> &stats)
{
    QString text = QStringLiteral("## ") + tr("Database") + QStringLiteral("\n\n");
    if (!stats || !stats->open) {
        return text + tr("Not open.") + QStringLiteral("\n\n");
    }
    text += tableHeader({tr("item"), tr("value")});
    text += row({tr("File"), QDir::toNativeSeparators(stats->path)});
    text += row({tr("File size"), bytes(stats->fileBytes)});
    text += row({tr("Write-ahead log size"), bytes(stats->walBytes)});
    text += row({tr("Schema version"), QString::number(stats->schemaVersion)});
    text +=
        row({tr("PRAGMA integrity_check"), stats->integrity.isEmpty() ? tr("not run") : stats->integrity});
    if (!stats->error.isEmpty()) {
        text += row({tr("Error"), stats->error});
    }
    text += QLatin1Char('\n') + tableHeader({tr("table"), tr("rows")});
    for (const auto &[table, rows] : stats->rowCounts) {
        text += row({table, rows < 0 ? tr("unreadable") : QString::number(rows)});
    }
    return text + QLatin1Char('\n');
}

QString logSection(const DiagnosticReport::Inputs &in, const Redactor &redactor)
{
    QString text = QStringLiteral("## ") + tr("Log") + QStringLiteral("\n\n");
    text += tr("Last %1 lines, times in UTC.").arg(in.logEntries.size());
    if (in.logDroppedFromMemory > 0) {
        text +=
            QLatin1Char(' ') + tr("%1 older lines are only in the log file.").arg(in.logDroppedFromMemory);
    }
    if (!in.logFilePath.isEmpty()) {
        text += QLatin1Char(' ') + tr("Log file: %1").arg(QDir::toNativeSeparators(in.logFilePath));
    }
    QString lines;
    for (const LogEntry &entry : in.logEntries) {
        lines += redactor.redact(formatLogLine(entry)) + QLatin1Char('\n');
    }
    const QString fence = fenceFor(lines);
    return text + QStringLiteral("\n\n") + fence + QStringLiteral("text\n") + lines + fence +
           QLatin1Char('\n');
}

} // namespace

DiagnosticReport::Inputs DiagnosticReport::gather(const AppConfig &config, const SourceMetrics *metrics,
                                                  const LogHub *logHub, const Database *database,
                                                  int logLines)
{
    Inputs in;
    in.config = config;
    if (metrics) {
        in.health = metrics->snapshot();
    }
    if (logHub) {
        in.logEntries = logHub->recent(logLines);
        in.logDroppedFromMemory = logHub->droppedFromRing();
        in.logFilePath = logHub->filePath();
    }
    if (database && database->isOpen()) {
        in.database = DatabaseStats::collect(database->connection(), database->path());
    }
    return in;
}

QString DiagnosticReport::build(const Inputs &in)
{
    Redactor redactor;
    QStringList secrets = in.secrets;
    if (in.config) {
        secrets << in.config->geminiApiKey << in.config->coingeckoApiKey;
    }
    redactor.setSecrets(secrets);

    const QDateTime now = in.generatedAt.isValid() ? in.generatedAt : QDateTime::currentDateTimeUtc();
    QString text = QStringLiteral("# ") + tr("Bitcoin Analyzer diagnostic report") + QStringLiteral("\n\n");
    text += tr("Generated %1. API keys are masked as ***; attach this file to your bug report.")
                .arg(formatLogTime(now.toMSecsSinceEpoch())) +
            QStringLiteral("\n\n");
    text += applicationSection(in);
    text += configurationSection(in.config);
    text += healthSection(in.health, now);
    text += databaseSection(in.database);
    text += logSection(in, redactor);
    // Second guard: a key copied into any other section (a URL, an error text) is masked too.
    return redactor.redact(text);
}

DiagnosticReport::DiagnosticReport(const Inputs &inputs) : m_text(build(inputs)) {}

bool DiagnosticReport::save(const QString &path, QString *error) const
{
    return save(m_text, path, error);
}

bool DiagnosticReport::save(const QString &text, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    return true;
}

QString DiagnosticReport::suggestedFileName(const QDateTime &localTime)
{
    return QStringLiteral("bitcoin-analyzer-diagnostic-") +
           localTime.toString(QStringLiteral("yyyyMMdd-HHmmss")) + QStringLiteral(".md");
}

} // namespace ba
