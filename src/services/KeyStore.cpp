#include "services/KeyStore.h"

#include "domain/AppConfig.h"

#include <QLoggingCategory>
#include <QTimer>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.keystore")
} // namespace

namespace ba {

namespace {

constexpr std::array<ApiKey, 2> AllKeys{ApiKey::Gemini, ApiKey::CoinGecko};

} // namespace

KeyStore::KeyStore(const AppConfig &config, std::unique_ptr<SecretBackend> backend, QObject *parent)
    : QObject(parent), m_backend(std::move(backend))
{
    if (!m_backend) {
        m_backend = std::make_unique<QtKeychainBackend>(QString::fromLatin1(ServiceName));
    }
    entry(ApiKey::Gemini).environment = config.geminiApiKey.trimmed();
    entry(ApiKey::CoinGecko).environment = config.coingeckoApiKey.trimmed();
}

KeyStore::~KeyStore() = default;

QString KeyStore::accountName(ApiKey id)
{
    return id == ApiKey::Gemini ? QStringLiteral("gemini") : QStringLiteral("coingecko");
}

QString KeyStore::environmentVariable(ApiKey id)
{
    return id == ApiKey::Gemini ? QStringLiteral("GEMINI_API_KEY") : QStringLiteral("COINGECKO_API_KEY");
}

void KeyStore::load()
{
    for (ApiKey id : AllKeys) {
        // An environment key wins anyway: do not wake the keychain (it may prompt) for nothing.
        if (!entry(id).environment.isEmpty()) {
            continue;
        }
        ++m_pendingReads;
        const quint64 generation = entry(id).generation;
        m_backend->read(accountName(id), this,
                        [this, id, generation](const SecretReply &reply) { onRead(id, generation, reply); });
    }
    if (m_pendingReads == 0) {
        // Keep the contract "loaded() comes later" so that callers can connect after load().
        QTimer::singleShot(0, this, [this] { finishLoadStep(); });
        ++m_pendingReads;
    }
}

QString KeyStore::key(ApiKey id) const
{
    const Entry &e = entry(id);
    return e.environment.isEmpty() ? e.stored : e.environment;
}

KeySource KeyStore::source(ApiKey id) const
{
    const Entry &e = entry(id);
    if (!e.environment.isEmpty()) {
        return KeySource::Environment;
    }
    return e.stored.isEmpty() ? KeySource::None : e.storedSource;
}

QString KeyStore::sourceText(ApiKey id) const
{
    switch (source(id)) {
    case KeySource::Environment:
        return tr("From %1 (the environment)").arg(environmentVariable(id));
    case KeySource::Keychain:
        return tr("Stored in the system keychain");
    case KeySource::Session:
        return tr("Kept for this session only");
    case KeySource::None:
        break;
    }
    return tr("No key set");
}

QString KeyStore::keychainProblem(ApiKey id) const
{
    if (!m_keychainUnavailable) {
        return QString();
    }
    return tr("No system keychain is available; the key is kept for this session only. "
              "Set %1 to avoid typing it again.")
        .arg(environmentVariable(id));
}

void KeyStore::setKey(ApiKey id, const QString &key)
{
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty()) {
        removeKey(id);
        return;
    }
    Entry &e = entry(id);
    e.stored = trimmed;
    e.storedSource = KeySource::Session; // until the keychain confirms
    const quint64 generation = ++e.generation;
    Q_EMIT keyChanged(id);
    qCInfo(lc).noquote() << "storing the" << accountName(id) << "key in the system keychain";
    m_backend->write(accountName(id), trimmed, this,
                     [this, id, generation](const SecretReply &reply) { onWritten(id, generation, reply); });
}

void KeyStore::removeKey(ApiKey id)
{
    Entry &e = entry(id);
    const bool changed = !e.stored.isEmpty();
    e.stored.clear();
    e.storedSource = KeySource::None;
    ++e.generation;
    if (changed) {
        Q_EMIT keyChanged(id);
    }
    qCInfo(lc).noquote() << "removing the" << accountName(id) << "key from the system keychain";
    m_backend->remove(accountName(id), this, [this, id](const SecretReply &reply) { onRemoved(id, reply); });
}

void KeyStore::onRead(ApiKey id, quint64 generation, const SecretReply &reply)
{
    Entry &e = entry(id);
    if (generation != e.generation) {
        // The user set or removed the key while the read was in flight: that choice stands.
    } else if (reply.status == SecretReply::Status::Ok && !reply.secret.trimmed().isEmpty()) {
        e.stored = reply.secret.trimmed();
        e.storedSource = KeySource::Keychain;
        qCInfo(lc).noquote() << "the" << accountName(id) << "key was read from the system keychain";
        Q_EMIT keyChanged(id);
    } else if (reply.status == SecretReply::Status::NotFound) {
        qCDebug(lc).noquote() << "no" << accountName(id) << "key in the system keychain";
    } else if (reply.status != SecretReply::Status::Ok) {
        noteUnavailable(reply);
        qCWarning(lc).noquote() << "reading the" << accountName(id) << "key failed:" << reply.detail;
    }
    finishLoadStep();
}

void KeyStore::onWritten(ApiKey id, quint64 generation, const SecretReply &reply)
{
    Entry &e = entry(id);
    const bool current = generation == e.generation;
    if (reply.status == SecretReply::Status::Ok) {
        qCInfo(lc).noquote() << "the" << accountName(id) << "key is stored in the system keychain";
        if (current) {
            e.storedSource = KeySource::Keychain;
            Q_EMIT keyChanged(id);
        }
        QString message = tr("The key is stored in the system keychain.");
        if (!e.environment.isEmpty()) {
            message += QLatin1Char(' ') +
                       tr("%1 from the environment still takes precedence.").arg(environmentVariable(id));
        }
        Q_EMIT keySaved(id, KeySource::Keychain, message);
        return;
    }
    noteUnavailable(reply);
    qCWarning(lc).noquote() << "storing the" << accountName(id)
                            << "key failed; it is kept for this session only:" << reply.detail;
    Q_EMIT keySaved(id, KeySource::Session, saveFailureMessage(id, reply));
}

void KeyStore::onRemoved(ApiKey id, const SecretReply &reply)
{
    using Status = SecretReply::Status;
    const bool ok = reply.status == Status::Ok || reply.status == Status::NotFound ||
                    reply.status == Status::Unavailable; // nothing can be stored where there is no keychain
    QString message;
    if (ok) {
        qCInfo(lc).noquote() << "the" << accountName(id) << "key is removed";
        message = tr("The key is removed.");
        if (!entry(id).environment.isEmpty()) {
            message +=
                QLatin1Char(' ') + tr("%1 from the environment is still used.").arg(environmentVariable(id));
        }
        if (reply.status == Status::Unavailable) {
            noteUnavailable(reply);
        }
    } else {
        qCWarning(lc).noquote() << "removing the" << accountName(id) << "key failed:" << reply.detail;
        message = tr("The key could not be removed from the system keychain (%1).").arg(reply.detail);
    }
    Q_EMIT keyRemoved(id, ok, message);
}

void KeyStore::noteUnavailable(const SecretReply &reply)
{
    if (reply.status == SecretReply::Status::Unavailable && !m_keychainUnavailable) {
        m_keychainUnavailable = true;
        qCWarning(lc).noquote() << "no system keychain:" << reply.detail;
    }
}

void KeyStore::finishLoadStep()
{
    if (m_pendingReads > 0 && --m_pendingReads == 0 && !m_loaded) {
        m_loaded = true;
        Q_EMIT loaded();
    }
}

QString KeyStore::saveFailureMessage(ApiKey id, const SecretReply &reply) const
{
    switch (reply.status) {
    case SecretReply::Status::Unavailable:
        return keychainProblem(id);
    case SecretReply::Status::Denied:
        return tr("The system keychain refused to store the key (%1); the key is kept for this session only. "
                  "Set %2 to avoid typing it again.")
            .arg(reply.detail, environmentVariable(id));
    default:
        break;
    }
    return tr("The key could not be stored in the system keychain (%1); it is kept for this session only. "
              "Set %2 to avoid typing it again.")
        .arg(reply.detail, environmentVariable(id));
}

} // namespace ba
