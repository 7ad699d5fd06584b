// asyncio.timeout(), asyncio.timeout_at() and the Timeout class: a port of
// CPython 3.11's Lib/asyncio/timeouts.py.
//
// Why it is built this way: a Timeout is a loop callback (`_on_timeout`, a
// TimerHandle or, for a deadline already passed, a Handle from call_soon)
// that cancels the task owning the `async with` block; __aexit__ turns that
// one cancellation back into TimeoutError, using the task's cancel-request
// count (cancelling()/uncancel()) to tell it apart from a cancellation that
// came from outside. Every step calls the same methods CPython calls, in the
// same order, so the handles and the exception chain come out identical.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

namespace ascope::aio {

using namespace rt;

namespace {

// timeouts._State; the strings are the enum's values, shown by repr().
enum class TimeoutState { Created, Entered, Expiring, Expired, Exited };

const char* stateValue(TimeoutState s) {
    switch (s) {
    case TimeoutState::Created: return "created";
    case TimeoutState::Entered: return "active";
    case TimeoutState::Expiring: return "expiring";
    case TimeoutState::Expired: return "expired";
    case TimeoutState::Exited: return "finished";
    }
    return "?";
}

class TimeoutObject : public NativeObject {
public:
    explicit TimeoutObject(ClassObject* c) : NativeObject(c) {}
    TimeoutState state = TimeoutState::Created;
    Value timeoutHandler = Value::none();  // a Handle/TimerHandle or None
    Value task = Value::none();
    Value when = Value::none();             // a number or None
    Value cancelling;                       // task.cancelling() at __aenter__
};

ClassObject* timeoutClass();

TimeoutObject* timeoutOf(Interp& in, const Value& v, const char* method) {
    if (!v.isObj(Kind::Native) || !in.isInstance(v, timeoutClass()))
        in.typeError(std::string("descriptor '") + method + "' for 'Timeout' objects doesn't apply to a '" +
                     Interp::typeName(v) + "' object");
    return static_cast<TimeoutObject*>(v.obj());
}

Value timeoutOnTimeout(Interp& in, CallArgs& a) {
    TimeoutObject* t = timeoutOf(in, a[0], "_on_timeout");
    if (t->state != TimeoutState::Entered) in.raise(types().AssertionError, "");
    in.callMethod(t->task, intern("cancel"), {});
    t->state = TimeoutState::Expiring;
    // drop the reference early
    t->timeoutHandler = Value::none();
    return Value::none();
}

// Timeout.reschedule(when)
void reschedule(Interp& in, const Value& self, Value when) {
    TimeoutObject* t = static_cast<TimeoutObject*>(self.obj());
    if (t->state != TimeoutState::Entered) {
        if (t->state == TimeoutState::Created) in.raise(types().RuntimeError, "Timeout has not been entered");
        in.raise(types().RuntimeError, std::string("Cannot change state of ") + stateValue(t->state) + " Timeout");
    }
    t->when = when;
    if (!t->timeoutHandler.isNone()) in.callMethod(t->timeoutHandler, intern("cancel"), {});
    if (when.isNone()) {
        t->timeoutHandler = Value::none();
        return;
    }
    Ref<EventLoopObject> loop = getRunningLoop(in);
    if (!loop) in.raise(types().RuntimeError, "no running event loop");
    Value cb(new BuiltinObject("Timeout._on_timeout", timeoutOnTimeout, self));
    double w = toDelay(in, when, "when");
    if (w <= loop->time(in)) t->timeoutHandler = Value(loop->callSoon(in, cb, {}));
    else t->timeoutHandler = Value(loop->callAt(in, w, cb, {}, when));
}

Value timeoutInit(Interp& in, CallArgs& a);

// Timeout(when): the builtin class gets no __init__ call, so __new__ does its work.
Value timeoutNew(Interp& in, CallArgs& a) {
    Value self(new TimeoutObject(a[0].as<ClassObject>()));
    std::vector<Value> args(a.data(), a.data() + a.size());
    args[0] = self;
    std::vector<StrObject*> kwn;
    std::vector<Value> kwv;
    for (size_t i = 0; i < a.kwCount(); ++i) {
        kwn.push_back(a.kwName(i));
        kwv.push_back(a.kwValue(i));
    }
    CallArgs a2(args.data(), args.size(), kwv.data(), kwn.data(), kwn.size());
    timeoutInit(in, a2);
    return self;
}

Value timeoutInit(Interp& in, CallArgs& a) {
    Value when = a.size() > 1 ? a[1] : a.kw("when");
    a.checkKeywordsConsumed(in, "__init__");
    if (when.isNull()) in.typeError("Timeout.__init__() missing 1 required positional argument: 'when'");
    a.check(in, "__init__", 1, 2);
    TimeoutObject* t = timeoutOf(in, a[0], "__init__");
    t->state = TimeoutState::Created;
    t->timeoutHandler = Value::none();
    t->task = Value::none();
    t->when = when;
    return Value::none();
}

Value timeoutWhen(Interp& in, CallArgs& a) {
    a.check(in, "when", 1, 1);
    return timeoutOf(in, a[0], "when")->when;
}

Value timeoutReschedule(Interp& in, CallArgs& a) {
    Value when = a.size() > 1 ? a[1] : a.kw("when");
    a.checkKeywordsConsumed(in, "reschedule");
    if (when.isNull()) in.typeError("Timeout.reschedule() missing 1 required positional argument: 'when'");
    a.check(in, "reschedule", 1, 2);
    timeoutOf(in, a[0], "reschedule");
    reschedule(in, a[0], when);
    return Value::none();
}

Value timeoutExpired(Interp& in, CallArgs& a) {
    a.check(in, "expired", 1, 1);
    TimeoutState s = timeoutOf(in, a[0], "expired")->state;
    return Value::boolean(s == TimeoutState::Expiring || s == TimeoutState::Expired);
}

Value timeoutRepr(Interp& in, CallArgs& a) {
    TimeoutObject* t = timeoutOf(in, a[0], "__repr__");
    std::string info;
    if (t->state == TimeoutState::Entered) {
        Value when = Value::none();
        if (!t->when.isNone()) when = in.call(in.builtinsDict()->getStr(intern("round")), {t->when, Value::integer(3)});
        info = " when=" + in.str(when);
    }
    return makeStr(std::string("<Timeout [") + stateValue(t->state) + "]" + info + ">");
}

Value timeoutAenter(Interp& in, CallArgs& a) {
    a.check(in, "__aenter__", 1, 1);
    Value self = a[0];
    timeoutOf(in, self, "__aenter__");
    return makeNativeCoroutine("__aenter__", [self](Interp& in, GeneratorObject&) -> Value {
        TimeoutObject* t = static_cast<TimeoutObject*>(self.obj());
        if (t->state != TimeoutState::Created) in.raise(types().RuntimeError, "Timeout has already been entered");
        Ref<EventLoopObject> loop = getRunningLoop(in);
        if (!loop) in.raise(types().RuntimeError, "no running event loop");
        if (!loop->currentTask) in.raise(types().RuntimeError, "Timeout should be used inside a task");
        t->state = TimeoutState::Entered;
        t->task = Value(loop->currentTask);
        t->cancelling = in.callMethod(t->task, intern("cancelling"), {});
        reschedule(in, self, t->when);
        return self;
    });
}

Value timeoutAexit(Interp& in, CallArgs& a) {
    a.check(in, "__aexit__", 4, 4);
    Value self = a[0], excType = a[1], excVal = a[2];
    timeoutOf(in, self, "__aexit__");
    return makeNativeCoroutine("__aexit__", [self, excType, excVal](Interp& in, GeneratorObject&) -> Value {
        TimeoutObject* t = static_cast<TimeoutObject*>(self.obj());
        if (t->state != TimeoutState::Entered && t->state != TimeoutState::Expiring)
            in.raise(types().AssertionError, "");
        if (!t->timeoutHandler.isNone()) {
            in.callMethod(t->timeoutHandler, intern("cancel"), {});
            t->timeoutHandler = Value::none();
        }
        if (t->state == TimeoutState::Expiring) {
            t->state = TimeoutState::Expired;
            Value left = in.callMethod(t->task, intern("uncancel"), {});
            if (in.truthy(in.compare(lang::CmpOpKind::LtE, left, t->cancelling)) &&
                excType.is(Value(asyncioTypes().cancelledError))) {
                // Since there are no new cancel requests, we're handling this.
                Value e = in.newException(types().TimeoutError, std::vector<Value>{});
                auto* eo = e.as<ExceptionObject>();
                eo->cause = excVal;
                eo->suppressContext = true;
                in.raiseValue(e);
            }
        } else if (t->state == TimeoutState::Entered) {
            t->state = TimeoutState::Exited;
        }
        return Value::none();
    });
}

ClassObject* timeoutClass() {
    static ClassObject* c = [] {
        auto* k = new ClassObject(types().type, "Timeout", Kind::Native);
        k->pin();
        k->module = "asyncio.timeouts";
        k->isBuiltin = true;
        k->mro.push_back(k);
        k->bases.push_back(Ref<ClassObject>(types().object));
        k->mro.push_back(types().object);
        k->nativeNew = timeoutNew;
        defineMethod(k, "__init__", timeoutInit);
        defineMethod(k, "when", timeoutWhen);
        defineMethod(k, "reschedule", timeoutReschedule);
        defineMethod(k, "expired", timeoutExpired);
        defineMethod(k, "__repr__", timeoutRepr);
        defineMethod(k, "__aenter__", timeoutAenter);
        defineMethod(k, "__aexit__", timeoutAexit);
        defineMethod(k, "_on_timeout", timeoutOnTimeout);
        return k;
    }();
    return c;
}

Value makeTimeout(Interp& in, const Value& when) {
    Value t = Value(new TimeoutObject(timeoutClass()));
    static_cast<TimeoutObject*>(t.obj())->when = when;
    return t;
}

// timeout(delay)
Value asyncioTimeout(Interp& in, CallArgs& a) {
    Value delay = a.size() > 0 ? a[0] : a.kw("delay");
    a.checkKeywordsConsumed(in, "timeout");
    if (delay.isNull()) in.typeError("timeout() missing 1 required positional argument: 'delay'");
    a.check(in, "timeout", 0, 1);
    Ref<EventLoopObject> loop = getRunningLoop(in);
    if (!loop) in.raise(types().RuntimeError, "no running event loop");
    Value when = delay.isNone() ? Value::none() : in.binaryOp(lang::BinOpKind::Add, Value::real(loop->time(in)), delay);
    return makeTimeout(in, when);
}

// timeout_at(when)
Value asyncioTimeoutAt(Interp& in, CallArgs& a) {
    Value when = a.size() > 0 ? a[0] : a.kw("when");
    a.checkKeywordsConsumed(in, "timeout_at");
    if (when.isNull()) in.typeError("timeout_at() missing 1 required positional argument: 'when'");
    a.check(in, "timeout_at", 0, 1);
    return makeTimeout(in, when);
}

}  // namespace

void installTimeouts(DictObject* d) {
    defineValue(d, "Timeout", Value(timeoutClass()));
    defineFunction(d, "timeout", asyncioTimeout);
    defineFunction(d, "timeout_at", asyncioTimeoutAt);
}

}  // namespace ascope::aio
