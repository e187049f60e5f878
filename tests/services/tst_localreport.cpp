#include "SummaryTestData.h"
#include "services/LocalReport.h"

#include <QTest>

using namespace ba;
using namespace ba::test;

namespace {

MarketSummary summary(const QList<NewsItem> &news = headlines(3))
{
    return MarketSummary::build(wavySeries(24 * 40, HourMs), snapshot(), news);
}

} // namespace

class TestLocalReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void markdown_sameInput_givesTheSameText()
    {
        const QString first = LocalReport::markdown(summary());
        const QString second = LocalReport::markdown(
            MarketSummary::build(wavySeries(24 * 40, HourMs), snapshot(), headlines(3)));
        QCOMPARE(second, first);
        QVERIFY(LocalReport::markdown(summary(headlines(4))) != first);
    }

    void markdown_firstLine_saysComputedLocallyWithoutAi()
    {
        const QString text = LocalReport::markdown(summary());
        const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(firstLine.contains(QLatin1String("Computed locally without AI")), qPrintable(firstLine));
        QCOMPARE(LocalReport::label(), QStringLiteral("Computed locally without AI"));
    }

    void markdown_hasEverySectionInOrder_andTheDisclaimer_data()
    {
        QTest::addColumn<int>("points");
        QTest::newRow("40 days hourly") << 24 * 40;
        QTest::newRow("too short for indicators") << 5;
    }

    void markdown_hasEverySectionInOrder_andTheDisclaimer()
    {
        QFETCH(int, points);
        const QString text =
            LocalReport::markdown(MarketSummary::build(wavySeries(points, HourMs), snapshot(), {}));
        qsizetype from = 0;
        for (const char *section :
             {"## Trend\n", "## Momentum\n", "## Volatility\n", "## News context\n", "## Risks\n"}) {
            const qsizetype at = text.indexOf(QLatin1String(section), from);
            QVERIFY2(at > from, section);
            from = at;
        }
        QVERIFY(text.trimmed().endsWith(QLatin1String("*This is not financial advice.*")));
    }

    void markdown_quotesTheIndicatorValues()
    {
        const MarketSummary s = summary();
        const QString text = LocalReport::markdown(s);
        const QLocale english(QLocale::English);
        QVERIFY(text.contains(english.toString(*s.indicators.rsi14, 'f', 1)));
        QVERIFY(text.contains(english.toString(s.lastPrice, 'f', 2)));
        QVERIFY(text.contains(stats::trendName(*s.indicators.trend)));
        QVERIFY(text.contains(QLatin1String("Headline 0 ")));
    }

    void markdown_noHeadlines_saysSo()
    {
        QVERIFY(LocalReport::markdown(summary({}))
                    .contains(QLatin1String("No recent headlines were available.")));
    }

    void markdown_french_formatsNumbersTheFrenchWay()
    {
        MarketSummary s = summary();
        s.lastPrice = 64123.45;
        const QString text = LocalReport::markdown(s, QStringLiteral("fr"));
        QVERIFY2(text.contains(QLocale(QLocale::French).toString(64123.45, 'f', 2)),
                 qPrintable(text.left(400)));
        QVERIFY(text.contains(QLatin1String("123,45")));
    }

    void markdown_headlineMarkup_isEscaped()
    {
        NewsItem item = headlines(1).constFirst();
        item.title =
            QStringLiteral("[click](javascript:alert(1)) **bold** <img src=x> ![i](http://127.0.0.1/x.png)");
        const QString text = LocalReport::markdown(summary({item}));
        QVERIFY(text.contains(
            QLatin1String("\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* \\<img src=x\\>")));
        QVERIFY(text.contains(QLatin1String("\\!\\[i\\]")));
        QCOMPARE(LocalReport::escapeMarkdown(QStringLiteral("a_b & c")), QStringLiteral("a\\_b \\& c"));
    }
};

QTEST_GUILESS_MAIN(TestLocalReport)
#include "tst_localreport.moc"
