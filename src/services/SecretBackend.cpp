#include "services/SecretBackend.h"

#include <qt6keychain/keychain.h>

namespace ba {

namespace {

SecretReply::Status statusFor(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretReply::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretReply::Status::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretReply::Status::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    // OtherError is what a missing D-Bus session or secret service gives ("Cannot autolaunch D-Bus
    // without X11 $DISPLAY", "The name org.freedesktop.secrets was not provided by any .service files").
    case QKeychain::OtherError:
        return SecretReply::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    return SecretReply::Status::Failed;
}

// Jobs have no parent: QtKeychain's asynchronous backends call back into the job, so it must live
// until it finishes; autoDelete (the default) frees it then. The context only guards the callback.
void run(QKeychain::Job *job, const QString &account, QObject *context, SecretBackend::Callback done)
{
    job->setKey(account);
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         SecretReply reply;
                         reply.status = statusFor(finished->error());
                         if (reply.status != SecretReply::Status::Ok) {
                             reply.detail = finished->errorString();
                         } else if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished)) {
                             reply.secret = read->textData();
                         }
                         done(reply);
                     });
    job->start();
}

} // namespace

QtKeychainBackend::QtKeychainBackend(QString serviceName) : m_service(std::move(serviceName)) {}

void QtKeychainBackend::read(const QString &account, QObject *context, Callback done)
{
    run(new QKeychain::ReadPasswordJob(m_service), account, context, std::move(done));
}

void QtKeychainBackend::write(const QString &account, const QString &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(secret);
    run(job, account, context, std::move(done));
}

void QtKeychainBackend::remove(const QString &account, QObject *context, Callback done)
{
    run(new QKeychain::DeletePasswordJob(m_service), account, context, std::move(done));
}

} // namespace ba
