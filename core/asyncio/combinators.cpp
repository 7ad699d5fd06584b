// asyncio's combinators (wait, wait_for, as_completed, shield, timeouts,
// TaskGroup) and the async-generator protocol (__anext__, asend, athrow,
// aclose) with the loop's first-iteration and finalizer hooks.
//
// Why it is built this way: each function is a statement-by-statement port of
// CPython 3.11.7's tasks.py / timeouts.py / taskgroups.py built on the native
// Future/Task/loop of asyncio.cpp, so callbacks are scheduled in the same
// order and the same messages come out. Async generators run on fibers like
// coroutines; their own `yield v` surfaces from resume() as the tuple
// ('__asyncgen_yield__', v), anything else they yield is an await passing
// through to the task driving them.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace ascope::aio {

using namespace rt;

namespace {

// ------------------------------------------------------------ async generators

using Outcome = GeneratorObject::Outcome;

GeneratorObject* agenOf(const Value& v) { return v.as<GeneratorObject>(); }

// The loop each async generator was first iterated in (CPython keeps the
// generators in a WeakSet of the loop; the finalizer needs only the loop).
std::unordered_map<GeneratorObject*, Ref<EventLoopObject>>& agenLoops() {
    static std::unordered_map<GeneratorObject*, Ref<EventLoopObject>> m;
    return m;
}

bool isAgenYield(const Value& out, Value& v) {
    if (!out.isObj(Kind::Tuple)) return false;
    auto* t = out.as<TupleObject>();
    if (t->items.size() != 2 || !t->items[0].is(Value(intern("__asyncgen_yield__")))) return false;
    v = t->items[1];
    return true;
}


// The awaitables of anext()/asend()/athrow()/aclose(): CPython throws an
// exception thrown into a not-yet-started awaitable straight into the async
// generator (a task cancelled before its first step still runs the
// generator's `finally`). The native coroutine is therefore primed: it starts
// at once and waits at a first suspension; what is thrown there is handed to
// the body, which throws it into the generator.
using AgenBody = std::function<Value(Interp&, GeneratorObject&, Value thrown)>;
Value makePrimed(Interp& in, const std::string& name, AgenBody body) {
    Value co = makeNativeCoroutine(name, [body](Interp& in, GeneratorObject& self) -> Value {
        Value thrown;
        try {
            self.yield(in, Value());
        } catch (PyException& e) {
            thrown = e.exc;
        }
        if (!thrown.isNull() && in.isInstance(thrown, types().GeneratorExit)) throw PyException{thrown};
        return body(in, self, thrown);
    });
    // CPython's __anext__/asend return an async_generator_asend, athrow and aclose an async_generator_athrow.
    co.as<GeneratorObject>()->builtinAwaitable = name == "athrow" || name == "aclose"
        ? GeneratorObject::BuiltinAwaitable::AsyncGeneratorAthrow
        : GeneratorObject::BuiltinAwaitable::AsyncGeneratorAsend;
    Value out;
    co.as<GeneratorObject>()->resume(in, Value::none(), Value(), out);
    return co;
}

// _asyncgen_finalizer_hook: schedule loop.create_task(agen.aclose()).
Value makeAclose(Interp& in, const Value& agen);

void forgetAsyncgen(EventLoopObject* loop, GeneratorObject* g) {
    auto& v = loop->asyncgens;
    v.erase(std::remove(v.begin(), v.end(), g), v.end());
}

// BaseEventLoop._asyncgen_finalizer_hook(agen): called when an async
// generator first iterated while a loop ran is finalized unfinished.
void finalizerHook(Interp& in, GeneratorObject* g) {
    auto& m = agenLoops();
    auto it = m.find(g);
    if (it == m.end()) return;
    Ref<EventLoopObject> loop = it->second;
    m.erase(it);
    forgetAsyncgen(loop.get(), g);  // self._asyncgens.discard(agen)
    if (g->state != GeneratorObject::State::Suspended) return;  // exhausted or closed: no finalizer
    if (loop->closed) return;
    Value agen(g);
    Value aclose = makeAclose(in, agen);
    Value createTask = in.getAttr(Value(loop), intern("create_task"));
    loop->callSoon(in, createTask, {aclose});  // call_soon_threadsafe(self.create_task, agen.aclose())
}

// async_gen_init_hooks: runs on the first anext()/asend()/athrow()/aclose()
// while a loop runs (the loop's sys.set_asyncgen_hooks): the finalizer is
// remembered and _asyncgen_firstiter_hook adds the generator to the loop's set.
void initHooks(Interp& in, GeneratorObject* g) {
    if (g->state != GeneratorObject::State::Created) return;
    if (agenLoops().count(g)) return;
    Ref<EventLoopObject> loop = getRunningLoop(in);
    if (!loop) return;
    asyncGeneratorFinalizer = finalizerHook;
    agenLoops()[g] = loop;
    if (loop->asyncgensShutdownCalled)
        in.warn(types().ResourceWarning, "asynchronous generator " + in.repr(Value(g)) +
                                             " was scheduled after loop.shutdown_asyncgens() call");
    loop->asyncgens.push_back(g);
}

// Drives the async generator until its own next yield: awaits inside it pass
// through the awaiting coroutine `self`.
Value agenDrive(Interp& in, GeneratorObject& self, GeneratorObject* g, Value sent, Value thrown, bool closing) {
    for (;;) {
        Value out;
        Outcome o = g->resume(in, sent, thrown, out, GeneratorObject::Resumer::Awaiter);
        if (o == Outcome::Yielded) {
            Value v;
            if (isAgenYield(out, v)) {
                g->detachFrames(in);  // its own yield: the value goes to the `async for`
                if (closing) in.raise(types().RuntimeError, "async generator ignored GeneratorExit");
                return v;
            }
            Value pending;
            try {
                sent = self.yield(in, out);
                thrown = Value();
            } catch (PyException& e) {
                pending = e.exc;
            }
            if (!pending.isNull()) {
                sent = Value();
                thrown = pending;
            }
            continue;
        }
        if (o == Outcome::Returned) {
            if (closing) return Value::none();
            in.raiseValue(in.newException(types().StopAsyncIteration, std::vector<Value>{}));
        }
        if (closing && (in.isInstance(out, types().GeneratorExit) || in.isInstance(out, types().StopAsyncIteration)))
            return Value::none();
        throw PyException{out};
    }
}

Value agenAnext(Interp& in, CallArgs& a) {
    Value agen = a[0];
    initHooks(in, agenOf(agen));
    return makePrimed(in, "__anext__", [agen](Interp& in, GeneratorObject& self, Value thrown) -> Value {
        return agenDrive(in, self, agenOf(agen), thrown.isNull() ? Value::none() : Value(), thrown, false);
    });
}

Value agenAsend(Interp& in, CallArgs& a) {
    a.check(in, "asend", 2, 2);
    Value agen = a[0], v = a[1];
    initHooks(in, agenOf(agen));
    return makePrimed(in, "asend", [agen, v](Interp& in, GeneratorObject& self, Value thrown) -> Value {
        return agenDrive(in, self, agenOf(agen), thrown.isNull() ? v : Value(), thrown, false);
    });
}

Value agenAthrow(Interp& in, CallArgs& a) {
    if (a.size() < 2) in.typeError("athrow expected at least 1 argument, got 0");
    Value typ = a[1];
    Value exc;
    if (typ.isObj(Kind::Class) && typ.as<ClassObject>()->isSubclassOf(types().BaseException)) {
        if (a.size() > 2 && !a[2].isNone())
            exc = in.isInstance(a[2], typ.as<ClassObject>()) ? a[2] : in.call(typ, {a[2]});
        else
            exc = in.call(typ, {});
    } else if (in.isInstance(typ, types().BaseException)) {
        exc = typ;
    } else {
        in.typeError("exceptions must be classes or instances deriving from BaseException, not " +
                     Interp::typeName(typ));
    }
    Value agen = a[0];
    initHooks(in, agenOf(agen));
    return makePrimed(in, "athrow", [agen, exc](Interp& in, GeneratorObject& self, Value thrown) -> Value {
        GeneratorObject* g = agenOf(agen);
        if (!thrown.isNull()) return agenDrive(in, self, g, Value(), thrown, false);
        if (g->state == GeneratorObject::State::Finished)
            in.raiseValue(in.newException(types().StopAsyncIteration, std::vector<Value>{}));
        return agenDrive(in, self, g, Value(), exc, false);
    });
}

Value makeAclose(Interp& in, const Value& agen) {
    return makePrimed(in, "aclose", [agen](Interp& in, GeneratorObject& self, Value thrown) -> Value {
        GeneratorObject* g = agenOf(agen);
        if (!thrown.isNull()) return agenDrive(in, self, g, Value(), thrown, true);
        if (g->state == GeneratorObject::State::Created) {
            g->close(in);
            return Value::none();
        }
        if (g->state == GeneratorObject::State::Finished) return Value::none();
        Value ge = in.newException(types().GeneratorExit, std::vector<Value>{});
        return agenDrive(in, self, g, Value(), ge, true);
    });
}

Value agenAclose(Interp& in, CallArgs& a) {
    initHooks(in, agenOf(a[0]));
    return makeAclose(in, a[0]);
}

Value agenAiter(Interp& in, CallArgs& a) { return a[0]; }

Value agenRunning(Interp& in, const Value& self) {
    return Value::boolean(agenOf(self)->state == GeneratorObject::State::Running);
}


// ------------------------------------------------------------------ tasks.py

FutureObject* futOf(const Value& v) { return static_cast<FutureObject*>(v.obj()); }

double toSeconds(Interp& in, const Value& v) {
    if (v.isFloat()) return v.asFloat();
    return double(in.toIndex(v));
}

// _release_waiter(waiter, *args)
Value releaseWaiterFn(Interp& in, CallArgs& a) {
    FutureObject* w = futOf(a[0]);
    if (!w->done()) w->setResult(in, Value::none());
    return Value::none();
}
Value releaseWaiterCallback(const Value& waiter) { return Value(new BuiltinObject("_release_waiter", releaseWaiterFn, waiter)); }

bool isCoroutine(const Value& v) { return v.isObj(Kind::Generator) && v.obj()->type() == types().coroutine; }

Value timeoutErrorFrom(Interp& in, const Value& exc) {
    Value e = in.newException(types().TimeoutError, std::vector<Value>{});
    auto* eo = e.as<ExceptionObject>();
    eo->cause = exc;
    eo->context = exc;
    eo->suppressContext = true;
    return e;
}

// _cancel_and_wait(fut, loop)
void cancelAndWait(Interp& in, GeneratorObject& self, EventLoopObject* loop, const Value& f) {
    Value waiter(loop->createFuture());
    Value cb = releaseWaiterCallback(waiter);
    futOf(f)->addDoneCallback(in, cb);
    Value pending;
    try {
        futOf(f)->cancel(in, Value::none());
        self.awaitFrom(in, waiter);
    } catch (PyException& e) {
        pending = e.exc;
    }
    futOf(f)->removeDoneCallback(in, cb);
    if (!pending.isNull()) throw PyException{pending};
}

struct WaitState {
    Value waiter;
    Ref<TimerHandleObject> timeoutHandle;
    int64_t counter = 0;
    std::string returnWhen;
};

class WaitStateObject : public NativeObject {
public:
    explicit WaitStateObject() : NativeObject(types().object) {}
    WaitState st;
};

// _wait(fs, timeout, return_when, loop)
Value waitImpl(Interp& in, GeneratorObject& self, const std::vector<Value>& fs, const Value& timeout,
               const std::string& returnWhen, EventLoopObject* loop) {
    auto* ws = new WaitStateObject();
    Value wsv(ws);
    ws->st.waiter = Value(loop->createFuture({"wait()"}));
    for (const Value& f : fs) recordChain(in, *futOf(ws->st.waiter), f);
    ws->st.returnWhen = returnWhen;
    if (!timeout.isNone())
        ws->st.timeoutHandle =
            loop->callLater(in, toSeconds(in, timeout), Value(new BuiltinObject("_release_waiter", releaseWaiterFn)),
                            {ws->st.waiter});
    ws->st.counter = int64_t(fs.size());
    Value onCompletion(new BuiltinObject(
        "_wait.<locals>._on_completion",
        [](Interp& in, CallArgs& a) -> Value {
            WaitState& st = static_cast<WaitStateObject*>(a[0].obj())->st;
            FutureObject* f = futOf(a[1]);
            st.counter -= 1;
            if (st.counter <= 0 || st.returnWhen == "FIRST_COMPLETED" ||
                (st.returnWhen == "FIRST_EXCEPTION" &&
                 (f->state != FutureObject::State::Cancelled && !f->getException(in).isNone()))) {
                if (st.timeoutHandle) st.timeoutHandle->cancel(in);
                if (!futOf(st.waiter)->done()) futOf(st.waiter)->setResult(in, Value::none());
            }
            return Value::none();
        },
        wsv));
    for (const Value& f : fs) futOf(f)->addDoneCallback(in, onCompletion);
    Value pending;
    try {
        self.awaitFrom(in, ws->st.waiter);
    } catch (PyException& e) {
        pending = e.exc;
    }
    if (ws->st.timeoutHandle) ws->st.timeoutHandle->cancel(in);
    for (const Value& f : fs) futOf(f)->removeDoneCallback(in, onCompletion);
    if (!pending.isNull()) throw PyException{pending};
    Value done(new SetObject(types().set, Kind::Set));
    Value pend(new SetObject(types().set, Kind::Set));
    for (const Value& f : fs) (futOf(f)->done() ? done : pend).as<SetObject>()->add(in, f);
    return makeTuple({done, pend});
}

Value asyncioWait(Interp& in, CallArgs& a) {
    Value timeout = a.kw("timeout");
    Value rw = a.kw("return_when");
    a.checkKeywordsConsumed(in, "wait");
    if (a.size() < 1) in.typeError("wait() missing 1 required positional argument: 'fs'");
    a.check(in, "wait", 1, 1);
    if (timeout.isNull()) timeout = Value::none();
    if (rw.isNull()) rw = makeStr("ALL_COMPLETED");
    Value fsArg = a[0];
    return makeNativeCoroutine("wait", [fsArg, timeout, rw](Interp& in, GeneratorObject& self) -> Value {
        if (isFuture(fsArg) || isCoroutine(fsArg))
            in.typeError("expect a list of futures, not " + Interp::typeName(fsArg));
        if (!in.truthy(fsArg)) in.valueError("Set of Tasks/Futures is empty.");
        std::string r = isStr(rw) ? asStr(rw)->s : "";
        if (r != "FIRST_COMPLETED" && r != "FIRST_EXCEPTION" && r != "ALL_COMPLETED")
            in.valueError("Invalid return_when value: " + in.str(rw));
        Ref<EventLoopObject> loop = getRunningLoop(in);
        if (!loop) in.raise(types().RuntimeError, "no running event loop");
        Value fsSet(new SetObject(types().set, Kind::Set));
        for (const Value& f : in.toVector(fsArg)) fsSet.as<SetObject>()->add(in, f);
        std::vector<Value> fs = in.toVector(fsSet);
        for (const Value& f : fs)
            if (isCoroutine(f)) in.typeError("Passing coroutines is forbidden, use tasks explicitly.");
        for (const Value& f : fs)
            if (!isFuture(f)) in.raise(types().AttributeError, "'" + Interp::typeName(f) + "' object has no attribute 'add_done_callback'");
        return waitImpl(in, self, fs, timeout, r, loop.get());
    });
}

// wait_for(fut, timeout), 3.11
Value asyncioWaitFor(Interp& in, CallArgs& a) {
    Value futArg = a.size() > 0 ? a[0] : a.kw("fut");
    Value timeout = a.size() > 1 ? a[1] : a.kw("timeout");
    a.checkKeywordsConsumed(in, "wait_for");
    if (futArg.isNull()) in.typeError("wait_for() missing 2 required positional arguments: 'fut' and 'timeout'");
    if (timeout.isNull()) in.typeError("wait_for() missing 1 required positional argument: 'timeout'");
    return makeNativeCoroutine("wait_for", [futArg, timeout](Interp& in, GeneratorObject& self) -> Value {
        Ref<EventLoopObject> loop = getRunningLoop(in);
        if (!loop) in.raise(types().RuntimeError, "no running event loop");
        if (timeout.isNone()) return self.awaitFrom(in, futArg);
        double t = toSeconds(in, timeout);
        if (t <= 0) {
            Value f = ensureFuture(in, futArg, loop.get());
            if (futOf(f)->done()) return futOf(f)->getResult(in);
            cancelAndWait(in, self, loop.get(), f);
            Value pending;
            Value r;
            try {
                r = futOf(f)->getResult(in);
            } catch (PyException& e) {
                pending = e.exc;
            }
            if (!pending.isNull()) {
                if (in.isInstance(pending, asyncioTypes().cancelledError)) throw PyException{timeoutErrorFrom(in, pending)};
                throw PyException{pending};
            }
            return r;
        }
        Value waiter(loop->createFuture({"wait_for()"}));
        Ref<TimerHandleObject> timeoutHandle =
            loop->callLater(in, t, Value(new BuiltinObject("_release_waiter", releaseWaiterFn)), {waiter});
        Value cb = releaseWaiterCallback(waiter);
        Value f;
        Value pending;
        Value result;
        try {
            f = ensureFuture(in, futArg, loop.get());
            recordChain(in, *futOf(waiter), f);
            futOf(f)->addDoneCallback(in, cb);
            Value inner;
            try {
                self.awaitFrom(in, waiter);
            } catch (PyException& e) {
                inner = e.exc;
            }
            if (!inner.isNull()) {
                if (!in.isInstance(inner, asyncioTypes().cancelledError)) throw PyException{inner};
                if (futOf(f)->done()) {
                    result = futOf(f)->getResult(in);
                } else {
                    futOf(f)->removeDoneCallback(in, cb);
                    cancelAndWait(in, self, loop.get(), f);
                    throw PyException{inner};
                }
            } else if (futOf(f)->done()) {
                result = futOf(f)->getResult(in);
            } else {
                futOf(f)->removeDoneCallback(in, cb);
                cancelAndWait(in, self, loop.get(), f);
                Value p2;
                try {
                    result = futOf(f)->getResult(in);
                } catch (PyException& e) {
                    p2 = e.exc;
                }
                if (!p2.isNull()) {
                    if (in.isInstance(p2, asyncioTypes().cancelledError)) throw PyException{timeoutErrorFrom(in, p2)};
                    throw PyException{p2};
                }
            }
        } catch (PyException& e) {
            pending = e.exc;
        }
        timeoutHandle->cancel(in);
        if (!pending.isNull()) throw PyException{pending};
        return result;
    });
}



// shield(arg)
Value innerDoneCallback(Interp& in, CallArgs& a) {
    FutureObject* outer = futOf(a[0]);
    FutureObject* inner = futOf(a[1]);
    if (outer->state == FutureObject::State::Cancelled) {
        if (inner->state != FutureObject::State::Cancelled) inner->getException(in);
        return Value::none();
    }
    if (inner->state == FutureObject::State::Cancelled) {
        outer->cancel(in, Value::none());
    } else {
        Value exc = inner->getException(in);
        if (!exc.isNone()) outer->setException(in, exc);
        else outer->setResult(in, inner->getResult(in));
    }
    return Value::none();
}

Value asyncioShield(Interp& in, CallArgs& a) {
    a.check(in, "shield", 1, 1);
    Value inner = ensureFuture(in, a[0], nullptr);
    if (futOf(inner)->done()) return inner;
    Value outer(futOf(inner)->loop->createFuture({"shield()"}));
    recordChain(in, *futOf(outer), inner);
    Value innerCb(new BuiltinObject("shield.<locals>._inner_done_callback", innerDoneCallback, outer));
    Value pair = makeTuple({inner, innerCb});
    Value outerCb(new BuiltinObject(
        "shield.<locals>._outer_done_callback",
        [](Interp& in, CallArgs& a) -> Value {
            auto* p = a[0].as<TupleObject>();
            if (!futOf(p->items[0])->done()) futOf(p->items[0])->removeDoneCallback(in, p->items[1]);
            return Value::none();
        },
        pair));
    futOf(inner)->addDoneCallback(in, innerCb);
    futOf(outer)->addDoneCallback(in, outerCb);
    return outer;
}

// ------------------------------------------------------------- taskgroups.py

class TaskGroupObject : public NativeObject {
public:
    explicit TaskGroupObject(ClassObject* c) : NativeObject(c) { tasks = Value(new SetObject(types().set, Kind::Set)); }
    bool entered = false, exiting = false, aborting = false, parentCancelRequested = false;
    Ref<EventLoopObject> loop;
    Value parentTask;
    Value tasks;  // a set, like CPython's
    std::vector<Value> errors;
    Value baseError;
    Value onCompletedFut;
    SetObject* taskSet() { return tasks.as<SetObject>(); }
    bool hasTasks(Interp& in) { return in.len(tasks) > 0; }
};

TaskGroupObject* tg(const Value& v) { return static_cast<TaskGroupObject*>(v.obj()); }

bool isBaseError(Interp& in, const Value& exc) {
    return in.isInstance(exc, types().SystemExit) || in.isInstance(exc, types().KeyboardInterrupt);
}

void tgAbort(Interp& in, TaskGroupObject* g) {
    g->aborting = true;
    for (const Value& t : in.toVector(g->tasks))
        if (!futOf(t)->done()) futOf(t)->cancel(in, Value::none());
}

Value tgOnTaskDone(Interp& in, CallArgs& a) {
    TaskGroupObject* g = tg(a[0]);
    Value t = a[1];
    in.callMethod(g->tasks, intern("discard"), {t});
    if (!g->onCompletedFut.isNull() && !g->hasTasks(in))
        if (!futOf(g->onCompletedFut)->done()) futOf(g->onCompletedFut)->setResult(in, Value::boolean(true));
    if (futOf(t)->state == FutureObject::State::Cancelled) return Value::none();
    Value exc = futOf(t)->getException(in);
    if (exc.isNone()) return Value::none();
    g->errors.push_back(exc);
    if (isBaseError(in, exc) && g->baseError.isNull()) g->baseError = exc;
    if (futOf(g->parentTask)->done()) {
        Ref<DictObject> ctx(new DictObject());
        ctx->setStr(intern("message"), makeStr("Task " + in.repr(t) + " has errored out but its parent task " +
                                               in.str(g->parentTask) + " is already completed"));
        ctx->setStr(intern("exception"), exc);
        ctx->setStr(intern("task"), t);
        g->loop->callExceptionHandler(in, Value(ctx));
        return Value::none();
    }
    if (!g->aborting && !g->parentCancelRequested) {
        tgAbort(in, g);
        g->parentCancelRequested = true;
        futOf(g->parentTask)->cancel(in, Value::none());
    }
    return Value::none();
}

Value tgNew(Interp& in, CallArgs& a) {
    a.check(in, "TaskGroup", 1, 1);
    return Value(new TaskGroupObject(a[0].as<ClassObject>()));
}

Value tgRepr(Interp& in, CallArgs& a) {
    TaskGroupObject* g = tg(a[0]);
    std::string info;
    if (g->hasTasks(in)) info += " tasks=" + std::to_string(in.len(g->tasks));
    if (!g->errors.empty()) info += " errors=" + std::to_string(g->errors.size());
    if (g->aborting) info += " cancelling";
    else if (g->entered) info += " entered";
    return makeStr("<TaskGroup" + info + ">");
}

Value tgAenter(Interp& in, CallArgs& a) {
    Value self = a[0];
    return makeNativeCoroutine("__aenter__", [self](Interp& in, GeneratorObject&) -> Value {
        TaskGroupObject* g = tg(self);
        if (g->entered) in.raise(types().RuntimeError, "TaskGroup " + in.repr(self) + " has already been entered");
        if (!g->loop) {
            g->loop = getRunningLoop(in);
            if (!g->loop) in.raise(types().RuntimeError, "no running event loop");
        }
        g->parentTask = g->loop->currentTask ? Value(g->loop->currentTask) : Value::none();
        if (g->parentTask.isNone())
            in.raise(types().RuntimeError, "TaskGroup " + in.repr(self) + " cannot determine the parent task");
        g->entered = true;
        return self;
    });
}

Value tgAexit(Interp& in, CallArgs& a) {
    a.check(in, "__aexit__", 4, 4);
    Value self = a[0], et = a[1], exc = a[2];
    return makeNativeCoroutine("__aexit__", [self, et, exc](Interp& in, GeneratorObject& co) -> Value {
        TaskGroupObject* g = tg(self);
        g->exiting = true;
        if (!exc.isNone() && isBaseError(in, exc) && g->baseError.isNull()) g->baseError = exc;
        bool etIsCancelled = et.is(Value(asyncioTypes().cancelledError));
        Value propagate = etIsCancelled ? exc : Value();
        if (g->parentCancelRequested) {
            Value r = in.callMethod(g->parentTask, intern("uncancel"), {});
            if (r.isSmallInt() && r.asInt() == 0) propagate = Value();
        }
        if (!et.isNone())
            if (!g->aborting) tgAbort(in, g);
        while (g->hasTasks(in)) {
            if (g->onCompletedFut.isNull()) {
                g->onCompletedFut = Value(g->loop->createFuture({"TaskGroup"}));
                if (in.recorder)
                    for (const Value& t : in.toVector(g->tasks)) recordChain(in, *futOf(g->onCompletedFut), t);
            }
            Value ex;
            try {
                co.awaitFrom(in, g->onCompletedFut);
            } catch (PyException& e) {
                ex = e.exc;
            }
            if (!ex.isNull()) {
                if (!in.isInstance(ex, asyncioTypes().cancelledError)) throw PyException{ex};
                if (!g->aborting) {
                    propagate = ex;
                    tgAbort(in, g);
                }
            }
            g->onCompletedFut = Value();
        }
        if (!g->baseError.isNull()) throw PyException{g->baseError};
        if (!propagate.isNull() && !propagate.isNone() && g->errors.empty()) throw PyException{propagate};
        if (!et.isNone() && !etIsCancelled) g->errors.push_back(exc);
        if (!g->errors.empty()) {
            std::vector<Value> errs;
            errs.swap(g->errors);
            Value me = in.call(Value(types().BaseExceptionGroup),
                               {makeStr("unhandled errors in a TaskGroup"), makeList(std::move(errs))});
            auto* eo = me.as<ExceptionObject>();
            eo->cause = Value::none();
            eo->suppressContext = true;
            throw PyException{me};
        }
        return Value::none();
    });
}

Value tgCreateTask(Interp& in, CallArgs& a) {
    Value name = a.kw("name");
    a.kw("context");
    a.checkKeywordsConsumed(in, "create_task");
    a.check(in, "create_task", 2, 2);
    Value self = a[0];
    TaskGroupObject* g = tg(self);
    // create_task's frame in the traceback keeps the coroutine alive
    auto refuse = [&](ClassObject* type, const std::string& msg) {
        Value e = in.newException(type, msg);
        e.as<ExceptionObject>()->frameRefs.push_back(a[1]);
        in.raiseValue(e);
    };
    if (!g->entered) refuse(types().RuntimeError, "TaskGroup " + in.repr(self) + " has not been entered");
    if (g->exiting && !g->hasTasks(in)) refuse(types().RuntimeError, "TaskGroup " + in.repr(self) + " is finished");
    if (g->aborting) refuse(types().RuntimeError, "TaskGroup " + in.repr(self) + " is shutting down");
    if (!isCoroutine(a[1])) refuse(types().TypeError, "a coroutine was expected, got " + in.repr(a[1]));
    // loop.create_task(coro) names it Task-N; _set_task_name() renames it after.
    Value t(g->loop->createTask(in, a[1], Value()));
    if (!name.isNull() && !name.isNone()) in.callMethod(t, intern("set_name"), {name});
    Value cb(new BuiltinObject("TaskGroup._on_task_done", tgOnTaskDone, self));
    if (futOf(t)->done()) {
        Value args[2] = {self, t};
        CallArgs ca(args, 2);
        tgOnTaskDone(in, ca);
    } else {
        g->taskSet()->add(in, t);
        futOf(t)->addDoneCallback(in, cb);
    }
    return t;
}

ClassObject* taskGroupClass() {
    static ClassObject* c = [] {
        auto* k = new ClassObject(types().type, "TaskGroup", Kind::Native);
        k->pin();
        k->module = "asyncio.taskgroups";
        k->isBuiltin = true;
        k->mro.push_back(k);
        k->bases.push_back(Ref<ClassObject>(types().object));
        k->mro.push_back(types().object);
        k->nativeNew = tgNew;
        defineMethod(k, "__aenter__", tgAenter);
        defineMethod(k, "__aexit__", tgAexit);
        defineMethod(k, "create_task", tgCreateTask);
        defineMethod(k, "__repr__", tgRepr);
        return k;
    }();
    return c;
}

}  // namespace

void installCombinators(DictObject* d) {
    static bool installed = false;
    if (!installed) {
        installed = true;
        ClassObject* ag = types().asyncGenerator;
        defineMethod(ag, "__aiter__", agenAiter);
        defineMethod(ag, "__anext__", agenAnext);
        defineMethod(ag, "asend", agenAsend);
        defineMethod(ag, "athrow", agenAthrow);
        defineMethod(ag, "aclose", agenAclose);
        defineGetter(ag, "ag_running", agenRunning);
    }
    markPartialCallback(releaseWaiterFn);
    defineFunction(d, "wait", asyncioWait);
    defineFunction(d, "wait_for", asyncioWaitFor);
    defineFunction(d, "shield", asyncioShield);
    defineValue(d, "TaskGroup", Value(taskGroupClass()));
}

}  // namespace ascope::aio
