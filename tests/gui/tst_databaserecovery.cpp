#include "gui/DatabaseRecovery.h"
#include "gui/MarkdownRenderer.h"
#include "gui/TroubleshootingDialog.h"
#include "storage/Database.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>

using namespace ba;

namespace {

// Answers the next message box the code under test shows (it blocks in exec()).
void whenMessageBoxOpens(const std::function<void(QMessageBox &)> &answer)
{
    QTimer::singleShot(0, qApp, [answer] {
        QVERIFY(
            QTest::qWaitFor([] { return qobject_cast<QMessageBox *>(QApplication::activeModalWidget()); }));
        answer(*qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
    });
}

bool writeJunk(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QByteArray(8192, 'x')) == 8192;
}

QStringList setAside(const QDir &dir)
{
    return dir.entryList({QStringLiteral("*.damaged-*")}, QDir::Files);
}

} // namespace

// Start-up with a damaged database, and Help → Troubleshooting Guide: the dialogs AppContext used
// to run itself, driven as the user answers them, with a real SQLite file.
class TestDatabaseRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyFile_opensWithoutAsking()
    {
        QTemporaryDir dir;
        Database db(QStringLiteral("recovery-ok"));
        QVERIFY(DatabaseRecovery::open(db, dir.filePath(QStringLiteral("db.sqlite"))));
        QVERIFY(db.isOpen());
    }

    void damagedFile_startFresh_keepsTheOldFileAndOpensANewOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        QVERIFY(writeJunk(path));
        QString question;
        whenMessageBoxOpens([&question](QMessageBox &box) {
            question = box.text() + u'\n' + box.informativeText();
            box.findChild<QAbstractButton *>(QStringLiteral("startFreshButton"))->click();
        });
        Database db(QStringLiteral("recovery-fresh"));
        QVERIFY(DatabaseRecovery::open(db, path));

        QVERIFY(db.isOpen());
        QVERIFY(question.contains(QStringLiteral("kept, renamed")));
        const QStringList kept = setAside(QDir(dir.path()));
        QCOMPARE(kept.size(), 1);
        QFile old(dir.filePath(kept.constFirst()));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray(8192, 'x')); // byte for byte what was there
    }

    void damagedFile_cancel_touchesNothingAndStops()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("db.sqlite"));
        QVERIFY(writeJunk(path));
        whenMessageBoxOpens([](QMessageBox &box) { box.button(QMessageBox::Cancel)->click(); });
        Database db(QStringLiteral("recovery-cancel"));
        QVERIFY(!DatabaseRecovery::open(db, path));
        QVERIFY(!db.isOpen());
        QVERIFY(setAside(QDir(dir.path())).isEmpty());
        QCOMPARE(QFileInfo(path).size(), 8192);
    }

    void troubleshootingDialog_showsTheBuiltInGuide()
    {
        QVERIFY(TroubleshootingDialog::guideText().startsWith(
            QStringLiteral("# Troubleshooting Bitcoin Analyzer")));
        TroubleshootingDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Troubleshooting Guide"));
        QVERIFY(
            dialog.renderer()->toPlainText().contains(QStringLiteral("Troubleshooting Bitcoin Analyzer")));
    }
};

QTEST_MAIN(TestDatabaseRecovery)
#include "tst_databaserecovery.moc"
