#include "ba/Version.h"
#include "gui/AboutDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace ba;

namespace {

QString allLabelText(const QWidget &widget)
{
    QStringList texts;
    const QList<QLabel *> labels = widget.findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        texts.append(label->text());
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shows_nameVersionAndBothQtVersions();
    void shows_licencesAsPlainText();
    void closeButton_closesTheDialog();
};

void TestAboutDialog::shows_nameVersionAndBothQtVersions()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    const QString text = allLabelText(dialog);
    QVERIFY(text.contains(QStringLiteral("Bitcoin Analyzer")));
    QVERIFY2(text.contains(QStringLiteral("Version " BA_VERSION)), qPrintable(text));
    QVERIFY2(text.contains(QString::fromLatin1(qVersion())), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("built with Qt " QT_VERSION_STR)), qPrintable(text));
    QVERIFY(!dialog.windowTitle().isEmpty());
}

void TestAboutDialog::shows_licencesAsPlainText()
{
    AboutDialog dialog;
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    const QLabel *licence = nullptr;
    for (const QLabel *label : labels) {
        if (label->text().contains(QStringLiteral("GNU GPL v3 or later"))) {
            licence = label;
        }
    }
    QVERIFY(licence != nullptr);
    QCOMPARE(licence->text(), AboutDialog::licenceText());
    for (const char *part :
         {"Qt (LGPL v3)", "Qt Charts and Qt WebEngine (GPL v3)", "QtKeychain (BSD-3-Clause)",
          "SQLite (public domain)", "Market data by CoinGecko."}) {
        QVERIFY2(licence->text().contains(QLatin1String(part)), part);
    }
    for (const QLabel *label : labels) {
        if (!label->text().isEmpty()) {
            QCOMPARE(label->textFormat(), Qt::PlainText);
        }
    }
}

void TestAboutDialog::closeButton_closesTheDialog()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy rejected(&dialog, &QDialog::rejected);

    QPushButton *close = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
    QVERIFY(close != nullptr);
    QTest::mouseClick(close, Qt::LeftButton);

    QCOMPARE(rejected.count(), 1);
    QVERIFY(!dialog.isVisible());
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
