#include "gui/ApiKeyField.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace ba {

ApiKeyField::ApiKeyField(KeyStore *keys, ApiKey id, const Widgets &widgets, QObject *parent)
    : QObject(parent), m_keys(keys), m_id(id), m_w(widgets)
{
    Q_ASSERT(m_keys != nullptr && m_w.edit && m_w.show && m_w.remove && m_w.status);
    m_w.edit->clear();
    m_w.edit->setEchoMode(QLineEdit::Password);
    // Keep on-screen keyboards and input methods from learning or suggesting the key.
    m_w.edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                  Qt::ImhNoAutoUppercase);
    m_w.status->setTextFormat(Qt::PlainText);

    connect(m_w.show, &QToolButton::toggled, this, &ApiKeyField::onShowToggled);
    connect(m_w.remove, &QPushButton::clicked, this, &ApiKeyField::onRemoveClicked);
    connect(m_w.edit, &QLineEdit::textEdited, this, &ApiKeyField::onTextEdited);
    // The keychain read may finish while the dialog is open.
    connect(m_keys, &KeyStore::keyChanged, this, [this](ApiKey changed) {
        if (changed == m_id) {
            refresh();
        }
    });
    connect(m_keys, &KeyStore::loaded, this, &ApiKeyField::refresh);
    onShowToggled(false);
    refresh();
}

QString ApiKeyField::typedKey() const
{
    return m_w.edit->text().trimmed();
}

void ApiKeyField::apply()
{
    if (const QString typed = typedKey(); !typed.isEmpty()) {
        m_keys->setKey(m_id, typed);
    } else if (m_removeRequested) {
        m_keys->removeKey(m_id);
    }
    m_removeRequested = false;
    m_w.edit->clear();
}

void ApiKeyField::refresh()
{
    m_w.edit->setPlaceholderText(placeholderText());
    const KeySource source = m_keys->source(m_id);
    const bool stored = source == KeySource::Keychain || source == KeySource::Session;
    m_w.remove->setEnabled(!m_removeRequested && (stored || !typedKey().isEmpty()));

    QStringList lines;
    if (m_removeRequested) {
        lines << tr("The key will be removed when you press OK.");
    }
    if (source == KeySource::Environment) {
        lines << tr("%1 from the environment takes precedence over a key typed here.")
                     .arg(KeyStore::environmentVariable(m_id));
    }
    if (m_keys->isKeychainUnavailable()) {
        lines << m_keys->keychainProblem(m_id);
    }
    m_w.status->setText(lines.join(QLatin1Char('\n')));
    m_w.status->setVisible(!lines.isEmpty());
}

QString ApiKeyField::placeholderText() const
{
    if (m_removeRequested) {
        return tr("No key (removed when you press OK)");
    }
    if (m_keys->source(m_id) == KeySource::None) {
        return tr("Paste your API key");
    }
    return m_keys->sourceText(m_id); // where the key comes from, worded once in KeyStore
}

void ApiKeyField::onShowToggled(bool shown)
{
    // Only what the user typed can be shown: the stored key is never loaded into the field.
    m_w.edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    m_w.show->setText(shown ? tr("Hide") : tr("Show"));
}

void ApiKeyField::onRemoveClicked()
{
    m_w.edit->clear();
    m_removeRequested = true;
    refresh();
}

void ApiKeyField::onTextEdited()
{
    // Typing a new key replaces the stored one; it cancels a pending removal.
    m_removeRequested = false;
    refresh();
}

} // namespace ba
