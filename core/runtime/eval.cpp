// The evaluator: walks the resolved AST of one frame.
//
// Rules that keep it correct across fibers and fast on the hot paths:
// - Python code never runs inside a C++ `catch` block: a handler copies the
//   exception out and the Python `except`/`finally` body runs after the
//   block is left (switching fibers inside a catch would corrupt the C++
//   runtime's per-thread list of caught exceptions).
// - `Frame::cur` is set before every operation that may raise, so that the
//   frame's traceback line points at the failing expression, as CPython's
//   instruction positions do.
// - Statements count against the step budget; calls check recursion depth
//   and the remaining C stack.
#include "lang/diagnostic.h"
#include "runtime/builtins.h"
#include "runtime/generator.h"
#include "runtime/tracing.h"

#include <algorithm>
#include <cstdio>

namespace ascope::rt {

using namespace lang;

Value buildClass(Interp& in, const std::string& name, std::vector<Value> bases, Ref<DictObject> ns);
void splitExceptionGroup(Interp& in, const Value& e, const Value& matcher, Value& match, Value& rest);
Value deriveExceptionGroup(Interp& in, const Value& group, std::vector<Value> excs);

// What type.__new__ does once a class exists: __set_name__ on the
// attributes that define it (errors wrapped in RuntimeError, as 3.11 does),
// then super(cls, cls).__init_subclass__(**keywords).
void initNewClass(Interp& in, const Value& cls, DictObject* ns, const std::vector<StrObject*>& kwNames,
                  const std::vector<Value>& kwValues) {
    auto* c = cls.as<ClassObject>();
    std::vector<std::pair<Value, Value>> items;
    ns->forEach([&](const Value& k, const Value& v) { items.push_back({k, v}); });
    for (auto& [k, v] : items) {
        if (!v.isObj()) continue;
        Value sn = Interp::typeOf(v)->lookup(names().__set_name__);
        if (sn.isNull()) continue;
        Value failed;
        try {
            in.call(sn, {v, cls, k});
        } catch (PyException& e) {
            failed = std::move(e.exc);
        }
        if (!failed.isNull()) {
            // CPython 3.11 wraps the error, with it as the cause.
            Value err = in.newException(types().RuntimeError, "Error calling __set_name__ on '" +
                                                                  Interp::typeName(v) + "' instance " + in.repr(k) +
                                                                  " in '" + c->name + "'");
            auto* eo = err.as<ExceptionObject>();
            eo->cause = failed;
            eo->context = failed;
            eo->suppressContext = true;
            throw PyException{err};
        }
    }
    // super(cls, cls).__init_subclass__(**keywords)
    for (size_t i = 1; i < c->mro.size(); ++i) {
        Value isub = c->mro[i]->dict->getStr(names().__init_subclass__);
        if (isub.isNull()) continue;
        Value bound = isub;
        if (isub.isObj(Kind::ClassMethod)) {
            Value fn = isub.as<ClassMethodObject>()->func;
            if (fn.isObj(Kind::Builtin))
                bound = Value(new BuiltinObject(fn.as<BuiltinObject>()->name, fn.as<BuiltinObject>()->fn, cls,
                                                fn.as<BuiltinObject>()->owner));
            else
                bound = Value(new BoundMethodObject(fn, cls));
        }
        CallArgs args(nullptr, 0, kwValues.data(), kwNames.data(), kwNames.size());
        in.call(bound, args);
        break;
    }
}

// The methods type.__new__ makes implicitly static or class methods.
void prepareClassNamespace(DictObject* ns) {
    Value nw = ns->getStr(names().__new__);
    if (nw.isObj(Kind::Function)) ns->setStr(names().__new__, Value(new StaticMethodObject(nw)));
    for (StrObject* name : {names().__init_subclass__, names().__class_getitem__}) {
        Value m = ns->getStr(name);
        if (m.isObj(Kind::Function)) ns->setStr(name, Value(new ClassMethodObject(m)));
    }
}

namespace {

enum class Flow { Normal, Break, Continue, Return };

inline CodeInfo* codeOf(ScopeInfo* s) { return reinterpret_cast<CodeInfo*>(s); }

// Keeps the current frame pointer and handled-exception stack balanced.
struct FrameScope {
    Interp& in;
    Frame* saved;
    FrameScope(Interp& i, Frame& f) : in(i), saved(i.currentFrame()) {
        f.back = saved;
        in.setCurrentFrame(&f);
    }
    ~FrameScope() { in.setCurrentFrame(saved); }
};

// Pops from the stack it pushed onto: a generator torn down while suspended
// in an `except` block unwinds on its own stack, not the current one.
struct HandledScope {
    HandledStack* stack;
    explicit HandledScope(Interp& in, const Value& exc) : stack(in.handled()) { stack->items.push_back(exc); }
    ~HandledScope() { stack->items.pop_back(); }
};

struct CallDepth {
    Interp& in;
    explicit CallDepth(Interp& i) : in(i) { in.enterCall(); }
    ~CallDepth() { in.leaveCall(); }
};

// Whether CPython's AST optimizer turns `e` into a constant (so a display
// made only of such items is folded by the compiler).
bool isFoldedConstant(const Expr* e) {
    switch (e->kind) {
    case ExprKind::Constant: return true;
    case ExprKind::UnaryOp: {
        auto* u = static_cast<const UnaryOp*>(e);
        return u->op != UnaryOpKind::Not && isFoldedConstant(u->operand);
    }
    case ExprKind::BinOp: {
        auto* b = static_cast<const BinOp*>(e);
        bool simple = b->op == BinOpKind::Add || b->op == BinOpKind::Sub || b->op == BinOpKind::Mult;
        return simple && isFoldedConstant(b->left) && isFoldedConstant(b->right);
    }
    case ExprKind::Tuple: {
        for (const Expr* x : static_cast<const ListOrTuple*>(e)->elts)
            if (x->kind == ExprKind::Starred || !isFoldedConstant(x)) return false;
        return true;
    }
    default: return false;
    }
}

// Where CPython 3.11 places the AssertionError of `assert test`: its compiler
// visits the test as a conditional jump (through `not`, `and`/`or` and
// conditional expressions, in source order) and each comparison it meets
// there leaves its position behind for the instructions that follow; with no
// comparison the statement's own position is used (null here).
const Node* assertRaiseNode(const Expr* test) {
    switch (test->kind) {
    case ExprKind::UnaryOp: {
        auto* u = static_cast<const UnaryOp*>(test);
        return u->op == UnaryOpKind::Not ? assertRaiseNode(u->operand) : nullptr;
    }
    case ExprKind::BoolOp: {
        const Node* last = nullptr;
        for (const Expr* v : static_cast<const BoolOp*>(test)->values)
            if (const Node* n = assertRaiseNode(v)) last = n;
        return last;
    }
    case ExprKind::IfExp: {
        auto* i = static_cast<const IfExp*>(test);
        const Node* last = nullptr;
        for (const Expr* v : {i->test, i->body, i->orelse})
            if (const Node* n = assertRaiseNode(v)) last = n;
        return last;
    }
    case ExprKind::Compare: return test;
    default: return nullptr;
    }
}

// CPython's find_ann(): whether a module or class body annotates a name
// anywhere outside nested functions and classes (then its code starts by
// creating `__annotations__`).
bool hasAnnotations(const std::vector<Stmt*>& body) {
    for (const Stmt* st : body) {
        switch (st->kind) {
        case StmtKind::AnnAssign: return true;
        case StmtKind::For: {
            auto* x = static_cast<const For*>(st);
            if (hasAnnotations(x->body) || hasAnnotations(x->orelse)) return true;
            break;
        }
        case StmtKind::While: {
            auto* x = static_cast<const While*>(st);
            if (hasAnnotations(x->body) || hasAnnotations(x->orelse)) return true;
            break;
        }
        case StmtKind::If: {
            auto* x = static_cast<const If*>(st);
            if (hasAnnotations(x->body) || hasAnnotations(x->orelse)) return true;
            break;
        }
        case StmtKind::With:
            if (hasAnnotations(static_cast<const With*>(st)->body)) return true;
            break;
        case StmtKind::Try: {
            auto* x = static_cast<const Try*>(st);
            if (hasAnnotations(x->body) || hasAnnotations(x->orelse) || hasAnnotations(x->finalbody)) return true;
            for (const ExceptHandler* h : x->handlers)
                if (hasAnnotations(h->body)) return true;
            break;
        }
        default: break;
        }
    }
    return false;
}

// How CPython names a callable in call errors (_PyObject_FunctionStr):
// "module.qualname()", "qualname()" for builtins, else str(func).
std::string functionStr(Interp& in, const Value& func) {
    Value qn, mod;
    bool failed = false;
    try {
        qn = in.getAttrOrNull(func, names().__qualname__);
        if (!qn.isNull()) mod = in.getAttrOrNull(func, names().__module__);
    } catch (PyException& e) {
        if (!in.isInstance(e.exc, types().AttributeError)) throw;
        failed = true;
    }
    if (failed || qn.isNull()) return in.str(func);
    std::string q = in.str(qn);
    if (!mod.isNull() && !mod.isNone()) {
        std::string m = in.str(mod);
        if (m != "builtins") return m + "." + q + "()";
    }
    return q + "()";
}

// ascii(): the repr text with every non-ASCII code point escaped.
std::string asciiOf(const std::string& text) {
    std::string out;
    size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp = num::decodeUtf8(text, pos);
        char buf[16];
        if (cp < 0x80) out += char(cp);
        else if (cp < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(cp)), out += buf;
        else if (cp < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(cp)), out += buf;
        else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(cp)), out += buf;
    }
    return out;
}

class Evaluator {
public:
    explicit Evaluator(Interp& in) : in(in) {}
    Interp& in;

    Flow execBlock(const std::vector<Stmt*>& body, Frame& f) {
        for (Stmt* s : body) {
            Flow fl = exec(s, f);
            if (fl != Flow::Normal) return fl;
        }
        return Flow::Normal;
    }

    Flow exec(Stmt* s, Frame& f);
    // `cur op= rhs`'s new value: small-int `+` inline, else the in-place protocol.
    Value augmentedValue(AugAssign* a, const Value& cur, const Value& rhs, Stmt* s, Frame& f);
    Value eval(Expr* e, Frame& f);
    // eval() with the two commonest operands (a bound fast local, a small int
    // literal) read without the dispatch through eval()'s jump table.
    Value evalFast(Expr* e, Frame& f) {
        if (e->kind == ExprKind::Name) {
            auto* n = static_cast<Name*>(e);
            if (n->scope == NameScope::Local) {
                const Value& v = f.fast[n->index];
                if (!v.isNull()) return v;
            }
        } else if (e->kind == ExprKind::Constant) {
            auto* c = static_cast<Constant*>(e);
            if (c->constKind == ConstKind::Int) return Value::integer(c->intValue);
        }
        return eval(e, f);
    }

    // ---- names
    [[noreturn]] void unboundLocal(const std::string& name) {
        in.raise(types().UnboundLocalError,
                 "cannot access local variable '" + name + "' where it is not associated with a value");
    }
    [[noreturn]] void nameError(const std::string& name) {
        Value e = in.newException(types().NameError, "name '" + name + "' is not defined");
        e.as<ExceptionObject>()->name = makeStr(name);
        in.raiseValue(e);
    }

    Value loadGlobal(Name* n, Frame& f) {
        DictObject* g = f.globals;
        DictObject* b = in.builtinsDict();
        if (n->icVersion == g->version) {
            if (!n->icBuiltin) return g->entries[size_t(n->icIndex)].value;
            if (n->icBuiltinsVersion == b->version) return b->entries[size_t(n->icIndex)].value;
        }
        auto* key = static_cast<StrObject*>(n->cache);
        int64_t ix = g->findStr(key);
        if (ix >= 0) {
            n->icVersion = g->version;
            n->icBuiltin = false;
            n->icIndex = int32_t(ix);
            return g->entries[size_t(ix)].value;
        }
        ix = b->findStr(key);
        if (ix >= 0) {
            n->icVersion = g->version;
            n->icBuiltinsVersion = b->version;
            n->icBuiltin = true;
            n->icIndex = int32_t(ix);
            return b->entries[size_t(ix)].value;
        }
        f.cur = n;
        nameError(n->id);
    }

    Value loadName(Name* n, Frame& f) {
        switch (n->scope) {
        case NameScope::Local: {
            const Value& v = f.fast[n->index];
            if (v.isNull()) {
                f.cur = n;
                unboundLocal(n->id);
            }
            return v;
        }
        case NameScope::Cell: {
            const Value& v = f.cells[n->index]->value;
            if (v.isNull()) {
                f.cur = n;
                if (n->index < int(f.code->cellNames.size())) unboundLocal(n->id);
                in.raise(types().NameError, "cannot access free variable '" + n->id +
                                                "' where it is not associated with a value in enclosing scope");
            }
            return v;
        }
        case NameScope::Global: return loadGlobal(n, f);
        case NameScope::ClassBody: {
            Value v = f.locals->getStr(static_cast<StrObject*>(n->cache));
            if (!v.isNull()) return v;
            return loadGlobal(n, f);
        }
        case NameScope::ClassFree: {
            Value v = f.locals->getStr(static_cast<StrObject*>(n->cache));
            if (!v.isNull()) return v;
            v = f.cells[n->index]->value;
            if (v.isNull()) {
                f.cur = n;
                in.raise(types().NameError, "cannot access free variable '" + n->id +
                                                "' where it is not associated with a value in enclosing scope");
            }
            return v;
        }
        case NameScope::Unresolved: break;
        }
        return loadGlobal(n, f);
    }

    void storeName(Name* n, Value v, Frame& f) {
        switch (n->scope) {
        case NameScope::Local: f.fast[n->index] = std::move(v); return;
        case NameScope::Cell: f.cells[n->index]->value = std::move(v); return;
        case NameScope::ClassBody:
        case NameScope::ClassFree:
            if (f.locals) {
                f.locals->setStr(static_cast<StrObject*>(n->cache), std::move(v));
                return;
            }
            [[fallthrough]];
        default: f.globals->setStr(static_cast<StrObject*>(n->cache), std::move(v)); return;
        }
    }

    void deleteName(Name* n, Frame& f) {
        f.cur = n;
        switch (n->scope) {
        case NameScope::Local:
            if (f.fast[n->index].isNull()) unboundLocal(n->id);
            f.fast[n->index] = Value();
            return;
        case NameScope::Cell:
            if (f.cells[n->index]->value.isNull()) unboundLocal(n->id);
            f.cells[n->index]->value = Value();
            return;
        case NameScope::ClassBody:
        case NameScope::ClassFree:
            if (f.locals) {
                if (f.locals->pop(in, Value(static_cast<StrObject*>(n->cache))).isNull()) nameError(n->id);
                return;
            }
            [[fallthrough]];
        default:
            if (f.globals->pop(in, Value(static_cast<StrObject*>(n->cache))).isNull()) nameError(n->id);
            return;
        }
    }

    // The truth of a condition (if, while, assert, conditional expression,
    // comprehension filter); a failing __bool__/__len__ is reported where
    // CPython's compiler_jump_if places the jump: at the last comparison in
    // the test, else at `owner`.
    bool testCondition(const Value& v, Expr* test, const Node* owner, Frame& f) {
        if (v.isBool()) return v.asBool();
        const Node* at = assertRaiseNode(test);
        f.cur = at ? at : owner;
        return in.truthy(v);
    }

    // ---- assignment
    void assign(Expr* target, const Value& v, Frame& f);
    void unpack(ListOrTuple* t, const Value& v, Frame& f);
    void deleteTarget(Expr* target, Frame& f);

    // ---- expressions
    // The helpers below stay out of line (noinline): inlined, their locals
    // would all be part of eval()'s and exec()'s frames, which sit on the
    // stack once per Python frame, and on the stack of every suspended task.
    Value constant(Constant* c);
    [[gnu::noinline]] Value evalCall(Call* c, Frame& f);
    [[gnu::noinline]] Value evalBinOp(BinOp* b, Frame& f);
    [[gnu::noinline]] Value evalCompare(Compare* c, Frame& f);
    [[gnu::noinline]] Value evalAttribute(Attribute* a, Frame& f);
    [[gnu::noinline]] Value evalSubscript(Subscript* s, Frame& f);
    [[gnu::noinline]] Value evalSlice(Slice* s, Frame& f);
    [[gnu::noinline]] Value evalJoinedStr(JoinedStr* j, Frame& f);
    [[gnu::noinline]] Value evalFormatted(FormattedValue* fv, Frame& f);
    [[gnu::noinline]] Value evalDict(lang::Dict* d, Frame& f);
    [[gnu::noinline]] Value evalSet(lang::Set* s, Frame& f);
    // Evaluates display or call elements, expanding `*x`. A `*x` that is not
    // iterable is reported as CPython's LIST_EXTEND does ("Value after * must
    // be an iterable"), as its CALL_FUNCTION_EX does for the lone `*x` of a
    // call to `callee`, or as a plain iter() error for set displays.
    // `owner` (the display, call or class statement) is where such an error is reported.
    [[gnu::noinline]] void evalElements(const std::vector<Expr*>& elts, Frame& f, std::vector<Value>& out, const Node* owner,
                      const Value* callee = nullptr, bool plainIterError = false);
    [[gnu::noinline]] Value evalComprehension(Comp* c, Frame& f);
    // `def` is the statement defining it (null for a lambda): its annotations are evaluated.
    [[gnu::noinline]] Value makeFunction(CodeInfo* code, Arguments* args, Frame& f, FunctionDef* def);

    // ---- statements
    [[gnu::noinline]] Flow execFor(For* s, Frame& f);
    [[gnu::noinline]] Flow execWhile(While* s, Frame& f);
    [[gnu::noinline]] Flow execTry(Try* t, Frame& f);
    [[gnu::noinline]] Flow execTryExcept(Try* t, Frame& f);
    [[gnu::noinline]] Flow execTryStar(Try* t, Frame& f);
    [[gnu::noinline]] Flow execWith(With* w, size_t item, Frame& f);
    [[gnu::noinline]] Flow execAsyncWith(With* w, size_t item, Frame& f);
    [[gnu::noinline]] void execRaise(Raise* r, Frame& f);
    [[gnu::noinline]] void execAnnAssign(AnnAssign* a, Frame& f);
    [[gnu::noinline]] void execFunctionDef(FunctionDef* d, Frame& f);
    [[gnu::noinline]] void execClassDef(ClassDef* d, Frame& f);
    [[gnu::noinline]] void execImport(Import* s, Frame& f);
    [[gnu::noinline]] void execImportFrom(ImportFrom* s, Frame& f);
    [[gnu::noinline]] Flow execAsyncFor(For* s, Frame& f);

    bool exceptionMatches(const Value& exc, const Value& spec);
};

// ----------------------------------------------------------------- constants

Value Evaluator::constant(Constant* c) {
    switch (c->constKind) {
    case ConstKind::None: return Value::none();
    case ConstKind::True: return Value::boolean(true);
    case ConstKind::False: return Value::boolean(false);
    case ConstKind::Int: return Value::integer(c->intValue);
    case ConstKind::Float: return Value::real(c->floatValue);
    case ConstKind::Ellipsis: return types().ellipsisValue;
    case ConstKind::Str:
        if (!c->cache) c->cache = intern(c->text);
        return Value(static_cast<Object*>(c->cache));
    case ConstKind::Bytes:
        if (!c->cache) {
            auto* b = new BytesObject(c->text);
            b->pin();
            c->cache = b;
        }
        return Value(static_cast<Object*>(c->cache));
    case ConstKind::BigInt:
        if (!c->cache) {
            num::BigInt v;
            num::Error err;
            num::parseInt(c->text, 10, v, err, false, 0);
            Value iv = makeInt(v);
            if (!iv.isObj()) return iv;
            iv.obj()->pin();
            c->cache = iv.obj();
        }
        return Value(static_cast<Object*>(c->cache));
    case ConstKind::Imaginary:
        in.raise(types().NotImplementedError, "complex numbers are not supported by asyncscope");
    }
    return Value::none();
}

// --------------------------------------------------------------- expressions

Value Evaluator::eval(Expr* e, Frame& f) {
    switch (e->kind) {
    case ExprKind::Name: return loadName(static_cast<Name*>(e), f);
    case ExprKind::Constant: return constant(static_cast<Constant*>(e));
    case ExprKind::BinOp: return evalBinOp(static_cast<BinOp*>(e), f);
    case ExprKind::Call: return evalCall(static_cast<Call*>(e), f);
    case ExprKind::Attribute: return evalAttribute(static_cast<Attribute*>(e), f);
    case ExprKind::Subscript: return evalSubscript(static_cast<Subscript*>(e), f);
    case ExprKind::Compare: return evalCompare(static_cast<Compare*>(e), f);
    case ExprKind::BoolOp: {
        auto* b = static_cast<BoolOp*>(e);
        Value v;
        for (size_t i = 0; i < b->values.size(); ++i) {
            v = eval(b->values[i], f);
            if (i + 1 == b->values.size()) break;
            if (!v.isBool()) f.cur = b;
            bool t = in.truthy(v);
            if (b->op == BoolOpKind::And ? !t : t) break;
        }
        return v;
    }
    case ExprKind::UnaryOp: {
        auto* u = static_cast<UnaryOp*>(e);
        Value v = eval(u->operand, f);
        if (u->op == UnaryOpKind::Not) {
            if (!v.isBool()) f.cur = u;
            return Value::boolean(!in.truthy(v));
        }
        f.cur = u;
        return in.unaryOp(u->op, v);
    }
    case ExprKind::IfExp: {
        auto* i = static_cast<IfExp*>(e);
        return testCondition(eval(i->test, f), i->test, i, f) ? eval(i->body, f) : eval(i->orelse, f);
    }
    case ExprKind::NamedExpr: {
        auto* n = static_cast<NamedExpr*>(e);
        Value v = eval(n->value, f);
        storeName(static_cast<Name*>(n->target), v, f);
        return v;
    }
    case ExprKind::List:
    case ExprKind::Tuple: {
        auto* l = static_cast<ListOrTuple*>(e);
        std::vector<Value> items;
        evalElements(l->elts, f, items, e);
        return e->kind == ExprKind::List ? makeList(std::move(items)) : makeTuple(std::move(items));
    }
    case ExprKind::Dict: return evalDict(static_cast<lang::Dict*>(e), f);
    case ExprKind::Set: return evalSet(static_cast<lang::Set*>(e), f);
    case ExprKind::JoinedStr: return evalJoinedStr(static_cast<JoinedStr*>(e), f);
    case ExprKind::FormattedValue: return evalFormatted(static_cast<FormattedValue*>(e), f);
    case ExprKind::Slice: return evalSlice(static_cast<Slice*>(e), f);
    case ExprKind::Lambda: {
        auto* l = static_cast<Lambda*>(e);
        return makeFunction(codeOf(l->scope), l->args, f, nullptr);
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp: return evalComprehension(static_cast<Comp*>(e), f);
    case ExprKind::Await: {
        auto* a = static_cast<Await*>(e);
        Value v = eval(a->value, f);
        f.cur = a;
        return in.awaitValue(v, f);
    }
    case ExprKind::Yield: {
        auto* y = static_cast<Yield*>(e);
        Value v = y->value ? eval(y->value, f) : Value::none();
        f.cur = y;
        if (!f.gen) in.raise(types().SyntaxError, "'yield' outside function");
        if (f.gen->flavor == GeneratorObject::Flavor::AsyncGenerator) {
            // An async generator's own yield is wrapped so the driver can tell
            // it apart from awaits passing through.
            return f.gen->yield(in, makeTuple({Value(intern("__asyncgen_yield__")), v}));
        }
        return f.gen->yield(in, v);
    }
    case ExprKind::YieldFrom: {
        auto* y = static_cast<YieldFrom*>(e);
        Value v = eval(y->value, f);
        f.cur = y;
        if (v.isObj(Kind::Generator) && v.obj()->type() == types().coroutine &&
            !(f.code->isCoroutine))
            in.typeError("cannot 'yield from' a coroutine object in a non-coroutine generator");
        Value it = in.iter(v);
        return delegateTo(in, f.gen, it);
    }
    case ExprKind::Starred:
        f.cur = e;
        in.raise(types().SyntaxError, "can't use starred expression here");
    }
    return Value::none();
}

Value Evaluator::evalBinOp(BinOp* b, Frame& f) {
    Value l = evalFast(b->left, f);
    Value r = evalFast(b->right, f);
    if (l.isSmallInt() && r.isSmallInt()) {
        int64_t x = l.asInt(), y = r.asInt(), z;
        switch (b->op) {
        case BinOpKind::Add:
            if (!__builtin_add_overflow(x, y, &z)) return Value::integer(z);
            break;
        case BinOpKind::Sub:
            if (!__builtin_sub_overflow(x, y, &z)) return Value::integer(z);
            break;
        case BinOpKind::Mult:
            if (!__builtin_mul_overflow(x, y, &z)) return Value::integer(z);
            break;
        default: break;
        }
    } else if (l.isFloat() && r.isFloat()) {
        switch (b->op) {
        case BinOpKind::Add: return Value::real(l.asFloat() + r.asFloat());
        case BinOpKind::Sub: return Value::real(l.asFloat() - r.asFloat());
        case BinOpKind::Mult: return Value::real(l.asFloat() * r.asFloat());
        default: break;
        }
    }
    f.cur = b;
    return in.binaryOp(b->op, l, r);
}

Value Evaluator::evalCompare(Compare* c, Frame& f) {
    Value left = evalFast(c->left, f);
    for (size_t i = 0; i < c->ops.size(); ++i) {
        Value right = evalFast(c->comparators[i], f);
        CmpOpKind op = c->ops[i];
        bool result;
        if (left.isSmallInt() && right.isSmallInt()) {
            int64_t x = left.asInt(), y = right.asInt();
            switch (op) {
            case CmpOpKind::Eq: result = x == y; break;
            case CmpOpKind::NotEq: result = x != y; break;
            case CmpOpKind::Lt: result = x < y; break;
            case CmpOpKind::LtE: result = x <= y; break;
            case CmpOpKind::Gt: result = x > y; break;
            case CmpOpKind::GtE: result = x >= y; break;
            default:
                f.cur = c;
                result = in.truthy(in.compare(op, left, right));
            }
            if (c->ops.size() == 1) return Value::boolean(result);
        } else {
            f.cur = c;
            Value r = in.compare(op, left, right);
            if (c->ops.size() == 1 || i + 1 == c->ops.size()) return r;
            if (!in.truthy(r)) return r;
            left = std::move(right);
            continue;
        }
        if (!result) return Value::boolean(false);
        left = std::move(right);
    }
    return Value::boolean(true);
}

Value Evaluator::evalAttribute(Attribute* a, Frame& f) {
    Value obj = eval(a->value, f);
    f.cur = a;
    auto* name = static_cast<StrObject*>(nullptr);
    if (!a->cacheName) a->cacheName = intern(a->attr);
    name = static_cast<StrObject*>(a->cacheName);
    if (obj.isObj(Kind::Instance)) {
        auto* inst = obj.as<InstanceObject>();
        if (inst->dict && inst->type()->lookup(name).isNull()) {
            Value v = inst->dict->getStr(name);
            if (!v.isNull() && inst->type()->lookup(names().__getattribute__).isObj(Kind::Builtin)) return v;
        }
    }
    return in.getAttr(obj, name);
}

Value Evaluator::evalSlice(Slice* s, Frame& f) {
    Value lo = s->lower ? eval(s->lower, f) : Value::none();
    Value hi = s->upper ? eval(s->upper, f) : Value::none();
    Value st = s->step ? eval(s->step, f) : Value::none();
    return Value(new SliceObject(lo, hi, st));
}

Value Evaluator::evalSubscript(Subscript* s, Frame& f) {
    Value obj = eval(s->value, f);
    Value key = eval(s->slice, f);
    f.cur = s;
    return in.getItem(obj, key);
}

void Evaluator::evalElements(const std::vector<Expr*>& elts, Frame& f, std::vector<Value>& out, const Node* owner,
                             const Value* callee, bool plainIterError) {
    out.reserve(elts.size());
    for (Expr* x : elts) {
        if (x->kind == ExprKind::Starred) {
            Value v = eval(static_cast<Starred*>(x)->value, f);
            f.cur = owner;
            if (v.isObj(Kind::List) || v.isObj(Kind::Tuple)) {
                const auto& items = v.isObj(Kind::List) ? v.as<ListObject>()->items : v.as<TupleObject>()->items;
                out.insert(out.end(), items.begin(), items.end());
                continue;
            }
            Value it;
            bool notIterable = false;
            try {
                it = in.iter(v);
            } catch (PyException& e) {
                ClassObject* t = Interp::typeOf(v);
                if (plainIterError || !in.isInstance(e.exc, types().TypeError) ||
                    !t->lookup(names().__iter__).isNull() || !t->lookup(names().__getitem__).isNull())
                    throw;
                notIterable = true;
            }
            if (notIterable) {
                if (callee && elts.size() == 1)
                    in.typeError(functionStr(in, *callee) + " argument after * must be an iterable, not " +
                                 Interp::typeName(v));
                in.typeError("Value after * must be an iterable, not " + Interp::typeName(v));
            }
            for (;;) {
                Value item = in.next(it);
                if (item.isNull()) break;
                out.push_back(std::move(item));
            }
        } else {
            out.push_back(eval(x, f));
        }
    }
}

Value Evaluator::evalDict(lang::Dict* d, Frame& f) {
    Ref<DictObject> r(new DictObject());
    for (size_t i = 0; i < d->values.size(); ++i) {
        if (!d->keys[i]) {
            Value m = eval(d->values[i], f);
            f.cur = d;  // DICT_UPDATE's position: the display
            if (m.isObj(Kind::Dict)) {
                auto* src = m.as<DictObject>();
                for (size_t k = 0; k < src->entries.size(); ++k)
                    if (!src->entries[k].key.isNull()) {
                        Value key = src->entries[k].key, val = src->entries[k].value;
                        r->set(in, key, val);
                    }
                continue;
            }
            Value keys = in.getAttrOrNull(m, intern("keys"));
            if (keys.isNull()) in.typeError("'" + Interp::typeName(m) + "' object is not a mapping");
            for (const Value& k : in.toVector(in.call(keys, {}))) r->set(in, k, in.getItem(m, k));
            continue;
        }
        Value k = eval(d->keys[i], f);
        Value v = eval(d->values[i], f);
        f.cur = d;
        r->set(in, k, std::move(v));
    }
    return Value(r);
}

Value Evaluator::evalSet(lang::Set* s, Frame& f) {
    std::vector<Value> items;
    evalElements(s->elts, f, items, s, nullptr, true);
    auto* set = new SetObject(types().set, Kind::Set);
    Value keep(set);
    f.cur = s;
    bool allConstant = s->elts.size() > 2;
    for (Expr* e : s->elts)
        if (!isFoldedConstant(e)) allConstant = false;
    if (allConstant) {
        // CPython's compiler folds such a display into a frozenset constant,
        // rebuilds it once from its own iteration order when it merges the
        // code's constants, and the set is made by merging that frozenset:
        // each step decides the final iteration order.
        SetObject literal(types().frozenset, Kind::FrozenSet);
        literal.pin();
        for (const Value& v : items) literal.add(in, v);
        SetObject merged(types().frozenset, Kind::FrozenSet);
        merged.pin();
        literal.forEach([&](const Value& v) { merged.add(in, v); });
        set->mergeFrom(in, merged);
        return keep;
    }
    for (const Value& v : items) set->add(in, v);
    return keep;
}

Value Evaluator::evalFormatted(FormattedValue* fv, Frame& f) {
    Value v = eval(fv->value, f);
    f.cur = fv;
    if (fv->conversion == 'r') v = makeStr(in.repr(v));
    else if (fv->conversion == 's') v = in.strValue(v);
    else if (fv->conversion == 'a') v = makeStr(asciiOf(in.repr(v)));
    std::string spec;
    if (fv->formatSpec) {
        Value sv = eval(fv->formatSpec, f);
        spec = asStr(sv)->s;
    }
    f.cur = fv;
    if (spec.empty() && isStr(v) && v.obj()->type() == types().str) return v;
    return makeStr(in.format(v, spec));
}

Value Evaluator::evalJoinedStr(JoinedStr* j, Frame& f) {
    std::string out;
    for (Expr* part : j->values) {
        Value v = eval(part, f);
        out += asStr(v)->s;
    }
    return makeStr(std::move(out));
}

// ---------------------------------------------------------------------- calls

Value Evaluator::evalCall(Call* c, Frame& f) {
    bool simple = c->keywords.empty();
    for (Expr* a : c->args)
        if (a->kind == ExprKind::Starred) simple = false;

    Value func;
    Value self;
    bool needsSelf = false;
    if (c->func->kind == ExprKind::Attribute) {
        auto* at = static_cast<Attribute*>(c->func);
        Value obj = eval(at->value, f);
        if (!at->cacheName) at->cacheName = intern(at->attr);
        f.cur = at;
        func = in.getMethod(obj, static_cast<StrObject*>(at->cacheName), needsSelf);
        if (needsSelf) self = std::move(obj);
    } else {
        func = eval(c->func, f);
    }

    if (simple) {
        size_t n = c->args.size() + (needsSelf ? 1 : 0);
        Value small[6];
        std::vector<Value> big;
        Value* argv = small;
        if (n > 6) {
            big.resize(n);
            argv = big.data();
        }
        size_t k = 0;
        if (needsSelf) argv[k++] = std::move(self);
        for (Expr* a : c->args) argv[k++] = evalFast(a, f);
        f.cur = c;
        CallArgs args(argv, n);
        if (func.isObj(Kind::Function)) return in.callFunction(func.as<FunctionObject>(), args);
        if (func.isObj(Kind::Builtin) && func.as<BuiltinObject>()->self.isNull()) {
            auto* b = func.as<BuiltinObject>();
            if (!b->countsRecursion) return b->fn(in, args);
            NativeDepth nd(in, " while calling a Python object");
            return b->fn(in, args);
        }
        if (func.isObj(Kind::Class) && !func.as<ClassObject>()->callCountsRecursion) return in.call(func, args);
        NativeDepth nd(in, " while calling a Python object");
        return in.call(func, args);
    }

    std::vector<Value> pos;
    if (needsSelf) pos.push_back(std::move(self));
    evalElements(c->args, f, pos, c, &func);
    std::vector<Value> kwValues;
    std::vector<StrObject*> kwNames;
    std::vector<Value> kwKeep;
    for (Keyword* kw : c->keywords) {
        if (!kw->arg.empty()) {
            kwNames.push_back(intern(kw->arg));
            kwValues.push_back(eval(kw->value, f));
            continue;
        }
        Value m = eval(kw->value, f);
        f.cur = c;
        auto addKw = [&](const Value& k, const Value& v) {
            if (!isStr(k)) in.typeError("keywords must be strings");
            StrObject* name = intern(asStr(k)->s);
            for (StrObject* existing : kwNames)
                if (existing == name)
                    in.typeError(functionStr(in, func) + " got multiple values for keyword argument '" + name->s + "'");
            kwNames.push_back(name);
            kwValues.push_back(v);
        };
        if (m.isObj(Kind::Dict)) {
            auto* d = m.as<DictObject>();
            for (size_t i = 0; i < d->entries.size(); ++i)
                if (!d->entries[i].key.isNull()) addKw(d->entries[i].key, d->entries[i].value);
        } else {
            Value keys = in.getAttrOrNull(m, intern("keys"));
            if (keys.isNull())
                in.typeError(functionStr(in, func) + " argument after ** must be a mapping, not " + Interp::typeName(m));
            for (const Value& k : in.toVector(in.call(keys, {}))) addKw(k, in.getItem(m, k));
        }
    }
    f.cur = c;
    CallArgs args(pos.data(), pos.size(), kwValues.data(), kwNames.data(), kwNames.size());
    if (func.isObj(Kind::Function)) return in.call(func, args);
    if ((func.isObj(Kind::Builtin) && func.as<BuiltinObject>()->self.isNull() &&
         !func.as<BuiltinObject>()->countsRecursion) ||
        (func.isObj(Kind::Class) && !func.as<ClassObject>()->callCountsRecursion))
        return in.call(func, args);
    NativeDepth nd(in, " while calling a Python object");
    return in.call(func, args);
}

Value Evaluator::makeFunction(CodeInfo* code, Arguments* args, Frame& f, FunctionDef* def) {
    auto* fn = new FunctionObject(code, Ref<DictObject>(f.globals));
    Value keep(fn);
    fn->name = code->nameObj;
    fn->qualname = code->qualnameObj;
    for (Expr* d : args->defaults) fn->defaults.push_back(eval(d, f));
    for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
        if (!args->kwDefaults[i]) continue;
        if (!fn->kwDefaults) fn->kwDefaults = Ref<DictObject>(new DictObject());
        fn->kwDefaults->setStr(intern(args->kwonlyargs[i]->name), eval(args->kwDefaults[i], f));
    }
    if (def) {
        // Annotations are evaluated after the defaults, in CPython's order:
        // positional, positional-only, *args, keyword-only, **kwargs, return.
        Ref<DictObject> ann;
        auto add = [&](const std::string& name, Expr* e) {
            if (!e) return;
            Value v = eval(e, f);
            if (!ann) ann = Ref<DictObject>(new DictObject());
            ann->setStr(intern(name), std::move(v));
        };
        for (Arg* a : args->args) add(a->name, a->annotation);
        for (Arg* a : args->posonlyargs) add(a->name, a->annotation);
        if (args->vararg) add(args->vararg->name, args->vararg->annotation);
        for (Arg* a : args->kwonlyargs) add(a->name, a->annotation);
        if (args->kwarg) add(args->kwarg->name, args->kwarg->annotation);
        add("return", def->returns);
        if (ann) fn->annotations = Value(ann);
    }
    for (int from : code->closureFrom) fn->closure.push_back(f.cells[from]);
    fn->module = f.globals->getStr(names().__name__);
    if (code->body && !code->body->empty()) {
        Stmt* first = code->body->front();
        if (first->kind == StmtKind::ExprStmt) {
            Expr* v = static_cast<ExprStmt*>(first)->value;
            if (v->kind == ExprKind::Constant && static_cast<Constant*>(v)->constKind == ConstKind::Str)
                fn->doc = constant(static_cast<Constant*>(v));
        }
    }
    return keep;
}

Value Evaluator::evalComprehension(Comp* c, Frame& f) {
    CodeInfo* code = codeOf(c->scope);
    Value first = eval(c->generators[0]->iter, f);
    f.cur = c;
    Value it;
    if (c->generators[0]->isAsync) {
        Value aiter = in.lookupSpecial(first, names().__aiter__);
        if (aiter.isNull())
            in.typeError("'async for' requires an object with __aiter__ method, got " + Interp::typeName(first));
        it = in.call(aiter, {});
    } else {
        it = in.iter(first);
    }
    auto* fn = new FunctionObject(code, Ref<DictObject>(f.globals));
    Value keep(fn);
    fn->name = code->nameObj;
    fn->qualname = code->qualnameObj;
    for (int from : code->closureFrom) fn->closure.push_back(f.cells[from]);
    f.cur = c;
    Value argv[1] = {it};
    CallArgs args(argv, 1);
    Value result = in.callFunction(fn, args);
    // A comprehension containing `await` is itself a coroutine, awaited at once.
    if (code->isCoroutine) return in.awaitValue(result, f);
    return result;
}

// ---------------------------------------------------------------- assignment

void Evaluator::assign(Expr* target, const Value& v, Frame& f) {
    switch (target->kind) {
    case ExprKind::Name: storeName(static_cast<Name*>(target), v, f); return;
    case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(target);
        Value obj = eval(a->value, f);
        if (!a->cacheName) a->cacheName = intern(a->attr);
        f.cur = a;
        auto* name = static_cast<StrObject*>(a->cacheName);
        if (obj.isObj(Kind::Instance)) {
            auto* inst = obj.as<InstanceObject>();
            ClassObject* t = inst->type();
            if (t->instancesHaveDict && t->lookup(name).isNull() && t->lookup(names().__setattr__).isObj(Kind::Builtin)) {
                if (!inst->dict) inst->dict = Ref<DictObject>(new DictObject());
                inst->dict->setStr(name, v);
                return;
            }
        }
        in.setAttr(obj, name, v);
        return;
    }
    case ExprKind::Subscript: {
        auto* s = static_cast<Subscript*>(target);
        Value obj = eval(s->value, f);
        Value key = eval(s->slice, f);
        f.cur = s;
        in.setItem(obj, key, v);
        return;
    }
    case ExprKind::List:
    case ExprKind::Tuple: unpack(static_cast<ListOrTuple*>(target), v, f); return;
    case ExprKind::Starred: assign(static_cast<Starred*>(target)->value, v, f); return;
    default: in.raise(types().SyntaxError, "cannot assign to expression");
    }
}

void Evaluator::unpack(ListOrTuple* t, const Value& v, Frame& f) {
    f.cur = t;  // UNPACK_SEQUENCE's position: the target
    size_t n = t->elts.size();
    int star = -1;
    for (size_t i = 0; i < n; ++i)
        if (t->elts[i]->kind == ExprKind::Starred) star = int(i);
    std::vector<Value> items;
    if ((v.isObj(Kind::Tuple) || v.isObj(Kind::List)) && v.obj()->type()->isBuiltin) {
        items = v.isObj(Kind::Tuple) ? v.as<TupleObject>()->items : v.as<ListObject>()->items;
    } else {
        Value it;
        try {
            it = in.iter(v);
        } catch (PyException& e) {
            if (!in.isInstance(e.exc, types().TypeError)) throw;
            it = Value();
        }
        if (it.isNull()) in.typeError("cannot unpack non-iterable " + Interp::typeName(v) + " object");
        for (;;) {
            Value x = in.next(it);
            if (x.isNull()) break;
            items.push_back(std::move(x));
            if (star < 0 && items.size() > n)
                in.valueError("too many values to unpack (expected " + std::to_string(n) + ")");
        }
    }
    if (star < 0) {
        if (items.size() > n) in.valueError("too many values to unpack (expected " + std::to_string(n) + ")");
        if (items.size() < n)
            in.valueError("not enough values to unpack (expected " + std::to_string(n) + ", got " +
                          std::to_string(items.size()) + ")");
        for (size_t i = 0; i < n; ++i) assign(t->elts[i], items[i], f);
        return;
    }
    size_t before = size_t(star), after = n - size_t(star) - 1;
    if (items.size() < before + after)
        in.valueError("not enough values to unpack (expected at least " + std::to_string(n - 1) + ", got " +
                      std::to_string(items.size()) + ")");
    for (size_t i = 0; i < before; ++i) assign(t->elts[i], items[i], f);
    std::vector<Value> middle(items.begin() + long(before), items.end() - long(after));
    assign(t->elts[size_t(star)], makeList(std::move(middle)), f);
    for (size_t i = 0; i < after; ++i) assign(t->elts[before + 1 + i], items[items.size() - after + i], f);
}

void Evaluator::deleteTarget(Expr* target, Frame& f) {
    switch (target->kind) {
    case ExprKind::Name: deleteName(static_cast<Name*>(target), f); return;
    case ExprKind::Attribute: {
        auto* a = static_cast<Attribute*>(target);
        Value obj = eval(a->value, f);
        f.cur = a;
        in.delAttr(obj, intern(a->attr));
        return;
    }
    case ExprKind::Subscript: {
        auto* s = static_cast<Subscript*>(target);
        Value obj = eval(s->value, f);
        Value key = eval(s->slice, f);
        f.cur = s;
        in.delItem(obj, key);
        return;
    }
    case ExprKind::List:
    case ExprKind::Tuple:
        for (Expr* e : static_cast<ListOrTuple*>(target)->elts) deleteTarget(e, f);
        return;
    default: return;
    }
}

// ---------------------------------------------------------------- statements

Value Evaluator::augmentedValue(AugAssign* a, const Value& cur, const Value& rhs, Stmt* s, Frame& f) {
    if (cur.isSmallInt() && rhs.isSmallInt() && a->op == BinOpKind::Add) {
        int64_t z;
        if (!__builtin_add_overflow(cur.asInt(), rhs.asInt(), &z)) return Value::integer(z);
    }
    f.cur = s;
    return in.inplaceOp(a->op, cur, rhs);
}

Flow Evaluator::exec(Stmt* s, Frame& f) {
    in.step();
    f.line = s->pos.line;
    f.cur = s;
    if (in.recorder) tracing::lineExecuted(in, f, f.line);
    switch (s->kind) {
    case StmtKind::ExprStmt: eval(static_cast<ExprStmt*>(s)->value, f); return Flow::Normal;
    case StmtKind::Assign: {
        auto* a = static_cast<Assign*>(s);
        Value v = eval(a->value, f);
        for (Expr* t : a->targets) assign(t, v, f);
        return Flow::Normal;
    }
    case StmtKind::AugAssign: {
        auto* a = static_cast<AugAssign*>(s);
        switch (a->target->kind) {
        case ExprKind::Name: {
            auto* n = static_cast<Name*>(a->target);
            Value cur = loadName(n, f);
            Value rhs = eval(a->value, f);
            Value r = augmentedValue(a, cur, rhs, s, f);
            cur = Value();
            storeName(n, std::move(r), f);
            return Flow::Normal;
        }
        case ExprKind::Attribute: {
            auto* at = static_cast<Attribute*>(a->target);
            Value obj = eval(at->value, f);
            if (!at->cacheName) at->cacheName = intern(at->attr);
            auto* name = static_cast<StrObject*>(at->cacheName);
            f.cur = at;
            // A plain instance attribute (no class attribute of that name, no
            // attribute hooks) is read and written in the instance dict directly.
            DictObject* plain = nullptr;
            if (obj.isObj(Kind::Instance)) {
                auto* inst = obj.as<InstanceObject>();
                ClassObject* t = inst->type();
                if (inst->dict && t->lookup(name).isNull() &&
                    t->lookup(names().__getattribute__).isObj(Kind::Builtin) &&
                    t->lookup(names().__setattr__).isObj(Kind::Builtin))
                    plain = inst->dict.get();
            }
            Value cur = plain ? plain->getStr(name) : Value();
            if (cur.isNull()) {
                plain = nullptr;
                cur = in.getAttr(obj, name);
            }
            Value rhs = eval(a->value, f);
            Value r = augmentedValue(a, cur, rhs, s, f);
            cur = Value();
            f.cur = at;
            if (plain && obj.as<InstanceObject>()->dict.get() == plain) plain->setStr(name, std::move(r));
            else in.setAttr(obj, name, r);
            return Flow::Normal;
        }
        case ExprKind::Subscript: {
            auto* sb = static_cast<Subscript*>(a->target);
            Value obj = eval(sb->value, f);
            Value key = eval(sb->slice, f);
            f.cur = sb;
            Value cur = in.getItem(obj, key);
            Value rhs = eval(a->value, f);
            f.cur = s;
            Value r = in.inplaceOp(a->op, cur, rhs);
            f.cur = sb;
            in.setItem(obj, key, r);
            return Flow::Normal;
        }
        default: return Flow::Normal;
        }
    }
    case StmtKind::AnnAssign: execAnnAssign(static_cast<AnnAssign*>(s), f); return Flow::Normal;
    case StmtKind::If: {
        auto* i = static_cast<If*>(s);
        if (testCondition(eval(i->test, f), i->test, s, f)) return execBlock(i->body, f);
        return execBlock(i->orelse, f);
    }
    case StmtKind::While: return execWhile(static_cast<While*>(s), f);
    case StmtKind::For:
        if (static_cast<For*>(s)->isAsync) return execAsyncFor(static_cast<For*>(s), f);
        return execFor(static_cast<For*>(s), f);
    case StmtKind::Return: {
        auto* r = static_cast<Return*>(s);
        f.retval = r->value ? evalFast(r->value, f) : Value::none();
        return Flow::Return;
    }
    case StmtKind::Pass: return Flow::Normal;
    case StmtKind::Break: return Flow::Break;
    case StmtKind::Continue: return Flow::Continue;
    case StmtKind::FunctionDef: execFunctionDef(static_cast<FunctionDef*>(s), f); return Flow::Normal;
    case StmtKind::ClassDef: execClassDef(static_cast<ClassDef*>(s), f); return Flow::Normal;
    case StmtKind::Try: {
        auto* t = static_cast<Try*>(s);
        return execTry(t, f);
    }
    case StmtKind::Raise: execRaise(static_cast<Raise*>(s), f); return Flow::Normal;
    case StmtKind::With: {
        auto* w = static_cast<With*>(s);
        return w->isAsync ? execAsyncWith(w, 0, f) : execWith(w, 0, f);
    }
    case StmtKind::Delete:
        for (Expr* t : static_cast<Delete*>(s)->targets) deleteTarget(t, f);
        return Flow::Normal;
    case StmtKind::Assert: {
        auto* a = static_cast<Assert*>(s);
        if (!testCondition(eval(a->test, f), a->test, s, f)) {
            std::vector<Value> args;
            if (a->msg) args.push_back(eval(a->msg, f));
            const Node* at = assertRaiseNode(a->test);
            if (!at) at = s;
            f.cur = at;
            Value e = in.newException(types().AssertionError, std::move(args));
            in.attachContext(e);
            in.addTraceback(e, f, at);
            if (in.recorder) tracing::exceptionAt(in, e, f);
            throw PyException{e};
        }
        return Flow::Normal;
    }
    case StmtKind::Import: execImport(static_cast<Import*>(s), f); return Flow::Normal;
    case StmtKind::ImportFrom: execImportFrom(static_cast<ImportFrom*>(s), f); return Flow::Normal;
    case StmtKind::Global:
    case StmtKind::Nonlocal: return Flow::Normal;
    }
    return Flow::Normal;
}

Flow Evaluator::execWhile(While* s, Frame& f) {
    for (;;) {
        f.line = s->pos.line;
        if (!testCondition(eval(s->test, f), s->test, s, f)) break;
        Flow fl = execBlock(s->body, f);
        if (fl == Flow::Break) return Flow::Normal;
        if (fl == Flow::Return) return fl;
        in.step();
        if (in.recorder) tracing::lineExecuted(in, f, s->pos.line);
    }
    return execBlock(s->orelse, f);
}

Flow Evaluator::execFor(For* s, Frame& f) {
    Value iterable = eval(s->iter, f);
    f.cur = s;
    bool simpleTarget = s->target->kind == ExprKind::Name;
    auto body = [&](Value item) -> int {
        if (simpleTarget) storeName(static_cast<Name*>(s->target), std::move(item), f);
        else assign(s->target, item, f);
        Flow fl = execBlock(s->body, f);
        if (fl == Flow::Break) return 1;
        if (fl == Flow::Return) return 2;
        if (in.recorder) tracing::lineExecuted(in, f, s->pos.line);  // back to the `for` for the next item
        return 0;
    };
    if (iterable.isObj(Kind::Range)) {
        auto* r = iterable.as<RangeObject>();
        int64_t n = r->length();
        for (int64_t i = 0; i < n; ++i) {
            int c = body(Value::integer(r->at(i)));
            if (c == 1) return Flow::Normal;
            if (c == 2) return Flow::Return;
        }
        return execBlock(s->orelse, f);
    }
    if (iterable.isObj(Kind::List) && iterable.obj()->type()->isBuiltin) {
        auto* l = iterable.as<ListObject>();
        for (size_t i = 0; i < l->items.size(); ++i) {
            int c = body(l->items[i]);
            if (c == 1) return Flow::Normal;
            if (c == 2) return Flow::Return;
        }
        return execBlock(s->orelse, f);
    }
    Value it = in.iter(iterable);
    for (;;) {
        f.cur = s;
        f.line = s->pos.line;
        Value item = in.next(it);
        if (item.isNull()) break;
        int c = body(std::move(item));
        if (c == 1) return Flow::Normal;
        if (c == 2) return Flow::Return;
    }
    return execBlock(s->orelse, f);
}

Flow Evaluator::execAsyncFor(For* s, Frame& f) {
    Value iterable = eval(s->iter, f);
    f.cur = s;
    Value aiterFn = in.lookupSpecial(iterable, names().__aiter__);
    if (aiterFn.isNull())
        in.typeError("'async for' requires an object with __aiter__ method, got " + Interp::typeName(iterable));
    Value it = in.call(aiterFn, {});
    Value anext = in.lookupSpecial(it, names().__anext__);
    if (anext.isNull())
        in.typeError("'async for' received an object from __aiter__ that does not implement __anext__: " +
                     Interp::typeName(it));
    for (;;) {
        f.cur = s;
        f.line = s->pos.line;
        Value awaitable = in.call(anext, {});
        Value item;
        Value stop;
        try {
            item = in.awaitValue(awaitable, f);
        } catch (PyException& e) {
            if (!in.isInstance(e.exc, types().StopAsyncIteration)) throw;
            stop = e.exc;
        }
        if (!stop.isNull()) {
            if (in.recorder) tracing::exceptionCaught(in, stop, f, s->pos.line);
            break;
        }
        assign(s->target, item, f);
        Flow fl = execBlock(s->body, f);
        if (fl == Flow::Break) return Flow::Normal;
        if (fl == Flow::Return) return fl;
        if (in.recorder) tracing::lineExecuted(in, f, s->pos.line);
    }
    return execBlock(s->orelse, f);
}

bool Evaluator::exceptionMatches(const Value& exc, const Value& spec) {
    if (spec.isObj(Kind::Tuple)) {
        for (const Value& s : spec.as<TupleObject>()->items)
            if (exceptionMatches(exc, s)) return true;
        return false;
    }
    if (!spec.isObj(Kind::Class) || !spec.as<ClassObject>()->isSubclassOf(types().BaseException))
        in.typeError("catching classes that do not inherit from BaseException is not allowed");
    return in.isInstance(exc, spec.as<ClassObject>());
}

Flow Evaluator::execTryExcept(Try* t, Frame& f) {
    if (t->isStar) return execTryStar(t, f);
    Value pending;
    Flow flow = Flow::Normal;
    try {
        flow = execBlock(t->body, f);
    } catch (PyException& ex) {
        pending = std::move(ex.exc);
    }
    if (pending.isNull()) {
        if (flow != Flow::Normal) return flow;
        return execBlock(t->orelse, f);
    }
    in.addTracebackOnce(pending, f, f.cur);
    if (in.recorder) tracing::exceptionAt(in, pending, f);
    for (ExceptHandler* h : t->handlers) {
        if (h->type) {
            f.line = h->pos.line;
            // The exception is being handled while `except` clauses are tried.
            HandledScope matching(in, pending);
            Value spec = eval(h->type, f);
            f.cur = h->type;
            if (!exceptionMatches(pending, spec)) continue;
        }
        if (in.recorder) tracing::exceptionCaught(in, pending, f, h->pos.line);
        HandledScope hs(in, pending);
        if (h->nameTarget) storeName(h->nameTarget, pending, f);
        Value inner;
        Flow hf = Flow::Normal;
        try {
            hf = execBlock(h->body, f);
        } catch (PyException& ex) {
            inner = std::move(ex.exc);
        }
        if (h->nameTarget) {
            Name* n = h->nameTarget;
            if (n->scope == NameScope::Local) f.fast[n->index] = Value();
            else if (n->scope == NameScope::Cell) f.cells[n->index]->value = Value();
            else if (n->scope == NameScope::Global) f.globals->pop(in, Value(static_cast<StrObject*>(n->cache)));
            else if (f.locals) f.locals->pop(in, Value(static_cast<StrObject*>(n->cache)));
        }
        if (!inner.isNull()) throw PyException{inner};
        return hf;
    }
    throw PyException{pending};
}

namespace {

size_t tracebackSize(const Value& e) {
    auto* eo = e.as<ExceptionObject>();
    return eo->traceback ? eo->traceback->size() : 0;
}

void collectLeaves(Interp& in, const Value& e, std::vector<const Object*>& out) {
    auto* eo = e.as<ExceptionObject>();
    if (in.isInstance(e, types().BaseExceptionGroup) && eo->groupExceptions) {
        for (const Value& sub : eo->groupExceptions->items) collectLeaves(in, sub, out);
        return;
    }
    out.push_back(e.obj());
}

// CPython's exception_group_projection: the part of `eg` whose leaf
// exceptions are among `keep`, with eg's nesting; null when none.
Value projectGroup(Interp& in, const Value& eg, const std::vector<const Object*>& keep) {
    auto* eo = eg.as<ExceptionObject>();
    if (!(in.isInstance(eg, types().BaseExceptionGroup) && eo->groupExceptions))
        return std::find(keep.begin(), keep.end(), eg.obj()) != keep.end() ? eg : Value();
    std::vector<Value> parts;
    for (const Value& sub : eo->groupExceptions->items) {
        Value p = projectGroup(in, sub, keep);
        if (!p.isNull()) parts.push_back(p);
    }
    if (parts.empty()) return Value();
    return deriveExceptionGroup(in, eg, std::move(parts));
}

}  // namespace

Flow Evaluator::execTryStar(Try* t, Frame& f) {
    Value pending;
    Flow flow = Flow::Normal;
    try {
        flow = execBlock(t->body, f);
    } catch (PyException& ex) {
        pending = std::move(ex.exc);
    }
    if (pending.isNull()) {
        if (flow != Flow::Normal) return flow;
        return execBlock(t->orelse, f);
    }
    in.addTracebackOnce(pending, f, f.cur);
    if (in.recorder) tracing::exceptionAt(in, pending, f);
    Value original = pending;
    bool naked = !in.isInstance(original, types().BaseExceptionGroup);
    Value rest = original;
    std::vector<Value> raised;    // exceptions the handlers raised anew
    std::vector<Value> reraised;  // matches re-raised by a bare `raise`, then the unhandled rest
    for (ExceptHandler* h : t->handlers) {
        if (rest.isNull()) break;
        Value spec;
        {
            HandledScope matching(in, original);
            spec = eval(h->type, f);
        }
        f.cur = h->type;
        if (spec.isObj(Kind::Class) && spec.as<ClassObject>()->isSubclassOf(types().BaseExceptionGroup))
            in.typeError("catching ExceptionGroup with except* is not allowed. Use except instead.");
        Value match, remaining;
        if (naked) {
            // A naked exception that matches is handled wrapped in a group.
            if (!exceptionMatches(rest, spec)) continue;
            match = in.call(Value(types().BaseExceptionGroup), {makeStr(""), makeList({rest})});
            match.as<ExceptionObject>()->traceback = rest.as<ExceptionObject>()->traceback;
        } else {
            splitExceptionGroup(in, rest, spec, match, remaining);
            if (match.isNull()) continue;
        }
        rest = remaining;
        if (in.recorder && rest.isNull()) tracing::exceptionCaught(in, original, f, h->pos.line);
        HandledScope hs(in, match);
        if (h->nameTarget) storeName(h->nameTarget, match, f);
        size_t tracebackBefore = tracebackSize(match);
        Value inner;
        try {
            Flow hf = execBlock(h->body, f);
            if (hf != Flow::Normal) in.raise(types().SyntaxError, "'break', 'continue' and 'return' cannot appear in an except* block");
        } catch (PyException& ex) {
            inner = std::move(ex.exc);
        }
        // `except* E as name` deletes the name afterwards, like `except`.
        if (h->nameTarget) {
            Name* n = h->nameTarget;
            if (n->scope == NameScope::Local) f.fast[n->index] = Value();
            else if (n->scope == NameScope::Cell) f.cells[n->index]->value = Value();
            else if (n->scope == NameScope::Global) f.globals->pop(in, Value(static_cast<StrObject*>(n->cache)));
            else if (f.locals) f.locals->pop(in, Value(static_cast<StrObject*>(n->cache)));
        }
        if (inner.isNull()) continue;
        // A bare `raise` re-raises the match untouched; anything else (even
        // `raise match`, which adds this frame to its traceback) is new.
        if (inner.is(match) && tracebackSize(match) == tracebackBefore) reraised.push_back(match);
        else raised.push_back(inner);
    }
    if (!rest.isNull()) reraised.push_back(rest);
    if (raised.empty() && reraised.empty()) return Flow::Normal;
    // CPython's _PyExc_PrepReraiseStar.
    if (naked) throw PyException{!raised.empty() ? raised[0] : reraised[0]};
    std::vector<const Object*> leaves;
    for (const Value& e : reraised) collectLeaves(in, e, leaves);
    Value reraisedGroup = projectGroup(in, original, leaves);
    if (raised.empty()) throw PyException{reraisedGroup};
    if (!reraisedGroup.isNull()) raised.push_back(reraisedGroup);
    if (raised.size() == 1) throw PyException{raised[0]};
    Value eg = in.call(Value(types().BaseExceptionGroup), {makeStr(""), makeList(raised)});
    throw PyException{eg};
}

Flow Evaluator::execTry(Try* t, Frame& f) {
    if (t->finalbody.empty()) return execTryExcept(t, f);
    Value pending;
    Flow flow = Flow::Normal;
    try {
        flow = t->handlers.empty() && !t->isStar ? execBlock(t->body, f) : execTryExcept(t, f);
    } catch (PyException& ex) {
        pending = std::move(ex.exc);
    }
    if (!pending.isNull()) {
        in.addTracebackOnce(pending, f, f.cur);
        if (in.recorder) tracing::exceptionAt(in, pending, f);
        Flow ff;
        {
            HandledScope hs(in, pending);
            tracing::Unwinding unwinding(in, pending);
            ff = execBlock(t->finalbody, f);
        }
        if (ff != Flow::Normal) {
            // A break, continue or return in the `finally` drops it.
            if (in.recorder) tracing::exceptionCaught(in, pending, f, f.line);
            return ff;
        }
        throw PyException{pending};
    }
    Value ret = f.retval;
    Flow ff = execBlock(t->finalbody, f);
    if (ff != Flow::Normal) return ff;
    if (flow == Flow::Return) f.retval = ret;
    return flow;
}

Flow Evaluator::execWith(With* w, size_t item, Frame& f) {
    if (item == w->items.size()) return execBlock(w->body, f);
    WithItem* wi = w->items[item];
    Value mgr = eval(wi->contextExpr, f);
    f.cur = w;  // BEFORE_WITH's position: the statement
    Value enter = in.lookupSpecial(mgr, names().__enter__);
    if (enter.isNull())
        in.typeError("'" + Interp::typeName(mgr) + "' object does not support the context manager protocol");
    Value exit = in.lookupSpecial(mgr, names().__exit__);
    if (exit.isNull())
        in.typeError("'" + Interp::typeName(mgr) + "' object does not support the context manager protocol (missed __exit__ method)");
    Value v = in.call(enter, {});
    Value pending;
    Flow flow = Flow::Normal;
    try {
        if (wi->optionalVars) assign(wi->optionalVars, v, f);
        flow = execWith(w, item + 1, f);
    } catch (PyException& ex) {
        pending = std::move(ex.exc);
    }
    // The frame's traceback line is where the body failed, not the `with`.
    if (!pending.isNull()) {
        in.addTracebackOnce(pending, f, f.cur);
        if (in.recorder) tracing::exceptionAt(in, pending, f);
    }
    f.cur = w;
    f.line = w->pos.line;
    if (pending.isNull()) {
        Value saved = f.retval;
        in.call(exit, {Value::none(), Value::none(), Value::none()});
        f.retval = saved;
        return flow;
    }
    bool suppress;
    {
        HandledScope hs(in, pending);
        tracing::Unwinding unwinding(in, pending);
        Value tb = in.getAttr(pending, names().__traceback__);
        suppress = in.truthy(in.call(exit, {Value(Interp::typeOf(pending)), pending, tb}));
    }
    if (suppress) {
        if (in.recorder) tracing::exceptionCaught(in, pending, f, w->pos.line);
        return Flow::Normal;
    }
    throw PyException{pending};
}

Flow Evaluator::execAsyncWith(With* w, size_t item, Frame& f) {
    if (item == w->items.size()) return execBlock(w->body, f);
    WithItem* wi = w->items[item];
    Value mgr = eval(wi->contextExpr, f);
    f.cur = w;
    Value enter = in.lookupSpecial(mgr, names().__aenter__);
    if (enter.isNull())
        in.typeError("'" + Interp::typeName(mgr) + "' object does not support the asynchronous context manager protocol");
    Value exit = in.lookupSpecial(mgr, names().__aexit__);
    if (exit.isNull())
        in.typeError("'" + Interp::typeName(mgr) +
                     "' object does not support the asynchronous context manager protocol (missed __aexit__ method)");
    Value v = in.awaitValue(in.call(enter, {}), f);
    Value pending;
    Flow flow = Flow::Normal;
    try {
        if (wi->optionalVars) assign(wi->optionalVars, v, f);
        flow = execAsyncWith(w, item + 1, f);
    } catch (PyException& ex) {
        pending = std::move(ex.exc);
    }
    // The frame's traceback line is where the body failed, not the `with`.
    if (!pending.isNull()) {
        in.addTracebackOnce(pending, f, f.cur);
        if (in.recorder) tracing::exceptionAt(in, pending, f);
    }
    f.cur = w;
    f.line = w->pos.line;
    if (pending.isNull()) {
        Value saved = f.retval;
        in.awaitValue(in.call(exit, {Value::none(), Value::none(), Value::none()}), f);
        f.retval = saved;
        return flow;
    }
    bool suppress;
    {
        HandledScope hs(in, pending);
        tracing::Unwinding unwinding(in, pending);
        Value tb = in.getAttr(pending, names().__traceback__);
        suppress = in.truthy(in.awaitValue(in.call(exit, {Value(Interp::typeOf(pending)), pending, tb}), f));
    }
    if (suppress) {
        if (in.recorder) tracing::exceptionCaught(in, pending, f, w->pos.line);
        return Flow::Normal;
    }
    throw PyException{pending};
}

// CPython's compiler_annassign: the assignment first; then, in a module or
// class body, a plain name's annotation is evaluated and stored in
// `__annotations__`, while other targets have their object (and subscript)
// evaluated when there is no value, and their annotation evaluated last.
void Evaluator::execAnnAssign(AnnAssign* a, Frame& f) {
    if (a->value) assign(a->target, eval(a->value, f), f);
    bool moduleOrClass = f.code->type == CodeInfo::Type::Module || f.code->type == CodeInfo::Type::Class;
    if (a->target->kind == ExprKind::Name) {
        if (!a->simple || !moduleOrClass) {
            if (moduleOrClass) eval(a->annotation, f);
            return;
        }
        Value ann = eval(a->annotation, f);
        StrObject* key = intern("__annotations__");
        DictObject* ns = f.locals ? f.locals : f.globals;
        Value d = ns->getStr(key);
        if (d.isNull() && f.locals) d = f.globals->getStr(key);
        f.cur = a;
        if (d.isNull()) in.raise(types().NameError, "__annotations__ not found");
        in.setItem(d, makeStr(static_cast<Name*>(a->target)->id), ann);
        return;
    }
    if (!a->value) {
        if (a->target->kind == ExprKind::Attribute) {
            eval(static_cast<Attribute*>(a->target)->value, f);
        } else if (a->target->kind == ExprKind::Subscript) {
            eval(static_cast<Subscript*>(a->target)->value, f);
            eval(static_cast<Subscript*>(a->target)->slice, f);
        }
    }
    if (moduleOrClass) eval(a->annotation, f);
}

void Evaluator::execRaise(Raise* r, Frame& f) {
    if (!r->exc) {
        Value cur = in.handled()->current();
        if (cur.isNull()) in.raise(types().RuntimeError, "No active exception to reraise");
        if (in.recorder) tracing::exceptionAt(in, cur, f, f.line);
        throw PyException{cur};
    }
    Value v = eval(r->exc, f);
    f.cur = r;
    auto instantiate = [&](Value x, bool isCause) -> Value {
        if (x.isObj(Kind::Class) && x.as<ClassObject>()->isSubclassOf(types().BaseException)) {
            Value inst = in.call(x, {});
            if (!in.isInstance(inst, types().BaseException))
                in.typeError("calling " + in.repr(x) + " should have returned an instance of BaseException, not " +
                             Interp::typeName(inst));
            return inst;
        }
        if (in.isInstance(x, types().BaseException)) return x;
        if (isCause) in.typeError("exception causes must derive from BaseException");
        in.typeError("exceptions must derive from BaseException");
    };
    Value exc = instantiate(v, false);
    if (r->cause) {
        Value c = eval(r->cause, f);
        f.cur = r;
        auto* eo = exc.as<ExceptionObject>();
        if (c.isNone()) {
            eo->cause = Value();
        } else {
            eo->cause = instantiate(c, true);
        }
        eo->suppressContext = true;
    }
    in.attachContext(exc);
    in.addTraceback(exc, f, r);
    if (in.recorder) tracing::exceptionAt(in, exc, f);
    throw PyException{exc};
}

void Evaluator::execFunctionDef(FunctionDef* d, Frame& f) {
    std::vector<Value> decorators;
    for (Expr* e : d->decorators) decorators.push_back(eval(e, f));
    Value fn = makeFunction(codeOf(d->scope), d->args, f, d);
    for (size_t i = decorators.size(); i-- > 0;) {
        f.cur = d->decorators[i];
        fn = in.call(decorators[i], {fn});
    }
    auto* n = static_cast<StrObject*>(nullptr);
    (void)n;
    Name target;
    target.id = d->name;
    // Resolve like a store of the function's name in this scope.
    CodeInfo* code = f.code;
    StrObject* key = intern(d->name);
    if (code->type == CodeInfo::Type::Module) {
        f.globals->setStr(key, fn);
        return;
    }
    if (code->type == CodeInfo::Type::Class) {
        f.locals->setStr(key, fn);
        return;
    }
    for (size_t i = 0; i < code->cellNames.size(); ++i)
        if (code->cellNames[i] == d->name) {
            f.cells[i]->value = fn;
            return;
        }
    for (size_t i = 0; i < code->varNames.size(); ++i)
        if (code->varNames[i] == d->name) {
            f.fast[i] = fn;
            return;
        }
    for (size_t i = 0; i < code->freeNames.size(); ++i)
        if (code->freeNames[i] == d->name) {
            f.cells[code->cellNames.size() + i]->value = fn;
            return;
        }
    f.globals->setStr(key, fn);
}

void Evaluator::execClassDef(ClassDef* d, Frame& f) {
    std::vector<Value> decorators;
    for (Expr* e : d->decorators) decorators.push_back(eval(e, f));
    std::vector<Value> bases;
    evalElements(d->bases, f, bases, d);
    // Class keywords (except metaclass=) go to the parent's __init_subclass__.
    std::vector<Value> kwValues;
    std::vector<StrObject*> kwNames;
    for (Keyword* k : d->keywords) {
        if (k->arg.empty()) {
            // class C(**mapping): its items are keywords too.
            Value m = eval(k->value, f);
            f.cur = d;
            std::vector<std::pair<Value, Value>> items;
            if (m.isObj(Kind::Dict)) {
                m.as<DictObject>()->forEach([&](const Value& key, const Value& v) { items.push_back({key, v}); });
            } else {
                Value keys = in.getAttrOrNull(m, intern("keys"));
                if (keys.isNull())
                    in.typeError("__build_class__() argument after ** must be a mapping, not " + Interp::typeName(m));
                for (const Value& key : in.toVector(in.call(keys, {}))) items.push_back({key, in.getItem(m, key)});
            }
            for (auto& [key, v] : items) {
                if (!isStr(key)) in.typeError("keywords must be strings");
                StrObject* name = intern(asStr(key)->s);
                if (name->s == "metaclass") {
                    if (!v.is(Value(types().type))) in.typeError("custom metaclasses are not supported by asyncscope");
                    continue;
                }
                for (StrObject* existing : kwNames)
                    if (existing == name)
                        in.typeError("__build_class__() got multiple values for keyword argument '" + name->s + "'");
                kwNames.push_back(name);
                kwValues.push_back(v);
            }
            continue;
        }
        Value v = eval(k->value, f);
        if (k->arg == "metaclass") {
            f.cur = k->value;
            if (!v.is(Value(types().type))) in.typeError("custom metaclasses are not supported by asyncscope");
            continue;
        }
        kwNames.push_back(intern(k->arg));
        kwValues.push_back(std::move(v));
    }
    CodeInfo* code = codeOf(d->scope);
    Ref<DictObject> ns(new DictObject());
    ns->setStr(names().__module__, f.globals->getStr(names().__name__));
    ns->setStr(names().__qualname__, makeStr(code->qualname));
    if (!d->body.empty() && d->body[0]->kind == StmtKind::ExprStmt) {
        Expr* v = static_cast<ExprStmt*>(d->body[0])->value;
        if (v->kind == ExprKind::Constant && static_cast<Constant*>(v)->constKind == ConstKind::Str)
            ns->setStr(names().__doc__, constant(static_cast<Constant*>(v)));
    }
    if (hasAnnotations(d->body)) ns->setStr(intern("__annotations__"), Value(new DictObject()));
    Frame cf;
    cf.code = code;
    cf.globals = f.globals;
    cf.locals = ns.get();
    cf.serial = in.nextFrameSerial();
    cf.line = d->pos.line;
    std::vector<Ref<CellObject>> cells(size_t(code->cellCount()));
    for (size_t i = 0; i < code->cellNames.size(); ++i) cells[i] = Ref<CellObject>(new CellObject());
    for (size_t i = 0; i < code->freeNames.size(); ++i) cells[code->cellNames.size() + i] = f.cells[code->closureFrom[i]];
    cf.cells = cells.data();
    {
        FrameScope fs(in, cf);
        CallDepth cd(in);
        if (in.recorder) tracing::framePushed(in, cf);
        Value pending;
        try {
            execBlock(d->body, cf);
        } catch (PyException& ex) {
            pending = std::move(ex.exc);
        }
        if (!pending.isNull()) {
            in.addTracebackOnce(pending, cf, cf.cur);
            if (in.recorder) {
                tracing::exceptionAt(in, pending, cf);
                tracing::exceptionLeaves(in, pending, cf);
                tracing::framePopped(in, cf);
            }
            throw PyException{pending};
        }
        if (in.recorder) tracing::framePopped(in, cf);
    }
    f.cur = d;
    prepareClassNamespace(ns.get());
    Value cls = buildClass(in, code->name, std::move(bases), ns);
    if (code->classCellIndex >= 0) cells[size_t(code->classCellIndex)]->value = cls;
    f.cur = d;
    initNewClass(in, cls, ns.get(), kwNames, kwValues);
    Value result = cls;
    for (size_t i = decorators.size(); i-- > 0;) {
        f.cur = d->decorators[i];
        result = in.call(decorators[i], {result});
    }
    StrObject* key = intern(d->name);
    if (f.code->type == CodeInfo::Type::Module) f.globals->setStr(key, result);
    else if (f.code->type == CodeInfo::Type::Class) f.locals->setStr(key, result);
    else {
        for (size_t i = 0; i < f.code->cellNames.size(); ++i)
            if (f.code->cellNames[i] == d->name) {
                f.cells[i]->value = result;
                return;
            }
        for (size_t i = 0; i < f.code->varNames.size(); ++i)
            if (f.code->varNames[i] == d->name) {
                f.fast[i] = result;
                return;
            }
        f.globals->setStr(key, result);
    }
}

void Evaluator::execImport(Import* s, Frame& f) {
    for (Alias* a : s->names) {
        Value m = in.importModule(a->name);
        std::string bindName;
        Value bound;
        if (!a->asname.empty()) {
            bindName = a->asname;
            bound = m;
        } else {
            bindName = a->name.substr(0, a->name.find('.'));
            bound = in.importModule(bindName);
        }
        Name target;
        target.id = bindName;
        StrObject* key = intern(bindName);
        if (f.code->type == CodeInfo::Type::Module) f.globals->setStr(key, bound);
        else if (f.locals) f.locals->setStr(key, bound);
        else {
            bool done = false;
            for (size_t i = 0; i < f.code->varNames.size() && !done; ++i)
                if (f.code->varNames[i] == bindName) f.fast[i] = bound, done = true;
            for (size_t i = 0; i < f.code->cellNames.size() && !done; ++i)
                if (f.code->cellNames[i] == bindName) f.cells[i]->value = bound, done = true;
            if (!done) f.globals->setStr(key, bound);
        }
    }
}

void Evaluator::execImportFrom(ImportFrom* s, Frame& f) {
    if (s->level > 0) in.raise(types().ImportError, "attempted relative import with no known parent package");
    Value m = in.importModule(s->module);
    for (Alias* a : s->names) {
        if (a->name == "*") {
            auto* md = m.as<ModuleObject>()->dict.get();
            std::vector<std::pair<Value, Value>> items;
            Value all = md->getStr(intern("__all__"));
            if (!all.isNull()) {
                for (const Value& n : in.toVector(all)) items.push_back({n, md->get(in, n)});
            } else {
                md->forEach([&](const Value& k, const Value& v) {
                    if (isStr(k) && !asStr(k)->s.empty() && asStr(k)->s[0] != '_') items.push_back({k, v});
                });
            }
            for (auto& [k, v] : items) f.globals->setStr(intern(asStr(k)->s), v);
            continue;
        }
        Value v = in.getAttrOrNull(m, intern(a->name));
        if (v.isNull()) {
            Value sub;
            try {
                sub = in.importModule(s->module + "." + a->name);
            } catch (PyException&) {
            }
            if (sub.isNull())
                in.raise(types().ImportError, "cannot import name '" + a->name + "' from '" + s->module +
                                                  "' (unknown location)");
            v = sub;
        }
        std::string bindName = a->asname.empty() ? a->name : a->asname;
        StrObject* key = intern(bindName);
        if (f.code->type == CodeInfo::Type::Module) f.globals->setStr(key, v);
        else if (f.locals) f.locals->setStr(key, v);
        else {
            bool done = false;
            for (size_t i = 0; i < f.code->varNames.size() && !done; ++i)
                if (f.code->varNames[i] == bindName) f.fast[i] = v, done = true;
            for (size_t i = 0; i < f.code->cellNames.size() && !done; ++i)
                if (f.code->cellNames[i] == bindName) f.cells[i]->value = v, done = true;
            if (!done) f.globals->setStr(key, v);
        }
    }
}

// Runs the comprehension's loops inside its own frame.
struct CompRunner {
    Evaluator& ev;
    Comp* c;
    Frame& f;
    ListObject* list = nullptr;
    SetObject* set = nullptr;
    DictObject* dict = nullptr;

    void run(size_t level, const Value& iterOverride) {
        Interp& in = ev.in;
        Comprehension* g = c->generators[level];
        Value it;
        if (level == 0) {
            it = iterOverride;
        } else {
            Value src = ev.eval(g->iter, f);
            f.cur = c;
            if (g->isAsync) {
                Value aiter = in.lookupSpecial(src, names().__aiter__);
                if (aiter.isNull())
                    in.typeError("'async for' requires an object with __aiter__ method, got " + Interp::typeName(src));
                it = in.call(aiter, {});
            } else {
                it = in.iter(src);
            }
        }
        Value anext;
        if (g->isAsync) anext = in.lookupSpecial(it, names().__anext__);
        for (;;) {
            f.cur = c;
            Value item;
            if (g->isAsync) {
                Value stop;
                try {
                    item = in.awaitValue(in.call(anext, {}), f);
                } catch (PyException& e) {
                    if (!in.isInstance(e.exc, types().StopAsyncIteration)) throw;
                    stop = e.exc;
                }
                if (!stop.isNull()) break;
            } else {
                item = in.next(it);
                if (item.isNull()) break;
            }
            ev.assign(g->target, item, f);
            bool ok = true;
            for (Expr* cond : g->ifs)
                if (!ev.testCondition(ev.eval(cond, f), cond, c, f)) {
                    ok = false;
                    break;
                }
            if (!ok) continue;
            if (level + 1 < c->generators.size()) {
                run(level + 1, Value());
                continue;
            }
            emit();
        }
    }

    void emit() {
        Interp& in = ev.in;
        switch (c->kind) {
        case ExprKind::ListComp: list->items.push_back(ev.eval(c->elt, f)); break;
        case ExprKind::SetComp: {
            Value v = ev.eval(c->elt, f);
            f.cur = c;
            set->add(in, v);
            break;
        }
        case ExprKind::DictComp: {
            Value k = ev.eval(c->key, f);
            Value v = ev.eval(c->value, f);
            f.cur = c;
            dict->set(in, k, v);
            break;
        }
        case ExprKind::GeneratorExp: {
            Value v = ev.eval(c->elt, f);
            f.cur = c->elt;
            if (f.gen->flavor == GeneratorObject::Flavor::AsyncGenerator)
                f.gen->yield(in, makeTuple({Value(intern("__asyncgen_yield__")), v}));
            else
                f.gen->yield(in, v);
            break;
        }
        default: break;
        }
        in.step();
    }
};

}  // namespace

// ------------------------------------------------------------ function calls

namespace {

std::string joinNames(const std::vector<std::string>& names) {
    std::string r;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) r += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        r += "'" + names[i] + "'";
    }
    return r;
}

// Binds call arguments to the parameter slots of `f`, with CPython's messages.
void bindArguments(Interp& in, FunctionObject* fn, CallArgs& args, Value* fast) {
    CodeInfo* code = fn->code;
    const std::string& qn = fn->qualname->s;
    size_t npos = args.size();
    size_t argc = size_t(code->argCount);
    size_t nkw = args.kwCount();
    // Positional.
    size_t take = std::min(npos, argc);
    for (size_t i = 0; i < take; ++i) fast[i] = args[i];
    size_t slot = argc + size_t(code->kwOnlyCount);
    if (code->hasVarargs) {
        std::vector<Value> extra;
        for (size_t i = take; i < npos; ++i) extra.push_back(args[i]);
        fast[slot++] = makeTuple(std::move(extra));
    } else if (npos > argc) {
        size_t ndef = fn->defaults.size();
        size_t kwGiven = 0;
        for (size_t k = 0; k < nkw; ++k)
            for (size_t j = argc; j < argc + size_t(code->kwOnlyCount); ++j)
                if (args.kwName(k)->s == code->varNames[j]) ++kwGiven;
        std::string takes;
        if (ndef > 0 && ndef <= argc)
            takes = "from " + std::to_string(argc - ndef) + " to " + std::to_string(argc) + " positional arguments";
        else
            takes = std::to_string(argc) + " positional argument" + (argc == 1 ? "" : "s");
        std::string given = std::to_string(npos);
        if (kwGiven > 0)
            given += std::string(" positional argument") + (npos == 1 ? "" : "s") + " (and " +
                     std::to_string(kwGiven) + " keyword-only argument" + (kwGiven == 1 ? "" : "s") + ")";
        in.typeError(qn + "() takes " + takes + " but " + given + (npos == 1 && kwGiven == 0 ? " was" : " were") +
                     " given");
    }
    Ref<DictObject> kwargs;
    if (code->hasVarkw) {
        kwargs = Ref<DictObject>(new DictObject());
        fast[slot] = Value(kwargs);
    }
    // Keywords.
    std::vector<std::string> posOnlyAsKw;
    for (size_t k = 0; k < nkw; ++k) {
        StrObject* name = args.kwName(k);
        int found = -1;
        for (size_t j = size_t(code->posOnlyCount); j < argc + size_t(code->kwOnlyCount); ++j)
            if (code->varNameObjs[j].get() == name || (!name->interned && code->varNames[j] == name->s)) {
                found = int(j);
                break;
            }
        if (found < 0) {
            if (kwargs) {
                kwargs->setStr(name, args.kwValue(k));
                continue;
            }
            bool posOnly = false;
            for (size_t j = 0; j < size_t(code->posOnlyCount); ++j)
                if (code->varNames[j] == name->s) posOnly = true;
            if (posOnly) {
                posOnlyAsKw.push_back(name->s);
                continue;
            }
            in.typeError(qn + "() got an unexpected keyword argument '" + name->s + "'");
        }
        if (!fast[found].isNull())
            in.typeError(qn + "() got multiple values for argument '" + name->s + "'");
        fast[found] = args.kwValue(k);
    }
    if (!posOnlyAsKw.empty()) {
        std::string list;
        for (size_t i = 0; i < posOnlyAsKw.size(); ++i) list += (i ? ", " : "") + posOnlyAsKw[i];
        in.typeError(qn + "() got some positional-only arguments passed as keyword arguments: '" + list + "'");
    }
    // Defaults and missing.
    size_t ndef = fn->defaults.size();
    std::vector<std::string> missing;
    for (size_t j = 0; j < argc; ++j) {
        if (!fast[j].isNull()) continue;
        if (j >= argc - ndef) fast[j] = fn->defaults[j - (argc - ndef)];
        else missing.push_back(code->varNames[j]);
    }
    if (!missing.empty())
        in.typeError(qn + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                     (missing.size() == 1 ? "" : "s") + ": " + joinNames(missing));
    for (size_t j = argc; j < argc + size_t(code->kwOnlyCount); ++j) {
        if (!fast[j].isNull()) continue;
        Value d = fn->kwDefaults ? fn->kwDefaults->getStr(code->varNameObjs[j].get()) : Value();
        if (!d.isNull()) fast[j] = d;
        else missing.push_back(code->varNames[j]);
    }
    if (!missing.empty())
        in.typeError(qn + "() missing " + std::to_string(missing.size()) + " required keyword-only argument" +
                     (missing.size() == 1 ? "" : "s") + ": " + joinNames(missing));
}

}  // namespace

Value Interp::callFunction(FunctionObject* fn, CallArgs& args, const Value* self) {
    CodeInfo* code = fn->code;
    size_t nlocals = code->varNames.size();
    size_t ncells = size_t(code->cellCount());
    bool generatorLike = code->isGenerator || code->isCoroutine || code->isAsyncGenerator;

    if (generatorLike) {
        std::unique_ptr<Value[]> fast(new Value[nlocals ? nlocals : 1]);
        std::unique_ptr<Ref<CellObject>[]> cells(new Ref<CellObject>[ncells ? ncells : 1]);
        bindArguments(*this, fn, args, fast.get());
        for (size_t i = 0; i < code->cellNames.size(); ++i) {
            int p = code->cellParam[i];
            cells[i] = Ref<CellObject>(new CellObject(p >= 0 ? fast[size_t(p)] : Value()));
        }
        for (size_t i = 0; i < code->freeNames.size(); ++i) cells[code->cellNames.size() + i] = fn->closure[i];
        Frame prepared;
        prepared.code = code;
        prepared.func = fn;
        prepared.globals = fn->globals.get();
        prepared.line = code->firstLine;
        return makeGenerator(fn, prepared, std::move(fast), std::move(cells));
    }

    // Slots live on this C stack frame; only as many as the code needs are
    // constructed (zeroing a fixed-size array showed up in profiles).
    struct Slots {
        alignas(Value) unsigned char inlineValues[8 * sizeof(Value)];
        alignas(Ref<CellObject>) unsigned char inlineCells[4 * sizeof(Ref<CellObject>)];
        Value* values = nullptr;
        size_t nvalues = 0;
        Ref<CellObject>* cells = nullptr;
        size_t ncells = 0;
        bool heapValues = false, heapCells = false;
        Slots(size_t nv, size_t nc) : nvalues(nv), ncells(nc) {
            if (nv > 8) {
                values = new Value[nv];
                heapValues = true;
            } else {
                values = reinterpret_cast<Value*>(inlineValues);
                for (size_t i = 0; i < nv; ++i) new (&values[i]) Value();
            }
            if (nc > 4) {
                cells = new Ref<CellObject>[nc];
                heapCells = true;
            } else {
                cells = reinterpret_cast<Ref<CellObject>*>(inlineCells);
                for (size_t i = 0; i < nc; ++i) new (&cells[i]) Ref<CellObject>();
            }
        }
        ~Slots() {
            if (heapValues) delete[] values;
            else
                for (size_t i = 0; i < nvalues; ++i) values[i].~Value();
            if (heapCells) delete[] cells;
            else
                for (size_t i = 0; i < ncells; ++i) cells[i].~Ref<CellObject>();
        }
    } slots(nlocals, ncells);
    Value* fast = slots.values;
    Ref<CellObject>* cells = slots.cells;
    // Fast path: exact positional call.
    if (args.kwCount() == 0 && args.size() == size_t(code->argCount) && !code->hasVarargs && !code->hasVarkw &&
        code->kwOnlyCount == 0) {
        for (size_t i = 0; i < args.size(); ++i) fast[i] = args[i];
    } else {
        bindArguments(*this, fn, args, fast);
    }
    for (size_t i = 0; i < code->cellNames.size(); ++i) {
        int p = code->cellParam[i];
        cells[i] = Ref<CellObject>(new CellObject(p >= 0 ? fast[size_t(p)] : Value()));
    }
    for (size_t i = 0; i < code->freeNames.size(); ++i) cells[code->cellNames.size() + i] = fn->closure[i];

    Frame f;
    f.code = code;
    f.func = fn;
    f.fast = fast;
    f.cells = cells;
    f.globals = fn->globals.get();
    f.line = code->firstLine;
    f.serial = ++m_frameSerial;
    return runFrame(f);
}

namespace {

// A comprehension's body. Apart from runFrame, so that the frames of every
// other function (on the stack of each suspended task) do not hold its state.
[[gnu::noinline]] Value runComprehension(Evaluator& ev, CodeInfo* code, Frame& f) {
    CompRunner cr{ev, code->comp, f};
    Value result;
    switch (code->comp->kind) {
    case ExprKind::ListComp: result = makeList({}); cr.list = result.as<ListObject>(); break;
    case ExprKind::SetComp:
        result = Value(new SetObject(types().set, Kind::Set));
        cr.set = result.as<SetObject>();
        break;
    case ExprKind::DictComp:
        result = Value(new DictObject());
        cr.dict = result.as<DictObject>();
        break;
    default: result = Value::none(); break;
    }
    Value it = f.fast[0];
    cr.run(0, it);
    return result;
}

}  // namespace

Value Interp::runFrame(Frame& f) {
    FrameScope fs(*this, f);
    CallDepth cd(*this);
    Evaluator ev(*this);
    CodeInfo* code = f.code;
    auto body = [&]() -> Value {
        if (code->type == CodeInfo::Type::Comprehension) return runComprehension(ev, code, f);
        if (code->exprBody) return ev.eval(code->exprBody, f);
        ev.execBlock(*code->body, f);
        if (f.retval.isNull()) return Value::none();
        return std::move(f.retval);
    };
    if (recorder) tracing::framePushed(*this, f);
    Value pending;
    try {
        Value result = body();
        // (A run being abandoned, AbortRun, reports nothing.)
        if (recorder) tracing::framePopped(*this, f);
        return result;
    } catch (PyException& ex) {
        pending = std::move(ex.exc);
    }
    addTracebackOnce(pending, f, f.cur);
    if (recorder) {
        tracing::exceptionAt(*this, pending, f);
        tracing::exceptionLeaves(*this, pending, f);
        tracing::framePopped(*this, f);
    }
    throw PyException{pending};
}

Value Interp::eval(Expr* e, Frame& f) { return Evaluator(*this).eval(e, f); }

void Interp::execBody(const std::vector<Stmt*>& body, Frame& f) { Evaluator(*this).execBlock(body, f); }

void Interp::runModule(lang::Module& module) {
    CodeInfo* code = compileModule(module);
    m_main = Ref<ModuleObject>(new ModuleObject("__main__"));
    DictObject* g = m_main->dict.get();
    // The globals of a script's __main__ as CPython sets them up, in order.
    g->setStr(names().__name__, makeStr("__main__"));
    g->setStr(names().__doc__, Value::none());
    g->setStr(intern("__package__"), Value::none());
    g->setStr(intern("__loader__"), Value::none());
    g->setStr(intern("__spec__"), Value::none());
    g->setStr(intern("__annotations__"), Value(new DictObject()));
    // In __main__, `__builtins__` is the builtins module itself.
    Ref<ModuleObject> builtinsModule(new ModuleObject("builtins"));
    builtinsModule->dict = m_builtins;
    g->setStr(names().__builtins__, Value(builtinsModule));
    g->setStr(names().__file__, makeStr(module.filename));
    g->setStr(intern("__cached__"), Value::none());
    Frame f;
    f.code = code;
    f.globals = g;
    f.locals = nullptr;
    f.line = 1;
    f.serial = ++m_frameSerial;
    std::vector<Ref<CellObject>> none;
    f.cells = none.data();
    runFrame(f);
}

// -------------------------------------------------------------------- await

Value Interp::awaitIterator(const Value& awaitable) {
    if (awaitable.isObj(Kind::Generator)) {
        auto* g = awaitable.as<GeneratorObject>();
        if (g->flavor == GeneratorObject::Flavor::Coroutine) return awaitable;
    }
    Value f = typeOf(awaitable)->lookup(names().__await__);
    if (f.isNull() || f.isNone())
        typeError("object " + typeName(awaitable) + " can't be used in 'await' expression");
    Value it = call(f, {awaitable});
    if (it.isObj(Kind::Generator) && it.as<GeneratorObject>()->flavor == GeneratorObject::Flavor::Coroutine)
        typeError("__await__() returned a coroutine");
    if (!(it.isObj(Kind::Generator) || it.isObj(Kind::Iterator) || !typeOf(it)->lookup(names().__next__).isNull()))
        typeError("__await__() returned non-iterator of type '" + typeName(it) + "'");
    return it;
}

Value Interp::awaitValue(const Value& awaitable, Frame& f) {
    Value it = awaitIterator(awaitable);
    if (it.isObj(Kind::Generator)) {
        auto* g = it.as<GeneratorObject>();
        if (g->state == GeneratorObject::State::Finished && g->flavor == GeneratorObject::Flavor::Coroutine)
            raise(types().RuntimeError, "cannot reuse already awaited coroutine");
        if (g->state == GeneratorObject::State::Running && g->flavor == GeneratorObject::Flavor::Coroutine)
            raise(types().RuntimeError, "coroutine is being awaited already");
    }
    GeneratorObject* self = f.gen;
    if (!self) {
        // `await` at the top level of a frame that is not a coroutine can only
        // happen in a comprehension run inline by a coroutine: find it.
        for (Frame* p = &f; p && !self; p = p->back) self = p->gen;
    }
    if (!self) raise(types().RuntimeError, "await outside a coroutine");
    if (it.isObj(Kind::Generator)) {
        auto* g = it.as<GeneratorObject>();
        if (g->flavor == GeneratorObject::Flavor::Coroutine && g->state == GeneratorObject::State::Created)
            return g->runInline(*this, self);
    }
    return delegateTo(*this, self, it);
}

}  // namespace ascope::rt
