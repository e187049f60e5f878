#include "news/BoundedXmlReader.h"

namespace ba {

BoundedXmlReader::BoundedXmlReader(const QByteArray &xml, const Limits &limits,
                                   QXmlStreamEntityResolver *resolver)
    : m_xml(xml), m_limits(limits)
{
    m_xml.setNamespaceProcessing(true);
    if (resolver) {
        m_xml.setEntityResolver(resolver);
    }
}

QXmlStreamReader::TokenType BoundedXmlReader::next()
{
    const auto token = m_xml.readNext();
    if (token == QXmlStreamReader::StartElement && ++m_depth > m_limits.maxDepth) {
        stop(tr("it nests elements more than %1 deep").arg(m_limits.maxDepth),
             QStringLiteral("element depth over %1 at line %2")
                 .arg(m_limits.maxDepth)
                 .arg(m_xml.lineNumber()));
    } else if (token == QXmlStreamReader::EndElement) {
        --m_depth;
    } else if (token == QXmlStreamReader::Characters || token == QXmlStreamReader::EntityReference) {
        m_textChars += m_xml.text().size();
        if (m_textChars > m_limits.maxTextChars) {
            stop(tr("it holds more text than a news feed can (over %1 million characters)")
                     .arg(m_limits.maxTextChars / 1000000),
                 QStringLiteral("text over %1 characters at line %2")
                     .arg(m_limits.maxTextChars)
                     .arg(m_xml.lineNumber()));
        }
    }
    return m_xml.hasError() ? QXmlStreamReader::Invalid : token;
}

bool BoundedXmlReader::nextStartElement()
{
    while (!m_xml.atEnd()) {
        const auto token = next();
        if (token == QXmlStreamReader::StartElement) {
            return true;
        }
        if (token == QXmlStreamReader::EndElement || token == QXmlStreamReader::Invalid) {
            return false;
        }
    }
    return false;
}

void BoundedXmlReader::skip()
{
    for (int open = 1; open > 0 && !m_xml.atEnd();) {
        const auto token = next();
        open += token == QXmlStreamReader::StartElement ? 1 : token == QXmlStreamReader::EndElement ? -1 : 0;
    }
}

QString BoundedXmlReader::readText()
{
    QString text;
    for (int open = 1; open > 0 && !m_xml.atEnd();) {
        switch (next()) {
        case QXmlStreamReader::Characters:
        case QXmlStreamReader::EntityReference:
            if (text.size() < m_limits.maxFieldChars) { // the rest would be cut by the callers anyway
                text += m_xml.text().left(m_limits.maxFieldChars - text.size());
            }
            break;
        case QXmlStreamReader::StartElement:
            ++open;
            break;
        case QXmlStreamReader::EndElement:
            --open;
            break;
        case QXmlStreamReader::Invalid:
            return {};
        default:
            break;
        }
    }
    return text;
}

bool BoundedXmlReader::readPrologue()
{
    while (!m_xml.atEnd() && next() != QXmlStreamReader::StartElement) {
        if (m_xml.tokenType() == QXmlStreamReader::DTD &&
            (!m_xml.entityDeclarations().isEmpty() || m_xml.text().contains(QLatin1String("<!ENTITY")))) {
            stop(tr("it declares its own XML entities, which are not accepted"),
                 QStringLiteral("DTD declares %1 entities").arg(m_xml.entityDeclarations().size()));
            return false;
        }
    }
    return m_xml.tokenType() == QXmlStreamReader::StartElement;
}

QString BoundedXmlReader::detail() const
{
    if (!m_detail.isEmpty()) {
        return m_detail;
    }
    if (m_xml.hasError()) {
        return QStringLiteral("XML error at line %1, column %2: %3")
            .arg(m_xml.lineNumber())
            .arg(m_xml.columnNumber())
            .arg(m_xml.errorString());
    }
    return QStringLiteral("no root element");
}

void BoundedXmlReader::stop(const QString &problem, const QString &detail)
{
    if (m_problem.isEmpty()) {
        m_problem = problem;
        m_detail = detail;
    }
    m_xml.raiseError(detail);
}

} // namespace ba
