#pragma once

#include "services/SecretBackend.h"

#include <QHash>
#include <QList>
#include <QTimer>
#include <functional>

namespace ba::test {

// In-memory keychain for tests. Replies arrive on a later event loop turn like QtKeychain's; with
// holdReplies they wait until releaseReplies(), so that tests can interleave operations.
class FakeSecretBackend final : public SecretBackend
{
public:
    QHash<QString, QString> entries;                        // account -> secret
    SecretReply::Status failWith = SecretReply::Status::Ok; // when not Ok, every call fails so
    QString failDetail = QStringLiteral("fake keychain failure");
    bool holdReplies = false;
    int reads = 0;
    int writes = 0;
    int removes = 0;

    void read(const QString &account, QObject *context, Callback done) override
    {
        ++reads;
        SecretReply reply = failure();
        if (failWith == SecretReply::Status::Ok) {
            const auto it = entries.constFind(account);
            reply.status = it == entries.cend() ? SecretReply::Status::NotFound : SecretReply::Status::Ok;
            reply.secret = it == entries.cend() ? QString() : *it;
        }
        deliver(context, std::move(done), reply);
    }

    void write(const QString &account, const QString &secret, QObject *context, Callback done) override
    {
        ++writes;
        if (failWith == SecretReply::Status::Ok) {
            entries.insert(account, secret);
        }
        deliver(context, std::move(done), failure());
    }

    void remove(const QString &account, QObject *context, Callback done) override
    {
        ++removes;
        SecretReply reply = failure();
        if (failWith == SecretReply::Status::Ok && entries.remove(account) == 0) {
            reply.status = SecretReply::Status::NotFound;
        }
        deliver(context, std::move(done), reply);
    }

    void releaseReplies()
    {
        holdReplies = false;
        const auto held = std::exchange(m_held, {});
        for (const auto &send : held) {
            send();
        }
    }

private:
    SecretReply failure() const
    {
        SecretReply reply;
        reply.status = failWith;
        reply.detail = failWith == SecretReply::Status::Ok ? QString() : failDetail;
        return reply;
    }

    void deliver(QObject *context, Callback done, const SecretReply &reply)
    {
        auto send = [context, done = std::move(done), reply] {
            QTimer::singleShot(0, context, [done, reply] { done(reply); });
        };
        if (holdReplies) {
            m_held.append(send);
        } else {
            send();
        }
    }

    QList<std::function<void()>> m_held;
};

} // namespace ba::test
