#include "services/DemoDataWatch.h"

#include "net/HttpClient.h"

#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lc, "ba.services.demo")
} // namespace

namespace ba {

DemoDataWatch::DemoDataWatch(QObject *parent) : QObject(parent) {}

void DemoDataWatch::attach(HttpClient *client)
{
    connect(client, &HttpClient::requestCompleted, this, &DemoDataWatch::check);
}

void DemoDataWatch::check(const QString &source, const HttpResult &result)
{
    if (m_sources.contains(source) || result.header(Header) != "1") {
        return;
    }
    m_sources.append(source);
    qCInfo(lc).noquote() << QStringLiteral("%1 answers with demo data (%2 header): nothing shown is real")
                                .arg(source, QLatin1String(Header));
    Q_EMIT demoDataSeen(source);
}

} // namespace ba
