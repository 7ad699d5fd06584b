#include "sched/stack_image.h"

#include <cstdlib>
#include <cstring>
#include <utility>

namespace ascope::sched {

namespace {

constexpr unsigned kZero = 0;
constexpr unsigned kCached = 1;  // 1..8
constexpr unsigned kWord32 = 9;
constexpr unsigned kLiteral = 10;
constexpr int kCacheSize = 8;

// Upper five bytes of the most recent literals.
struct HighCache {
    uint64_t high[kCacheSize] = {};
    int next = 0;
    int find(uint64_t h) const {
        for (int i = 0; i < kCacheSize; ++i)
            if (high[i] == h) return i;
        return -1;
    }
    void add(uint64_t h) {
        high[next] = h;
        next = (next + 1) % kCacheSize;
    }
};

struct Scratch {
    unsigned char* data = nullptr;
    size_t capacity = 0;
    ~Scratch() { std::free(data); }
    bool reserve(size_t n) {
        if (n <= capacity) return true;
        void* p = std::realloc(data, n);
        if (!p) return false;
        data = static_cast<unsigned char*>(p);
        capacity = n;
        return true;
    }
};

uint64_t load(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}

}  // namespace

StackImage::~StackImage() { clear(); }

StackImage::StackImage(StackImage&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)),
      m_size(std::exchange(other.m_size, 0)),
      m_encodedSize(std::exchange(other.m_encodedSize, 0)) {}

StackImage& StackImage::operator=(StackImage&& other) noexcept {
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_encodedSize = std::exchange(other.m_encodedSize, 0);
    }
    return *this;
}

void StackImage::clear() {
    std::free(m_data);
    m_data = nullptr;
    m_size = 0;
    m_encodedSize = 0;
}

bool StackImage::capture(const char* bytes, size_t size) {
    clear();
    size_t words = size / 8;
    size_t tail = size % 8;
    size_t tagBytes = (words + 1) / 2;
    // Encoded into a scratch buffer first (the worst case), then copied into
    // an exact-size allocation. Both come from malloc: stack memory is not
    // the program's heap and stays out of its memory budget (runtime/memory.cpp).
    static thread_local Scratch scratch;
    size_t worst = tagBytes + words * 8 + tail;
    if (!scratch.reserve(worst)) return false;
    unsigned char* tags = scratch.data;
    std::memset(tags, 0, tagBytes);
    unsigned char* out = tags + tagBytes;
    HighCache cache;
    for (size_t i = 0; i < words; ++i) {
        uint64_t w = load(bytes + i * 8);
        unsigned tag;
        if (w == 0) {
            tag = kZero;
        } else if (int k = cache.find(w >> 24); k >= 0) {
            tag = kCached + unsigned(k);
            out[0] = uint8_t(w);
            out[1] = uint8_t(w >> 8);
            out[2] = uint8_t(w >> 16);
            out += 3;
        } else if (w >> 32 == 0) {
            tag = kWord32;
            uint32_t v = uint32_t(w);
            std::memcpy(out, &v, 4);
            out += 4;
        } else {
            tag = kLiteral;
            std::memcpy(out, &w, 8);
            out += 8;
            cache.add(w >> 24);
        }
        tags[i / 2] |= uint8_t(tag << ((i & 1) * 4));
    }
    std::memcpy(out, bytes + words * 8, tail);
    out += tail;
    size_t encoded = size_t(out - scratch.data);
    m_data = static_cast<unsigned char*>(std::malloc(encoded ? encoded : 1));
    if (!m_data) return false;
    std::memcpy(m_data, scratch.data, encoded);
    m_size = size;
    m_encodedSize = encoded;
    return true;
}

void StackImage::restore(char* bytes) const {
    size_t words = m_size / 8;
    size_t tail = m_size % 8;
    const unsigned char* tags = m_data;
    const unsigned char* in = tags + (words + 1) / 2;
    HighCache cache;
    for (size_t i = 0; i < words; ++i) {
        unsigned tag = (tags[i / 2] >> ((i & 1) * 4)) & 15;
        uint64_t w;
        if (tag == kZero) {
            w = 0;
        } else if (tag < kWord32) {
            w = cache.high[tag - kCached] << 24 | uint64_t(in[0]) | uint64_t(in[1]) << 8 | uint64_t(in[2]) << 16;
            in += 3;
        } else if (tag == kWord32) {
            uint32_t v;
            std::memcpy(&v, in, 4);
            w = v;
            in += 4;
        } else {
            std::memcpy(&w, in, 8);
            in += 8;
            cache.add(w >> 24);
        }
        std::memcpy(bytes + i * 8, &w, 8);
    }
    std::memcpy(bytes + words * 8, in, tail);
}

}  // namespace ascope::sched
