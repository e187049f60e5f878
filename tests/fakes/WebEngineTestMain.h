#pragma once

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtTest>

namespace ba::testing {
// A fresh directory for WebEngine profiles. It is removed only after the application object is
// gone: Chromium still writes profile files while it shuts down.
inline QString &webEngineDataDir()
{
    static QString dir;
    return dir;
}
} // namespace ba::testing

// main() for tests that start Qt WebEngine: headless, no sandbox (the tests may run as root,
// which Chromium refuses with the sandbox on), no GPU process, and the OpenGL context sharing
// WebEngine wants set before the application object exists. The _WITH form names the application
// class (QApplication for tests of the whole window).
#define BA_WEBENGINE_TEST_MAIN(TestObject) BA_WEBENGINE_TEST_MAIN_WITH(QGuiApplication, TestObject)
#define BA_WEBENGINE_TEST_MAIN_WITH(Application, TestObject)                                                 \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu");                                 \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {                                                \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                         \
        }                                                                                                    \
        QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);                                          \
        QTemporaryDir dataDir;                                                                               \
        if (!dataDir.isValid()) {                                                                            \
            return 1;                                                                                        \
        }                                                                                                    \
        ba::testing::webEngineDataDir() = dataDir.path();                                                    \
        Application app(argc, argv);                                                                         \
        TestObject tc;                                                                                       \
        QTEST_SET_MAIN_SOURCE_PATH                                                                           \
        return QTest::qExec(&tc, argc, argv);                                                                \
    }
