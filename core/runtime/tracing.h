// What the evaluator tells the trace: frames, lines, locals and the travels
// of exceptions (trace/event.h says what each event means).
//
// Why it is built this way: the evaluator calls these only behind
// `if (in.recorder)`, out of line, so a run without recording pays one test
// per statement and nothing on the stack of its frames. Recording must never
// change what the program does, so nothing here runs Python code: values are
// shown by `safeRepr` (builtin values rendered directly, a type tag for
// everything else) and exception messages by `safeMessage`.
//
// Exceptions. The evaluator reports an exception each time it reaches a
// frame (`exceptionAt`, where it adds the traceback entry): the first time,
// or again after it was caught, it is *raised* there; otherwise it arrived
// from a callee. `exceptionLeaves` is the frame's exit by that exception,
// `exceptionCaught` an `except` clause (or a `with` that suppresses it). An
// exception that native code absorbs (hasattr, the loop's exception
// handler, the end of a `for` over a user iterator) is reported as caught
// with no frame at the next statement that runs while no `finally` or
// `__exit__` is unwinding for it.
//
// Frames. A frame is pushed when its code starts and popped when it ends. A
// coroutine suspended in an await keeps its frames on its task's stack (as
// CPython's Task.get_stack() shows them); a generator that yields a value to
// whoever iterates it takes its frames (and those of the generators it
// delegates to) off the stack until it is resumed (`detachFrames`,
// `reattachFrames`).
#pragma once

#include "runtime/interp.h"
#include "trace/event.h"

#include <string>
#include <vector>

namespace ascope::rt::tracing {

// repr() of `v` without running any Python code, at most about `limit`
// bytes ("…" marks a cut): builtin scalars, strings, bytes and containers
// as Python shows them, `<Foo object>` for instances, `<function f>`,
// `<coroutine f>`, and whatever `describeNative` says for native objects.
std::string safeRepr(const Value& v, size_t limit = 80);
void appendSafeRepr(std::string& out, const Value& v, size_t limit);

// str(exc) when the exception's class keeps BaseException's __str__ (or a
// builtin one) and its arguments are builtin values; otherwise the same
// text built from the arguments' safe reprs; "" for a class with its own
// __str__.
std::string safeMessage(const Value& exc);

// Set by modules with native objects (asyncio: "<Task-2>"); returns false
// when it does not know `v`.
extern bool (*describeNative)(const Value& v, std::string& out);

// ---- events (call only when `in.recorder` is set)
void framePushed(Interp& in, const Frame& f);
void framePopped(Interp& in, const Frame& f);
// A statement starts at `line` in `f` (which holds the locals).
void lineExecuted(Interp& in, const Frame& f, int line);

// An exception event about `exc` (type and safe message) at `frame` and
// `line`, for `task` and `future` (0: none, or the recorder's guess).
void recordException(Interp& in, trace::EventKind kind, const Value& exc, uint64_t frame, int line,
                     uint64_t task = 0, uint64_t future = 0);
// `line` 0: where the traceback places it in `f` (else f.line).
void exceptionAt(Interp& in, const Value& exc, const Frame& f, int line = 0);
void exceptionLeaves(Interp& in, const Value& exc, const Frame& f);
void exceptionCaught(Interp& in, const Value& exc, const Frame& f, int line);
// A `finally` body or an `__exit__` runs while `exc` is pending: statements
// run meanwhile do not mean that it was absorbed.
class Unwinding {
public:
    Unwinding(Interp& in, const Value& exc);
    ~Unwinding();

private:
    Interp& m_in;
    bool m_active;
};
// Asyncio took the exception in flight (stored in a task or future).
void exceptionSettled(Interp& in);

// The frames from `innermost` out to (not including) `outer`, innermost
// first; empty when `outer` is not on that chain.
std::vector<const Frame*> frameChain(const Frame* innermost, const Frame* outer);
void detachFrames(Interp& in, const std::vector<const Frame*>& chain);
void reattachFrames(Interp& in, const std::vector<const Frame*>& chain);

}  // namespace ascope::rt::tracing
