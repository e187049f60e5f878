#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QXmlStreamReader>

class QXmlStreamEntityResolver;

namespace ba {

// QXmlStreamReader for documents written by someone hostile. Every token goes through next(),
// which keeps the element depth and the amount of text read against caps; text is read
// iteratively (QXmlStreamReader::readElementText(IncludeChildElements) recurses once per nested
// element and overflows the stack on 100,000 of them); a DTD that declares entities is refused
// before any is expanded (Qt caps each expansion, not how often one is referenced). Once a cap or
// an XML error stops the reading, next() returns Invalid and atEnd() is true.
class BoundedXmlReader
{
    Q_DECLARE_TR_FUNCTIONS(BoundedXmlReader)

public:
    struct Limits
    {
        int maxDepth = 64;
        qint64 maxTextChars = 16'000'000; // whole document
        int maxFieldChars = 256 * 1024;   // kept by one readText(); the rest is skipped
    };

    // `resolver` (may be null) must outlive the reader.
    BoundedXmlReader(const QByteArray &xml, const Limits &limits,
                     QXmlStreamEntityResolver *resolver = nullptr);

    const QXmlStreamReader &xml() const { return m_xml; } // name(), attributes(), namespaceUri()...
    bool atEnd() const { return m_xml.atEnd(); }
    QXmlStreamReader::TokenType next();
    bool nextStartElement(); // the next child element; false at the end of the current one
    void skip();             // to the end of the current element
    QString readText();      // the text of the current element and everything inside it

    // Reads up to the root element's start. False without one, or when the DTD declares entities.
    bool readPrologue();

    // Why the reading stopped: for the user (empty when the document is just not well-formed XML)
    // and for the log (the cap or the XML error, with the line).
    QString problem() const { return m_problem; }
    QString detail() const;

private:
    void stop(const QString &problem, const QString &detail);

    QXmlStreamReader m_xml;
    Limits m_limits;
    int m_depth = 0;        // elements open around the current token
    qint64 m_textChars = 0; // characters of text read so far
    QString m_problem;
    QString m_detail;
};

} // namespace ba
