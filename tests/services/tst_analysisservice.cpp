#include "SummaryTestData.h"
#include "fakes/FakeAiProvider.h"
#include "net/AiProvider.h"
#include "services/AnalysisService.h"
#include "services/LocalReport.h"
#include "storage/AnalysisStore.h"
#include "storage/Database.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ba;
using namespace ba::test;
using ba::fakes::FakeAiProvider;
using ba::fakes::FakeGeneration;

namespace {

AiResult success(const QString &text)
{
    AiResult result;
    result.text = text;
    result.provider = QStringLiteral("gemini");
    result.model = QStringLiteral("gemini-test-flash");
    result.finishReason = QStringLiteral("STOP");
    result.promptTokens = 812;
    result.outputTokens = 345;
    result.latencyMs = 2000;
    return result;
}

const QString Answer =
    QStringLiteral("Bitcoin drifts higher.\n\n## Trend\nUp.\n\n*This is not financial advice.*");

} // namespace

class TestAnalysisService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_db = std::make_unique<Database>(QStringLiteral("tst-analysisservice"));
        const Database::OpenResult opened = m_db->open(m_dir->filePath(QStringLiteral("analyzer.sqlite")));
        QVERIFY2(opened.status == Database::OpenStatus::Ok, qPrintable(opened.detail));
        m_store = std::make_unique<AnalysisStore>(m_db->connection());
        m_provider = std::make_unique<FakeAiProvider>();
        m_service = std::make_unique<AnalysisService>(m_store.get());
        m_service->setProvider(m_provider.get());
        m_now = StartMs + 40 * DayMs;
        m_service->setClock([this] { return m_now++; });
        m_prices = wavySeries(24 * 40, HourMs);
    }

    void cleanup()
    {
        m_service.reset();
        m_provider.reset();
        m_store.reset();
        m_db.reset();
        m_dir.reset();
        // The fake generations delete themselves later; let that happen inside this test.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    void analyse_aiSuccess_storesRecordWithTokensAndLatency()
    {
        QSignalSpy ready(m_service.get(), &AnalysisService::analysisReady);
        QSignalSpy started(m_service.get(), &AnalysisService::analysisStarted);
        analyse();
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("r1"));
        QCOMPARE(started.at(0).at(1).toString(), QStringLiteral("gemini"));
        QCOMPARE(m_provider->requests.size(), 1);
        QCOMPARE(m_provider->requests.constFirst().correlationId, QStringLiteral("r1"));
        QVERIFY(m_provider->requests.constFirst().prompt.contains(QLatin1String("RSI(14)")));
        QVERIFY(m_service->isRunning());

        m_provider->last()->finish(success(Answer));
        QCOMPARE(ready.size(), 1);
        const auto record = ready.at(0).at(0).value<AnalysisRecord>();
        QVERIFY(record.id > 0);
        QCOMPARE(record.provider, QStringLiteral("gemini"));
        QCOMPARE(record.model, QStringLiteral("gemini-test-flash"));
        QCOMPARE(record.status, QStringLiteral("ok"));
        QCOMPARE(record.response, Answer);
        QCOMPARE(record.latencyMs, 2000);
        QCOMPARE(record.promptTokens, std::optional<qint64>(812));
        QCOMPARE(record.outputTokens, std::optional<qint64>(345));
        QCOMPARE(record.prompt, m_provider->requests.constFirst().prompt);
        QCOMPARE(record.coinId, QStringLiteral("bitcoin"));
        QCOMPARE(record.inputHash, MarketSummary::build(m_prices, snapshot(), headlines(3)).inputHash());
        QVERIFY(!m_service->isRunning());

        const std::optional<AnalysisRecord> stored = m_store->byId(record.id);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->response, Answer);
        QCOMPARE(stored->outputTokens, std::optional<qint64>(345));
    }

    void analyse_streamedDeltas_areForwardedAccumulated()
    {
        QSignalSpy streaming(m_service.get(), &AnalysisService::streamingText);
        analyse();
        m_provider->last()->delta(QStringLiteral("Bitcoin "));
        m_provider->last()->delta(QStringLiteral("drifts higher."));
        QCOMPARE(streaming.size(), 2);
        QCOMPARE(streaming.at(0).at(0).toString(), QStringLiteral("Bitcoin "));
        QCOMPARE(streaming.at(1).at(0).toString(), QStringLiteral("Bitcoin drifts higher."));

        // A provider that only streamed (no final text) still yields the whole answer.
        QSignalSpy ready(m_service.get(), &AnalysisService::analysisReady);
        AiResult result = success(QString());
        m_provider->last()->finish(result);
        QCOMPARE(ready.at(0).at(0).value<AnalysisRecord>().response,
                 QStringLiteral("Bitcoin drifts higher."));
    }

    void analyse_aiFailure_storesTheLocalReportWithTheReason()
    {
        QSignalSpy ready(m_service.get(), &AnalysisService::analysisReady);
        QSignalSpy failed(m_service.get(), &AnalysisService::aiFailed);
        analyse();
        AiResult result;
        result.error.kind = FetchError::Kind::ServerError;
        result.error.httpStatus = 503;
        result.error.userMessage = QStringLiteral("The model is overloaded; try again in a few minutes.");
        m_provider->last()->finish(result);

        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), result.error.userMessage);
        QCOMPARE(ready.size(), 1);
        const auto record = ready.at(0).at(0).value<AnalysisRecord>();
        QVERIFY(record.id > 0);
        QCOMPARE(record.provider, QStringLiteral("local"));
        QCOMPARE(record.status, QStringLiteral("fallback"));
        QCOMPARE(record.error, QStringLiteral("Gemini unavailable: ") + result.error.userMessage);
        QVERIFY(record.response.startsWith(QLatin1String("> **") + LocalReport::label()));
        QCOMPARE(m_store->byId(record.id)->error, record.error);
    }

    void analyse_withoutUsableAi_computesTheLocalReport_data()
    {
        QTest::addColumn<bool>("withProvider");
        QTest::addColumn<bool>("configured");
        QTest::addColumn<bool>("offline");
        QTest::newRow("no provider") << false << true << false;
        QTest::newRow("provider without key") << true << false << false;
        QTest::newRow("offline") << true << true << true;
    }

    void analyse_withoutUsableAi_computesTheLocalReport()
    {
        QFETCH(bool, withProvider);
        QFETCH(bool, configured);
        QFETCH(bool, offline);
        m_service->setProvider(withProvider ? m_provider.get() : nullptr);
        m_provider->configured = configured;
        m_service->setOffline(offline);
        QVERIFY(!m_service->canUseAi());
        QSignalSpy ready(m_service.get(), &AnalysisService::analysisReady);
        analyse();
        QCOMPARE(m_provider->requests.size(), 0);
        QCOMPARE(ready.size(), 1);
        const auto record = ready.at(0).at(0).value<AnalysisRecord>();
        QCOMPARE(record.provider, QStringLiteral("local"));
        QCOMPARE(record.status, QStringLiteral("ok"));
        QVERIFY(record.error.isEmpty());
        QVERIFY(record.response.contains(LocalReport::label()));
        QVERIFY(record.id > 0);
    }

    void analyse_unchangedInput_reusesTheStoredAnswerWithoutARequest()
    {
        QSignalSpy ready(m_service.get(), &AnalysisService::analysisReady);
        analyse();
        m_provider->last()->finish(success(Answer));
        analyse(QStringLiteral("r2"));
        QCOMPARE(m_provider->requests.size(), 1);
        QCOMPARE(ready.size(), 2);
        QCOMPARE(ready.at(1).at(0).value<AnalysisRecord>().id, ready.at(0).at(0).value<AnalysisRecord>().id);
        QCOMPARE(m_service->history().size(), 1);
    }

    void analyse_changedInput_asksAgain_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("price") << QStringLiteral("price");
        QTest::newRow("model") << QStringLiteral("model");
        QTest::newRow("language") << QStringLiteral("language");
    }

    void analyse_changedInput_asksAgain()
    {
        QFETCH(QString, change);
        analyse();
        m_provider->last()->finish(success(Answer));
        if (change == QLatin1String("price")) {
            m_prices.last().price += 250.0;
        } else if (change == QLatin1String("model")) {
            m_provider->modelId = QStringLiteral("gemini-other");
        } else {
            m_service->setLanguage(QStringLiteral("fr"));
        }
        analyse(QStringLiteral("r2"));
        QCOMPARE(m_provider->requests.size(), 2);
    }

    void analyse_afterAFailure_asksAgain()
    {
        analyse();
        AiResult failed;
        failed.error.kind = FetchError::Kind::Timeout;
        failed.error.userMessage = QStringLiteral("Timed out.");
        m_provider->last()->finish(failed);
        analyse(QStringLiteral("r2"));
        QCOMPARE(m_provider->requests.size(), 2);
    }

    void regenerate_sameInput_sendsANewRequest()
    {
        QVERIFY(!m_service->regenerate());
        analyse();
        m_provider->last()->finish(success(Answer));
        QVERIFY(m_service->regenerate());
        QCOMPARE(m_provider->requests.size(), 2);
        QCOMPARE(m_provider->requests.at(1).prompt, m_provider->requests.at(0).prompt);
        m_provider->last()->finish(success(QStringLiteral("A second opinion.")));
        const QList<AnalysisRecord> history = m_service->history();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.constFirst().response, QStringLiteral("A second opinion."));
    }

    void analyse_whileRunning_abortsThePreviousRequest()
    {
        QSignalSpy ready(m_service.get(), &AnalysisService::analysisReady);
        analyse();
        QPointer<FakeGeneration> first = m_provider->last();
        m_prices.last().price += 100.0;
        analyse(QStringLiteral("r2"));
        QVERIFY(first.isNull() || first->aborted);
        QCOMPARE(ready.size(), 0); // the aborted one stored nothing
        m_provider->last()->finish(success(Answer));
        QCOMPARE(ready.size(), 1);
        QCOMPARE(m_service->history().size(), 1);
    }

    void analyse_sameInputWhileRunning_keepsTheRunningRequest()
    {
        QSignalSpy ready(m_service.get(), &AnalysisService::analysisReady);
        analyse();
        QPointer<FakeGeneration> first = m_provider->last();
        analyse(QStringLiteral("r2")); // e.g. news arrived with nothing new
        QCOMPARE(m_provider->requests.size(), 1);
        QVERIFY(!first.isNull() && !first->aborted);
        first->finish(success(Answer));
        QCOMPARE(ready.size(), 1);
    }

    void analyse_noPrices_isSkipped()
    {
        QSignalSpy skipped(m_service.get(), &AnalysisService::analysisSkipped);
        m_service->analyse({}, snapshot(), headlines(3), QStringLiteral("r1"), QStringLiteral("test"));
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(m_provider->requests.size(), 0);
        QVERIFY(!m_service->regenerate());
    }

    void analyse_french_sendsTheFrenchPrompt()
    {
        m_service->setLanguage(QStringLiteral("fr"));
        analyse();
        QVERIFY(m_provider->requests.constFirst().prompt.contains(QStringLiteral("Répondez en français")));
    }

    void history_roundTripsThroughSqlite_newestFirst()
    {
        analyse();
        m_provider->last()->finish(success(Answer));
        m_prices.last().price *= 1.02;
        m_service->setProvider(nullptr);
        analyse(QStringLiteral("r2"));

        const QList<AnalysisRecord> history = m_service->history(10);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).provider, QStringLiteral("local"));
        QCOMPARE(history.at(1).provider, QStringLiteral("gemini"));
        QCOMPARE(history.at(1).response, Answer);
        QCOMPARE(history.at(1).promptTokens, std::optional<qint64>(812));
        const auto summary = MarketSummary::fromJson(history.at(0).summaryJson.toUtf8());
        QVERIFY(summary.has_value());
        QCOMPARE(*summary, MarketSummary::build(m_prices, snapshot(), headlines(3)));
        QCOMPARE(m_service->history(1).size(), 1);
    }

    void sincePrevious_describesPriceRsiAndTrend()
    {
        m_service->setProvider(nullptr);
        analyse();
        QVERIFY(m_service->sincePrevious(m_service->history().constFirst()).isEmpty());
        m_prices.last().price *= 1.05;
        m_quote *= 1.05; // the change is measured between the quotes the two analyses reported
        analyse(QStringLiteral("r2"));
        const QString text = m_service->sincePrevious(m_service->history().constFirst());
        QVERIFY2(text.startsWith(QLatin1String("Since the previous analysis")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("price +5.00 %")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("RSI ")));
        QVERIFY(text.contains(QLatin1String("trend ")));
    }

private:
    void analyse(const QString &correlationId = QStringLiteral("r1"))
    {
        m_service->analyse(m_prices, snapshot(m_quote), headlines(3), correlationId, QStringLiteral("test"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AnalysisStore> m_store;
    std::unique_ptr<FakeAiProvider> m_provider;
    std::unique_ptr<AnalysisService> m_service;
    QList<PricePoint> m_prices;
    double m_quote = 64000.0; // simple/price
    qint64 m_now = 0;
};

QTEST_GUILESS_MAIN(TestAnalysisService)
#include "tst_analysisservice.moc"
