#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace ba {

// How one keychain operation ended.
struct SecretReply
{
    enum class Status
    {
        Ok,
        NotFound,    // no such entry (a read or a delete of nothing)
        Unavailable, // no secret service reachable (no D-Bus session, no daemon, ...)
        Denied,      // the keychain refused (locked, the user cancelled the unlock prompt)
        Failed,      // anything else
    };

    Status status = Status::Failed;
    QString secret; // reads only
    QString detail; // the backend's wording, for the log; never contains the secret
};

// Asynchronous secret storage keyed by account name under one service name. The callbacks run
// later on the context's thread, never from inside the call, and are dropped when the context is
// destroyed first. KeyStore uses QtKeychainBackend; tests inject an in-memory one.
class SecretBackend
{
public:
    using Callback = std::function<void(const SecretReply &)>;

    virtual ~SecretBackend() = default;
    virtual void read(const QString &account, QObject *context, Callback done) = 0;
    virtual void write(const QString &account, const QString &secret, QObject *context, Callback done) = 0;
    virtual void remove(const QString &account, QObject *context, Callback done) = 0;
};

// The system keychain through QtKeychain (Secret Service / KWallet, Keychain, Credential Store).
// The plain-text fallback of QtKeychain is switched off: a key is never written to a file.
class QtKeychainBackend final : public SecretBackend
{
public:
    explicit QtKeychainBackend(QString serviceName);

    void read(const QString &account, QObject *context, Callback done) override;
    void write(const QString &account, const QString &secret, QObject *context, Callback done) override;
    void remove(const QString &account, QObject *context, Callback done) override;

private:
    QString m_service;
};

} // namespace ba
