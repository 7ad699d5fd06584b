#include "runtime/generator.h"

#include "runtime/builtins.h"
#include "runtime/tracing.h"

#include <cstdio>

namespace ascope::rt {

struct GeneratorObject::FiberRun {
    FiberRun(GeneratorObject* g, Interp* in) : fiber([g, in] { g->body(*in); }) {}
    sched::Fiber fiber;
    Saved inner;      // fiber-side state while suspended
    Saved outer;      // resumer-side state while running
    Value transfer;   // value sent in / yielded out / returned
    Value thrown;     // exception to raise at the suspension point
    Outcome outcome = Outcome::Returned;
    bool aborted = false;
    bool aborting = false;
    std::string abortMessage;
    // Recording: the frames taken off the stack when a consumer got the
    // last value (innermost first), pushed back on the next resume.
    std::vector<const Frame*> detached;
};

GeneratorObject::GeneratorObject(ClassObject* type, Flavor f, Ref<FunctionObject> fn, std::unique_ptr<Value[]> fastSlots,
                                 std::unique_ptr<Ref<CellObject>[]> cellSlots)
    : Object(type, Kind::Generator), flavor(f), func(std::move(fn)), fast(std::move(fastSlots)),
      cells(std::move(cellSlots)) {
    name = func->name;
    qualname = func->qualname;
}

GeneratorObject::GeneratorObject(std::string n, std::string qn, NativeBody b)
    : GeneratorObject(intern(n), intern(qn), std::move(b)) {}

GeneratorObject::GeneratorObject(StrObject* n, StrObject* qn, NativeBody b)
    : Object(types().coroutine, Kind::Generator), flavor(Flavor::Coroutine), m_nativeBody(std::move(b)) {
    name = Ref<StrObject>(n);
    qualname = Ref<StrObject>(qn);
}

void GeneratorObject::prefetchResume() const {
    if (!m_run) return;
    __builtin_prefetch(m_run.get());
    sched::Fiber::prefetchStackAt(m_stackHint);
}

GeneratorObject::~GeneratorObject() {
    if (m_run && m_run->fiber.started() && !m_run->fiber.finished()) {
        // Unwind the suspended body without running Python code.
        m_run->aborting = true;
        Interp* in = currentInterp();
        Saved outer;
        if (in) outer = Saved{in->currentFrame(), in->depth(), in->handled(), in->stackLimit()};
        m_run->fiber.resume();
        if (in) {
            in->setCurrentFrame(outer.frame);
            in->setDepth(outer.depth);
            in->setHandled(outer.handled);
            in->setStackLimit(outer.stackLimit);
        }
    }
}

Value GeneratorObject::runBody(Interp& in) {
    if (m_nativeBody) return m_nativeBody(in, *this);
    frame.gen = this;
    frame.fast = fast.get();
    frame.cells = cells.get();
    frame.serial = in.nextFrameSerial();
    return in.runFrame(frame);
}

// A finished generator drops its locals at once, as CPython clears the frame.
void GeneratorObject::releaseFrame(const Value& raised) {
    if (m_nativeBody) {
        m_nativeBody = nullptr;
        return;
    }
    if (!func) return;
    size_t n = func->code->varNames.size();
    if (raised.isObj(Kind::Exception)) {
        auto& keep = raised.as<ExceptionObject>()->frameRefs;
        for (size_t i = 0; i < n && fast; ++i)
            if (fast[i].isObj() && !fast[i].is(raised)) keep.push_back(fast[i]);
    }
    for (size_t i = 0; i < n && fast; ++i) fast[i] = Value();
    size_t c = size_t(func->code->cellCount());
    for (size_t i = 0; i < c && cells; ++i) cells[i] = Ref<CellObject>();
    frame.retval = Value();
}

void GeneratorObject::body(Interp& in) {
    FiberRun& run = *m_run;
    in.setStackLimit(run.fiber.stackLowest());
    try {
        run.transfer = runBody(in);
        run.outcome = Outcome::Returned;
    } catch (PyException& e) {
        run.transfer = std::move(e.exc);
        run.outcome = Outcome::Raised;
    } catch (AbortRun& a) {
        run.aborted = true;
        run.abortMessage = a.message;
    }
}

Value GeneratorObject::runInline(Interp& in, GeneratorObject* host) {
    Ref<GeneratorObject> keepAlive(this);
    state = State::Running;
    m_inlineHost = host;
    HandledStack* savedHandled = in.handled();
    handled.prev = savedHandled;
    frame.back = in.currentFrame();
    in.setHandled(&handled);
    Value result;
    Value pending;
    try {
        result = runBody(in);
    } catch (PyException& e) {
        pending = std::move(e.exc);
    }
    in.setHandled(savedHandled);
    m_inlineHost = nullptr;
    state = State::Finished;
    releaseFrame(pending);
    if (!pending.isNull()) {
        if (in.isInstance(pending, types().StopIteration)) {
            Value e = in.newException(types().RuntimeError, "coroutine raised StopIteration");
            auto* eo = e.as<ExceptionObject>();
            eo->cause = pending;
            eo->context = pending;
            eo->suppressContext = true;
            eo->traceback = pending.as<ExceptionObject>()->traceback;
            throw PyException{e};
        }
        throw PyException{pending};
    }
    return result;
}

Value GeneratorObject::awaitFrom(Interp& in, const Value& awaitable) {
    Value it = in.awaitIterator(awaitable);
    if (it.isObj(Kind::Generator)) {
        auto* g = it.as<GeneratorObject>();
        if (g->flavor == Flavor::Coroutine && g->state == State::Created) return g->runInline(in, this);
        if (g->state == State::Finished && g->flavor == Flavor::Coroutine)
            in.raise(types().RuntimeError, "cannot reuse already awaited coroutine");
    }
    return delegateTo(in, this, it);
}

namespace {
const char* flavorNoun(GeneratorObject::Flavor f) {
    switch (f) {
    case GeneratorObject::Flavor::Generator: return "generator";
    case GeneratorObject::Flavor::Coroutine: return "coroutine";
    case GeneratorObject::Flavor::AsyncGenerator: return "async generator";
    }
    return "generator";
}
}  // namespace

const Frame* GeneratorObject::suspendedFrame() const {
    const Frame* f = nullptr;
    for (const GeneratorObject* g = this; g && g->m_run && g->state == State::Suspended;) {
        f = g->m_run->inner.frame;
        const GeneratorObject* next = nullptr;
        if (f && f->gen && f->gen->delegate.isObj(Kind::Generator)) next = f->gen->delegate.as<GeneratorObject>();
        if (next == g) break;
        g = next;
    }
    return f;
}

void GeneratorObject::detachFrames(Interp& in) {
    if (!in.recorder || !m_run || state != State::Suspended) return;
    m_run->detached = tracing::frameChain(suspendedFrame(), m_run->outer.frame);
    tracing::detachFrames(in, m_run->detached);
}

GeneratorObject::Outcome GeneratorObject::resume(Interp& in, const Value& sent, const Value& thrown, Value& out,
                                                 Resumer by) {
    if (state == State::Running) in.valueError(std::string(flavorNoun(flavor)) + " already executing");
    if (state == State::Finished) {
        if (!thrown.isNull()) {
            out = thrown;
            return Outcome::Raised;
        }
        if (flavor == Flavor::Coroutine) in.raise(types().RuntimeError, "cannot reuse already awaited coroutine");
        out = Value::none();
        return Outcome::Returned;
    }
    if (state == State::Created) {
        if (!thrown.isNull()) {
            state = State::Finished;
            out = thrown;
            in.addTraceback(out, frame, nullptr);
            return Outcome::Raised;
        }
        if (!sent.isNone())
            in.typeError(std::string("can't send non-None value to a just-started ") + flavorNoun(flavor));
        m_run = std::make_unique<FiberRun>(this, &in);
        if (!m_nativeBody) {
            frame.gen = this;
            frame.fast = fast.get();
            frame.cells = cells.get();
        }
    }
    Ref<GeneratorObject> keepAlive(this);
    FiberRun& run = *m_run;
    run.transfer = sent;
    run.thrown = thrown;
    run.outer = Saved{in.currentFrame(), in.depth(), in.handled(), in.stackLimit()};
    handled.prev = run.outer.handled;
    frame.back = run.outer.frame;
    in.setHandled(&handled);
    if (!run.detached.empty()) {
        if (in.recorder) tracing::reattachFrames(in, run.detached);
        run.detached.clear();
    }
    if (state == State::Suspended) {
        in.setCurrentFrame(run.inner.frame);
        in.setDepth(run.outer.depth + run.inner.depth);
        in.setHandled(run.inner.handled);
        in.setStackLimit(run.inner.stackLimit);
    }
    state = State::Running;
    run.fiber.resume();
    m_stackHint = run.fiber.suspendedStackPointer();
    in.setCurrentFrame(run.outer.frame);
    in.setDepth(run.outer.depth);
    in.setHandled(run.outer.handled);
    in.setStackLimit(run.outer.stackLimit);
    if (run.aborted) {
        state = State::Finished;
        throw AbortRun{run.abortMessage};
    }
    if (run.fiber.finished()) {
        state = State::Finished;
        out = std::move(run.transfer);
        Outcome ended = run.outcome;
        m_run.reset();
        releaseFrame(ended == Outcome::Raised ? out : Value());
        if (ended == Outcome::Raised) {
            const Types& t = types();
            bool stopIter = in.isInstance(out, t.StopIteration);
            bool stopAsync = flavor == Flavor::AsyncGenerator && in.isInstance(out, t.StopAsyncIteration);
            if (stopIter || stopAsync) {
                std::string msg = std::string(flavorNoun(flavor)) + " raised " +
                                  (stopAsync ? "StopAsyncIteration" : "StopIteration");
                Value e = in.newException(t.RuntimeError, msg);
                auto* eo = e.as<ExceptionObject>();
                eo->cause = out;
                eo->context = out;
                eo->suppressContext = true;
                eo->traceback = std::make_shared<std::vector<TracebackEntry>>(
                    out.as<ExceptionObject>()->traceback ? *out.as<ExceptionObject>()->traceback
                                                         : std::vector<TracebackEntry>{});
                out = e;
            }
            return Outcome::Raised;
        }
        return Outcome::Returned;
    }
    state = State::Suspended;
    out = std::move(run.transfer);
    if (by == Resumer::Consumer && in.recorder) detachFrames(in);
    return Outcome::Yielded;
}

Value GeneratorObject::yield(Interp& in, const Value& v) {
    if (m_inlineHost) return m_inlineHost->yield(in, v);
    FiberRun& run = *m_run;
    run.transfer = v;
    run.outcome = Outcome::Yielded;
    run.inner = Saved{in.currentFrame(), in.depth() - run.outer.depth, in.handled(), in.stackLimit()};
    sched::Fiber::suspend();
    if (run.aborting) throw AbortRun{"generator torn down"};
    if (!run.thrown.isNull()) {
        Value t = std::move(run.thrown);
        run.thrown = Value();
        in.attachContext(t);
        throw PyException{t};
    }
    Value r = std::move(run.transfer);
    run.transfer = Value();
    return r;
}

void GeneratorObject::close(Interp& in) {
    if (state == State::Created) {
        state = State::Finished;
        return;
    }
    if (state == State::Finished) return;
    Value out;
    Value ge = in.newException(types().GeneratorExit, std::vector<Value>{});
    Outcome o = resume(in, Value::none(), ge, out);
    if (o == Outcome::Yielded)
        in.raise(types().RuntimeError, std::string(flavorNoun(flavor)) + " ignored GeneratorExit");
    if (o == Outcome::Raised) {
        if (in.isInstance(out, types().GeneratorExit) || in.isInstance(out, types().StopIteration)) return;
        throw PyException{out};
    }
}

void GeneratorObject::finalize() {
    Interp* in = currentInterp();
    if (!in) return;
    if (state == State::Created && flavor == Flavor::Coroutine) {
        in->warn(types().RuntimeWarning, "coroutine '" + qualname->s + "' was never awaited", true);
        return;
    }
    // asyncio's hook also hears of finished async generators, to drop them
    // from its weak set of the loop's generators.
    if (flavor == Flavor::AsyncGenerator && asyncGeneratorFinalizer && state != State::Created) {
        asyncGeneratorFinalizer(*in, this);
        return;
    }
    if (state != State::Suspended) return;
    Value pending;
    try {
        close(*in);
    } catch (PyException& e) {
        pending = e.exc;
    } catch (AbortRun&) {
        return;
    }
    if (!pending.isNull()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(this));
        in->writeUnraisable(pending, "<" + std::string(flavorNoun(flavor)) + " object " + qualname->s + buf);
    }
}

void (*asyncGeneratorFinalizer)(Interp&, GeneratorObject*) = nullptr;

GeneratorObject* currentGenerator(Interp& in) {
    for (Frame* f = in.currentFrame(); f; f = f->back)
        if (f->gen) return f->gen;
    return nullptr;
}

namespace {

// One step of `yield from` over an iterator that is not a generator: sends
// `sent` (or throws `thrown`) into it. Apart from delegateTo, so that the
// frame a suspended coroutine keeps on its stack while it waits does not
// hold this state.
[[gnu::noinline]] GeneratorObject::Outcome stepIterator(Interp& in, const Value& iterator, const Value& sent,
                                                         const Value& thrown, Value& out) {
    GeneratorObject::Outcome o = GeneratorObject::Outcome::Yielded;
    Value pending;
    try {
        if (!thrown.isNull()) {
            if (in.isInstance(thrown, types().GeneratorExit)) {
                Value closeFn = in.getAttrOrNull(iterator, names().close);
                if (!closeFn.isNull()) in.call(closeFn, {});
                throw PyException{thrown};
            }
            Value throwFn = in.getAttrOrNull(iterator, names().throw_);
            if (throwFn.isNull()) throw PyException{thrown};
            out = in.call(throwFn, {thrown});
        } else if (iterator.isObj(Kind::Iterator)) {
            bool returned = false;
            out = iterator.as<IteratorObject>()->send(in, sent, returned);
            if (returned) o = GeneratorObject::Outcome::Returned;
        } else if (sent.isNone()) {
            {
                Value nextFn = Interp::typeOf(iterator)->lookup(names().__next__);
                if (nextFn.isNull()) in.typeError("'" + Interp::typeName(iterator) + "' object is not an iterator");
                out = in.call(nextFn, {iterator});
            }
        } else {
            out = in.callMethod(iterator, names().send, {sent});
        }
    } catch (PyException& e) {
        pending = e.exc;
    }
    if (!pending.isNull()) {
        if (in.isInstance(pending, types().StopIteration)) {
            out = pending.as<ExceptionObject>()->value;
            if (out.isNull()) out = Value::none();
            o = GeneratorObject::Outcome::Returned;
        } else {
            out = pending;
            o = GeneratorObject::Outcome::Raised;
        }
    }
    return o;
}

}  // namespace

Value delegateTo(Interp& in, GeneratorObject* self, const Value& iterator) {
    if (!self) in.raise(types().RuntimeError, "yield from outside a generator");
    Value sent = Value::none();
    Value thrown;
    for (;;) {
        Value out;
        GeneratorObject::Outcome o;
        if (iterator.isObj(Kind::Generator))
            o = iterator.as<GeneratorObject>()->resume(in, sent, thrown, out, GeneratorObject::Resumer::Awaiter);
        else
            o = stepIterator(in, iterator, sent, thrown, out);
        if (o == GeneratorObject::Outcome::Returned) return out;
        if (o == GeneratorObject::Outcome::Raised) throw PyException{out};
        self->delegate = iterator;
        Value pending;
        try {
            sent = self->yield(in, out);
            thrown = Value();
        } catch (PyException& e) {
            pending = e.exc;
        }
        self->delegate = Value();
        if (!pending.isNull()) {
            sent = Value();
            thrown = pending;
            if (in.isInstance(thrown, types().GeneratorExit) && iterator.isObj(Kind::Generator)) {
                iterator.as<GeneratorObject>()->close(in);
                throw PyException{thrown};
            }
        }
    }
}

Value Interp::makeGenerator(FunctionObject* f, Frame& prepared, std::unique_ptr<Value[]> fastSlots,
                            std::unique_ptr<Ref<CellObject>[]> cellSlots) {
    const Types& t = types();
    CodeInfo* code = f->code;
    GeneratorObject::Flavor flavor = code->isCoroutine        ? GeneratorObject::Flavor::Coroutine
                                     : code->isAsyncGenerator ? GeneratorObject::Flavor::AsyncGenerator
                                                              : GeneratorObject::Flavor::Generator;
    ClassObject* type = flavor == GeneratorObject::Flavor::Coroutine        ? t.coroutine
                        : flavor == GeneratorObject::Flavor::AsyncGenerator ? t.asyncGenerator
                                                                            : t.generator;
    auto* g = new GeneratorObject(type, flavor, Ref<FunctionObject>(f), std::move(fastSlots), std::move(cellSlots));
    g->frame = prepared;
    g->frame.fast = g->fast.get();
    g->frame.cells = g->cells.get();
    return Value(g);
}

namespace {

GeneratorObject* gen(const Value& v) { return v.as<GeneratorObject>(); }

Value throwArg(Interp& in, CallArgs& a) {
    if (a.size() < 2) in.typeError("throw expected at least 1 argument, got 0");
    Value typ = a[1];
    if (typ.isObj(Kind::Class) && typ.as<ClassObject>()->isSubclassOf(types().BaseException)) {
        if (a.size() > 2 && !a[2].isNone()) {
            if (in.isInstance(a[2], typ.as<ClassObject>())) return a[2];
            return in.call(typ, {a[2]});
        }
        return in.call(typ, {});
    }
    if (in.isInstance(typ, types().BaseException)) {
        if (a.size() > 2 && !a[2].isNone()) in.typeError("instance exception may not have a separate value");
        return typ;
    }
    in.typeError("exceptions must be classes or instances deriving from BaseException, not " + Interp::typeName(typ));
}

Value finishOutcome(Interp& in, GeneratorObject::Outcome o, Value& out) {
    switch (o) {
    case GeneratorObject::Outcome::Yielded: return out;
    case GeneratorObject::Outcome::Returned: {
        std::vector<Value> args;
        if (!out.isNone()) args.push_back(out);
        in.raiseValue(in.newException(types().StopIteration, std::move(args)));
    }
    case GeneratorObject::Outcome::Raised: throw PyException{out};
    }
    return out;
}

Value genSend(Interp& in, CallArgs& a) {
    a.check(in, "send", 2, 2);
    Value out;
    auto o = gen(a[0])->resume(in, a[1], Value(), out);
    return finishOutcome(in, o, out);
}

Value genNext(Interp& in, CallArgs& a) {
    Value out;
    auto o = gen(a[0])->resume(in, Value::none(), Value(), out);
    return finishOutcome(in, o, out);
}

Value genThrow(Interp& in, CallArgs& a) {
    Value exc = throwArg(in, a);
    Value out;
    auto* g = gen(a[0]);
    GeneratorObject::Outcome o;
    if (!g->delegate.isNull() && g->state == GeneratorObject::State::Suspended) {
        o = g->resume(in, Value(), exc, out);
    } else {
        o = g->resume(in, Value(), exc, out);
    }
    return finishOutcome(in, o, out);
}

Value genClose(Interp& in, CallArgs& a) {
    gen(a[0])->close(in);
    return Value::none();
}

Value genIter(Interp& in, CallArgs& a) { return a[0]; }

Value genRepr(Interp& in, CallArgs& a) {
    auto* g = gen(a[0]);
    char buf[64];
    std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(g));
    return makeStr("<" + Interp::typeName(a[0]) + " object " + g->qualname->s + buf);
}

Value genName(Interp& in, const Value& self) { return Value(gen(self)->name); }
Value genQualname(Interp& in, const Value& self) { return Value(gen(self)->qualname); }
Value genRunning(Interp& in, const Value& self) {
    return Value::boolean(gen(self)->state == GeneratorObject::State::Running);
}
Value genSuspended(Interp& in, const Value& self) {
    return Value::boolean(gen(self)->state == GeneratorObject::State::Suspended);
}
Value genDelegate(Interp& in, const Value& self) {
    const Value& d = gen(self)->delegate;
    return d.isNull() ? Value::none() : d;
}
Value genFrame(Interp& in, const Value& self) {
    if (gen(self)->state == GeneratorObject::State::Finished) return Value::none();
    return Value(new SingletonObject(types().frame, "<frame>"));
}

}  // namespace

void installGeneratorTypes(const Types& t) {
    for (ClassObject* c : {t.generator, t.coroutine}) {
        defineMethod(c, "send", genSend);
        defineMethod(c, "throw", genThrow);
        defineMethod(c, "close", genClose);
        defineMethod(c, "__repr__", genRepr);
        defineGetter(c, "__name__", genName);
        defineGetter(c, "__qualname__", genQualname);
    }
    defineMethod(t.generator, "__iter__", genIter);
    defineMethod(t.generator, "__next__", genNext);
    defineGetter(t.generator, "gi_running", genRunning);
    defineGetter(t.generator, "gi_suspended", genSuspended);
    defineGetter(t.generator, "gi_yieldfrom", genDelegate);
    defineGetter(t.generator, "gi_frame", genFrame);
    defineMethod(t.coroutine, "__await__", genIter);
    defineGetter(t.coroutine, "cr_running", genRunning);
    defineGetter(t.coroutine, "cr_suspended", genSuspended);
    defineGetter(t.coroutine, "cr_await", genDelegate);
    defineGetter(t.coroutine, "cr_frame", genFrame);
    defineMethod(t.asyncGenerator, "__repr__", genRepr);
    defineGetter(t.asyncGenerator, "__name__", genName);
    defineGetter(t.asyncGenerator, "__qualname__", genQualname);
}

}  // namespace ascope::rt
