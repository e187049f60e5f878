#include "news/ClearanceCookie.h"
#include "news/NewsSiteProfile.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using ba::ClearanceCookie;
using ba::NewsSiteProfile;

// The one cookie the hidden browser keeps; the browser side is in test_webnewsscraper.
class TestClearanceCookie : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isClearance_data();
    void isClearance();
    void saveThenLoad_roundTripsOwnerOnly();
    void load_expiredOrGarbage_givesNothing();
    void removeBrowserCookieFiles_deletesOldDatabases();
};

namespace {

NewsSiteProfile site()
{
    NewsSiteProfile p;
    p.id = QStringLiteral("site");
    p.url = QUrl(QStringLiteral("https://news.site.example/"));
    return p; // clearanceCookie: cf_clearance
}

QNetworkCookie cookie(const QByteArray &name, const QString &domain)
{
    QNetworkCookie c(name, "value");
    c.setDomain(domain);
    return c;
}

} // namespace

void TestClearanceCookie::isClearance_data()
{
    QTest::addColumn<QNetworkCookie>("cookie");
    QTest::addColumn<bool>("expected");
    QTest::newRow("host-only") << cookie("cf_clearance", QString()) << true;
    QTest::newRow("site domain") << cookie("cf_clearance", QStringLiteral(".news.site.example")) << true;
    QTest::newRow("subdomain") << cookie("cf_clearance", QStringLiteral("cdn.news.site.example")) << true;
    QTest::newRow("third party") << cookie("cf_clearance", QStringLiteral(".tracker.example")) << false;
    QTest::newRow("parent domain") << cookie("cf_clearance", QStringLiteral(".site.example")) << false;
    QTest::newRow("other name") << cookie("session", QString()) << false;
}

void TestClearanceCookie::isClearance()
{
    QFETCH(QNetworkCookie, cookie);
    QFETCH(bool, expected);
    QCOMPARE(ClearanceCookie::isClearance(cookie, site()), expected);
    NewsSiteProfile none = site();
    none.clearanceCookie.clear(); // "clearanceCookie": "" keeps no cookie at all
    QVERIFY(!ClearanceCookie::isClearance(cookie, none));
}

void TestClearanceCookie::saveThenLoad_roundTripsOwnerOnly()
{
    QTemporaryDir dir;
    const ClearanceCookie jar(dir.path());
    QNetworkCookie c("cf_clearance", "abc.def-123");
    c.setExpirationDate(QDateTime::currentDateTimeUtc().addDays(1));
    c.setPath(QStringLiteral("/"));
    QVERIFY(jar.save(c));
    const auto loaded = jar.load();
    QVERIFY(loaded);
    QCOMPARE(loaded->name(), QByteArray("cf_clearance"));
    QCOMPARE(loaded->value(), QByteArray("abc.def-123"));
    const QFileDevice::Permissions others =
        QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    QCOMPARE(QFile(jar.filePath()).permissions() & others, QFileDevice::Permissions());
}

void TestClearanceCookie::load_expiredOrGarbage_givesNothing()
{
    QTemporaryDir dir;
    const ClearanceCookie jar(dir.path());
    QNetworkCookie old("cf_clearance", "x");
    old.setExpirationDate(QDateTime::currentDateTimeUtc().addDays(-1));
    QVERIFY(jar.save(old));
    QVERIFY(!jar.load());
    QVERIFY(!QFile::exists(jar.filePath())); // an expired one is forgotten

    QFile garbage(jar.filePath());
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write(QByteArray(100000, '\n'));
    garbage.close();
    QVERIFY(!jar.load());
}

void TestClearanceCookie::removeBrowserCookieFiles_deletesOldDatabases()
{
    QTemporaryDir dir;
    for (const char *name : {"Cookies", "Cookies-journal", "Local Storage"}) {
        QFile file(dir.filePath(QLatin1String(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    ClearanceCookie(dir.path()).removeBrowserCookieFiles();
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("Cookies"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("Cookies-journal"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("Local Storage"))));
}

QTEST_GUILESS_MAIN(TestClearanceCookie)
#include "tst_clearancecookie.moc"
