#include "logging/LogEntry.h"

#include <QTest>

using ba::LogEntry;

namespace {
// 2026-11-29T10:23:39.049Z, the example of the log line contract.
constexpr qint64 kContractTimeMs = 1795947819049;

LogEntry entry(QtMsgType level, const QString &id, const QString &message)
{
    LogEntry e;
    e.timeMs = kContractTimeMs;
    e.level = level;
    e.category = QStringLiteral("ba.net.coingecko");
    e.correlationId = id;
    e.message = message;
    return e;
}
} // namespace

class TestLogEntry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatLogLine_eachLevel_padsToFiveCharacters_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("expected");
        const QString prefix = QStringLiteral("2026-11-29T10:23:39.049Z ");
        const QString suffix = QStringLiteral(" ba.net.coingecko [r42] hello");
        QTest::newRow("debug") << int(QtDebugMsg) << QString(prefix + QStringLiteral("DEBUG") + suffix);
        QTest::newRow("info") << int(QtInfoMsg) << QString(prefix + QStringLiteral("INFO ") + suffix);
        QTest::newRow("warning") << int(QtWarningMsg) << QString(prefix + QStringLiteral("WARN ") + suffix);
        QTest::newRow("critical") << int(QtCriticalMsg) << QString(prefix + QStringLiteral("ERROR") + suffix);
        QTest::newRow("fatal") << int(QtFatalMsg) << QString(prefix + QStringLiteral("FATAL") + suffix);
    }
    void formatLogLine_eachLevel_padsToFiveCharacters()
    {
        QFETCH(int, level);
        QFETCH(QString, expected);
        QCOMPARE(ba::formatLogLine(entry(QtMsgType(level), QStringLiteral("r42"), QStringLiteral("hello"))),
                 expected);
    }

    void formatLogLine_contractExample_matchesExactly()
    {
        const QString message =
            QStringLiteral("GET /coins/bitcoin/market_chart?vs_currency=usd&days=30 -> 200 412 ms 182 KB");
        QCOMPARE(ba::formatLogLine(entry(QtInfoMsg, QStringLiteral("r42"), message)),
                 QStringLiteral("2026-11-29T10:23:39.049Z INFO  ba.net.coingecko [r42] ") + message);
    }

    void formatLogLine_withoutCorrelationId_printsDash()
    {
        QCOMPARE(ba::formatLogLine(entry(QtWarningMsg, QString(), QStringLiteral("x"))),
                 QStringLiteral("2026-11-29T10:23:39.049Z WARN  ba.net.coingecko [-] x"));
    }

    void formatLogLine_multiLineMessage_staysOnOneLineWithEscapedBreaks()
    {
        const QString line =
            ba::formatLogLine(entry(QtInfoMsg, QString(), QStringLiteral("first\nsecond\r\nthird")));
        QVERIFY(!line.contains(QLatin1Char('\n')));
        QVERIFY(!line.contains(QLatin1Char('\r')));
        QVERIFY(line.endsWith(QStringLiteral("first\\nsecond\\r\\nthird")));
    }

    void formatLogTime_isUtcWithMillisecondsAndZ_data()
    {
        QTest::addColumn<qint64>("timeMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00.000Z");
        QTest::newRow("one ms") << qint64(1) << QStringLiteral("1970-01-01T00:00:00.001Z");
        QTest::newRow("contract") << kContractTimeMs << QStringLiteral("2026-11-29T10:23:39.049Z");
        QTest::newRow("leap day end") << qint64(1709251199999) << QStringLiteral("2024-02-29T23:59:59.999Z");
        QTest::newRow("new year") << qint64(1767225600000) << QStringLiteral("2026-01-01T00:00:00.000Z");
    }
    void formatLogTime_isUtcWithMillisecondsAndZ()
    {
        QFETCH(qint64, timeMs);
        QFETCH(QString, expected);
        QCOMPARE(ba::formatLogTime(timeMs), expected);
    }

    void formatLogTime_ignoresLocalTimeZone()
    {
        qputenv("TZ", "Asia/Kolkata");
        QCOMPARE(ba::formatLogTime(0), QStringLiteral("1970-01-01T00:00:00.000Z"));
        qunsetenv("TZ");
    }

    void levelName_eachLevel_isUnpadded()
    {
        QCOMPARE(ba::levelName(QtDebugMsg), QStringLiteral("DEBUG"));
        QCOMPARE(ba::levelName(QtInfoMsg), QStringLiteral("INFO"));
        QCOMPARE(ba::levelName(QtWarningMsg), QStringLiteral("WARN"));
        QCOMPARE(ba::levelName(QtCriticalMsg), QStringLiteral("ERROR"));
        QCOMPARE(ba::levelName(QtFatalMsg), QStringLiteral("FATAL"));
    }
};

QTEST_GUILESS_MAIN(TestLogEntry)
#include "tst_logentry.moc"
