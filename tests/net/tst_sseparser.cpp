#include "net/SseParser.h"

#include <QFile>
#include <QTest>

using ba::SseEvent;
using ba::SseParser;

namespace {

QByteArray sampleStream()
{
    QFile file(QStringLiteral(BA_TEST_DATA_DIR "/gemini_stream_sse_sample.txt"));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("gemini_stream_sse_sample.txt missing");
    }
    return file.readAll();
}

// CRLF line ends, a comment, an event type and characters of 2, 3 and 4 bytes in UTF-8.
QByteArray mixedStream()
{
    return QStringLiteral(": keep-alive\r\n"
                          "data: {\"t\":\"café\"}\r\n\r\n"
                          "event: update\r\nid: 7\r\ndata: 61 000 € \r\ndata: ≈ 🚀\r\n\r\n"
                          "data: [DONE]\r\n\r\n")
        .toUtf8();
}

QStringList datas(const QList<SseEvent> &events)
{
    QStringList out;
    for (const SseEvent &e : events) {
        out.append(e.type + QLatin1Char('|') + e.id + QLatin1Char('|') + e.data);
    }
    return out;
}

QList<SseEvent> feedInPieces(const QByteArray &stream, const QList<qsizetype> &cuts)
{
    SseParser parser;
    QList<SseEvent> events;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        events += parser.feed(QByteArrayView(stream).sliced(start, cut - start));
        start = cut;
    }
    events += parser.feed(QByteArrayView(stream).sliced(start));
    events += parser.finish();
    return events;
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void feed_geminiSample_givesTwoJsonEvents();
    void feed_splitAtAnyByte_givesTheSameEvents_data();
    void feed_splitAtAnyByte_givesTheSameEvents();
    void feed_everyPairOfCuts_givesTheSameEvents();
    void feed_byteByByte_givesTheSameEvents();
    void feed_lineEndings_areAllUnderstood_data();
    void feed_lineEndings_areAllUnderstood();
    void feed_crThenLfInNextRead_isOneLineEnd();
    void feed_multiByteCharacterSplit_isDecodedWhole();
    void feed_multipleDataLines_areJoinedWithNewline();
    void feed_fieldsAndComments_followTheSpecification();
    void feed_eventWithoutData_isNotDispatched();
    void feed_emptyDataLine_givesEventWithEmptyData();
    void feed_byteOrderMark_isSkippedEvenWhenSplit();
    void finish_lastEventWithoutBlankLine_isStillReturned();
    void reset_forgetsHalfReadEvent();
};

void TestSseParser::feed_geminiSample_givesTwoJsonEvents()
{
    SseParser parser;
    const QList<SseEvent> events = parser.feed(sampleStream());
    QCOMPARE(events.size(), 2);
    QVERIFY(events.at(0).data.startsWith(QLatin1String("{\"candidates\"")));
    QVERIFY(events.at(0).data.contains(QLatin1String("\"text\": \"1\\n2\\n\"")));
    QVERIFY(events.at(1).data.contains(QLatin1String("\"finishReason\": \"STOP\"")));
    QCOMPARE(events.at(0).type, QStringLiteral("message"));
    QVERIFY(parser.finish().isEmpty());
}

void TestSseParser::feed_splitAtAnyByte_givesTheSameEvents_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("cut");
    const QList<QPair<const char *, QByteArray>> streams{{"gemini-sample", sampleStream()},
                                                         {"mixed", mixedStream()}};
    for (const auto &[name, stream] : streams) {
        for (int cut = 0; cut <= stream.size(); ++cut) {
            QTest::addRow("%s@%d", name, cut) << stream << cut;
        }
    }
}

void TestSseParser::feed_splitAtAnyByte_givesTheSameEvents()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, cut);
    SseParser whole;
    const QStringList expected = datas(whole.feed(stream));
    QVERIFY(expected.size() >= 2);
    QCOMPARE(datas(feedInPieces(stream, {cut})), expected);
}

void TestSseParser::feed_everyPairOfCuts_givesTheSameEvents()
{
    const QByteArray stream = mixedStream();
    SseParser whole;
    const QStringList expected = datas(whole.feed(stream));
    QCOMPARE(expected.size(), 3);
    for (qsizetype a = 0; a <= stream.size(); ++a) {
        for (qsizetype b = a; b <= stream.size(); ++b) {
            const QStringList got = datas(feedInPieces(stream, {a, b}));
            if (got != expected) {
                QFAIL(qPrintable(
                    QStringLiteral("cuts at %1 and %2 gave %3").arg(a).arg(b).arg(got.join(u'/'))));
            }
        }
    }
}

void TestSseParser::feed_byteByByte_givesTheSameEvents()
{
    for (const QByteArray &stream : {sampleStream(), mixedStream()}) {
        SseParser whole;
        const QStringList expected = datas(whole.feed(stream));
        SseParser parser;
        QList<SseEvent> events;
        for (char c : stream) {
            events += parser.feed(QByteArray(1, c));
        }
        QCOMPARE(datas(events), expected);
    }
}

void TestSseParser::feed_lineEndings_areAllUnderstood_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("lf") << QByteArray("data: a\ndata: b\n\ndata: c\n\n");
    QTest::newRow("crlf") << QByteArray("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n");
    QTest::newRow("cr") << QByteArray("data: a\rdata: b\r\rdata: c\r\r");
    QTest::newRow("mixed") << QByteArray("data: a\r\ndata: b\n\rdata: c\r\n\n");
}

void TestSseParser::feed_lineEndings_areAllUnderstood()
{
    QFETCH(QByteArray, stream);
    SseParser parser;
    const QList<SseEvent> events = parser.feed(stream);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).data, QStringLiteral("a\nb"));
    QCOMPARE(events.at(1).data, QStringLiteral("c"));
}

void TestSseParser::feed_crThenLfInNextRead_isOneLineEnd()
{
    SseParser parser;
    QVERIFY(parser.feed("data: a\r").isEmpty());
    // Were the '\n' a line of its own, it would end the event before "b" arrives.
    QVERIFY(parser.feed("\ndata: b\r").isEmpty());
    const QList<SseEvent> events = parser.feed("\n\r\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, QStringLiteral("a\nb"));
}

void TestSseParser::feed_multiByteCharacterSplit_isDecodedWhole()
{
    const QByteArray stream = QStringLiteral("data: 42 € 🚀\n\n").toUtf8();
    const qsizetype euro = stream.indexOf("\xE2\x82\xAC");
    const qsizetype rocket = stream.indexOf("\xF0\x9F\x9A\x80");
    QVERIFY(euro > 0 && rocket > 0);
    SseParser parser;
    QVERIFY(parser.feed(stream.left(euro + 1)).isEmpty());
    QVERIFY(parser.feed(stream.mid(euro + 1, rocket + 2 - euro - 1)).isEmpty());
    const QList<SseEvent> events = parser.feed(stream.mid(rocket + 2));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, QStringLiteral("42 € 🚀"));
}

void TestSseParser::feed_multipleDataLines_areJoinedWithNewline()
{
    SseParser parser;
    const QList<SseEvent> events = parser.feed("data: {\"a\":\ndata:1}\ndata:  two spaces\n\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, QStringLiteral("{\"a\":\n1}\n two spaces")); // only one space is stripped
}

void TestSseParser::feed_fieldsAndComments_followTheSpecification()
{
    SseParser parser;
    const QList<SseEvent> events = parser.feed(": comment, ignored\n"
                                               "retry: 3000\n"
                                               "unknown: field\n"
                                               "event: delta\n"
                                               "id: 41\n"
                                               "data: x\n\n"
                                               "id: 42\n"
                                               "data\n"
                                               "data: y\n\n");
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).type, QStringLiteral("delta"));
    QCOMPARE(events.at(0).id, QStringLiteral("41"));
    QCOMPARE(events.at(0).data, QStringLiteral("x"));
    QCOMPARE(events.at(1).type, QStringLiteral("message")); // the type does not carry over
    QCOMPARE(events.at(1).id, QStringLiteral("42"));
    QCOMPARE(events.at(1).data, QStringLiteral("\ny")); // "data" without colon is an empty data line
}

void TestSseParser::feed_eventWithoutData_isNotDispatched()
{
    SseParser parser;
    QVERIFY(parser.feed("event: ping\n\n: only a comment\n\n\n\n").isEmpty());
}

void TestSseParser::feed_emptyDataLine_givesEventWithEmptyData()
{
    SseParser parser;
    const QList<SseEvent> events = parser.feed("data:\n\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, QString());
}

void TestSseParser::feed_byteOrderMark_isSkippedEvenWhenSplit()
{
    SseParser parser;
    QVERIFY(parser.feed("\xEF").isEmpty());
    QVERIFY(parser
                .feed("\xBB\xBF"
                      "da")
                .isEmpty());
    const QList<SseEvent> events = parser.feed("ta: x\n\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, QStringLiteral("x"));
}

void TestSseParser::finish_lastEventWithoutBlankLine_isStillReturned()
{
    SseParser parser;
    QCOMPARE(parser.feed("data: a\n\ndata: b\ndata: c").size(), 1);
    const QList<SseEvent> events = parser.finish();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, QStringLiteral("b\nc"));
    QCOMPARE(parser.bufferedBytes(), 0);
}

void TestSseParser::reset_forgetsHalfReadEvent()
{
    SseParser parser;
    QVERIFY(parser.feed("data: stale\ndata: par").isEmpty());
    parser.reset();
    const QList<SseEvent> events = parser.feed("data: fresh\n\n");
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).data, QStringLiteral("fresh"));
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
