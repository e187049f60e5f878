#include "domain/AppConfig.h"
#include "fakes/FakeSecretBackend.h"
#include "gui/SettingsDialog.h"
#include "services/AppSettings.h"
#include "services/KeyStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace ba;
using ba::test::FakeSecretBackend;

namespace {

const QString StoredGeminiKey = QStringLiteral("AIzaSy-stored-secret-0123456789");

template <typename T> T *child(const QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QString::fromLatin1(name));
    if (widget == nullptr) {
        qFatal("no child widget %s", name);
    }
    return widget;
}

// Every piece of text a widget of the dialog shows or holds.
QString allText(const QWidget &dialog)
{
    QStringList texts;
    for (const QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        texts << edit->text() << edit->displayText() << edit->placeholderText();
    }
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        texts << label->text();
    }
    for (const QComboBox *combo : dialog.findChildren<QComboBox *>()) {
        for (int i = 0; i < combo->count(); ++i) {
            texts << combo->itemText(i);
        }
    }
    return texts.join(u'\n');
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    struct Rig
    {
        QTemporaryDir dir;
        std::unique_ptr<QSettings> ini;
        std::unique_ptr<AppSettings> settings;
        FakeSecretBackend *backend = new FakeSecretBackend;
        std::unique_ptr<KeyStore> keys;

        explicit Rig(const AppConfig &config = {})
        {
            ini = std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
            settings = std::make_unique<AppSettings>(ini.get());
            keys = std::make_unique<KeyStore>(config, std::unique_ptr<SecretBackend>(backend));
        }
        QString iniPath() const { return dir.filePath(QStringLiteral("settings.ini")); }
        bool loadKeys()
        {
            QSignalSpy loaded(keys.get(), &KeyStore::loaded);
            keys->load();
            return loaded.wait(5000);
        }
        QByteArray iniBytes() const
        {
            QFile file(iniPath());
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }
    };

private Q_SLOTS:
    void open_fieldsReflectAppSettings();
    void accept_writesEveryFieldToAppSettings();
    void cancel_changesNothing();
    void keyField_isPasswordModeAndNeverHoldsTheStoredKey();
    void keyField_environmentKey_saysWhereItComesFrom();
    void typedKey_onAccept_goesToKeyStoreNotToTheSettingsFile();
    void removeKey_onAccept_deletesTheStoredKey();
    void keychainUnavailable_keyFieldSaysSessionOnly();
    void invalidBaseUrl_blocksAcceptWithMessage_data();
    void invalidBaseUrl_blocksAcceptWithMessage();
    void listModels_requestThenAnswer_fillsTheCombo();
    void listModels_error_isShownAndButtonsComeBack();
    void feeds_checkedStateRoundTrips();
    void grabEveryTab_rendersWithoutTheKey();

private:
    static void clickOk(SettingsDialog &dialog)
    {
        QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
    }
};

void TestSettingsDialog::open_fieldsReflectAppSettings()
{
    Rig rig;
    rig.settings->setRefreshIntervalMinutes(12);
    rig.settings->setLanguage(QStringLiteral("fr"));
    rig.settings->setUiTheme(UiTheme::Dark);
    rig.settings->setCoinGeckoPlan(CoinGeckoPlan::Demo);
    rig.settings->setCoinGeckoRequestsPerMinute(25);
    rig.settings->setAiProvider(AiProviderKind::OpenAiCompatible);
    rig.settings->setGeminiModel(QStringLiteral("gemini-2.5-pro"));
    rig.settings->setTemperature(0.7);
    rig.settings->setMaxOutputTokens(2048);
    rig.settings->setOpenaiBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/v1")));
    rig.settings->setOpenaiModel(QStringLiteral("qwen2.5:7b"));
    rig.settings->setNewsRetentionDays(45);

    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    QCOMPARE(child<QSpinBox>(dialog, "refreshSpin")->value(), 12);
    QCOMPARE(child<QComboBox>(dialog, "languageCombo")->currentData().toString(), QStringLiteral("fr"));
    QCOMPARE(child<QComboBox>(dialog, "themeCombo")->currentData().toString(), QStringLiteral("dark"));
    QCOMPARE(child<QComboBox>(dialog, "planCombo")->currentData().toString(), QStringLiteral("demo"));
    QCOMPARE(child<QSpinBox>(dialog, "rateSpin")->value(), 25);
    QVERIFY(child<QRadioButton>(dialog, "openaiRadio")->isChecked());
    QVERIFY(!child<QRadioButton>(dialog, "geminiRadio")->isChecked());
    QCOMPARE(child<QComboBox>(dialog, "geminiModelCombo")->currentText(), QStringLiteral("gemini-2.5-pro"));
    QCOMPARE(child<QDoubleSpinBox>(dialog, "temperatureSpin")->value(), 0.7);
    QCOMPARE(child<QSpinBox>(dialog, "maxTokensSpin")->value(), 2048);
    QCOMPARE(child<QLineEdit>(dialog, "openaiUrlEdit")->text(), QStringLiteral("http://127.0.0.1:8080/v1"));
    QCOMPARE(child<QComboBox>(dialog, "openaiModelCombo")->currentText(), QStringLiteral("qwen2.5:7b"));
    QCOMPARE(child<QSpinBox>(dialog, "retentionSpin")->value(), 45);
    QCOMPARE(child<QSpinBox>(dialog, "refreshSpin")->specialValueText(), QStringLiteral("Off"));
}

void TestSettingsDialog::accept_writesEveryFieldToAppSettings()
{
    Rig rig;
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    child<QSpinBox>(dialog, "refreshSpin")->setValue(0);
    auto *language = child<QComboBox>(dialog, "languageCombo");
    language->setCurrentIndex(language->findData(QStringLiteral("en")));
    auto *theme = child<QComboBox>(dialog, "themeCombo");
    QCOMPARE(theme->count(), 3); // System, Light, Dark
    theme->setCurrentIndex(theme->findData(QStringLiteral("light")));
    auto *plan = child<QComboBox>(dialog, "planCombo");
    plan->setCurrentIndex(plan->findData(QStringLiteral("pro")));
    child<QSpinBox>(dialog, "rateSpin")->setValue(400);
    child<QRadioButton>(dialog, "noneRadio")->setChecked(true);
    child<QComboBox>(dialog, "geminiModelCombo")
        ->setCurrentText(QStringLiteral("models/gemini-2.5-flash-lite"));
    child<QDoubleSpinBox>(dialog, "temperatureSpin")->setValue(1.1);
    child<QSpinBox>(dialog, "maxTokensSpin")->setValue(8192);
    child<QLineEdit>(dialog, "openaiUrlEdit")->setText(QStringLiteral("https://llm.example.test/v1"));
    child<QComboBox>(dialog, "openaiModelCombo")->setCurrentText(QStringLiteral("mistral"));
    child<QSpinBox>(dialog, "retentionSpin")->setValue(7);
    clickOk(dialog);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.languageChanged());
    QSettings reread(rig.iniPath(), QSettings::IniFormat); // what is on disk, not in memory
    const AppSettings saved(&reread);
    QCOMPARE(saved.refreshIntervalMinutes(), 0);
    QCOMPARE(saved.language(), QStringLiteral("en"));
    QCOMPARE(saved.uiTheme(), UiTheme::Light);
    QCOMPARE(saved.coinGeckoPlan(), CoinGeckoPlan::Pro);
    QCOMPARE(saved.coinGeckoRequestsPerMinute(), 400);
    QCOMPARE(saved.aiProvider(), AiProviderKind::None);
    QCOMPARE(saved.geminiModel(), QStringLiteral("gemini-2.5-flash-lite"));
    QCOMPARE(saved.temperature(), 1.1);
    QCOMPARE(saved.maxOutputTokens(), 8192);
    QCOMPARE(saved.openaiBaseUrl(), QUrl(QStringLiteral("https://llm.example.test/v1")));
    QCOMPARE(saved.openaiModel(), QStringLiteral("mistral"));
    QCOMPARE(saved.newsRetentionDays(), 7);
    QVERIFY2(!saved.enabledFeeds().has_value(), "feeds are untouched when none were offered");
}

void TestSettingsDialog::cancel_changesNothing()
{
    Rig rig;
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    child<QSpinBox>(dialog, "refreshSpin")->setValue(60);
    QTest::keyClicks(child<QLineEdit>(dialog, "geminiKeyEdit"), QStringLiteral("typed-then-cancelled"));
    QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Cancel),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(rig.settings->refreshIntervalMinutes(), 5);
    QVERIFY(rig.ini->allKeys().isEmpty());
    QCOMPARE(rig.backend->writes, 0);
    QVERIFY(!rig.keys->hasKey(ApiKey::Gemini));
}

void TestSettingsDialog::keyField_isPasswordModeAndNeverHoldsTheStoredKey()
{
    Rig rig;
    rig.backend->entries.insert(QStringLiteral("gemini"), StoredGeminiKey);
    QVERIFY(rig.loadKeys());
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *edit = child<QLineEdit>(dialog, "geminiKeyEdit");
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QCOMPARE(edit->text(), QString());
    QCOMPARE(edit->placeholderText(), QStringLiteral("Stored in the system keychain"));
    QCOMPARE(child<QLineEdit>(dialog, "coingeckoKeyEdit")->echoMode(), QLineEdit::Password);
    QCOMPARE(child<QLineEdit>(dialog, "coingeckoKeyEdit")->placeholderText(),
             QStringLiteral("Paste your API key"));
    QVERIFY(child<QPushButton>(dialog, "geminiRemoveButton")->isEnabled());
    QVERIFY(!child<QPushButton>(dialog, "coingeckoRemoveButton")->isEnabled());

    // "Show" reveals only what the user types: the stored key is never loaded into the widget.
    auto *show = child<QToolButton>(dialog, "geminiShowButton");
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    QCOMPARE(edit->text(), QString());
    QVERIFY(!allText(dialog).contains(StoredGeminiKey));
    QTest::keyClicks(edit, QStringLiteral("abc"));
    QCOMPARE(edit->displayText(), QStringLiteral("abc"));
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(edit->displayText() != QStringLiteral("abc"));
}

void TestSettingsDialog::keyField_environmentKey_saysWhereItComesFrom()
{
    AppConfig config;
    config.geminiApiKey = QStringLiteral("env-secret-gemini");
    Rig rig(config);
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    QCOMPARE(child<QLineEdit>(dialog, "geminiKeyEdit")->placeholderText(),
             QStringLiteral("From GEMINI_API_KEY (the environment)"));
    QVERIFY(child<QLabel>(dialog, "geminiKeyStatus")->text().contains(u"takes precedence"));
    QVERIFY(!allText(dialog).contains(u"env-secret-gemini"));
}

void TestSettingsDialog::typedKey_onAccept_goesToKeyStoreNotToTheSettingsFile()
{
    Rig rig;
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString typed = QStringLiteral("CG-typed-in-dialog-42");
    QTest::keyClicks(child<QLineEdit>(dialog, "coingeckoKeyEdit"), typed);
    QCOMPARE(dialog.typedGeminiKey(), QString());
    QSignalSpy saved(rig.keys.get(), &KeyStore::keySaved);
    clickOk(dialog);

    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(rig.keys->key(ApiKey::CoinGecko), typed);
    QVERIFY(saved.wait(5000));
    QCOMPARE(rig.backend->entries.value(QStringLiteral("coingecko")), typed);
    QCOMPARE(rig.backend->writes, 1); // the untouched Gemini field wrote nothing
    const QByteArray ini = rig.iniBytes();
    QVERIFY(ini.contains("intervalMinutes")); // the file was written...
    QVERIFY(!ini.contains(typed.toUtf8()));   // ...without the key
}

void TestSettingsDialog::removeKey_onAccept_deletesTheStoredKey()
{
    Rig rig;
    rig.backend->entries.insert(QStringLiteral("gemini"), StoredGeminiKey);
    QVERIFY(rig.loadKeys());
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(child<QPushButton>(dialog, "geminiRemoveButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>(dialog, "geminiKeyStatus")->text().contains(u"removed when you press OK"));
    QVERIFY(rig.keys->hasKey(ApiKey::Gemini)); // nothing happens before OK

    QSignalSpy removed(rig.keys.get(), &KeyStore::keyRemoved);
    clickOk(dialog);
    QVERIFY(removed.wait(5000));
    QVERIFY(!rig.keys->hasKey(ApiKey::Gemini));
    QVERIFY(rig.backend->entries.isEmpty());
}

void TestSettingsDialog::keychainUnavailable_keyFieldSaysSessionOnly()
{
    Rig rig;
    rig.backend->failWith = SecretReply::Status::Unavailable;
    {
        SettingsDialog dialog(rig.settings.get(), rig.keys.get());
        QTest::keyClicks(child<QLineEdit>(dialog, "geminiKeyEdit"), QStringLiteral("AIza-session"));
        QSignalSpy saved(rig.keys.get(), &KeyStore::keySaved);
        clickOk(dialog);
        QVERIFY(saved.wait(5000));
    }
    SettingsDialog reopened(rig.settings.get(), rig.keys.get());
    QCOMPARE(child<QLineEdit>(reopened, "geminiKeyEdit")->placeholderText(),
             QStringLiteral("Kept for this session only"));
    QCOMPARE(child<QLabel>(reopened, "geminiKeyStatus")->text(),
             QStringLiteral("No system keychain is available; the key is kept for this session only. "
                            "Set GEMINI_API_KEY to avoid typing it again."));
}

void TestSettingsDialog::invalidBaseUrl_blocksAcceptWithMessage_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("empty") << QString();
    QTest::newRow("no scheme") << QStringLiteral("localhost:11434/v1");
    QTest::newRow("ftp") << QStringLiteral("ftp://localhost/v1");
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
    QTest::newRow("no host") << QStringLiteral("http:///v1");
    QTest::newRow("spaces") << QStringLiteral("http://local host/v1");
}

void TestSettingsDialog::invalidBaseUrl_blocksAcceptWithMessage()
{
    QFETCH(QString, url);
    Rig rig;
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    child<QLineEdit>(dialog, "openaiUrlEdit")->setText(url);
    child<QSpinBox>(dialog, "refreshSpin")->setValue(30);
    clickOk(dialog);

    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *error = child<QLabel>(dialog, "openaiUrlError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"http://"), qPrintable(error->text()));
    QCOMPARE(child<QTabWidget>(dialog, "tabs")->currentWidget()->objectName(), QStringLiteral("aiTab"));
    QVERIFY(rig.ini->allKeys().isEmpty()); // nothing half-saved

    child<QLineEdit>(dialog, "openaiUrlEdit")->setText(QStringLiteral("http://localhost:11434/v1"));
    QVERIFY(!error->isVisible());
    clickOk(dialog);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestSettingsDialog::listModels_requestThenAnswer_fillsTheCombo()
{
    Rig rig;
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    child<QTabWidget>(dialog, "tabs")->setCurrentWidget(child<QWidget>(dialog, "aiTab"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy requested(&dialog, &SettingsDialog::listModelsRequested);
    auto *listButton = child<QPushButton>(dialog, "openaiListButton");
    child<QLineEdit>(dialog, "openaiUrlEdit")->setText(QStringLiteral("http://127.0.0.1:9/v1"));
    QTest::mouseClick(listButton, Qt::LeftButton);

    QCOMPARE(requested.count(), 1);
    QCOMPARE(dialog.modelListProvider(), AiProviderKind::OpenAiCompatible);
    QCOMPARE(dialog.formAiSettings().openaiBaseUrl, QUrl(QStringLiteral("http://127.0.0.1:9/v1"))); // unsaved
    QVERIFY(!listButton->isEnabled());
    QVERIFY(child<QLabel>(dialog, "modelListStatus")->isVisible()); // "Asking for the list of models…"

    auto *combo = child<QComboBox>(dialog, "openaiModelCombo");
    dialog.setAvailableModels(
        {QStringLiteral("llama3.1"), QStringLiteral("qwen2.5:7b"), QStringLiteral("phi3")});
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->itemText(1), QStringLiteral("qwen2.5:7b"));
    QCOMPARE(combo->currentText(), QStringLiteral("llama3.1")); // the choice stays
    QVERIFY(listButton->isEnabled());
    QCOMPARE(child<QLabel>(dialog, "modelListStatus")->text(), QStringLiteral("3 model(s) available."));
    QCOMPARE(child<QComboBox>(dialog, "geminiModelCombo")->count(), 0);

    QTest::mouseClick(child<QPushButton>(dialog, "geminiListButton"), Qt::LeftButton);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(dialog.modelListProvider(), AiProviderKind::Gemini);
    dialog.setAvailableModels({QStringLiteral("gemini-2.5-flash"), QStringLiteral("gemini-2.5-pro")});
    QCOMPARE(child<QComboBox>(dialog, "geminiModelCombo")->count(), 2);
    QCOMPARE(combo->count(), 3);
}

void TestSettingsDialog::listModels_error_isShownAndButtonsComeBack()
{
    Rig rig;
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    child<QTabWidget>(dialog, "tabs")->setCurrentWidget(child<QWidget>(dialog, "aiTab"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *listButton = child<QPushButton>(dialog, "geminiListButton");
    QTest::mouseClick(listButton, Qt::LeftButton);
    dialog.setModelListError(QStringLiteral("The Gemini key was rejected."));
    auto *status = child<QLabel>(dialog, "modelListStatus");
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), QStringLiteral("The Gemini key was rejected."));
    QVERIFY(listButton->isEnabled());
}

void TestSettingsDialog::feeds_checkedStateRoundTrips()
{
    Rig rig;
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    dialog.setFeeds({{QStringLiteral("bitcoin-com"), QStringLiteral("Bitcoin.com News")},
                     {QStringLiteral("bitcoin-com-rss"), QStringLiteral("Bitcoin.com News (RSS)")},
                     {QStringLiteral("coindesk-rss"), QStringLiteral("CoinDesk (RSS)")}},
                    {QStringLiteral("bitcoin-com"), QStringLiteral("coindesk-rss")});
    auto *list = child<QListWidget>(dialog, "feedList");
    QCOMPARE(list->count(), 3);
    QCOMPARE(list->item(0)->checkState(), Qt::Checked);
    QCOMPARE(list->item(1)->checkState(), Qt::Unchecked);
    QCOMPARE(list->item(2)->text(), QStringLiteral("CoinDesk (RSS)"));

    list->item(0)->setCheckState(Qt::Unchecked);
    list->item(1)->setCheckState(Qt::Checked);
    clickOk(dialog);
    QCOMPARE(rig.settings->enabledFeeds(),
             std::optional<QStringList>({QStringLiteral("bitcoin-com-rss"), QStringLiteral("coindesk-rss")}));
}

void TestSettingsDialog::grabEveryTab_rendersWithoutTheKey()
{
    Rig rig;
    rig.backend->entries.insert(QStringLiteral("gemini"), StoredGeminiKey);
    QVERIFY(rig.loadKeys());
    SettingsDialog dialog(rig.settings.get(), rig.keys.get());
    dialog.setFeeds({{QStringLiteral("bitcoin-com"), QStringLiteral("Bitcoin.com News")},
                     {QStringLiteral("bitcoin-com-rss"), QStringLiteral("Bitcoin.com News (RSS)")}},
                    {QStringLiteral("bitcoin-com")});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(child<QLineEdit>(dialog, "coingeckoKeyEdit"), QStringLiteral("typed-secret"));

    // Set BA_SCREENSHOT_DIR to keep the pictures (one PNG per tab) for a look by eye.
    const QString keepIn = qEnvironmentVariable("BA_SCREENSHOT_DIR");
    auto *tabs = child<QTabWidget>(dialog, "tabs");
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        const QImage image = dialog.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 400 && image.height() >= 300);
        if (!keepIn.isEmpty()) {
            QVERIFY(image.save(
                QDir(keepIn).filePath(QStringLiteral("settings-%1.png").arg(tabs->widget(i)->objectName()))));
        }
    }
    QVERIFY(!allText(dialog).contains(StoredGeminiKey));
    QVERIFY(!child<QLineEdit>(dialog, "coingeckoKeyEdit")->displayText().contains(u"typed-secret"));
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
