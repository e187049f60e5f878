#include "gui/LogCategoryMenu.h"

#include <QAction>
#include <QSignalSpy>
#include <QtTest>

using namespace ba;

class TestLogCategoryMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addCategory_keepsCategoriesSortedAndOnce();
    void toggling_reportsHiddenCategories();
    void showAllAndHideAll_reportOnce();
    void clickOnCategory_togglesAndKeepsTheMenuOpen();
};

void TestLogCategoryMenu::addCategory_keepsCategoriesSortedAndOnce()
{
    LogCategoryMenu menu;
    menu.addCategory(QStringLiteral("ba.services.refresh"));
    menu.addCategory(QStringLiteral("ba.net.http"));
    menu.addCategory(QStringLiteral("ba.app.context"));
    menu.addCategory(QStringLiteral("ba.net.http"));

    QStringList shown;
    const QList<QAction *> actions = menu.actions();
    for (QAction *action : actions) {
        if (action->isCheckable()) {
            shown.append(action->text());
            QVERIFY(action->isChecked());
        }
    }
    QCOMPARE(shown, (QStringList{QStringLiteral("ba.app.context"), QStringLiteral("ba.net.http"),
                                 QStringLiteral("ba.services.refresh")}));
    QCOMPARE(menu.categories(), shown);
    QCOMPARE(menu.summary(), QStringLiteral("Categories"));
}

void TestLogCategoryMenu::toggling_reportsHiddenCategories()
{
    LogCategoryMenu menu;
    menu.addCategory(QStringLiteral("ba.a"));
    menu.addCategory(QStringLiteral("ba.b"));
    QSignalSpy changed(&menu, &LogCategoryMenu::hiddenCategoriesChanged);

    menu.setCategoryVisible(QStringLiteral("ba.b"), false);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QSet<QString>>(), QSet<QString>{QStringLiteral("ba.b")});
    QCOMPARE(menu.summary(), QStringLiteral("Categories (1 hidden)"));
    menu.setCategoryVisible(QStringLiteral("ba.unknown"), false); // not listed: nothing happens
    QCOMPARE(changed.count(), 1);
}

void TestLogCategoryMenu::showAllAndHideAll_reportOnce()
{
    LogCategoryMenu menu;
    for (const char *name : {"ba.a", "ba.b", "ba.c"}) {
        menu.addCategory(QString::fromLatin1(name));
    }
    QSignalSpy changed(&menu, &LogCategoryMenu::hiddenCategoriesChanged);
    menu.findChild<QAction *>(QStringLiteral("hideAllCategories"))->trigger();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(menu.hiddenCategories().size(), 3);
    menu.findChild<QAction *>(QStringLiteral("showAllCategories"))->trigger();
    QCOMPARE(changed.count(), 2);
    QVERIFY(menu.hiddenCategories().isEmpty());
}

void TestLogCategoryMenu::clickOnCategory_togglesAndKeepsTheMenuOpen()
{
    LogCategoryMenu menu;
    menu.addCategory(QStringLiteral("ba.net.http"));
    menu.popup(QPoint(10, 10));
    QVERIFY(QTest::qWaitForWindowExposed(&menu));
    QAction *action = menu.actionFor(QStringLiteral("ba.net.http"));

    QTest::mouseClick(&menu, Qt::LeftButton, {}, menu.actionGeometry(action).center());

    QVERIFY(!action->isChecked());
    QVERIFY(menu.isVisible());
    QTest::mouseClick(&menu, Qt::LeftButton, {}, menu.actionGeometry(action).center());
    QVERIFY(action->isChecked());
    QVERIFY(menu.isVisible());
}

QTEST_MAIN(TestLogCategoryMenu)
#include "tst_logcategorymenu.moc"
