#include "StoreFixture.h"
#include "storage/AnalysisStore.h"

#include <QTest>

using ba::AnalysisRecord;
using ba::AnalysisStore;

namespace {

AnalysisRecord record(qint64 createdMs, const QString &inputHash,
                      const QString &status = QStringLiteral("ok"))
{
    AnalysisRecord r;
    r.createdMs = createdMs;
    r.coinId = QStringLiteral("bitcoin");
    r.vsCurrency = QStringLiteral("usd");
    r.provider = QStringLiteral("gemini");
    r.model = QStringLiteral("gemini-flash");
    r.inputHash = inputHash;
    r.prompt = QStringLiteral("Analyse: RSI 71, MACD crossing up");
    r.response = QStringLiteral("Momentum is strong but overbought.");
    r.latencyMs = 1834;
    r.status = status;
    return r;
}

QList<qint64> ids(const QList<AnalysisRecord> &records)
{
    QList<qint64> result;
    for (const AnalysisRecord &r : records) {
        result << r.id;
    }
    return result;
}

} // namespace

class TestAnalysisStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void insert_thenById_returnsEveryField();
    void insert_withoutOptionalFields_readsBackAsMissing();
    void list_newestFirst_withLimit();
    void latestByInputHash_returnsNewestForThatHashOnly();
    void byId_unknown_returnsNothing();

private:
    ba::test::StoreFixture m_fixture;
    std::unique_ptr<AnalysisStore> m_store;
};

void TestAnalysisStore::init()
{
    QVERIFY(m_fixture.setUp(QStringLiteral("test-analysisstore")));
    m_store = std::make_unique<AnalysisStore>(m_fixture.connection());
}

void TestAnalysisStore::cleanup()
{
    m_store.reset();
    m_fixture.tearDown();
}

void TestAnalysisStore::insert_thenById_returnsEveryField()
{
    AnalysisRecord in = record(1700000000000, QStringLiteral("hash-1"));
    in.promptTokens = 812;
    in.outputTokens = 256;
    in.error = QStringLiteral("partial answer");
    in.summaryJson = QStringLiteral(R"({"trend":"up","confidence":0.7})");
    const qint64 id = m_store->insert(in);
    QVERIFY2(id > 0, qPrintable(m_store->lastError()));

    const std::optional<AnalysisRecord> out = m_store->byId(id);
    QVERIFY(out.has_value());
    QCOMPARE(out->id, id);
    QCOMPARE(out->createdMs, in.createdMs);
    QCOMPARE(out->coinId, in.coinId);
    QCOMPARE(out->vsCurrency, in.vsCurrency);
    QCOMPARE(out->provider, in.provider);
    QCOMPARE(out->model, in.model);
    QCOMPARE(out->inputHash, in.inputHash);
    QCOMPARE(out->prompt, in.prompt);
    QCOMPARE(out->response, in.response);
    QCOMPARE(out->latencyMs, in.latencyMs);
    QCOMPARE(out->status, in.status);
    QCOMPARE(out->promptTokens, in.promptTokens);
    QCOMPARE(out->outputTokens, in.outputTokens);
    QCOMPARE(out->error, in.error);
    QCOMPARE(out->summaryJson, in.summaryJson);
}

void TestAnalysisStore::insert_withoutOptionalFields_readsBackAsMissing()
{
    AnalysisRecord in;
    in.createdMs = 5;
    in.coinId = QStringLiteral("bitcoin");
    in.vsCurrency = QStringLiteral("usd");
    in.provider = QStringLiteral("local");
    in.status = QStringLiteral("ok");
    const qint64 id = m_store->insert(in);
    QVERIFY2(id > 0, qPrintable(m_store->lastError()));
    const std::optional<AnalysisRecord> out = m_store->byId(id);
    QVERIFY(out.has_value());
    QVERIFY(!out->promptTokens.has_value());
    QVERIFY(!out->outputTokens.has_value());
    QVERIFY(out->error.isEmpty());
    QVERIFY(out->summaryJson.isEmpty());
    QVERIFY(out->model.isEmpty());
}

void TestAnalysisStore::list_newestFirst_withLimit()
{
    const qint64 middle = m_store->insert(record(2000, QStringLiteral("b")));
    const qint64 oldest = m_store->insert(record(1000, QStringLiteral("a")));
    const qint64 newest = m_store->insert(record(3000, QStringLiteral("c")));
    const qint64 sameTimeLater = m_store->insert(record(3000, QStringLiteral("d")));
    QCOMPARE(ids(m_store->list()), (QList<qint64>{sameTimeLater, newest, middle, oldest}));
    QCOMPARE(ids(m_store->list(2)), (QList<qint64>{sameTimeLater, newest}));
    QCOMPARE(m_store->list(0).size(), 4);
}

void TestAnalysisStore::latestByInputHash_returnsNewestForThatHashOnly()
{
    QVERIFY(!m_store->latestByInputHash(QStringLiteral("h")).has_value());
    m_store->insert(record(1000, QStringLiteral("h")));
    const qint64 wanted = m_store->insert(record(3000, QStringLiteral("h"), QStringLiteral("error")));
    m_store->insert(record(2000, QStringLiteral("h")));
    m_store->insert(record(4000, QStringLiteral("other")));

    const std::optional<AnalysisRecord> found = m_store->latestByInputHash(QStringLiteral("h"));
    QVERIFY(found.has_value());
    QCOMPARE(found->id, wanted);
    QCOMPARE(found->status, QStringLiteral("error"));
    QVERIFY(!m_store->latestByInputHash(QStringLiteral("h' OR '1'='1")).has_value());
}

void TestAnalysisStore::byId_unknown_returnsNothing()
{
    QVERIFY(!m_store->byId(42).has_value());
    QVERIFY(m_store->lastError().isEmpty());
}

QTEST_GUILESS_MAIN(TestAnalysisStore)
#include "tst_analysisstore.moc"
