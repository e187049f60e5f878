#include "fakes/FakeHttpServer.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <memory>

namespace ba::fakes {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray findHeader(const HeaderList &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return h.second;
        }
    }
    return QByteArray();
}

} // namespace

QByteArray FakeRequest::header(const QByteArray &name) const
{
    return findHeader(headers, name);
}

bool FakeRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

FakeResponse FakeResponse::json(int status, const QByteArray &body)
{
    return withType(status, "application/json", body);
}

FakeResponse FakeResponse::html(int status, const QByteArray &body)
{
    return withType(status, "text/html; charset=UTF-8", body);
}

FakeResponse FakeResponse::withType(int status, const QByteArray &contentType, const QByteArray &body)
{
    FakeResponse r;
    r.status = status;
    r.body = body;
    r.headers.append({QByteArray("Content-Type"), contentType});
    return r;
}

FakeResponse &FakeResponse::header(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FakeHttpServer::FakeHttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    m_clock.start();
    m_fallback = [](const FakeRequest &) { return FakeResponse::withType(404, "text/plain", "no route"); };
    connect(m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    // Abort instead of a graceful close so that clients see a reset, not a hang.
    const auto sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
}

bool FakeHttpServer::listen()
{
    return listen(QHostAddress(QHostAddress::LocalHost));
}

bool FakeHttpServer::listen(const QHostAddress &address)
{
    return m_server->listen(address, 0);
}

quint16 FakeHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://%1:%2").arg(m_server->serverAddress().toString()).arg(port()) +
                pathAndQuery);
}

void FakeHttpServer::route(const QByteArray &method, const QString &path, FakeHandler handler)
{
    m_routes.append(Route{method, path, false, std::move(handler)});
}

void FakeHttpServer::routePrefix(const QByteArray &method, const QString &prefix, FakeHandler handler)
{
    m_routes.append(Route{method, prefix, true, std::move(handler)});
}

void FakeHttpServer::setFallback(FakeHandler handler)
{
    m_fallback = std::move(handler);
}

QList<FakeRequest> FakeHttpServer::requests() const
{
    return m_requests;
}

int FakeHttpServer::requestCount() const
{
    return int(m_requests.size());
}

int FakeHttpServer::requestCount(const QString &path) const
{
    int n = 0;
    for (const auto &r : m_requests) {
        n += (r.path == path) ? 1 : 0;
    }
    return n;
}

void FakeHttpServer::clearRequests()
{
    m_requests.clear();
}

int FakeHttpServer::openConnections() const
{
    return int(m_buffers.size());
}

qint64 FakeHttpServer::elapsedMs() const
{
    return m_clock.elapsed();
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_buffers.insert(socket, QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_buffers.find(socket);
    if (it == m_buffers.end()) {
        return;
    }
    it->append(socket->readAll());
    tryParse(socket, *it);
}

// Returns true once a full request was parsed and handed to respond().
bool FakeHttpServer::tryParse(QTcpSocket *socket, QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > kMaxHeaderBytes) {
            respond(socket, FakeResponse::withType(431, "text/plain", "headers too large"));
        }
        return false;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    FakeRequest request;
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0) {
            request.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
        }
    }
    const qint64 contentLength = request.header("Content-Length").toLongLong();
    if (buffer.size() < headerEnd + 4 + contentLength) {
        return false; // body not complete yet
    }
    request.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.clear();

    const QUrl url = QUrl::fromEncoded(QByteArray("http://127.0.0.1") + request.target);
    request.path = url.path();
    request.query = QUrlQuery(url);
    request.receivedMs = m_clock.elapsed();
    m_requests.append(request);
    Q_EMIT requestReceived(request);
    respond(socket, dispatch(request));
    return true;
}

FakeResponse FakeHttpServer::dispatch(const FakeRequest &request) const
{
    auto methodMatches = [&](const Route &r) { return r.method == "*" || r.method == request.method; };
    for (const Route &r : m_routes) {
        if (!r.prefix && r.path == request.path && methodMatches(r)) {
            return r.handler(request);
        }
    }
    for (auto it = m_routes.crbegin(); it != m_routes.crend(); ++it) {
        if (it->prefix && request.path.startsWith(it->path) && methodMatches(*it)) {
            return it->handler(request);
        }
    }
    return m_fallback(request);
}

void FakeHttpServer::respond(QTcpSocket *socket, const FakeResponse &response)
{
    if (response.neverRespond) {
        return;
    }
    if (response.delayMs > 0) {
        FakeResponse now = response;
        now.delayMs = 0;
        QTimer::singleShot(response.delayMs, socket, [this, socket, now] { respond(socket, now); });
        return;
    }
    if (response.stream) {
        QByteArray head =
            "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
        for (const auto &h : response.headers) {
            head += h.first + ": " + h.second + "\r\n";
        }
        socket->write(head + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        auto stream = std::make_shared<std::function<QByteArray()>>(response.stream); // empty once ended
        connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket, stream] { pump(socket, *stream); });
        pump(socket, *stream);
        return;
    }
    QByteArray body = response.body;
    if (!response.chunks.isEmpty()) {
        body = response.chunks.join();
    }
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers + m_extraHeaders) {
        head += h.first + ": " + h.second + "\r\n";
    }
    if (!response.omitContentLength) {
        const qint64 declared = response.closeEarly ? body.size() * 2 + 100 : body.size();
        head += "Content-Length: " + QByteArray::number(declared) + "\r\n";
    }
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    if (response.chunks.isEmpty()) {
        socket->write(body);
        socket->disconnectFromHost(); // flushes what was written, then closes
        return;
    }
    sendChunks(socket, response.chunks, response.chunkPauseMs);
}

void FakeHttpServer::pump(QTcpSocket *socket, std::function<QByteArray()> &stream)
{
    while (stream && socket->state() == QAbstractSocket::ConnectedState &&
           socket->bytesToWrite() < 1024 * 1024) {
        const QByteArray piece = stream();
        if (piece.isEmpty()) {
            stream = nullptr; // ended: later bytesWritten() signals pump nothing
            socket->write("0\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
    }
}

void FakeHttpServer::sendChunks(QTcpSocket *socket, QList<QByteArray> chunks, int pauseMs)
{
    if (chunks.isEmpty()) {
        socket->disconnectFromHost();
        return;
    }
    socket->write(chunks.takeFirst());
    socket->flush();
    QTimer::singleShot(pauseMs, socket,
                       [this, socket, chunks, pauseMs] { sendChunks(socket, chunks, pauseMs); });
}

} // namespace ba::fakes
