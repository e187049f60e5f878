#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

class QHostAddress;
class QTcpServer;
class QTcpSocket;

namespace ba::fakes {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// One request as the fake saw it on the wire.
struct FakeRequest
{
    QByteArray method;
    QByteArray target; // raw request target: path + "?" + query, as sent
    QString path;      // decoded path without the query
    QUrlQuery query;
    HeaderList headers; // names as sent
    QByteArray body;
    qint64 receivedMs = 0; // monotonic ms since the server was created

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when missing
    bool hasHeader(const QByteArray &name) const;
};

// What a handler wants the fake to send back. Content-Length and Connection: close are added.
struct FakeResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    int delayMs = 0;                // wait before sending anything
    QList<QByteArray> chunks;       // when set, the body goes out in these pieces (body is ignored)
    int chunkPauseMs = 20;          // pause between pieces, to exercise split reads
    bool closeEarly = false;        // declare a Content-Length larger than the body, then close
    bool omitContentLength = false; // body ends when the connection closes (event streams)
    bool neverRespond = false;      // keep the connection open and silent
    // When set, the body comes from this function with chunked transfer encoding, one piece per
    // call, as fast as the client takes it (at most 1 MB waits in the socket); an empty piece ends
    // the body. For floods: a body with no end and no Content-Length.
    std::function<QByteArray()> stream;

    static FakeResponse json(int status, const QByteArray &body);
    static FakeResponse html(int status, const QByteArray &body);
    static FakeResponse withType(int status, const QByteArray &contentType, const QByteArray &body);
    FakeResponse &header(const QByteArray &name, const QByteArray &value);
};

using FakeHandler = std::function<FakeResponse(const FakeRequest &)>;

// Minimal HTTP/1.1 server on 127.0.0.1 with a random port, for tests only.
// Routes are handler lambdas; every request is recorded for assertions.
class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen(); // 127.0.0.1, port chosen by the system
    // Another loopback address (127.0.0.2, ...): a different host for the same machine.
    bool listen(const QHostAddress &address);
    quint16 port() const;
    QUrl url(const QString &pathAndQuery = QString()) const; // "http://<address>:<port>" + path

    // method "*" matches any method. Exact routes win over prefixes; later prefixes win over earlier ones.
    void route(const QByteArray &method, const QString &path, FakeHandler handler);
    void routePrefix(const QByteArray &method, const QString &prefix, FakeHandler handler);
    void setFallback(FakeHandler handler); // default: 404 text/plain
    // Sent with every response, e.g. the "X-BA-Demo: 1" mark of demo data.
    void setExtraHeaders(const HeaderList &headers) { m_extraHeaders = headers; }

    QList<FakeRequest> requests() const;
    int requestCount() const;
    int requestCount(const QString &path) const;
    void clearRequests();
    int openConnections() const;
    qint64 elapsedMs() const; // same clock as FakeRequest::receivedMs

Q_SIGNALS:
    void requestReceived(const ba::fakes::FakeRequest &request);

private:
    struct Route
    {
        QByteArray method;
        QString path;
        bool prefix = false;
        FakeHandler handler;
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    bool tryParse(QTcpSocket *socket, QByteArray &buffer);
    FakeResponse dispatch(const FakeRequest &request) const;
    void respond(QTcpSocket *socket, const FakeResponse &response);
    void sendChunks(QTcpSocket *socket, QList<QByteArray> chunks, int pauseMs);
    void pump(QTcpSocket *socket, std::function<QByteArray()> &stream);

    QTcpServer *m_server = nullptr;
    QList<Route> m_routes;
    FakeHandler m_fallback;
    HeaderList m_extraHeaders;
    QList<FakeRequest> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers; // unparsed bytes per open connection
    QElapsedTimer m_clock;
};

} // namespace ba::fakes
