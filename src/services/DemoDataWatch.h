#pragma once

#include <QObject>
#include <QString>

namespace ba {

class HttpClient;
struct HttpResult;

// Notices answers from the loopback fakes (ba-fake-services), which mark every response with the
// header "X-BA-Demo: 1", so that the window can say its prices, news and analysis are made up.
// A header rather than "the URL is on this machine": a local AI server or a caching proxy on
// 127.0.0.1 serves real data, and only the fake knows that its market is invented.
class DemoDataWatch : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *Header = "X-BA-Demo";

    explicit DemoDataWatch(QObject *parent = nullptr);

    void attach(HttpClient *client);
    bool seen() const { return !m_sources.isEmpty(); }
    QStringList sources() const { return m_sources; } // which sources answered with demo data

Q_SIGNALS:
    // Once per source, the first time one of its answers carries the header.
    void demoDataSeen(const QString &source);

private:
    void check(const QString &source, const ba::HttpResult &result);

    QStringList m_sources;
};

} // namespace ba
