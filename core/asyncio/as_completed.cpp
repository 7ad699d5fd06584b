// asyncio.as_completed(fs, *, timeout=None): a port of CPython 3.11's
// tasks.as_completed.
//
// Why it is built this way: CPython's as_completed is a generator function.
// Nothing happens until the first next(): then the futures are wrapped
// (ensure_future over set(fs), so into a set), each gets the `_on_completion`
// done callback that moves it into an asyncio.Queue, and a TimerHandle runs
// `_on_timeout` if a timeout is given. Each value yielded is a fresh
// `_wait_for_one()` coroutine taking the next finished future from the queue.
// The same objects (a real Queue, a real set, bound callbacks) are used here
// so their wake-ups are scheduled in CPython's order.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

namespace ascope::rt {
void setObjectType(Object* o, ClassObject* t);
}

namespace ascope::aio {

using namespace rt;

namespace {

Value& queueClass() {
    static Value q;
    return q;
}

// The closure of one as_completed() call: todo, done, timeout_handle.
class AsCompletedState : public NativeObject {
public:
    AsCompletedState() : NativeObject(types().object) {}
    Value todo;                          // set of futures
    Value done;                          // asyncio.Queue
    Value timeoutHandle = Value::none(); // TimerHandle or None
    Value onCompletion;                  // the bound _on_completion callback
};

AsCompletedState* stateOf(const Value& v) { return static_cast<AsCompletedState*>(v.obj()); }

Value onTimeout(Interp& in, CallArgs& a) {
    AsCompletedState* st = stateOf(a[0]);
    for (const Value& f : in.toVector(st->todo)) {
        in.callMethod(f, intern("remove_done_callback"), {st->onCompletion});
        in.callMethod(st->done, intern("put_nowait"), {Value::none()});  // a dummy value for _wait_for_one()
    }
    in.callMethod(st->todo, intern("clear"), {});
    return Value::none();
}

Value onCompletion(Interp& in, CallArgs& a) {
    AsCompletedState* st = stateOf(a[0]);
    Value f = a[1];
    if (!in.truthy(st->todo)) return Value::none();  // _on_timeout() was here first.
    in.callMethod(st->todo, intern("remove"), {f});
    in.callMethod(st->done, intern("put_nowait"), {f});
    if (!in.truthy(st->todo) && !st->timeoutHandle.isNone()) in.callMethod(st->timeoutHandle, intern("cancel"), {});
    return Value::none();
}

Value waitForOne(const Value& sv) {
    return Value(new GeneratorObject("_wait_for_one", "as_completed.<locals>._wait_for_one",
                                     [sv](Interp& in, GeneratorObject& self) -> Value {
                                         AsCompletedState* st = stateOf(sv);
                                         Value f = self.awaitFrom(in, in.callMethod(st->done, intern("get"), {}));
                                         if (f.isNone()) {
                                             // Dummy value from _on_timeout().
                                             in.raiseValue(in.newException(types().TimeoutError, std::vector<Value>{}));
                                         }
                                         return in.callMethod(f, intern("result"), {});  // May raise f.exception().
                                     }));
}

Value asyncioAsCompleted(Interp& in, CallArgs& a) {
    Value timeout = a.kw("timeout");
    a.checkKeywordsConsumed(in, "as_completed");
    if (a.size() != 1) {
        if (a.size() == 0) in.typeError("as_completed() missing 1 required positional argument: 'fs'");
        in.typeError("as_completed() takes 1 positional argument but " + std::to_string(a.size()) + " were given");
    }
    if (timeout.isNull()) timeout = Value::none();
    Value fs = a[0];
    auto* gen = new GeneratorObject("as_completed", "as_completed", [fs, timeout](Interp& in, GeneratorObject& self) -> Value {
        if (isFuture(fs) || (fs.isObj(Kind::Generator) && fs.obj()->type() == types().coroutine))
            in.typeError("expect an iterable of futures, not " + Interp::typeName(fs));
        Value sv(new AsCompletedState());
        AsCompletedState* st = stateOf(sv);
        st->done = in.call(queueClass(), {});
        Ref<EventLoopObject> loop = getEventLoop(in);
        Value fsSet = in.call(Value(types().set), {fs});
        st->todo = Value(new SetObject(types().set, Kind::Set));
        for (const Value& f : in.toVector(fsSet))
            st->todo.as<SetObject>()->add(in, ensureFuture(in, f, loop.get()));
        st->onCompletion = Value(new BuiltinObject("as_completed.<locals>._on_completion", onCompletion, sv));
        for (const Value& f : in.toVector(st->todo))
            in.callMethod(f, intern("add_done_callback"), {st->onCompletion});
        if (in.truthy(st->todo) && !timeout.isNone())
            st->timeoutHandle = Value(loop->callLater(in, toDelay(in, timeout, "delay"),
                                                      Value(new BuiltinObject("as_completed.<locals>._on_timeout",
                                                                              onTimeout, sv)),
                                                      {}));
        int64_t n = in.len(st->todo);
        for (int64_t i = 0; i < n; ++i) self.yield(in, waitForOne(sv));
        return Value::none();
    });
    setObjectType(gen, types().generator);
    gen->flavor = GeneratorObject::Flavor::Generator;
    return Value(gen);
}

}  // namespace

void installAsCompleted(DictObject* d) {
    queueClass() = d->getStr(intern("Queue"));
    defineFunction(d, "as_completed", asyncioAsCompleted);
}

}  // namespace ascope::aio
