#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class AboutDialog;
}

namespace ba {

// Name, version, the Qt versions (running and built against) and the licences.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    static QString versionText();   // "Version 0.1.0"
    static QString qtVersionText(); // "Qt 6.4.2 (built with Qt 6.4.2)"
    static QString licenceText();

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace ba
