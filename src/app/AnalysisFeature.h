#pragma once

#include "domain/AppConfig.h"
#include "domain/MarketTypes.h"

#include <QObject>
#include <QSqlDatabase>
#include <QUrl>
#include <functional>
#include <memory>

namespace ba {

class AiProvider;
class AnalysisService;
class AnalysisStore;
class AppSettings;
class HttpClient;
class PriceService;
class RefreshCoordinator;
struct StepStart;

// Owns the analysis pipeline (store, AI provider, service) and plugs it into each refresh as the
// "analysis" step. The step needs the prices and wants the news: it starts when both have reported,
// or NewsDeadlineMs after the refresh began with the stored headlines. It analyses exactly what the
// chart shows: PriceService's selection, its one series and its quote.
class AnalysisFeature : public QObject
{
    Q_OBJECT
public:
    static constexpr int NewsDeadlineMs = 5000;

    AnalysisFeature(const AppConfig &config, const AppSettings *settings, QSqlDatabase db, HttpClient *http,
                    PriceService *prices, QObject *parent = nullptr);
    ~AnalysisFeature() override;

    AnalysisService *service() const { return m_service.get(); }
    void attach(RefreshCoordinator *coordinator, std::function<QList<NewsItem>()> recentNews);
    // Rebuilds the provider from the settings and keys (after the Settings dialog) when they
    // changed; the sampling settings (temperature, output budget) apply to the next request.
    void reconfigure(const QString &geminiKey, const QString &geminiModel = QString());
    // Asks the configured kind of provider for its models ("List models" in Settings).
    void listModels(bool openAiCompatible, const QString &geminiKey, const QUrl &openAiBaseUrl,
                    std::function<void(QStringList, QString)> done);

private:
    void analyse(const StepStart &how);
    void followSelection();
    std::unique_ptr<AiProvider> makeProvider(const QString &geminiKey, const QString &geminiModel) const;

    AppConfig m_config;
    const AppSettings *m_settings;
    HttpClient *m_http;
    PriceService *m_prices;
    std::unique_ptr<AnalysisStore> m_store;
    std::unique_ptr<AiProvider> m_provider;
    std::unique_ptr<AnalysisService> m_service;
    std::function<QList<NewsItem>()> m_recentNews;
    QString m_providerSignature; // what the current provider was built from
    std::unique_ptr<StepStart> m_lastStart;
};

} // namespace ba
