#include "sched/fiber.h"

#include "sched/stack_image.h"

#include <boost/context/detail/fcontext.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <new>
#include <pthread.h>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

namespace ascope::sched {

namespace fc = boost::context::detail;

struct Fiber::Impl {
    Entry entry;
    size_t stackSize = 0;
    char* stackBase = nullptr;  // lowest address of the stack; null until started
    fc::fcontext_t self = nullptr;    // the fiber's context while it is suspended
    fc::fcontext_t caller = nullptr;  // the resumer's context while the fiber runs
    bool started = false;
    bool finished = false;
    bool unwinding = false;  // resumed by the destructor: suspend() throws ForcedUnwind
    // While swapped out: the bytes [self, top of stack), encoded.
    StackImage saved;
    // Place in the list of resident suspended fibers (most recent first).
    Impl* newer = nullptr;
    Impl* older = nullptr;
    bool listed = false;
    uint64_t suspendedAt = 0;  // Stats::suspensions when it last suspended

    char* stackTop() const { return stackBase + stackSize; }
};

namespace {

const size_t kPage = size_t(sysconf(_SC_PAGESIZE));
// Stacks are laid out on 2 MiB boundaries, the span of one page table page
// on x86-64 and arm64: giving a whole stack back (MADV_DONTNEED) then lets
// the kernel free its page table page too (Linux 6.14+), which would
// otherwise stay, 4 KiB per stack, for every task that ever ran.
constexpr size_t kSlotAlign = size_t(2) << 20;

// ASYNCSCOPE_FIBER_CHECK=1: every suspended fiber is swapped out at once
// and its stack made inaccessible until it is resumed, so that any read of
// a suspended stack crashes right there (for running the test suite).
bool checkMode() {
    static const bool wanted = [] {
        const char* v = std::getenv("ASYNCSCOPE_FIBER_CHECK");
        return v && *v && std::strcmp(v, "0") != 0;
    }();
    return wanted;
}

bool statsWanted() {
    static const bool wanted = [] {
        const char* v = std::getenv("ASYNCSCOPE_FIBER_STATS");
        return v && *v && std::strcmp(v, "0") != 0;
    }();
    return wanted;
}

// Stacks of one size carved out of large reservations. A stack handed back
// goes to a short "warm" list that keeps its top pages resident (a new
// generator reuses them at no cost) or, when that is full, to a "cold" list
// with all its pages given back.
class StackPool {
public:
    static constexpr size_t kStacksPerReservation = 64;
    static constexpr size_t kKeepResident = 16 * 1024;
    static constexpr size_t kMaxWarm = 256;

    char* take(size_t size) {
        Lists& l = lists(size);
        for (std::vector<char*>* list : {&l.warm, &l.cold}) {
            if (!list->empty()) {
                char* p = list->back();
                list->pop_back();
                return p;
            }
        }
        size_t slot = slotSize(size);
        if (l.carved == l.reservationEnd) {
            size_t bytes = slot * kStacksPerReservation + kSlotAlign;
            void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
            if (p == MAP_FAILED) throw std::bad_alloc();
            // A huge page would make a whole slot resident at the first touch.
            madvise(p, bytes, MADV_NOHUGEPAGE);
            m_reserved += bytes;
            auto first = (reinterpret_cast<uintptr_t>(p) + kSlotAlign - 1) & ~uintptr_t(kSlotAlign - 1);
            l.carved = reinterpret_cast<char*>(first);
            l.reservationEnd = l.carved + slot * kStacksPerReservation;
        }
        // The stack is the top `size` bytes of its slot.
        char* p = l.carved + (slot - size);
        l.carved += slot;
        return p;
    }

    void give(char* p, size_t size) {
        Lists& l = lists(size);
        if (l.warm.size() < kMaxWarm) {
            if (size > kKeepResident) madvise(p, size - kKeepResident, MADV_DONTNEED);
            l.warm.push_back(p);
        } else {
            madvise(p, size, MADV_DONTNEED);
            l.cold.push_back(p);
        }
    }

    size_t reserved() const { return m_reserved; }
    static size_t slotSize(size_t size) { return (size + kSlotAlign - 1) & ~(kSlotAlign - 1); }

private:
    struct Lists {
        size_t size = 0;
        std::vector<char*> warm;
        std::vector<char*> cold;
        char* carved = nullptr;  // next unused stack of the newest reservation
        char* reservationEnd = nullptr;
    };
    Lists& lists(size_t size) {
        for (Lists& l : m_lists)
            if (l.size == size) return l;
        m_lists.emplace_back();
        m_lists.back().size = size;
        return m_lists.back();
    }
    std::vector<Lists> m_lists;  // one per stack size (in practice one)
    size_t m_reserved = 0;
};

// Everything per thread: the running fiber, the pool, the suspended list.
struct ThreadState {
    Fiber::Impl* current = nullptr;
    Fiber* currentFiber = nullptr;
    StackPool pool;
    Fiber::Impl* newest = nullptr;  // resident suspended fibers, most recent first
    Fiber::Impl* oldest = nullptr;
    size_t residentSuspended = 0;
    // How many suspended fibers may stay resident (see adaptResidentLimit).
    size_t residentLimit = Fiber::kMinResidentSuspended;
    uint64_t windowEnd = 0;       // suspension count closing the current window
    uint64_t windowReuse = 0;     // largest reuse distance seen in the window
    Fiber::Stats stats;
    std::vector<Fiber::Impl*> sampleScratch;
};

thread_local ThreadState t_state;

void unlist(ThreadState& ts, Fiber::Impl* f) {
    if (!f->listed) return;
    (f->newer ? f->newer->older : ts.newest) = f->older;
    (f->older ? f->older->newer : ts.oldest) = f->newer;
    f->newer = f->older = nullptr;
    f->listed = false;
    --ts.residentSuspended;
}

void listAsNewest(ThreadState& ts, Fiber::Impl* f) {
    f->newer = nullptr;
    f->older = ts.newest;
    (ts.newest ? ts.newest->newer : ts.oldest) = f;
    ts.newest = f;
    f->listed = true;
    ++ts.residentSuspended;
}

// Copies the used part of a suspended fiber's stack to the heap and gives
// all its pages back to the kernel.
void swapOut(ThreadState& ts, Fiber::Impl* f) {
    unlist(ts, f);
    char* sp = static_cast<char*>(f->self);
    if (!f->saved.capture(sp, size_t(f->stackTop() - sp))) return;  // no memory: it stays resident
    madvise(f->stackBase, f->stackSize, MADV_DONTNEED);
    if (checkMode()) mprotect(f->stackBase, f->stackSize, PROT_NONE);
    Fiber::Stats& s = ts.stats;
    ++s.swapOuts;
    ++s.swappedOut;
    s.savedBytes += f->saved.encodedSize();
    s.savedRawBytes += f->saved.size();
    if (s.savedBytes > s.peakSavedBytes) s.peakSavedBytes = s.savedBytes;
}

void swapIn(ThreadState& ts, Fiber::Impl* f) {
    if (checkMode()) mprotect(f->stackBase, f->stackSize, PROT_READ | PROT_WRITE);
    f->saved.restore(static_cast<char*>(f->self));
    Fiber::Stats& s = ts.stats;
    ++s.swapIns;
    --s.swappedOut;
    s.savedBytes -= f->saved.encodedSize();
    s.savedRawBytes -= f->saved.size();
    f->saved.clear();
}

// The number of suspended fibers kept resident follows the working set: a
// fiber resumed `distance` suspensions after its own would have stayed
// resident (or did) with a limit of about `distance` (the list is ordered by
// suspension). A swap-in that a limit within kMaxResidentSuspended would
// have avoided raises the limit at once; at the end of each window of
// suspensions the limit drops back to what the window's resumptions needed.
// So fibers that are resumed in a cycle (a pipeline of a few thousand
// workers) stay resident, and fibers that sleep long (100k sleeping tasks)
// are swapped out, whatever the mix.
size_t neededFor(uint64_t distance) {
    uint64_t n = distance + distance / 4 + 16;
    return size_t(std::min<uint64_t>(std::max<uint64_t>(n, Fiber::kMinResidentSuspended),
                                     Fiber::kMaxResidentSuspended));
}

void noteReuse(ThreadState& ts, uint64_t distance) {
    if (distance > Fiber::kMaxResidentSuspended) return;  // no affordable limit would have helped
    if (distance > ts.windowReuse) ts.windowReuse = distance;
    size_t needed = neededFor(distance);
    if (needed > ts.residentLimit) {
        ts.residentLimit = ts.stats.residentLimit = needed;
        if (needed > ts.stats.peakResidentLimit) ts.stats.peakResidentLimit = needed;
    }
}

void closeWindow(ThreadState& ts) {
    size_t needed = neededFor(ts.windowReuse);
    if (needed < ts.residentLimit) ts.residentLimit = ts.stats.residentLimit = needed;
    ts.windowReuse = 0;
    ts.windowEnd = ts.stats.suspensions + std::max<uint64_t>(65536, 4 * uint64_t(ts.residentLimit));
}

// Resident bytes of the stacks of all suspended fibers (mincore), for the
// statistics only.
size_t residentSuspendedStackBytes(ThreadState& ts) {
    size_t bytes = 0;
    std::vector<unsigned char> pages;
    for (Fiber::Impl* f = ts.newest; f; f = f->older) {
        pages.resize(f->stackSize / kPage);
        if (mincore(f->stackBase, f->stackSize, pages.data()) != 0) continue;
        for (unsigned char p : pages) bytes += (p & 1) ? kPage : 0;
    }
    return bytes;  // swapped-out fibers have no resident pages
}

// A "Name:   N kB" line of /proc/self/status, in bytes (0 when missing).
size_t statusField(const char* name) {
    FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return 0;
    char line[256];
    size_t kb = 0;
    size_t len = std::strlen(name);
    while (std::fgets(line, sizeof line, f))
        if (std::strncmp(line, name, len) == 0) kb = std::strtoull(line + len, nullptr, 10);
    std::fclose(f);
    return kb * 1024;
}

void printStats() {
    const Fiber::Stats& s = t_state.stats;
    auto mib = [](double b) { return b / (1024.0 * 1024.0); };
    std::fprintf(stderr,
                 "fiber stats: peak live %zu; suspensions %llu, stack in use at suspension mean %.0f B, max %zu B;\n"
                 "  swap-outs %llu, swap-ins %llu, peak swapped-out copies %.1f MiB; reserved %.0f MiB;"
                 " resident limit peak %zu\n",
                 s.peakLive, (unsigned long long)s.suspensions,
                 s.suspensions ? double(s.usedBytesSum) / double(s.suspensions) : 0.0, s.usedBytesMax,
                 (unsigned long long)s.swapOuts, (unsigned long long)s.swapIns, mib(double(s.peakSavedBytes)),
                 mib(double(s.reservedBytes)), s.peakResidentLimit);
    if (s.sampledSuspended)
        std::fprintf(stderr, "  at %zu suspended fibers: %.1f MiB of their stacks resident (%.0f B per fiber)\n",
                     s.sampledSuspended, mib(double(s.sampledResidentBytes)),
                     double(s.sampledResidentBytes) / double(s.sampledSuspended));
    if (s.sampledSuspended)
        std::fprintf(stderr, "  then: heap in use %.1f MiB (malloc), of it %.1f MiB swapped-out stacks (%.1f MiB before encoding)\n",
                     mib(double(s.sampledHeapBytes)), mib(double(s.sampledSavedBytes)), mib(double(s.sampledSavedRawBytes)));
    if (s.sampledSuspended)
        std::fprintf(stderr, "  then: anonymous resident memory %.1f MiB; page tables %.1f MiB (not part of RSS)\n",
                     mib(double(s.sampledRssAnonBytes)), mib(double(s.sampledPageTableBytes)));
}

// The frames a suspended fiber returns through when resumed are cold when
// many fibers take turns (a pipeline of a few thousand workers): asking for
// all their cache lines before the switch overlaps the misses instead of
// taking them one frame at a time.
constexpr size_t kPrefetchLine = 64, kPrefetchBytes = 1536;

void prefetchStack(const Fiber::Impl* f) {
    const char* p = static_cast<const char*>(f->self);
    const char* end = std::min<const char*>(p + kPrefetchBytes, f->stackTop());
    for (; p < end; p += kPrefetchLine) __builtin_prefetch(p);
}

// The fiber's first frame. Never returns: when the entry function is done it
// switches back to the resumer, which releases the stack.
void trampoline(fc::transfer_t t) {
    auto* me = static_cast<Fiber::Impl*>(t.data);
    me->caller = t.fctx;
    if (!me->unwinding) {
        try {
            me->entry();
        } catch (Fiber::ForcedUnwind&) {
        }
    }
    me->finished = true;
    me->entry = nullptr;
    fc::jump_fcontext(me->caller, nullptr);
}

}  // namespace

Fiber::Fiber(Entry entry, size_t stackSize) : m_impl(std::make_unique<Impl>()) {
    m_impl->entry = std::move(entry);
    m_impl->stackSize = stackSize;
}

Fiber::~Fiber() {
    Impl* me = m_impl.get();
    if (me->started && !me->finished) {
        me->unwinding = true;
        resume();
    }
    ThreadState& ts = t_state;
    if (me->started && !me->finished) {
        // It suspended again while unwinding: drop its stack as it is.
        unlist(ts, me);
        if (!me->saved.empty()) {
            if (checkMode()) mprotect(me->stackBase, me->stackSize, PROT_READ | PROT_WRITE);
            ts.stats.savedBytes -= me->saved.encodedSize();
            ts.stats.savedRawBytes -= me->saved.size();
            --ts.stats.swappedOut;
            me->saved.clear();
        }
        --ts.stats.suspended;
        --ts.stats.live;
        ts.pool.give(me->stackBase, me->stackSize);
    }
}

void Fiber::resume() {
    Impl* me = m_impl.get();
    if (me->finished) return;
    ThreadState& ts = t_state;
    Stats& s = ts.stats;
    if (!me->started) {
        static const bool registered = [] {
            if (statsWanted()) std::atexit(printStats);
            return true;
        }();
        (void)registered;
        me->started = true;
        me->stackBase = ts.pool.take(me->stackSize);
        s.reservedBytes = ts.pool.reserved();
        me->self = fc::make_fcontext(me->stackTop(), me->stackSize, trampoline);
        if (++s.live > s.peakLive) s.peakLive = s.live;
    } else {
        unlist(ts, me);
        noteReuse(ts, s.suspensions - me->suspendedAt);
        if (!me->saved.empty()) swapIn(ts, me);
        --s.suspended;
    }
    prefetchStack(me);
    Impl* prev = ts.current;
    Fiber* prevFiber = ts.currentFiber;
    ts.current = me;
    ts.currentFiber = this;
    fc::transfer_t t = fc::jump_fcontext(me->self, me);
    ts.current = prev;
    ts.currentFiber = prevFiber;
    if (me->finished) {
        me->self = nullptr;
        --s.live;
        ts.pool.give(me->stackBase, me->stackSize);
        return;
    }
    me->self = t.fctx;
    size_t used = size_t(me->stackTop() - static_cast<char*>(me->self));
    me->suspendedAt = ++s.suspensions;
    s.usedBytesSum += used;
    if (used > s.usedBytesMax) s.usedBytesMax = used;
    ++s.suspended;
    listAsNewest(ts, me);
    if (statsWanted() && s.suspended >= 1024 && (s.suspended & (s.suspended - 1)) == 0 &&
        s.suspended > s.sampledSuspended) {
        s.sampledSuspended = s.suspended;
        s.sampledResidentBytes = residentSuspendedStackBytes(ts);
        struct mallinfo2 mi = mallinfo2();
        s.sampledHeapBytes = mi.uordblks;
        s.sampledRssAnonBytes = statusField("RssAnon:");
        s.sampledPageTableBytes = statusField("VmPTE:");
        s.sampledSavedBytes = s.savedBytes;
        s.sampledSavedRawBytes = s.savedRawBytes;
    }
    if (s.suspensions >= ts.windowEnd) closeWindow(ts);
    size_t limit = checkMode() ? 0 : ts.residentLimit;
    while (ts.residentSuspended > limit) swapOut(ts, ts.oldest);
}

void Fiber::suspend() {
    Impl* me = t_state.current;
    fc::transfer_t t = fc::jump_fcontext(me->caller, nullptr);
    me->caller = t.fctx;
    if (me->unwinding) throw ForcedUnwind{};
}

const char* Fiber::suspendedStackPointer() const {
    const Impl* me = m_impl.get();
    return me->started && !me->finished && me != t_state.current ? static_cast<const char*>(me->self) : nullptr;
}

void Fiber::prefetchStackAt(const char* stackPointer) {
    if (!stackPointer) return;
    for (size_t off = 0; off < kPrefetchBytes; off += kPrefetchLine) __builtin_prefetch(stackPointer + off);
}

Fiber* Fiber::current() { return t_state.currentFiber; }
bool Fiber::started() const { return m_impl->started; }
bool Fiber::finished() const { return m_impl->finished; }
const char* Fiber::stackLowest() const { return m_impl->stackBase; }
size_t Fiber::pooledStackBytes() { return t_state.pool.reserved(); }

const Fiber::Stats& Fiber::stats() { return t_state.stats; }

const char* mainStackLowest() {
    static thread_local const char* lowest = [] {
        pthread_attr_t attr;
        void* addr = nullptr;
        size_t size = 0;
        if (pthread_getattr_np(pthread_self(), &attr) == 0) {
            pthread_attr_getstack(&attr, &addr, &size);
            pthread_attr_destroy(&attr);
        }
        return static_cast<const char*>(addr);
    }();
    return lowest;
}

}  // namespace ascope::sched
