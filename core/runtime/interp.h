// The interpreter: Python's object protocol plus the evaluator of the AST.
//
// Why it is built this way: a tree-walking evaluator over names resolved in
// advance (see code.h) is small, easy to instrument line by line for the
// trace, and fast enough when the hot paths (inline ints, fast locals,
// positional calls) avoid the heap. Generators and coroutines do not need a
// resumable evaluator: each runs on its own fiber (sched/fiber.h), so a
// `yield` is simply a context switch in the middle of an ordinary C++ call
// stack.
//
// Python exceptions travel as the C++ exception `PyException` within one
// fiber; a fiber's entry catches everything and hands the exception object
// over to whoever resumed it, so no C++ exception crosses a context switch.
//
// The builtin types are created once per process and are immutable; all run
// state (modules, output, budgets) belongs to one `Interp`. One interpreter
// runs at a time per thread.
#pragma once

#include "lang/ast.h"
#include "runtime/code.h"
#include "runtime/objects.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ascope::trace { class Recorder; }

namespace ascope::rt {

// Bytes currently allocated through operator new by this thread (memory.cpp).
int64_t liveHeapBytes();

// A Python exception in flight.
struct PyException {
    Value exc;  // an ExceptionObject
};

// Thrown (never caught by Python code) to abandon the whole run: step budget
// exhausted, or a fiber being torn down.
struct AbortRun {
    std::string message;
};

// Counts one native-level call against the recursion limit while alive.
class NativeDepth {
public:
    NativeDepth(Interp& in, const char* context);
    ~NativeDepth();

private:
    Interp& m_in;
};

// Arguments of a call: positional values, then keyword names and values.
class CallArgs {
public:
    CallArgs(const Value* pos, size_t npos, const Value* kwValues = nullptr,
             StrObject* const* kwNames = nullptr, size_t nkw = 0)
        : m_pos(pos), m_npos(npos), m_kwValues(kwValues), m_kwNames(kwNames), m_nkw(nkw) {}

    size_t size() const { return m_npos; }
    const Value& operator[](size_t i) const { return m_pos[i]; }
    const Value* data() const { return m_pos; }
    size_t kwCount() const { return m_nkw; }
    StrObject* kwName(size_t i) const { return m_kwNames[i]; }
    const Value& kwValue(size_t i) const { return m_kwValues[i]; }

    // The keyword argument `name`, or null; marks it as consumed.
    Value kw(std::string_view name);
    // Raises TypeError like CPython for `fname` when the positional count is
    // outside [min, max] (max < 0: unbounded) or a keyword is not consumed.
    void check(Interp& in, const char* fname, int min, int max);
    void noKeywords(Interp& in, const char* fname);
    void checkKeywordsConsumed(Interp& in, const char* fname);

private:
    const Value* m_pos;
    size_t m_npos;
    const Value* m_kwValues;
    StrObject* const* m_kwNames;
    size_t m_nkw;
    uint64_t m_consumed = 0;
};

// The builtin types and exception classes, created once per process.
struct Types {
    ClassObject *type, *object, *none, *notImplemented, *ellipsis, *boolean, *int_, *float_, *str,
        *bytes, *tuple, *list, *dict, *set, *frozenset, *range, *slice, *function, *builtinFunction,
        *method, *cell, *module, *property, *staticmethod, *classmethod, *super, *generator,
        *coroutine, *asyncGenerator, *dictKeys, *dictValues, *dictItems, *listIterator,
        *tupleIterator, *strIterator, *rangeIterator, *dictKeyIterator, *dictValueIterator,
        *dictItemIterator, *setIterator, *enumerate, *zip, *map, *filter, *reversed,
        *callIterator, *seqIterator, *nativeProperty, *traceback, *code, *frame;
    // Exceptions.
    ClassObject *BaseException, *Exception, *BaseExceptionGroup, *ExceptionGroup,
        *GeneratorExit, *KeyboardInterrupt, *SystemExit, *ArithmeticError, *ZeroDivisionError,
        *OverflowError, *FloatingPointError, *AssertionError, *AttributeError, *BufferError,
        *EOFError, *ImportError, *ModuleNotFoundError, *LookupError, *IndexError, *KeyError,
        *MemoryError, *NameError, *UnboundLocalError, *OSError, *TimeoutError,
        *ConnectionError, *BrokenPipeError, *ConnectionResetError, *ConnectionRefusedError,
        *FileNotFoundError, *PermissionError, *InterruptedError, *ReferenceError, *RuntimeError,
        *NotImplementedError, *RecursionError, *StopIteration, *StopAsyncIteration,
        *SyntaxError, *IndentationError, *TabError, *SystemError, *TypeError, *ValueError,
        *UnicodeError, *UnicodeDecodeError, *UnicodeEncodeError, *Warning, *UserWarning,
        *DeprecationWarning, *RuntimeWarning, *ResourceWarning, *BlockingIOError, *ChildProcessError,
        *ConnectionAbortedError, *FileExistsError, *IsADirectoryError, *NotADirectoryError,
        *ProcessLookupError, *UnicodeTranslateError, *BytesWarning, *EncodingWarning, *FutureWarning,
        *ImportWarning, *PendingDeprecationWarning, *SyntaxWarning, *UnicodeWarning;
    Value notImplementedValue, ellipsisValue;
};
const Types& types();

// Interned strings for the names the runtime itself looks up.
struct Names {
    StrObject *__init__, *__new__, *__str__, *__repr__, *__eq__, *__ne__, *__lt__, *__le__,
        *__gt__, *__ge__, *__hash__, *__len__, *__iter__, *__next__, *__getitem__,
        *__setitem__, *__delitem__, *__contains__, *__call__, *__enter__, *__exit__,
        *__aenter__, *__aexit__, *__bool__, *__add__, *__radd__, *__iadd__, *__sub__,
        *__rsub__, *__isub__, *__mul__, *__rmul__, *__imul__, *__truediv__, *__rtruediv__,
        *__itruediv__, *__floordiv__, *__rfloordiv__, *__ifloordiv__, *__mod__, *__rmod__,
        *__imod__, *__pow__, *__rpow__, *__ipow__, *__matmul__, *__rmatmul__, *__imatmul__,
        *__lshift__, *__rlshift__, *__ilshift__, *__rshift__, *__rrshift__, *__irshift__,
        *__and__, *__rand__, *__iand__, *__or__, *__ror__, *__ior__, *__xor__, *__rxor__,
        *__ixor__, *__neg__, *__pos__, *__invert__, *__abs__, *__index__, *__int__,
        *__float__, *__format__, *__getattr__, *__getattribute__, *__setattr__, *__delattr__,
        *__get__, *__set__, *__delete__, *__class__, *__dict__, *__name__, *__qualname__,
        *__module__, *__doc__, *__await__, *__aiter__, *__anext__, *__del__,
        *__init_subclass__, *__set_name__, *__class_getitem__, *__reversed__, *__round__,
        *__trunc__, *__floor__, *__ceil__, *__length_hint__, *__missing__, *__main__,
        *__builtins__, *__file__, *__slots__, *__bases__, *__mro__, *__traceback__,
        *__context__, *__cause__, *__suppress_context__, *args, *send, *throw_, *close,
        *__notes__, *__sizeof__, *__contains_dummy;
};
const Names& names();

StrObject* intern(std::string_view s);

// A string literal as an interned str, looked up once per program (interned
// strings are never freed): `interned<"put_nowait">()` on a hot path instead
// of hashing the text at every call.
template <size_t N>
struct StringLiteral {
    char chars[N];
    consteval StringLiteral(const char (&s)[N]) {
        for (size_t i = 0; i < N; ++i) chars[i] = s[i];
    }
    constexpr std::string_view view() const { return std::string_view(chars, N - 1); }
};
template <StringLiteral Text>
StrObject* interned() {
    static StrObject* const s = intern(Text.view());
    return s;
}

class Interp {
public:
    explicit Interp(int64_t maxSteps = 0, int64_t memoryLimit = 0);
    ~Interp();

    // ---- running
    // Runs a parsed module as __main__. Exceptions propagate as PyException.
    void runModule(lang::Module& module);
    // Output sink: every write of the program (print, tracebacks, warnings).
    std::function<void(bool isStderr, std::string_view)> output;
    void write(bool isStderr, std::string_view text);
    // Receives the trace events of the run when set (trace/trace.h); null: no tracing, no cost.
    trace::Recorder* recorder = nullptr;
    // What recording keeps between events (runtime/tracing.cpp); null until then.
    std::shared_ptr<void> traceState;

    // ---- budgets
    // Counts one executed statement; throws AbortRun past the budget.
    void step() {
        if (++m_steps > m_maxSteps && m_maxSteps > 0) stepBudgetExhausted();
        if ((m_steps & 63) == 0) {
            if (m_memoryLimit > 0 && liveHeapBytes() - m_memoryBase > m_memoryLimit) memoryBudgetExhausted();
            if (m_maxEvents > 0 && m_eventCount() > m_maxEvents) eventBudgetExhausted();
        }
    }
    // Stops the run (AbortRun) once `count()` (the events recorded so far)
    // passes `maxEvents`: a trace too long to animate is not kept growing.
    void limitEvents(std::function<size_t()> count, size_t maxEvents) {
        m_eventCount = std::move(count);
        m_maxEvents = m_eventCount ? maxEvents : 0;
    }
    int64_t steps() const { return m_steps; }
    // Accounts for `bytes` more (or fewer) bytes held by containers; raises
    // MemoryError beyond the budget before anything is allocated.
    void reserveMemory(int64_t bytes);
    void checkAllocation(double bytes);  // raises MemoryError when `bytes` exceeds the budget
    // Raises RecursionError when the Python depth or the C stack of the
    // current fiber is nearly exhausted.
    void checkStack();
    // Bytes of C stack kept free below the recursion check for native code.
    static constexpr ptrdiff_t kStackMargin = 192 * 1024;
    void enterCall() {
        if (++m_depth > m_recursionLimit) depthExceeded("");
        char probe;
        if (m_stackLimit && &probe < m_stackLimit + kStackMargin) depthExceeded("");
    }
    // A call CPython makes through its C API (a builtin called from Python,
    // repr() of an object, a rich comparison...) counts against the same
    // limit; `context` completes the message (" while calling a Python object").
    void enterNative(const char* context) {
        if (++m_depth > m_recursionLimit) depthExceeded(context);
        char probe;
        if (m_stackLimit && &probe < m_stackLimit + kStackMargin) depthExceeded("");
    }
    void leaveCall() { --m_depth; }
    int depth() const { return m_depth; }
    void setDepth(int d) { m_depth = d; }
    void setStackLimit(const char* lowest) { m_stackLimit = lowest; }
    const char* stackLimit() const { return m_stackLimit; }

    // ---- protocol (each may run Python code and throw PyException)
    static ClassObject* typeOf(const Value& v) { return v.isObj() ? v.obj()->type() : scalarTypeOf(v); }
    bool isInstance(const Value& v, const ClassObject* cls) const {
        return typeOf(v)->isSubclassOf(cls);
    }
    Value getAttr(const Value& obj, StrObject* name);
    Value getAttrOrNull(const Value& obj, StrObject* name);  // null instead of AttributeError
    void setAttr(const Value& obj, StrObject* name, const Value& v);
    void delAttr(const Value& obj, StrObject* name);
    // object.__getattribute__ / __setattr__ / __delattr__: descriptors and the
    // instance dict, never the type's own overrides of those three (nor
    // __getattr__); genericGetAttr returns null when the attribute is absent.
    Value genericGetAttr(const Value& obj, StrObject* name);
    void genericSetAttr(const Value& obj, StrObject* name, const Value& v);
    void genericDelAttr(const Value& obj, StrObject* name);
    // Raises the AttributeError of getAttr for an absent attribute.
    [[noreturn]] void attributeMissing(const Value& obj, StrObject* name);
    // Method lookup without creating a bound method: on success `self` is set
    // when the result must be called with self prepended.
    Value getMethod(const Value& obj, StrObject* name, bool& needsSelf);
    Value lookupSpecial(const Value& obj, StrObject* name);  // on the type only; null when absent

    Value call(const Value& f, CallArgs& args);
    Value call(const Value& f, std::initializer_list<Value> args);
    Value callMethod(const Value& obj, StrObject* name, std::initializer_list<Value> args);
    Value callFunction(FunctionObject* f, CallArgs& args, const Value* self = nullptr);

    Value binaryOp(lang::BinOpKind op, const Value& a, const Value& b);
    Value inplaceOp(lang::BinOpKind op, const Value& a, const Value& b);
    Value unaryOp(lang::UnaryOpKind op, const Value& a);
    Value compare(lang::CmpOpKind op, const Value& a, const Value& b);
    bool eq(const Value& a, const Value& b);
    bool lessThan(const Value& a, const Value& b);
    bool truthy(const Value& v);
    int64_t hash(const Value& v);
    std::string repr(const Value& v);
    std::string str(const Value& v);
    // object.__repr__: "<module.Qualname object at 0x...>".
    static std::string defaultRepr(const Value& v);
    Value strValue(const Value& v);  // str(v) as a str object
    std::string format(const Value& v, std::string_view spec);
    Value iter(const Value& v);
    Value next(const Value& it);  // null when exhausted
    Value getItem(const Value& obj, const Value& key);
    void setItem(const Value& obj, const Value& key, const Value& v);
    void delItem(const Value& obj, const Value& key);
    bool contains(const Value& container, const Value& item);
    int64_t len(const Value& v);
    int64_t toIndex(const Value& v);          // __index__ semantics, int64 range
    bool toBigInt(const Value& v, num::BigInt& out);  // ints and bools only
    std::vector<Value> toVector(const Value& iterable);
    // `x.__class__.__name__` as CPython shows it in messages.
    static std::string typeName(const Value& v);

    // ---- errors
    [[noreturn]] void raise(ClassObject* type, std::string message);
    [[noreturn]] void raiseValue(Value exc);  // `raise exc` from native code
    [[noreturn]] void typeError(std::string message) { raise(types().TypeError, std::move(message)); }
    [[noreturn]] void valueError(std::string message) { raise(types().ValueError, std::move(message)); }
    [[noreturn]] void recursionError(const char* context = "");
    // The call being entered is not made: undoes its depth count and raises
    // RecursionError (the count stays balanced when the error is caught).
    [[noreturn]] void depthExceeded(const char* context);
    Value newException(ClassObject* type, std::vector<Value> args);
    Value newException(ClassObject* type, std::string message);
    // Sets __context__ from the exception being handled, as CPython does on raise.
    void attachContext(const Value& exc);
    // Records that `exc` passed through `frame` at `pos` (a traceback line).
    void addTraceback(const Value& exc, const Frame& frame, const lang::Node* node);
    // Adds the entry for `frame` unless the traceback already ends in it.
    void addTracebackOnce(const Value& exc, const Frame& frame, const lang::Node* node);
    // Text of a traceback as sys.excepthook prints it.
    std::string formatException(const Value& exc);
    // warnings.warn() with the default filters (warnings.cpp). `fromDeallocation`
    // adds the tracemalloc hint CPython prints for objects reported when freed.
    void warn(ClassObject* category, const std::string& message, bool fromDeallocation = false);
    // "Exception ignored in: ..." reports (finalizers, callbacks).
    void writeUnraisable(const Value& exc, const std::string& where);

    // ---- handled exceptions (sys.exc_info())
    HandledStack* handled() { return m_handled; }
    void setHandled(HandledStack* s) { m_handled = s; }

    // ---- frames
    Frame* currentFrame() const { return m_frame; }
    void setCurrentFrame(Frame* f) { m_frame = f; }
    uint64_t nextFrameSerial() { return ++m_frameSerial; }

    // ---- extensions
    // Per-run state of a module implemented elsewhere (asyncio), released
    // before the interpreter itself so finalizers still run.
    std::shared_ptr<void>& extension(const std::string& key) { return m_extensions[key]; }
    // Changes whenever the extensions are dropped, and differs between
    // interpreters: a module that caches its state's address for a hot path
    // keeps it only while this stays the same.
    uint64_t extensionsGeneration() const { return m_extensionsGeneration; }
    // Ends a run as CPython ends one: the main module's globals are dropped
    // (objects that die then run their finalizers), then module state.
    void finish();

    // ---- modules
    ModuleObject* mainModule() const { return m_main.get(); }
    DictObject* builtinsDict() const { return m_builtins.get(); }
    Value importModule(const std::string& name);
    using ModuleFactory = std::function<Ref<ModuleObject>(Interp&)>;
    void registerModule(const std::string& name, ModuleFactory factory);

    // ---- evaluation (eval.cpp)
    Value eval(lang::Expr* e, Frame& f);
    // Runs a function body (or module, class body) in `f`.
    void execBody(const std::vector<lang::Stmt*>& body, Frame& f);
    Value runFrame(Frame& f);  // runs f's code to completion, returns its result
    // `await x` from inside a coroutine frame: returns the awaited result.
    Value awaitValue(const Value& awaitable, Frame& f);
    // The iterator `await` delegates to (coroutine itself, or __await__()).
    Value awaitIterator(const Value& awaitable);
    CodeInfo* compileModule(lang::Module& m);

    // Hooks for generator objects (generator.cpp).
    Value makeGenerator(FunctionObject* f, Frame& prepared, std::unique_ptr<Value[]> fast,
                        std::unique_ptr<Ref<CellObject>[]> cells);

private:
    static ClassObject* scalarTypeOf(const Value& v);  // typeOf for what is not an object
    [[noreturn]] void stepBudgetExhausted();
    [[noreturn]] void eventBudgetExhausted();
    [[noreturn]] void memoryBudgetExhausted();
    int64_t m_memoryBase = 0;

    int64_t m_steps = 0;
    std::function<size_t()> m_eventCount;
    size_t m_maxEvents = 0;
    int64_t m_maxSteps;
    int64_t m_memoryLimit;
    int64_t m_memoryUsed = 0;
    int m_depth = 0;
    int m_recursionLimit = 1000;
    const char* m_stackLimit = nullptr;
    Frame* m_frame = nullptr;
    uint64_t m_frameSerial = 0;
    HandledStack m_mainHandled;
    HandledStack* m_handled = &m_mainHandled;
    Ref<DictObject> m_builtins;
    Ref<ModuleObject> m_main;
    std::map<std::string, Ref<ModuleObject>> m_modules;
    std::map<std::string, ModuleFactory> m_moduleFactories;
    std::vector<std::unique_ptr<CodeInfo>> m_codes;
    std::map<std::string, std::shared_ptr<void>> m_extensions;
    uint64_t m_extensionsGeneration = 0;
    void clearExtensions();
};

inline NativeDepth::NativeDepth(Interp& in, const char* context) : m_in(in) { in.enterNative(context); }
inline NativeDepth::~NativeDepth() { m_in.leaveCall(); }

// The interpreter running on this thread (for finalizers and native callbacks).
Interp* currentInterp();

}  // namespace ascope::rt
