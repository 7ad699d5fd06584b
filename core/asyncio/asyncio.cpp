#include "asyncio/asyncio.h"

#include "runtime/builtins.h"
#include "runtime/tracing.h"
#include "trace/trace.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace ascope::aio {

using namespace rt;

namespace {
constexpr double kClockResolution = 1e-9;
constexpr double kMaximumSelectTimeout = 24 * 3600;
constexpr size_t kMinScheduledTimerHandles = 100;
constexpr double kMinCancelledTimerHandlesFraction = 0.5;

std::string addressOf(const rt::Object* p) { return rt::addressText(p); }
}  // namespace

// ------------------------------------------------------------ trace events
//
// Recording must not change what the program does: labels are built without
// running Python code (no user __repr__, no attribute lookup on user
// objects), and every call site tests `in.recorder` first.
namespace {

using trace::EventKind;

// A task's step and wake-up callbacks (below).
Value taskStepCb(Interp& in, CallArgs& a);
Value taskWakeupCb(Interp& in, CallArgs& a);

void recordLoop(Interp& in, EventKind kind, double value) {
    trace::EventView e;
    e.kind = kind;
    e.value = value;
    in.recorder->record(e);
}


// How the trace shows tasks and futures in reprs: "<Task Task-2>", "<Future #5>".
bool describeNative(const Value& v, std::string& out) {
    // The type first: dynamic_cast is slow, and this runs for every local at every line.
    if (!v.obj()->type()->isSubclassOf(asyncioTypes().future)) return false;
    if (auto* task = dynamic_cast<TaskObject*>(v.obj())) {
        out.assign("<Task ");
        out += isStr(task->name) ? std::string_view(asStr(task->name)->s) : std::string_view("Task");
        out += '>';
        return true;
    }
    if (auto* f = dynamic_cast<FutureObject*>(v.obj())) {
        char id[24];
        auto end = std::to_chars(id, id + sizeof id, f->id).ptr;
        out.assign("<Future #");
        out.append(id, end);
        out += '>';
        return true;
    }
    return false;
}

// repr() without running user code (runtime/tracing.h).
std::string traceRepr(Interp& in, const Value& v) {
    if (v.isNull()) return "";
    return tracing::safeRepr(v, 60);
}

std::string exceptionText(Interp& in, const Value& exc) { return tracing::safeMessage(exc); }

// Where a task's coroutine is suspended: its innermost frame (null: nowhere).
const Frame* suspendedFrameOf(const TaskObject& t) {
    return t.coro.isObj(Kind::Generator) ? t.coro.as<GeneratorObject>()->suspendedFrame() : nullptr;
}

constexpr const char* kStepSuffix = ".__step";
constexpr const char* kWakeupSuffix = ".__wakeup";

// The number of a default task name, "Task-12": 12, as the trace would read
// it in a label (a whole number without leading zeros, below 10^18).
bool defaultTaskNumber(const Value& name, uint64_t& number) {
    if (!isStr(name)) return false;
    std::string_view s = asStr(name)->s;
    constexpr std::string_view kPrefix = "Task-";
    if (s.size() <= kPrefix.size() || s.size() > kPrefix.size() + 18 || s.substr(0, kPrefix.size()) != kPrefix)
        return false;
    std::string_view digits = s.substr(kPrefix.size());
    if (digits[0] == '0' && digits.size() > 1) return false;
    number = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return false;
        number = number * 10 + uint64_t(c - '0');
    }
    return true;
}

// The label of a task's step or wake-up, "Task-2.__step": for a default name
// as a template and its number (no text to build), else written into `r`.
// A sleep's timer: the label handleLabel would write, as a template and the
// future's number (100,000 sleeping tasks keep 100,000 of these handles).
constexpr const char* kSleepTimerTemplate = "_set_result_unless_cancelled(<Future #\x01>, None)";

void labelTaskCallback(trace::EventView& e, const Value& name, const char* suffix, std::string& r) {
    if (suffix == kSleepTimerTemplate) {
        e.labelTemplate = suffix;
        e.labelNumber = uint64_t(name.asInt());
        return;
    }
    uint64_t number;
    if (defaultTaskNumber(name, number)) {
        e.labelTemplate = suffix == kStepSuffix ? std::string_view("Task-\x01.__step") : std::string_view("Task-\x01.__wakeup");
        e.labelNumber = number;
        return;
    }
    r.assign(isStr(name) ? std::string_view(asStr(name)->s) : std::string_view("Task"));
    r += suffix;
    e.label = r;
}

// "print_later(3)", "Future.set_result(None)", written into `r` (a buffer
// reused from event to event). For a task's step or wake-up only `task`,
// `suffix` and `taskName` (the task's name) are set (see labelTaskCallback);
// for a sleep's timer, `suffix` is kSleepTimerTemplate and `taskName` the
// future's number.
void handleLabel(Interp& in, const Value& callback, const std::vector<Value>& args, uint64_t& task, std::string& r,
                 const char*& suffix, Value& taskName) {
    task = 0;
    suffix = nullptr;
    r.clear();
    bool showArgs = true;
    if (callback.isObj(Kind::Builtin)) {
        auto* b = callback.as<BuiltinObject>();
        if (b->fn == taskStepCb || b->fn == taskWakeupCb) {
            // Made by boundStep/boundWakeup: bound to a task.
            auto* t = static_cast<TaskObject*>(b->self.obj());
            task = t->id;
            suffix = b->fn == taskStepCb ? kStepSuffix : kWakeupSuffix;
            taskName = t->name;
            return;
        }
        if (args.size() == 2 && args[1].isNone() && isFuture(args[0]) && !dynamic_cast<TaskObject*>(args[0].obj()) &&
            std::string_view(b->name) == "_set_result_unless_cancelled") {
            suffix = kSleepTimerTemplate;
            taskName = Value::integer(int64_t(static_cast<FutureObject*>(args[0].obj())->id));
            return;
        }
        bool onTask = b->self.isObj(Kind::Native) && b->self.obj()->type()->isSubclassOf(asyncioTypes().task);
        TaskObject* t = onTask ? dynamic_cast<TaskObject*>(b->self.obj()) : nullptr;
        std::string_view method = b->name;
        if (t && (method == "task_step" || method == "task_wakeup")) {
            task = t->id;
            suffix = method == "task_step" ? kStepSuffix : kWakeupSuffix;
            taskName = t->name;
            return;
        }
        if (b->self.isObj(Kind::Native) && dynamic_cast<FutureObject*>(b->self.obj())) r += "Future.";
        r += method;
    } else if (callback.isObj(Kind::Function)) {
        r += callback.as<FunctionObject>()->code->qualname;
    } else if (callback.isObj(Kind::BoundMethod)) {
        Value f = callback.as<BoundMethodObject>()->func;
        r += f.isObj(Kind::Function) ? f.as<FunctionObject>()->code->qualname : Interp::typeName(f);
    } else {
        r += Interp::typeName(callback);
        showArgs = false;
    }
    r += '(';
    for (size_t i = 0; showArgs && i < args.size(); ++i) {
        if (i) r += ", ";
        r += traceRepr(in, args[i]);
    }
    r += ')';
}

void recordHandle(Interp& in, EventKind kind, const HandleObject& h) {
    static std::string label;
    trace::EventView e;
    e.kind = kind;
    e.handle = h.id;
    if (auto* timer = h.type() == asyncioTypes().timerHandle ? static_cast<const TimerHandleObject*>(&h) : nullptr) {
        e.timer = h.id;
        if (kind != EventKind::HandleRun && kind != EventKind::HandleSkipped) e.value = timer->when;
    }
    if (kind == EventKind::HandleRun && h.traceLabelled) {
        if (h.traceSuffix) labelTaskCallback(e, h.traceTaskName, h.traceSuffix, label);
        else if (h.traceLabel) e.label = *h.traceLabel;
        e.task = h.traceTask;
    } else if (kind == EventKind::HandleScheduled || kind == EventKind::HandleRun || kind == EventKind::TimerAdded) {
        const char* suffix = nullptr;
        Value taskName;
        handleLabel(in, h.callback, h.args, e.task, label, suffix, taskName);
        if (suffix) labelTaskCallback(e, taskName, suffix, label);
        else e.label = label;
        if (kind != EventKind::HandleRun) {
            h.traceLabelled = true;
            h.traceTask = e.task;
            h.traceSuffix = suffix;
            if (suffix) h.traceTaskName = std::move(taskName);
            else h.traceLabel = std::make_unique<std::string>(label);
        }
    }
    in.recorder->record(e);
}

void recordTask(Interp& in, EventKind kind, const TaskObject& t, uint64_t future = 0, std::string_view label = {}) {
    trace::EventView e;
    e.kind = kind;
    e.task = t.id;
    e.future = future;
    e.label = label;
    in.recorder->record(e);
}

void recordException(Interp& in, EventKind kind, uint64_t task, uint64_t future, const Value& exc,
                     const Frame* at = nullptr) {
    tracing::recordException(in, kind, exc, at ? at->serial : 0, at ? at->line : 0, task, future);
    if (kind == EventKind::ExceptionStored) tracing::exceptionSettled(in);
}

}  // namespace

AsyncioState& state(Interp& in) {
    // Read at every handle, future and task: the address is kept while the
    // interpreter's extensions stay the same.
    thread_local uint64_t cachedGeneration = 0;
    thread_local AsyncioState* cached = nullptr;
    if (cached && cachedGeneration == in.extensionsGeneration()) return *cached;
    auto& slot = in.extension("asyncio");
    if (!slot) {
        slot = std::make_shared<AsyncioState>();
        tracing::describeNative = describeNative;
    }
    cached = static_cast<AsyncioState*>(slot.get());
    cachedGeneration = in.extensionsGeneration();
    return *cached;
}

// ------------------------------------------------------------------ handles

HandleObject::HandleObject(ClassObject* type, Ref<EventLoopObject> l, Value cb, std::vector<Value> a)
    : NativeObject(type), loop(std::move(l)), callback(std::move(cb)), args(std::move(a)) {
    id = ++state(*currentInterp()).handleCounter;
}

void HandleObject::cancel(Interp& in) {
    if (cancelled) return;
    cancelled = true;
    if (in.recorder)
        recordHandle(in, dynamic_cast<TimerHandleObject*>(this) ? EventKind::TimerCancelled : EventKind::HandleCancelled,
                     *this);
    if (auto* th = dynamic_cast<TimerHandleObject*>(this))
        if (th->scheduled) ++loop->timerCancelledCount;
    callback = Value();
    args.clear();
}

std::string HandleObject::callbackText(Interp& in) const {
    if (callback.isNull()) return "";
    return formatCallbackSource(in, callback, args);
}

void HandleObject::run(Interp& in) {
    // The callback and its arguments as they are now (cancel() may clear
    // them meanwhile), the usual few on the stack.
    Value cb = callback;
    constexpr size_t kInline = 4;
    const size_t n = args.size();
    Value inlineArgs[kInline];
    std::vector<Value> heapArgs;
    Value* a = inlineArgs;
    if (n > kInline) {
        heapArgs = args;
        a = heapArgs.data();
    } else {
        std::copy(args.begin(), args.end(), inlineArgs);
    }
    Value pending;
    try {
        CallArgs ca(a, n);
        in.call(cb, ca);
    } catch (PyException& e) {
        pending = std::move(e.exc);
    }
    if (pending.isNull()) return;
    if (in.isInstance(pending, types().SystemExit) || in.isInstance(pending, types().KeyboardInterrupt))
        throw PyException{pending};
    addHandleRunFrame(pending);
    Ref<DictObject> ctx(new DictObject());
    ctx->setStr(intern("message"), makeStr("Exception in callback " + callbackText(in)));
    ctx->setStr(intern("exception"), pending);
    ctx->setStr(intern("handle"), Value(this));
    // Called from Handle._run's `except BaseException as exc:` block.
    HandlingException handling(in, pending);
    loop->callExceptionHandler(in, Value(ctx));
}

TimerHandleObject::TimerHandleObject(Ref<EventLoopObject> l, double w, Value cb, std::vector<Value> a)
    : HandleObject(asyncioTypes().timerHandle, std::move(l), std::move(cb), std::move(a)), when(w) {}

// --------------------------------------------------------------- timer heap

namespace {

using Heap = std::vector<Ref<TimerHandleObject>>;

// heapq._siftdown / _siftup, ported exactly: ties are decided by the heap's
// shape, not by insertion order.
void siftDown(Heap& heap, size_t startpos, size_t pos) {
    Ref<TimerHandleObject> newitem = heap[pos];
    while (pos > startpos) {
        size_t parentpos = (pos - 1) >> 1;
        if (newitem->when < heap[parentpos]->when) {
            heap[pos] = heap[parentpos];
            pos = parentpos;
            continue;
        }
        break;
    }
    heap[pos] = newitem;
}

void siftUp(Heap& heap, size_t pos) {
    size_t endpos = heap.size();
    size_t startpos = pos;
    Ref<TimerHandleObject> newitem = heap[pos];
    size_t childpos = 2 * pos + 1;
    while (childpos < endpos) {
        size_t rightpos = childpos + 1;
        if (rightpos < endpos && !(heap[childpos]->when < heap[rightpos]->when)) childpos = rightpos;
        heap[pos] = heap[childpos];
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    heap[pos] = newitem;
    siftDown(heap, startpos, pos);
}

void heapPush(Heap& heap, Ref<TimerHandleObject> item) {
    heap.push_back(std::move(item));
    siftDown(heap, 0, heap.size() - 1);
}

Ref<TimerHandleObject> heapPop(Heap& heap) {
    Ref<TimerHandleObject> last = heap.back();
    heap.pop_back();
    if (!heap.empty()) {
        Ref<TimerHandleObject> top = heap[0];
        heap[0] = last;
        siftUp(heap, 0);
        return top;
    }
    return last;
}

void heapify(Heap& heap) {
    for (size_t i = heap.size() / 2; i-- > 0;) siftUp(heap, i);
}

}  // namespace

// --------------------------------------------------------------------- loop

EventLoopObject::EventLoopObject() : NativeObject(asyncioTypes().loop) {}

double EventLoopObject::time(Interp& in) const { return state(in).clock; }

void EventLoopObject::checkClosed(Interp& in) const {
    if (closed) in.raise(types().RuntimeError, "Event loop is closed");
}

namespace {
void checkCallback(Interp& in, const Value& cb, const char* method) {
    if (cb.isObj(Kind::Generator) && cb.obj()->type() == types().coroutine)
        in.typeError(std::string("coroutines cannot be used with ") + method + "()");
    if (cb.isObj(Kind::Function) && cb.as<FunctionObject>()->code->isCoroutine)
        in.typeError(std::string("coroutines cannot be used with ") + method + "()");
    bool callable = cb.isObj() && (cb.obj()->kind() == Kind::Function || cb.obj()->kind() == Kind::Builtin ||
                                   cb.obj()->kind() == Kind::BoundMethod || cb.obj()->kind() == Kind::Class ||
                                   !Interp::typeOf(cb)->lookup(names().__call__).isNull());
    if (!callable)
        in.typeError(std::string("a callable object was expected by ") + method + "(), got " + in.repr(cb));
}
}  // namespace

namespace {
// A handle that steps a task resumes the fiber of the task's coroutine: its
// frames start coming in while the handle's events are recorded and the
// step gets under way (a pipeline of thousands of tasks finds them cold).
void prefetchTaskStep(const HandleObject& h) {
    if (!h.callback.isObj(Kind::Builtin)) return;
    auto* b = h.callback.as<BuiltinObject>();
    if (b->fn != taskStepCb && b->fn != taskWakeupCb) return;
    const Value& coro = static_cast<TaskObject*>(b->self.obj())->coro;
    if (coro.isObj(Kind::Generator)) coro.as<GeneratorObject>()->prefetchResume();
}
}  // namespace

Ref<HandleObject> EventLoopObject::callSoon(Interp& in, Value callback, std::vector<Value> args) {
    checkClosed(in);
    Ref<HandleObject> h(new HandleObject(asyncioTypes().handle, Ref<EventLoopObject>(this), std::move(callback),
                                         std::move(args)));
    ready.push_back(h);
    if (in.recorder) recordHandle(in, EventKind::HandleScheduled, *h);
    return h;
}

Ref<TimerHandleObject> EventLoopObject::callAt(Interp& in, double when, Value callback, std::vector<Value> args,
                                               Value whenValue) {
    checkClosed(in);
    Ref<TimerHandleObject> t(new TimerHandleObject(Ref<EventLoopObject>(this), when, std::move(callback), std::move(args)));
    t->whenValue = std::move(whenValue);
    heapPush(scheduled, t);
    t->scheduled = true;
    if (in.recorder) recordHandle(in, EventKind::TimerAdded, *t);
    return t;
}

Ref<TimerHandleObject> EventLoopObject::callLater(Interp& in, double delay, Value callback, std::vector<Value> args) {
    return callAt(in, time(in) + delay, std::move(callback), std::move(args));
}

namespace {
// repr(float) for a finite float: the shortest digits that read back,
// positional when the exponent is in [-4, 16), else "1e-05"; "1.0" rather
// than "1". A few bytes of stack (see appendArgumentText).
void appendFloatRepr(std::string& out, double d) {
    char buf[32];
    if (!std::isfinite(d)) {
        out += std::isnan(d) ? "nan" : d > 0 ? "inf" : "-inf";
        return;
    }
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const std::string_view sci(buf, size_t(r.ptr - buf));
    int exponent = 0;
    const char* digits = sci.data() + sci.find('e') + 1;
    if (*digits == '+') ++digits;   // from_chars takes a minus sign only
    std::from_chars(digits, sci.data() + sci.size(), exponent);
    if (exponent < -4 || exponent >= 16) {
        out += sci;
        return;
    }
    r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    const std::string_view fixed(buf, size_t(r.ptr - buf));
    out += fixed;
    if (fixed.find('.') == std::string_view::npos) out += ".0";
}

// A value in a label or a queue item, written on the task's fiber: every
// stack page it touches stays resident under each of thousands of waiting
// tasks, so numbers are written with a few bytes of stack; anything else goes
// through the general repr.
void appendArgumentText(Interp& in, std::string& out, const Value& v) {
    if (v.isSmallInt()) {
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v.asInt());
        out.append(buf, r.ptr);
        return;
    }
    if (v.isFloat()) {
        appendFloatRepr(out, v.asFloat());
        return;
    }
    out += traceRepr(in, v);
}
}  // namespace

void EventLoopObject::runOnce(Interp& in) {
    AsyncioState& st = aio::state(in);
    uint64_t iteration = ++st.iterationCounter;
    if (in.recorder) recordLoop(in, EventKind::LoopIterationBegin, double(iteration));
    size_t schedCount = scheduled.size();
    if (schedCount > kMinScheduledTimerHandles &&
        double(timerCancelledCount) / double(schedCount) > kMinCancelledTimerHandlesFraction) {
        Heap kept;
        for (auto& h : scheduled) {
            if (h->cancelled) {
                h->scheduled = false;
                if (in.recorder) recordHandle(in, EventKind::TimerRemoved, *h);
            } else {
                kept.push_back(h);
            }
        }
        heapify(kept);
        scheduled = std::move(kept);
        timerCancelledCount = 0;
    } else {
        while (!scheduled.empty() && scheduled[0]->cancelled) {
            --timerCancelledCount;
            Ref<TimerHandleObject> h = heapPop(scheduled);
            h->scheduled = false;
            if (in.recorder) recordHandle(in, EventKind::TimerRemoved, *h);
        }
    }
    // The virtual selector: nothing ever becomes ready by itself, so waiting
    // means jumping the clock to the earliest timer.
    bool haveTimeout = true;
    double timeout = 0;
    if (!ready.empty() || stopping) {
        timeout = 0;
    } else if (!scheduled.empty()) {
        double when = scheduled[0]->when;
        timeout = std::min(std::max(0.0, when - time(in)), kMaximumSelectTimeout);
    } else {
        haveTimeout = false;
    }
    if (!haveTimeout) {
        char clock[64];
        std::snprintf(clock, sizeof clock, "%.4f", st.clock);
        throw AbortRun{std::string("*** deadlock at t=") + clock +
                       ": the loop would block forever (no ready handles, no timers) ***\n" +
                       deadlockDetails(in, this)};
    }
    if (in.recorder) recordLoop(in, EventKind::SelectWait, timeout);
    bool clockMoved = false;
    if (timeout > 0) {
        double old = st.clock;
        double next = (!scheduled.empty() && scheduled[0]->when - old <= timeout) ? std::max(old, scheduled[0]->when)
                                                                                 : old + timeout;
        if (!scheduled.empty() && scheduled[0]->when - old > 2 * timeout) {
            // The timer is days away: the iterations that would each move the
            // clock by the selector's one-day cap run nothing and show
            // nothing; skip to the last of them (the final jump still lands
            // exactly on the deadline).
            const double days = std::floor((scheduled[0]->when - old) / timeout) - 1;
            next = std::max(next, old + days * timeout);
        }
        if (in.recorder) recordLoop(in, EventKind::ClockJump, next);
        clockMoved = next != old;
        st.clock = next;
    }
    double endTime = time(in) + kClockResolution;
    while (!scheduled.empty()) {
        if (scheduled[0]->when >= endTime) break;
        Ref<TimerHandleObject> h = heapPop(scheduled);
        h->scheduled = false;
        ready.push_back(h);
        if (in.recorder) recordHandle(in, EventKind::TimerFired, *h);
    }
    size_t ntodo = ready.size();
    if (ntodo == 0 && !stopping && !scheduled.empty() && !clockMoved) {
        // Nothing ran and the clock did not move: a timer is due by the clock
        // but not within its resolution (past 2**23 seconds or so,
        // `when < now + 1e-9` stays false once the clock has reached `when`),
        // or the clock is too large for the jump to change it. Nothing can
        // change any more; CPython would spin here forever.
        std::string at;
        appendArgumentText(in, at, Value::real(st.clock));
        throw AbortRun{"*** stalled at t=" + at +
                       ": the next timer is due but can never fire (at this clock a float cannot hold "
                       "the loop's 1e-09 s resolution); the loop would spin forever ***"};
    }
    for (size_t i = 0; i < ntodo; ++i) {
        Ref<HandleObject> h = ready.front();
        ready.pop_front();
        if (h->cancelled) {
            if (in.recorder) recordHandle(in, EventKind::HandleSkipped, *h);
            continue;
        }
        prefetchTaskStep(*h);
        if (in.recorder) recordHandle(in, EventKind::HandleRun, *h);
        h->run(in);
    }
    if (in.recorder) recordLoop(in, EventKind::LoopIterationEnd, double(iteration));
}

void EventLoopObject::runForever(Interp& in) {
    checkClosed(in);
    if (running) in.raise(types().RuntimeError, "This event loop is already running");
    AsyncioState& st = aio::state(in);
    if (st.runningLoop) in.raise(types().RuntimeError, "Cannot run the event loop while another loop is running");
    running = true;
    st.runningLoop = Ref<EventLoopObject>(this);
    Value pending;
    try {
        for (;;) {
            runOnce(in);
            if (stopping) break;
        }
    } catch (PyException& e) {
        pending = std::move(e.exc);
    } catch (...) {
        stopping = false;
        running = false;
        st.runningLoop = Ref<EventLoopObject>();
        throw;
    }
    stopping = false;
    running = false;
    st.runningLoop = Ref<EventLoopObject>();
    if (!pending.isNull()) throw PyException{pending};
}

namespace {
Value runUntilCompleteCb(Interp& in, CallArgs& a) {
    auto* fut = static_cast<FutureObject*>(a[0].obj());
    if (fut->state != FutureObject::State::Cancelled) {
        Value exc = fut->exception;
        if (!exc.isNull() && (in.isInstance(exc, types().SystemExit) || in.isInstance(exc, types().KeyboardInterrupt)))
            return Value::none();
    }
    fut->loop->stopping = true;
    return Value::none();
}
}  // namespace

Value EventLoopObject::runUntilComplete(Interp& in, const Value& future) {
    if (closed) {
        Value e = in.newException(types().RuntimeError, "Event loop is closed");
        e.as<ExceptionObject>()->frameRefs.push_back(future);
        in.raiseValue(e);
    }
    if (running) in.raise(types().RuntimeError, "This event loop is already running");
    if (state(in).runningLoop)
        in.raise(types().RuntimeError, "Cannot run the event loop while another loop is running");
    bool newTask = !isFuture(future);
    Value fv = ensureFuture(in, future, this);
    auto* fut = static_cast<FutureObject*>(fv.obj());
    if (newTask)
        if (auto* t = dynamic_cast<TaskObject*>(fut)) t->logDestroyPending = false;
    static Value cb = [] {
        Value v(new BuiltinObject("_run_until_complete_cb", runUntilCompleteCb));
        v.obj()->pin();
        return v;
    }();
    fut->addDoneCallback(in, cb);
    Value pending;
    try {
        runForever(in);
    } catch (PyException& e) {
        pending = std::move(e.exc);
    }
    if (!pending.isNull()) {
        if (newTask && fut->done() && fut->state != FutureObject::State::Cancelled) fut->logTraceback = false;
        fut->removeDoneCallback(in, cb);
        throw PyException{pending};
    }
    fut->removeDoneCallback(in, cb);
    if (!fut->done()) in.raise(types().RuntimeError, "Event loop stopped before Future completed.");
    return fut->getResult(in);
}

void EventLoopObject::close(Interp& in) {
    if (running) in.raise(types().RuntimeError, "Cannot close a running event loop");
    if (closed) return;
    closed = true;
    ready.clear();
    scheduled.clear();
    timerCancelledCount = 0;
}

void EventLoopObject::callExceptionHandler(Interp& in, const Value& context) {
    if (exceptionHandler.isNull() || exceptionHandler.isNone()) {
        Value pending;
        try {
            defaultExceptionHandler(in, context);
        } catch (PyException& e) {
            pending = e.exc;
        }
        if (!pending.isNull()) {
            if (in.isInstance(pending, types().SystemExit) || in.isInstance(pending, types().KeyboardInterrupt))
                throw PyException{pending};
            in.write(true, "Exception in default exception handler\n" + in.formatException(pending));
        }
        return;
    }
    Value pending;
    try {
        in.call(exceptionHandler, {Value(this), context});
    } catch (PyException& e) {
        pending = e.exc;
    }
    if (!pending.isNull()) {
        if (in.isInstance(pending, types().SystemExit) || in.isInstance(pending, types().KeyboardInterrupt))
            throw PyException{pending};
        Value inner;
        try {
            Ref<DictObject> ctx(new DictObject());
            ctx->setStr(intern("message"), makeStr("Unhandled error in exception handler"));
            ctx->setStr(intern("exception"), pending);
            ctx->setStr(intern("context"), context);
            defaultExceptionHandler(in, Value(ctx));
        } catch (PyException& e) {
            inner = e.exc;
        }
        if (!inner.isNull())
            in.write(true, "Exception in default exception handler\n" + in.formatException(inner));
    }
}

void EventLoopObject::defaultExceptionHandler(Interp& in, const Value& context) {
    auto* ctx = context.as<DictObject>();
    Value message = ctx->getStr(intern("message"));
    std::string text = message.isNull() || !in.truthy(message) ? "Unhandled exception in event loop" : in.str(message);
    Value exception = ctx->getStr(intern("exception"));
    std::vector<std::pair<std::string, Value>> items;
    ctx->forEach([&](const Value& k, const Value& v) {
        std::string key = isStr(k) ? asStr(k)->s : in.repr(k);
        if (key == "message" || key == "exception") return;
        items.push_back({key, v});
    });
    std::sort(items.begin(), items.end(), [](auto& a, auto& b) { return a.first < b.first; });
    std::string out = text;
    for (auto& [k, v] : items) out += "\n" + k + ": " + in.repr(v);
    out += "\n";
    if (!exception.isNull() && !exception.isNone()) out += in.formatException(exception);
    in.write(true, out);
}


void recordChain(Interp& in, const FutureObject& outer, const Value& inner) {
    if (!in.recorder || !isFuture(inner)) return;
    trace::EventView e;
    e.kind = EventKind::FutureChained;
    e.future = outer.id;
    e.object = static_cast<FutureObject*>(inner.obj())->id;
    in.recorder->record(e);
}

void recordPrimitive(Interp& in, uint64_t object, const ClassObject* type, double value) {
    if (!in.recorder) return;
    trace::EventView e;
    e.kind = EventKind::PrimitiveCreated;
    e.object = object;
    e.function = type->name;
    // The asyncio class it is: the first built-in one of its MRO.
    for (const ClassObject* c : type->mro)
        if (c->isBuiltin) {
            e.label = c->name;
            break;
        }
    e.value = value;
    in.recorder->record(e);
}

void recordPrimitiveOp(Interp& in, uint64_t object, const char* operation, double value, const Value* item) {
    if (!in.recorder) return;
    // On the task's fiber, for every put and get: a small int is written
    // with a few bytes of stack (see appendArgumentText).
    std::string text;
    if (item) {
        if (item->isSmallInt()) appendArgumentText(in, text, *item);
        else tracing::appendSafeRepr(text, *item, 24);
    }
    trace::EventView e;
    e.kind = EventKind::PrimitiveChanged;
    e.object = object;
    e.labelTemplate = operation;
    e.text = text;
    e.value = value;
    EventLoopObject* loop = state(in).runningLoop.get();
    if (loop && loop->currentTask) e.task = loop->currentTask->id;
    in.recorder->record(e);
}

Ref<FutureObject> EventLoopObject::createFuture(const FutureOrigin& origin) {
    return Ref<FutureObject>(new FutureObject(asyncioTypes().future, Ref<EventLoopObject>(this), origin));
}

Ref<TaskObject> EventLoopObject::createTask(Interp& in, Value coro, Value name, ClassObject* type) {
    checkClosed(in);
    return Ref<TaskObject>(new TaskObject(Ref<EventLoopObject>(this), std::move(coro), std::move(name), type));
}

// ------------------------------------------------------------------ futures


FutureObject::FutureObject(ClassObject* type, Ref<EventLoopObject> l, const FutureOrigin& origin)
    : NativeObject(type), loop(std::move(l)) {
    Interp& in = *currentInterp();
    id = ++aio::state(in).futureCounter;
    traceOrigin = origin.label;
    traceObject = uint32_t(origin.object);
    if (in.recorder && !type->isSubclassOf(asyncioTypes().task)) {
        if (origin.argument) {
            const Value& a = *origin.argument;
            if (a.isSmallInt() && a.asInt() > -(int64_t(1) << 53) && a.asInt() < (int64_t(1) << 53)) {
                traceArgumentKind = TraceArgument::Int;
                traceArgument = double(a.asInt());
            } else if (a.isFloat()) {
                traceArgumentKind = TraceArgument::Float;
                traceArgument = a.asFloat();
            } else {
                traceArgumentKind = TraceArgument::Other;
            }
        }
        std::string buffer;
        trace::EventView e;
        e.kind = EventKind::FutureCreated;
        e.future = id;
        if (traceArgumentKind != TraceArgument::None) e.label = traceLabel(buffer);
        else e.labelTemplate = traceOrigin ? std::string_view(traceOrigin) : std::string_view("Future");
        e.object = traceObject;
        in.recorder->record(e);
    }
}

FutureObject::~FutureObject() = default;

std::string_view FutureObject::traceLabel(std::string& buffer) const {
    if (!traceOrigin) return {};
    if (traceArgumentKind == TraceArgument::None) return traceOrigin;
    buffer = traceOrigin;
    buffer += '(';
    char digits[32];
    if (traceArgumentKind == TraceArgument::Int) {
        auto r = std::to_chars(digits, digits + sizeof digits, int64_t(traceArgument));
        buffer.append(digits, r.ptr);
    } else if (traceArgumentKind == TraceArgument::Float) {
        appendFloatRepr(buffer, traceArgument);
    } else {
        buffer += "…";
    }
    buffer += ')';
    return buffer;
}

const char* FutureObject::stateName() const {
    switch (state) {
    case State::Pending: return "PENDING";
    case State::Cancelled: return "CANCELLED";
    case State::Finished: return "FINISHED";
    }
    return "?";
}

void FutureObject::scheduleCallbacks(Interp& in) {
    std::vector<Value> cbs;
    cbs.swap(callbacks);
    for (Value& cb : cbs) loop->callSoon(in, cb, {Value(this)});
}

void FutureObject::setResult(Interp& in, Value v) {
    if (state != State::Pending) in.raiseValue(in.newException(asyncioTypes().invalidStateError, "invalid state"));
    result = std::move(v);
    state = State::Finished;
    if (in.recorder) {
        trace::EventView e;
        e.kind = EventKind::FutureDone;
        e.future = id;
        e.text = "result";
        in.recorder->record(e);
    }
    scheduleCallbacks(in);
}

void FutureObject::setException(Interp& in, Value exc) {
    if (state != State::Pending) in.raiseValue(in.newException(asyncioTypes().invalidStateError, "invalid state"));
    if (exc.isObj(Kind::Class)) exc = in.call(exc, {});
    if (Interp::typeOf(exc) == types().StopIteration)
        in.typeError("StopIteration interacts badly with generators and cannot be raised into a Future");
    exception = std::move(exc);
    state = State::Finished;
    if (in.recorder) recordException(in, EventKind::ExceptionStored, 0, id, exception);
    scheduleCallbacks(in);
    logTraceback = true;
}

bool FutureObject::cancel(Interp& in, Value msg) {
    logTraceback = false;
    if (state != State::Pending) return false;
    state = State::Cancelled;
    cancelMessage = std::move(msg);
    if (in.recorder) {
        trace::EventView e;
        e.kind = EventKind::FutureDone;
        e.future = id;
        e.text = "cancelled";
        in.recorder->record(e);
    }
    scheduleCallbacks(in);
    return true;
}

void FutureObject::addDoneCallback(Interp& in, Value fn) {
    if (state != State::Pending) loop->callSoon(in, std::move(fn), {Value(this)});
    else callbacks.push_back(std::move(fn));
}

int64_t FutureObject::removeDoneCallback(Interp& in, const Value& fn) {
    size_t before = callbacks.size();
    std::vector<Value> kept;
    for (Value& cb : callbacks) {
        bool same = cb.is(fn);
        if (!same && cb.isObj(Kind::Builtin) && fn.isObj(Kind::Builtin)) {
            auto* a = cb.as<BuiltinObject>();
            auto* b = fn.as<BuiltinObject>();
            same = a->fn == b->fn && a->self.is(b->self);
        }
        if (!same && !cb.isObj(Kind::Builtin)) same = in.eq(cb, fn);
        if (!same) kept.push_back(cb);
    }
    callbacks = std::move(kept);
    return int64_t(before - callbacks.size());
}

Value FutureObject::makeCancelledError(Interp& in) {
    if (!cancelledExc.isNull() && !cancelledExc.isNone()) {
        Value e = cancelledExc;
        cancelledExc = Value();
        return e;
    }
    Value e = newCancelledError(in, cancelMessage);
    cancelledExc = Value();
    return e;
}

Value FutureObject::getResult(Interp& in) {
    if (state == State::Cancelled) in.raiseValue(makeCancelledError(in));
    if (state != State::Finished) in.raiseValue(in.newException(asyncioTypes().invalidStateError, "Result is not set."));
    logTraceback = false;
    if (!exception.isNull()) {
        Value e = exception;
        in.attachContext(e);
        throw PyException{e};
    }
    return result;
}

Value FutureObject::getException(Interp& in) {
    if (state == State::Cancelled) in.raiseValue(makeCancelledError(in));
    if (state != State::Finished)
        in.raiseValue(in.newException(asyncioTypes().invalidStateError, "Exception is not set."));
    logTraceback = false;
    return exception.isNull() ? Value::none() : exception;
}

void FutureObject::finalize() {
    if (!logTraceback) return;
    Interp* in = currentInterp();
    if (!in || !loop) return;
    if (in->recorder) {
        bool isTask = type()->isSubclassOf(asyncioTypes().task);
        recordException(*in, EventKind::ExceptionUnretrieved, isTask ? id : 0, id, exception);
    }
    Ref<DictObject> ctx(new DictObject());
    ctx->setStr(intern("message"), makeStr(Interp::typeOf(Value(this))->name + " exception was never retrieved"));
    ctx->setStr(intern("exception"), exception);
    ctx->setStr(intern("future"), Value(this));
    Value pending;
    try {
        loop->callExceptionHandler(*in, Value(ctx));
    } catch (PyException& e) {
        pending = e.exc;
    }
}

// --------------------------------------------------------------------- tasks

namespace {
Value taskStepCb(Interp& in, CallArgs& a) {
    auto* t = static_cast<TaskObject*>(a[0].obj());
    t->step(in, a.size() > 1 ? a[1] : Value());
    return Value::none();
}
Value taskWakeupCb(Interp& in, CallArgs& a) {
    auto* t = static_cast<TaskObject*>(a[0].obj());
    t->wakeup(in, a[1]);
    return Value::none();
}
Value boundStep(TaskObject* t) { return Value(new BuiltinObject("task_step", taskStepCb, Value(t))); }
Value boundWakeup(TaskObject* t) { return Value(new BuiltinObject("task_wakeup", taskWakeupCb, Value(t))); }
}  // namespace

TaskObject::TaskObject(Ref<EventLoopObject> l, Value c, Value n, ClassObject* type)
    : FutureObject(type ? type : asyncioTypes().task, std::move(l)), coro(std::move(c)) {
    Interp& in = *currentInterp();
    AsyncioState& st = aio::state(in);
    if (n.isNull() || n.isNone()) name = makeStr("Task-" + std::to_string(++st.taskCounter));
    else name = isStr(n) ? n : in.strValue(n);
    if (in.recorder) {
        trace::EventView e;
        e.kind = EventKind::TaskCreated;
        e.task = e.future = id;
        e.label = isStr(name) ? std::string_view(asStr(name)->s) : std::string_view("Task");
        if (coro.isObj(Kind::Generator) && coro.as<GeneratorObject>()->qualname)
            e.function = coro.as<GeneratorObject>()->qualname->s;
        in.recorder->record(e);
    }
    loop->callSoon(in, boundStep(this), {});
    st.liveTasks[id] = this;
}

TaskObject::~TaskObject() {
    if (Interp* in = currentInterp()) {
        aio::state(*in).liveTasks.erase(id);
    }
}

bool TaskObject::cancel(Interp& in, Value msg) {
    logTraceback = false;
    if (done()) return false;
    ++numCancelsRequested;
    if (in.recorder) {
        std::string text = !msg.isNull() && !msg.isNone() ? traceRepr(in, msg) : std::string();
        trace::EventView e;
        e.kind = EventKind::CancelRequested;
        e.task = id;
        e.text = text;
        if (const Frame* at = suspendedFrameOf(*this)) {
            e.frame = at->serial;
            e.line = at->line;
        }
        in.recorder->record(e);
    }
    cancelUndelivered = true;
    if (!futWaiter.isNull() && !futWaiter.isNone()) {
        auto* w = static_cast<FutureObject*>(futWaiter.obj());
        if (w->cancel(in, msg)) return true;
    }
    mustCancel = true;
    cancelMessage = std::move(msg);
    return true;
}

void TaskObject::step(Interp& in, Value exc) {
    if (done())
        in.raiseValue(in.newException(asyncioTypes().invalidStateError,
                                      "_step(): already done: " + in.repr(Value(this)) + ", " +
                                          (exc.isNull() ? std::string("None") : in.repr(exc))));
    Ref<TaskObject> keep(this);
    if (mustCancel) {
        if (exc.isNull() || !in.isInstance(exc, asyncioTypes().cancelledError)) exc = makeCancelledError(in);
        mustCancel = false;
    }
    futWaiter = Value();
    Ref<TaskObject> previous = loop->currentTask;
    if (previous)
        in.raise(types().RuntimeError, "Cannot enter into task " + in.repr(Value(this)) + " while another task " +
                                           in.repr(Value(previous)) + " is being executed.");
    loop->currentTask = keep;
    if (in.recorder) {
        recordTask(in, EventKind::TaskStarted, *this);
        if (cancelUndelivered && !exc.isNull() && in.isInstance(exc, asyncioTypes().cancelledError))
            recordException(in, EventKind::CancelDelivered, id, 0, exc, suspendedFrameOf(*this));
    }
    if (!exc.isNull() && in.isInstance(exc, asyncioTypes().cancelledError)) cancelUndelivered = false;
    Value out;
    GeneratorObject::Outcome outcome;
    Value pending;
    try {
        auto* g = coro.as<GeneratorObject>();
        outcome = g->resume(in, exc.isNull() ? Value::none() : Value(), exc, out, GeneratorObject::Resumer::Awaiter);
    } catch (PyException& e) {
        pending = e.exc;
        outcome = GeneratorObject::Outcome::Raised;
    } catch (...) {
        loop->currentTask = Ref<TaskObject>();
        throw;
    }
    if (!pending.isNull()) out = pending;
    if (in.recorder && outcome != GeneratorObject::Outcome::Yielded) {
        trace::Event e;
        e.task = id;
        if (outcome == GeneratorObject::Outcome::Returned) {
            e.kind = mustCancel ? EventKind::TaskCancelled : EventKind::TaskDone;
            e.text = mustCancel ? std::string() : traceRepr(in, out);
        } else if (in.isInstance(out, asyncioTypes().cancelledError)) {
            e.kind = EventKind::TaskCancelled;
        } else {
            e.kind = EventKind::TaskFailed;
            e.excType = Interp::typeName(out);
            e.excMessage = exceptionText(in, out);
        }
        in.recorder->record(e);
        tracing::exceptionSettled(in);
    }
    Value fatal;
    switch (outcome) {
    case GeneratorObject::Outcome::Returned:
        if (mustCancel) {
            mustCancel = false;
            FutureObject::cancel(in, cancelMessage);
        } else {
            FutureObject::setResult(in, out);
        }
        break;
    case GeneratorObject::Outcome::Raised:
        // The coroutine's locals stay with its exception (as its frame does in
        // CPython), but not this task itself: the task will hold the exception.
        if (out.isObj(Kind::Exception)) {
            auto& refs = out.as<ExceptionObject>()->frameRefs;
            refs.erase(std::remove_if(refs.begin(), refs.end(), [this](const Value& v) { return v.is(Value(this)); }),
                       refs.end());
        }
        if (in.isInstance(out, asyncioTypes().cancelledError)) {
            cancelledExc = out;
            FutureObject::cancel(in, Value());
        } else if (in.isInstance(out, types().KeyboardInterrupt) || in.isInstance(out, types().SystemExit)) {
            FutureObject::setException(in, out);
            fatal = out;
        } else {
            FutureObject::setException(in, out);
        }
        break;
    case GeneratorObject::Outcome::Yielded: {
        if (isFuture(out)) {
            auto* f = static_cast<FutureObject*>(out.obj());
            if (f->loop.get() != loop.get()) {
                Value e = in.newException(types().RuntimeError, "Task " + in.repr(Value(this)) + " got Future " +
                                                                    in.repr(out) + " attached to a different loop");
                loop->callSoon(in, boundStep(this), {e});
            } else if (f->blocking) {
                if (f == this) {
                    Value e = in.newException(types().RuntimeError, "Task cannot await on itself: " + in.repr(Value(this)));
                    loop->callSoon(in, boundStep(this), {e});
                } else {
                    f->blocking = false;
                    f->addDoneCallback(in, boundWakeup(this));
                    futWaiter = out;
                    if (mustCancel) {
                        if (f->cancel(in, cancelMessage)) mustCancel = false;
                    }
                }
            } else {
                Value e = in.newException(types().RuntimeError, "yield was used instead of yield from in task " +
                                                                    in.repr(Value(this)) + " with " + in.repr(out));
                loop->callSoon(in, boundStep(this), {e});
            }
        } else if (out.isNone()) {
            loop->callSoon(in, boundStep(this), {});
        } else if (out.isObj(Kind::Generator) && out.obj()->type() == types().generator) {
            Value e = in.newException(types().RuntimeError, "yield was used instead of yield from for generator in task " +
                                                                in.repr(Value(this)) + " with " + in.repr(out));
            loop->callSoon(in, boundStep(this), {e});
        } else {
            Value e = in.newException(types().RuntimeError, "Task got bad yield: " + in.repr(out));
            loop->callSoon(in, boundStep(this), {e});
        }
        break;
    }
    }
    if (in.recorder && outcome == GeneratorObject::Outcome::Yielded) {
        auto* waiter = isFuture(futWaiter) ? static_cast<FutureObject*>(futWaiter.obj()) : nullptr;
        trace::EventView e;
        e.kind = EventKind::TaskSuspended;
        e.task = id;
        static std::string waiterRepr;  // reused from event to event
        if (waiter) {
            e.future = waiter->id;
            e.object = waiter->traceObject;
            if (waiter->traceOrigin && waiter->traceArgumentKind == TraceArgument::None) {
                // What made it: "Queue.get()", "gather()".
                e.labelTemplate = waiter->traceOrigin;
            } else if (waiter->traceOrigin) {
                e.label = waiter->traceLabel(waiterRepr);   // "sleep(0.5)"
            } else if (waiter->type()->isSubclassOf(asyncioTypes().future) && !dynamic_cast<TaskObject*>(waiter)) {
                // Its repr, "<Future #5>" (describeNative), as a template and number.
                e.labelTemplate = "<Future #\x01>";
                e.labelNumber = waiter->id;
            } else {
                waiterRepr.clear();
                tracing::appendSafeRepr(waiterRepr, futWaiter, 60);
                e.label = waiterRepr;
            }
        }
        in.recorder->record(e);
    }
    loop->currentTask = previous;
    if (!fatal.isNull()) throw PyException{fatal};
}

void TaskObject::wakeup(Interp& in, const Value& fut) {
    auto* f = static_cast<FutureObject*>(fut.obj());
    if (in.recorder) {
        recordTask(in, EventKind::TaskResumed, *this, f->id);
        if (f->state == State::Finished && !f->exception.isNull())
            recordException(in, EventKind::ExceptionReraised, id, f->id, f->exception);
        else if (f->state == State::Cancelled && !cancelUndelivered) {
            trace::EventView e;
            e.kind = EventKind::ExceptionReraised;
            e.task = id;
            e.future = f->id;
            e.excType = "CancelledError";
            in.recorder->record(e);
        }
    }
    if (f->state == State::Cancelled) {
        step(in, f->makeCancelledError(in));
        return;
    }
    if (f->state == State::Finished) {
        f->logTraceback = false;
        if (!f->exception.isNull()) {
            step(in, f->exception);
            return;
        }
        step(in, Value());
        return;
    }
    step(in, in.newException(asyncioTypes().invalidStateError, "Result is not set."));
}

void TaskObject::finalize() {
    Interp* in = currentInterp();
    if (in && state == State::Pending && logDestroyPending && loop) {
        Ref<DictObject> ctx(new DictObject());
        ctx->setStr(intern("task"), Value(this));
        ctx->setStr(intern("message"), makeStr("Task was destroyed but it is pending!"));
        Value pending;
        try {
            loop->callExceptionHandler(*in, Value(ctx));
        } catch (PyException& e) {
            pending = e.exc;
        }
    }
    FutureObject::finalize();
}

// ------------------------------------------------------------------ helpers

bool isFuture(const Value& v) {
    return v.isObj(Kind::Native) && dynamic_cast<FutureObject*>(v.obj()) != nullptr;
}

Value newCancelledError(Interp& in, const Value& msg) {
    if (msg.isNull() || msg.isNone()) return in.newException(asyncioTypes().cancelledError, std::vector<Value>{});
    return in.newException(asyncioTypes().cancelledError, std::vector<Value>{msg});
}

Ref<EventLoopObject> getRunningLoop(Interp& in) { return state(in).runningLoop; }

}  // namespace ascope::aio
