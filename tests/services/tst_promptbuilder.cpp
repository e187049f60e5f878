#include "SummaryTestData.h"
#include "services/PromptBuilder.h"

#include <QTest>

using namespace ba;
using namespace ba::test;

namespace {

MarketSummary summary(int headlineCount = 5, qsizetype titleChars = 60)
{
    return MarketSummary::build(wavySeries(24 * 40, HourMs), snapshot(),
                                headlines(headlineCount, titleChars));
}

// A summary holding far more headlines than build() keeps, to stress the size bound directly.
MarketSummary summaryWithHeadlines(int count, qsizetype titleChars)
{
    MarketSummary s = summary(0);
    const QList<NewsItem> news = headlines(count, titleChars);
    for (const NewsItem &item : news) {
        s.headlines.append({item.title, item.source, item.publishedMs});
    }
    return s;
}

} // namespace

class TestPromptBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void build_containsTheIndicatorValues()
    {
        const MarketSummary s = summary();
        const BuiltPrompt p = PromptBuilder(QStringLiteral("en")).build(s);
        const SummaryIndicators &ind = s.indicators;
        QVERIFY(p.prompt.contains(QLatin1String("RSI(14): ") + QString::number(*ind.rsi14, 'f', 1)));
        QVERIFY(p.prompt.contains(QLatin1String("line ") + QString::number(*ind.macd, 'f', 2)));
        QVERIFY(p.prompt.contains(QLatin1String("signal ") + QString::number(*ind.macdSignal, 'f', 2)));
        QVERIFY(p.prompt.contains(QLatin1String("SMA20: ") + QString::number(*ind.sma20, 'f', 2)));
        QVERIFY(p.prompt.contains(QLatin1String("SMA50: ") + QString::number(*ind.sma50, 'f', 2)));
        QVERIFY(p.prompt.contains(QLatin1String("%B ") + QString::number(*ind.bollingerPercentB, 'f', 2)));
        QVERIFY(p.prompt.contains(QLatin1String("Last price: ") + QString::number(s.lastPrice, 'f', 2)));
        QVERIFY(p.prompt.contains(QLatin1String("Headline 0 ")));
        QVERIFY(p.prompt.contains(QLatin1String("bitcoin priced in USD")));
        QVERIFY(!p.prompt.contains(QLatin1String("{{")));
    }

    void build_english_asksForTheFiveSectionsAndTheDisclaimer()
    {
        const BuiltPrompt p = PromptBuilder(QStringLiteral("en")).build(summary());
        for (const char *section :
             {"## Trend", "## Momentum", "## Volatility", "## News context", "## Risks"}) {
            QVERIFY2(p.prompt.contains(QLatin1String(section)), section);
        }
        QVERIFY(p.prompt.contains(QLatin1String("This is not financial advice.")));
        QVERIFY(p.prompt.contains(QLatin1String("Answer in English")));
        QVERIFY(p.systemInstruction.contains(QLatin1String("untrusted")));
    }

    void build_french_usesTheFrenchTemplate_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("fr") << QStringLiteral("fr");
        QTest::newRow("fr_FR") << QStringLiteral("fr_FR");
        QTest::newRow("fr-CA") << QStringLiteral("fr-CA");
    }

    void build_french_usesTheFrenchTemplate()
    {
        QFETCH(QString, language);
        const PromptBuilder builder(language);
        QCOMPARE(builder.language(), QStringLiteral("fr"));
        const BuiltPrompt p = builder.build(summary());
        QVERIFY(p.prompt.contains(QStringLiteral("Répondez en français")));
        for (const QString &section :
             {QStringLiteral("## Tendance"), QStringLiteral("## Momentum"), QStringLiteral("## Volatilité"),
              QStringLiteral("## Contexte de l'actualité"), QStringLiteral("## Risques")}) {
            QVERIFY2(p.prompt.contains(section), qPrintable(section));
        }
        QVERIFY(p.prompt.contains(QStringLiteral("Ceci n'est pas un conseil financier.")));
        QVERIFY(!p.prompt.contains(QLatin1String("Answer in English")));
        QVERIFY(p.systemInstruction.contains(QStringLiteral("non fiable")));
    }

    void build_otherLanguage_fallsBackToEnglish()
    {
        const PromptBuilder builder(QStringLiteral("de"));
        QCOMPARE(builder.language(), QStringLiteral("en"));
        QVERIFY(builder.build(summary()).prompt.contains(QLatin1String("Answer in English")));
    }

    void build_smallInput_keepsEveryHeadline()
    {
        const BuiltPrompt p = PromptBuilder().build(summary(10));
        QCOMPARE(p.headlinesIncluded, 10);
        QCOMPARE(p.headlinesDropped, 0);
        QVERIFY(p.utf8Size() <= PromptBuilder::DefaultMaxBytes);
    }

    void build_thousandLongHeadlines_staysUnderTheBound_data()
    {
        QTest::addColumn<qsizetype>("maxBytes");
        QTest::newRow("8 KB") << qsizetype(PromptBuilder::DefaultMaxBytes);
        QTest::newRow("4 KB") << qsizetype(4096);
        QTest::newRow("3 KB") << qsizetype(3072);
    }

    void build_thousandLongHeadlines_staysUnderTheBound()
    {
        QFETCH(qsizetype, maxBytes);
        const BuiltPrompt p =
            PromptBuilder(QStringLiteral("en"), maxBytes).build(summaryWithHeadlines(1000, 2000));
        QVERIFY2(p.utf8Size() <= maxBytes, qPrintable(QString::number(p.utf8Size())));
        QVERIFY(p.headlinesDropped > 0);
        QCOMPARE(p.headlinesIncluded + p.headlinesDropped, 1000);
        // Headlines went first: the indicators and the instructions are all still there.
        QVERIFY(p.prompt.contains(QLatin1String("RSI(14): ")));
        QVERIFY(p.prompt.contains(QLatin1String("This is not financial advice.")));
        // Adding one more headline would have broken the bound (as many as fit are kept).
        QVERIFY(p.utf8Size() + 300 > maxBytes);
        if (p.headlinesIncluded > 0) {
            QVERIFY(p.prompt.contains(QLatin1String("Headline 0 ")));
        }
    }

    void build_thousandLongHeadlinesThroughBuild_staysUnderTheBound()
    {
        const BuiltPrompt p = PromptBuilder(QStringLiteral("fr")).build(summary(1000, 5000));
        QVERIFY(p.utf8Size() <= PromptBuilder::DefaultMaxBytes);
    }

    void build_placeholderInAHeadline_isNotExpanded()
    {
        MarketSummary s = summary(0);
        s.headlines.append(
            {QStringLiteral("Ignore this {{data}} and {{coin}}"), QStringLiteral("x"), std::nullopt});
        const BuiltPrompt p = PromptBuilder().build(s);
        QVERIFY(p.prompt.contains(QLatin1String("Ignore this {{data}} and {{coin}}")));
    }

    void build_tinyBound_isStillRespected()
    {
        const BuiltPrompt p = PromptBuilder(QStringLiteral("fr"), 500).build(summary());
        QVERIFY2(p.utf8Size() <= 500, qPrintable(QString::number(p.utf8Size())));
        QCOMPARE(p.headlinesIncluded, 0);
    }
};

QTEST_GUILESS_MAIN(TestPromptBuilder)
#include "tst_promptbuilder.moc"
