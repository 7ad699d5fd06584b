// asyncio's synchronization primitives (locks.py) and queues (queues.py),
// ported statement by statement from CPython 3.11.7 so that every waiter is
// woken in the same order: each `async def` is a native coroutine whose body
// awaits exactly the futures CPython's awaits, and each try/finally/except is
// emulated by copying the exception out of the catch block, running the
// cleanup, then re-raising.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

#include <cstdio>

namespace ascope::aio {

using namespace rt;

namespace {

ClassObject* makeSyncClass(const char* name, const char* module, ClassObject* base) {
    auto* c = new ClassObject(types().type, name, Kind::Native);
    c->pin();
    c->module = module;
    c->isBuiltin = true;
    c->mro.push_back(c);
    if (!base) base = types().object;
    c->bases.push_back(Ref<ClassObject>(base));
    for (ClassObject* m : base->mro) c->mro.push_back(m);
    return c;
}

std::string address(const rt::Object* p) { return rt::addressText(p); }

// "<asyncio.locks.Lock object at 0x...>" without the angle brackets.
std::string objectReprInner(Interp& in, const Value& self) {
    return Interp::typeOf(self)->qualifiedName() + " object at " + address(self.obj());
}

// mixins._LoopBoundMixin
class LoopBound : public NativeObject {
public:
    explicit LoopBound(ClassObject* t) : NativeObject(t), objectId(++state(*currentInterp()).primitiveCounter) {}
    Ref<EventLoopObject> loop;
    uint64_t objectId;  // the trace's `object`

    Ref<EventLoopObject> getLoop(Interp& in) {
        Ref<EventLoopObject> running = getRunningLoop(in);
        if (!loop) loop = running;
        if (running.get() != loop.get())
            in.raise(types().RuntimeError, in.repr(Value(this)) + " is bound to a different event loop");
        if (!running) in.raise(types().AttributeError, "'NoneType' object has no attribute 'create_future'");
        return running;
    }
    // A waiter future of this primitive; `what` names the wait ("Lock.acquire()").
    Ref<FutureObject> createFuture(Interp& in, const char* what) {
        return getLoop(in)->createFuture({what, objectId});
    }
    // PrimitiveCreated comes first: from __init__, or before the first
    // operation of one whose __init__ did not run (a subclass's own).
    bool traced = false;
    void recordCreated(Interp& in, double value = 0) {
        traced = in.recorder != nullptr;
        recordPrimitive(in, objectId, type(), value);
    }
    void recordOp(Interp& in, const char* op, double value, const Value* item = nullptr) {
        if (!in.recorder) return;
        if (!traced) recordCreated(in);
        recordPrimitiveOp(in, objectId, op, value, item);
    }
};

using Waiters = std::deque<Ref<FutureObject>>;

void removeWaiter(Interp& in, Waiters& w, FutureObject* f) {
    for (auto it = w.begin(); it != w.end(); ++it)
        if (it->get() == f) {
            w.erase(it);
            return;
        }
    in.valueError("deque.remove(x): x not in deque");
}

bool isCancelledError(Interp& in, const Value& exc) { return in.isInstance(exc, asyncioTypes().cancelledError); }

struct SyncTypes {
    ClassObject *lock, *event, *condition, *semaphore, *boundedSemaphore, *queue, *priorityQueue, *lifoQueue;
};
const SyncTypes& syncTypes();

template <class T>
T* self(Interp& in, const Value& v, ClassObject* cls, const char* method) {
    // Every queue and lock method starts here: the exact class first.
    if (v.isObj(Kind::Native) && v.obj()->type() == cls) return static_cast<T*>(v.obj());
    if (!v.isObj(Kind::Native) || !in.isInstance(v, cls))
        in.typeError(std::string("descriptor '") + method + "' requires a '" + cls->name + "' object");
    return static_cast<T*>(v.obj());
}

template <StringLiteral Name, StringLiteral Qualname>
Value coroutine(GeneratorObject::NativeBody body) {
    return Value(new GeneratorObject(interned<Name>(), interned<Qualname>(), std::move(body)));
}

// ------------------------------------------------------------------ Lock

class LockObject : public LoopBound {
public:
    explicit LockObject(ClassObject* t) : LoopBound(t) {}
    Waiters waiters;
    bool locked = false;

    void wakeUpFirst(Interp& in) {
        if (waiters.empty()) return;
        Ref<FutureObject> f = waiters.front();
        if (!f->done()) f->setResult(in, Value::boolean(true));
    }
};

LockObject* lockOf(Interp& in, const Value& v, const char* m) { return self<LockObject>(in, v, syncTypes().lock, m); }

Value lockNew(Interp& in, CallArgs& a) {
    if (a[0].as<ClassObject>()->isBuiltin) a.check(in, "Lock", 1, 1);
    return Value(new LockObject(a[0].as<ClassObject>()));
}
Value lockInit(Interp& in, CallArgs& a) {
    a.check(in, "__init__", 1, 1);
    LockObject* l = lockOf(in, a[0], "__init__");
    l->waiters.clear();
    l->locked = false;
    l->recordCreated(in);
    return Value::none();
}
Value lockRepr(Interp& in, CallArgs& a) {
    LockObject* l = lockOf(in, a[0], "__repr__");
    std::string extra = l->locked ? "locked" : "unlocked";
    if (!l->waiters.empty()) extra += ", waiters:" + std::to_string(l->waiters.size());
    return makeStr("<" + objectReprInner(in, a[0]) + " [" + extra + "]>");
}
Value lockLocked(Interp& in, CallArgs& a) { return Value::boolean(lockOf(in, a[0], "locked")->locked); }
Value lockAcquire(Interp& in, CallArgs& a) {
    a.check(in, "acquire", 1, 1);
    Value sv = a[0];
    lockOf(in, sv, "acquire");
    return coroutine<"acquire", "Lock.acquire">([sv](Interp& in, GeneratorObject& co) -> Value {
        LockObject* l = static_cast<LockObject*>(sv.obj());
        bool allCancelled = true;
        for (auto& w : l->waiters)
            if (w->state != FutureObject::State::Cancelled) {
                allCancelled = false;
                break;
            }
        if (!l->locked && allCancelled) {
            l->locked = true;
            l->recordOp(in, "acquire", 1);
            return Value::boolean(true);
        }
        Ref<FutureObject> f = l->createFuture(in, "Lock.acquire()");
        l->waiters.push_back(f);
        Value pending;
        try {
            co.awaitFrom(in, Value(f));
        } catch (PyException& e) {
            pending = e.exc;
        }
        // finally: self._waiters.remove(fut)
        try {
            removeWaiter(in, l->waiters, f.get());
        } catch (PyException& e) {
            pending = e.exc;
        }
        if (!pending.isNull()) {
            if (isCancelledError(in, pending) && !l->locked) l->wakeUpFirst(in);
            throw PyException{pending};
        }
        l->locked = true;
        l->recordOp(in, "acquire", 1);
        return Value::boolean(true);
    });
}
Value lockRelease(Interp& in, CallArgs& a) {
    a.check(in, "release", 1, 1);
    LockObject* l = lockOf(in, a[0], "release");
    if (l->locked) {
        l->locked = false;
        l->recordOp(in, "release", 0);
        l->wakeUpFirst(in);
    } else {
        in.raise(types().RuntimeError, "Lock is not acquired.");
    }
    return Value::none();
}
Value lockLockedGetter(Interp& in, const Value& v) { return Value::boolean(lockOf(in, v, "_locked")->locked); }

// _ContextManagerMixin
Value cmAenter(Interp& in, CallArgs& a) {
    a.check(in, "__aenter__", 1, 1);
    Value sv = a[0];
    return coroutine<"__aenter__", "_ContextManagerMixin.__aenter__">([sv](Interp& in, GeneratorObject& co) -> Value {
        co.awaitFrom(in, in.callMethod(sv, interned<"acquire">(), {}));
        return Value::none();
    });
}
Value cmAexit(Interp& in, CallArgs& a) {
    a.check(in, "__aexit__", 4, 4);
    Value sv = a[0];
    return coroutine<"__aexit__", "_ContextManagerMixin.__aexit__">([sv](Interp& in, GeneratorObject&) -> Value {
        in.callMethod(sv, interned<"release">(), {});
        return Value::none();
    });
}

Value loopGetter(Interp& in, const Value& v) {
    auto* lb = static_cast<LoopBound*>(v.obj());
    return lb->loop ? Value(lb->loop) : Value::none();
}
Value getLoopMethod(Interp& in, CallArgs& a) {
    a.check(in, "_get_loop", 1, 1);
    return Value(static_cast<LoopBound*>(a[0].obj())->getLoop(in));
}

// ------------------------------------------------------------------ Event

class EventObject : public LoopBound {
public:
    explicit EventObject(ClassObject* t) : LoopBound(t) {}
    Waiters waiters;
    bool value = false;
    uint64_t queueId = 0;  // the Queue whose join() this event serves (0: a program's Event)

    void set(Interp& in) {
        if (!value) {
            value = true;
            if (!queueId) recordOp(in, "set", 1);
            Waiters snapshot = waiters;
            for (auto& f : snapshot)
                if (!f->done()) f->setResult(in, Value::boolean(true));
        }
    }
};

EventObject* eventOf(Interp& in, const Value& v, const char* m) { return self<EventObject>(in, v, syncTypes().event, m); }

Value eventNew(Interp& in, CallArgs& a) {
    if (a[0].as<ClassObject>()->isBuiltin) a.check(in, "Event", 1, 1);
    return Value(new EventObject(a[0].as<ClassObject>()));
}
Value eventInit(Interp& in, CallArgs& a) {
    a.check(in, "__init__", 1, 1);
    EventObject* e = eventOf(in, a[0], "__init__");
    e->waiters.clear();
    e->value = false;
    e->recordCreated(in);
    return Value::none();
}
Value eventRepr(Interp& in, CallArgs& a) {
    EventObject* e = eventOf(in, a[0], "__repr__");
    std::string extra = e->value ? "set" : "unset";
    if (!e->waiters.empty()) extra += ", waiters:" + std::to_string(e->waiters.size());
    return makeStr("<" + objectReprInner(in, a[0]) + " [" + extra + "]>");
}
Value eventIsSet(Interp& in, CallArgs& a) { return Value::boolean(eventOf(in, a[0], "is_set")->value); }
Value eventSet(Interp& in, CallArgs& a) {
    a.check(in, "set", 1, 1);
    eventOf(in, a[0], "set")->set(in);
    return Value::none();
}
Value eventClear(Interp& in, CallArgs& a) {
    a.check(in, "clear", 1, 1);
    EventObject* e = eventOf(in, a[0], "clear");
    if (e->value) e->recordOp(in, "clear", 0);
    e->value = false;
    return Value::none();
}
Value makeEventWait(const Value& sv) {
    return coroutine<"wait", "Event.wait">([sv](Interp& in, GeneratorObject& co) -> Value {
        EventObject* e = static_cast<EventObject*>(sv.obj());
        if (e->value) return Value::boolean(true);
        Ref<FutureObject> f = e->queueId ? e->getLoop(in)->createFuture({"Queue.join()", e->queueId})
                                         : e->createFuture(in, "Event.wait()");
        e->waiters.push_back(f);
        Value pending;
        try {
            co.awaitFrom(in, Value(f));
        } catch (PyException& ex) {
            pending = ex.exc;
        }
        removeWaiter(in, e->waiters, f.get());
        if (!pending.isNull()) throw PyException{pending};
        return Value::boolean(true);
    });
}
Value eventWait(Interp& in, CallArgs& a) {
    a.check(in, "wait", 1, 1);
    eventOf(in, a[0], "wait");
    return makeEventWait(a[0]);
}
Value eventValueGetter(Interp& in, const Value& v) { return Value::boolean(eventOf(in, v, "_value")->value); }

// ------------------------------------------------------------------ Condition

class ConditionObject : public LoopBound {
public:
    explicit ConditionObject(ClassObject* t) : LoopBound(t) {}
    Value lock;
    Waiters waiters;
};

ConditionObject* condOf(Interp& in, const Value& v, const char* m) {
    return self<ConditionObject>(in, v, syncTypes().condition, m);
}

Value condInit(Interp& in, CallArgs& a) {
    Value lock = a.size() > 1 ? a[1] : a.kw("lock");
    a.checkKeywordsConsumed(in, "__init__");
    a.check(in, "__init__", 1, 2);
    ConditionObject* c = condOf(in, a[0], "__init__");
    if (lock.isNull() || lock.isNone()) lock = in.call(Value(syncTypes().lock), {});
    c->lock = lock;
    c->recordCreated(in);
    in.setAttr(a[0], interned<"locked">(), in.getAttr(lock, interned<"locked">()));
    in.setAttr(a[0], interned<"acquire">(), in.getAttr(lock, interned<"acquire">()));
    in.setAttr(a[0], interned<"release">(), in.getAttr(lock, interned<"release">()));
    c->waiters.clear();
    return Value::none();
}
Value condNew(Interp& in, CallArgs& a) {
    Value v(new ConditionObject(a[0].as<ClassObject>()));
    if (a[0].as<ClassObject>()->isBuiltin) {
        std::vector<Value> pos{v};
        for (size_t i = 1; i < a.size(); ++i) pos.push_back(a[i]);
        std::vector<StrObject*> kwn;
        std::vector<Value> kwv;
        for (size_t i = 0; i < a.kwCount(); ++i) {
            kwn.push_back(a.kwName(i));
            kwv.push_back(a.kwValue(i));
        }
        CallArgs a2(pos.data(), pos.size(), kwv.data(), kwn.data(), kwn.size());
        condInit(in, a2);
    }
    return v;
}
Value condRepr(Interp& in, CallArgs& a) {
    ConditionObject* c = condOf(in, a[0], "__repr__");
    std::string extra = in.truthy(in.callMethod(a[0], interned<"locked">(), {})) ? "locked" : "unlocked";
    if (!c->waiters.empty()) extra += ", waiters:" + std::to_string(c->waiters.size());
    return makeStr("<" + objectReprInner(in, a[0]) + " [" + extra + "]>");
}
Value makeCondWait(const Value& sv) {
    return coroutine<"wait", "Condition.wait">([sv](Interp& in, GeneratorObject& co) -> Value {
        ConditionObject* c = static_cast<ConditionObject*>(sv.obj());
        if (!in.truthy(in.callMethod(sv, interned<"locked">(), {})))
            in.raise(types().RuntimeError, "cannot wait on un-acquired lock");
        in.callMethod(sv, interned<"release">(), {});
        Value pending;
        try {
            Ref<FutureObject> f = c->createFuture(in, "Condition.wait()");
            c->waiters.push_back(f);
            Value inner;
            try {
                co.awaitFrom(in, Value(f));
            } catch (PyException& e) {
                inner = e.exc;
            }
            removeWaiter(in, c->waiters, f.get());
            if (!inner.isNull()) throw PyException{inner};
        } catch (PyException& e) {
            pending = e.exc;
        }
        // finally: re-acquire the lock, even when cancelled
        bool cancelled = false;
        while (true) {
            Value err;
            try {
                co.awaitFrom(in, in.callMethod(sv, interned<"acquire">(), {}));
                break;
            } catch (PyException& e) {
                err = e.exc;
            }
            if (!isCancelledError(in, err)) throw PyException{err};
            cancelled = true;
        }
        if (cancelled) in.raiseValue(in.newException(asyncioTypes().cancelledError, std::vector<Value>{}));
        if (!pending.isNull()) throw PyException{pending};
        return Value::boolean(true);
    });
}
Value condWait(Interp& in, CallArgs& a) {
    a.check(in, "wait", 1, 1);
    condOf(in, a[0], "wait");
    return makeCondWait(a[0]);
}
Value condWaitFor(Interp& in, CallArgs& a) {
    a.check(in, "wait_for", 2, 2);
    condOf(in, a[0], "wait_for");
    Value sv = a[0], pred = a[1];
    return coroutine<"wait_for", "Condition.wait_for">([sv, pred](Interp& in, GeneratorObject& co) -> Value {
        Value result = in.call(pred, {});
        while (!in.truthy(result)) {
            co.awaitFrom(in, in.callMethod(sv, interned<"wait">(), {}));
            result = in.call(pred, {});
        }
        return result;
    });
}
void condNotifyN(Interp& in, const Value& sv, int64_t n) {
    ConditionObject* c = static_cast<ConditionObject*>(sv.obj());
    if (!in.truthy(in.callMethod(sv, interned<"locked">(), {}))) in.raise(types().RuntimeError, "cannot notify on un-acquired lock");
    int64_t idx = 0;
    Waiters snapshot = c->waiters;
    for (auto& f : snapshot) {
        if (idx >= n) break;
        if (!f->done()) {
            idx += 1;
            f->setResult(in, Value::boolean(false));
        }
    }
    c->recordOp(in, "notify", double(idx));
}
Value condNotify(Interp& in, CallArgs& a) {
    Value n = a.size() > 1 ? a[1] : a.kw("n");
    a.checkKeywordsConsumed(in, "notify");
    a.check(in, "notify", 1, 2);
    condOf(in, a[0], "notify");
    condNotifyN(in, a[0], n.isNull() ? 1 : in.toIndex(n));
    return Value::none();
}
Value condNotifyAll(Interp& in, CallArgs& a) {
    a.check(in, "notify_all", 1, 1);
    ConditionObject* c = condOf(in, a[0], "notify_all");
    condNotifyN(in, a[0], int64_t(c->waiters.size()));
    return Value::none();
}
Value condLockGetter(Interp& in, const Value& v) { return condOf(in, v, "_lock")->lock; }

// ------------------------------------------------------------------ Semaphore

class SemaphoreObject : public LoopBound {
public:
    explicit SemaphoreObject(ClassObject* t) : LoopBound(t) {}
    Waiters waiters;
    int64_t value = 1;
    int64_t boundValue = 1;

    bool locked() const {
        if (value == 0) return true;
        for (auto& w : waiters)
            if (w->state != FutureObject::State::Cancelled) return true;
        return false;
    }
    void wakeUpNext(Interp& in) {
        if (waiters.empty()) return;
        for (auto& f : waiters)
            if (!f->done()) {
                value -= 1;
                Ref<FutureObject> keep = f;
                keep->setResult(in, Value::boolean(true));
                return;
            }
    }
};

SemaphoreObject* semOf(Interp& in, const Value& v, const char* m) {
    return self<SemaphoreObject>(in, v, syncTypes().semaphore, m);
}

Value semInit(Interp& in, CallArgs& a) {
    Value v = a.size() > 1 ? a[1] : a.kw("value");
    a.checkKeywordsConsumed(in, "__init__");
    a.check(in, "__init__", 1, 2);
    SemaphoreObject* s = semOf(in, a[0], "__init__");
    int64_t value = v.isNull() ? 1 : in.toIndex(v);
    if (in.isInstance(a[0], syncTypes().boundedSemaphore)) s->boundValue = value;
    if (value < 0) in.valueError("Semaphore initial value must be >= 0");
    s->waiters.clear();
    s->value = value;
    s->recordCreated(in, double(value));
    return Value::none();
}
Value semNew(Interp& in, CallArgs& a) {
    Value v(new SemaphoreObject(a[0].as<ClassObject>()));
    if (a[0].as<ClassObject>()->isBuiltin) {
        std::vector<Value> pos{v};
        for (size_t i = 1; i < a.size(); ++i) pos.push_back(a[i]);
        std::vector<StrObject*> kwn;
        std::vector<Value> kwv;
        for (size_t i = 0; i < a.kwCount(); ++i) {
            kwn.push_back(a.kwName(i));
            kwv.push_back(a.kwValue(i));
        }
        CallArgs a2(pos.data(), pos.size(), kwv.data(), kwn.data(), kwn.size());
        semInit(in, a2);
    }
    return v;
}
Value semRepr(Interp& in, CallArgs& a) {
    SemaphoreObject* s = semOf(in, a[0], "__repr__");
    std::string extra = in.truthy(in.callMethod(a[0], interned<"locked">(), {})) ? "locked"
                                                                        : "unlocked, value:" + std::to_string(s->value);
    if (!s->waiters.empty()) extra += ", waiters:" + std::to_string(s->waiters.size());
    return makeStr("<" + objectReprInner(in, a[0]) + " [" + extra + "]>");
}
Value semLocked(Interp& in, CallArgs& a) { return Value::boolean(semOf(in, a[0], "locked")->locked()); }
Value semAcquire(Interp& in, CallArgs& a) {
    a.check(in, "acquire", 1, 1);
    semOf(in, a[0], "acquire");
    Value sv = a[0];
    return coroutine<"acquire", "Semaphore.acquire">([sv](Interp& in, GeneratorObject& co) -> Value {
        SemaphoreObject* s = static_cast<SemaphoreObject*>(sv.obj());
        if (!in.truthy(in.callMethod(sv, interned<"locked">(), {}))) {
            s->value -= 1;
            s->recordOp(in, "acquire", double(s->value));
            return Value::boolean(true);
        }
        Ref<FutureObject> f = s->createFuture(in, "Semaphore.acquire()");
        s->waiters.push_back(f);
        Value pending;
        try {
            co.awaitFrom(in, Value(f));
        } catch (PyException& e) {
            pending = e.exc;
        }
        try {
            removeWaiter(in, s->waiters, f.get());
        } catch (PyException& e) {
            pending = e.exc;
        }
        if (!pending.isNull()) {
            if (isCancelledError(in, pending) && f->state != FutureObject::State::Cancelled) {
                s->value += 1;
                s->wakeUpNext(in);
            }
            throw PyException{pending};
        }
        s->recordOp(in, "acquire", double(s->value));
        if (s->value > 0) s->wakeUpNext(in);
        return Value::boolean(true);
    });
}
Value semRelease(Interp& in, CallArgs& a) {
    a.check(in, "release", 1, 1);
    SemaphoreObject* s = semOf(in, a[0], "release");
    s->value += 1;
    s->wakeUpNext(in);
    s->recordOp(in, "release", double(s->value));
    return Value::none();
}
Value boundedRelease(Interp& in, CallArgs& a) {
    a.check(in, "release", 1, 1);
    SemaphoreObject* s = semOf(in, a[0], "release");
    if (s->value >= s->boundValue) in.valueError("BoundedSemaphore released too many times");
    s->value += 1;
    s->wakeUpNext(in);
    s->recordOp(in, "release", double(s->value));
    return Value::none();
}
Value semValueGetter(Interp& in, const Value& v) { return Value::integer(semOf(in, v, "_value")->value); }
Value semBoundGetter(Interp& in, const Value& v) { return Value::integer(semOf(in, v, "_bound_value")->boundValue); }

// ------------------------------------------------------------------ Queue

class QueueObject : public LoopBound {
public:
    explicit QueueObject(ClassObject* t) : LoopBound(t) {}
    enum class Store { Fifo, Lifo, Heap };
    Value maxsizeValue = Value::integer(0);
    int64_t maxsize = 0;
    Waiters getters, putters;
    int64_t unfinished = 0;
    Ref<EventObject> finished;
    Store store = Store::Fifo;
    std::deque<Value> items;
    bool initialized = false;

    bool full() const { return maxsize > 0 && int64_t(items.size()) >= maxsize; }
    void wakeupNext(Interp& in, Waiters& waiters) {
        while (!waiters.empty()) {
            Ref<FutureObject> w = waiters.front();
            waiters.pop_front();
            if (!w->done()) {
                w->setResult(in, Value::none());
                break;
            }
        }
    }
};

QueueObject* queueOf(Interp& in, const Value& v, const char* m) {
    return self<QueueObject>(in, v, syncTypes().queue, m);
}

Value queueInit(Interp& in, CallArgs& a) {
    Value m = a.size() > 1 ? a[1] : a.kw("maxsize");
    a.checkKeywordsConsumed(in, "__init__");
    a.check(in, "__init__", 1, 2);
    QueueObject* q = queueOf(in, a[0], "__init__");
    if (m.isNull()) m = Value::integer(0);
    q->maxsizeValue = m;
    q->maxsize = in.toIndex(m);
    q->getters.clear();
    q->putters.clear();
    q->unfinished = 0;
    q->finished = Ref<EventObject>(new EventObject(syncTypes().event));
    q->finished->queueId = q->objectId;
    q->finished->set(in);
    q->initialized = true;
    q->recordCreated(in, double(q->maxsize));
    in.callMethod(a[0], interned<"_init">(), {m});
    return Value::none();
}
Value queueNew(Interp& in, CallArgs& a) {
    auto* qo = new QueueObject(a[0].as<ClassObject>());
    Value v(qo);
    qo->finished = Ref<EventObject>(new EventObject(syncTypes().event));
    qo->finished->queueId = qo->objectId;
    qo->finished->value = true;
    if (a[0].as<ClassObject>()->isBuiltin) {
        std::vector<Value> pos{v};
        for (size_t i = 1; i < a.size(); ++i) pos.push_back(a[i]);
        std::vector<StrObject*> kwn;
        std::vector<Value> kwv;
        for (size_t i = 0; i < a.kwCount(); ++i) {
            kwn.push_back(a.kwName(i));
            kwv.push_back(a.kwValue(i));
        }
        CallArgs a2(pos.data(), pos.size(), kwv.data(), kwn.data(), kwn.size());
        queueInit(in, a2);
    }
    return v;
}

// heapq._siftdown / _siftup, ported exactly.
void heapSiftDown(Interp& in, std::deque<Value>& heap, size_t startpos, size_t pos) {
    Value newitem = heap[pos];
    while (pos > startpos) {
        size_t parentpos = (pos - 1) >> 1;
        Value parent = heap[parentpos];
        if (in.lessThan(newitem, parent)) {
            heap[pos] = parent;
            pos = parentpos;
            continue;
        }
        break;
    }
    heap[pos] = newitem;
}
void heapSiftUp(Interp& in, std::deque<Value>& heap, size_t pos) {
    size_t endpos = heap.size();
    size_t startpos = pos;
    Value newitem = heap[pos];
    size_t childpos = 2 * pos + 1;
    while (childpos < endpos) {
        size_t rightpos = childpos + 1;
        if (rightpos < endpos && !in.lessThan(heap[childpos], heap[rightpos])) childpos = rightpos;
        heap[pos] = heap[childpos];
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    heap[pos] = newitem;
    heapSiftDown(in, heap, startpos, pos);
}

Value queueInitStore(Interp& in, CallArgs& a) {
    queueOf(in, a[0], "_init")->store = QueueObject::Store::Fifo;
    queueOf(in, a[0], "_init")->items.clear();
    return Value::none();
}
Value lifoInitStore(Interp& in, CallArgs& a) {
    queueOf(in, a[0], "_init")->store = QueueObject::Store::Lifo;
    queueOf(in, a[0], "_init")->items.clear();
    return Value::none();
}
Value heapInitStore(Interp& in, CallArgs& a) {
    queueOf(in, a[0], "_init")->store = QueueObject::Store::Heap;
    queueOf(in, a[0], "_init")->items.clear();
    return Value::none();
}
Value queuePutItem(Interp& in, CallArgs& a) {
    a.check(in, "_put", 2, 2);
    QueueObject* q = queueOf(in, a[0], "_put");
    q->items.push_back(a[1]);
    if (q->store == QueueObject::Store::Heap) heapSiftDown(in, q->items, 0, q->items.size() - 1);
    return Value::none();
}
Value queueGetItem(Interp& in, CallArgs& a) {
    a.check(in, "_get", 1, 1);
    QueueObject* q = queueOf(in, a[0], "_get");
    if (q->items.empty())
        in.raise(types().IndexError, q->store == QueueObject::Store::Fifo ? "pop from an empty deque"
                                                                          : q->store == QueueObject::Store::Lifo ? "pop from empty list"
                                                                                                                  : "index out of range");
    if (q->store == QueueObject::Store::Fifo) {
        Value v = q->items.front();
        q->items.pop_front();
        return v;
    }
    Value last = q->items.back();
    q->items.pop_back();
    if (q->store == QueueObject::Store::Lifo || q->items.empty()) return last;
    Value ret = q->items[0];
    q->items[0] = last;
    heapSiftUp(in, q->items, 0);
    return ret;
}

std::string queueFormat(Interp& in, QueueObject* q) {
    std::string r = "maxsize=" + in.repr(q->maxsizeValue);
    if (!q->items.empty())
        r += " _queue=" + in.repr(makeList(std::vector<Value>(q->items.begin(), q->items.end())));
    if (!q->getters.empty()) r += " _getters[" + std::to_string(q->getters.size()) + "]";
    if (!q->putters.empty()) r += " _putters[" + std::to_string(q->putters.size()) + "]";
    if (q->unfinished) r += " tasks=" + std::to_string(q->unfinished);
    return r;
}
Value queueRepr(Interp& in, CallArgs& a) {
    QueueObject* q = queueOf(in, a[0], "__repr__");
    return makeStr("<" + Interp::typeOf(a[0])->name + " at " + address(a[0].obj()) + " " + queueFormat(in, q) + ">");
}
Value queueStr(Interp& in, CallArgs& a) {
    QueueObject* q = queueOf(in, a[0], "__str__");
    return makeStr("<" + Interp::typeOf(a[0])->name + " " + queueFormat(in, q) + ">");
}
Value queueQsize(Interp& in, CallArgs& a) { return Value::integer(int64_t(queueOf(in, a[0], "qsize")->items.size())); }
Value queueMaxsize(Interp& in, const Value& v) { return queueOf(in, v, "maxsize")->maxsizeValue; }
Value queueEmpty(Interp& in, CallArgs& a) { return Value::boolean(queueOf(in, a[0], "empty")->items.empty()); }
Value queueFull(Interp& in, CallArgs& a) { return Value::boolean(queueOf(in, a[0], "full")->full()); }
Value queueUnfinishedGetter(Interp& in, const Value& v) { return Value::integer(queueOf(in, v, "_unfinished_tasks")->unfinished); }
Value queueQueueGetter(Interp& in, const Value& v) {
    QueueObject* q = queueOf(in, v, "_queue");
    return makeList(std::vector<Value>(q->items.begin(), q->items.end()));
}
Value queueFinishedGetter(Interp& in, const Value& v) { return Value(queueOf(in, v, "_finished")->finished); }

bool callFull(Interp& in, const Value& sv) { return in.truthy(in.callMethod(sv, interned<"full">(), {})); }
bool callEmpty(Interp& in, const Value& sv) { return in.truthy(in.callMethod(sv, interned<"empty">(), {})); }

Value queuePutNowait(Interp& in, CallArgs& a) {
    a.check(in, "put_nowait", 2, 2);
    QueueObject* q = queueOf(in, a[0], "put_nowait");
    if (callFull(in, a[0])) in.raiseValue(in.newException(asyncioTypes().queueFull, std::vector<Value>{}));
    in.callMethod(a[0], interned<"_put">(), {a[1]});
    q->recordOp(in, "put", 0, &a[1]);
    q->unfinished += 1;
    q->finished->value = false;
    q->wakeupNext(in, q->getters);
    return Value::none();
}
Value queueGetNowait(Interp& in, CallArgs& a) {
    a.check(in, "get_nowait", 1, 1);
    QueueObject* q = queueOf(in, a[0], "get_nowait");
    if (callEmpty(in, a[0])) in.raiseValue(in.newException(asyncioTypes().queueEmpty, std::vector<Value>{}));
    Value item = in.callMethod(a[0], interned<"_get">(), {});
    // A FIFO or LIFO queue's get takes from a known end: the item need not be written.
    q->recordOp(in, "get", 0, q->store == QueueObject::Store::Heap ? &item : nullptr);
    q->wakeupNext(in, q->putters);
    return item;
}
Value queuePut(Interp& in, CallArgs& a) {
    a.check(in, "put", 2, 2);
    queueOf(in, a[0], "put");
    Value sv = a[0], item = a[1];
    return coroutine<"put", "Queue.put">([sv, item](Interp& in, GeneratorObject& co) -> Value {
        QueueObject* q = static_cast<QueueObject*>(sv.obj());
        while (callFull(in, sv)) {
            Ref<FutureObject> putter = q->createFuture(in, "Queue.put()");
            q->putters.push_back(putter);
            Value pending;
            try {
                co.awaitFrom(in, Value(putter));
            } catch (PyException& e) {
                pending = e.exc;
            }
            if (!pending.isNull()) {
                putter->cancel(in, Value());
                for (auto it = q->putters.begin(); it != q->putters.end(); ++it)
                    if (it->get() == putter.get()) {
                        q->putters.erase(it);
                        break;
                    }
                if (!callFull(in, sv) && putter->state != FutureObject::State::Cancelled) q->wakeupNext(in, q->putters);
                throw PyException{pending};
            }
        }
        return in.callMethod(sv, interned<"put_nowait">(), {item});
    });
}
Value queueGet(Interp& in, CallArgs& a) {
    a.check(in, "get", 1, 1);
    queueOf(in, a[0], "get");
    Value sv = a[0];
    return coroutine<"get", "Queue.get">([sv](Interp& in, GeneratorObject& co) -> Value {
        QueueObject* q = static_cast<QueueObject*>(sv.obj());
        while (callEmpty(in, sv)) {
            Ref<FutureObject> getter = q->createFuture(in, "Queue.get()");
            q->getters.push_back(getter);
            Value pending;
            try {
                co.awaitFrom(in, Value(getter));
            } catch (PyException& e) {
                pending = e.exc;
            }
            if (!pending.isNull()) {
                getter->cancel(in, Value());
                for (auto it = q->getters.begin(); it != q->getters.end(); ++it)
                    if (it->get() == getter.get()) {
                        q->getters.erase(it);
                        break;
                    }
                if (!callEmpty(in, sv) && getter->state != FutureObject::State::Cancelled) q->wakeupNext(in, q->getters);
                throw PyException{pending};
            }
        }
        return in.callMethod(sv, interned<"get_nowait">(), {});
    });
}
Value queueTaskDone(Interp& in, CallArgs& a) {
    a.check(in, "task_done", 1, 1);
    QueueObject* q = queueOf(in, a[0], "task_done");
    if (q->unfinished <= 0) in.valueError("task_done() called too many times");
    q->unfinished -= 1;
    q->recordOp(in, "task_done", 0);
    if (q->unfinished == 0) q->finished->set(in);
    return Value::none();
}
Value queueJoin(Interp& in, CallArgs& a) {
    a.check(in, "join", 1, 1);
    queueOf(in, a[0], "join");
    Value sv = a[0];
    return coroutine<"join", "Queue.join">([sv](Interp& in, GeneratorObject& co) -> Value {
        QueueObject* q = static_cast<QueueObject*>(sv.obj());
        if (q->unfinished > 0) co.awaitFrom(in, makeEventWait(Value(q->finished)));
        return Value::none();
    });
}
Value queueClassGetitem(Interp& in, CallArgs& a) { return a[0]; }

// ------------------------------------------------------------------ registration

const SyncTypes& syncTypes() {
    static SyncTypes t = [] {
        SyncTypes s;
        s.lock = makeSyncClass("Lock", "asyncio.locks", nullptr);
        s.event = makeSyncClass("Event", "asyncio.locks", nullptr);
        s.condition = makeSyncClass("Condition", "asyncio.locks", nullptr);
        s.semaphore = makeSyncClass("Semaphore", "asyncio.locks", nullptr);
        s.boundedSemaphore = makeSyncClass("BoundedSemaphore", "asyncio.locks", s.semaphore);
        s.queue = makeSyncClass("Queue", "asyncio.queues", nullptr);
        s.priorityQueue = makeSyncClass("PriorityQueue", "asyncio.queues", s.queue);
        s.lifoQueue = makeSyncClass("LifoQueue", "asyncio.queues", s.queue);

        for (ClassObject* c : {s.lock, s.event, s.condition, s.semaphore, s.queue}) {
            defineMethod(c, "_get_loop", getLoopMethod);
            defineGetter(c, "_loop", loopGetter);
        }
        for (ClassObject* c : {s.lock, s.condition, s.semaphore}) {
            defineMethod(c, "__aenter__", cmAenter);
            defineMethod(c, "__aexit__", cmAexit);
        }

        s.lock->nativeNew = lockNew;
        defineMethod(s.lock, "__init__", lockInit);
        defineMethod(s.lock, "__repr__", lockRepr);
        defineMethod(s.lock, "locked", lockLocked);
        defineMethod(s.lock, "acquire", lockAcquire);
        defineMethod(s.lock, "release", lockRelease);
        defineGetter(s.lock, "_locked", lockLockedGetter);

        s.event->nativeNew = eventNew;
        defineMethod(s.event, "__init__", eventInit);
        defineMethod(s.event, "__repr__", eventRepr);
        defineMethod(s.event, "is_set", eventIsSet);
        defineMethod(s.event, "set", eventSet);
        defineMethod(s.event, "clear", eventClear);
        defineMethod(s.event, "wait", eventWait);
        defineGetter(s.event, "_value", eventValueGetter);

        s.condition->nativeNew = condNew;
        defineMethod(s.condition, "__init__", condInit);
        defineMethod(s.condition, "__repr__", condRepr);
        defineMethod(s.condition, "wait", condWait);
        defineMethod(s.condition, "wait_for", condWaitFor);
        defineMethod(s.condition, "notify", condNotify);
        defineMethod(s.condition, "notify_all", condNotifyAll);
        defineGetter(s.condition, "_lock", condLockGetter);

        s.semaphore->nativeNew = semNew;
        defineMethod(s.semaphore, "__init__", semInit);
        defineMethod(s.semaphore, "__repr__", semRepr);
        defineMethod(s.semaphore, "locked", semLocked);
        defineMethod(s.semaphore, "acquire", semAcquire);
        defineMethod(s.semaphore, "release", semRelease);
        defineGetter(s.semaphore, "_value", semValueGetter);
        defineMethod(s.boundedSemaphore, "release", boundedRelease);
        defineGetter(s.boundedSemaphore, "_bound_value", semBoundGetter);

        ClassObject* q = s.queue;
        q->nativeNew = queueNew;
        defineMethod(q, "__init__", queueInit);
        defineMethod(q, "_init", queueInitStore);
        defineMethod(q, "_put", queuePutItem);
        defineMethod(q, "_get", queueGetItem);
        defineMethod(q, "__repr__", queueRepr);
        defineMethod(q, "__str__", queueStr);
        defineClassMethod(q, "__class_getitem__", queueClassGetitem);
        defineMethod(q, "qsize", queueQsize);
        defineGetter(q, "maxsize", queueMaxsize);
        defineMethod(q, "empty", queueEmpty);
        defineMethod(q, "full", queueFull);
        defineMethod(q, "put", queuePut);
        defineMethod(q, "put_nowait", queuePutNowait);
        defineMethod(q, "get", queueGet);
        defineMethod(q, "get_nowait", queueGetNowait);
        defineMethod(q, "task_done", queueTaskDone);
        defineMethod(q, "join", queueJoin);
        defineGetter(q, "_unfinished_tasks", queueUnfinishedGetter);
        defineGetter(q, "_queue", queueQueueGetter);
        defineGetter(q, "_finished", queueFinishedGetter);
        defineMethod(s.priorityQueue, "_init", heapInitStore);
        defineMethod(s.lifoQueue, "_init", lifoInitStore);
        return s;
    }();
    return t;
}

}  // namespace

void installSyncPrimitives(DictObject* d) {
    const SyncTypes& s = syncTypes();
    for (ClassObject* c : {s.lock, s.event, s.condition, s.semaphore, s.boundedSemaphore, s.queue, s.priorityQueue,
                           s.lifoQueue})
        defineValue(d, c->name.c_str(), Value(c));
}

}  // namespace ascope::aio
