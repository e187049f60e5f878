#include "KeychainTestEnv.h"
#include "domain/AppConfig.h"
#include "fakes/FakeSecretBackend.h"
#include "services/KeyStore.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace ba;
using ba::test::FakeSecretBackend;

// Two suites in one executable, chosen by the first argument:
//   test_keystore               KeyStore with no desktop session (the real QtKeychain finds no
//                               keychain) and with an in-memory backend;
//   test_keystore realKeychain  the real QtKeychain against gnome-keyring in a private D-Bus
//                               session, started by with-secret-service.sh (see settings.cmake).

namespace {

const QString SessionOnlyGemini =
    QStringLiteral("No system keychain is available; the key is kept for this session only. "
                   "Set GEMINI_API_KEY to avoid typing it again.");

AppConfig configWithEnvironment(const QString &gemini, const QString &coinGecko)
{
    AppConfig config;
    config.geminiApiKey = gemini;
    config.coingeckoApiKey = coinGecko;
    return config;
}

struct FakeRig
{
    FakeSecretBackend *backend = new FakeSecretBackend;
    KeyStore keys;
    explicit FakeRig(const AppConfig &config = {}) : keys(config, std::unique_ptr<SecretBackend>(backend)) {}
};

// Everything logged while alive, to prove that keys never reach the log.
class LogCapture
{
public:
    LogCapture()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("ba.*=true"));
        s_lines.clear();
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture() { qInstallMessageHandler(m_previous); }
    QString text() const { return s_lines.join(u'\n'); }

private:
    static void handler(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        s_lines << QString::fromLatin1(context.category) + u' ' + message;
    }
    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

class TestKeyStore : public QObject
{
    Q_OBJECT

public:
    explicit TestKeyStore(QString home) : m_home(std::move(home)) {}

private Q_SLOTS:
    // Real QtKeychain, no D-Bus session.
    void setKey_withoutKeychain_keepsKeyForSessionAndSaysSo();
    void setKey_withoutKeychain_writesNothingToDisk();
    void load_withoutKeychain_endsWithoutKeyAndReportsWhy();
    void environmentKey_takesPrecedenceOverTypedKey();
    // In-memory backend.
    void load_withEnvironmentKeys_readsNothingAndStillSignals();
    void load_readsStoredKeysFromKeychain();
    void setKey_confirmedByKeychain_reportsStored();
    void setKey_whileReadInFlight_keepsTheNewKey();
    void setKey_keychainFails_keepsKeyForSession_data();
    void setKey_keychainFails_keepsKeyForSession();
    void setKey_empty_removesKey();
    void removeKey_deletesFromKeychain();
    void removeKey_withEnvironmentKey_saysEnvironmentStillUsed();
    void log_neverContainsTheKey();

private:
    QString m_home;
};

void TestKeyStore::setKey_withoutKeychain_keepsKeyForSessionAndSaysSo()
{
    KeyStore keys{AppConfig{}};
    QSignalSpy saved(&keys, &KeyStore::keySaved);
    keys.setKey(ApiKey::Gemini, QStringLiteral("  AIza-session-only-1  "));
    QCOMPARE(keys.key(ApiKey::Gemini), QStringLiteral("AIza-session-only-1")); // usable at once

    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.at(0).at(0).value<ApiKey>(), ApiKey::Gemini);
    QCOMPARE(saved.at(0).at(1).value<KeySource>(), KeySource::Session);
    QCOMPARE(saved.at(0).at(2).toString(), SessionOnlyGemini);
    QCOMPARE(keys.key(ApiKey::Gemini), QStringLiteral("AIza-session-only-1"));
    QCOMPARE(keys.source(ApiKey::Gemini), KeySource::Session);
    QCOMPARE(keys.sourceText(ApiKey::Gemini), QStringLiteral("Kept for this session only"));
    QVERIFY(keys.isKeychainUnavailable());
    QCOMPARE(keys.keychainProblem(ApiKey::Gemini), SessionOnlyGemini);
    QVERIFY(keys.keychainProblem(ApiKey::CoinGecko).contains(u"COINGECKO_API_KEY"));
}

void TestKeyStore::setKey_withoutKeychain_writesNothingToDisk()
{
    const QString secret =
        QStringLiteral("CG-must-not-touch-disk-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        KeyStore keys{AppConfig{}};
        QSignalSpy saved(&keys, &KeyStore::keySaved);
        keys.setKey(ApiKey::CoinGecko, secret);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.at(0).at(1).value<KeySource>(), KeySource::Session);
    }
    // HOME and every XDG folder of this process live under m_home (isolateFromDesktopSession).
    const QStringList hits = test::filesContaining(m_home, secret);
    QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u',')));
}

void TestKeyStore::load_withoutKeychain_endsWithoutKeyAndReportsWhy()
{
    KeyStore keys{AppConfig{}};
    QSignalSpy loaded(&keys, &KeyStore::loaded);
    keys.load();
    QVERIFY(loaded.wait(10000));
    QVERIFY(keys.isLoaded());
    QVERIFY(!keys.hasKey(ApiKey::Gemini));
    QCOMPARE(keys.source(ApiKey::CoinGecko), KeySource::None);
    QCOMPARE(keys.sourceText(ApiKey::CoinGecko), QStringLiteral("No key set"));
    QVERIFY(keys.isKeychainUnavailable());
}

void TestKeyStore::environmentKey_takesPrecedenceOverTypedKey()
{
    KeyStore keys{configWithEnvironment(QStringLiteral("env-gemini"), QString())};
    QCOMPARE(keys.source(ApiKey::Gemini), KeySource::Environment);
    QCOMPARE(keys.sourceText(ApiKey::Gemini), QStringLiteral("From GEMINI_API_KEY (the environment)"));
    QSignalSpy saved(&keys, &KeyStore::keySaved);
    keys.setKey(ApiKey::Gemini, QStringLiteral("typed-gemini"));
    QCOMPARE(keys.key(ApiKey::Gemini), QStringLiteral("env-gemini"));
    QVERIFY(saved.wait(10000));
    QCOMPARE(keys.key(ApiKey::Gemini), QStringLiteral("env-gemini"));
    QCOMPARE(keys.source(ApiKey::Gemini), KeySource::Environment);
    QCOMPARE(keys.source(ApiKey::CoinGecko), KeySource::None);
}

void TestKeyStore::load_withEnvironmentKeys_readsNothingAndStillSignals()
{
    FakeRig rig(configWithEnvironment(QStringLiteral("env-g"), QStringLiteral("env-c")));
    QSignalSpy loaded(&rig.keys, &KeyStore::loaded);
    rig.keys.load();
    QCOMPARE(loaded.count(), 0); // later, so that a caller may connect after load()
    QVERIFY(loaded.wait(5000));
    QCOMPARE(rig.backend->reads, 0); // the keychain may prompt: do not wake it for nothing
    QCOMPARE(rig.keys.key(ApiKey::CoinGecko), QStringLiteral("env-c"));
}

void TestKeyStore::load_readsStoredKeysFromKeychain()
{
    FakeRig rig;
    rig.backend->entries.insert(QStringLiteral("gemini"), QStringLiteral("stored-gemini"));
    QSignalSpy loaded(&rig.keys, &KeyStore::loaded);
    QSignalSpy changed(&rig.keys, &KeyStore::keyChanged);
    rig.keys.load();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(rig.backend->reads, 2);
    QCOMPARE(rig.keys.key(ApiKey::Gemini), QStringLiteral("stored-gemini"));
    QCOMPARE(rig.keys.source(ApiKey::Gemini), KeySource::Keychain);
    QCOMPARE(rig.keys.sourceText(ApiKey::Gemini), QStringLiteral("Stored in the system keychain"));
    QVERIFY(!rig.keys.hasKey(ApiKey::CoinGecko));
    QVERIFY(!rig.keys.isKeychainUnavailable());
    QCOMPARE(changed.count(), 1);
}

void TestKeyStore::setKey_confirmedByKeychain_reportsStored()
{
    FakeRig rig;
    QSignalSpy saved(&rig.keys, &KeyStore::keySaved);
    rig.keys.setKey(ApiKey::CoinGecko, QStringLiteral("CG-new"));
    QVERIFY(saved.wait(5000));
    QCOMPARE(saved.at(0).at(1).value<KeySource>(), KeySource::Keychain);
    QCOMPARE(saved.at(0).at(2).toString(), QStringLiteral("The key is stored in the system keychain."));
    QCOMPARE(rig.backend->entries.value(QStringLiteral("coingecko")), QStringLiteral("CG-new"));
    QCOMPARE(rig.keys.source(ApiKey::CoinGecko), KeySource::Keychain);
}

void TestKeyStore::setKey_whileReadInFlight_keepsTheNewKey()
{
    FakeRig rig;
    rig.backend->entries.insert(QStringLiteral("gemini"), QStringLiteral("old-from-keychain"));
    rig.backend->holdReplies = true;
    QSignalSpy loaded(&rig.keys, &KeyStore::loaded);
    rig.keys.load();
    rig.keys.setKey(ApiKey::Gemini, QStringLiteral("typed-just-now"));
    rig.backend->releaseReplies(); // the read answers with the old key after the write began
    QVERIFY(loaded.wait(5000));
    QTRY_COMPARE(rig.keys.source(ApiKey::Gemini), KeySource::Keychain);
    QCOMPARE(rig.keys.key(ApiKey::Gemini), QStringLiteral("typed-just-now"));
}

void TestKeyStore::setKey_keychainFails_keepsKeyForSession_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("messageStart");
    QTest::addColumn<bool>("unavailable");
    QTest::newRow("no keychain") << int(SecretReply::Status::Unavailable)
                                 << QStringLiteral("No system keychain is available;") << true;
    QTest::newRow("denied") << int(SecretReply::Status::Denied)
                            << QStringLiteral(
                                   "The system keychain refused to store the key (fake keychain failure);")
                            << false;
    QTest::newRow("other failure") << int(SecretReply::Status::Failed)
                                   << QStringLiteral(
                                          "The key could not be stored in the system keychain (fake")
                                   << false;
}

void TestKeyStore::setKey_keychainFails_keepsKeyForSession()
{
    QFETCH(int, status);
    QFETCH(QString, messageStart);
    QFETCH(bool, unavailable);
    FakeRig rig;
    rig.backend->failWith = SecretReply::Status(status);
    QSignalSpy saved(&rig.keys, &KeyStore::keySaved);
    rig.keys.setKey(ApiKey::Gemini, QStringLiteral("kept-in-memory"));
    QVERIFY(saved.wait(5000));
    QCOMPARE(saved.at(0).at(1).value<KeySource>(), KeySource::Session);
    const QString message = saved.at(0).at(2).toString();
    QVERIFY2(message.startsWith(messageStart), qPrintable(message));
    QVERIFY2(message.contains(u"session only") && message.contains(u"GEMINI_API_KEY"), qPrintable(message));
    QCOMPARE(rig.keys.key(ApiKey::Gemini), QStringLiteral("kept-in-memory"));
    QCOMPARE(rig.keys.isKeychainUnavailable(), unavailable);
}

void TestKeyStore::setKey_empty_removesKey()
{
    FakeRig rig;
    rig.backend->entries.insert(QStringLiteral("gemini"), QStringLiteral("to-go"));
    QSignalSpy removed(&rig.keys, &KeyStore::keyRemoved);
    rig.keys.setKey(ApiKey::Gemini, QStringLiteral("   "));
    QVERIFY(removed.wait(5000));
    QCOMPARE(rig.backend->writes, 0);
    QVERIFY(!rig.backend->entries.contains(QStringLiteral("gemini")));
}

void TestKeyStore::removeKey_deletesFromKeychain()
{
    FakeRig rig;
    rig.backend->entries.insert(QStringLiteral("coingecko"), QStringLiteral("CG-old"));
    QSignalSpy loaded(&rig.keys, &KeyStore::loaded);
    rig.keys.load();
    QVERIFY(loaded.wait(5000));
    QVERIFY(rig.keys.hasKey(ApiKey::CoinGecko));

    QSignalSpy removed(&rig.keys, &KeyStore::keyRemoved);
    rig.keys.removeKey(ApiKey::CoinGecko);
    QVERIFY(!rig.keys.hasKey(ApiKey::CoinGecko)); // forgotten at once
    QVERIFY(removed.wait(5000));
    QCOMPARE(removed.at(0).at(1).toBool(), true);
    QCOMPARE(removed.at(0).at(2).toString(), QStringLiteral("The key is removed."));
    QVERIFY(rig.backend->entries.isEmpty());

    // Removing what is not there is fine too.
    rig.keys.removeKey(ApiKey::CoinGecko);
    QVERIFY(removed.wait(5000));
    QCOMPARE(removed.at(1).at(1).toBool(), true);
}

void TestKeyStore::removeKey_withEnvironmentKey_saysEnvironmentStillUsed()
{
    FakeRig rig(configWithEnvironment(QString(), QStringLiteral("env-cg")));
    QSignalSpy removed(&rig.keys, &KeyStore::keyRemoved);
    rig.keys.removeKey(ApiKey::CoinGecko);
    QVERIFY(removed.wait(5000));
    QVERIFY(removed.at(0).at(2).toString().contains(u"COINGECKO_API_KEY from the environment is still used"));
    QCOMPARE(rig.keys.key(ApiKey::CoinGecko), QStringLiteral("env-cg"));
}

void TestKeyStore::log_neverContainsTheKey()
{
    const QString secret = QStringLiteral("AIza-log-canary-") + QUuid::createUuid().toString(QUuid::Id128);
    LogCapture capture;
    {
        KeyStore real{AppConfig{}};
        QSignalSpy saved(&real, &KeyStore::keySaved);
        QSignalSpy loaded(&real, &KeyStore::loaded);
        real.load();
        real.setKey(ApiKey::Gemini, secret);
        QVERIFY(saved.wait(10000));
        QTRY_VERIFY(real.isLoaded());
    }
    {
        FakeRig rig;
        QSignalSpy saved(&rig.keys, &KeyStore::keySaved);
        QSignalSpy removed(&rig.keys, &KeyStore::keyRemoved);
        rig.keys.setKey(ApiKey::Gemini, secret);
        QVERIFY(saved.wait(5000));
        rig.keys.removeKey(ApiKey::Gemini);
        QVERIFY(removed.wait(5000));
    }
    const QString log = capture.text();
    QVERIFY2(log.contains(u"ba.services.keystore"), "the key store logs what it does");
    QVERIFY2(!log.contains(secret), qPrintable(log));
}

// tst_keystore_realkeychain.cpp
int runRealKeychainSuite(const QStringList &arguments);

int main(int argc, char **argv)
{
    const bool real = argc > 1 && qstrcmp(argv[1], "realKeychain") == 0;
    QTemporaryDir home;
    if (!real) {
        ba::test::isolateFromDesktopSession(home.path());
    }
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    if (real) {
        // Drop the suite selector; the remaining arguments are QtTest's own.
        QStringList args = app.arguments();
        args.removeAt(1);
        return runRealKeychainSuite(args);
    }
    TestKeyStore test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keystore.moc"
