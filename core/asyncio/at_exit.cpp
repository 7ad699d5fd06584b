// What CPython's garbage collector does to asyncio objects when the program
// ends.
//
// Why it exists: a pending task is always part of a reference cycle (the
// future it waits for holds the task's wake-up callback, the task holds the
// future), so CPython frees it only in a cyclic collection: the reference
// runner ends with `gc.collect()` once the program's namespace is gone, and
// that is when "Task was destroyed but it is pending!" is logged and the
// coroutines left suspended are closed (their `finally` blocks run).
// asyncscope counts references without a cycle collector, so this file does
// that last collection for the tasks: those of a loop nobody can reach any
// more (closed, or no longer the current event loop), in creation order,
// each coroutine closed just before its task is finalized, as CPython's
// collector visits them (allocation order) in a small program.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

#include <cstdio>

namespace ascope::aio {

using namespace rt;

void collectAtExit(Interp& in) {
    AsyncioState& st = state(in);
    std::vector<Ref<TaskObject>> garbage;
    for (auto& [id, t] : st.liveTasks) {
        if (t->done()) continue;
        // The current event loop, still open, is reachable (through the
        // policy), and so are the tasks its handles refer to.
        if (t->loop && t->loop.get() == st.eventLoop.get() && !t->loop->closed) continue;
        garbage.push_back(Ref<TaskObject>(t));
    }
    if (garbage.empty()) return;
    // In allocation order, as the collector visits them: each coroutine
    // (made just before its task) is closed at its suspended await, then
    // the task logs "Task was destroyed but it is pending!".
    for (auto& t : garbage) {
        if (t->coro.isObj(Kind::Generator)) {
            auto* g = t->coro.as<GeneratorObject>();
            if (g->state == GeneratorObject::State::Suspended) {
                Value pending;
                try {
                    g->close(in);
                } catch (PyException& e) {
                    pending = e.exc;
                } catch (AbortRun&) {
                }
                if (!pending.isNull()) {
                    char buf[64];
                    std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(g));
                    in.writeUnraisable(pending, "<coroutine object " + g->qualname->s + buf);
                }
            }
        }
        if (t->logDestroyPending && t->loop && !t->done()) {
            Ref<DictObject> ctx(new DictObject());
            ctx->setStr(intern("task"), Value(t));
            ctx->setStr(intern("message"), makeStr("Task was destroyed but it is pending!"));
            try {
                t->loop->callExceptionHandler(in, Value(ctx));
            } catch (PyException&) {
            }
        }
        t->logDestroyPending = false;  // reported once
    }
}

}  // namespace ascope::aio
