// The asyncio module: event loop, handles, futures and tasks.
//
// Why it is built this way: every ordering CPython's asyncio produces comes
// from a handful of rules in base_events.py, futures.py and tasks.py (the
// ready deque, the heapq of timers, done callbacks scheduled with call_soon,
// a task step per handle). These classes are a line-by-line port of those
// rules in C++, with the same state names and the same messages, so a
// scenario prints what CPython prints in the same order. Everything else in
// the module (gather, queues, locks, timeouts) is built from these pieces the
// way CPython builds it.
//
// A task's coroutine runs on its own fiber; coroutines it awaits run inline
// on that fiber (see GeneratorObject::runInline).
//
// The loop's clock is virtual: it starts at 0.0, continues across loops of
// one run, and only jumps to the next timer when nothing is ready.
#pragma once

#include "runtime/generator.h"
#include "runtime/interp.h"

#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace ascope::aio {

using rt::CallArgs;
using rt::ClassObject;
using rt::Interp;
using rt::Ref;
using rt::Value;

class EventLoopObject;
class TaskObject;

// The classes of the module, created once per process.
struct AsyncioTypes {
    ClassObject *future, *task, *handle, *timerHandle, *loop, *futureIter, *gatheringFuture;
    ClassObject *cancelledError, *invalidStateError, *incompleteReadError, *limitOverrunError,
        *sendfileNotAvailableError, *brokenBarrierError, *queueEmpty, *queueFull;
};
const AsyncioTypes& asyncioTypes();

// Per-run state of the module (one per interpreter).
struct AsyncioState {
    double clock = 0.0;                  // the virtual clock, seconds
    Ref<EventLoopObject> runningLoop;    // set while a loop runs
    Ref<EventLoopObject> eventLoop;      // set_event_loop()
    bool eventLoopSetCalled = false;     // the policy's _set_called: no implicit loop any more
    int64_t taskCounter = 0;             // names Task-1, Task-2...
    uint64_t handleCounter = 0;          // ids of handles and timer handles, from 1 per run
    uint64_t futureCounter = 0;          // ids of futures and tasks, from 1 per run
    uint64_t primitiveCounter = 0;       // ids of Queues, Locks, Events... (the trace's `object`)
    uint64_t iterationCounter = 0;       // loop iterations run so far (the trace numbers them)
    // Every task alive, in creation order, keyed by its future id (all_tasks
    // is a weak set in CPython; removal must stay cheap with 100k tasks).
    std::map<uint64_t, TaskObject*> liveTasks;
};
AsyncioState& state(Interp& in);

class HandleObject : public rt::NativeObject {
public:
    HandleObject(ClassObject* type, Ref<EventLoopObject> loop, Value callback, std::vector<Value> args);
    Ref<EventLoopObject> loop;
    Value callback;
    std::vector<Value> args;
    bool cancelled = false;
    // Recording: the trace's label and task of the callback, made when the
    // handle is scheduled and shown again when it runs. A task's step or
    // wake-up keeps the task's name as it was then and the suffix
    // (".__step"), so that scheduling one copies no text; a sleep's timer
    // a template and the future's number (in traceSuffix and traceTaskName);
    // any other callback the label's text, on the heap (100,000 sleeping
    // tasks keep a timer handle each: it must stay small).
    mutable bool traceLabelled = false;
    uint64_t id = 0;
    mutable std::unique_ptr<std::string> traceLabel;
    mutable Value traceTaskName;
    mutable const char* traceSuffix = nullptr;
    mutable uint64_t traceTask = 0;
    void cancel(Interp& in);
    void run(Interp& in);
    std::string callbackText(Interp& in) const;  // "cb(0)", "Task.task_wakeup()"
};

class TimerHandleObject : public HandleObject {
public:
    TimerHandleObject(Ref<EventLoopObject> loop, double when, Value callback, std::vector<Value> args);
    double when;
    Value whenValue;  // `when` as given to call_at (an int stays an int in repr() and when())
    bool scheduled = false;
};

// What made a future, for the trace (FutureCreated's label and object).
struct FutureOrigin {
    const char* label = nullptr; // "Queue.get()", "gather()" (static text); with `argument`: "sleep" → "sleep(0.5)"
    uint64_t object = 0;         // the primitive whose waiter it is
    const Value* argument = nullptr;
};

class FutureObject : public rt::NativeObject {
public:
    enum class State { Pending, Cancelled, Finished };
    FutureObject(ClassObject* type, Ref<EventLoopObject> loop, const FutureOrigin& origin = {});
    ~FutureObject() override;

    State state = State::Pending;
    Value result;
    Value exception;
    Value cancelMessage;
    Value cancelledExc;
    std::vector<Value> callbacks;
    Ref<EventLoopObject> loop;
    bool logTraceback = false;
    bool blocking = false;  // _asyncio_future_blocking
    // What made it (packed beside the flags: every task is a future too, and
    // 100,000 of them must stay small), for FutureCreated and TaskSuspended
    // ("Queue.get()", "sleep(0.5)") and the deadlock report ("the Future of
    // Lock.acquire()"), and the primitive it belongs to. The argument only
    // while recording.
    enum class TraceArgument : uint8_t { None, Int, Float, Other } traceArgumentKind = TraceArgument::None;
    uint32_t traceObject = 0;
    const char* traceOrigin = nullptr;  // FutureOrigin::label (static text); null: a plain future
    double traceArgument = 0;           // with traceArgumentKind Int or Float
    // The label: traceOrigin, or "sleep(0.5)" built in `buffer`.
    std::string_view traceLabel(std::string& buffer) const;
    uint64_t id = 0;

    bool done() const { return state != State::Pending; }
    void setResult(Interp& in, Value v);
    void setException(Interp& in, Value exc);
    virtual bool cancel(Interp& in, Value msg);
    void addDoneCallback(Interp& in, Value fn);
    int64_t removeDoneCallback(Interp& in, const Value& fn);
    Value getResult(Interp& in);     // result(): raises the exception / CancelledError
    Value getException(Interp& in);  // exception()
    Value makeCancelledError(Interp& in);
    void scheduleCallbacks(Interp& in);
    const char* stateName() const;

    bool hasFinalizer() const override { return true; }
    void finalize() override;
};

class TaskObject : public FutureObject {
public:
    TaskObject(Ref<EventLoopObject> loop, Value coro, Value name, ClassObject* type = nullptr);
    ~TaskObject() override;

    Value coro;
    Value name;
    Value futWaiter;
    int64_t numCancelsRequested = 0;
    bool mustCancel = false;
    // cancel() succeeded and its CancelledError has not reached the
    // coroutine yet (for the trace: CancelDelivered, not a re-raise).
    bool cancelUndelivered = false;
    bool logDestroyPending = true;

    bool cancel(Interp& in, Value msg) override;
    void step(Interp& in, Value exc);
    void wakeup(Interp& in, const Value& fut);
    void finalize() override;
};

// gather()'s outer future (tasks._GatheringFuture): cancelling it cancels
// the children.
class GatheringFuture : public FutureObject {
public:
    explicit GatheringFuture(Ref<EventLoopObject> l);
    std::vector<Value> children;
    bool cancelRequested = false;
    bool returnExceptions = false;
    size_t finished = 0;
    size_t distinct = 0;  // number of different futures among the children
    bool cancel(Interp& in, Value msg) override;
};

class EventLoopObject : public rt::NativeObject {
public:
    EventLoopObject();
    std::deque<Ref<HandleObject>> ready;
    std::vector<Ref<TimerHandleObject>> scheduled;  // a heapq ordered by `when`
    int64_t timerCancelledCount = 0;
    bool stopping = false;
    bool closed = false;
    bool running = false;
    Value exceptionHandler;
    Ref<TaskObject> currentTask;
    // Async generators first iterated while this loop ran, in that order: a
    // weak set like CPython's _asyncgens (a generator leaves it when it is
    // finalized), emptied by shutdown_asyncgens().
    std::vector<rt::GeneratorObject*> asyncgens;
    bool asyncgensShutdownCalled = false;

    double time(Interp& in) const;
    void checkClosed(Interp& in) const;
    Ref<HandleObject> callSoon(Interp& in, Value callback, std::vector<Value> args);
    Ref<TimerHandleObject> callAt(Interp& in, double when, Value callback, std::vector<Value> args,
                                  Value whenValue = Value());
    Ref<TimerHandleObject> callLater(Interp& in, double delay, Value callback, std::vector<Value> args);
    void runOnce(Interp& in);
    void runForever(Interp& in);
    Value runUntilComplete(Interp& in, const Value& future);
    void close(Interp& in);
    void callExceptionHandler(Interp& in, const Value& context);
    void defaultExceptionHandler(Interp& in, const Value& context);
    Ref<FutureObject> createFuture(const FutureOrigin& origin = {});
    Ref<TaskObject> createTask(Interp& in, Value coro, Value name, ClassObject* type = nullptr);
};

// Registers the `asyncio` and `time` modules with an interpreter.
void installAsyncio(Interp& in);

// Adds Lock, Event, Condition, Semaphore, BoundedSemaphore, Queue,
// PriorityQueue and LifoQueue to the asyncio module (sync_primitives.cpp).
void installSyncPrimitives(rt::DictObject* asyncioModuleDict);

// While alive, `exc` is the exception being handled, as inside an `except`
// block (or a `with` statement's __exit__ call after an exception): what is
// raised meanwhile gets it as __context__, and coroutines resumed meanwhile
// see it, as in CPython.
class HandlingException {
public:
    HandlingException(Interp& in, const Value& exc) : m_stack(in.handled()) { m_stack->items.push_back(exc); }
    ~HandlingException() { m_stack->items.pop_back(); }
    HandlingException(const HandlingException&) = delete;
    HandlingException& operator=(const HandlingException&) = delete;

private:
    rt::HandledStack* m_stack;
};

// Helpers shared by the module's files.
bool isFuture(const Value& v);
Value ensureFuture(Interp& in, const Value& v, EventLoopObject* loop);
Ref<EventLoopObject> getRunningLoop(Interp& in);      // null when none
Ref<EventLoopObject> getEventLoop(Interp& in);        // get_event_loop() semantics
Value newCancelledError(Interp& in, const Value& msg);
// A delay or deadline in seconds (int, float or an int-like object); TypeError otherwise.
double toDelay(Interp& in, const Value& v, const char* what);
Value makeNativeCoroutine(const std::string& name, rt::GeneratorObject::NativeBody body);
// combinators.cpp: wait, wait_for, shield, timeouts, TaskGroup, async generator protocol.
void installCombinators(rt::DictObject* asyncioModuleDict);
// timeouts.cpp: Timeout, timeout, timeout_at.
void installTimeouts(rt::DictObject* asyncioModuleDict);
// as_completed.cpp (after installSyncPrimitives: it uses the module's Queue).
void installAsCompleted(rt::DictObject* asyncioModuleDict);
// barrier.cpp: Barrier (built on the module's Condition).
void installBarrier(rt::DictObject* asyncioModuleDict);
// reprs.cpp: the text of asyncio's objects, as CPython builds it.
std::string reprlibRepr(Interp& in, const Value& x);                    // reprlib.repr(x)
std::string formatCallbackSource(Interp& in, const Value& func, const std::vector<Value>& args);
std::string coroutineRepr(Interp& in, const Value& coro);               // coroutines._format_coroutine
std::string futureReprText(Interp& in, const Value& future);            // Future/Task __repr__
std::string handleReprText(Interp& in, const Value& handle);            // Handle/TimerHandle __repr__
// Callbacks that stand for functools.partial(fn, self) in CPython (shown as
// "fn(<self>)(args)").
void markPartialCallback(rt::NativeFn fn);
// Recording (no-ops without a recorder): `outer` completes when `inner`
// (a future or task) is done (FutureChained); a primitive came to be
// (PrimitiveCreated) or an operation changed it (PrimitiveChanged, `item`
// for a queue's put and get).
void recordChain(Interp& in, const FutureObject& outer, const Value& inner);
void recordPrimitive(Interp& in, uint64_t object, const ClassObject* type, double value);
// `operation` is static text ("put"); `value` is the state after it (see
// PrimitiveChanged; 0 for a queue, whose size follows from its items).
void recordPrimitiveOp(Interp& in, uint64_t object, const char* operation, double value, const Value* item = nullptr);
// deadlock.cpp: the lines after "*** deadlock at t=...": each pending task
// of the loop, where it is suspended and what it waits for.
std::string deadlockDetails(Interp& in, EventLoopObject* loop);
// Prepends the frame of events.Handle._run to the traceback of an exception
// that escaped a callback.
void addHandleRunFrame(const Value& exc);
// task_stack.cpp: Task.print_stack().
void installTaskStack(ClassObject* taskClass);
// at_exit.cpp: the last cyclic garbage collection of the program, for the
// pending tasks nothing can reach (run before the main module is cleared).
void collectAtExit(Interp& in);
// runners.cpp: Runner and run().
void installRunners(rt::DictObject* asyncioModuleDict);
// runners._cancel_all_tasks(loop): cancels the loop's pending tasks and runs
// the loop until they are done, reporting exceptions other than cancellation.
void cancelAllTasks(Interp& in, EventLoopObject* loop);

}  // namespace ascope::aio
