#include "logging/LogHub.h"

#include <cstdio>
#include <mutex>
#include <shared_mutex>

// The process-wide message handler: Qt calls it on whatever thread logs; it hands the message to
// the installed hub, which only enqueues.
namespace ba {

namespace {

// Process-wide handler state. Leaked on purpose: Qt may call the handler during static destruction.
struct HandlerState
{
    std::shared_mutex lock; // readers: the handler; writer: install/uninstall, so a hub never dies mid-call
    LogHub *hub = nullptr;
    QtMessageHandler previous = nullptr;
    bool fatalWarnings = false;
    bool fatalCriticals = false;
};

HandlerState &handlerState()
{
    static auto *state = new HandlerState;
    return *state;
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    HandlerState &state = handlerState();
    const std::shared_lock locker(state.lock);
    if (!state.hub) {
        // Only during a race with uninstall(): the line still reaches the terminal.
        const QByteArray line = qFormatLogMessage(type, context, message).toLocal8Bit() + '\n';
        std::fputs(line.constData(), stderr);
        return;
    }
    state.hub->append(type, context.category, message);
    // Qt aborts when the handler returns (qFatal, QT_FATAL_WARNINGS, QT_FATAL_CRITICALS): make sure
    // the line is in the file first.
    const bool fatal = type == QtFatalMsg || (type == QtWarningMsg && state.fatalWarnings) ||
                       (type == QtCriticalMsg && state.fatalCriticals);
    if (fatal) {
        state.hub->flush();
    }
}

} // namespace

void LogHub::install()
{
    HandlerState &state = handlerState();
    const std::unique_lock locker(state.lock);
    if (state.hub == this) {
        return;
    }
    if (!state.hub) {
        state.previous = qInstallMessageHandler(messageHandler);
    }
    state.hub = this; // a second hub takes over; uninstall still restores the original handler
    state.fatalWarnings = qEnvironmentVariableIsSet("QT_FATAL_WARNINGS");
    state.fatalCriticals = qEnvironmentVariableIsSet("QT_FATAL_CRITICALS");
}

void LogHub::uninstall()
{
    HandlerState &state = handlerState();
    const std::unique_lock locker(state.lock);
    if (state.hub != this) {
        return;
    }
    qInstallMessageHandler(state.previous);
    state.previous = nullptr;
    state.hub = nullptr;
}

LogHub *LogHub::installed()
{
    HandlerState &state = handlerState();
    const std::shared_lock locker(state.lock);
    return state.hub;
}

} // namespace ba
