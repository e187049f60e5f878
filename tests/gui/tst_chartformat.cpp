#include "gui/chart/ChartFormat.h"

#include <QtTest>

using namespace ba::chart;

class TestChartFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void currencySymbol_mapsKnownCodesAndUpperCasesOthers_data();
    void currencySymbol_mapsKnownCodesAndUpperCasesOthers();
    void formatCompactMoney_keepsThreeSignificantDigits_data();
    void formatCompactMoney_keepsThreeSignificantDigits();
    void formatCompactMoney_followsLocaleSymbolPlacement();
    void formatPrice_addsDecimalsForFractions_data();
    void formatPrice_addsDecimalsForFractions();
    void formatChangeArrow_pointsWithTheTrend();
    void formatUpdatedAge_countsMinutesThenHours_data();
    void formatUpdatedAge_countsMinutesThenHours();
    void timeAxisFormat_widensWithSpan_data();
    void timeAxisFormat_widensWithSpan();
    void niceTickStep_isRoundAndNearTarget_data();
    void niceTickStep_isRoundAndNearTarget();
    void currencyAffixes_matchToCurrencyString();
};

void TestChartFormat::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestChartFormat::currencySymbol_mapsKnownCodesAndUpperCasesOthers_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("symbol");
    QTest::newRow("usd") << QStringLiteral("usd") << QStringLiteral("$");
    QTest::newRow("EUR upper") << QStringLiteral("EUR") << QStringLiteral("€");
    QTest::newRow("gbp") << QStringLiteral("gbp") << QStringLiteral("£");
    QTest::newRow("jpy") << QStringLiteral("jpy") << QStringLiteral("¥");
    QTest::newRow("chf") << QStringLiteral("chf") << QStringLiteral("CHF");
    QTest::newRow("btc") << QStringLiteral("btc") << QStringLiteral("BTC");
}

void TestChartFormat::currencySymbol_mapsKnownCodesAndUpperCasesOthers()
{
    QFETCH(QString, code);
    QFETCH(QString, symbol);
    QCOMPARE(currencySymbol(code), symbol);
}

void TestChartFormat::formatCompactMoney_keepsThreeSignificantDigits_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("trillions") << 1.234e12 << QStringLiteral("$1.23 T");
    QTest::newRow("tens of billions") << 45.64e9 << QStringLiteral("$45.6 B");
    QTest::newRow("hundreds of millions") << 789.2e6 << QStringLiteral("$789 M");
    QTest::newRow("thousands") << 12'345.0 << QStringLiteral("$12.3 K");
    QTest::newRow("rounds up a unit") << 999.7e9 << QStringLiteral("$1.00 T");
    QTest::newRow("small stays exact") << 512.5 << QStringLiteral("$512.50");
    QTest::newRow("beyond trillions") << 4.2e15 << QStringLiteral("$4,200 T");
}

void TestChartFormat::formatCompactMoney_keepsThreeSignificantDigits()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(formatCompactMoney(value, QStringLiteral("usd")), expected);
}

void TestChartFormat::formatCompactMoney_followsLocaleSymbolPlacement()
{
    const QLocale french(QLocale::French, QLocale::France);
    const QString text = formatCompactMoney(45.6e9, QStringLiteral("eur"), french);
    QVERIFY2(text.startsWith(QStringLiteral("45,6")), qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral("€")), qPrintable(text));
}

void TestChartFormat::formatPrice_addsDecimalsForFractions_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");
    QTest::newRow("bitcoin") << 67'123.456 << 2;
    QTest::newRow("one") << 1.0 << 2;
    QTest::newRow("tenths") << 0.1234 << 4;
    QTest::newRow("thousandths") << 0.001234 << 6;
}

void TestChartFormat::formatPrice_addsDecimalsForFractions()
{
    QFETCH(double, value);
    QFETCH(int, decimals);
    QCOMPARE(priceDecimals(value), decimals);
    QCOMPARE(formatPrice(value, QStringLiteral("usd")),
             QLocale().toCurrencyString(value, QStringLiteral("$"), decimals));
}

void TestChartFormat::formatChangeArrow_pointsWithTheTrend()
{
    QCOMPARE(formatChangeArrow(2.35), QStringLiteral("▲ 2.35 %"));
    QCOMPARE(formatChangeArrow(-1.1), QStringLiteral("▼ 1.10 %"));
    QCOMPARE(formatSignedPercent(2.35), QStringLiteral("+2.35 %"));
    QCOMPARE(formatSignedPercent(-1.1), QStringLiteral("-1.10 %"));
}

void TestChartFormat::formatUpdatedAge_countsMinutesThenHours_data()
{
    QTest::addColumn<int>("secondsAgo");
    QTest::addColumn<QString>("expected");
    QTest::newRow("seconds") << 20 << QStringLiteral("Updated just now");
    QTest::newRow("one minute") << 61 << QStringLiteral("Updated 1 min ago");
    QTest::newRow("minutes") << 59 * 60 << QStringLiteral("Updated 59 min ago");
    QTest::newRow("hours") << 3 * 3600 + 5 << QStringLiteral("Updated 3 h ago");
    QTest::newRow("clock skew") << -30 << QStringLiteral("Updated just now");
}

void TestChartFormat::formatUpdatedAge_countsMinutesThenHours()
{
    QFETCH(int, secondsAgo);
    QFETCH(QString, expected);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000);
    QCOMPARE(formatUpdatedAge(now.addSecs(-secondsAgo), now), expected);
}

void TestChartFormat::timeAxisFormat_widensWithSpan_data()
{
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<QString>("format");
    constexpr qint64 day = 24LL * 3600 * 1000;
    QTest::newRow("24H") << day << QStringLiteral("HH:mm");
    QTest::newRow("zoomed 2 days") << 2 * day << QStringLiteral("dd MMM HH:mm");
    QTest::newRow("7D") << 7 * day << QStringLiteral("dd MMM");
    QTest::newRow("90D") << 90 * day << QStringLiteral("dd MMM");
    QTest::newRow("1Y") << 365 * day << QStringLiteral("MMM yyyy");
}

void TestChartFormat::timeAxisFormat_widensWithSpan()
{
    QFETCH(qint64, spanMs);
    QFETCH(QString, format);
    QCOMPARE(timeAxisFormat(spanMs), format);
}

void TestChartFormat::niceTickStep_isRoundAndNearTarget_data()
{
    QTest::addColumn<double>("span");
    QTest::addColumn<int>("target");
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("decimals");
    QTest::newRow("bitcoin month") << 19'000.0 << 6 << 5'000.0 << 0;
    QTest::newRow("bitcoin day") << 1'234.0 << 6 << 250.0 << 0;
    QTest::newRow("cents") << 0.9 << 5 << 0.2 << 1;
    QTest::newRow("quarter") << 1.2 << 5 << 0.25 << 2;
    QTest::newRow("tiny") << 0.0007 << 7 << 0.0001 << 4;
}

void TestChartFormat::niceTickStep_isRoundAndNearTarget()
{
    QFETCH(double, span);
    QFETCH(int, target);
    QFETCH(double, step);
    QFETCH(int, decimals);
    const TickStep tick = niceTickStep(span, target);
    QVERIFY2(qFuzzyCompare(tick.step, step), qPrintable(QString::number(tick.step)));
    QCOMPARE(tick.decimals, decimals);
}

void TestChartFormat::currencyAffixes_matchToCurrencyString()
{
    for (const QLocale &locale :
         {QLocale(QLocale::English, QLocale::UnitedStates), QLocale(QLocale::French, QLocale::France),
          QLocale(QLocale::German, QLocale::Germany)}) {
        const CurrencyAffixes affixes = currencyAffixes(QStringLiteral("eur"), locale);
        QCOMPARE(affixes.prefix + locale.toString(1234) + affixes.suffix,
                 locale.toCurrencyString(1234.0, QStringLiteral("€"), 0));
    }
}

QTEST_GUILESS_MAIN(TestChartFormat)
#include "tst_chartformat.moc"
