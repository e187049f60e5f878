#include "gui/SettingsDialog.h"

#include "gui/ApiKeyField.h"
#include "gui/Theme.h"
#include "services/KeyStore.h"
#include "ui_SettingsDialog.h"

#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>

namespace ba {

namespace {

constexpr int FeedIdRole = Qt::UserRole;

void selectData(QComboBox *combo, const QVariant &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, KeyStore *keys, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>()), m_settings(settings), m_keys(keys)
{
    Q_ASSERT(m_settings != nullptr && m_keys != nullptr);
    m_ui->setupUi(this);
    setupChoices();
    setupKeyFields();
    setupAiTab();
    for (QLabel *error :
         {m_ui->openaiUrlError, m_ui->geminiModelError, m_ui->openaiModelError, m_ui->modelListStatus}) {
        error->hide();
    }
    m_ui->feedList->hide();
    m_ui->feedsLabel->hide();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    load();
}

SettingsDialog::~SettingsDialog()
{
    // QDialog's destructor hides the window, which moves focus out of the URL field and emits
    // editingFinished() after m_ui is gone.
    m_ui->openaiUrlEdit->disconnect(this);
}

void SettingsDialog::setupChoices()
{
    m_ui->languageCombo->addItem(tr("System default"), QString());
    // Language names are written in their own language on purpose.
    m_ui->languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_ui->languageCombo->addItem(QStringLiteral("Français"), QStringLiteral("fr"));

    m_ui->themeCombo->addItem(tr("System"), AppSettings::toString(UiTheme::System));
    m_ui->themeCombo->addItem(tr("Light"), AppSettings::toString(UiTheme::Light));
    m_ui->themeCombo->addItem(tr("Dark"), AppSettings::toString(UiTheme::Dark));

    m_ui->planCombo->addItem(tr("Public API (no key)"), AppSettings::toString(CoinGeckoPlan::Keyless));
    m_ui->planCombo->addItem(tr("Demo key"), AppSettings::toString(CoinGeckoPlan::Demo));
    m_ui->planCombo->addItem(tr("Pro key"), AppSettings::toString(CoinGeckoPlan::Pro));
}

void SettingsDialog::setupKeyFields()
{
    m_geminiKey = new ApiKeyField(
        m_keys, ApiKey::Gemini,
        {m_ui->geminiKeyEdit, m_ui->geminiShowButton, m_ui->geminiRemoveButton, m_ui->geminiKeyStatus}, this);
    m_coinGeckoKey = new ApiKeyField(m_keys, ApiKey::CoinGecko,
                                     {m_ui->coingeckoKeyEdit, m_ui->coingeckoShowButton,
                                      m_ui->coingeckoRemoveButton, m_ui->coingeckoKeyStatus},
                                     this);
}

void SettingsDialog::setupAiTab()
{
    connect(m_ui->geminiListButton, &QPushButton::clicked, this,
            [this] { requestModels(AiProviderKind::Gemini); });
    connect(m_ui->openaiListButton, &QPushButton::clicked, this,
            [this] { requestModels(AiProviderKind::OpenAiCompatible); });
    // Say what is wrong once the user leaves the field; clear the message as soon as it is fixed.
    connect(m_ui->openaiUrlEdit, &QLineEdit::editingFinished, this, [this] { validateBaseUrl(); });
    connect(m_ui->openaiUrlEdit, &QLineEdit::textChanged, this, [this] {
        if (m_ui->openaiUrlError->isVisible() && isValidBaseUrl(m_ui->openaiUrlEdit->text())) {
            m_ui->openaiUrlError->hide();
        }
    });
}

void SettingsDialog::load()
{
    m_ui->refreshSpin->setRange(0, AppSettings::MaxRefreshIntervalMinutes);
    m_ui->refreshSpin->setValue(m_settings->refreshIntervalMinutes());
    selectData(m_ui->languageCombo, m_settings->language());
    selectData(m_ui->themeCombo, AppSettings::toString(m_settings->uiTheme()));

    selectData(m_ui->planCombo, AppSettings::toString(m_settings->coinGeckoPlan()));
    m_ui->rateSpin->setRange(0, AppSettings::MaxRequestsPerMinute);
    m_ui->rateSpin->setValue(m_settings->coinGeckoRequestsPerMinute());

    const AiSettings ai = m_settings->aiSettings();
    m_ui->geminiRadio->setChecked(ai.provider == AiProviderKind::Gemini);
    m_ui->openaiRadio->setChecked(ai.provider == AiProviderKind::OpenAiCompatible);
    m_ui->noneRadio->setChecked(ai.provider == AiProviderKind::None);
    m_ui->geminiModelCombo->setCurrentText(ai.geminiModel);
    m_ui->openaiUrlEdit->setText(ai.openaiBaseUrl.toString());
    m_ui->openaiModelCombo->setCurrentText(ai.openaiModel);
    m_ui->temperatureSpin->setRange(0.0, AppSettings::MaxTemperature);
    m_ui->temperatureSpin->setValue(ai.temperature);
    m_ui->maxTokensSpin->setRange(AppSettings::MinOutputTokens, AppSettings::MaxOutputTokens);
    m_ui->maxTokensSpin->setValue(ai.maxOutputTokens);

    m_ui->retentionSpin->setRange(AppSettings::MinRetentionDays, AppSettings::MaxRetentionDays);
    m_ui->retentionSpin->setValue(m_settings->newsRetentionDays());
}

void SettingsDialog::setFeeds(const QList<Feed> &feeds, const QStringList &enabledIds)
{
    m_feedsSet = true;
    m_ui->feedList->clear();
    for (const Feed &feed : feeds) {
        auto *item = new QListWidgetItem(feed.second, m_ui->feedList);
        item->setData(FeedIdRole, feed.first);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(enabledIds.contains(feed.first) ? Qt::Checked : Qt::Unchecked);
    }
    const bool any = !feeds.isEmpty();
    m_ui->feedList->setVisible(any);
    m_ui->feedsLabel->setVisible(any);
    m_ui->noFeedsLabel->setVisible(!any);
}

AiProviderKind SettingsDialog::selectedProvider() const
{
    if (m_ui->openaiRadio->isChecked()) {
        return AiProviderKind::OpenAiCompatible;
    }
    return m_ui->noneRadio->isChecked() ? AiProviderKind::None : AiProviderKind::Gemini;
}

AiSettings SettingsDialog::formAiSettings() const
{
    AiSettings ai;
    ai.provider = selectedProvider();
    ai.geminiModel = m_ui->geminiModelCombo->currentText().trimmed();
    if (ai.geminiModel.startsWith(u"models/")) {
        ai.geminiModel.remove(0, 7); // the id as the models list gives it
    }
    ai.temperature = m_ui->temperatureSpin->value();
    ai.maxOutputTokens = m_ui->maxTokensSpin->value();
    ai.openaiBaseUrl = QUrl(m_ui->openaiUrlEdit->text().trimmed(), QUrl::StrictMode);
    ai.openaiModel = m_ui->openaiModelCombo->currentText().trimmed();
    return ai;
}

QString SettingsDialog::typedGeminiKey() const
{
    return m_geminiKey->typedKey();
}

bool SettingsDialog::isValidBaseUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

void SettingsDialog::requestModels(AiProviderKind provider)
{
    if (provider == AiProviderKind::OpenAiCompatible && !validateBaseUrl()) {
        return;
    }
    m_modelListProvider = provider;
    m_ui->modelListStatus->setPalette(palette());
    m_ui->modelListStatus->setText(tr("Asking for the list of models…"));
    m_ui->modelListStatus->show();
    setModelListBusy(true);
    Q_EMIT listModelsRequested();
}

void SettingsDialog::setAvailableModels(const QStringList &models)
{
    QComboBox *combo = modelCombo(m_modelListProvider);
    const QString current = combo->currentText();
    combo->clear();
    combo->addItems(models);
    combo->setCurrentText(current); // the user's choice stays until they pick another
    m_ui->modelListStatus->setPalette(palette());
    m_ui->modelListStatus->setText(models.isEmpty()
                                       ? tr("The server offers no models.")
                                       : tr("%n model(s) available.", nullptr, int(models.size())));
    m_ui->modelListStatus->show();
    setModelListBusy(false);
}

void SettingsDialog::setModelListError(const QString &message)
{
    showError(m_ui->modelListStatus, message);
    setModelListBusy(false);
}

void SettingsDialog::setModelListBusy(bool busy)
{
    m_ui->geminiListButton->setEnabled(!busy);
    m_ui->openaiListButton->setEnabled(!busy);
}

QComboBox *SettingsDialog::modelCombo(AiProviderKind provider) const
{
    return provider == AiProviderKind::OpenAiCompatible ? m_ui->openaiModelCombo : m_ui->geminiModelCombo;
}

void SettingsDialog::showError(QLabel *label, const QString &message)
{
    QPalette warning = label->palette();
    warning.setColor(QPalette::WindowText, StatusColors::forPalette(warning).bad);
    label->setPalette(warning);
    label->setText(message);
    label->show();
}

bool SettingsDialog::validateBaseUrl()
{
    if (isValidBaseUrl(m_ui->openaiUrlEdit->text())) {
        m_ui->openaiUrlError->hide();
        return true;
    }
    showError(m_ui->openaiUrlError, tr("Enter an address starting with http:// or https://, for example %1.")
                                        .arg(QLatin1String(AppSettings::DefaultOpenAiBaseUrl)));
    return false;
}

bool SettingsDialog::validateModels()
{
    static const QRegularExpression geminiId(QStringLiteral("^(models/)?[A-Za-z0-9][A-Za-z0-9._-]*$"));
    bool ok = true;
    if (geminiId.match(m_ui->geminiModelCombo->currentText().trimmed()).hasMatch()) {
        m_ui->geminiModelError->hide();
    } else {
        showError(m_ui->geminiModelError, tr("A Gemini model id has letters, digits, dots and dashes, "
                                             "for example gemini-2.5-flash."));
        ok = false;
    }
    const QString openaiModel = m_ui->openaiModelCombo->currentText().trimmed();
    if (selectedProvider() == AiProviderKind::OpenAiCompatible && openaiModel.isEmpty()) {
        showError(m_ui->openaiModelError,
                  tr("Enter the name of a model the server has, for example llama3.1."));
        ok = false;
    } else {
        m_ui->openaiModelError->hide();
    }
    return ok;
}

bool SettingsDialog::validate()
{
    const bool urlOk = validateBaseUrl();
    const bool modelsOk = validateModels();
    if (urlOk && modelsOk) {
        return true;
    }
    m_ui->tabs->setCurrentWidget(m_ui->aiTab);
    QWidget *first =
        !urlOk ? static_cast<QWidget *>(m_ui->openaiUrlEdit)
               : (m_ui->geminiModelError->isVisible() ? m_ui->geminiModelCombo : m_ui->openaiModelCombo);
    first->setFocus(Qt::OtherFocusReason);
    return false;
}

void SettingsDialog::save()
{
    m_settings->setRefreshIntervalMinutes(m_ui->refreshSpin->value());
    const QString language = m_ui->languageCombo->currentData().toString();
    m_languageChanged = language != m_settings->language();
    m_settings->setLanguage(language);
    m_settings->setUiTheme(
        AppSettings::uiThemeFromString(m_ui->themeCombo->currentData().toString()).value_or(UiTheme::System));

    const auto plan = AppSettings::coinGeckoPlanFromString(m_ui->planCombo->currentData().toString());
    m_settings->setCoinGeckoPlan(plan.value_or(CoinGeckoPlan::Keyless));
    m_settings->setCoinGeckoRequestsPerMinute(m_ui->rateSpin->value());

    m_settings->setAiSettings(formAiSettings());
    m_settings->setNewsRetentionDays(m_ui->retentionSpin->value());
    if (m_feedsSet) {
        QStringList enabled;
        for (int row = 0; row < m_ui->feedList->count(); ++row) {
            const QListWidgetItem *item = m_ui->feedList->item(row);
            if (item->checkState() == Qt::Checked) {
                enabled << item->data(FeedIdRole).toString();
            }
        }
        m_settings->setEnabledFeeds(enabled);
    }
}

void SettingsDialog::accept()
{
    if (!validate()) {
        return;
    }
    save();
    m_settings->sync();
    m_geminiKey->apply();
    m_coinGeckoKey->apply();
    QDialog::accept();
}

} // namespace ba
