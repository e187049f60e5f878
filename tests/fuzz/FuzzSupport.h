#pragma once

#include <QByteArray>
#include <QtGlobal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Shared by the fuzz targets: each target is built twice, as a libFuzzer binary (preset "fuzz")
// and, with FuzzReplayMain.cpp, as a CTest replay of its seed corpus in the normal build.

// An invariant of the code under test. A violation aborts, so libFuzzer keeps the input as a crash.
#define BA_FUZZ_CHECK(condition)                                                                             \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition);           \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

// The LLVMFuzzerInitialize of targets that need nothing but quiet parsers.
#define BA_FUZZ_QUIET_INITIALIZE()                                                                           \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                                     \
    {                                                                                                        \
        ba::fuzz::silenceQtMessages();                                                                       \
        return 0;                                                                                            \
    }

namespace ba::fuzz {

// Parsers log what they reject; millions of runs must not spend their time writing that.
inline void silenceQtMessages()
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
}

// The input as a QByteArray without copying it (the buffer outlives the call).
inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Cuts the input into pieces of varying size, the way network reads arrive: the piece sizes come
// from the data itself, so the same input always splits the same way.
template <typename Feed> void feedInPieces(const QByteArray &input, Feed &&feed)
{
    qsizetype at = 0;
    while (at < input.size()) {
        const qsizetype piece = 1 + qsizetype(uchar(input.at(at)) % 61);
        feed(input.mid(at, piece));
        at += piece;
    }
}

} // namespace ba::fuzz
