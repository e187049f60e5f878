#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace ba {

// One Server-Sent Event. data is the event's `data:` lines joined with '\n'.
struct SseEvent
{
    QString type = QStringLiteral("message"); // the `event:` field, "message" when absent
    QString data;
    QString id; // the last `id:` seen so far in the stream
};

// Incremental text/event-stream parser (WHATWG "event stream interpretation"): feed it the bytes as
// they arrive, in pieces cut anywhere, and it returns the events completed by each piece. Bytes are
// kept raw until an event is complete, so a UTF-8 character split across reads decodes correctly.
// Lines end with "\r\n", "\n" or "\r" (also split between reads); ':' lines are comments; an event
// ends at a blank line; unknown fields and `retry:` are ignored.
class SseParser
{
public:
    QList<SseEvent> feed(QByteArrayView bytes);
    // End of the stream. Unlike the specification, an event whose closing blank line never came
    // is still returned: some servers close right after the last `data:` line.
    QList<SseEvent> finish();
    void reset(); // forget everything, for a new stream

    qsizetype bufferedBytes() const { return m_line.size() + m_data.size(); }

private:
    void processLine(QByteArrayView line, QList<SseEvent> *out);
    void dispatch(QList<SseEvent> *out);

    QByteArray m_line; // the unfinished line at the end of the last piece
    QByteArray m_data; // `data:` values of the current event, each followed by '\n'
    QByteArray m_type; // `event:` value of the current event
    QString m_lastId;
    bool m_hasData = false;
    bool m_skipLf = false;  // the last piece ended with '\r': a leading '\n' is the rest of "\r\n"
    bool m_bomDone = false; // a UTF-8 byte order mark is only allowed at the very start
};

} // namespace ba
