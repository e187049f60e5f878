#pragma once

#include "domain/AppConfig.h"

#include <QObject>
#include <functional>
#include <memory>

class QWidget;

namespace ba {

class AppSettings;
class KeyStore;
class NewsService;
class SecretBackend;

// Keys (keychain or environment), the Settings dialog and the theme it picks (applied when the
// feature is built and after each OK). Whoever needs a key or a setting hears about changes
// through applied(); the dialog is opened on demand.
class SettingsFeature : public QObject
{
    Q_OBJECT
public:
    // `settings` must outlive the feature. Without a backend, keys live in the system keychain.
    SettingsFeature(const AppConfig &config, AppSettings *settings,
                    std::unique_ptr<SecretBackend> backend = nullptr, QObject *parent = nullptr);
    ~SettingsFeature() override;

    AppSettings *settings() const { return m_settings; }
    KeyStore *keys() const { return m_keys.get(); }
    void loadKeys();
    // Shows the dialog; listModels answers the dialog's "List models" button.
    void openDialog(QWidget *parent, const NewsService *news,
                    const std::function<void(std::function<void(QStringList, QString)>)> &listModels);

Q_SIGNALS:
    void applied();                    // settings or keys changed
    void message(const QString &text); // for the status bar

private:
    AppSettings *m_settings;
    std::unique_ptr<KeyStore> m_keys;
};

} // namespace ba
