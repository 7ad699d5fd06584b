#include "sched/fiber.h"

#include <boost/context/fiber.hpp>
#include <boost/context/stack_context.hpp>

#include <pthread.h>
#include <sys/mman.h>
#include <unordered_map>
#include <vector>

namespace ascope::sched {

namespace ctx = boost::context;

namespace {

// Pool of fixed-size stacks. Memory is reserved lazily (MAP_NORESERVE) and
// only the pages a fiber touches become resident; a returned stack gives its
// deep pages back to the kernel so a pooled stack costs only its top pages.
class StackPool {
public:
    static constexpr size_t kKeepResident = 16 * 1024;
    static constexpr size_t kMaxPooled = 4096;

    void* take(size_t size) {
        auto& list = m_free[size];
        if (!list.empty()) {
            void* p = list.back();
            list.pop_back();
            return p;
        }
        void* p = mmap(nullptr, size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
        if (p == MAP_FAILED) throw std::bad_alloc();
        m_mapped += size;
        return p;
    }
    void give(void* p, size_t size) {
        auto& list = m_free[size];
        if (list.size() >= kMaxPooled) {
            munmap(p, size);
            m_mapped -= size;
            return;
        }
        if (size > kKeepResident) madvise(p, size - kKeepResident, MADV_DONTNEED);
        list.push_back(p);
    }
    size_t mapped() const { return m_mapped; }

private:
    struct Hash {
        size_t operator()(size_t s) const { return s; }
    };
    std::unordered_map<size_t, std::vector<void*>, Hash> m_free;
    size_t m_mapped = 0;
};

StackPool& pool() {
    static thread_local StackPool p;
    return p;
}

struct PoolAllocator {
    size_t size;
    void** baseOut;
    ctx::stack_context allocate() {
        void* base = pool().take(size);
        *baseOut = base;
        ctx::stack_context sc;
        sc.size = size;
        sc.sp = static_cast<char*>(base) + size;
        return sc;
    }
    void deallocate(ctx::stack_context& sc) {
        pool().give(static_cast<char*>(sc.sp) - sc.size, sc.size);
    }
};

}  // namespace

struct Fiber::Impl {
    Entry entry;
    size_t stackSize;
    ctx::fiber self;    // the fiber's continuation while it is suspended
    ctx::fiber caller;  // the resumer's continuation while the fiber runs
    void* stackBase = nullptr;
    bool started = false;
    bool finished = false;
    Impl* resumedFrom = nullptr;
};

namespace {
thread_local Fiber::Impl* t_current = nullptr;
thread_local Fiber* t_currentFiber = nullptr;
}  // namespace

Fiber::Fiber(Entry entry, size_t stackSize) : m_impl(std::make_unique<Impl>()) {
    m_impl->entry = std::move(entry);
    m_impl->stackSize = stackSize;
}

Fiber::~Fiber() = default;

void Fiber::resume() {
    Impl* me = m_impl.get();
    if (me->finished) return;
    Impl* prev = t_current;
    Fiber* prevFiber = t_currentFiber;
    me->resumedFrom = prev;
    t_current = me;
    t_currentFiber = this;
    if (!me->started) {
        me->started = true;
        me->self = ctx::fiber(std::allocator_arg, PoolAllocator{me->stackSize, &me->stackBase},
                              [me](ctx::fiber&& caller) {
                                  me->caller = std::move(caller);
                                  me->entry();
                                  me->finished = true;
                                  me->entry = nullptr;
                                  return std::move(me->caller);
                              });
    }
    me->self = std::move(me->self).resume();
    t_current = prev;
    t_currentFiber = prevFiber;
}

void Fiber::suspend() {
    Impl* me = t_current;
    me->caller = std::move(me->caller).resume();
}

Fiber* Fiber::current() { return t_currentFiber; }
bool Fiber::started() const { return m_impl->started; }
bool Fiber::finished() const { return m_impl->finished; }
const char* Fiber::stackLowest() const { return static_cast<const char*>(m_impl->stackBase); }
size_t Fiber::pooledStackBytes() { return pool().mapped(); }

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
