#include "net/SseParser.h"

namespace ba {

namespace {

const QByteArray kBom("\xEF\xBB\xBF");

} // namespace

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> events;
    if (bytes.isEmpty()) {
        return events;
    }
    if (m_skipLf) {
        m_skipLf = false;
        if (bytes.front() == '\n') {
            bytes = bytes.sliced(1);
        }
    }
    m_line.append(bytes);
    if (!m_bomDone) {
        if (m_line.size() < kBom.size() && kBom.startsWith(m_line)) {
            return events; // could still become a byte order mark
        }
        if (m_line.startsWith(kBom)) {
            m_line.remove(0, kBom.size());
        }
        m_bomDone = true;
    }
    qsizetype start = 0;
    const qsizetype size = m_line.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = m_line.at(i);
        if (c != '\n' && c != '\r') {
            continue;
        }
        processLine(QByteArrayView(m_line).sliced(start, i - start), &events);
        if (c == '\r') {
            if (i + 1 < size) {
                i += m_line.at(i + 1) == '\n' ? 1 : 0;
            } else {
                m_skipLf = true;
            }
        }
        start = i + 1;
    }
    m_line.remove(0, start);
    return events;
}

QList<SseEvent> SseParser::finish()
{
    QList<SseEvent> events;
    if (!m_line.isEmpty()) {
        const QByteArray last = std::exchange(m_line, QByteArray());
        processLine(last, &events);
    }
    dispatch(&events);
    reset();
    return events;
}

void SseParser::reset()
{
    m_line.clear();
    m_data.clear();
    m_type.clear();
    m_lastId.clear();
    m_hasData = false;
    m_skipLf = false;
    m_bomDone = false;
}

void SseParser::processLine(QByteArrayView line, QList<SseEvent> *out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':') {
        return; // comment, often a keep-alive
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' ')) {
        value = value.sliced(1);
    }
    if (field == "data") {
        m_data.append(value);
        m_data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_type = value.toByteArray();
    } else if (field == "id" && !value.contains('\0')) {
        m_lastId = QString::fromUtf8(value);
    }
}

void SseParser::dispatch(QList<SseEvent> *out)
{
    if (m_hasData) {
        m_data.chop(1); // the '\n' after the last data line
        SseEvent event;
        if (!m_type.isEmpty()) {
            event.type = QString::fromUtf8(m_type);
        }
        event.data = QString::fromUtf8(m_data);
        event.id = m_lastId;
        out->append(event);
    }
    m_data.clear();
    m_type.clear();
    m_hasData = false;
}

} // namespace ba
