// asyncio.Barrier: a port of CPython 3.11's locks.Barrier.
//
// Why it is built this way: CPython builds the barrier on an asyncio
// Condition (`async with self._cond`, `cond.wait_for(predicate)`,
// `cond.notify_all()`), so the order in which the parties wake up is the
// order of the condition's waiter futures and of its lock. This port drives
// the module's own Condition object through the same method calls, with the
// same try/finally structure, so every wake-up is scheduled as in CPython.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

#include <cstdio>

namespace ascope::aio {

using namespace rt;

namespace {

enum class BarrierState { Filling, Draining, Resetting, Broken };

const char* stateValue(BarrierState s) {
    switch (s) {
    case BarrierState::Filling: return "filling";
    case BarrierState::Draining: return "draining";
    case BarrierState::Resetting: return "resetting";
    case BarrierState::Broken: return "broken";
    }
    return "?";
}

Value& conditionClass() {
    static Value c;
    return c;
}

class BarrierObject : public NativeObject {
public:
    explicit BarrierObject(ClassObject* c) : NativeObject(c) {}
    Value cond;  // notify all tasks when state changes
    Value parties;
    BarrierState state = BarrierState::Filling;
    int64_t count = 0;  // count tasks in Barrier
};

ClassObject* barrierClass();

BarrierObject* barrierOf(Interp& in, const Value& v, const char* method) {
    if (!v.isObj(Kind::Native) || !in.isInstance(v, barrierClass()))
        in.typeError(std::string("descriptor '") + method + "' requires a 'Barrier' object");
    return static_cast<BarrierObject*>(v.obj());
}

bool partiesReached(Interp& in, BarrierObject* b, int64_t n) {
    return in.eq(Value::integer(n), b->parties);
}

// `async with self._cond:` around `body`: __aenter__, the body, then
// __aexit__ with the exception (if any) the body raised.
template <class Body>
Value withCondition(Interp& in, GeneratorObject& co, BarrierObject* b, Body body) {
    Value cond = b->cond;
    co.awaitFrom(in, in.callMethod(cond, interned<"__aenter__">(), {}));
    Value result;
    Value pending;
    try {
        result = body();
    } catch (PyException& e) {
        pending = e.exc;
    }
    if (pending.isNull()) {
        co.awaitFrom(in, in.callMethod(cond, interned<"__aexit__">(), {Value::none(), Value::none(), Value::none()}));
        return result;
    }
    Value tb = in.getAttrOrNull(pending, intern("__traceback__"));
    Value suppress = co.awaitFrom(
        in, in.callMethod(cond, interned<"__aexit__">(), {Value(Interp::typeOf(pending)), pending, tb.isNull() ? Value::none() : tb}));
    if (in.truthy(suppress)) return Value::none();
    throw PyException{pending};
}

Value notBlockedPredicate(Interp& in, CallArgs& a) {
    auto* b = static_cast<BarrierObject*>(a[0].obj());
    return Value::boolean(b->state != BarrierState::Draining && b->state != BarrierState::Resetting);
}

Value notFillingPredicate(Interp& in, CallArgs& a) {
    auto* b = static_cast<BarrierObject*>(a[0].obj());
    return Value::boolean(b->state != BarrierState::Filling);
}

// _block(): wait while the barrier drains or resets; broken -> BrokenBarrierError.
void block(Interp& in, GeneratorObject& co, const Value& self) {
    auto* b = static_cast<BarrierObject*>(self.obj());
    Value pred(new BuiltinObject("Barrier._block.<locals>.<lambda>", notBlockedPredicate, self));
    co.awaitFrom(in, in.callMethod(b->cond, interned<"wait_for">(), {pred}));
    if (b->state == BarrierState::Broken)
        in.raiseValue(in.newException(asyncioTypes().brokenBarrierError, "Barrier aborted"));
}

// _release(): enter draining; waiting tasks are released.
void release(Interp& in, BarrierObject* b) {
    b->state = BarrierState::Draining;
    in.callMethod(b->cond, interned<"notify_all">(), {});
}

// _wait(): wait for the end of filling.
void waitFilled(Interp& in, GeneratorObject& co, const Value& self) {
    auto* b = static_cast<BarrierObject*>(self.obj());
    Value pred(new BuiltinObject("Barrier._wait.<locals>.<lambda>", notFillingPredicate, self));
    co.awaitFrom(in, in.callMethod(b->cond, interned<"wait_for">(), {pred}));
    if (b->state == BarrierState::Broken || b->state == BarrierState::Resetting)
        in.raiseValue(in.newException(asyncioTypes().brokenBarrierError, "Abort or reset of barrier"));
}

// _exit(): the last task out signals the tasks waiting for the drain.
void exitBarrier(Interp& in, BarrierObject* b) {
    if (b->count == 0) {
        if (b->state == BarrierState::Resetting || b->state == BarrierState::Draining) b->state = BarrierState::Filling;
        in.callMethod(b->cond, interned<"notify_all">(), {});
    }
}

Value barrierWaitBody(Interp& in, GeneratorObject& co, const Value& self) {
    auto* b = static_cast<BarrierObject*>(self.obj());
    return withCondition(in, co, b, [&]() -> Value {
        block(in, co, self);  // Block while the barrier drains or resets.
        Value result;
        Value pending;
        try {
            int64_t index = b->count;
            b->count += 1;
            if (partiesReached(in, b, index + 1)) release(in, b);  // We release the barrier
            else waitFilled(in, co, self);
            result = Value::integer(index);
        } catch (PyException& e) {
            pending = e.exc;
        }
        // finally:
        b->count -= 1;
        // Wake up any tasks waiting for barrier to drain.
        exitBarrier(in, b);
        if (!pending.isNull()) throw PyException{pending};
        return result;
    });
}

Value barrierNew(Interp& in, CallArgs& a) {
    Value parties = a.size() > 1 ? a[1] : a.kw("parties");
    a.checkKeywordsConsumed(in, "Barrier");
    if (parties.isNull()) in.typeError("Barrier.__init__() missing 1 required positional argument: 'parties'");
    if (a.size() > 2)
        in.typeError("Barrier.__init__() takes 2 positional arguments but " + std::to_string(a.size()) + " were given");
    if (in.truthy(in.compare(lang::CmpOpKind::Lt, parties, Value::integer(1)))) in.valueError("parties must be > 0");
    auto* b = new BarrierObject(a[0].as<ClassObject>());
    Value self(b);
    b->cond = in.call(conditionClass(), {});
    b->parties = parties;
    return self;
}

std::string address(const rt::Object* p) { return rt::addressText(p); }

int64_t nWaiting(BarrierObject* b) { return b->state == BarrierState::Filling ? b->count : 0; }

Value barrierRepr(Interp& in, CallArgs& a) {
    BarrierObject* b = barrierOf(in, a[0], "__repr__");
    std::string extra = stateValue(b->state);
    if (b->state != BarrierState::Broken)
        extra += ", waiters:" + std::to_string(nWaiting(b)) + "/" + in.str(b->parties);
    return makeStr("<" + Interp::typeOf(a[0])->qualifiedName() + " object at " + address(a[0].obj()) + " [" + extra +
                   "]>");
}

Value barrierWait(Interp& in, CallArgs& a) {
    a.check(in, "wait", 1, 1);
    Value self = a[0];
    barrierOf(in, self, "wait");
    return Value(new GeneratorObject("wait", "Barrier.wait", [self](Interp& in, GeneratorObject& co) -> Value {
        return barrierWaitBody(in, co, self);
    }));
}

Value barrierAenter(Interp& in, CallArgs& a) {
    a.check(in, "__aenter__", 1, 1);
    Value self = a[0];
    barrierOf(in, self, "__aenter__");
    return Value(new GeneratorObject("__aenter__", "Barrier.__aenter__", [self](Interp& in, GeneratorObject& co) -> Value {
        // wait for the barrier reaches the parties number
        return co.awaitFrom(in, in.callMethod(self, interned<"wait">(), {}));
    }));
}

Value barrierAexit(Interp& in, CallArgs& a) {
    barrierOf(in, a[0], "__aexit__");
    return Value(new GeneratorObject("__aexit__", "Barrier.__aexit__",
                                     [](Interp& in, GeneratorObject&) -> Value { return Value::none(); }));
}

Value barrierReset(Interp& in, CallArgs& a) {
    a.check(in, "reset", 1, 1);
    Value self = a[0];
    barrierOf(in, self, "reset");
    return Value(new GeneratorObject("reset", "Barrier.reset", [self](Interp& in, GeneratorObject& co) -> Value {
        auto* b = static_cast<BarrierObject*>(self.obj());
        return withCondition(in, co, b, [&]() -> Value {
            if (b->count > 0) {
                // reset the barrier, waking up tasks
                if (b->state != BarrierState::Resetting) b->state = BarrierState::Resetting;
            } else {
                b->state = BarrierState::Filling;
            }
            in.callMethod(b->cond, interned<"notify_all">(), {});
            return Value::none();
        });
    }));
}

Value barrierAbort(Interp& in, CallArgs& a) {
    a.check(in, "abort", 1, 1);
    Value self = a[0];
    barrierOf(in, self, "abort");
    return Value(new GeneratorObject("abort", "Barrier.abort", [self](Interp& in, GeneratorObject& co) -> Value {
        auto* b = static_cast<BarrierObject*>(self.obj());
        return withCondition(in, co, b, [&]() -> Value {
            b->state = BarrierState::Broken;
            in.callMethod(b->cond, interned<"notify_all">(), {});
            return Value::none();
        });
    }));
}

Value barrierParties(Interp& in, const Value& v) { return barrierOf(in, v, "parties")->parties; }
Value barrierNWaiting(Interp& in, const Value& v) { return Value::integer(nWaiting(barrierOf(in, v, "n_waiting"))); }
Value barrierBroken(Interp& in, const Value& v) {
    return Value::boolean(barrierOf(in, v, "broken")->state == BarrierState::Broken);
}
Value barrierCountGetter(Interp& in, const Value& v) { return Value::integer(barrierOf(in, v, "_count")->count); }

ClassObject* barrierClass() {
    static ClassObject* c = [] {
        auto* k = new ClassObject(types().type, "Barrier", Kind::Native);
        k->pin();
        k->module = "asyncio.locks";
        k->isBuiltin = true;
        k->mro.push_back(k);
        k->bases.push_back(Ref<ClassObject>(types().object));
        k->mro.push_back(types().object);
        k->nativeNew = barrierNew;
        defineMethod(k, "__repr__", barrierRepr);
        defineMethod(k, "wait", barrierWait);
        defineMethod(k, "reset", barrierReset);
        defineMethod(k, "abort", barrierAbort);
        defineMethod(k, "__aenter__", barrierAenter);
        defineMethod(k, "__aexit__", barrierAexit);
        defineGetter(k, "parties", barrierParties);
        defineGetter(k, "n_waiting", barrierNWaiting);
        defineGetter(k, "broken", barrierBroken);
        defineGetter(k, "_count", barrierCountGetter);
        return k;
    }();
    return c;
}

}  // namespace

void installBarrier(DictObject* d) {
    conditionClass() = d->getStr(intern("Condition"));
    defineValue(d, "Barrier", Value(barrierClass()));
}

}  // namespace ascope::aio
