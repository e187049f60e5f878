#pragma once

#include "services/SecretBackend.h"

#include <QObject>
#include <QString>
#include <array>
#include <memory>

namespace ba {

struct AppConfig;

// The API keys the app knows about.
enum class ApiKey
{
    Gemini,    // keychain account "gemini", environment GEMINI_API_KEY
    CoinGecko, // keychain account "coingecko", environment COINGECKO_API_KEY
};

// Where the key in use comes from.
enum class KeySource
{
    None,
    Environment, // GEMINI_API_KEY / COINGECKO_API_KEY: always wins
    Keychain,    // read from or written to the system keychain
    Session,     // typed in this session; the keychain could not keep it
};

// API keys for the session: environment first, then the system keychain (service
// "bitcoin-analyzer"). Keys are held in memory once read or typed, so a key is usable at once even
// while the keychain is slow or missing. A key is never written to the settings file or the log:
// without a keychain it stays in memory for this session only and the user is told so.
class KeyStore : public QObject
{
    Q_OBJECT
public:
    static constexpr auto ServiceName = "bitcoin-analyzer";

    // Environment keys come from config.geminiApiKey / config.coingeckoApiKey. Without a backend
    // the system keychain (QtKeychainBackend) is used.
    explicit KeyStore(const AppConfig &config, std::unique_ptr<SecretBackend> backend = nullptr,
                      QObject *parent = nullptr);
    ~KeyStore() override;

    static QString accountName(ApiKey id);         // "gemini", "coingecko"
    static QString environmentVariable(ApiKey id); // "GEMINI_API_KEY", "COINGECKO_API_KEY"

    // Reads the keys the environment does not give from the keychain; emits loaded() once both
    // reads have ended (at once, on the next event loop turn, when there is nothing to read).
    void load();
    bool isLoaded() const { return m_loaded; }

    QString key(ApiKey id) const; // the key to use, empty when none
    bool hasKey(ApiKey id) const { return !key(id).isEmpty(); }
    KeySource source(ApiKey id) const;
    QString sourceText(ApiKey id) const; // translated, e.g. "Stored in the system keychain"

    // True once the keychain was found unreachable in this session; keychainProblem() says why in
    // one translated sentence (empty otherwise).
    bool isKeychainUnavailable() const { return m_keychainUnavailable; }
    QString keychainProblem(ApiKey id) const;

    // The new key is used at once; keySaved() reports where it ended up. An environment key still
    // takes precedence in this session. An empty key is the same as removeKey().
    void setKey(ApiKey id, const QString &key);
    // Forgets the key in memory and deletes it from the keychain; keyRemoved() reports the result.
    void removeKey(ApiKey id);

Q_SIGNALS:
    void loaded();
    void keyChanged(ba::ApiKey id);
    // where is Keychain or Session; message is translated, one or two sentences, for the user.
    void keySaved(ba::ApiKey id, ba::KeySource where, const QString &message);
    void keyRemoved(ba::ApiKey id, bool ok, const QString &message);

private:
    struct Entry
    {
        QString environment;
        QString stored; // from the keychain or typed in this session
        KeySource storedSource = KeySource::None;
        quint64 generation = 0; // bumped by every change so that late replies cannot undo it
    };

    Entry &entry(ApiKey id) { return m_entries[static_cast<size_t>(id)]; }
    const Entry &entry(ApiKey id) const { return m_entries[static_cast<size_t>(id)]; }
    void onRead(ApiKey id, quint64 generation, const SecretReply &reply);
    void onWritten(ApiKey id, quint64 generation, const SecretReply &reply);
    void onRemoved(ApiKey id, const SecretReply &reply);
    void noteUnavailable(const SecretReply &reply);
    void finishLoadStep();
    QString saveFailureMessage(ApiKey id, const SecretReply &reply) const;

    std::unique_ptr<SecretBackend> m_backend;
    std::array<Entry, 2> m_entries;
    int m_pendingReads = 0;
    bool m_loaded = false;
    bool m_keychainUnavailable = false;
};

} // namespace ba
