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
// everything inside it and hands results over as data); a fiber must not be
// destroyed while suspended in the middle of its entry function unless the
// owner accepts that the stack is unwound with Boost's forced_unwind.
//
// Stacks are taken from a pool of lazily committed memory without guard
// pages (a guard page costs a second memory map, and the kernel allows about
// 65k maps, too few for 100k live tasks). Overflow is prevented in software:
// the interpreter checks the remaining stack at every call (see
// `stackLowest()`), with a margin for native code.
#pragma once

#include <cstddef>
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
    // From inside a running fiber: switches back to the resumer.
    static void suspend();
    // The fiber running now, or null on the thread's own stack.
    static Fiber* current();

    bool started() const;
    bool finished() const;
    // Lowest usable address of the stack (it grows down).
    const char* stackLowest() const;

    static constexpr size_t kDefaultStackSize = size_t(1) << 20;

    // Bytes of stack memory the pool holds (mapped), for benchmarks.
    static size_t pooledStackBytes();

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

// Lowest usable address of the thread's own (main) stack.
const char* mainStackLowest();

}  // namespace ascope::sched
