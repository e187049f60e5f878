#pragma once

#include "domain/AnalysisRecord.h"

#include <QList>
#include <QWidget>
#include <optional>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace ba {

class AnalysisHistoryModel;
class AnalysisService;
class EmptyStateWidget;
class MarkdownRenderer;

// The analysis tab: the current analysis rendered safely from Markdown, with what it is about
// (coin, currency, range), where its headlines came from, who wrote it (an "AI" or "Computed
// locally" badge, provider, model, time, latency, tokens), a banner when the AI failed, the "Since
// the previous analysis" line, live text while an AI answer streams in, and the history of past
// analyses to pick from. It follows the selection: only analyses of the coin, currency and range
// the chart shows appear by themselves. Regenerate and Copy (the Markdown) act on the current one.
class AnalysisView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int HistoryLimit = 50;

    explicit AnalysisView(QWidget *parent = nullptr);
    ~AnalysisView() override;

    // Convenience wiring: the service's signals feed the view, Regenerate calls service->regenerate(),
    // and the history is loaded now and after each stored analysis. The service must outlive the view
    // or be destroyed first (connections are dropped either way).
    void bindTo(AnalysisService *service);

    // Shows a finished analysis (ends streaming) and selects it in the history when it is there.
    void showAnalysis(const ba::AnalysisRecord &record);
    // Newest first. With nothing shown yet, the newest of the selection is shown.
    void setHistory(const QList<ba::AnalysisRecord> &newestFirst);
    // What the chart shows now: its newest stored analysis (or a placeholder saying there is none
    // yet) replaces what was shown; analyses and streams of other selections are no longer shown.
    void setSelection(const ba::MarketSelection &selection, const std::optional<ba::AnalysisRecord> &latest);
    ba::MarketSelection selection() const { return m_selection; }

    // An AI answer starts: busy indicator on, text cleared; then setStreamingText() with the text so far.
    void beginStreaming(const QString &providerId);
    void setStreamingText(const QString &accumulated);
    void showRetryNotice(int seconds);

    bool isStreaming() const { return m_streaming; }
    std::optional<AnalysisRecord> currentRecord() const { return m_current; }
    // What Copy puts on the clipboard: the current (or streaming) Markdown.
    QString currentMarkdown() const;
    MarkdownRenderer *renderer() const { return m_renderer; }
    bool isShowingEmptyState() const;

Q_SIGNALS:
    void regenerateRequested();

private:
    QWidget *buildHeader();
    QWidget *buildStreamingRow();
    QWidget *buildContent();
    void showDetails(const AnalysisRecord &record);
    void showHeadlineState(const AnalysisRecord &record);
    bool isForSelection(const MarketSelection &selection) const;
    void showBadge(bool ai);
    void showBanner(const AnalysisRecord &record);
    void showSincePrevious(const AnalysisRecord &record);
    void setStreamingIndicator(bool on, const QString &text = {});
    void selectInHistory(qint64 id);
    void onHistoryRowChanged(int row);
    void copyMarkdown() const;

    QStackedWidget *m_pages = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    MarkdownRenderer *m_renderer = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_selectionLabel = nullptr;
    QLabel *m_headlinesLabel = nullptr;
    QLabel *m_providerLabel = nullptr;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_latencyLabel = nullptr;
    QLabel *m_tokensLabel = nullptr;
    QWidget *m_streamingRow = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_streamingLabel = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_sinceLabel = nullptr;
    QPushButton *m_regenerate = nullptr;
    QPushButton *m_copy = nullptr;
    QListView *m_historyView = nullptr;
    AnalysisHistoryModel *m_history = nullptr;

    std::optional<AnalysisRecord> m_current;
    MarketSelection m_selection;
    QString m_streamingProvider;
    bool m_streaming = false;
    bool m_selecting = false; // selection changed by the view itself, not by the user
};

} // namespace ba
