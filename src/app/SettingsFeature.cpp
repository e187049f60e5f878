#include "app/SettingsFeature.h"

#include "gui/SettingsDialog.h"
#include "gui/Theme.h"
#include "news/NewsSiteProfile.h"
#include "services/AppSettings.h"
#include "services/KeyStore.h"
#include "services/NewsService.h"
#include "services/SecretBackend.h"

namespace ba {

SettingsFeature::SettingsFeature(const AppConfig &config, AppSettings *settings,
                                 std::unique_ptr<SecretBackend> backend, QObject *parent)
    : QObject(parent), m_settings(settings), m_keys(std::make_unique<KeyStore>(config, std::move(backend)))
{
    connect(m_keys.get(), &KeyStore::loaded, this, &SettingsFeature::applied);
    connect(m_keys.get(), &KeyStore::keyChanged, this, &SettingsFeature::applied);
    connect(m_keys.get(), &KeyStore::keySaved, this,
            [this](ApiKey, KeySource, const QString &text) { Q_EMIT message(text); });
    connect(m_keys.get(), &KeyStore::keyRemoved, this,
            [this](ApiKey, bool, const QString &text) { Q_EMIT message(text); });
    // Before any window exists, so that the first paint already has the chosen colours.
    Theme::apply(m_settings->uiTheme());
}

SettingsFeature::~SettingsFeature() = default;

void SettingsFeature::loadKeys()
{
    m_keys->load();
}

void SettingsFeature::openDialog(
    QWidget *parent, const NewsService *news,
    const std::function<void(std::function<void(QStringList, QString)>)> &listModels)
{
    SettingsDialog dialog(m_settings, m_keys.get(), parent);
    if (news) {
        QList<SettingsDialog::Feed> feeds;
        QStringList enabled;
        for (const NewsSiteProfile &profile : news->config().sites) {
            if (profile.kind == NewsSiteProfile::Kind::Rss) {
                feeds.append({profile.id, profile.name});
                if (profile.enabled) {
                    enabled.append(profile.id);
                }
            }
        }
        dialog.setFeeds(feeds, m_settings->enabledFeeds().value_or(enabled));
    }
    connect(&dialog, &SettingsDialog::listModelsRequested, &dialog, [&dialog, &listModels] {
        QPointer<SettingsDialog> guard(&dialog);
        listModels([guard](const QStringList &models, const QString &error) {
            if (!guard) {
                return;
            }
            if (error.isEmpty()) {
                guard->setAvailableModels(models);
            } else {
                guard->setModelListError(error);
            }
        });
    });
    if (dialog.exec() == QDialog::Accepted) {
        if (dialog.languageChanged()) {
            Q_EMIT message(tr("The new language is used after a restart."));
        }
        Theme::apply(m_settings->uiTheme()); // live: every widget gets the new palette now
        Q_EMIT applied();
    }
}

} // namespace ba
