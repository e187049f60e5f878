#include "app/SettingsFeature.h"
#include "fakes/FakeSecretBackend.h"
#include "fakes/LoopbackPrices.h"
#include "gui/SettingsDialog.h"
#include "news/NewsSiteProfile.h"
#include "services/AppSettings.h"
#include "services/KeyStore.h"
#include "services/NewsService.h"
#include "storage/NewsStore.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace ba;
using ba::fakes::LoopbackPrices;
using ba::test::FakeSecretBackend;

namespace {

NewsSiteProfile feed(const QString &id, const QString &name, bool enabled)
{
    NewsSiteProfile profile;
    profile.id = id;
    profile.name = name;
    profile.kind = NewsSiteProfile::Kind::Rss;
    profile.url = QUrl(QStringLiteral("https://") + id + QStringLiteral(".example/feed/"));
    profile.enabled = enabled;
    return profile;
}

// Runs `drive` on the Settings dialog once it is shown modally (openDialog blocks in exec()).
void whenDialogOpens(const std::function<void(SettingsDialog &)> &drive)
{
    QTimer::singleShot(0, qApp, [drive] {
        QVERIFY(QTest::qWaitFor(
            [] { return qobject_cast<SettingsDialog *>(QApplication::activeModalWidget()); }));
        drive(*qobject_cast<SettingsDialog *>(QApplication::activeModalWidget()));
    });
}

} // namespace

// SettingsFeature: keys (in-memory keychain), the typed settings in an INI file, and the real
// Settings dialog, driven as a user drives it.
class TestSettingsFeature : public QObject
{
    Q_OBJECT

    struct Rig
    {
        LoopbackPrices pipeline; // the real SQLite and HttpClient the news service needs
        std::unique_ptr<QSettings> ini;
        std::unique_ptr<AppSettings> settings;
        FakeSecretBackend *keychain = nullptr;
        std::unique_ptr<SettingsFeature> feature;
        std::unique_ptr<NewsStore> newsStore;
        std::unique_ptr<NewsService> news;

        bool setUp()
        {
            if (!pipeline.setUp()) {
                return false;
            }
            ini = std::make_unique<QSettings>(pipeline.dir.filePath(QStringLiteral("settings.ini")),
                                              QSettings::IniFormat);
            settings = std::make_unique<AppSettings>(ini.get());
            auto backend = std::make_unique<FakeSecretBackend>();
            backend->entries.insert(QStringLiteral("gemini"), QStringLiteral("stored-gemini-key"));
            keychain = backend.get();
            feature = std::make_unique<SettingsFeature>(AppConfig{}, settings.get(), std::move(backend));
            NewsSiteConfig profiles;
            profiles.sites = {feed(QStringLiteral("first-rss"), QStringLiteral("First feed"), true),
                              feed(QStringLiteral("second-rss"), QStringLiteral("Second feed"), false)};
            newsStore = std::make_unique<NewsStore>(pipeline.db.connection());
            news = std::make_unique<NewsService>(newsStore.get(), pipeline.http.get(), profiles,
                                                 pipeline.dir.filePath(QStringLiteral("webengine")));
            return true;
        }

        void open(const std::function<void(std::function<void(QStringList, QString)>)> &listModels = {})
        {
            feature->openDialog(
                nullptr, news.get(), listModels ? listModels : [](auto done) { done({}, {}); });
        }

        ~Rig()
        {
            feature.reset();
            news.reset();
            newsStore.reset();
        }
    };

private Q_SLOTS:
    void loadKeys_readsTheKeychainAndAnnouncesApplied()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QSignalSpy applied(rig.feature.get(), &SettingsFeature::applied);
        rig.feature->loadKeys();
        QVERIFY(applied.wait(5000));
        QCOMPARE(rig.feature->keys()->key(ApiKey::Gemini), QStringLiteral("stored-gemini-key"));
        QCOMPARE(rig.feature->keys()->source(ApiKey::Gemini), KeySource::Keychain);
        QVERIFY(!rig.feature->keys()->hasKey(ApiKey::CoinGecko));
    }

    void setKey_savesToTheKeychainAndTellsTheStatusBar()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QSignalSpy applied(rig.feature.get(), &SettingsFeature::applied);
        QSignalSpy message(rig.feature.get(), &SettingsFeature::message);
        rig.feature->keys()->setKey(ApiKey::CoinGecko, QStringLiteral("CG-new-key"));
        QTRY_COMPARE(message.size(), 1);
        QVERIFY(!message.constFirst().constFirst().toString().isEmpty());
        QVERIFY(applied.size() >= 1);
        QCOMPARE(rig.keychain->entries.value(QStringLiteral("coingecko")), QStringLiteral("CG-new-key"));
    }

    void openDialog_showsTheFeedsAndOkSavesTheFormAndApplies()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QSignalSpy applied(rig.feature.get(), &SettingsFeature::applied);
        QStringList shownFeeds;
        QList<Qt::CheckState> shownStates;
        whenDialogOpens([&](SettingsDialog &dialog) {
            auto *feeds = dialog.findChild<QListWidget *>(QStringLiteral("feedList"));
            for (int row = 0; row < feeds->count(); ++row) {
                shownFeeds << feeds->item(row)->text();
                shownStates << feeds->item(row)->checkState();
            }
            feeds->item(1)->setCheckState(Qt::Checked); // the user turns the second feed on
            dialog.findChild<QDoubleSpinBox *>(QStringLiteral("temperatureSpin"))->setValue(1.1);
            dialog.accept();
        });
        rig.open();

        QCOMPARE(shownFeeds, (QStringList{QStringLiteral("First feed"), QStringLiteral("Second feed")}));
        QCOMPARE(shownStates, (QList<Qt::CheckState>{Qt::Checked, Qt::Unchecked}));
        QCOMPARE(applied.size(), 1);
        QCOMPARE(rig.settings->temperature(), 1.1);
        QCOMPARE(rig.settings->enabledFeeds(),
                 std::optional<QStringList>({QStringLiteral("first-rss"), QStringLiteral("second-rss")}));
    }

    void openDialog_cancelChangesNothing()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        QSignalSpy applied(rig.feature.get(), &SettingsFeature::applied);
        whenDialogOpens([](SettingsDialog &dialog) {
            dialog.findChild<QDoubleSpinBox *>(QStringLiteral("temperatureSpin"))->setValue(1.9);
            dialog.reject();
        });
        rig.open();
        QCOMPARE(applied.size(), 0);
        QCOMPARE(rig.settings->temperature(), AppSettings::DefaultTemperature);
        QVERIFY(!rig.settings->enabledFeeds().has_value());
    }

    void listModels_answersTheDialogsButton()
    {
        Rig rig;
        QVERIFY(rig.setUp());
        int asked = 0;
        QStringList offered;
        whenDialogOpens([&](SettingsDialog &dialog) {
            dialog.findChild<QPushButton *>(QStringLiteral("geminiListButton"))->click();
            auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("geminiModelCombo"));
            for (int i = 0; i < combo->count(); ++i) {
                offered << combo->itemText(i);
            }
            dialog.reject();
        });
        rig.open([&](std::function<void(QStringList, QString)> done) {
            ++asked;
            done({QStringLiteral("gemini-2.5-flash"), QStringLiteral("gemini-2.5-pro")}, QString());
        });
        QCOMPARE(asked, 1);
        QVERIFY(offered.contains(QStringLiteral("gemini-2.5-pro")));
    }
};

QTEST_MAIN(TestSettingsFeature)
#include "tst_settingsfeature.moc"
