#pragma once

#include <QString>
#include <QStringList>
#include <shared_mutex>

namespace ba {

// Masks API keys in free text: query parameters key, x_cg_demo_api_key, x_cg_pro_api_key (also
// percent-encoded inside another URL); headers x-goog-api-key and x-cg-*-api-key in "name: value",
// "name=value", JSON-ish "\"name\":\"value\"" and QDebug pair forms (any case); and any configured
// secret value of 4 characters or more, raw or percent-encoded. Masked values print as ***.
class Redactor
{
public:
    Redactor() = default;
    Redactor(const Redactor &) = delete;
    Redactor &operator=(const Redactor &) = delete;

    void setSecrets(const QStringList &secrets);        // thread-safe
    QString redact(const QString &text) const;          // thread-safe
    static QString redactPatterns(const QString &text); // patterns only, no configured values

    static QString mask() { return QStringLiteral("***"); }

private:
    mutable std::shared_mutex m_lock; // std rather than QReadWriteLock: ThreadSanitizer understands it
    QStringList m_secrets;            // longest first, so that a secret containing another is masked whole
};

} // namespace ba
