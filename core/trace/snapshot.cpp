#include "trace/snapshot.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <mutex>
#include <unordered_map>

namespace ascope::trace {

std::string_view taskStateName(TaskState s) {
    switch (s) {
    case TaskState::Ready: return "ready";
    case TaskState::Running: return "running";
    case TaskState::Waiting: return "waiting";
    case TaskState::Done: return "done";
    case TaskState::Failed: return "failed";
    case TaskState::Cancelled: return "cancelled";
    }
    return "?";
}

const PrimitiveView* Snapshot::primitive(uint64_t id) const {
    auto it = std::lower_bound(primitives.begin(), primitives.end(), id,
                               [](const PrimitiveView& p, uint64_t v) { return p.id < v; });
    return it != primitives.end() && it->id == id ? &*it : nullptr;
}

const TaskView* Snapshot::task(uint64_t id) const {
    auto it = std::lower_bound(tasks.begin(), tasks.end(), id, [](const TaskView& t, uint64_t v) { return t.id < v; });
    return it != tasks.end() && it->id == id ? &*it : nullptr;
}

std::string Snapshot::consoleText() const {
    std::string s;
    for (const ConsoleChunk& c : console) s += c.text;
    return s;
}

namespace {

TaskView* findTask(Snapshot& s, uint64_t id) { return const_cast<TaskView*>(std::as_const(s).task(id)); }

template <class C>
auto findId(C& v, uint64_t id) -> decltype(&*v.begin()) {
    auto it = std::find_if(v.begin(), v.end(), [id](const auto& x) { return x.id == id; });
    return it != v.end() ? &*it : nullptr;
}

template <class C>
void eraseId(C& v, uint64_t id) {
    auto it = std::find_if(v.begin(), v.end(), [id](const auto& x) { return x.id == id; });
    if (it != v.end()) v.erase(it);
}

bool timerBefore(const TimerView& a, const TimerView& b) {
    return a.when < b.when || (a.when == b.when && a.id < b.id);
}

// The stack a code event of `task` belongs to: the task's, or the main one.
std::vector<FrameView>& stackOf(Snapshot& s, uint64_t task) {
    if (TaskView* t = findTask(s, task)) return t->stack;
    return s.mainStack;
}

// A frame of `task`'s stack, innermost first (where line events happen).
FrameView* findFrame(Snapshot& s, uint64_t task, uint64_t frame) {
    auto& stack = stackOf(s, task);
    for (size_t i = stack.size(); i-- > 0;)
        if (stack[i].id == frame) return &stack[i];
    return nullptr;
}

// One entry of a LineExecuted difference (Event::locals).
void applyLocal(std::vector<std::pair<std::string, std::string>>& locals, const std::string& name,
                const std::string& repr) {
    auto it = std::find_if(locals.begin(), locals.end(), [&](const auto& l) { return l.first == name; });
    if (repr.empty()) {
        if (it != locals.end()) locals.erase(it);
    } else if (it != locals.end()) {
        it->second = repr;
    } else {
        locals.emplace_back(name, repr);
    }
}

PrimitiveKind primitiveKindFromName(std::string_view name) {
    static constexpr std::pair<std::string_view, PrimitiveKind> kinds[] = {
        {"Queue", PrimitiveKind::Queue},         {"LifoQueue", PrimitiveKind::LifoQueue},
        {"PriorityQueue", PrimitiveKind::PriorityQueue}, {"Lock", PrimitiveKind::Lock},
        {"Event", PrimitiveKind::Event},         {"Condition", PrimitiveKind::Condition},
        {"Semaphore", PrimitiveKind::Semaphore}, {"BoundedSemaphore", PrimitiveKind::BoundedSemaphore},
    };
    for (const auto& [n, k] : kinds)
        if (n == name) return k;
    return PrimitiveKind::Other;
}

// The primitive `id`, made when first seen (by its creation, or by an
// operation when its creation was not recorded).
PrimitiveView& primitiveOf(Snapshot& s, uint64_t id, const std::string& type) {
    auto at = std::lower_bound(s.primitives.begin(), s.primitives.end(), id,
                               [](const PrimitiveView& p, uint64_t v) { return p.id < v; });
    if (at != s.primitives.end() && at->id == id) return *at;
    PrimitiveView p;
    p.id = id;
    p.type = type;
    for (const PrimitiveView& other : s.primitives) p.ordinal += other.type == type ? 1 : 0;
    return *s.primitives.insert(at, std::move(p));
}

void changePrimitive(Snapshot& s, const Event& e) {
    PrimitiveView& p = primitiveOf(s, e.object, e.function);
    p.state = e.value;
    p.lastOperation = e.label;
    const std::string& op = e.label;
    if (op == "put") {
        p.items.push_back(QueueItemView{++p.puts, e.text});
        ++p.unfinished;
    } else if (op == "get" && !p.items.empty()) {
        if (e.text.empty()) {
            // Without the item: the oldest (a FIFO queue), the newest (a LifoQueue).
            if (p.kind == PrimitiveKind::LifoQueue) p.items.pop_back();
            else p.items.pop_front();
        } else {
            // A PriorityQueue's: the first item with that repr.
            auto it = std::find_if(p.items.begin(), p.items.end(),
                                   [&](const QueueItemView& item) { return item.repr == e.text; });
            if (it != p.items.end()) p.items.erase(it);
        }
    } else if (op == "task_done") {
        if (p.unfinished > 0) --p.unfinished;
    } else if (op == "acquire") {
        if (e.task) p.holders.push_back(e.task);
    } else if (op == "release") {
        auto it = std::find(p.holders.begin(), p.holders.end(), e.task);
        if (it != p.holders.end()) p.holders.erase(it);
        else if (!p.holders.empty()) p.holders.erase(p.holders.begin());
    }
    if (p.isQueue()) p.state = double(p.items.size());
}

void eraseChain(Snapshot& s, uint64_t future) {
    auto it = std::find_if(s.chains.begin(), s.chains.end(), [&](const ChainView& c) { return c.future == future; });
    if (it != s.chains.end()) s.chains.erase(it);
}

void stopWaiting(Snapshot& s, TaskView& t) {
    if (TaskView* awaited = findTask(s, t.awaiting)) {
        auto& by = awaited->awaitedBy;
        by.erase(std::remove(by.begin(), by.end(), t.id), by.end());
    }
    t.awaiting = 0;
    t.awaitingLabel.clear();
    t.awaitingObject = 0;
    t.awaitingTasks.clear();
}

void finishTask(Snapshot& s, TaskView& t, TaskState state) {
    t.state = state;
    t.cancelRequested = false;
    t.stack.clear();
    if (s.runningTask == t.id) s.runningTask = 0;
}

// The ready queue and the timer heap as `Snapshot` keeps them: vectors in
// order. Simple, and what `apply` (the specification) uses.
struct VectorQueues {
    Snapshot& s;
    void readyPush(HandleView h) { s.ready.push_back(std::move(h)); }
    void readyErase(uint64_t id) { eraseId(s.ready, id); }
    HandleView* readyFind(uint64_t id) { return findId(s.ready, id); }
    void timerInsert(TimerView t) {
        s.timers.insert(std::upper_bound(s.timers.begin(), s.timers.end(), t, timerBefore), std::move(t));
    }
    // `when` is the deadline when the event carries it (0: unknown).
    TimerView* timerFind(uint64_t id, double when) {
        if (when != 0.0) {
            TimerView key{id, when, {}, 0, false};
            auto it = std::lower_bound(s.timers.begin(), s.timers.end(), key, timerBefore);
            if (it != s.timers.end() && it->id == id) return &*it;
        }
        return findId(s.timers, id);
    }
    void timerErase(uint64_t id, double when) {
        if (TimerView* t = timerFind(id, when)) s.timers.erase(s.timers.begin() + (t - s.timers.data()));
    }
};

// The same queues for long folds (TraceIndex): the ready queue as a deque
// with a count of the ids it holds (running or skipping the front is
// constant time, a miss costs nothing), the heap as a map ordered by
// (deadline, id). `toSnapshot` gives them back as vectors.
struct FastQueues {
    std::deque<HandleView> ready;
    std::unordered_map<uint64_t, uint32_t> readyIds;
    std::map<std::pair<double, uint64_t>, TimerView> timers;
    std::unordered_map<uint64_t, double> timerWhen;  // id -> deadline

    void readyPush(HandleView h) {
        ++readyIds[h.id];
        ready.push_back(std::move(h));
    }
    void readyErase(uint64_t id) {
        auto n = readyIds.find(id);
        if (n == readyIds.end()) return;
        if (--n->second == 0) readyIds.erase(n);
        if (!ready.empty() && ready.front().id == id) ready.pop_front();
        else eraseId(ready, id);
    }
    HandleView* readyFind(uint64_t id) { return readyIds.count(id) ? findId(ready, id) : nullptr; }
    void timerInsert(TimerView t) {
        auto key = std::make_pair(t.when, t.id);
        timerWhen[t.id] = t.when;
        timers.insert_or_assign(key, std::move(t));
    }
    TimerView* timerFind(uint64_t id, double) {
        auto w = timerWhen.find(id);
        if (w == timerWhen.end()) return nullptr;
        auto it = timers.find(std::make_pair(w->second, id));
        return it != timers.end() ? &it->second : nullptr;
    }
    void timerErase(uint64_t id, double) {
        auto w = timerWhen.find(id);
        if (w == timerWhen.end()) return;
        timers.erase(std::make_pair(w->second, id));
        timerWhen.erase(w);
    }
};

template <class Queues>
void applyTo(Snapshot& s, Queues& q, const Event& e) {
    ++s.applied;
    s.clock = e.time;
    switch (e.kind) {
    case EventKind::LoopIterationBegin:
        s.iteration = uint64_t(e.value);
        s.phase = LoopPhase::Selecting;
        break;
    case EventKind::LoopIterationEnd:
        s.phase = LoopPhase::Idle;
        s.runningHandle = 0;
        break;
    case EventKind::SelectWait: s.phase = LoopPhase::Selecting; break;
    case EventKind::ClockJump: s.clock = e.value; break;
    case EventKind::HandleScheduled: {
        q.readyPush(HandleView{e.handle, e.label, e.task, false});
        TaskView* t = findTask(s, e.task);
        if (t && (t->state == TaskState::Waiting || t->state == TaskState::Ready)) t->state = TaskState::Ready;
        break;
    }
    case EventKind::HandleRun:
        q.readyErase(e.handle);
        s.phase = LoopPhase::Running;
        s.runningHandle = e.handle;
        s.inFlight = ExceptionView{};  // whatever the last callback raised has been dealt with
        break;
    case EventKind::HandleSkipped: q.readyErase(e.handle); break;
    case EventKind::HandleCancelled:
        if (HandleView* h = q.readyFind(e.handle)) h->cancelled = true;
        break;
    case EventKind::TimerAdded: q.timerInsert(TimerView{e.timer, e.value, e.label, e.task, false}); break;
    case EventKind::TimerFired:
        if (TimerView* t = q.timerFind(e.timer, e.value)) {
            q.readyPush(HandleView{t->id, t->label, t->task, t->cancelled});
            q.timerErase(e.timer, e.value);
        }
        break;
    case EventKind::TimerCancelled:
        if (TimerView* t = q.timerFind(e.timer, e.value)) t->cancelled = true;
        if (HandleView* h = q.readyFind(e.timer)) h->cancelled = true;
        break;
    case EventKind::TimerRemoved: q.timerErase(e.timer, e.value); break;
    case EventKind::TaskCreated: {
        TaskView t;
        t.id = e.task;
        t.name = e.label;
        t.coroutine = e.function;
        auto at = std::lower_bound(s.tasks.begin(), s.tasks.end(), e.task,
                                   [](const TaskView& a, uint64_t v) { return a.id < v; });
        if (at == s.tasks.end() || at->id != e.task) s.tasks.insert(at, std::move(t));
        break;
    }
    case EventKind::TaskStarted:
        if (TaskView* t = findTask(s, e.task)) {
            stopWaiting(s, *t);
            t->state = TaskState::Running;
            s.runningTask = e.task;
        }
        break;
    case EventKind::TaskSuspended:
        if (TaskView* t = findTask(s, e.task)) {
            if (s.runningTask == e.task) s.runningTask = 0;
            if (e.future == 0) {
                t->state = TaskState::Ready;
                break;
            }
            t->state = TaskState::Waiting;
            t->awaiting = e.future;
            t->awaitingLabel = e.label;
            t->awaitingObject = e.object;
            t->awaitingTasks.clear();
            for (const ChainView& c : s.chains)
                if (c.future == e.future)
                    for (uint64_t inner : c.inner)
                        if (findTask(s, inner)) t->awaitingTasks.push_back(inner);
            if (TaskView* awaited = findTask(s, e.future)) awaited->awaitedBy.push_back(e.task);
        }
        break;
    case EventKind::TaskResumed: break;
    case EventKind::TaskDone:
        if (TaskView* t = findTask(s, e.task)) {
            t->result = e.text;
            finishTask(s, *t, TaskState::Done);
        }
        break;
    case EventKind::TaskFailed:
        if (TaskView* t = findTask(s, e.task)) {
            t->exception = ExceptionView{e.excType, e.excMessage, e.task, 0, 0};
            finishTask(s, *t, TaskState::Failed);
        }
        s.inFlight = ExceptionView{};
        break;
    case EventKind::TaskCancelled:
        if (TaskView* t = findTask(s, e.task)) finishTask(s, *t, TaskState::Cancelled);
        break;
    case EventKind::FutureCreated: break;
    case EventKind::FutureDone:
        if (!s.chains.empty()) eraseChain(s, e.future);
        break;
    case EventKind::FutureChained: {
        auto it = std::find_if(s.chains.begin(), s.chains.end(), [&](const ChainView& c) { return c.future == e.future; });
        if (it == s.chains.end()) it = s.chains.insert(s.chains.end(), ChainView{e.future, {}});
        it->inner.push_back(e.object);
        break;
    }
    case EventKind::PrimitiveCreated: {
        PrimitiveView& p = primitiveOf(s, e.object, e.function);
        p.kind = primitiveKindFromName(e.label);
        p.capacity = e.value;
        break;
    }
    case EventKind::PrimitiveChanged: changePrimitive(s, e); break;
    case EventKind::FramePushed:
        stackOf(s, e.task).push_back(FrameView{e.frame, e.function, e.file, e.line, {}});
        break;
    case EventKind::FramePopped: {
        auto* stack = &stackOf(s, e.task);
        if (!findId(*stack, e.frame)) stack = &s.mainStack;
        eraseId(*stack, e.frame);
        // An exception leaving this frame is now in its caller.
        if (s.inFlight.frame == e.frame && !s.inFlight.type.empty())
            s.inFlight.frame = stack->empty() ? 0 : stack->back().id;
        break;
    }
    case EventKind::LineExecuted:
        if (FrameView* f = findFrame(s, e.task, e.frame)) {
            f->line = e.line;
            for (const auto& [name, repr] : e.locals) applyLocal(f->locals, name, repr);
        }
        break;
    case EventKind::ExceptionRaised:
        s.inFlight = ExceptionView{e.excType, e.excMessage, e.task, e.frame, e.line};
        break;
    case EventKind::ExceptionPropagated:
        s.inFlight.frame = e.frame;
        s.inFlight.task = e.task;
        if (!e.excType.empty()) {
            s.inFlight.type = e.excType;
            s.inFlight.message = e.excMessage;
        }
        break;
    case EventKind::ExceptionCaught: s.inFlight = ExceptionView{}; break;
    case EventKind::ExceptionStored: s.inFlight = ExceptionView{}; break;
    case EventKind::ExceptionReraised:
        s.inFlight = ExceptionView{e.excType, e.excMessage, e.task, 0, 0};
        break;
    case EventKind::ExceptionUnretrieved:
        if (TaskView* t = findTask(s, e.task)) t->unretrieved = true;
        break;
    case EventKind::CancelRequested:
        if (TaskView* t = findTask(s, e.task)) t->cancelRequested = true;
        break;
    case EventKind::CancelDelivered:
        if (TaskView* t = findTask(s, e.task)) t->cancelRequested = false;
        s.inFlight = ExceptionView{e.excType.empty() ? "CancelledError" : e.excType, e.excMessage, e.task, e.frame, e.line};
        break;
    case EventKind::OutputWritten:
        if (!s.console.empty() && s.console.back().isStderr == e.isStderr) s.console.back().text += e.text;
        else s.console.push_back(ConsoleChunk{e.isStderr, e.text});
        break;
    }
}

}  // namespace

void apply(Snapshot& s, const Event& e) {
    VectorQueues q{s};
    applyTo(s, q, e);
}

Snapshot snapshotAt(const Trace& trace, size_t i) {
    Snapshot s;
    size_t end = std::min(trace.size(), i + 1);
    size_t k = 0;
    for (auto it = trace.begin(); k < end; ++it, ++k) apply(s, *it);
    return s;
}

size_t approximateBytes(const Snapshot& s) {
    auto str = [](const std::string& t) { return t.size() > 15 ? t.capacity() + 1 : 0; };
    auto frames = [&](const std::vector<FrameView>& stack) {
        size_t n = stack.capacity() * sizeof(FrameView);
        for (const FrameView& f : stack) {
            n += str(f.function) + str(f.file) + f.locals.capacity() * sizeof(f.locals[0]);
            for (const auto& [name, repr] : f.locals) n += str(name) + str(repr);
        }
        return n;
    };
    size_t n = sizeof(Snapshot);
    n += s.ready.capacity() * sizeof(HandleView);
    for (const HandleView& h : s.ready) n += str(h.label);
    n += s.timers.capacity() * sizeof(TimerView);
    for (const TimerView& t : s.timers) n += str(t.label);
    n += s.tasks.capacity() * sizeof(TaskView);
    for (const TaskView& t : s.tasks) {
        n += str(t.name) + str(t.coroutine) + str(t.awaitingLabel) + str(t.result) + t.awaitedBy.capacity() * 8;
        n += t.awaitingTasks.capacity() * 8;
        n += str(t.exception.type) + str(t.exception.message) + frames(t.stack);
    }
    n += frames(s.mainStack) + str(s.inFlight.type) + str(s.inFlight.message);
    n += s.primitives.capacity() * sizeof(PrimitiveView);
    for (const PrimitiveView& p : s.primitives) {
        n += str(p.type) + p.holders.capacity() * 8 + p.items.size() * sizeof(QueueItemView);
        for (const QueueItemView& item : p.items) n += str(item.repr);
    }
    n += s.chains.capacity() * sizeof(ChainView);
    for (const ChainView& c : s.chains) n += c.inner.capacity() * 8;
    n += s.console.capacity() * sizeof(ConsoleChunk);
    for (const ConsoleChunk& c : s.console) n += str(c.text);
    return n;
}

// The state as TraceIndex folds it: the snapshot without its ready queue
// and timer heap, which live in FastQueues.
struct TraceIndex::Folder {
    Snapshot s;
    FastQueues q;

    void apply(const Event& e) { applyTo(s, q, e); }
    Snapshot toSnapshot() const {
        Snapshot r = s;
        r.ready.assign(q.ready.begin(), q.ready.end());
        r.timers.reserve(q.timers.size());
        for (const auto& [key, t] : q.timers) r.timers.push_back(t);
        return r;
    }
    size_t approximateBytes() const {
        size_t n = trace::approximateBytes(s);
        for (const HandleView& h : q.ready) n += sizeof(HandleView) + 16 + (h.label.size() > 15 ? h.label.capacity() : 0);
        for (const auto& [key, t] : q.timers)
            n += sizeof(TimerView) + 64 + (t.label.size() > 15 ? t.label.capacity() : 0);
        return n;
    }
};

struct TraceIndex::Last {
    std::mutex mutex;
    bool valid = false;
    size_t position = 0;  // `state` is the state after events 0..position
    std::shared_ptr<const Folder> state;
};

TraceIndex::TraceIndex(const Trace& trace, size_t minInterval, size_t memoryBudget)
    : m_trace(trace), m_minInterval(std::max<size_t>(minInterval, 1)), m_last(std::make_shared<Last>()) {
    Folder f;
    size_t n = trace.size();
    size_t budget = std::max<size_t>(memoryBudget, 1);
    size_t next = 0;  // position of the next keyframe
    size_t k = 0;
    for (auto it = trace.begin(); k < n; ++it, ++k) {
        f.apply(*it);
        if (k != next) continue;
        size_t weight = f.approximateBytes();
        // The first keyframe is always taken (positions must start at 0);
        // later ones only within the budget.
        bool take = m_keyframes.empty() || m_keyframeBytes + weight <= budget;
        if (take) {
            m_keyframes.push_back(std::make_shared<const Folder>(f));
            m_positions.push_back(k);
            m_keyframeBytes += weight;
        }
        // The gap after this position (see the header): the events left
        // share what is left of the budget. In floating point, as the
        // product may not fit in 64 bits.
        size_t left = budget > m_keyframeBytes ? budget - m_keyframeBytes : 0;
        double byBudget = left ? double(n - k) * double(weight) / double(left) : double(n);
        size_t gap = std::max({m_minInterval, weight / kBytesPerApply,
                               byBudget >= double(n) ? n : size_t(std::ceil(byBudget))});
        next = k + std::max<size_t>(gap, 1);
    }
}

TraceIndex::~TraceIndex() = default;

Snapshot TraceIndex::snapshotAt(size_t i) const {
    if (m_trace.empty()) return Snapshot{};
    size_t last = std::min(i, m_trace.size() - 1);
    size_t key = size_t(std::upper_bound(m_positions.begin(), m_positions.end(), last) - m_positions.begin()) - 1;
    size_t from = m_positions[key];
    std::shared_ptr<const Folder> start = m_keyframes[key];
    {
        std::lock_guard<std::mutex> lock(m_last->mutex);
        if (m_last->valid && m_last->position <= last && m_last->position >= from) {
            start = m_last->state;
            from = m_last->position;
        }
    }
    if (from == last) return start->toSnapshot();
    auto f = std::make_shared<Folder>(*start);
    size_t k = from + 1;
    for (auto it = m_trace.from(k); k <= last; ++it, ++k) f->apply(*it);
    Snapshot result = f->toSnapshot();
    std::lock_guard<std::mutex> lock(m_last->mutex);
    m_last->valid = true;
    m_last->position = last;
    m_last->state = std::move(f);
    return result;
}

}  // namespace ascope::trace
