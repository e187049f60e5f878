#include "fakes/FifoTrap.h"

#include <QFile>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ba::fakes {

FifoTrap::FifoTrap(const QString &path) : m_path(path)
{
    const QByteArray native = QFile::encodeName(path);
    m_valid = ::mkfifo(native.constData(), 0600) == 0;
    if (!m_valid) {
        return;
    }
    m_writer = std::thread([this, native] {
        while (!m_released.load()) {
            const int fd = ::open(native.constData(), O_WRONLY); // returns once a reader is there
            if (fd < 0) {
                return;
            }
            if (!m_released.load()) {
                m_opened.store(true);
            }
            ::close(fd); // the reader sees the end of the file at once: nothing blocks
        }
    });
}

FifoTrap::~FifoTrap()
{
    release();
}

bool FifoTrap::wasOpened()
{
    release();
    return m_opened.load();
}

void FifoTrap::release()
{
    if (!m_writer.joinable()) {
        return;
    }
    m_released.store(true);
    // Our own reader lets the writer's pending open() return, after which it sees m_released.
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NONBLOCK);
    m_writer.join();
    if (fd >= 0) {
        ::close(fd);
    }
}

} // namespace ba::fakes
