// Generators, coroutines and async generators.
//
// Why it is built this way: each generator body runs on its own fiber
// (sched/fiber.h). `send()` switches into the fiber; `yield` switches back.
// The values crossing the switch (the value sent in, the exception thrown in,
// the value yielded, the result or the exception that ended the body) travel
// as plain fields of the object, never as C++ exceptions. The generator's
// frame lives in the object, so a suspended generator's locals and line stay
// inspectable.
#pragma once

#include "runtime/interp.h"
#include "sched/fiber.h"

#include <functional>

namespace ascope::rt {

class GeneratorObject : public Object {
public:
    enum class Flavor { Generator, Coroutine, AsyncGenerator };
    enum class State { Created, Suspended, Running, Finished };
    // What one resumption produced.
    enum class Outcome { Yielded, Returned, Raised };

    GeneratorObject(ClassObject* type, Flavor flavor, Ref<FunctionObject> func,
                    std::unique_ptr<Value[]> fast, std::unique_ptr<Ref<CellObject>[]> cells);
    // A coroutine whose body is C++ (asyncio.sleep, Queue.get...): it behaves
    // like any coroutine object (send/throw/close, "never awaited"), and its
    // body may await through `awaitFrom()`.
    using NativeBody = std::function<Value(Interp&, GeneratorObject& self)>;
    GeneratorObject(std::string name, std::string qualname, NativeBody body);
    GeneratorObject(StrObject* name, StrObject* qualname, NativeBody body);
    ~GeneratorObject() override;

    Flavor flavor;
    State state = State::Created;
    Ref<FunctionObject> func;
    std::unique_ptr<Value[]> fast;
    std::unique_ptr<Ref<CellObject>[]> cells;
    Frame frame;
    HandledStack handled;
    Ref<StrObject> name;
    Ref<StrObject> qualname;
    Value delegate;          // the iterator a `yield from`/`await` is delegating to (gi_yieldfrom)
    bool closing = false;
    // Packed with `closing` (100,000 suspended coroutines):
    // A native coroutine standing for one of CPython's built-in awaitables
    // without a __name__ (agen.aclose() is an async_generator_athrow): how
    // asyncio's reprs name it.
    enum class BuiltinAwaitable : uint8_t { None, AsyncGeneratorAsend, AsyncGeneratorAthrow };
    BuiltinAwaitable builtinAwaitable = BuiltinAwaitable::None;
    // Where the coroutine was created, for "never awaited" warnings.
    int createdLine = 0;

    // Who resumes: a consumer takes the values yielded (next(), send(), a
    // for loop), an awaiter passes them on up (await, yield from, a task's
    // step). For the trace, a generator suspended by a consumer is off the
    // stack; one suspended under an awaiter stays on it (runtime/tracing.h).
    enum class Resumer { Consumer, Awaiter };
    // Resumes with `sent` (or throws `thrown` at the suspension point when not
    // null). On Yielded/Returned `out` is the value; on Raised it is the exception.
    Outcome resume(Interp& in, const Value& sent, const Value& thrown, Value& out,
                   Resumer by = Resumer::Consumer);
    // The innermost frame of a suspended generator, through the generators
    // it delegates to; null when not suspended.
    const Frame* suspendedFrame() const;
    // Takes the frames of a generator suspended under an awaiter off the
    // trace's stack after all (an async generator's own `yield`).
    void detachFrames(Interp& in);

    // Called from inside the body: suspends with `v`; returns the value sent
    // in, or throws the exception thrown in.
    Value yield(Interp& in, const Value& v);

    // generator.close(): GeneratorExit at the suspension point.
    void close(Interp& in);

    // `await x` from a native body.
    Value awaitFrom(Interp& in, const Value& awaitable);

    // Runs a coroutine that has not started yet directly on the fiber of the
    // coroutine awaiting it (`host`), instead of on a fiber of its own: an
    // await chain is one C++ call stack on one fiber, as it is one chain of
    // frames in CPython. Its yields suspend the host's fiber.
    Value runInline(Interp& in, GeneratorObject* host);
    bool isNative() const { return bool(m_nativeBody); }
    // A hint that the generator is about to be resumed (sched::Fiber::prefetch).
    void prefetchResume() const;
    const CodeInfo* createdIn = nullptr;   // with createdLine

    bool hasFinalizer() const override { return true; }
    void finalize() override;

    // Interpreter state that lives on the fiber's side of the switch.
    struct Saved {
        Frame* frame = nullptr;
        int depth = 0;
        HandledStack* handled = nullptr;
        const char* stackLimit = nullptr;
    };

private:
    void body(Interp& in);
    Value runBody(Interp& in);
    // Drops the locals of a finished body; when it ended with `raised`, they
    // go with that exception instead (CPython's traceback keeps the frame,
    // and so its locals, alive as long as the exception lives).
    void releaseFrame(const Value& raised = Value());
    GeneratorObject* fiberOwner() { return m_inlineHost ? m_inlineHost->fiberOwner() : this; }

    NativeBody m_nativeBody;
    GeneratorObject* m_inlineHost = nullptr;

    // The state of a body running on a fiber of its own, made by the first
    // resume(). A coroutine run inline on its awaiter's fiber (most of them:
    // every `await coro()`) never needs it, so it is not part of the object:
    // with 100k sleeping tasks, each a few coroutines deep, that matters.
    struct FiberRun;
    std::unique_ptr<FiberRun> m_run;
    // Where its fiber's stack pointer was when it last suspended (for
    // prefetchResume, which then need not reach the fiber first).
    const char* m_stackHint = nullptr;
};

// Runs `yield from`/`await` delegation to `iterable`'s iterator from inside
// the generator `self`; returns the delegate's return value.
Value delegateTo(Interp& in, GeneratorObject* self, const Value& iterator);

// Called instead of closing an async generator that is dropped while
// suspended (asyncio's finalizer hook schedules aclose() in a new task).
extern void (*asyncGeneratorFinalizer)(Interp&, GeneratorObject*);

// The generator running on this fiber, if any.
GeneratorObject* currentGenerator(Interp& in);

void installGeneratorTypes(const Types& t);

}  // namespace ascope::rt
