// Start-up benchmark child: runs the real application (or, with --baseline, a bare QMainWindow) and prints
// one line on the window's first paint, then quits. bench/startup.py launches it repeatedly and times it.
#include "app/Application.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>
#include <cstdio>
#include <cstring>

namespace {

// Counts child processes named QtWebEngineProcess: proof that WebEngine did not start.
int webEngineProcesses()
{
    int count = 0;
    const QDir proc(QStringLiteral("/proc"));
    const QString self = QString::number(QCoreApplication::applicationPid());
    for (const QString &pid : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(proc.filePath(pid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QList<QByteArray> fields = stat.readAll().split(' ');
        if (fields.size() > 3 && QString::fromLatin1(fields.at(3)) == self &&
            fields.at(1).contains("QtWebEngine")) {
            ++count;
        }
    }
    return count;
}

class FirstPaintProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // Report after the paint completes, then quit.
            QTimer::singleShot(0, this, [] {
                std::printf("FIRST_PAINT webengine_processes=%d\n", webEngineProcesses());
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && std::strcmp(argv[1], "--baseline") == 0) {
        QApplication app(argc, argv);
        QMainWindow window;
        window.resize(1280, 800);
        FirstPaintProbe probe;
        window.installEventFilter(&probe);
        window.show();
        return QApplication::exec();
    }
    FirstPaintProbe *probe = nullptr;
    const int code = ba::runApplication(argc, argv, [&probe](QMainWindow *window) {
        probe = new FirstPaintProbe(window);
        window->installEventFilter(probe);
    });
    return code;
}
