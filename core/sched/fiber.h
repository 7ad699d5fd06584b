// Fibers: the only code that touches Boost.Context.
//
// Why it is built this way: a generator, a coroutine or an asyncio task runs
// its Python code on a fiber of its own, so suspending at `yield`/`await` is a
// plain context switch in the middle of ordinary C++ frames, and the
// interpreter needs no resumable evaluator. The fiber knows nothing about
// Python: it runs an entry function, can suspend back to whoever resumed it,
// and reports when the entry function has returned.
//
// Rules: no C++ exception may leave the entry function (the owner catches
// everything inside it and hands results over as data). A fiber destroyed
// while suspended in the middle of its entry function is resumed once more
// so that its stack unwinds: `suspend()` then throws `ForcedUnwind`, which the
// entry function must let through (catch only what you mean to catch).
//
// Memory: stacks are carved out of a few large lazily committed reservations
// without guard pages (a memory map per stack, or a guard page, would cost
// one map each, and the kernel allows about 65k maps, too few for 100k live
// tasks). Overflow is prevented in software: the interpreter checks the
// remaining stack at every call (see `stackLowest()`), with a margin for
// native code. Only the pages a fiber touches become resident, and a
// suspended fiber keeps them: 100k sleeping tasks would pin a few pages each.
// So when more suspended fibers are resident than a limit that follows the
// working set (between kMinResidentSuspended and kMaxResidentSuspended: the
// fibers resumed again soon after they suspend, see fiber.cpp), the ones
// suspended longest ago are swapped out: the part of the stack in use,
// [stack pointer, top), is encoded into an exact-size heap buffer (about a
// quarter of its size, see stack_image.h) and the stack's pages are given
// back to the kernel; `resume()` decodes it back before switching in. The
// stack keeps its addresses, so pointers into it stay valid, but its memory
// must not be READ while the fiber is suspended. Nothing does: the
// interpreter only follows pointers into the stacks of fibers on the
// current resume chain (the running fiber and those that resumed it), and
// those are never swapped out; the frames of a suspended coroutine chain
// live in the coroutine objects, not on the stack. ASYNCSCOPE_FIBER_CHECK=1
// checks this: it swaps out every suspended fiber and makes its stack
// inaccessible until it is resumed (slow; for running the tests). A
// handful of fibers that hand the CPU to each other (a ping-pong through
// sleep(0)) stay resident and never pay for a copy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace ascope::sched {

class Fiber {
public:
    using Entry = std::function<void()>;

    explicit Fiber(Entry entry, size_t stackSize = kDefaultStackSize);
    ~Fiber();
    Fiber(const Fiber&) = delete;
    Fiber& operator=(const Fiber&) = delete;

    // Switches into the fiber; returns when it suspends or its entry returns.
    void resume();
    // From inside a running fiber: switches back to the resumer. Throws
    // ForcedUnwind when the fiber is being destroyed instead of resumed.
    static void suspend();
    // The fiber running now, or null on the thread's own stack.
    static Fiber* current();

    bool started() const;
    bool finished() const;
    // While suspended: its stack pointer (null otherwise). A hint that the
    // fiber is about to be resumed is prefetchStackAt(that pointer): it
    // starts fetching the frames the fiber will return through, without
    // reaching the fiber itself (no effect on what runs; a stale or null
    // pointer fetches nothing that matters).
    const char* suspendedStackPointer() const;
    static void prefetchStackAt(const char* stackPointer);
    // Lowest usable address of the stack (it grows down).
    const char* stackLowest() const;

    // Deep enough for CPython's default recursion limit (1000 frames) in a
    // task; only the pages in use are ever resident.
    static constexpr size_t kDefaultStackSize = size_t(4) << 20;
    // How many suspended fibers keep their stack pages resident, at least
    // and at most (a resident suspended fiber holds 8-12 KiB of stack pages,
    // a swapped-out one about 1 KiB of heap); beyond the current limit the
    // ones suspended longest ago are swapped out.
    static constexpr size_t kMinResidentSuspended = 512;
    static constexpr size_t kMaxResidentSuspended = 16384;

    // Thrown by suspend() inside a fiber that is being destroyed.
    struct ForcedUnwind {};

    // Counters of this thread's fibers, for benchmarks and the
    // ASYNCSCOPE_FIBER_STATS=1 report (printed to stderr at exit).
    struct Stats {
        size_t live = 0;               // fibers started and not finished
        size_t peakLive = 0;
        size_t suspended = 0;          // of those, suspended now
        size_t swappedOut = 0;         // of those, swapped out now
        uint64_t suspensions = 0;      // times a fiber suspended
        uint64_t usedBytesSum = 0;     // sum over suspensions of [sp, top)
        size_t usedBytesMax = 0;
        uint64_t swapOuts = 0;
        uint64_t swapIns = 0;
        size_t savedBytes = 0;         // heap bytes holding swapped-out stacks now (encoded)
        size_t savedRawBytes = 0;      // the stack bytes they encode
        size_t peakSavedBytes = 0;
        size_t reservedBytes = 0;      // address space reserved for stacks
        size_t residentLimit = kMinResidentSuspended;  // now
        size_t peakResidentLimit = kMinResidentSuspended;
        // Sampled when the number of suspended fibers reaches a new power of
        // two (>= 1024), only with ASYNCSCOPE_FIBER_STATS=1, at the largest
        // sample: resident stack bytes of the suspended fibers (mincore),
        // the heap in use.
        size_t sampledSuspended = 0;
        size_t sampledResidentBytes = 0;
        size_t sampledHeapBytes = 0;   // malloc'd bytes in use then (all of the heap)
        size_t sampledSavedBytes = 0;  // of them, swapped-out stacks
        size_t sampledSavedRawBytes = 0;
        size_t sampledRssAnonBytes = 0;    // /proc/self/status RssAnon
        size_t sampledPageTableBytes = 0;  // /proc/self/status VmPTE
    };
    static const Stats& stats();

    // Bytes of stack memory the pool has reserved, for benchmarks.
    static size_t pooledStackBytes();

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

// Lowest usable address of the thread's own (main) stack.
const char* mainStackLowest();

}  // namespace ascope::sched
