// asyncio.Runner and asyncio.run(): a port of CPython 3.11's runners.py.
//
// Why it is built this way: asyncio.run() is `with Runner() as r: return
// r.run(main)`, and what a program sees around it (the loop set as the
// current event loop while the runner lives, set back to None afterwards,
// tasks still pending cancelled at close, then shutdown_asyncgens() and
// shutdown_default_executor() each run as a task of its own) comes from
// Runner.close(). One implementation serves both, step for step. SIGINT
// handling is left out: asyncscope runs programs without signals.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

namespace ascope::aio {

using namespace rt;

namespace {

enum class RunnerState { Created, Initialized, Closed };

class RunnerObject : public NativeObject {
public:
    explicit RunnerObject(ClassObject* c) : NativeObject(c) {}
    RunnerState state = RunnerState::Created;
    Value debug = Value::none();
    Value loopFactory = Value::none();
    Value loop = Value::none();
    bool setEventLoop = false;
};

ClassObject* runnerClass();

RunnerObject* runnerOf(Interp& in, const Value& v, const char* method) {
    if (!v.isObj(Kind::Native) || !in.isInstance(v, runnerClass()))
        in.typeError(std::string("descriptor '") + method + "' requires a 'Runner' object");
    return static_cast<RunnerObject*>(v.obj());
}

bool isCoroutine(const Value& v) { return v.isObj(Kind::Generator) && v.obj()->type() == types().coroutine; }

void setEventLoop(Interp& in, const Value& loop) {
    AsyncioState& st = state(in);
    st.eventLoopSetCalled = true;
    st.eventLoop = loop.isNone() ? Ref<EventLoopObject>() : Ref<EventLoopObject>(static_cast<EventLoopObject*>(loop.obj()));
}

bool isNativeLoop(const Value& v) { return v.isObj(Kind::Native) && dynamic_cast<EventLoopObject*>(v.obj()); }

// The frame of Runner.run() / run() in the traceback keeps the coroutine
// alive (its "never awaited" warning comes when the exception dies).
void keepInTraceback(PyException& e, const Value& v) {
    if (e.exc.isObj(Kind::Exception)) e.exc.as<ExceptionObject>()->frameRefs.push_back(v);
}

// Runner._lazy_init()
void lazyInit(Interp& in, RunnerObject* r) {
    if (r->state == RunnerState::Closed) in.raise(types().RuntimeError, "Runner is closed");
    if (r->state == RunnerState::Initialized) return;
    if (r->loopFactory.isNone()) {
        r->loop = Value(Ref<EventLoopObject>(new EventLoopObject()));
        if (!r->setEventLoop) {
            // Call set_event_loop only once to avoid calling
            // attach_loop multiple times on child watchers
            setEventLoop(in, r->loop);
            r->setEventLoop = true;
        }
    } else {
        r->loop = in.call(r->loopFactory, {});
    }
    if (!r->debug.isNone()) in.callMethod(r->loop, interned<"set_debug">(), {r->debug});
    r->state = RunnerState::Initialized;
}

// Runner.close()
void closeRunner(Interp& in, RunnerObject* r) {
    if (r->state != RunnerState::Initialized) return;
    Value loop = r->loop;
    Value pending;
    try {
        if (isNativeLoop(loop)) cancelAllTasks(in, static_cast<EventLoopObject*>(loop.obj()));
        in.callMethod(loop, interned<"run_until_complete">(), {in.callMethod(loop, interned<"shutdown_asyncgens">(), {})});
        in.callMethod(loop, interned<"run_until_complete">(), {in.callMethod(loop, interned<"shutdown_default_executor">(), {})});
    } catch (PyException& e) {
        pending = e.exc;
    }
    // finally:
    if (r->setEventLoop) setEventLoop(in, Value::none());
    in.callMethod(loop, interned<"close">(), {});
    r->loop = Value::none();
    r->state = RunnerState::Closed;
    if (!pending.isNull()) throw PyException{pending};
}

// Runner.run(coro, *, context=None)
Value runCoro(Interp& in, const Value& self, const Value& coro) {
    RunnerObject* r = static_cast<RunnerObject*>(self.obj());
    if (!isCoroutine(coro)) in.valueError("a coroutine was expected, got " + in.repr(coro));
    // fail fast with short traceback
    if (getRunningLoop(in)) in.raise(types().RuntimeError, "Runner.run() cannot be called from a running event loop");
    lazyInit(in, r);
    Value task = in.callMethod(r->loop, interned<"create_task">(), {coro});
    return in.callMethod(r->loop, interned<"run_until_complete">(), {task});
}

Value runnerNew(Interp& in, CallArgs& a) {
    Value debug = a.kw("debug");
    Value loopFactory = a.kw("loop_factory");
    a.checkKeywordsConsumed(in, "Runner");
    if (a.size() > 1)
        in.typeError("Runner.__init__() takes 1 positional argument but " + std::to_string(a.size()) + " were given");
    auto* r = new RunnerObject(a[0].as<ClassObject>());
    Value self(r);
    r->debug = debug.isNull() ? Value::none() : debug;
    r->loopFactory = loopFactory.isNull() ? Value::none() : loopFactory;
    return self;
}

Value runnerEnter(Interp& in, CallArgs& a) {
    a.check(in, "__enter__", 1, 1);
    lazyInit(in, runnerOf(in, a[0], "__enter__"));
    return a[0];
}

Value runnerExit(Interp& in, CallArgs& a) {
    a.check(in, "__exit__", 4, 4);
    closeRunner(in, runnerOf(in, a[0], "__exit__"));
    return Value::none();
}

Value runnerClose(Interp& in, CallArgs& a) {
    a.check(in, "close", 1, 1);
    closeRunner(in, runnerOf(in, a[0], "close"));
    return Value::none();
}

Value runnerGetLoop(Interp& in, CallArgs& a) {
    a.check(in, "get_loop", 1, 1);
    RunnerObject* r = runnerOf(in, a[0], "get_loop");
    lazyInit(in, r);
    return r->loop;
}

Value runnerRun(Interp& in, CallArgs& a) {
    Value coro = a.size() > 1 ? a[1] : a.kw("coro");
    a.kw("context");
    a.checkKeywordsConsumed(in, "run");
    if (coro.isNull()) in.typeError("Runner.run() missing 1 required positional argument: 'coro'");
    if (a.size() > 2)
        in.typeError("Runner.run() takes 2 positional arguments but " + std::to_string(a.size()) + " were given");
    runnerOf(in, a[0], "run");
    try {
        return runCoro(in, a[0], coro);
    } catch (PyException& e) {
        keepInTraceback(e, coro);
        throw;
    }
}

ClassObject* runnerClass() {
    static ClassObject* c = [] {
        auto* k = new ClassObject(types().type, "Runner", Kind::Native);
        k->pin();
        k->module = "asyncio.runners";
        k->isBuiltin = true;
        k->mro.push_back(k);
        k->bases.push_back(Ref<ClassObject>(types().object));
        k->mro.push_back(types().object);
        k->nativeNew = runnerNew;
        defineMethod(k, "__enter__", runnerEnter);
        defineMethod(k, "__exit__", runnerExit);
        defineMethod(k, "close", runnerClose);
        defineMethod(k, "get_loop", runnerGetLoop);
        defineMethod(k, "run", runnerRun);
        return k;
    }();
    return c;
}

// run(main, *, debug=None)
Value asyncioRun(Interp& in, CallArgs& a) {
    Value debug = a.kw("debug");
    Value mainArg = a.size() > 0 ? a[0] : a.kw("main");
    a.checkKeywordsConsumed(in, "run");
    if (mainArg.isNull()) in.typeError("run() missing 1 required positional argument: 'main'");
    if (a.size() > 1) in.typeError("run() takes 1 positional argument but " + std::to_string(a.size()) + " were given");
    // fail fast with short traceback
    if (getRunningLoop(in)) {
        Value e = in.newException(types().RuntimeError, "asyncio.run() cannot be called from a running event loop");
        e.as<ExceptionObject>()->frameRefs.push_back(mainArg);
        in.raiseValue(e);
    }
    // with Runner(debug=debug) as runner: return runner.run(main)
    auto* r = new RunnerObject(runnerClass());
    Value runner(r);
    r->debug = debug.isNull() ? Value::none() : debug;
    lazyInit(in, r);
    Value result;
    Value pending;
    try {
        result = runCoro(in, runner, mainArg);
    } catch (PyException& e) {
        pending = e.exc;
    }
    if (pending.isNull()) {
        closeRunner(in, r);
        return result;
    }
    // __exit__ runs while the exception is being handled: an error there
    // gets it as its __context__.
    Value closeError;
    {
        HandlingException handling(in, pending);
        try {
            closeRunner(in, r);
        } catch (PyException& e) {
            closeError = e.exc;
        }
    }
    if (!closeError.isNull()) throw PyException{closeError};
    if (pending.isObj(Kind::Exception)) pending.as<ExceptionObject>()->frameRefs.push_back(mainArg);
    throw PyException{pending};
}

}  // namespace

void installRunners(DictObject* d) {
    defineValue(d, "Runner", Value(runnerClass()));
    defineFunction(d, "run", asyncioRun);
}

}  // namespace ascope::aio
