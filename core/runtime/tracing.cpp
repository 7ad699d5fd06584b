#include "runtime/tracing.h"

#include "runtime/builtins.h"
#include "runtime/generator.h"
#include "runtime/numeric.h"
#include "trace/trace.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <cstring>

namespace ascope::rt::tracing {

bool (*describeNative)(const Value& v, std::string& out) = nullptr;

namespace {

// ------------------------------------------------------------- safe repr

constexpr std::string_view kEllipsis = "…";

// Cuts `s` back to at most `limit` bytes without splitting a UTF-8 sequence.
size_t utf8Cut(std::string_view s, size_t limit) {
    if (s.size() <= limit) return s.size();
    size_t n = limit;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

// Appends `text`, or as much of it as fits before `end` followed by "…".
// Returns false when it did not fit.
bool appendBounded(std::string& out, std::string_view text, size_t end) {
    if (out.size() + text.size() <= end) {
        out += text;
        return true;
    }
    size_t room = end > out.size() ? end - out.size() : 0;
    out.append(text.substr(0, utf8Cut(text, room)));
    out += kEllipsis;
    return false;
}

// Printable ASCII without quotes or backslashes: its repr is itself in quotes.
bool plainAscii(std::string_view s) {
    for (unsigned char c : s)
        if (c < 0x20 || c >= 0x7f || c == '\'' || c == '\\') return false;
    return true;
}

std::string_view typeNameOf(const Value& v) { return Interp::typeOf(v)->name; }

bool exactType(const Value& v, const ClassObject* t) { return Interp::typeOf(v) == t; }

// Appends the repr of `v`, stopping at `end` bytes with "…"; false once cut.
bool reprInto(std::string& out, const Value& v, size_t end, int depth) {
    const Types& t = types();
    if (v.isNull()) return appendBounded(out, "<NULL>", end);
    if (v.isNone()) return appendBounded(out, "None", end);
    if (v.isBool()) return appendBounded(out, v.asBool() ? "True" : "False", end);
    if (v.isSmallInt()) {
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, v.asInt());
        return appendBounded(out, std::string_view(buf, size_t(r.ptr - buf)), end);
    }
    if (v.isFloat()) return appendBounded(out, num::floatRepr(v.asFloat()), end);
    ClassObject* type = Interp::typeOf(v);
    switch (v.obj()->kind()) {
    case Kind::Int:
        if (type == t.int_) {
            std::string digits = num::intToBaseString(v.as<IntObject>()->v, 10);
            return appendBounded(out, digits, end);
        }
        break;
    case Kind::Str:
        if (type == t.str) {
            // Only the part that can show is quoted.
            const std::string& s = v.as<StrObject>()->s;
            size_t room = end > out.size() ? end - out.size() : 0;
            if (s.size() + 2 <= room && plainAscii(s)) {
                out += '\'';
                out += s;
                out += '\'';
                return true;
            }
            if (s.size() + 2 <= room) return appendBounded(out, num::strRepr(s), end);
            std::string r = num::strRepr(std::string_view(s).substr(0, utf8Cut(s, room)));
            r.pop_back();  // the closing quote: the text goes on
            if (appendBounded(out, r, end)) out += kEllipsis;
            return false;
        }
        break;
    case Kind::Bytes:
        if (type == t.bytes) {
            const std::string& b = v.as<BytesObject>()->b;
            size_t room = end > out.size() ? end - out.size() : 0;
            std::string r = num::bytesRepr(std::string_view(b).substr(0, std::min(b.size(), room)));
            if (b.size() <= room) return appendBounded(out, r, end);
            appendBounded(out, r, end);
            return false;
        }
        break;
    case Kind::List:
    case Kind::Tuple:
        if (type == t.list || type == t.tuple) {
            bool list = type == t.list;
            const std::vector<Value>& items =
                list ? v.as<ListObject>()->items : v.as<TupleObject>()->items;
            if (depth > 6) return appendBounded(out, list ? "[…]" : "(…)", end);
            if (!appendBounded(out, list ? "[" : "(", end)) return false;
            for (size_t i = 0; i < items.size(); ++i) {
                if (i && !appendBounded(out, ", ", end)) return false;
                if (!reprInto(out, items[i], end, depth + 1)) return false;
            }
            if (!list && items.size() == 1 && !appendBounded(out, ",", end)) return false;
            return appendBounded(out, list ? "]" : ")", end);
        }
        break;
    case Kind::Dict:
        if (type == t.dict) {
            if (depth > 6) return appendBounded(out, "{…}", end);
            if (!appendBounded(out, "{", end)) return false;
            bool first = true, ok = true;
            v.as<DictObject>()->forEach([&](const Value& k, const Value& val) {
                if (!ok) return;
                if (!first && !appendBounded(out, ", ", end)) {
                    ok = false;
                    return;
                }
                first = false;
                ok = reprInto(out, k, end, depth + 1) && appendBounded(out, ": ", end) &&
                     reprInto(out, val, end, depth + 1);
            });
            return ok && appendBounded(out, "}", end);
        }
        break;
    case Kind::Set:
    case Kind::FrozenSet:
        if (type == t.set || type == t.frozenset) {
            auto* s = v.as<SetObject>();
            bool frozen = type == t.frozenset;
            if (s->size() == 0) return appendBounded(out, frozen ? "frozenset()" : "set()", end);
            if (depth > 6) return appendBounded(out, "{…}", end);
            if (frozen && !appendBounded(out, "frozenset(", end)) return false;
            if (!appendBounded(out, "{", end)) return false;
            bool first = true, ok = true;
            s->forEach([&](const Value& k) {
                if (!ok) return;
                if (!first && !appendBounded(out, ", ", end)) {
                    ok = false;
                    return;
                }
                first = false;
                ok = reprInto(out, k, end, depth + 1);
            });
            return ok && appendBounded(out, frozen ? "})" : "}", end);
        }
        break;
    case Kind::Range:
        if (type == t.range) {
            auto* r = v.as<RangeObject>();
            std::string text = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
            if (r->step != 1) text += ", " + std::to_string(r->step);
            return appendBounded(out, text + ")", end);
        }
        break;
    case Kind::Function:
        return appendBounded(out, "<function " + v.as<FunctionObject>()->code->qualname + ">", end);
    case Kind::BoundMethod: {
        Value f = v.as<BoundMethodObject>()->func;
        std::string name = f.isObj(Kind::Function) ? f.as<FunctionObject>()->code->qualname : "?";
        return appendBounded(out, "<bound method " + name + ">", end);
    }
    case Kind::Builtin: return appendBounded(out, std::string("<built-in function ") + v.as<BuiltinObject>()->name + ">", end);
    case Kind::Class: return appendBounded(out, "<class '" + v.as<ClassObject>()->qualifiedName() + "'>", end);
    case Kind::Module: return appendBounded(out, "<module '" + v.as<ModuleObject>()->name + "'>", end);
    case Kind::Generator: {
        auto* g = v.as<GeneratorObject>();
        std::string noun = g->flavor == GeneratorObject::Flavor::Coroutine        ? "coroutine"
                           : g->flavor == GeneratorObject::Flavor::AsyncGenerator ? "async_generator"
                                                                                  : "generator";
        return appendBounded(out, "<" + noun + " " + (g->qualname ? g->qualname->s : std::string("?")) + ">", end);
    }
    case Kind::Exception: {
        // The exception's class and its arguments: ValueError('bad').
        auto* e = v.as<ExceptionObject>();
        if (!appendBounded(out, type->name, end) || !appendBounded(out, "(", end)) return false;
        if (e->args) {
            for (size_t i = 0; i < e->args->items.size(); ++i) {
                if (i && !appendBounded(out, ", ", end)) return false;
                if (!reprInto(out, e->args->items[i], end, depth + 1)) return false;
            }
        }
        return appendBounded(out, ")", end);
    }
    case Kind::Native: {
        static thread_local std::string text;  // reused: no allocation per repr
        if (describeNative && describeNative(v, text)) return appendBounded(out, text, end);
        break;
    }
    case Kind::Singleton:
        if (type->isBuiltin) {
            if (v.is(t.ellipsisValue)) return appendBounded(out, "Ellipsis", end);
            if (v.is(t.notImplementedValue)) return appendBounded(out, "NotImplemented", end);
        }
        break;
    default: break;
    }
    return appendBounded(out, "<", end) && appendBounded(out, typeNameOf(v), end) && appendBounded(out, " object>", end);
}

// Whether str() of `v` runs only builtin code.
bool plain(const Value& v, int depth = 0) {
    if (v.isNull() || v.isNone() || v.isBool() || v.isSmallInt() || v.isFloat()) return true;
    const Types& t = types();
    ClassObject* type = Interp::typeOf(v);
    if (type == t.str || type == t.int_ || type == t.bytes) return true;
    if ((type == t.tuple || type == t.list) && depth < 4) {
        const auto& items = type == t.list ? v.as<ListObject>()->items : v.as<TupleObject>()->items;
        for (const Value& i : items)
            if (!plain(i, depth + 1)) return false;
        return true;
    }
    return false;
}

// A key that fixes safeRepr(v) (0: none known, render it): the bits of an
// inline scalar; a str's address, length and hash (strings are immutable);
// for what is shown by its type alone ("<Foo object>") the type; a
// function's or coroutine's code.
uint64_t mix(uint64_t a, uint64_t b) {
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull)) * 0xFF51AFD7ED558CCDull;
    return (h ^ (h >> 31)) | 1;
}

uint64_t identityOf(const Value& v) {
    if (v.isNone()) return mix(1, 0);
    if (v.isBool()) return mix(2, v.asBool());
    if (v.isSmallInt()) return mix(3, uint64_t(v.asInt()));
    if (v.isFloat()) {
        double d = v.asFloat();
        uint64_t bits;
        std::memcpy(&bits, &d, 8);
        return mix(4, bits);
    }
    const Object* o = v.obj();
    ClassObject* type = o->type();
    switch (o->kind()) {
    case Kind::Str:
        if (type == types().str) {
            auto* s = static_cast<const StrObject*>(o);
            return mix(mix(5, reinterpret_cast<uintptr_t>(o)), mix(s->s.size(), uint64_t(s->hash())));
        }
        return 0;
    case Kind::Instance: return mix(6, reinterpret_cast<uintptr_t>(type));
    case Kind::Native: {
        // Whether describeNative knows the type (then the repr may depend on
        // the object): asked once per type in a row.
        static thread_local const ClassObject* lastType = nullptr;
        static thread_local bool lastDescribed = false;
        if (type != lastType) {
            std::string text;
            lastDescribed = describeNative && describeNative(v, text);
            lastType = type;
        }
        if (lastDescribed) return 0;
        return mix(7, reinterpret_cast<uintptr_t>(type));
    }
    case Kind::Function: return mix(8, reinterpret_cast<uintptr_t>(static_cast<const FunctionObject*>(o)->code));
    case Kind::Generator: {
        auto* g = static_cast<const GeneratorObject*>(o);
        return mix(mix(9, reinterpret_cast<uintptr_t>(type)), reinterpret_cast<uintptr_t>(g->qualname.get()));
    }
    default: return 0;
    }
}

// ------------------------------------------------------------- state

struct State {
    // The exception travelling now: its object's address and trace id (the
    // address alone could be reused by a later exception), its type's name.
    const Object* inFlight = nullptr;
    uint64_t inFlightId = 0;
    std::string inFlightType;
    uint64_t nextId = 0;
    int unwinding = 0;
    // Scratch for the locals of a line event.
    std::vector<const Value*> values;
    std::vector<trace::LocalView> views;
    // Per code (the interpreter keeps every code for its whole life): where
    // the locals it shows live, in the order they are shown, and their views
    // with the names filled in; a line fills in the rest.
    struct LocalSource {
        enum class Where : uint8_t { Fast, Cell };
        Where where;
        uint32_t index;  // in Frame::fast, or in Frame::cells (own cells, then free ones)
    };
    struct CodeLocals {
        std::vector<LocalSource> sources;
        std::vector<trace::LocalView> views;
    };
    std::unordered_map<const CodeInfo*, CodeLocals> codeLocals;
    const CodeInfo* lastCode = nullptr;
    CodeLocals* lastCodeLocals = nullptr;
};

// The locals a frame of `code` shows: its fast locals but the hidden ones
// (a comprehension's iterator, ".0") and the parameters moved into cells,
// then its own cells, then its free cells.
State::CodeLocals& codeLocalsOf(State& st, const CodeInfo& code) {
    if (st.lastCode == &code) return *st.lastCodeLocals;
    auto [it, fresh] = st.codeLocals.try_emplace(&code);
    State::CodeLocals& c = it->second;
    if (fresh) {
        auto add = [&](const std::string& name, State::LocalSource::Where where, size_t index) {
            if (!name.empty() && name[0] == '.') return;
            c.sources.push_back({where, uint32_t(index)});
            trace::LocalView view;
            view.name = name;
            c.views.push_back(view);
        };
        for (size_t i = 0; i < code.varNames.size(); ++i)
            if (std::find(code.cellParam.begin(), code.cellParam.end(), int(i)) == code.cellParam.end())
                add(code.varNames[i], State::LocalSource::Where::Fast, i);
        size_t ncells = code.cellNames.size();
        for (size_t i = 0; i < ncells; ++i) add(code.cellNames[i], State::LocalSource::Where::Cell, i);
        for (size_t i = 0; i < code.freeNames.size(); ++i)
            add(code.freeNames[i], State::LocalSource::Where::Cell, ncells + i);
    }
    st.lastCode = &code;
    st.lastCodeLocals = &c;
    return c;
}

State& state(Interp& in) {
    if (!in.traceState) in.traceState = std::make_shared<State>();
    return *static_cast<State*>(in.traceState.get());
}

bool isInFlight(const State& st, const Value& exc) {
    return st.inFlight == exc.obj() && exc.as<ExceptionObject>()->traceId == st.inFlightId && st.inFlightId != 0;
}

void setInFlight(State& st, const Value& exc) {
    auto* e = exc.as<ExceptionObject>();
    if (e->traceId == 0) e->traceId = ++st.nextId;
    st.inFlight = exc.obj();
    st.inFlightId = e->traceId;
    st.inFlightType = Interp::typeName(exc);
}

void clearInFlight(State& st) {
    st.inFlight = nullptr;
    st.inFlightId = 0;
    st.inFlightType.clear();
}

}  // namespace

void recordException(Interp& in, trace::EventKind kind, const Value& exc, uint64_t frame, int line, uint64_t task,
                     uint64_t future) {
    std::string type = Interp::typeName(exc);
    std::string message = safeMessage(exc);
    trace::EventView e;
    e.kind = kind;
    e.frame = frame;
    e.line = line;
    e.task = task;
    e.future = future;
    e.excType = type;
    e.excMessage = message;
    in.recorder->record(e);
}

namespace {

std::string_view fileOf(const Frame& f) {
    return f.code && f.code->module ? std::string_view(f.code->module->filename) : std::string_view();
}

// Whether the frame's locals are shown: functions (and lambdas,
// comprehensions), not module or class bodies whose namespace is a dict.
bool showsLocals(const Frame& f) { return f.code && f.code->type != CodeInfo::Type::Module && f.code->type != CodeInfo::Type::Class; }

}  // namespace

std::string safeRepr(const Value& v, size_t limit) {
    std::string out;
    reprInto(out, v, limit, 0);
    return out;
}

void appendSafeRepr(std::string& out, const Value& v, size_t limit) { reprInto(out, v, out.size() + limit, 0); }

std::string safeMessage(const Value& exc) {
    if (!exc.isObj(Kind::Exception)) return safeRepr(exc);
    auto* e = exc.as<ExceptionObject>();
    ClassObject* type = e->type();
    Value strFn = type->lookup(names().__str__);
    if (!strFn.isNull() && !strFn.isObj(Kind::Builtin)) return "";
    Interp* in = currentInterp();
    bool simple = !e->args || plain(Value(e->args.get()));
    if (e->os && !(plain(e->os->errnum) && plain(e->os->strerror) && plain(e->os->filename) && plain(e->os->filename2)))
        simple = false;
    if (type->isSubclassOf(types().BaseExceptionGroup)) simple = plain(e->groupMessage);
    if (simple && in) {
        try {
            std::string s = in->str(exc);
            if (s.size() > 200) s = s.substr(0, utf8Cut(s, 200)) + std::string(kEllipsis);
            return s;
        } catch (...) {
        }
    }
    // BaseException.__str__ from the arguments' safe reprs.
    if (!e->args || e->args->items.empty()) return "";
    const Value& first = e->args->items[0];
    if (e->args->items.size() == 1) {
        if (exactType(first, types().str)) {
            const std::string& s = first.as<StrObject>()->s;
            return s.size() > 200 ? s.substr(0, utf8Cut(s, 200)) + std::string(kEllipsis) : s;
        }
        return safeRepr(first, 200);
    }
    return safeRepr(Value(e->args.get()), 200);
}

// ------------------------------------------------------------- events

void framePushed(Interp& in, const Frame& f) {
    trace::EventView e;
    e.kind = trace::EventKind::FramePushed;
    e.frame = f.serial;
    if (f.code) e.function = f.code->qualname;
    e.file = fileOf(f);
    e.line = f.line;
    in.recorder->record(e);
}

void framePopped(Interp& in, const Frame& f) {
    trace::EventView e;
    e.kind = trace::EventKind::FramePopped;
    e.frame = f.serial;
    in.recorder->record(e);
}

void lineExecuted(Interp& in, const Frame& f, int line) {
    State& st = state(in);
    if (st.inFlight && st.unwinding == 0) {
        // Absorbed by native code since it was last seen.
        trace::EventView c;
        c.kind = trace::EventKind::ExceptionCaught;
        c.excType = st.inFlightType;
        in.recorder->record(c);
        clearInFlight(st);
    }
    trace::EventView e;
    e.kind = trace::EventKind::LineExecuted;
    e.frame = f.serial;
    e.line = line;
    if (showsLocals(f) && (f.fast || f.code->varNames.empty()) && (f.cells || f.code->cellCount() == 0)) {
        // The usual frame: the code's layout, this frame's values.
        static const Value kUnbound;
        State::CodeLocals& c = codeLocalsOf(st, *f.code);
        size_t n = c.sources.size();
        st.values.resize(n);
        for (size_t i = 0; i < n; ++i) {
            const State::LocalSource& source = c.sources[i];
            const Value* v;
            if (source.where == State::LocalSource::Where::Fast) v = &f.fast[source.index];
            else v = f.cells[source.index] ? &f.cells[source.index]->value : &kUnbound;
            st.values[i] = v;
            trace::LocalView& view = c.views[i];
            view.bound = !v->isNull();
            view.identity = view.bound ? identityOf(*v) : 0;
        }
        e.locals = c.views.data();
        e.localCount = n;
        e.stableLocalNames = true;
        e.renderLocal = [](const void* context, size_t i, std::string& out) {
            appendSafeRepr(out, *static_cast<const State*>(context)->values[i], 80);
        };
        e.renderContext = &st;
    } else if (showsLocals(f)) {
        const CodeInfo& code = *f.code;
        st.values.clear();
        st.views.clear();
        auto add = [&](const std::string& name, const Value& v) {
            if (!name.empty() && name[0] == '.') return;  // a comprehension's hidden iterator
            st.values.push_back(&v);
            trace::LocalView view;
            view.name = name;
            view.bound = !v.isNull();
            view.identity = view.bound ? identityOf(v) : 0;
            st.views.push_back(view);
        };
        size_t nfast = code.varNames.size();
        for (size_t i = 0; i < nfast && f.fast; ++i) {
            // A parameter captured by an inner scope lives in its cell.
            bool inCell = false;
            for (int p : code.cellParam) inCell |= p == int(i);
            if (!inCell) add(code.varNames[i], f.fast[i]);
        }
        // `values` keeps addresses: an empty cell must give a lasting value,
        // not a temporary.
        static const Value kUnbound;
        size_t ncells = code.cellNames.size();
        for (size_t i = 0; i < ncells && f.cells; ++i)
            add(code.cellNames[i], f.cells[i] ? f.cells[i]->value : kUnbound);
        for (size_t i = 0; i < code.freeNames.size() && f.cells; ++i)
            add(code.freeNames[i], f.cells[ncells + i] ? f.cells[ncells + i]->value : kUnbound);
        e.locals = st.views.data();
        e.localCount = st.views.size();
        e.stableLocalNames = true;
        e.renderLocal = [](const void* context, size_t i, std::string& out) {
            appendSafeRepr(out, *static_cast<const State*>(context)->values[i], 80);
        };
        e.renderContext = &st;
    }
    in.recorder->record(e);
}

void exceptionAt(Interp& in, const Value& exc, const Frame& f, int line) {
    if (!exc.isObj(Kind::Exception)) return;
    State& st = state(in);
    if (isInFlight(st, exc)) return;  // arrived from a callee, or still here
    setInFlight(st, exc);
    auto* e = exc.as<ExceptionObject>();
    if (line == 0) {
        line = f.line;
        if (e->traceback && !e->traceback->empty() && e->traceback->back().frameSerial == f.serial &&
            e->traceback->back().pos.line > 0)
            line = e->traceback->back().pos.line;
    }
    recordException(in, trace::EventKind::ExceptionRaised, exc, f.serial, line);
}

void exceptionLeaves(Interp& in, const Value& exc, const Frame& f) {
    if (!exc.isObj(Kind::Exception)) return;
    State& st = state(in);
    if (!isInFlight(st, exc)) setInFlight(st, exc);
    recordException(in, trace::EventKind::ExceptionPropagated, exc, f.serial, 0);
}

void exceptionCaught(Interp& in, const Value& exc, const Frame& f, int line) {
    State& st = state(in);
    clearInFlight(st);
    trace::EventView e;
    e.kind = trace::EventKind::ExceptionCaught;
    e.frame = f.serial;
    e.line = line;
    std::string type = Interp::typeName(exc);
    e.excType = type;
    in.recorder->record(e);
}

void exceptionSettled(Interp& in) {
    if (in.traceState) clearInFlight(state(in));
}

Unwinding::Unwinding(Interp& in, const Value& exc) : m_in(in), m_active(in.recorder != nullptr && !exc.isNull()) {
    if (m_active) ++state(in).unwinding;
}

Unwinding::~Unwinding() {
    if (m_active) --state(m_in).unwinding;
}

std::vector<const Frame*> frameChain(const Frame* innermost, const Frame* outer) {
    std::vector<const Frame*> chain;
    for (const Frame* p = innermost; p != outer; p = p->back) {
        if (!p) return {};
        chain.push_back(p);
    }
    return chain;
}

void detachFrames(Interp& in, const std::vector<const Frame*>& chain) {
    for (const Frame* f : chain) framePopped(in, *f);
}

void reattachFrames(Interp& in, const std::vector<const Frame*>& chain) {
    for (size_t i = chain.size(); i-- > 0;) {
        framePushed(in, *chain[i]);
        lineExecuted(in, *chain[i], chain[i]->line);
    }
}

}  // namespace ascope::rt::tracing
