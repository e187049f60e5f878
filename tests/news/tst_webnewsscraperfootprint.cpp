#include "fakes/FakeNewsSite.h"
#include "fakes/WebEngineTestMain.h"
#include "news/WebNewsScraper.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <algorithm>
#include <unistd.h>

using ba::NewsSiteProfile;
using ba::ScrapeResult;
using ba::WebNewsScraper;
using ba::fakes::FakeNewsSite;

namespace {

// VmRSS of one process in KiB, 0 when it is gone.
qint64 rssKiB(const QString &pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return 0;
}

QString parentOf(const QString &pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return QString();
    }
    const QByteArray text = stat.readAll();
    // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
    return QString::fromLatin1(text.mid(text.lastIndexOf(')') + 2).split(' ').value(1));
}

struct Footprint
{
    qint64 selfKiB = 0;
    qint64 childrenKiB = 0; // WebEngine helper processes (zygotes, renderers), all descendants
    int children = 0;
};

Footprint footprint()
{
    Footprint f;
    const QString self = QString::number(::getpid());
    f.selfKiB = rssKiB(self);
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList({QStringLiteral("[0-9]*")}, QDir::Dirs);
    for (const QString &pid : pids) {
        for (QString p = parentOf(pid); !p.isEmpty() && p != u"0" && p != u"1"; p = parentOf(p)) {
            if (p == self) {
                f.childrenKiB += rssKiB(pid);
                ++f.children;
                break;
            }
        }
    }
    return f;
}

QString describe(const Footprint &f)
{
    return QStringLiteral("self %1 MiB, %2 helper processes %3 MiB")
        .arg(f.selfKiB / 1024.0, 0, 'f', 1)
        .arg(f.children)
        .arg(f.childrenKiB / 1024.0, 0, 'f', 1);
}

} // namespace

// Not a pass/fail benchmark: prints cold and warm scrape latency and the process memory before,
// during and after a scrape, and checks that the browser is released every time.
class TestWebNewsScraperFootprint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scrape_repeated_releasesBrowserEachTime();
};

void TestWebNewsScraperFootprint::scrape_repeated_releasesBrowserEachTime()
{
    FakeNewsSite site;
    QVERIFY(site.listen());
    NewsSiteProfile profile;
    profile.id = QStringLiteral("footprint");
    profile.name = QStringLiteral("Footprint");
    profile.url = site.url(QStringLiteral("/list"));
    profile.item = QStringLiteral(".story");
    profile.title = QStringLiteral(".story__title");
    profile.timeoutMs = 10000;
    WebNewsScraper scraper(ba::testing::webEngineDataDir() + QStringLiteral("/webengine"), profile);

    const Footprint before = footprint();
    qInfo().noquote() << "before any scrape:" << describe(before);
    QList<qint64> warm;
    Footprint during;
    for (int run = 0; run < 6; ++run) {
        QSignalSpy finished(&scraper, &WebNewsScraper::finished);
        QSignalSpy released(&scraper, &WebNewsScraper::browserReleased);
        QVERIFY(scraper.scrape());
        QVERIFY(finished.wait(15000));
        during = footprint(); // the page is still alive: its release is queued
        const auto result = finished.at(0).at(0).value<ScrapeResult>();
        QVERIFY2(result.ok(), qPrintable(result.error.detail));
        QCOMPARE(result.items.size(), 3);
        QVERIFY(released.wait(5000));
        QVERIFY(!scraper.isBrowserActive());
        if (run == 0) {
            qInfo().noquote() << "cold scrape" << result.latencyMs << "ms; during:" << describe(during);
        } else {
            warm.append(result.latencyMs);
        }
    }
    std::sort(warm.begin(), warm.end());
    // Renderer processes exit on their own schedule after the page is gone.
    QTRY_VERIFY_WITH_TIMEOUT(footprint().children < during.children, 10000);
    const Footprint after = footprint();
    qInfo().noquote() << "warm scrapes (ms):" << warm << "median" << warm.at(warm.size() / 2);
    qInfo().noquote() << "during last scrape:" << describe(during);
    qInfo().noquote() << "after release:" << describe(after);
}

BA_WEBENGINE_TEST_MAIN(TestWebNewsScraperFootprint)
#include "tst_webnewsscraperfootprint.moc"
