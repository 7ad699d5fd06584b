// A compact copy of the used part of a suspended fiber's stack.
//
// Why it is built this way: a task sleeping in `await asyncio.sleep()` has
// a few KiB of C++ frames on its fiber's stack, and with 100k sleeping tasks
// those bytes are most of the memory. Stack bytes compress well with a
// trivial word code: about half the 8-byte words of a fresh stack are zero
// (padding, null pointers, slots never written), most of the others are
// pointers close to a recent word (the heap, the stack itself, the program)
// and small integers. Encoding is one pass with two tiny caches, a few
// nanoseconds per word; the image takes about a quarter of the bytes.
//
// Format: for each 8-byte word a 4-bit tag (two per byte, in a header area
// sized from the word count) and its payload bytes in a second area:
//   0       the word is zero                                  (no payload)
//   1..10   upper 6 bytes = near[tag - 1]                      (2 payload bytes)
//   11..13  upper 4 bytes = region[tag - 11]                   (4 payload bytes)
//   14      the word is below 2^32                            (4 payload bytes)
//   15      any other word                                    (8 payload bytes)
// `near` holds w >> 16 of the last 10 nonzero words that were not near hits,
// `region` holds w >> 32 of the last 3 literals (both replaced round robin,
// both start as zeros). Trailing bytes when the size is not a multiple of 8
// are stored as they are.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ascope::sched {

class StackImage {
public:
    StackImage() = default;
    ~StackImage();
    StackImage(const StackImage&) = delete;
    StackImage& operator=(const StackImage&) = delete;
    StackImage(StackImage&& other) noexcept;
    StackImage& operator=(StackImage&& other) noexcept;

    // Encodes the `size` bytes at `bytes`. Returns false (and holds nothing)
    // when memory for the image cannot be had.
    bool capture(const char* bytes, size_t size);
    // Writes the bytes back to `bytes` (which must have room for size()).
    void restore(char* bytes) const;
    void clear();

    bool empty() const { return m_data == nullptr; }
    // Bytes of the original range.
    size_t size() const { return m_size; }
    // Bytes of heap the image occupies.
    size_t encodedSize() const { return m_encodedSize; }

private:
    unsigned char* m_data = nullptr;  // malloc'd: tags, then payload
    size_t m_size = 0;
    size_t m_encodedSize = 0;
};

}  // namespace ascope::sched
