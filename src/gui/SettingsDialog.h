#pragma once

#include "services/AppSettings.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QStringList>
#include <memory>

class QComboBox;
class QLabel;

namespace Ui {
class SettingsDialog;
}

namespace ba {

class ApiKeyField;
class KeyStore;

// Settings in four tabs (General, Market data, AI, News). Opens with the values of AppSettings;
// OK validates, then writes AppSettings and hands new or removed keys to KeyStore; Cancel changes
// nothing. Key fields never show a stored key. The dialog does no network work: "List models"
// emits listModelsRequested() and the owner answers with setAvailableModels()/setModelListError().
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    using Feed = QPair<QString, QString>; // profile id, display name

    // Both must outlive the dialog.
    SettingsDialog(AppSettings *settings, KeyStore *keys, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The news sources to offer, checked when their id is in enabledIds. Without this call the
    // News tab says no source is configured and news/enabledFeeds is left untouched.
    void setFeeds(const QList<Feed> &feeds, const QStringList &enabledIds);

    // What the form holds now, before OK: lets the owner list models with an unsaved base URL.
    AiSettings formAiSettings() const;
    // The provider whose "List models" button was pressed last.
    AiProviderKind modelListProvider() const { return m_modelListProvider; }
    // A Gemini key typed but not saved yet; empty means "use KeyStore's key".
    QString typedGeminiKey() const;

    // After OK: whether ui/language changed (it takes effect after a restart).
    bool languageChanged() const { return m_languageChanged; }

    static bool isValidBaseUrl(const QString &text);

public Q_SLOTS:
    // Fills the model list of modelListProvider(), keeping the model typed in the field.
    void setAvailableModels(const QStringList &models);
    void setModelListError(const QString &message);
    void accept() override;

Q_SIGNALS:
    void listModelsRequested();

private:
    void setupChoices();
    void setupKeyFields();
    void setupAiTab();
    void load();
    void save();
    bool validate();
    bool validateBaseUrl();
    bool validateModels();
    void requestModels(AiProviderKind provider);
    void setModelListBusy(bool busy);
    QComboBox *modelCombo(AiProviderKind provider) const;
    AiProviderKind selectedProvider() const;
    static void showError(QLabel *label, const QString &message);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    AppSettings *m_settings;
    KeyStore *m_keys;
    ApiKeyField *m_geminiKey = nullptr;
    ApiKeyField *m_coinGeckoKey = nullptr;
    AiProviderKind m_modelListProvider = AiProviderKind::Gemini;
    bool m_feedsSet = false;
    bool m_languageChanged = false;
};

} // namespace ba
