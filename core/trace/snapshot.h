// Snapshots: the whole visible state of a run at one event.
//
// Why it is built this way: the app draws from state, the trace stores
// changes. A snapshot is obtained by folding events, one at a time, into an
// initial empty state with `apply`, which is pure and total (an event that
// refers to an unknown id changes nothing), so any position can be rebuilt
// from the trace alone. Folding from the start on every seek would make
// scrubbing backward through a long trace quadratic; `TraceIndex` keeps a
// copy of the state at spaced positions (keyframes), so reaching any position
// costs one copy and a bounded number of applications, backward or forward.
#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ascope::trace {

// What the loop is doing.
enum class LoopPhase : uint8_t {
    Idle,       // no loop iteration in progress (before the loop, between loops, after it)
    Selecting,  // waiting in the (virtual) selector for the earliest timer
    Running,    // running the handles that were ready when the iteration began
};

enum class TaskState : uint8_t {
    Ready,      // a step or wake-up of it sits in the ready queue
    Running,    // its step is executing now
    Waiting,    // suspended on a future (`TaskView::awaiting`)
    Done,       // returned a result
    Failed,     // ended with an exception
    Cancelled,  // ended cancelled
};
std::string_view taskStateName(TaskState s);  // "ready", "running", ...

struct HandleView {
    uint64_t id = 0;         // handle id
    std::string label;       // "Task-2.__step", "print_later(3)"
    uint64_t task = 0;       // the task whose step/wake-up this is; 0: a plain callback
    bool cancelled = false;  // Handle.cancel() was called; it will be skipped
    bool operator==(const HandleView&) const = default;
};

struct TimerView {
    uint64_t id = 0;         // timer handle id
    double when = 0.0;       // deadline in loop time
    std::string label;       // the callback, as for handles
    uint64_t task = 0;       // the task the callback wakes, when known
    bool cancelled = false;  // cancelled but still in the heap
    bool operator==(const TimerView&) const = default;
};

struct FrameView {
    uint64_t id = 0;         // frame serial number
    std::string function;    // qualified name
    std::string file;        // source file
    int line = 0;            // the line running now (the first line until a line event)
    std::vector<std::pair<std::string, std::string>> locals;  // (name, repr) at the last line event
    bool operator==(const FrameView&) const = default;
};

// An exception and where it is.
struct ExceptionView {
    std::string type;        // class name; empty: no exception
    std::string message;     // str() of it
    uint64_t task = 0;       // the task it travels through (0: main code or the loop)
    uint64_t frame = 0;      // the frame it is in: raised there, leaving it, or arrived in it from a callee
                             // (0: not in a frame: stored, about to be thrown into a task, or it left the
                             // task's outermost frame)
    int line = 0;            // the line it was raised at (for a cancellation: the await it landed at)
    bool operator==(const ExceptionView&) const = default;
};

struct TaskView {
    uint64_t id = 0;                 // task id
    std::string name;                // "Task-1" or the given name
    std::string coroutine;           // the coroutine's qualified name
    TaskState state = TaskState::Ready;
    std::vector<FrameView> stack;    // outermost first; frames survive suspension
    uint64_t awaiting = 0;           // the future it waits on (Waiting); 0: none
    std::string awaitingLabel;       // description of that future ("sleep(0.5)", "Queue.get()", "<Future #5>")
    uint64_t awaitingObject = 0;     // the primitive that future belongs to (PrimitiveView::id); 0: none
    std::vector<uint64_t> awaitingTasks;  // the tasks that future waits for (gather, TaskGroup, wait,
                                          // wait_for, shield), in the order they were chained
    std::vector<uint64_t> awaitedBy; // tasks waiting on this task, in the order they started waiting
    std::string result;              // repr of the result (Done)
    ExceptionView exception;         // the stored exception (Failed)
    bool unretrieved = false;        // collected with nobody ever asking for that exception
    bool cancelRequested = false;    // cancel() was called and not yet delivered
    bool operator==(const TaskView&) const = default;
};

// A synchronization primitive: Queue (LifoQueue, PriorityQueue), Lock,
// Event, Condition, Semaphore (BoundedSemaphore). Its waiters are the tasks
// whose `awaitingObject` is its id.
struct QueueItemView {
    uint64_t serial = 0;             // 1 for the first item put in this queue, 2 for the next...
    std::string repr;
    bool operator==(const QueueItemView&) const = default;
};

enum class PrimitiveKind : uint8_t {
    Other, Queue, LifoQueue, PriorityQueue, Lock, Event, Condition, Semaphore, BoundedSemaphore,
};
// The kind PrimitiveCreated's label names (Other when unknown).
PrimitiveKind primitiveKindFromName(std::string_view asyncioClass);

struct PrimitiveView {
    uint64_t id = 0;                 // the trace's `object`
    std::string type;                // its class: "Queue", "Lock", a subclass's name...
    PrimitiveKind kind = PrimitiveKind::Other;  // the asyncio class it is
    int ordinal = 1;                 // 1 for the first primitive of its class in the run, 2 for the next...
    double capacity = 0;             // a queue's maxsize (0: unbounded), a semaphore's initial value
    double state = 0;                // a queue's size, a semaphore's value, 1/0: a lock held, an event set
                                     // (after notify: the waiters it woke)
    std::deque<QueueItemView> items; // a queue's items in the order they were put
    uint64_t puts = 0;               // items put so far (the last item's serial)
    int64_t unfinished = 0;          // a queue's items put and not yet marked task_done()
    std::vector<uint64_t> holders;   // tasks that acquired a Lock or Semaphore and have not released it
    std::string lastOperation;       // "put", "acquire"...: the last change (empty: none yet)

    bool isQueue() const {
        return kind == PrimitiveKind::Queue || kind == PrimitiveKind::LifoQueue || kind == PrimitiveKind::PriorityQueue;
    }
    bool isSemaphore() const { return kind == PrimitiveKind::Semaphore || kind == PrimitiveKind::BoundedSemaphore; }
    // Held by the tasks that acquired it (Lock, Semaphore).
    bool isAcquired() const { return kind == PrimitiveKind::Lock || isSemaphore(); }
    bool operator==(const PrimitiveView&) const = default;
};

// A pending future that completes when others do (FutureChained).
struct ChainView {
    uint64_t future = 0;
    std::vector<uint64_t> inner;     // tasks and futures, in the order chained
    bool operator==(const ChainView&) const = default;
};

struct ConsoleChunk {
    bool isStderr = false;
    std::string text;
    bool operator==(const ConsoleChunk&) const = default;
};

struct Snapshot {
    size_t applied = 0;              // number of events folded in (position + 1; 0: the initial state)
    LoopPhase phase = LoopPhase::Idle;
    uint64_t iteration = 0;          // current or last loop iteration number; 0: none yet
    double clock = 0.0;              // loop time of the last event
    std::vector<HandleView> ready;   // the ready deque, front first
    std::vector<TimerView> timers;   // the timer heap in deadline order (ties: insertion order)
    std::vector<TaskView> tasks;     // every task ever created, by id
    uint64_t runningTask = 0;        // the task whose step runs now; 0: none
    uint64_t runningHandle = 0;      // the handle whose callback runs now; 0: none
    std::vector<FrameView> mainStack;// frames outside any task (module code, asyncio.run's caller)
    ExceptionView inFlight;          // an exception travelling now (raised, not yet caught or stored)
    std::vector<PrimitiveView> primitives;  // every primitive seen, by id
    std::vector<ChainView> chains;   // pending futures chained to others (removed when done)
    std::vector<ConsoleChunk> console;  // everything written so far; consecutive writes to one stream merged

    const TaskView* task(uint64_t id) const;  // null when unknown
    const PrimitiveView* primitive(uint64_t id) const;  // null when unknown
    std::string consoleText() const;          // stdout and stderr interleaved, in write order
    bool operator==(const Snapshot&) const = default;
};

// Folds one event into `s`. Pure apart from `s`; an event naming an unknown
// handle, timer, task or frame leaves the matching part unchanged.
void apply(Snapshot& s, const Event& e);

// The state after events 0..i (inclusive), folded from the start: the
// specification that `TraceIndex` must match. For i >= trace.size() (an
// empty trace included) it is the state after the whole trace.
Snapshot snapshotAt(const Trace& trace, size_t i);

// Keyframed seeking over one trace, which must outlive the index and not
// grow while it is used.
//
// Keyframes are copies of the state at chosen positions. A fixed spacing
// would not do: with 10,000 tasks a state weighs megabytes, and a keyframe
// every few hundred events would need gigabytes. The gap after a keyframe is
// therefore chosen from that keyframe's weight W (its approximate size in
// bytes, `approximateBytes`), the R events after it and the budget B left:
//     gap = max(minInterval, W / kBytesPerApply, R * W / B)
// - W / kBytesPerApply: applying the events of a gap costs about as much as
//   copying the keyframe, so a seek is never dominated by either;
// - R * W / B: the remaining events share the remaining budget, so states
//   that keep their weight get evenly spaced keyframes; a keyframe that
//   would overrun `memoryBudget` is not taken (the first, at position 0, is
//   always taken): the keyframes never weigh more than the budget.
// Reaching any position i, backward or forward, costs one copy of the last
// keyframe at or before i plus the applications since it (fewer than the
// gap, or, once the budget is spent, than the events left): seeking backward
// costs no more than seeking forward. A forward step from the position
// asked last is cheaper still: the index keeps that state and continues
// from it when it is nearer than the keyframe.
class TraceIndex {
public:
    static constexpr size_t kDefaultInterval = 256;
    static constexpr size_t kDefaultMemoryBudget = size_t(48) << 20;
    static constexpr size_t kBytesPerApply = 256;
    // Folds the whole trace once; `minInterval` 0 is treated as 1.
    explicit TraceIndex(const Trace& trace, size_t minInterval = kDefaultInterval,
                        size_t memoryBudget = kDefaultMemoryBudget);
    ~TraceIndex();
    TraceIndex(TraceIndex&&) = default;

    // Same contract as the free `snapshotAt`. Safe to call from several
    // threads.
    Snapshot snapshotAt(size_t i) const;
    size_t keyframeCount() const { return m_keyframes.size(); }
    size_t interval() const { return m_minInterval; }
    // Positions of the keyframes: keyframe k is the state after events 0..position(k).
    size_t keyframePosition(size_t k) const { return m_positions[k]; }
    // Bytes held by the keyframes, approximately.
    size_t keyframeBytes() const { return m_keyframeBytes; }

private:
    struct Folder;
    const Trace& m_trace;
    size_t m_minInterval;
    std::vector<size_t> m_positions;
    std::vector<std::shared_ptr<const Folder>> m_keyframes;
    size_t m_keyframeBytes = 0;
    struct Last;
    std::shared_ptr<Last> m_last;  // the state asked last, to continue from
};

// The approximate number of bytes `s` holds (for keyframe spacing).
size_t approximateBytes(const Snapshot& s);

}  // namespace ascope::trace
