#include "app/NewsFeature.h"

#include "news/NewsSiteProfile.h"
#include "services/NewsService.h"
#include "services/RefreshCoordinator.h"
#include "storage/NewsStore.h"

#include <QDir>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.app.news")
} // namespace

namespace ba {

namespace {

// --news-config is used exactly as written. --news-url only retargets the built-in profiles, and
// only when it was given: an RSS-only file never gains a hidden browser or the default feed.
NewsSiteConfig loadProfiles(const AppConfig &config, QString *error)
{
    NewsSiteConfigResult loaded = NewsSiteConfigLoader::load(config.newsConfigPath);
    if (!loaded.ok()) {
        // A user's broken file is reported, never silently replaced by the built-in profiles.
        *error = loaded.error.value_or(QString());
        qCWarning(lc).noquote() << "News site profiles unusable:" << *error;
        return {};
    }
    if (!config.newsUrlExplicit) {
        return loaded.config;
    }
    if (!config.newsConfigPath.isEmpty()) {
        qCWarning(lc).noquote() << "--news-url is ignored: the profiles of" << config.newsConfigPath
                                << "are used as written";
        return loaded.config;
    }
    applyNewsUrlOverride(loaded.config, config.newsUrl);
    return loaded.config;
}

} // namespace

NewsFeature::NewsFeature(const AppConfig &config, QSqlDatabase db, HttpClient *http, QObject *parent)
    : QObject(parent), m_store(std::make_unique<NewsStore>(db))
{
    const NewsSiteConfig profiles = loadProfiles(config, &m_configError);
    m_service = std::make_unique<NewsService>(m_store.get(), http, profiles,
                                              QDir(config.dataDir).filePath(QStringLiteral("webengine")));
    m_service->setOffline(config.offline);
}

NewsFeature::~NewsFeature()
{
    m_service->cancel();
}

void NewsFeature::attach(RefreshCoordinator *coordinator)
{
    coordinator->addStep({StepNames::News,
                          [this, coordinator](const StepStart &how) {
                              if (!m_configError.isEmpty()) {
                                  StepReport report;
                                  report.step = StepNames::News;
                                  report.ok = false;
                                  report.error.kind = FetchError::Kind::BadRequest;
                                  report.error.userMessage = m_configError;
                                  coordinator->reportStep(report);
                                  return;
                              }
                              m_service->refresh(how.id);
                          },
                          {},
                          {},
                          0});
    connect(m_service.get(), &NewsService::finished, coordinator, &RefreshCoordinator::reportStep);
}

QList<NewsItem> NewsFeature::recent(int count) const
{
    QList<NewsItem> items;
    const QList<StoredNewsItem> stored = m_service->items(count);
    items.reserve(stored.size());
    for (const StoredNewsItem &entry : stored) {
        items.append(entry.item);
    }
    return items;
}

} // namespace ba
