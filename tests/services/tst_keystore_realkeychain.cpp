#include "KeychainTestEnv.h"
#include "domain/AppConfig.h"
#include "services/AppSettings.h"
#include "services/KeyStore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace ba;

// The real QtKeychain against gnome-keyring in a private D-Bus session: `test_keystore realKeychain`,
// run by ctest through with-secret-service.sh (tests/services/settings.cmake).
class TestRealKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void realKeychain_storeReadRemove_roundTripsWithNothingInPlainText();
    void realKeychain_secondWrite_replacesTheKey();

private:
    static QString uniqueKey(const char *prefix)
    {
        return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::Id128);
    }
    QString m_sandbox;
};

void TestRealKeychain::initTestCase()
{
    // Only inside the throw-away session of with-secret-service.sh: never against the user's keyring.
    m_sandbox = qEnvironmentVariable("BA_SECRET_SERVICE_SANDBOX");
    QVERIFY2(
        !m_sandbox.isEmpty() && QDir(m_sandbox).exists(),
        "Run this suite through tests/services/with-secret-service.sh (ctest -R test_keystore_realkeychain); "
        "it starts a private D-Bus session with an unlocked gnome-keyring.");

    // Probe the secret service directly so that a failure names the real cause.
    QtKeychainBackend probe(QString::fromLatin1(KeyStore::ServiceName));
    std::optional<SecretReply> reply;
    QObject context;
    probe.write(QStringLiteral("probe"), QStringLiteral("probe"), &context,
                [&reply](const SecretReply &r) { reply = r; });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 30000);
    QVERIFY2(reply->status == SecretReply::Status::Ok,
             qPrintable(QStringLiteral("The secret service in the private D-Bus session did not store a test "
                                       "entry (%1). Is gnome-keyring-daemon installed and did it start?")
                            .arg(reply->detail)));
    reply.reset();
    probe.remove(QStringLiteral("probe"), &context, [&reply](const SecretReply &r) { reply = r; });
    QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 30000);
}

void TestRealKeychain::realKeychain_storeReadRemove_roundTripsWithNothingInPlainText()
{
    const QString gemini = uniqueKey("AIza-real-");
    const QString coinGecko = uniqueKey("CG-real-");
    QTemporaryDir dir;
    QSettings ini(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    AppSettings settings(&ini);
    settings.setRefreshIntervalMinutes(7);
    {
        KeyStore writer{AppConfig{}};
        QSignalSpy saved(&writer, &KeyStore::keySaved);
        writer.setKey(ApiKey::Gemini, gemini);
        writer.setKey(ApiKey::CoinGecko, coinGecko);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 30000);
        for (const QList<QVariant> &args : std::as_const(saved)) {
            QVERIFY2(args.at(1).value<KeySource>() == KeySource::Keychain, qPrintable(args.at(2).toString()));
        }
        QVERIFY(!writer.isKeychainUnavailable());
    }
    settings.sync();
    {
        KeyStore reader{AppConfig{}}; // a new session: only the keychain knows the keys
        QSignalSpy loaded(&reader, &KeyStore::loaded);
        reader.load();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(reader.key(ApiKey::Gemini), gemini);
        QCOMPARE(reader.key(ApiKey::CoinGecko), coinGecko);
        QCOMPARE(reader.source(ApiKey::Gemini), KeySource::Keychain);

        for (const QString &key : {gemini, coinGecko}) {
            // The keyring file is encrypted; the settings file and the rest of the home hold no copy.
            QVERIFY2(test::filesContaining(dir.path(), key).isEmpty(), "a key is in the settings file");
            const QStringList hits = test::filesContaining(m_sandbox, key);
            QVERIFY2(hits.isEmpty(), qPrintable(hits.join(u',')));
        }

        QSignalSpy removed(&reader, &KeyStore::keyRemoved);
        reader.removeKey(ApiKey::Gemini);
        reader.removeKey(ApiKey::CoinGecko);
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 2, 30000);
        QVERIFY(removed.at(0).at(1).toBool() && removed.at(1).at(1).toBool());
    }
    KeyStore after{AppConfig{}};
    QSignalSpy loaded(&after, &KeyStore::loaded);
    after.load();
    QVERIFY(loaded.wait(30000));
    QVERIFY(!after.hasKey(ApiKey::Gemini));
    QVERIFY(!after.hasKey(ApiKey::CoinGecko));
    QVERIFY(!after.isKeychainUnavailable());
}

void TestRealKeychain::realKeychain_secondWrite_replacesTheKey()
{
    const QString first = uniqueKey("first-");
    const QString second = uniqueKey("second-");
    {
        KeyStore writer{AppConfig{}};
        QSignalSpy saved(&writer, &KeyStore::keySaved);
        writer.setKey(ApiKey::Gemini, first);
        writer.setKey(ApiKey::Gemini, second);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, 30000);
    }
    KeyStore reader{AppConfig{}};
    QSignalSpy loaded(&reader, &KeyStore::loaded);
    reader.load();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(reader.key(ApiKey::Gemini), second);
    QSignalSpy removed(&reader, &KeyStore::keyRemoved);
    reader.removeKey(ApiKey::Gemini);
    QVERIFY(removed.wait(30000));
}

int runRealKeychainSuite(const QStringList &arguments)
{
    TestRealKeychain test;
    return QTest::qExec(&test, arguments);
}

#include "tst_keystore_realkeychain.moc"
