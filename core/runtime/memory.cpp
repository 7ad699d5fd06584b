// Heap accounting for the memory budget.
//
// Why it is built this way: a scenario can exhaust memory through any path
// (a list growing in a loop, a huge string, a big integer), so instead of
// instrumenting every container the global allocation functions count the
// live bytes of the thread; the interpreter compares that count with its
// budget at every statement and raises MemoryError, and checks single huge
// requests (`[0] * 10**12`) before making them.
#include "runtime/interp.h"

#include <cstdlib>
#include <malloc.h>
#include <new>

namespace {
thread_local int64_t t_liveBytes = 0;

void* allocate(std::size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    t_liveBytes += int64_t(malloc_usable_size(p));
    return p;
}

void release(void* p) {
    if (!p) return;
    t_liveBytes -= int64_t(malloc_usable_size(p));
    std::free(p);
}
}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allocate(n);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    try {
        return allocate(n);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }

namespace ascope::rt {
int64_t liveHeapBytes() { return t_liveBytes; }
}  // namespace ascope::rt
