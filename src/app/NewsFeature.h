#pragma once

#include "domain/AppConfig.h"
#include "domain/MarketTypes.h"

#include <QObject>
#include <QSqlDatabase>
#include <memory>

namespace ba {

class HttpClient;
class NewsService;
class NewsStore;
class RefreshCoordinator;

// Owns the news pipeline (site profiles, store, service) and plugs it into each refresh as the
// "news" step, which runs alongside the prices. WebEngine starts only when a refresh needs it.
class NewsFeature : public QObject
{
    Q_OBJECT
public:
    NewsFeature(const AppConfig &config, QSqlDatabase db, HttpClient *http, QObject *parent = nullptr);
    ~NewsFeature() override;

    NewsService *service() const { return m_service.get(); }
    QString configError() const { return m_configError; } // a broken --news-config file, in words
    void attach(RefreshCoordinator *coordinator);
    QList<NewsItem> recent(int count) const;

private:
    std::unique_ptr<NewsStore> m_store;
    std::unique_ptr<NewsService> m_service;
    QString m_configError;
};

} // namespace ba
