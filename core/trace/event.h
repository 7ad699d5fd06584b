// Trace events: the only interface from the core to the app.
//
// Why it is built this way: a scenario runs once, completely, and every view
// (stage, stack inspector, console, timeline, video export) is a pure
// function of (trace, position). An event is therefore a plain value with no
// pointer into the interpreter: identities are small integers that restart at
// every run, texts are already rendered, and the clock is copied in. One flat
// struct for every kind (instead of a variant per kind) keeps the fold, the
// serialisers and the tests short; the fields a kind uses are listed at each
// kind, all others keep their defaults.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ascope::trace {

enum class EventKind : uint8_t {
    // ---- the loop
    LoopIterationBegin,  // _run_once starts; `value` = the iteration number (1-based, per run)
    LoopIterationEnd,    // _run_once ends; `value` = the iteration number
    SelectWait,          // the virtual selector waits; `value` = the timeout in seconds (0: poll)
    ClockJump,           // the virtual clock is about to move forward: `time` = the old clock, `value` = the new one
    // ---- handles (ready queue)
    HandleScheduled,     // call_soon: `handle`, `label`, `task` when the callback is a task's step/wakeup
    HandleRun,           // a handle leaves the ready queue and its callback runs: `handle`, `label`, `task`
    HandleSkipped,       // a cancelled handle leaves the ready queue without running: `handle`
    HandleCancelled,     // Handle.cancel() on a handle still in the ready queue or the heap: `handle`
    // ---- timers (the heap of TimerHandles; `timer` = `handle` = the timer's handle id)
    TimerAdded,          // call_at/call_later: `timer`, `handle`, `label`, `value` = deadline, `task`
    TimerFired,          // a due timer moves from the heap to the ready queue: `timer`, `handle`,
                         // `value` = its deadline (as in every timer event: it finds it in the heap)
    TimerCancelled,      // TimerHandle.cancel(): it stays in the heap, marked: `timer`, `handle`, `value`
    TimerRemoved,        // a cancelled timer is dropped from the heap: `timer`, `handle`, `value`
    // ---- tasks (a task is a future too: `task` = `future` = its id)
    TaskCreated,         // `task`, `label` = the task's name, `function` = its coroutine's qualname
    TaskStarted,         // a step begins (the coroutine is resumed): `task`
    TaskSuspended,       // the step yields: `future` = what it waits on (0: a bare yield, it is ready
                         // again), `label` = that future's description (as FutureCreated's label:
                         // "sleep(0.5)", "Queue.get()"; "<Future #5>" for a plain future), `object` =
                         // the primitive it waits on (0: none)
    TaskResumed,         // wakeup: the future it waited on is done (`future`), its step is about to run
    TaskDone,            // the coroutine returned: `task`, `text` = repr of the result
    TaskFailed,          // the coroutine raised: `task`, `excType`, `excMessage`
    TaskCancelled,       // the coroutine ended by CancelledError (or was cancelled when done): `task`
    // ---- futures
    FutureCreated,       // `future`, `label` = what made it: "Future" (a plain loop.create_future()),
                         // "sleep(0.5)", "gather()", "Queue.get()", "Lock.acquire()"...; `object` = the
                         // primitive whose waiter it is (0: none)
    FutureDone,          // result or exception set, or cancelled: `future`, `text` = "result", "exception"
                         // or "cancelled", `excType`/`excMessage` for an exception
    FutureChained,       // the outer future `future` (gather's, a TaskGroup's, wait()'s waiter, shield's)
                         // completes when the inner one `object` (a task or future) is done
    // ---- synchronization primitives (Queue, Lock, Event, Condition, Semaphore)
    //
    // A primitive is numbered like nothing else (`object`, from 1 per run).
    // Its waiters are futures (FutureCreated with `object` = the primitive),
    // so a task suspended on one names the primitive (TaskSuspended's `object`).
    PrimitiveCreated,    // `object`, `function` = its class (a subclass's own name), `label` = the asyncio
                         // class it is ("Queue", "LifoQueue", "PriorityQueue", "Lock", "Event",
                         // "Condition", "Semaphore", "BoundedSemaphore"), `value` = a queue's maxsize
                         // (0: unbounded) or a semaphore's initial value
    PrimitiveChanged,    // an operation changed it (after its PrimitiveCreated): `object`, `label` = the
                         // operation ("put", "get", "acquire", "release", "set", "clear", "task_done",
                         // "notify"), `task` = the task doing it (0: none), `text` = the item's repr
                         // (put; get from a PriorityQueue; a FIFO queue's get takes the oldest item, a
                         // LifoQueue's the newest), `value` = the state after it: a semaphore's value,
                         // 1/0 for a lock held or an event set, the waiters woken by notify (0 for a
                         // queue: its size follows from its items)
    // ---- frames and lines (`frame` = the activation's serial number)
    //
    // A frame is on its task's stack (`task` 0: the main stack: module code
    // and callbacks the loop runs) from FramePushed to FramePopped. A
    // coroutine suspended in an await keeps its frames there, as CPython's
    // Task.get_stack() shows them; a generator (or async generator) that
    // yields a value to the code iterating it leaves with FramePopped and
    // comes back with FramePushed (same `frame`) when resumed.
    FramePushed,         // `frame`, `function` (qualname), `file`, `line` (first line; for a generator
                         // coming back, its current line, followed by a LineExecuted with its locals), `task`
    FramePopped,         // `frame`, `task`
    LineExecuted,        // a statement starts, or a loop goes back to its `for`/`while` line for the next
                         // iteration: `frame`, `line`, `task`, `locals` = what changed in the frame's locals
                         // since its previous line event (see `Event::locals`; none for module and class
                         // bodies)
    // ---- exceptions
    //
    // An exception is raised in a frame, leaves frames one by one
    // (Propagated, then the frame's FramePopped: it is then in the caller,
    // the new top of that stack), and ends caught, stored in a task or
    // future, or uncaught (the program stops with it in flight). Lines that
    // run in between are `finally` bodies and `__exit__` methods.
    ExceptionRaised,     // `excType`, `excMessage`, `frame`, `line`, `task`; also when a caught exception
                         // is raised again, and when one is thrown into a coroutine at its await
    ExceptionPropagated, // leaves a frame unhandled: `frame`, `task`, `excType`, `excMessage`
    ExceptionCaught,     // an except clause takes it (or a `with` suppresses it, or a `return` in a
                         // `finally` drops it): `frame`, `line`, `excType`; `frame` 0: native code
                         // absorbed it (hasattr(), the end of a `for` over a user iterator, the loop's
                         // exception handler), noticed at the next statement
    ExceptionStored,     // set on a task or future as its outcome: `future` (a task's id for a task),
                         // `excType`, `excMessage`
    ExceptionReraised,   // thrown into an awaiting task when it wakes because the future it awaited holds
                         // an exception or was cancelled: `task`, `future`, `excType`, `excMessage`
    ExceptionUnretrieved,// a failed task or future is collected and nobody ever asked for its exception:
                         // asyncio reports "Task exception was never retrieved" (the report follows as
                         // output): `future`, `task` (= `future` for a task), `excType`, `excMessage`
    // ---- cancellation
    CancelRequested,     // Task.cancel(): `task`, `text` = the message's repr (empty: none), `frame` and
                         // `line` = the await where the task is suspended (0: not suspended)
    CancelDelivered,     // that request's CancelledError is thrown into the task's coroutine: `task`,
                         // `frame` and `line` = the exact await it lands at, `excType`, `excMessage`
    // ---- output
    OutputWritten,       // the program wrote `text`; `isStderr` tells the stream, `task` who wrote it
};

// A stable lower-case name per kind ("loop_iteration_begin"), used by the
// serialisers; `kindFromName` is its inverse (false for an unknown name).
std::string_view kindName(EventKind kind);
bool kindFromName(std::string_view name, EventKind& kind);
// One past the last kind, for tables and generated tests.
constexpr int kEventKindCount = int(EventKind::OutputWritten) + 1;

struct Event {
    uint64_t seq = 0;        // position in the trace, from 0; assigned by the recorder
    double time = 0.0;       // loop time (asyncio's virtual clock) when the event happened
    EventKind kind = EventKind::OutputWritten;
    uint64_t task = 0;       // task id (the task's future id); 0: none, or code outside any task
    uint64_t handle = 0;     // handle id (ready-queue callbacks and timers share one numbering); 0: none
    uint64_t future = 0;     // future id (tasks included); 0: none
    uint64_t timer = 0;      // timer handle id (equal to `handle` on timer events); 0: none
    uint64_t frame = 0;      // frame serial number; 0: none
    uint64_t object = 0;     // a primitive's id (or, FutureChained, the inner future); 0: none
    std::string function;    // qualified function name of the frame or coroutine
    std::string file;        // source file of the frame
    int line = 0;            // source line (1-based); 0: unknown
    std::string label;       // readable name: "Task-2.__step", "print_later(3)", a task name
    std::string text;        // payload: written output, a result's repr, a cancel message
    std::string excType;     // exception class name ("ValueError"); empty: no exception
    std::string excMessage;  // str() of the exception
    double value = 0.0;      // kind-specific number: deadline, timeout, new clock, iteration
    bool isStderr = false;   // OutputWritten: true for stderr
    // LineExecuted: the change of the frame's locals since its previous line
    // event, as (name, repr) entries applied in order: an empty repr removes
    // the name (it was deleted or unbound); a name already present gets the
    // new repr in place; a new name is appended. Applied to the frame's list
    // from its previous line event (empty for the first), they give the
    // frame's locals in slot order. The runtime reports every local at every
    // line; `TraceRecorder` stores only this difference, and the snapshot
    // fold rebuilds the full list. A repr is never empty: it is made without
    // running user code (no __repr__, __eq__ or __hash__ of the program) and
    // cut to about 80 characters with "…".
    std::vector<std::pair<std::string, std::string>> locals;

    bool operator==(const Event&) const = default;
};

// The byte that stands for a number in EventView::labelTemplate.
inline constexpr char kLabelNumberMarker = '\x01';

// One local variable as the runtime reports it (views into the caller's memory).
struct LocalView {
    std::string_view name;
    std::string_view repr;  // empty: unbound (when reprs are rendered on demand: not rendered)
    // When reprs are rendered on demand (EventView::renderLocal):
    bool bound = true;      // false: unbound
    uint64_t identity = 0;  // nonzero: a key that fixes the repr (a local with the same key as
                            // at the frame's previous line event has the same repr); 0: unknown
};

// The same fields as `Event`, without owning anything: what the runtime hands
// to a `Recorder`, so that recording builds no strings or vectors of its own.
// The views only need to live for the duration of the call.
struct EventView {
    EventKind kind = EventKind::OutputWritten;
    uint64_t seq = 0;        // used by Trace::append only; a recorder numbers events itself
    double time = 0.0;       // idem: a recorder stamps the clock itself
    uint64_t task = 0;
    uint64_t handle = 0;
    uint64_t future = 0;
    uint64_t timer = 0;
    uint64_t frame = 0;
    uint64_t object = 0;
    std::string_view function;
    std::string_view file;
    int line = 0;
    std::string_view label;
    // Instead of `label` (left empty): the label whose text is
    // `labelTemplate` with its kLabelNumberMarker byte, if it has one,
    // replaced by `labelNumber` in decimal. The template is text that never
    // changes (a string literal: a recorder may know it by its address),
    // holds no digit and at most one marker, and the number is below 10^18,
    // so that the trace stores it exactly as it stores that text, and no
    // text need be built or parsed.
    std::string_view labelTemplate;
    uint64_t labelNumber = 0;
    std::string_view text;
    std::string_view excType;
    std::string_view excMessage;
    double value = 0.0;
    bool isStderr = false;
    const LocalView* locals = nullptr;  // LineExecuted: `localCount` entries (see Event::locals)
    size_t localCount = 0;
    // The names point to storage that lives as long as the frame (the
    // runtime's code objects): a recorder may recognise a name by its address.
    bool stableLocalNames = false;
    // When set, the reprs of a LineExecuted's locals are rendered on demand,
    // only for those the recorder needs (those whose identity changed):
    // renderLocal(renderContext, i, out) appends the repr of local i to `out`.
    void (*renderLocal)(const void* context, size_t index, std::string& out) = nullptr;
    const void* renderContext = nullptr;
};

// An OutputWritten event (the one event the runtime records outside asyncio).
inline Event outputEvent(std::string_view text, bool isStderr, uint64_t seq = 0) {
    Event e;
    e.seq = seq;
    e.kind = EventKind::OutputWritten;
    e.text = std::string(text);
    e.isStderr = isStderr;
    return e;
}

}  // namespace ascope::trace
