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
class PriceStore;
class RefreshCoordinator;

// Owns the analysis pipeline (store, AI provider, service) and plugs it into each refresh as the
// "analysis" step, which runs once the prices have been refreshed.
class AnalysisFeature : public QObject
{
    Q_OBJECT
public:
    AnalysisFeature(const AppConfig &config, const AppSettings *settings, QSqlDatabase db, HttpClient *http,
                    PriceStore *prices, QObject *parent = nullptr);
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
    void analyse(const QString &correlationId);
    std::unique_ptr<AiProvider> makeProvider(const QString &geminiKey, const QString &geminiModel) const;

    AppConfig m_config;
    const AppSettings *m_settings;
    HttpClient *m_http;
    PriceStore *m_prices;
    std::unique_ptr<AnalysisStore> m_store;
    std::unique_ptr<AiProvider> m_provider;
    std::unique_ptr<AnalysisService> m_service;
    std::function<QList<NewsItem>()> m_recentNews;
    QString m_providerSignature; // what the current provider was built from
    QString m_lastCorrelationId;
};

} // namespace ba
