#pragma once

#include "services/KeyStore.h"

#include <QObject>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace ba {

// One API key row of the settings dialog: a password field that starts empty (the stored key is
// never put back into a widget), a Show toggle for what the user types, a Remove button and a
// status line saying where the key in use comes from. Nothing reaches KeyStore before apply().
class ApiKeyField : public QObject
{
    Q_OBJECT
public:
    struct Widgets
    {
        QLineEdit *edit = nullptr;
        QToolButton *show = nullptr;
        QPushButton *remove = nullptr;
        QLabel *status = nullptr;
    };

    ApiKeyField(KeyStore *keys, ApiKey id, const Widgets &widgets, QObject *parent = nullptr);

    QString typedKey() const; // what the user typed, trimmed; empty = keep
    bool removalRequested() const { return m_removeRequested; }
    void apply(); // hands the change (if any) to KeyStore

private:
    void refresh();
    void onShowToggled(bool shown);
    void onRemoveClicked();
    void onTextEdited();
    QString placeholderText() const;

    KeyStore *m_keys;
    ApiKey m_id;
    Widgets m_w;
    bool m_removeRequested = false;
};

} // namespace ba
