#include "gui/AnalysisView.h"

#include "gui/AnalysisHistoryModel.h"
#include "gui/EmptyStateWidget.h"
#include "gui/MarkdownRenderer.h"
#include "services/AnalysisComparison.h"
#include "services/AnalysisService.h"
#include "services/MarketSummary.h"

#include <QClipboard>
#include <QDateTime>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ba {

namespace {

// Untrusted or data-derived text is always shown as plain text.
QLabel *plainLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    return label;
}

bool isLocal(const AnalysisRecord &record)
{
    return record.provider == AnalysisService::LocalProvider;
}

} // namespace

AnalysisView::AnalysisView(QWidget *parent) : QWidget(parent), m_history(new AnalysisHistoryModel(this))
{
    setObjectName(QStringLiteral("analysisView"));
    m_pages = new QStackedWidget(this);
    m_emptyState = EmptyStateWidget::forAnalysis(m_pages);
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(buildContent());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
}

AnalysisView::~AnalysisView() = default;

QWidget *AnalysisView::buildHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    m_badge = plainLabel(QStringLiteral("analysisBadge"), header);
    m_badge->setMargin(3);
    m_selectionLabel = plainLabel(QStringLiteral("analysisSelectionLabel"), header);
    m_selectionLabel->setToolTip(tr("The coin, currency and chart range this analysis is about"));
    QFont bold = m_selectionLabel->font();
    bold.setBold(true);
    m_selectionLabel->setFont(bold);
    m_headlinesLabel = plainLabel(QStringLiteral("analysisHeadlinesLabel"), header);
    m_providerLabel = plainLabel(QStringLiteral("analysisProviderLabel"), header);
    m_timeLabel = plainLabel(QStringLiteral("analysisTimeLabel"), header);
    m_latencyLabel = plainLabel(QStringLiteral("analysisLatencyLabel"), header);
    m_tokensLabel = plainLabel(QStringLiteral("analysisTokensLabel"), header);
    m_regenerate = new QPushButton(tr("Regenerate"), header);
    m_regenerate->setObjectName(QStringLiteral("analysisRegenerateButton"));
    m_regenerate->setToolTip(tr("Ask again for the same data, ignoring the stored answer"));
    m_copy = new QPushButton(tr("Copy"), header);
    m_copy->setObjectName(QStringLiteral("analysisCopyButton"));
    m_copy->setToolTip(tr("Copy the analysis as Markdown"));
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_badge, m_selectionLabel, m_providerLabel, m_timeLabel,
                                          m_latencyLabel, m_tokensLabel, m_headlinesLabel}) {
        row->addWidget(w);
    }
    row->addStretch(1);
    row->addWidget(m_regenerate);
    row->addWidget(m_copy);
    connect(m_regenerate, &QPushButton::clicked, this, &AnalysisView::regenerateRequested);
    connect(m_copy, &QPushButton::clicked, this, &AnalysisView::copyMarkdown);
    return header;
}

QWidget *AnalysisView::buildStreamingRow()
{
    m_streamingRow = new QWidget(this);
    m_streamingRow->setObjectName(QStringLiteral("analysisStreamingIndicator"));
    auto *row = new QHBoxLayout(m_streamingRow);
    row->setContentsMargins(0, 0, 0, 0);
    m_busy = new QProgressBar(m_streamingRow);
    m_busy->setRange(0, 0); // busy animation
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_streamingLabel = plainLabel(QStringLiteral("analysisStreamingLabel"), m_streamingRow);
    row->addWidget(m_busy);
    row->addWidget(m_streamingLabel, 1);
    m_streamingRow->hide();
    return m_streamingRow;
}

QWidget *AnalysisView::buildContent()
{
    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);
    column->addWidget(buildHeader());
    column->addWidget(buildStreamingRow());

    m_banner = plainLabel(QStringLiteral("analysisErrorBanner"), content);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; border: 1px solid "
                                           "#e0c060; border-radius: 3px; padding: 6px; }"));
    m_banner->hide();
    m_sinceLabel = plainLabel(QStringLiteral("analysisSinceLabel"), content);
    m_sinceLabel->setWordWrap(true);
    m_sinceLabel->hide();
    column->addWidget(m_banner);
    column->addWidget(m_sinceLabel);

    auto *splitter = new QSplitter(Qt::Horizontal, content);
    m_renderer = new MarkdownRenderer(splitter);
    m_renderer->setObjectName(QStringLiteral("analysisBrowser"));
    m_historyView = new QListView(splitter);
    m_historyView->setObjectName(QStringLiteral("analysisHistoryList"));
    m_historyView->setModel(m_history);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setUniformItemSizes(true);
    m_historyView->setToolTip(tr("Past analyses: pick one to read it again"));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    column->addWidget(splitter, 1);
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onHistoryRowChanged(current.row()); });
    return content;
}

void AnalysisView::bindTo(AnalysisService *service)
{
    connect(service, &AnalysisService::analysisStarted, this,
            [this](const QString &, const QString &providerId, const MarketSelection &selection) {
                if (providerId != AnalysisService::LocalProvider && isForSelection(selection)) {
                    beginStreaming(providerId);
                }
            });
    connect(service, &AnalysisService::streamingText, this, &AnalysisView::setStreamingText);
    connect(service, &AnalysisService::retryScheduled, this, &AnalysisView::showRetryNotice);
    connect(service, &AnalysisService::analysisReady, this, [this](const AnalysisRecord &record) {
        if (isForSelection(record.selection())) {
            showAnalysis(record);
        }
    });
    connect(service, &AnalysisService::historyChanged, this,
            [this, service] { setHistory(service->history(HistoryLimit)); });
    connect(service, &AnalysisService::selectionChanged, this,
            [this, service](const MarketSelection &selection) {
                setSelection(selection, service->latestFor(selection));
            });
    connect(this, &AnalysisView::regenerateRequested, service, [service] { service->regenerate(); });
    m_selection = service->selection();
    setHistory(service->history(HistoryLimit));
}

bool AnalysisView::isForSelection(const MarketSelection &selection) const
{
    return m_selection.isEmpty() || selection == m_selection;
}

void AnalysisView::setSelection(const MarketSelection &selection, const std::optional<AnalysisRecord> &latest)
{
    m_selection = selection;
    m_streaming = false;
    setStreamingIndicator(false);
    if (latest) {
        showAnalysis(*latest);
        return;
    }
    m_current.reset();
    selectInHistory(0);
    m_emptyState->setTitle(tr("No analysis of %1 yet.").arg(AnalysisHistoryModel::selectionText(selection)));
    m_emptyState->setHint(tr("It is written when the next refresh has brought its prices."));
    m_pages->setCurrentWidget(m_emptyState);
}

void AnalysisView::showAnalysis(const AnalysisRecord &record)
{
    m_current = record;
    m_streaming = false;
    setStreamingIndicator(false);
    m_pages->setCurrentIndex(1);
    m_renderer->setMarkdownText(record.response);
    showDetails(record);
    showBanner(record);
    showSincePrevious(record);
    selectInHistory(record.id);
}

void AnalysisView::setHistory(const QList<AnalysisRecord> &newestFirst)
{
    m_history->setRecords(newestFirst);
    if (m_current) {
        selectInHistory(m_current->id);
        showSincePrevious(*m_current); // the previous analysis may only now be known
        return;
    }
    if (m_streaming) {
        return;
    }
    for (const AnalysisRecord &record : newestFirst) {
        if (isForSelection(record.selection())) {
            showAnalysis(record);
            return;
        }
    }
}

void AnalysisView::beginStreaming(const QString &providerId)
{
    m_streaming = true;
    m_streamingProvider = providerId;
    m_pages->setCurrentIndex(1);
    m_renderer->setMarkdownText(QString());
    m_banner->hide();
    m_sinceLabel->hide();
    showBadge(true);
    m_selectionLabel->setText(AnalysisHistoryModel::selectionText(m_selection));
    m_headlinesLabel->hide();
    m_providerLabel->setText(AnalysisService::providerDisplayName(providerId));
    m_timeLabel->clear();
    m_latencyLabel->hide();
    m_tokensLabel->hide();
    setStreamingIndicator(
        true, tr("Writing the analysis with %1…").arg(AnalysisService::providerDisplayName(providerId)));
}

void AnalysisView::setStreamingText(const QString &accumulated)
{
    if (!m_streaming) {
        return;
    }
    m_renderer->setMarkdownText(accumulated);
}

void AnalysisView::showRetryNotice(int seconds)
{
    if (!m_streaming) {
        return;
    }
    setStreamingIndicator(true, tr("%1 is busy; trying again in %n second(s)…", nullptr, seconds)
                                    .arg(AnalysisService::providerDisplayName(m_streamingProvider)));
}

QString AnalysisView::currentMarkdown() const
{
    return m_renderer->markdownText();
}

bool AnalysisView::isShowingEmptyState() const
{
    return m_pages->currentWidget() == m_emptyState;
}

void AnalysisView::showDetails(const AnalysisRecord &record)
{
    const bool ai = !isLocal(record);
    showBadge(ai);
    m_selectionLabel->setText(AnalysisHistoryModel::selectionText(record.selection()));
    showHeadlineState(record);
    m_providerLabel->setText(ai && !record.model.isEmpty()
                                 ? AnalysisService::providerDisplayName(record.provider) +
                                       QStringLiteral(" · ") + record.model
                                 : (ai ? AnalysisService::providerDisplayName(record.provider) : QString()));
    m_providerLabel->setVisible(ai);
    m_timeLabel->setText(
        locale().toString(QDateTime::fromMSecsSinceEpoch(record.createdMs), QLocale::ShortFormat));
    m_latencyLabel->setText(tr("%1 s").arg(locale().toString(double(record.latencyMs) / 1000.0, 'f', 1)));
    m_latencyLabel->setToolTip(tr("Time taken to answer"));
    m_latencyLabel->setVisible(ai);
    const auto tokens = [this](const std::optional<qint64> &n) {
        return n ? locale().toString(*n) : QStringLiteral("?");
    };
    m_tokensLabel->setText(
        tr("%1 tokens in, %2 out").arg(tokens(record.promptTokens), tokens(record.outputTokens)));
    m_tokensLabel->setVisible(ai && (record.promptTokens || record.outputTokens));
}

// Whether the analysis waited for this refresh's news, and how many headlines it read.
void AnalysisView::showHeadlineState(const AnalysisRecord &record)
{
    const std::optional<MarketSummary> summary = MarketSummary::fromJson(record.summaryJson.toUtf8());
    const int count = summary ? int(summary->headlines.size()) : 0;
    QString text;
    if (record.headlineState == AnalysisRecord::HeadlinesFresh) {
        text = tr("with %n headline(s) from this refresh", nullptr, count);
    } else if (record.headlineState == AnalysisRecord::HeadlinesStored) {
        text = tr("with %n stored headline(s)", nullptr, count);
    } else if (record.headlineState == AnalysisRecord::HeadlinesLate) {
        text = tr("news was still loading: with %n stored headline(s)", nullptr, count);
    } else if (record.headlineState == AnalysisRecord::HeadlinesFailed) {
        text = tr("news refresh failed: with %n stored headline(s)", nullptr, count);
    }
    m_headlinesLabel->setText(text);
    m_headlinesLabel->setVisible(!text.isEmpty());
}

void AnalysisView::showBadge(bool ai)
{
    m_badge->setText(ai ? tr("AI") : tr("Computed locally"));
    m_badge->setToolTip(ai ? tr("Written by an AI model from the computed indicators")
                           : tr("Computed on this computer from the indicators, without AI"));
    const QString colours = ai ? QStringLiteral("background: #dbe8ff; color: #123c7a;")
                               : QStringLiteral("background: #e6e6e6; color: #333333;");
    m_badge->setStyleSheet(QStringLiteral("QLabel { ") + colours +
                           QStringLiteral(" border-radius: 3px; font-weight: bold; }"));
}

void AnalysisView::showBanner(const AnalysisRecord &record)
{
    if (record.error.isEmpty()) {
        m_banner->hide();
        return;
    }
    const bool fallback = record.status == AnalysisService::StatusFallback;
    m_banner->setText(fallback ? tr("%1 — showing the local report").arg(record.error) : record.error);
    m_banner->show();
}

void AnalysisView::showSincePrevious(const AnalysisRecord &record)
{
    const std::optional<AnalysisRecord> previous = previousAnalysis(m_history->records(), record);
    const QString text = previous ? describeChangeSince(*previous, record, locale()) : QString();
    m_sinceLabel->setText(text);
    m_sinceLabel->setVisible(!text.isEmpty());
}

void AnalysisView::setStreamingIndicator(bool on, const QString &text)
{
    m_streamingLabel->setText(text);
    m_streamingRow->setVisible(on);
    m_regenerate->setEnabled(!on);
}

void AnalysisView::selectInHistory(qint64 id)
{
    const int row = id > 0 ? m_history->rowOfId(id) : -1;
    m_selecting = true;
    if (row >= 0) {
        m_historyView->setCurrentIndex(m_history->index(row));
    } else {
        m_historyView->selectionModel()->clear();
    }
    m_selecting = false;
}

void AnalysisView::onHistoryRowChanged(int row)
{
    if (m_selecting || row < 0 || row >= m_history->rowCount()) {
        return;
    }
    const AnalysisRecord &record = m_history->recordAt(row);
    if (!m_current || m_current->id != record.id) {
        showAnalysis(record);
    }
}

void AnalysisView::copyMarkdown() const
{
    QGuiApplication::clipboard()->setText(currentMarkdown());
}

} // namespace ba
