#include "sched/stack_image.h"

#include <cstdlib>
#include <cstring>
#include <utility>

namespace ascope::sched {

namespace {

constexpr unsigned kZero = 0;
constexpr unsigned kNear = 1;      // 1..10: upper 6 bytes from the near cache
constexpr unsigned kRegion = 11;   // 11..13: upper 4 bytes from the region cache
constexpr unsigned kWord32 = 14;
constexpr unsigned kLiteral = 15;
constexpr int kNearSize = 10;
constexpr int kRegionSize = 3;

// Upper parts of recent words: the near cache holds w >> 16 of the last
// words it missed, the region cache w >> 32 of the last literals.
struct Caches {
    uint64_t near[kNearSize] = {};
    uint64_t region[kRegionSize] = {};
    int nextNear = 0;
    int nextRegion = 0;
    int findNear(uint64_t h) const {
        for (int i = 0; i < kNearSize; ++i)
            if (near[i] == h) return i;
        return -1;
    }
    int findRegion(uint64_t h) const {
        for (int i = 0; i < kRegionSize; ++i)
            if (region[i] == h) return i;
        return -1;
    }
    void addNear(uint64_t h) {
        near[nextNear] = h;
        nextNear = nextNear + 1 == kNearSize ? 0 : nextNear + 1;
    }
    void addRegion(uint64_t h) {
        region[nextRegion] = h;
        nextRegion = nextRegion + 1 == kRegionSize ? 0 : nextRegion + 1;
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
    Caches cache;
    for (size_t i = 0; i < words; ++i) {
        uint64_t w = load(bytes + i * 8);
        unsigned tag;
        if (w == 0) {
            tag = kZero;
        } else if (int k = cache.findNear(w >> 16); k >= 0) {
            tag = kNear + unsigned(k);
            out[0] = uint8_t(w);
            out[1] = uint8_t(w >> 8);
            out += 2;
        } else {
            cache.addNear(w >> 16);
            uint32_t low = uint32_t(w);
            if (w >> 32 == 0) {
                tag = kWord32;
                std::memcpy(out, &low, 4);
                out += 4;
            } else if (int r = cache.findRegion(w >> 32); r >= 0) {
                tag = kRegion + unsigned(r);
                std::memcpy(out, &low, 4);
                out += 4;
            } else {
                tag = kLiteral;
                std::memcpy(out, &w, 8);
                out += 8;
                cache.addRegion(w >> 32);
            }
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
    Caches cache;
    for (size_t i = 0; i < words; ++i) {
        unsigned tag = (tags[i / 2] >> ((i & 1) * 4)) & 15;
        uint64_t w;
        if (tag == kZero) {
            w = 0;
        } else if (tag < kRegion) {
            w = cache.near[tag - kNear] << 16 | uint64_t(in[0]) | uint64_t(in[1]) << 8;
            in += 2;
        } else {
            uint32_t low;
            std::memcpy(&low, in, 4);
            if (tag == kWord32) {
                w = low;
                in += 4;
            } else if (tag < kWord32) {
                w = cache.region[tag - kRegion] << 32 | low;
                in += 4;
            } else {
                std::memcpy(&w, in, 8);
                in += 8;
                cache.addRegion(w >> 32);
            }
            cache.addNear(w >> 16);
        }
        std::memcpy(bytes + i * 8, &w, 8);
    }
    std::memcpy(bytes + words * 8, in, tail);
}

}  // namespace ascope::sched
