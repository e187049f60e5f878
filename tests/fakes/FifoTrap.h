#pragma once

#include <QString>
#include <atomic>
#include <thread>

namespace ba::fakes {

// A named pipe that records whether anybody opened it for reading. Hostile text names such a
// path as an image to freeze the GUI thread: reading a FIFO blocks until a writer comes. The trap
// is that writer, on its own thread, so a reader never blocks and the test can tell it was there.
class FifoTrap
{
public:
    explicit FifoTrap(const QString &path);
    ~FifoTrap(); // releases the writer thread

    FifoTrap(const FifoTrap &) = delete;
    FifoTrap &operator=(const FifoTrap &) = delete;

    bool isValid() const { return m_valid; }
    const QString &path() const { return m_path; }
    // Stops watching and tells whether something opened the FIFO for reading before this call.
    bool wasOpened();

private:
    void release();

    QString m_path;
    bool m_valid = false;
    std::atomic<bool> m_released{false};
    std::atomic<bool> m_opened{false};
    std::thread m_writer;
};

} // namespace ba::fakes
