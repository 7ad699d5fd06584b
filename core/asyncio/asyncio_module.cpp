// The Python-visible face of asyncio: the classes' methods, the module's
// functions (run, sleep, gather, ...) and the virtual `time` module.
#include "asyncio/asyncio.h"

#include "lang/ast.h"
#include "runtime/builtins.h"
#include "trace/trace.h"

#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace ascope::aio {

using namespace rt;

namespace {

// ------------------------------------------------------------------ classes

ClassObject* makeClass(const char* name, const char* module, ClassObject* base, Kind kind = Kind::Native) {
    auto* c = new ClassObject(types().type, name, kind);
    c->pin();
    c->module = module;
    c->isBuiltin = true;
    c->mro.push_back(c);
    if (base) {
        c->bases.push_back(Ref<ClassObject>(base));
        for (ClassObject* m : base->mro) c->mro.push_back(m);
    }
    return c;
}

ClassObject* makeExceptionClass(const char* name, const char* module, ClassObject* base) {
    auto* c = makeClass(name, module, base, Kind::Exception);
    c->isBuiltin = false;  // behaves like a Python-defined exception (subclassable, qualified name)
    c->nativeNew = nullptr;
    return c;
}

FutureObject* fut(const Value& v) { return static_cast<FutureObject*>(v.obj()); }
TaskObject* task(const Value& v) { return static_cast<TaskObject*>(v.obj()); }
EventLoopObject* loopOf(const Value& v) { return static_cast<EventLoopObject*>(v.obj()); }

FutureObject* checkFuture(Interp& in, const Value& v, const char* method) {
    if (!isFuture(v)) in.typeError(std::string("descriptor '") + method + "' requires a Future");
    return fut(v);
}

// Iterator returned by Future.__await__: yields the future once.
class FutureIter : public IteratorObject {
public:
    explicit FutureIter(Value f) : IteratorObject(asyncioTypes().futureIter), m_future(std::move(f)) {}
    Value next(Interp& in) override {
        bool returned = false;
        Value v = send(in, Value::none(), returned);
        return returned ? Value() : v;
    }
    Value send(Interp& in, const Value& sent, bool& returned) override {
        FutureObject* f = fut(m_future);
        if (!m_yielded && !f->done()) {
            m_yielded = true;
            f->blocking = true;
            returned = false;
            return m_future;
        }
        if (!f->done()) in.raise(types().RuntimeError, "await wasn't used with future");
        returned = true;
        return f->getResult(in);
    }

private:
    Value m_future;
    bool m_yielded = false;
};

Value futureRepr(Interp& in, CallArgs& a) {
    if (!isFuture(a[0])) in.typeError("descriptor '__repr__' requires a Future");
    return makeStr(futureReprText(in, a[0]));
}

Value futureNew(Interp& in, CallArgs& a) {
    Value loopArg = a.kw("loop");
    a.checkKeywordsConsumed(in, "Future");
    Ref<EventLoopObject> loop;
    if (!loopArg.isNull() && !loopArg.isNone()) loop = Ref<EventLoopObject>(loopOf(loopArg));
    else loop = getEventLoop(in);
    return Value(new FutureObject(a[0].as<ClassObject>(), loop));
}

Value futureResult(Interp& in, CallArgs& a) { return checkFuture(in, a[0], "result")->getResult(in); }
Value futureException(Interp& in, CallArgs& a) { return checkFuture(in, a[0], "exception")->getException(in); }
Value futureDone(Interp& in, CallArgs& a) { return Value::boolean(fut(a[0])->done()); }
Value futureCancelled(Interp& in, CallArgs& a) {
    return Value::boolean(fut(a[0])->state == FutureObject::State::Cancelled);
}
Value futureCancel(Interp& in, CallArgs& a) {
    Value msg = a.size() > 1 ? a[1] : Value::none();
    if (Value k = a.kw("msg"); !k.isNull()) msg = k;
    a.checkKeywordsConsumed(in, "cancel");
    return Value::boolean(fut(a[0])->cancel(in, msg));
}
Value futureAddDoneCallback(Interp& in, CallArgs& a) {
    a.kw("context");
    a.check(in, "add_done_callback", 2, 2);
    fut(a[0])->addDoneCallback(in, a[1]);
    return Value::none();
}
Value futureRemoveDoneCallback(Interp& in, CallArgs& a) {
    a.check(in, "remove_done_callback", 2, 2);
    return Value::integer(fut(a[0])->removeDoneCallback(in, a[1]));
}
Value futureSetResult(Interp& in, CallArgs& a) {
    a.check(in, "set_result", 2, 2);
    if (dynamic_cast<TaskObject*>(fut(a[0]))) in.raise(types().RuntimeError, "Task does not support set_result operation");
    fut(a[0])->setResult(in, a[1]);
    return Value::none();
}
Value futureSetException(Interp& in, CallArgs& a) {
    a.check(in, "set_exception", 2, 2);
    if (dynamic_cast<TaskObject*>(fut(a[0])))
        in.raise(types().RuntimeError, "Task does not support set_exception operation");
    fut(a[0])->setException(in, a[1]);
    return Value::none();
}
Value futureGetLoop(Interp& in, CallArgs& a) { return Value(fut(a[0])->loop); }
Value futureAwait(Interp& in, CallArgs& a) { return Value(new FutureIter(a[0])); }
Value futureBlocking(Interp& in, const Value& self) { return Value::boolean(fut(self)->blocking); }
void futureSetBlocking(Interp& in, const Value& self, const Value& v) { fut(self)->blocking = in.truthy(v); }
Value futureLoop(Interp& in, const Value& self) { return Value(fut(self)->loop); }
Value futureState(Interp& in, const Value& self) { return makeStr(fut(self)->stateName()); }

Value taskGetName(Interp& in, CallArgs& a) { return task(a[0])->name; }
Value taskSetName(Interp& in, CallArgs& a) {
    a.check(in, "set_name", 2, 2);
    task(a[0])->name = in.strValue(a[1]);
    return Value::none();
}
Value taskGetCoro(Interp& in, CallArgs& a) { return task(a[0])->coro; }
Value taskCancelling(Interp& in, CallArgs& a) { return Value::integer(task(a[0])->numCancelsRequested); }
Value taskUncancel(Interp& in, CallArgs& a) {
    TaskObject* t = task(a[0]);
    if (t->numCancelsRequested > 0) {
        --t->numCancelsRequested;  // 3.11 leaves a pending _must_cancel as it is
    }
    return Value::integer(t->numCancelsRequested);
}
Value taskNew(Interp& in, CallArgs& a) {
    if (a.size() < 2) in.typeError("Task() missing required argument 'coro' (pos 1)");
    Value coro = a[1];
    Value loopArg = a.kw("loop");
    Value name = a.kw("name");
    a.kw("context");
    a.checkKeywordsConsumed(in, "Task");
    if (!(coro.isObj(Kind::Generator) && coro.obj()->type() == types().coroutine))
        in.typeError("a coroutine was expected, got " + in.repr(coro));
    Ref<EventLoopObject> loop = !loopArg.isNull() && !loopArg.isNone() ? Ref<EventLoopObject>(loopOf(loopArg)) : getEventLoop(in);
    return Value(loop->createTask(in, coro, name, a[0].as<ClassObject>()));
}
// Future.__init__ / Task.__init__ of subclasses calling super().__init__(...):
// the object was made by __new__ from the same arguments.
Value futureInit(Interp& in, CallArgs& a) { return Value::none(); }

// ------------------------------------------------------------------ handles

Value handleCancel(Interp& in, CallArgs& a) {
    static_cast<HandleObject*>(a[0].obj())->cancel(in);
    return Value::none();
}
Value handleCancelled(Interp& in, CallArgs& a) { return Value::boolean(static_cast<HandleObject*>(a[0].obj())->cancelled); }
Value handleRepr(Interp& in, CallArgs& a) { return makeStr(handleReprText(in, a[0])); }
Value timerWhen(Interp& in, CallArgs& a) {
    auto* th = static_cast<TimerHandleObject*>(a[0].obj());
    return th->whenValue.isNull() ? Value::real(th->when) : th->whenValue;
}

// --------------------------------------------------------------------- loop

std::vector<Value> restArgs(CallArgs& a, size_t from) {
    std::vector<Value> v;
    for (size_t i = from; i < a.size(); ++i) v.push_back(a[i]);
    return v;
}

Value loopCallSoon(Interp& in, CallArgs& a) {
    a.kw("context");
    a.checkKeywordsConsumed(in, "call_soon");
    if (a.size() < 2) in.typeError("call_soon() missing 1 required positional argument: 'callback'");
    EventLoopObject* l = loopOf(a[0]);
    l->checkClosed(in);
    Value cb = a[1];
    return Value(l->callSoon(in, cb, restArgs(a, 2)));
}
// call_soon_threadsafe(): call_soon() plus a wake-up of the selector, which
// the virtual selector does not need.
Value loopCallSoonThreadsafe(Interp& in, CallArgs& a) {
    a.kw("context");
    a.checkKeywordsConsumed(in, "call_soon_threadsafe");
    if (a.size() < 2) in.typeError("call_soon_threadsafe() missing 1 required positional argument: 'callback'");
    EventLoopObject* l = loopOf(a[0]);
    l->checkClosed(in);
    return Value(l->callSoon(in, a[1], restArgs(a, 2)));
}
Value loopCallLater(Interp& in, CallArgs& a) {
    a.kw("context");
    a.checkKeywordsConsumed(in, "call_later");
    if (a.size() < 3) in.typeError("call_later() missing required arguments");
    EventLoopObject* l = loopOf(a[0]);
    if (a[1].isNone()) in.typeError("delay must not be None");
    // call_at(self.time() + delay, ...)
    Value when = in.binaryOp(lang::BinOpKind::Add, Value::real(l->time(in)), a[1]);
    return Value(l->callAt(in, toDelay(in, when, "when"), a[2], restArgs(a, 3)));
}
Value loopCallAt(Interp& in, CallArgs& a) {
    a.kw("context");
    a.checkKeywordsConsumed(in, "call_at");
    if (a.size() < 3) in.typeError("call_at() missing required arguments");
    EventLoopObject* l = loopOf(a[0]);
    if (a[1].isNone()) in.typeError("when cannot be None");
    l->checkClosed(in);
    double w = toDelay(in, a[1], "when");
    return Value(l->callAt(in, w, a[2], restArgs(a, 3), a[1].isFloat() ? Value() : a[1]));
}
Value loopTime(Interp& in, CallArgs& a) { return Value::real(loopOf(a[0])->time(in)); }
Value loopRunForever(Interp& in, CallArgs& a) {
    loopOf(a[0])->runForever(in);
    return Value::none();
}
Value loopRunUntilComplete(Interp& in, CallArgs& a) {
    a.check(in, "run_until_complete", 2, 2);
    try {
        return loopOf(a[0])->runUntilComplete(in, a[1]);
    } catch (PyException& e) {
        // run_until_complete's frame in the traceback keeps its argument
        // alive; not a future that holds this very exception (without a
        // cycle collector that cycle would never be freed).
        bool holdsIt = isFuture(a[1]) && fut(a[1])->exception.is(e.exc);
        if (e.exc.isObj(Kind::Exception) && !holdsIt) e.exc.as<ExceptionObject>()->frameRefs.push_back(a[1]);
        throw;
    }
}
Value loopStop(Interp& in, CallArgs& a) {
    loopOf(a[0])->stopping = true;
    return Value::none();
}
Value loopClose(Interp& in, CallArgs& a) {
    loopOf(a[0])->close(in);
    return Value::none();
}
Value loopIsRunning(Interp& in, CallArgs& a) { return Value::boolean(loopOf(a[0])->running); }
Value loopIsClosed(Interp& in, CallArgs& a) { return Value::boolean(loopOf(a[0])->closed); }
Value loopCreateFuture(Interp& in, CallArgs& a) { return Value(loopOf(a[0])->createFuture()); }
Value loopCreateTask(Interp& in, CallArgs& a) {
    Value name = a.kw("name");
    a.kw("context");
    a.checkKeywordsConsumed(in, "create_task");
    a.check(in, "create_task", 2, 2);
    EventLoopObject* l = loopOf(a[0]);
    l->checkClosed(in);
    if (!(a[1].isObj(Kind::Generator) && a[1].obj()->type() == types().coroutine))
        in.typeError("a coroutine was expected, got " + in.repr(a[1]));
    return Value(l->createTask(in, a[1], name));
}
Value loopSetExceptionHandler(Interp& in, CallArgs& a) {
    a.check(in, "set_exception_handler", 2, 2);
    if (!a[1].isNone() && !a[1].isObj())
        in.typeError("A callable object or None is expected, got " + in.repr(a[1]));
    loopOf(a[0])->exceptionHandler = a[1];
    return Value::none();
}
Value loopGetExceptionHandler(Interp& in, CallArgs& a) {
    const Value& h = loopOf(a[0])->exceptionHandler;
    return h.isNull() ? Value::none() : h;
}
Value loopCallExceptionHandler(Interp& in, CallArgs& a) {
    a.check(in, "call_exception_handler", 2, 2);
    loopOf(a[0])->callExceptionHandler(in, a[1]);
    return Value::none();
}
Value loopDefaultExceptionHandler(Interp& in, CallArgs& a) {
    a.check(in, "default_exception_handler", 2, 2);
    loopOf(a[0])->defaultExceptionHandler(in, a[1]);
    return Value::none();
}
Value loopGetDebug(Interp& in, CallArgs& a) { return Value::boolean(false); }
Value loopSetDebug(Interp& in, CallArgs& a) { return Value::none(); }
Value loopRepr(Interp& in, CallArgs& a) {
    EventLoopObject* l = loopOf(a[0]);
    return makeStr(std::string("<_UnixSelectorEventLoop running=") + (l->running ? "True" : "False") +
                   " closed=" + (l->closed ? "True" : "False") + " debug=False>");
}
Value asyncioGather(Interp& in, CallArgs& a);

// BaseEventLoop.shutdown_asyncgens()
Value loopShutdownAsyncgens(Interp& in, CallArgs& a) {
    Ref<EventLoopObject> l(loopOf(a[0]));
    return makeNativeCoroutine("shutdown_asyncgens", [l](Interp& in, GeneratorObject& self) -> Value {
        l->asyncgensShutdownCalled = true;
        if (l->asyncgens.empty()) return Value::none();
        std::vector<Value> closing(l->asyncgens.begin(), l->asyncgens.end());
        l->asyncgens.clear();
        std::vector<Value> acloses;
        for (Value& g : closing) acloses.push_back(in.callMethod(g, intern("aclose"), {}));
        std::vector<StrObject*> kwn{intern("return_exceptions")};
        std::vector<Value> kwv{Value::boolean(true)};
        CallArgs ga(acloses.data(), acloses.size(), kwv.data(), kwn.data(), 1);
        Value results = self.awaitFrom(in, asyncioGather(in, ga));
        std::vector<Value> rs = in.toVector(results);
        for (size_t i = 0; i < rs.size() && i < closing.size(); ++i) {
            if (!in.isInstance(rs[i], types().Exception)) continue;
            Ref<DictObject> ctx(new DictObject());
            ctx->setStr(intern("message"),
                        makeStr("an error occurred during closing of asynchronous generator " + in.repr(closing[i])));
            ctx->setStr(intern("exception"), rs[i]);
            ctx->setStr(intern("asyncgen"), closing[i]);
            l->callExceptionHandler(in, Value(ctx));
        }
        return Value::none();
    });
}
Value loopShutdownDefaultExecutor(Interp& in, CallArgs& a) {
    return makeNativeCoroutine("shutdown_default_executor", [](Interp&, GeneratorObject&) -> Value { return Value::none(); });
}

// ----------------------------------------------------------- module functions

Value asyncioSleep(Interp& in, CallArgs& a) {
    Value delay = a.size() > 1 ? a[1] : a.kw("delay");
    Value result = a.size() > 2 ? a[2] : a.kw("result");
    if (a.size() < 2 && delay.isNull()) in.typeError("sleep() missing 1 required positional argument: 'delay'");
    if (result.isNull()) result = Value::none();
    return makeNativeCoroutine("sleep", [delay, result](Interp& in, GeneratorObject& self) -> Value {
        if (in.truthy(in.compare(lang::CmpOpKind::LtE, delay, Value::integer(0)))) {
            self.yield(in, Value::none());
            return result;
        }
        Ref<EventLoopObject> loop = getRunningLoop(in);
        if (!loop) in.raise(types().RuntimeError, "no running event loop");
        Ref<FutureObject> future = loop->createFuture({"sleep", 0, &delay});
        static Value setUnlessCancelled = [] {
            Value v(new BuiltinObject("_set_result_unless_cancelled", [](Interp& in, CallArgs& a) -> Value {
                FutureObject* f = fut(a[0]);
                if (f->state == FutureObject::State::Cancelled) return Value::none();
                f->setResult(in, a[1]);
                return Value::none();
            }));
            v.obj()->pin();
            return v;
        }();
        // loop.call_later(delay, ...): call_at(self.time() + delay, ...)
        Value when = in.binaryOp(lang::BinOpKind::Add, Value::real(loop->time(in)), delay);
        Ref<TimerHandleObject> h = loop->callAt(in, toDelay(in, when, "when"), setUnlessCancelled, {Value(future), result});
        Value pending;
        Value r;
        try {
            r = self.awaitFrom(in, Value(future));
        } catch (PyException& e) {
            pending = e.exc;
        }
        h->cancel(in);
        if (!pending.isNull()) throw PyException{pending};
        return r;
    });
}
// Actually installed under the name "sleep" (the wrapper exists so that the
// module function has the class-less signature sleep(delay, result=None)).
Value asyncioSleepFn(Interp& in, CallArgs& a) {
    std::vector<Value> v;
    v.push_back(Value::none());
    for (size_t i = 0; i < a.size(); ++i) v.push_back(a[i]);
    std::vector<StrObject*> kwn;
    std::vector<Value> kwv;
    for (size_t i = 0; i < a.kwCount(); ++i) {
        kwn.push_back(a.kwName(i));
        kwv.push_back(a.kwValue(i));
    }
    CallArgs a2(v.data(), v.size(), kwv.data(), kwn.data(), kwn.size());
    return asyncioSleep(in, a2);
}

Value asyncioGetRunningLoop(Interp& in, CallArgs& a) {
    Ref<EventLoopObject> l = getRunningLoop(in);
    if (!l) in.raise(types().RuntimeError, "no running event loop");
    return Value(l);
}
Value asyncioGetEventLoop(Interp& in, CallArgs& a) { return Value(getEventLoop(in)); }
Value asyncioNewEventLoop(Interp& in, CallArgs& a) { return Value(new EventLoopObject()); }
Value asyncioSetEventLoop(Interp& in, CallArgs& a) {
    a.check(in, "set_event_loop", 1, 1);
    state(in).eventLoopSetCalled = true;
    if (a[0].isNone()) state(in).eventLoop = Ref<EventLoopObject>();
    else {
        if (!a[0].isObj(Kind::Native) || !dynamic_cast<EventLoopObject*>(a[0].obj()))
            in.typeError("loop must be an instance of AbstractEventLoop or None, not '" + Interp::typeName(a[0]) + "'");
        state(in).eventLoop = Ref<EventLoopObject>(loopOf(a[0]));
    }
    return Value::none();
}

Value asyncioCreateTask(Interp& in, CallArgs& a) {
    Value name = a.kw("name");
    a.kw("context");
    a.checkKeywordsConsumed(in, "create_task");
    if (a.size() != 1) in.typeError("create_task() takes exactly 1 positional argument");
    Ref<EventLoopObject> loop = getRunningLoop(in);
    if (!loop) {
        if (a[0].isObj(Kind::Generator)) a[0].as<GeneratorObject>()->close(in);
        in.raise(types().RuntimeError, "no running event loop");
    }
    if (!(a[0].isObj(Kind::Generator) && a[0].obj()->type() == types().coroutine))
        in.typeError("a coroutine was expected, got " + in.repr(a[0]));
    // loop.create_task(coro) names it Task-N; _set_task_name() renames it after.
    Value t(loop->createTask(in, a[0], Value()));
    if (!name.isNull() && !name.isNone()) in.callMethod(t, intern("set_name"), {name});
    return t;
}

Value asyncioEnsureFuture(Interp& in, CallArgs& a) {
    Value loopArg = a.kw("loop");
    a.checkKeywordsConsumed(in, "ensure_future");
    a.check(in, "ensure_future", 1, 1);
    EventLoopObject* l = !loopArg.isNull() && !loopArg.isNone() ? loopOf(loopArg) : nullptr;
    return ensureFuture(in, a[0], l);
}

Value asyncioCurrentTask(Interp& in, CallArgs& a) {
    Ref<EventLoopObject> l = a.size() > 0 && !a[0].isNone() ? Ref<EventLoopObject>(loopOf(a[0])) : getRunningLoop(in);
    if (!l) in.raise(types().RuntimeError, "no running event loop");
    return l->currentTask ? Value(l->currentTask) : Value::none();
}

Value asyncioAllTasks(Interp& in, CallArgs& a) {
    Ref<EventLoopObject> l = a.size() > 0 && !a[0].isNone() ? Ref<EventLoopObject>(loopOf(a[0])) : getRunningLoop(in);
    if (!l) in.raise(types().RuntimeError, "no running event loop");
    auto* s = new SetObject(types().set, Kind::Set);
    Value keep(s);
    for (auto& [taskId, t] : state(in).liveTasks)
        if (t->loop.get() == l.get() && !t->done()) s->add(in, Value(t));
    return keep;
}

Value asyncioIsCoroutine(Interp& in, CallArgs& a) {
    a.check(in, "iscoroutine", 1, 1);
    return Value::boolean(a[0].isObj(Kind::Generator) && a[0].obj()->type() == types().coroutine);
}
Value asyncioIsCoroutineFunction(Interp& in, CallArgs& a) {
    a.check(in, "iscoroutinefunction", 1, 1);
    Value f = a[0];
    while (f.isObj(Kind::BoundMethod)) f = f.as<BoundMethodObject>()->func;
    return Value::boolean(f.isObj(Kind::Function) && f.as<FunctionObject>()->code->isCoroutine);
}
Value asyncioIsFuture(Interp& in, CallArgs& a) {
    a.check(in, "isfuture", 1, 1);
    return Value::boolean(isFuture(a[0]));
}

// gather(*aws, return_exceptions=False): the outer future and its
// _done_callback, as tasks.py builds them.
Value asyncioGather(Interp& in, CallArgs& a) {
    Value re = a.kw("return_exceptions");
    a.checkKeywordsConsumed(in, "gather");
    bool returnExceptions = !re.isNull() && in.truthy(re);
    if (a.size() == 0) {
        Ref<EventLoopObject> loop = getEventLoop(in);
        Ref<FutureObject> outer = loop->createFuture();
        outer->setResult(in, makeList({}));
        return Value(outer);
    }
    Ref<EventLoopObject> loop;
    std::vector<std::pair<Value, Value>> argToFut;
    std::vector<Value> children;
    Ref<GatheringFuture> outer;
    std::unordered_map<const void*, size_t> seenArg;  // arg identity -> index in argToFut
    for (size_t i = 0; i < a.size(); ++i) {
        const Value& arg = a[i];
        Value f;
        const void* key = arg.isObj() ? static_cast<const void*>(arg.obj()) : nullptr;
        if (key) {
            auto it = seenArg.find(key);
            if (it != seenArg.end()) f = argToFut[it->second].second;
        }
        if (f.isNull()) {
            if (key) seenArg[key] = argToFut.size();
            try {
                f = ensureFuture(in, arg, loop.get());
            } catch (PyException& e) {
                // gather's frame in the traceback keeps all its arguments alive
                if (e.exc.isObj(Kind::Exception))
                    for (size_t j = 0; j < a.size(); ++j) e.exc.as<ExceptionObject>()->frameRefs.push_back(a[j]);
                throw;
            }
            if (!loop) loop = fut(f)->loop;
            if (!f.is(arg))
                if (auto* t = dynamic_cast<TaskObject*>(fut(f))) t->logDestroyPending = false;
            argToFut.push_back({arg, f});
        }
        children.push_back(f);
    }
    outer = Ref<GatheringFuture>(new GatheringFuture(loop));
    outer->children = children;
    outer->returnExceptions = returnExceptions;
    outer->distinct = argToFut.size();
    for (auto& [arg, f] : argToFut) recordChain(in, *outer, f);
    size_t nfuts = argToFut.size();
    Value outerV(outer);
    // The per-child callback closes over `outer`.
    auto* cb = new BuiltinObject(
        "gather.<locals>._done_callback",
        [](Interp& in, CallArgs& a) -> Value {
            auto* g = static_cast<GatheringFuture*>(a[0].obj());
            FutureObject* child = fut(a[1]);
            ++g->finished;
            if (g->done()) {
                if (child->state != FutureObject::State::Cancelled) child->getException(in);
                return Value::none();
            }
            if (!g->returnExceptions) {
                if (child->state == FutureObject::State::Cancelled) {
                    Value exc = child->makeCancelledError(in);
                    g->setException(in, exc);
                    return Value::none();
                }
                Value exc = child->getException(in);
                if (!exc.isNone()) {
                    g->setException(in, exc);
                    return Value::none();
                }
            }
            if (g->finished == g->distinct) {
                std::vector<Value> results;
                for (auto& c : g->children) {
                    FutureObject* cf = fut(c);
                    Value res;
                    if (cf->state == FutureObject::State::Cancelled) {
                        // CancelledError('' if fut._cancel_message is None else fut._cancel_message)
                        bool noMsg = cf->cancelMessage.isNull() || cf->cancelMessage.isNone();
                        res = newCancelledError(in, noMsg ? makeStr("") : cf->cancelMessage);
                    } else {
                        res = cf->getException(in);
                        if (res.isNone()) res = cf->result;
                    }
                    results.push_back(res);
                }
                if (g->cancelRequested) {
                    Value exc = newCancelledError(in, Value());
                    g->setException(in, exc);
                } else {
                    g->setResult(in, makeList(std::move(results)));
                }
            }
            return Value::none();
        },
        outerV);
    Value cbv(cb);
    (void)nfuts;
    for (auto& [arg, f] : argToFut) fut(f)->addDoneCallback(in, cbv);
    return outerV;
}

}  // namespace

// ------------------------------------------------------------------ helpers

GatheringFuture::GatheringFuture(Ref<EventLoopObject> l)
    : FutureObject(asyncioTypes().gatheringFuture, std::move(l), {"gather()"}) {}

bool GatheringFuture::cancel(Interp& in, Value msg) {
    if (done()) return false;
    bool ret = false;
    for (Value& c : children)
        if (fut(c)->cancel(in, msg)) ret = true;
    if (ret) cancelRequested = true;
    return ret;
}

// The frame of events.Handle._run that every exception escaping a callback
// passes through in CPython (its traceback starts there, so it is printed
// with a "Traceback" header even when the callback is a builtin).
void addHandleRunFrame(const Value& exc) {
    static const CodeInfo* code = [] {
        static lang::Module module;
        module.filename = "asyncio/events.py";
        module.lines.assign(80, std::string());
        module.lines[79] = "            self._context.run(self._callback, *self._args)";
        auto* c = new CodeInfo();
        c->name = "_run";
        c->qualname = "Handle._run";
        c->module = &module;
        c->firstLine = 78;
        return c;
    }();
    if (!exc.isObj(Kind::Exception)) return;
    auto* e = exc.as<ExceptionObject>();
    if (!e->traceback) e->traceback = std::make_shared<std::vector<TracebackEntry>>();
    TracebackEntry te;
    te.code = code;
    te.pos.line = 80;
    te.pos.col = -1;
    e->traceback->insert(e->traceback->begin(), te);
}

// runners._cancel_all_tasks(loop)
void cancelAllTasks(Interp& in, EventLoopObject* loop) {
    std::vector<Value> toCancel;
    for (auto& [taskId, t] : state(in).liveTasks)
        if (t->loop.get() == loop && !t->done()) toCancel.push_back(Value(t));
    if (toCancel.empty()) return;
    for (Value& t : toCancel) task(t)->cancel(in, Value::none());
    std::vector<StrObject*> kwn{intern("return_exceptions")};
    std::vector<Value> kwv{Value::boolean(true)};
    CallArgs ga(toCancel.data(), toCancel.size(), kwv.data(), kwn.data(), 1);
    Value g = asyncioGather(in, ga);
    loop->runUntilComplete(in, g);
    for (Value& t : toCancel) {
        TaskObject* tk = task(t);
        if (tk->state == FutureObject::State::Cancelled) continue;
        Value exc = tk->getException(in);
        if (!exc.isNone()) {
            Ref<DictObject> ctx(new DictObject());
            ctx->setStr(intern("message"), makeStr("unhandled exception during asyncio.run() shutdown"));
            ctx->setStr(intern("exception"), exc);
            ctx->setStr(intern("task"), t);
            loop->callExceptionHandler(in, Value(ctx));
        }
    }
}

double toDelay(Interp& in, const Value& v, const char* what) {
    if (v.isNone()) in.typeError(std::string(what) + " must not be None");
    if (v.isFloat()) return v.asFloat();
    if (v.isSmallInt() || v.isBool()) return double(v.asInt());
    num::BigInt b;
    if (in.toBigInt(v, b)) {
        bool overflow = false;
        return num::bigIntToDouble(b, overflow);
    }
    in.typeError("'" + Interp::typeName(v) + "' object cannot be interpreted as an integer");
}

Value makeNativeCoroutine(const std::string& name, GeneratorObject::NativeBody body) {
    return Value(new GeneratorObject(name, name, std::move(body)));
}

Ref<EventLoopObject> getEventLoop(Interp& in) {
    AsyncioState& st = state(in);
    if (st.runningLoop) return st.runningLoop;
    // BaseDefaultEventLoopPolicy.get_event_loop(): one implicit loop for the
    // main thread, unless set_event_loop() was ever called.
    if (!st.eventLoop && !st.eventLoopSetCalled) {
        st.eventLoop = Ref<EventLoopObject>(new EventLoopObject());
        st.eventLoopSetCalled = true;
    }
    if (!st.eventLoop) in.raise(types().RuntimeError, "There is no current event loop in thread 'MainThread'.");
    return st.eventLoop;
}

Value ensureFuture(Interp& in, const Value& v, EventLoopObject* loop) {
    if (isFuture(v)) {
        if (loop && fut(v)->loop.get() != loop)
            in.valueError("The future belongs to a different loop than the one specified as the loop argument");
        return v;
    }
    bool isCoro = v.isObj(Kind::Generator) && v.obj()->type() == types().coroutine;
    Value coro = v;
    if (!isCoro) {
        Value aw = Interp::typeOf(v)->lookup(names().__await__);
        if (aw.isNull() || aw.isNone())
            in.typeError("An asyncio.Future, a coroutine or an awaitable is required");
        Value obj = v;
        coro = makeNativeCoroutine("_wrap_awaitable", [obj](Interp& in, GeneratorObject& self) -> Value {
            return self.awaitFrom(in, obj);
        });
    }
    Ref<EventLoopObject> l(loop);
    if (!l) {
        try {
            l = getEventLoop(in);
        } catch (PyException& e) {
            // the frame of _ensure_future in the traceback keeps the argument alive
            if (e.exc.isObj(Kind::Exception)) e.exc.as<ExceptionObject>()->frameRefs.push_back(v);
            throw;
        }
    }
    Value pending;
    try {
        return Value(l->createTask(in, coro, Value()));
    } catch (PyException& e) {
        pending = e.exc;
    }
    if (isCoro && in.isInstance(pending, types().RuntimeError)) coro.as<GeneratorObject>()->close(in);
    throw PyException{pending};
}

// --------------------------------------------------------------- registration

const AsyncioTypes& asyncioTypes() {
    static AsyncioTypes t = [] {
        AsyncioTypes a;
        const Types& b = types();
        a.future = makeClass("Future", "_asyncio", b.object);  // the C accelerator classes
        a.task = makeClass("Task", "_asyncio", a.future);
        a.handle = makeClass("Handle", "asyncio.events", b.object);
        a.timerHandle = makeClass("TimerHandle", "asyncio.events", a.handle);
        a.loop = makeClass("_UnixSelectorEventLoop", "asyncio.unix_events", b.object);
        a.futureIter = makeClass("FutureIter", "_asyncio", b.object, Kind::Iterator);
        a.gatheringFuture = makeClass("_GatheringFuture", "asyncio.tasks", a.future);
        a.cancelledError = makeExceptionClass("CancelledError", "asyncio.exceptions", b.BaseException);
        a.invalidStateError = makeExceptionClass("InvalidStateError", "asyncio.exceptions", b.Exception);
        a.incompleteReadError = makeExceptionClass("IncompleteReadError", "asyncio.exceptions", b.EOFError);
        a.limitOverrunError = makeExceptionClass("LimitOverrunError", "asyncio.exceptions", b.Exception);
        a.sendfileNotAvailableError = makeExceptionClass("SendfileNotAvailableError", "asyncio.exceptions", b.RuntimeError);
        a.brokenBarrierError = makeExceptionClass("BrokenBarrierError", "asyncio.exceptions", b.RuntimeError);
        a.queueEmpty = makeExceptionClass("QueueEmpty", "asyncio.queues", b.Exception);
        a.queueFull = makeExceptionClass("QueueFull", "asyncio.queues", b.Exception);

        a.future->nativeNew = futureNew;
        for (ClassObject* c : {a.future}) {
            defineMethod(c, "result", futureResult);
            defineMethod(c, "exception", futureException);
            defineMethod(c, "done", futureDone);
            defineMethod(c, "cancelled", futureCancelled);
            defineMethod(c, "cancel", futureCancel);
            defineMethod(c, "add_done_callback", futureAddDoneCallback);
            defineMethod(c, "remove_done_callback", futureRemoveDoneCallback);
            defineMethod(c, "set_result", futureSetResult);
            defineMethod(c, "set_exception", futureSetException);
            defineMethod(c, "get_loop", futureGetLoop);
            defineMethod(c, "__await__", futureAwait);
            defineMethod(c, "__iter__", futureAwait);
            defineMethod(c, "__repr__", futureRepr);
            defineGetter(c, "_asyncio_future_blocking", futureBlocking, futureSetBlocking);
            defineGetter(c, "_loop", futureLoop);
            defineGetter(c, "_state", futureState);
        }
        a.task->nativeNew = taskNew;
        defineMethod(a.future, "__init__", futureInit);
        defineMethod(a.task, "get_name", taskGetName);
        defineMethod(a.task, "set_name", taskSetName);
        defineMethod(a.task, "get_coro", taskGetCoro);
        defineMethod(a.task, "cancelling", taskCancelling);
        defineMethod(a.task, "uncancel", taskUncancel);
        installTaskStack(a.task);
        defineMethod(a.handle, "cancel", handleCancel);
        defineMethod(a.handle, "cancelled", handleCancelled);
        defineMethod(a.handle, "__repr__", handleRepr);
        defineMethod(a.timerHandle, "when", timerWhen);
        ClassObject* l = a.loop;
        defineMethod(l, "call_soon", loopCallSoon);
        defineMethod(l, "call_later", loopCallLater);
        defineMethod(l, "call_soon_threadsafe", loopCallSoonThreadsafe);
        defineMethod(l, "call_at", loopCallAt);
        defineMethod(l, "time", loopTime);
        defineMethod(l, "run_forever", loopRunForever);
        defineMethod(l, "run_until_complete", loopRunUntilComplete);
        defineMethod(l, "stop", loopStop);
        defineMethod(l, "close", loopClose);
        defineMethod(l, "is_running", loopIsRunning);
        defineMethod(l, "is_closed", loopIsClosed);
        defineMethod(l, "create_future", loopCreateFuture);
        defineMethod(l, "create_task", loopCreateTask);
        defineMethod(l, "set_exception_handler", loopSetExceptionHandler);
        defineMethod(l, "get_exception_handler", loopGetExceptionHandler);
        defineMethod(l, "call_exception_handler", loopCallExceptionHandler);
        defineMethod(l, "default_exception_handler", loopDefaultExceptionHandler);
        defineMethod(l, "get_debug", loopGetDebug);
        defineMethod(l, "set_debug", loopSetDebug);
        defineMethod(l, "shutdown_asyncgens", loopShutdownAsyncgens);
        defineMethod(l, "shutdown_default_executor", loopShutdownDefaultExecutor);
        defineMethod(l, "__repr__", loopRepr);
        return a;
    }();
    return t;
}

namespace {

Ref<ModuleObject> makeAsyncioModule(Interp& in) {
    const AsyncioTypes& a = asyncioTypes();
    Ref<ModuleObject> m(new ModuleObject("asyncio"));
    DictObject* d = m->dict.get();
    defineValue(d, "__name__", makeStr("asyncio"));
    for (ClassObject* c : {a.future, a.task, a.handle, a.timerHandle, a.cancelledError, a.invalidStateError,
                           a.incompleteReadError, a.limitOverrunError, a.sendfileNotAvailableError,
                           a.brokenBarrierError, a.queueEmpty, a.queueFull})
        defineValue(d, c->name.c_str(), Value(c));
    defineValue(d, "TimeoutError", Value(types().TimeoutError));
    defineValue(d, "AbstractEventLoop", Value(a.loop));
    defineValue(d, "SelectorEventLoop", Value(a.loop));
    defineValue(d, "FIRST_COMPLETED", makeStr("FIRST_COMPLETED"));
    defineValue(d, "FIRST_EXCEPTION", makeStr("FIRST_EXCEPTION"));
    defineValue(d, "ALL_COMPLETED", makeStr("ALL_COMPLETED"));
    defineFunction(d, "sleep", asyncioSleepFn);
    defineFunction(d, "get_running_loop", asyncioGetRunningLoop);
    defineFunction(d, "get_event_loop", asyncioGetEventLoop);
    defineFunction(d, "new_event_loop", asyncioNewEventLoop);
    defineFunction(d, "set_event_loop", asyncioSetEventLoop);
    defineFunction(d, "create_task", asyncioCreateTask);
    defineFunction(d, "ensure_future", asyncioEnsureFuture);
    defineFunction(d, "gather", asyncioGather);
    defineFunction(d, "current_task", asyncioCurrentTask);
    defineFunction(d, "all_tasks", asyncioAllTasks);
    defineFunction(d, "iscoroutine", asyncioIsCoroutine);
    defineFunction(d, "iscoroutinefunction", asyncioIsCoroutineFunction);
    defineFunction(d, "isfuture", asyncioIsFuture);
    installSyncPrimitives(d);
    installCombinators(d);
    installTimeouts(d);
    installAsCompleted(d);
    installBarrier(d);
    installRunners(d);
    return m;
}

// --------------------------------------------------------------- time module

Value timeSleep(Interp& in, CallArgs& a) {
    a.check(in, "sleep", 1, 1);
    double d;
    if (a[0].isFloat()) {
        d = a[0].asFloat();
        if (std::isnan(d)) in.valueError("Invalid value NaN (not a number)");
    } else {
        d = double(in.toIndex(a[0]));
    }
    if (d < 0) in.valueError("sleep length must be non-negative");
    if (in.recorder && d > 0) {
        trace::EventView e;
        e.kind = trace::EventKind::ClockJump;
        e.value = state(in).clock + d;
        in.recorder->record(e);
    }
    state(in).clock += d;
    return Value::none();
}
Value timeMonotonic(Interp& in, CallArgs& a) { return Value::real(state(in).clock); }
Value timeTime(Interp& in, CallArgs& a) { return Value::real(1'700'000'000.0 + state(in).clock); }
Value timeMonotonicNs(Interp& in, CallArgs& a) { return Value::integer(int64_t(std::nearbyint(state(in).clock * 1e9))); }
Value timeTimeNs(Interp& in, CallArgs& a) {
    return Value::integer(int64_t(1'700'000'000) * 1'000'000'000 + int64_t(std::nearbyint(state(in).clock * 1e9)));
}

Ref<ModuleObject> makeTimeModule(Interp& in) {
    Ref<ModuleObject> m(new ModuleObject("time"));
    DictObject* d = m->dict.get();
    defineValue(d, "__name__", makeStr("time"));
    defineFunction(d, "sleep", timeSleep);
    defineFunction(d, "monotonic", timeMonotonic);
    defineFunction(d, "perf_counter", timeMonotonic);
    defineFunction(d, "time", timeTime);
    defineFunction(d, "monotonic_ns", timeMonotonicNs);
    defineFunction(d, "perf_counter_ns", timeMonotonicNs);
    defineFunction(d, "time_ns", timeTimeNs);
    return m;
}

}  // namespace

void installAsyncio(Interp& in) {
    in.registerModule("asyncio", makeAsyncioModule);
    in.registerModule("time", makeTimeModule);
}

}  // namespace ascope::aio
