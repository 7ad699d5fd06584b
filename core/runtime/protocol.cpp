// Python's object protocol: attribute access, calls, operators, comparison,
// hashing, conversion to text, iteration and subscription. Builtin values take
// native fast paths; everything else dispatches through the special methods
// found on the type, as CPython's abstract object layer does.
#include "runtime/builtins.h"
#include "runtime/generator.h"
#include "trace/trace.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>

namespace ascope::rt {

using lang::BinOpKind;
using lang::CmpOpKind;
using lang::UnaryOpKind;

namespace {
thread_local Interp* t_current = nullptr;
}

Interp* currentInterp() { return t_current; }

// ------------------------------------------------------------------ CallArgs

Value CallArgs::kw(std::string_view name) {
    for (size_t i = 0; i < m_nkw; ++i)
        if (m_kwNames[i]->s == name) {
            if (i < 64) m_consumed |= uint64_t(1) << i;
            return m_kwValues[i];
        }
    return Value();
}

void CallArgs::check(Interp& in, const char* fname, int min, int max) {
    int n = int(m_npos);
    if (n < min || (max >= 0 && n > max)) {
        // Methods count self in min/max; messages do not.
        bool method = min >= 1 && m_npos >= 1;
        (void)method;
        if (max == min) {
            if (max == 1) in.typeError(std::string(fname) + "() takes no arguments (" + std::to_string(n - 1) + " given)");
            in.typeError(std::string(fname) + "() takes exactly " +
                         (max - 1 == 1 ? std::string("one argument") : std::to_string(max - 1) + " arguments") + " (" +
                         std::to_string(n - 1) + " given)");
        }
        if (n < min)
            in.typeError(std::string(fname) + " expected at least " + std::to_string(min - 1) + " argument" +
                         (min - 1 == 1 ? "" : "s") + ", got " + std::to_string(n - 1));
        in.typeError(std::string(fname) + " expected at most " + std::to_string(max - 1) + " argument" +
                     (max - 1 == 1 ? "" : "s") + ", got " + std::to_string(n - 1));
    }
    checkKeywordsConsumed(in, fname);
}

void noArgs(Interp& in, CallArgs& a, const char* qualname) {
    if (a.kwCount()) in.typeError(std::string(qualname) + "() takes no keyword arguments");
    if (a.size() != 1)
        in.typeError(std::string(qualname) + "() takes no arguments (" + std::to_string(a.size() - 1) + " given)");
}

void oneArg(Interp& in, CallArgs& a, const char* qualname) {
    if (a.kwCount()) in.typeError(std::string(qualname) + "() takes no keyword arguments");
    if (a.size() != 2)
        in.typeError(std::string(qualname) + "() takes exactly one argument (" + std::to_string(a.size() - 1) +
                     " given)");
}

void CallArgs::noKeywords(Interp& in, const char* fname) {
    if (m_nkw > 0) in.typeError(std::string(fname) + "() takes no keyword arguments");
}

void CallArgs::checkKeywordsConsumed(Interp& in, const char* fname) {
    for (size_t i = 0; i < m_nkw; ++i)
        if (i >= 64 || !(m_consumed & (uint64_t(1) << i)))
            in.typeError(std::string(fname) + "() got an unexpected keyword argument '" + m_kwNames[i]->s + "'");
}

// --------------------------------------------------------------- lifecycle

std::string addressText(const Object* o) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(Object::idOf(o)));
    return buf;
}

namespace {
uint64_t nextExtensionsGeneration() {
    static std::atomic<uint64_t> last{0};
    return ++last;
}
}  // namespace

Interp::Interp(int64_t maxSteps, int64_t memoryLimit) : m_maxSteps(maxSteps), m_memoryLimit(memoryLimit) {
    m_extensionsGeneration = nextExtensionsGeneration();
    types();
    Object::beginRun();   // ids and default hashes count from here: every run the same
    t_current = this;
    m_memoryBase = liveHeapBytes();
    m_stackLimit = sched::mainStackLowest();
    m_builtins = Ref<DictObject>(new DictObject());
    const Types& t = types();
    DictObject* b = m_builtins.get();
    for (ClassObject* c : {t.object, t.type, t.int_, t.boolean, t.float_, t.str, t.bytes, t.tuple, t.list, t.dict, t.set,
                           t.frozenset, t.range, t.slice, t.property, t.staticmethod, t.classmethod, t.super,
                           t.enumerate, t.zip, t.map, t.filter, t.reversed, t.BaseException, t.Exception,
                           t.BaseExceptionGroup, t.ExceptionGroup, t.GeneratorExit, t.KeyboardInterrupt,
                           t.SystemExit, t.ArithmeticError, t.ZeroDivisionError, t.OverflowError,
                           t.FloatingPointError, t.AssertionError, t.AttributeError, t.BufferError, t.EOFError,
                           t.ImportError, t.ModuleNotFoundError, t.LookupError, t.IndexError, t.KeyError,
                           t.MemoryError, t.NameError, t.UnboundLocalError, t.OSError, t.TimeoutError,
                           t.ConnectionError, t.BrokenPipeError, t.ConnectionResetError,
                           t.ConnectionRefusedError, t.FileNotFoundError, t.PermissionError,
                           t.InterruptedError, t.ReferenceError, t.RuntimeError, t.NotImplementedError,
                           t.RecursionError, t.StopIteration, t.StopAsyncIteration, t.SyntaxError,
                           t.IndentationError, t.TabError, t.SystemError, t.TypeError, t.ValueError,
                           t.UnicodeError, t.UnicodeDecodeError, t.UnicodeEncodeError, t.Warning,
                           t.UserWarning, t.DeprecationWarning, t.RuntimeWarning, t.ResourceWarning,
                           t.BlockingIOError, t.ChildProcessError, t.ConnectionAbortedError, t.FileExistsError,
                           t.IsADirectoryError, t.NotADirectoryError, t.ProcessLookupError,
                           t.UnicodeTranslateError, t.BytesWarning, t.EncodingWarning, t.FutureWarning,
                           t.ImportWarning, t.PendingDeprecationWarning, t.SyntaxWarning, t.UnicodeWarning})
        b->setStr(intern(c->name), Value(c));
    b->setStr(intern("EnvironmentError"), Value(t.OSError));
    b->setStr(intern("IOError"), Value(t.OSError));
    b->setStr(intern("None"), Value::none());
    b->setStr(intern("True"), Value::boolean(true));
    b->setStr(intern("False"), Value::boolean(false));
    b->setStr(intern("NotImplemented"), t.notImplementedValue);
    b->setStr(intern("Ellipsis"), t.ellipsisValue);
    b->setStr(intern("__name__"), makeStr("builtins"));
    installBuiltinFunctions(*this, b);
    installFrameBuiltins(b);
}

void Interp::clearExtensions() {
    // What the extensions' destructors do sees a new generation, and so does
    // everything after.
    m_extensionsGeneration = nextExtensionsGeneration();
    m_extensions.clear();
    m_extensionsGeneration = nextExtensionsGeneration();
}

void Interp::finish() {
    if (m_main) {
        DictObject* g = m_main->dict.get();
        std::vector<DictObject::Entry> entries;
        entries.swap(g->entries);
        g->index.clear();
        g->used = 0;
        for (auto& e : entries) {
            e.value = Value();
            e.key = Value();
        }
    }
    m_modules.clear();
    clearExtensions();
}

Interp::~Interp() {
    Interp* saved = t_current;
    t_current = this;
    clearExtensions();
    m_modules.clear();
    m_main = Ref<ModuleObject>();
    t_current = saved == this ? nullptr : saved;
}

void Interp::write(bool isStderr, std::string_view text) {
    if (output) output(isStderr, text);
    if (recorder) recorder->record(trace::outputEvent(text, isStderr));
}

void Interp::stepBudgetExhausted() {
    throw AbortRun{"asyncscope: stopped after " + std::to_string(m_maxSteps) +
                   " steps: the program looks like an endless loop (use --max-steps N to allow more)"};
}

void Interp::eventBudgetExhausted() {
    throw AbortRun{"asyncscope: stopped after " + std::to_string(m_maxEvents) +
                   " trace events: a run this long cannot be animated (`asyncscope run` runs it whole)"};
}

void Interp::memoryBudgetExhausted() {
    m_memoryBase = liveHeapBytes();  // let the handler run
    raise(types().MemoryError, "");
}

void Interp::checkAllocation(double bytes) {
    if (m_memoryLimit > 0 && bytes > double(m_memoryLimit)) {
        Value e = newException(types().MemoryError, std::vector<Value>{});
        raiseValue(e);
    }
}

void Interp::reserveMemory(int64_t bytes) { checkAllocation(double(bytes)); }

void Interp::checkStack() {
    char probe;
    if (m_stackLimit && &probe < m_stackLimit + kStackMargin) recursionError();
}

void Interp::depthExceeded(const char* context) {
    --m_depth;
    recursionError(context);
}

void Interp::recursionError(const char* context) {
    raise(types().RecursionError, std::string("maximum recursion depth exceeded") + context);
}

// -------------------------------------------------------------------- types

ClassObject* Interp::scalarTypeOf(const Value& v) {
    const Types& t = types();
    switch (v.tag()) {
    case Value::Tag::Null:
    case Value::Tag::None: return t.none;
    case Value::Tag::Bool: return t.boolean;
    case Value::Tag::Int: return t.int_;
    case Value::Tag::Float: return t.float_;
    case Value::Tag::Obj: return v.obj()->type();
    }
    return t.object;
}

std::string Interp::typeName(const Value& v) { return typeOf(v)->name; }

// --------------------------------------------------------------- attributes

namespace {

bool isBuiltinFromObject(const Value& v, const char* name) {
    return v.isObj(Kind::Builtin) && v.as<BuiltinObject>()->owner == types().object;
}

Value bindDescriptor(Interp& in, const Value& descr, const Value& obj, ClassObject* type) {
    switch (descr.isObj() ? descr.obj()->kind() : Kind::Native) {
    case Kind::Function: return Value(new BoundMethodObject(descr, obj));
    case Kind::Builtin: {
        auto* b = descr.as<BuiltinObject>();
        if (!b->self.isNull()) return descr;
        return Value(new BuiltinObject(b->name, b->fn, obj, b->owner));
    }
    case Kind::ClassMethod: {
        const Value& f = descr.as<ClassMethodObject>()->func;
        if (f.isObj(Kind::Builtin)) {
            auto* b = f.as<BuiltinObject>();
            return Value(new BuiltinObject(b->name, b->fn, Value(type), b->owner));
        }
        return Value(new BoundMethodObject(f, Value(type)));
    }
    case Kind::StaticMethod: return descr.as<StaticMethodObject>()->func;
    case Kind::Instance:
    case Kind::Exception: {
        Value get = Interp::typeOf(descr)->lookup(names().__get__);
        if (!get.isNull()) return in.call(get, {descr, obj, Value(type)});
        return descr;
    }
    default: return descr;
    }
}

bool isDataDescriptor(const Value& d) {
    if (!d.isObj()) return false;
    if (d.obj()->kind() == Kind::Property) return true;
    if (d.obj()->kind() == Kind::Instance) {
        ClassObject* t = d.obj()->type();
        return !t->lookup(names().__set__).isNull() || !t->lookup(names().__delete__).isNull();
    }
    return false;
}

Value getProperty(Interp& in, const Value& descr, const Value& obj, StrObject* name) {
    if (descr.obj()->type() == types().nativeProperty) return descr.as<NativePropertyObject>()->getter(in, obj);
    if (descr.obj()->kind() == Kind::Property) {
        auto* p = descr.as<PropertyObject>();
        if (p->fget.isNone())
            in.raise(types().AttributeError, "property '" + name->s + "' of '" + Interp::typeName(obj) + "' object has no getter");
        return in.call(p->fget, {obj});
    }
    Value get = Interp::typeOf(descr)->lookup(names().__get__);
    return in.call(get, {descr, obj, Value(Interp::typeOf(obj))});
}

DictObject* instanceDict(const Value& obj) {
    switch (obj.obj()->kind()) {
    case Kind::Instance:
    case Kind::Exception: return obj.as<InstanceObject>()->dict.get();
    case Kind::Native: return obj.as<NativeObject>()->dict.get();
    case Kind::Function: return obj.as<FunctionObject>()->attrs.get();
    case Kind::Module: return obj.as<ModuleObject>()->dict.get();
    default: return nullptr;
    }
}

Value classAttribute(Interp& in, ClassObject* cls, StrObject* name) {
    const Names& n = names();
    if (name == n.__name__) return makeStr(cls->name);
    if (name == n.__qualname__) {
        Value q = cls->dict->getStr(name);
        return q.isNull() ? makeStr(cls->name) : q;
    }
    if (name == n.__module__) {
        Value m = cls->dict->getStr(name);
        return m.isNull() ? makeStr(cls->module) : m;
    }
    if (name == n.__mro__) {
        std::vector<Value> items;
        for (ClassObject* c : cls->mro) items.push_back(Value(c));
        return makeTuple(std::move(items));
    }
    if (name == n.__bases__) {
        std::vector<Value> items;
        for (auto& b : cls->bases) items.push_back(Value(b));
        return makeTuple(std::move(items));
    }
    if (name == intern("__base__")) return cls->bases.empty() ? Value::none() : Value(cls->bases[0]);
    if (name == n.__dict__) return Value(cls->dict);
    if (name == n.__class__) return Value(cls->type());
    Value v = cls->lookup(name);
    if (!v.isNull()) {
        switch (v.isObj() ? v.obj()->kind() : Kind::Native) {
        case Kind::ClassMethod: return bindDescriptor(in, v, Value(cls), cls);
        case Kind::StaticMethod: return v.as<StaticMethodObject>()->func;
        case Kind::Instance: {
            Value get = Interp::typeOf(v)->lookup(n.__get__);
            if (!get.isNull()) return in.call(get, {v, Value::none(), Value(cls)});
            return v;
        }
        default: return v;
        }
    }
    if (name == n.__doc__) return Value::none();
    // Attributes of the metatype: `type.mro`, ...
    Value mv = cls->type()->lookup(name);
    if (!mv.isNull()) return bindDescriptor(in, mv, Value(cls), cls->type());
    return Value();
}

}  // namespace

Value Interp::getAttrOrNull(const Value& obj, StrObject* name) {
    ClassObject* type = typeOf(obj);
    if (type->isBuiltin || !obj.isObj()) return genericGetAttr(obj, name);
    // A user class: its own __getattribute__ (else object's), then __getattr__
    // when that raises AttributeError, as CPython's slot_tp_getattr_hook.
    Value ga = type->lookup(names().__getattribute__);
    bool customGa = !ga.isNull() && !isBuiltinFromObject(ga, "__getattribute__");
    Value v, ge;
    bool missing = false;
    try {
        v = customGa ? call(ga, {obj, Value(name)}) : genericGetAttr(obj, name);
    } catch (PyException& e) {
        if (!isInstance(e.exc, types().AttributeError)) throw;
        ge = type->lookup(names().__getattr__);
        if (ge.isNull()) throw;
        missing = true;
    }
    if (!missing) {
        if (!v.isNull()) return v;
        ge = type->lookup(names().__getattr__);
        if (ge.isNull()) return v;
    }
    return call(ge, {obj, Value(name)});
}

Value Interp::genericGetAttr(const Value& obj, StrObject* name) {
    ClassObject* type = typeOf(obj);
    if (obj.isObj()) {
        Kind k = obj.obj()->kind();
        if (k == Kind::Class) return classAttribute(*this, obj.as<ClassObject>(), name);
        if (k == Kind::Super) {
            auto* s = obj.as<SuperObject>();
            auto& mro = s->objType->mro;
            size_t i = 0;
            while (i < mro.size() && mro[i] != s->startAfter.get()) ++i;
            for (++i; i < mro.size(); ++i) {
                Value v = mro[i]->dict->getStr(name);
                if (v.isNull()) continue;
                if (v.isObj(Kind::Property)) return getProperty(*this, v, s->obj, name);
                if (s->obj.isObj(Kind::Class) && v.isObj(Kind::Function)) return v;
                return bindDescriptor(*this, v, s->obj, s->objType.get());
            }
            if (name == names().__class__) return Value(types().super);
            return Value();
        }
        if (k == Kind::Module) {
            Value v = obj.as<ModuleObject>()->dict->getStr(name);
            if (!v.isNull()) return v;
            if (name == names().__dict__) return Value(obj.as<ModuleObject>()->dict);
            return Value();
        }
    }
    Value descr = type->lookup(name);
    if (!descr.isNull() && isDataDescriptor(descr)) return getProperty(*this, descr, obj, name);
    if (obj.isObj()) {
        if (DictObject* d = instanceDict(obj)) {
            Value v = d->getStr(name);
            if (!v.isNull()) return v;
        }
    }
    if (!descr.isNull()) return bindDescriptor(*this, descr, obj, type);
    return Value();
}

Value Interp::getAttr(const Value& obj, StrObject* name) {
    Value v;
    try {
        v = getAttrOrNull(obj, name);
    } catch (PyException& e) {
        // As CPython's PyObject_GetAttr, an AttributeError leaving the lookup
        // records what was looked up (for "Did you mean" suggestions).
        if (e.exc.isObj(Kind::Exception) && isInstance(e.exc, types().AttributeError)) {
            auto* eo = e.exc.as<ExceptionObject>();
            if (eo->name.isNull()) {
                eo->name = Value(name);
                eo->obj = obj;
            }
        }
        throw;
    }
    if (!v.isNull()) return v;
    attributeMissing(obj, name);
}

void Interp::attributeMissing(const Value& obj, StrObject* name) {
    std::string message;
    if (obj.isObj(Kind::Class))
        message = "type object '" + obj.as<ClassObject>()->name + "' has no attribute '" + name->s + "'";
    else if (obj.isObj(Kind::Module))
        message = "module '" + obj.as<ModuleObject>()->name + "' has no attribute '" + name->s + "'";
    else if (obj.isObj(Kind::Super))
        message = "'super' object has no attribute '" + name->s + "'";
    else
        message = "'" + typeName(obj) + "' object has no attribute '" + name->s + "'";
    Value e = newException(types().AttributeError, std::move(message));
    e.as<ExceptionObject>()->name = Value(name);
    e.as<ExceptionObject>()->obj = obj;
    raiseValue(e);
}

Value Interp::getMethod(const Value& obj, StrObject* name, bool& needsSelf) {
    needsSelf = false;
    if (obj.isObj()) {
        Kind k = obj.obj()->kind();
        if (k == Kind::Class || k == Kind::Module || k == Kind::Super) return getAttr(obj, name);
    }
    ClassObject* type = typeOf(obj);
    Value descr = type->lookup(name);
    if (!descr.isNull() && (descr.isObj(Kind::Function) || (descr.isObj(Kind::Builtin) && descr.as<BuiltinObject>()->self.isNull()))) {
        if (obj.isObj()) {
            if (DictObject* d = instanceDict(obj)) {
                Value v = d->getStr(name);
                if (!v.isNull()) return v;
            }
        }
        if (type->isBuiltin || type->lookup(names().__getattribute__).isObj(Kind::Builtin)) {
            needsSelf = true;
            return descr;
        }
    }
    return getAttr(obj, name);
}

Value Interp::lookupSpecial(const Value& obj, StrObject* name) {
    Value d = typeOf(obj)->lookup(name);
    if (d.isNull()) return d;
    return bindDescriptor(*this, d, obj, typeOf(obj));
}

void Interp::setAttr(const Value& obj, StrObject* name, const Value& v) {
    ClassObject* type = typeOf(obj);
    if (!type->isBuiltin && obj.isObj()) {
        Value sa = type->lookup(names().__setattr__);
        if (!sa.isNull() && !isBuiltinFromObject(sa, "__setattr__")) {
            call(sa, {obj, Value(name), v});
            return;
        }
    }
    genericSetAttr(obj, name, v);
}

void Interp::genericSetAttr(const Value& obj, StrObject* name, const Value& v) {
    ClassObject* type = typeOf(obj);
    if (obj.isObj()) {
        switch (obj.obj()->kind()) {
        case Kind::Class: {
            auto* c = obj.as<ClassObject>();
            if (c->isBuiltin)
                typeError("cannot set '" + name->s + "' attribute of immutable type '" + c->name + "'");
            if (name == names().__name__) {
                if (!isStr(v)) typeError("can only assign string to " + c->name + ".__name__, not '" + typeName(v) + "'");
                c->name = asStr(v)->s;
                ClassObject::invalidateLookups();
                return;
            }
            c->dict->setStr(name, v);
            ++c->version;
            ClassObject::invalidateLookups();
            return;
        }
        case Kind::Module: obj.as<ModuleObject>()->dict->setStr(name, v); return;
        case Kind::Instance:
        case Kind::Exception:
        case Kind::Native: {
            Value descr = type->lookup(name);
            if (!descr.isNull() && isDataDescriptor(descr)) {
                if (descr.obj()->type() == types().nativeProperty) {
                    auto* np = descr.as<NativePropertyObject>();
                    if (!np->setter)
                        raise(types().AttributeError, "attribute '" + name->s + "' of '" + type->name + "' objects is not writable");
                    np->setter(*this, obj, v);
                    return;
                }
                if (descr.obj()->kind() == Kind::Property) {
                    auto* p = descr.as<PropertyObject>();
                    if (p->fset.isNone())
                        raise(types().AttributeError, "property '" + name->s + "' of '" + type->name + "' object has no setter");
                    call(p->fset, {obj, v});
                    return;
                }
                Value set = typeOf(descr)->lookup(names().__set__);
                if (set.isNull()) raise(types().AttributeError, "__set__");
                call(set, {descr, obj, v});
                return;
            }
            if (obj.obj()->kind() == Kind::Native) {
                auto* n = obj.as<NativeObject>();
                if (!n->dict) n->dict = Ref<DictObject>(new DictObject());
                n->dict->setStr(name, v);
                return;
            }
            auto* inst = obj.as<InstanceObject>();
            if (!inst->dict) {
                if (!type->instancesHaveDict) {
                    Value e = newException(types().AttributeError,
                                           "'" + type->name + "' object has no attribute '" + name->s + "'");
                    e.as<ExceptionObject>()->name = Value(name);
                    e.as<ExceptionObject>()->obj = obj;
                    raiseValue(e);
                }
                inst->dict = Ref<DictObject>(new DictObject());
            }
            inst->dict->setStr(name, v);
            return;
        }
        case Kind::Function: {
            Value descr = type->lookup(name);
            if (!descr.isNull() && descr.obj()->type() == types().nativeProperty) {
                auto* np = descr.as<NativePropertyObject>();
                if (!np->setter) raise(types().AttributeError, "readonly attribute");
                np->setter(*this, obj, v);
                return;
            }
            auto* f = obj.as<FunctionObject>();
            if (!f->attrs) f->attrs = Ref<DictObject>(new DictObject());
            f->attrs->setStr(name, v);
            return;
        }
        default: break;
        }
    }
    Value descr = type->lookup(name);
    if (!descr.isNull() && descr.isObj() && descr.obj()->type() == types().nativeProperty) {
        auto* np = descr.as<NativePropertyObject>();
        if (np->setter) {
            np->setter(*this, obj, v);
            return;
        }
        raise(types().AttributeError, "attribute '" + name->s + "' of '" + type->name + "' objects is not writable");
    }
    if (!descr.isNull())
        raise(types().AttributeError, "'" + type->name + "' object attribute '" + name->s + "' is read-only");
    raise(types().AttributeError, "'" + type->name + "' object has no attribute '" + name->s + "'");
}

void Interp::delAttr(const Value& obj, StrObject* name) {
    ClassObject* type = typeOf(obj);
    if (!type->isBuiltin && obj.isObj()) {
        Value da = type->lookup(names().__delattr__);
        if (!da.isNull() && !isBuiltinFromObject(da, "__delattr__")) {
            call(da, {obj, Value(name)});
            return;
        }
    }
    genericDelAttr(obj, name);
}

void Interp::genericDelAttr(const Value& obj, StrObject* name) {
    ClassObject* type = typeOf(obj);
    if (obj.isObj()) {
        if (obj.obj()->kind() == Kind::Class) {
            auto* c = obj.as<ClassObject>();
            if (c->isBuiltin)
                typeError("cannot set '" + name->s + "' attribute of immutable type '" + c->name + "'");
            if (c->dict->pop(*this, Value(name)).isNull())
                raise(types().AttributeError, "type object '" + c->name + "' has no attribute '" + name->s + "'");
            ++c->version;
            ClassObject::invalidateLookups();
            return;
        }
        Value descr = type->lookup(name);
        if (!descr.isNull() && isDataDescriptor(descr)) {
            if (descr.obj()->type() == types().nativeProperty)
                raise(types().AttributeError, "attribute '" + name->s + "' of '" + type->name + "' objects is not writable");
            if (descr.obj()->kind() == Kind::Property) {
                auto* p = descr.as<PropertyObject>();
                if (p->fdel.isNone())
                    raise(types().AttributeError, "property '" + name->s + "' of '" + type->name + "' object has no deleter");
                call(p->fdel, {obj});
                return;
            }
            Value del = typeOf(descr)->lookup(names().__delete__);
            if (del.isNull()) raise(types().AttributeError, "__delete__");
            call(del, {descr, obj});
            return;
        }
        if (DictObject* d = instanceDict(obj)) {
            if (!d->pop(*this, Value(name)).isNull()) return;
        }
    }
    raise(types().AttributeError, "'" + type->name + "' object has no attribute '" + name->s + "'");
}

// -------------------------------------------------------------------- calls

namespace {

// Calls `f` with `self` prepended to `args`.
Value callWithSelf(Interp& in, const Value& f, const Value& self, CallArgs& args) {
    size_t n = args.size();
    Value small[8];
    std::vector<Value> big;
    Value* buf = small;
    if (n + 1 > 8) {
        big.resize(n + 1);
        buf = big.data();
    }
    buf[0] = self;
    for (size_t i = 0; i < n; ++i) buf[i + 1] = args[i];
    std::vector<StrObject*> kwNames;
    std::vector<Value> kwValues;
    for (size_t i = 0; i < args.kwCount(); ++i) {
        kwNames.push_back(args.kwName(i));
        kwValues.push_back(args.kwValue(i));
    }
    CallArgs a2(buf, n + 1, kwValues.data(), kwNames.data(), kwNames.size());
    if (f.isObj(Kind::Function)) return in.callFunction(f.as<FunctionObject>(), a2);
    if (f.isObj(Kind::Builtin)) return f.as<BuiltinObject>()->fn(in, a2);
    in.checkStack();
    return in.call(f, a2);
}

Value callClass(Interp& in, ClassObject* cls, CallArgs& args) {
    const Types& t = types();
    const Names& n = names();
    if (cls == t.type && args.size() == 1 && args.kwCount() == 0) return Value(Interp::typeOf(args[0]));
    Value clsv(cls);
    Value instance;
    Value newFn = cls->lookup(n.__new__);
    bool userNew = newFn.isObj(Kind::StaticMethod) && newFn.as<StaticMethodObject>()->func.isObj(Kind::Function);
    if (userNew) {
        instance = callWithSelf(in, newFn.as<StaticMethodObject>()->func, clsv, args);
    } else {
        NativeFn nf = nullptr;
        for (ClassObject* c : cls->mro)
            if (c->nativeNew) {
                nf = c->nativeNew;
                break;
            }
        if (cls->isBuiltin || nf != t.object->nativeNew) {
            // Builtin constructors receive the class first.
            Value small[8];
            std::vector<Value> big;
            Value* buf = small;
            if (args.size() + 1 > 8) {
                big.resize(args.size() + 1);
                buf = big.data();
            }
            buf[0] = clsv;
            for (size_t i = 0; i < args.size(); ++i) buf[i + 1] = args[i];
            std::vector<StrObject*> kwn;
            std::vector<Value> kwv;
            bool userInit = !cls->isBuiltin && !cls->lookup(n.__init__).isObj(Kind::Builtin);
            if (!userInit || cls->instanceKind != Kind::Exception)
                for (size_t i = 0; i < args.kwCount(); ++i) {
                    kwn.push_back(args.kwName(i));
                    kwv.push_back(args.kwValue(i));
                }
            CallArgs a2(buf, args.size() + 1, kwv.data(), kwn.data(), kwn.size());
            instance = nf(in, a2);
            if (cls->isBuiltin) return instance;
        } else {
            Value init = cls->lookup(n.__init__);
            bool objectInit = init.isObj(Kind::Builtin) && init.as<BuiltinObject>()->owner == t.object;
            if (objectInit && (args.size() > 0 || args.kwCount() > 0))
                in.typeError(cls->name + "() takes no arguments");
            instance = Value(new InstanceObject(cls));
        }
    }
    if (!in.isInstance(instance, cls)) return instance;
    Value init = Interp::typeOf(instance)->lookup(n.__init__);
    if (init.isObj(Kind::Function)) {
        Value r = callWithSelf(in, init, instance, args);
        if (!r.isNone()) in.typeError("__init__() should return None, not '" + Interp::typeName(r) + "'");
    } else if (init.isObj(Kind::Builtin) && init.as<BuiltinObject>()->owner != t.object) {
        callWithSelf(in, init, instance, args);
    } else if (userNew && !init.isNull() && init.isObj(Kind::Builtin) && init.as<BuiltinObject>()->owner == t.object) {
    } else if (!init.isNull() && !init.isObj(Kind::Builtin)) {
        Value r = callWithSelf(in, init, instance, args);
        if (!r.isNone()) in.typeError("__init__() should return None, not '" + Interp::typeName(r) + "'");
    }
    return instance;
}

}  // namespace

Value Interp::call(const Value& f, CallArgs& args) {
    if (f.isObj()) {
        switch (f.obj()->kind()) {
        case Kind::Function: return callFunction(f.as<FunctionObject>(), args);
        case Kind::BoundMethod: {
            auto* m = f.as<BoundMethodObject>();
            return callWithSelf(*this, m->func, m->self, args);
        }
        case Kind::Builtin: {
            auto* b = f.as<BuiltinObject>();
            if (b->self.isNull()) return b->fn(*this, args);
            Value keep(f);
            return callWithSelf(*this, keep, b->self, args);
        }
        case Kind::Class: return callClass(*this, f.as<ClassObject>(), args);
        default: break;
        }
    }
    // Bound builtins are called through callWithSelf, which lands here with a
    // Builtin whose self is set: unwrap it.
    Value c = typeOf(f)->lookup(names().__call__);
    if (!c.isNull()) return callWithSelf(*this, c, f, args);
    typeError("'" + typeName(f) + "' object is not callable");
}

Value Interp::call(const Value& f, std::initializer_list<Value> args) {
    CallArgs a(args.begin(), args.size());
    if (f.isObj(Kind::Builtin) && !f.as<BuiltinObject>()->self.isNull()) {
        auto* b = f.as<BuiltinObject>();
        std::vector<Value> v;
        v.reserve(args.size() + 1);
        v.push_back(b->self);
        v.insert(v.end(), args.begin(), args.end());
        CallArgs a2(v.data(), v.size());
        return b->fn(*this, a2);
    }
    return call(f, a);
}

Value Interp::callMethod(const Value& obj, StrObject* name, std::initializer_list<Value> args) {
    bool needsSelf;
    Value m = getMethod(obj, name, needsSelf);
    if (!needsSelf) return call(m, args);
    // Self and the arguments: on the stack for the usual few.
    constexpr size_t kInline = 6;
    Value inlineArgs[kInline];
    std::vector<Value> heapArgs;
    Value* v = inlineArgs;
    if (args.size() + 1 > kInline) {
        heapArgs.resize(args.size() + 1);
        v = heapArgs.data();
    }
    v[0] = obj;
    std::copy(args.begin(), args.end(), v + 1);
    CallArgs a(v, args.size() + 1);
    if (m.isObj(Kind::Builtin)) return m.as<BuiltinObject>()->fn(*this, a);
    return call(m, a);
}

// ------------------------------------------------------------------ numbers

namespace {

int64_t hashSmallInt(int64_t v) { return num::hashInt(v); }

bool isIntLike(const Value& v) { return v.isSmallInt() || v.isBool() || v.isObj(Kind::Int); }

num::BigInt bigOf(const Value& v) {
    if (v.isObj(Kind::Int)) return v.as<IntObject>()->v;
    return num::BigInt(v.asInt());
}

bool toDouble(Interp& in, const Value& v, double& out) {
    if (v.isFloat()) {
        out = v.asFloat();
        return true;
    }
    if (v.isSmallInt() || v.isBool()) {
        out = double(v.asInt());
        return true;
    }
    if (v.isObj(Kind::Int)) {
        bool overflow = false;
        out = num::bigIntToDouble(v.as<IntObject>()->v, overflow);
        if (overflow) in.raise(types().OverflowError, "int too large to convert to float");
        return true;
    }
    return false;
}

const char* opSymbol(BinOpKind op) {
    switch (op) {
    case BinOpKind::Add: return "+";
    case BinOpKind::Sub: return "-";
    case BinOpKind::Mult: return "*";
    case BinOpKind::MatMult: return "@";
    case BinOpKind::Div: return "/";
    case BinOpKind::Mod: return "%";
    case BinOpKind::Pow: return "** or pow()";
    case BinOpKind::LShift: return "<<";
    case BinOpKind::RShift: return ">>";
    case BinOpKind::BitOr: return "|";
    case BinOpKind::BitXor: return "^";
    case BinOpKind::BitAnd: return "&";
    case BinOpKind::FloorDiv: return "//";
    }
    return "?";
}

struct OpNames {
    StrObject *op, *rop, *iop;
};

OpNames opNames(BinOpKind op) {
    const Names& n = names();
    switch (op) {
    case BinOpKind::Add: return {n.__add__, n.__radd__, n.__iadd__};
    case BinOpKind::Sub: return {n.__sub__, n.__rsub__, n.__isub__};
    case BinOpKind::Mult: return {n.__mul__, n.__rmul__, n.__imul__};
    case BinOpKind::MatMult: return {n.__matmul__, n.__rmatmul__, n.__imatmul__};
    case BinOpKind::Div: return {n.__truediv__, n.__rtruediv__, n.__itruediv__};
    case BinOpKind::Mod: return {n.__mod__, n.__rmod__, n.__imod__};
    case BinOpKind::Pow: return {n.__pow__, n.__rpow__, n.__ipow__};
    case BinOpKind::LShift: return {n.__lshift__, n.__rlshift__, n.__ilshift__};
    case BinOpKind::RShift: return {n.__rshift__, n.__rrshift__, n.__irshift__};
    case BinOpKind::BitOr: return {n.__or__, n.__ror__, n.__ior__};
    case BinOpKind::BitXor: return {n.__xor__, n.__rxor__, n.__ixor__};
    case BinOpKind::BitAnd: return {n.__and__, n.__rand__, n.__iand__};
    case BinOpKind::FloorDiv: return {n.__floordiv__, n.__rfloordiv__, n.__ifloordiv__};
    }
    return {};
}

Value floatResult(Interp& in, double r) { return Value::real(r); }

// int op int, Python semantics; null when the op does not apply.
Value intOp(Interp& in, BinOpKind op, const Value& a, const Value& b) {
    if ((a.isSmallInt() || a.isBool()) && (b.isSmallInt() || b.isBool())) {
        int64_t x = a.asInt(), y = b.asInt(), r;
        switch (op) {
        case BinOpKind::Add:
            if (!__builtin_add_overflow(x, y, &r)) return Value::integer(r);
            break;
        case BinOpKind::Sub:
            if (!__builtin_sub_overflow(x, y, &r)) return Value::integer(r);
            break;
        case BinOpKind::Mult:
            if (!__builtin_mul_overflow(x, y, &r)) return Value::integer(r);
            break;
        case BinOpKind::FloorDiv:
            if (y == 0) in.raise(types().ZeroDivisionError, "integer division or modulo by zero");
            if (!(x == std::numeric_limits<int64_t>::min() && y == -1)) {
                int64_t q = x / y;
                if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
                return Value::integer(q);
            }
            break;
        case BinOpKind::Mod:
            if (y == 0) in.raise(types().ZeroDivisionError, "integer modulo by zero");
            if (y == -1) return Value::integer(0);
            {
                int64_t m = x % y;
                if (m != 0 && ((m < 0) != (y < 0))) m += y;
                return Value::integer(m);
            }
        case BinOpKind::BitAnd: return Value::integer(x & y);
        case BinOpKind::BitOr: return Value::integer(x | y);
        case BinOpKind::BitXor: return Value::integer(x ^ y);
        case BinOpKind::LShift:
            if (y < 0) in.valueError("negative shift count");
            if (y < 63 && x == ((x << y) >> y)) return Value::integer(x << y);
            break;
        case BinOpKind::RShift:
            if (y < 0) in.valueError("negative shift count");
            return Value::integer(y >= 64 ? (x < 0 ? -1 : 0) : (x >> y));
        case BinOpKind::Div: {
            if (y == 0) in.raise(types().ZeroDivisionError, "division by zero");
            if (std::abs(x) < (int64_t(1) << 53) && std::abs(y) < (int64_t(1) << 53))
                return Value::real(double(x) / double(y));
            break;
        }
        case BinOpKind::Pow:
            if (y >= 0) {
                int64_t base = x, e = y, acc = 1;
                bool overflow = false;
                while (e > 0 && !overflow) {
                    if (e & 1) overflow |= __builtin_mul_overflow(acc, base, &acc);
                    e >>= 1;
                    if (e > 0) overflow |= __builtin_mul_overflow(base, base, &base);
                }
                if (!overflow) return Value::integer(acc);
            }
            break;
        default: return Value();
        }
    }
    // Big integer path.
    num::BigInt x = bigOf(a), y = bigOf(b);
    switch (op) {
    case BinOpKind::Add: return makeInt(x + y);
    case BinOpKind::Sub: return makeInt(x - y);
    case BinOpKind::Mult:
        in.checkAllocation(double(boost::multiprecision::msb(abs(x) + 1) + boost::multiprecision::msb(abs(y) + 1)) / 8);
        return makeInt(x * y);
    case BinOpKind::FloorDiv:
    case BinOpKind::Mod: {
        if (y == 0)
            in.raise(types().ZeroDivisionError,
                     op == BinOpKind::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
        num::BigInt q, m;
        num::floorDivMod(x, y, q, m);
        return makeInt(op == BinOpKind::FloorDiv ? q : m);
    }
    case BinOpKind::BitAnd: return makeInt(num::bitAnd(x, y));
    case BinOpKind::BitOr: return makeInt(num::bitOr(x, y));
    case BinOpKind::BitXor: return makeInt(num::bitXor(x, y));
    case BinOpKind::LShift: {
        if (y < 0) in.valueError("negative shift count");
        if (y > 1000000000) in.raise(types().OverflowError, "too many digits in integer");
        in.checkAllocation(double(y.convert_to<int64_t>()) / 8);
        return makeInt(x << y.convert_to<int64_t>());
    }
    case BinOpKind::RShift: {
        if (y < 0) in.valueError("negative shift count");
        if (y > 1000000000) return Value::integer(x < 0 ? -1 : 0);
        num::BigInt out;
        num::shiftRight(x, y, out);
        return makeInt(out);
    }
    case BinOpKind::Div: {
        double r;
        num::Error err;
        if (y == 0) in.raise(types().ZeroDivisionError, "division by zero");
        if (!num::trueDivide(x, y, r, err)) in.raise(types().OverflowError, err.message);
        return Value::real(r);
    }
    case BinOpKind::Pow: {
        if (y < 0) {
            double fx, fy;
            toDouble(in, a, fx);
            toDouble(in, b, fy);
            if (fx == 0) in.raise(types().ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return Value::real(std::pow(fx, fy));
        }
        double bits = double(num::estimatePowBits(x, y));
        in.checkAllocation(bits / 8);
        return makeInt(boost::multiprecision::pow(x, y.convert_to<unsigned>()));
    }
    default: return Value();
    }
}

Value floatOp(Interp& in, BinOpKind op, double x, double y) {
    switch (op) {
    case BinOpKind::Add: return Value::real(x + y);
    case BinOpKind::Sub: return Value::real(x - y);
    case BinOpKind::Mult: return Value::real(x * y);
    case BinOpKind::Div:
        if (y == 0) in.raise(types().ZeroDivisionError, "float division by zero");
        return Value::real(x / y);
    case BinOpKind::FloorDiv: {
        if (y == 0) in.raise(types().ZeroDivisionError, "float floor division by zero");
        double q, m;
        num::Error err;
        num::floatDivMod(x, y, q, m, err);
        return Value::real(q);
    }
    case BinOpKind::Mod: {
        if (y == 0) in.raise(types().ZeroDivisionError, "float modulo");
        double q, m;
        num::Error err;
        num::floatDivMod(x, y, q, m, err);
        return Value::real(m);
    }
    case BinOpKind::Pow: {
        double r = 0;
        switch (num::floatPow(x, y, r)) {
        case num::FloatPowStatus::Ok: return Value::real(r);
        case num::FloatPowStatus::ZeroToNegative:
            in.raise(types().ZeroDivisionError, "0.0 cannot be raised to a negative power");
        case num::FloatPowStatus::Overflow: in.raise(types().OverflowError, "(34, 'Numerical result out of range')");
        case num::FloatPowStatus::Complex:
            in.raise(types().NotImplementedError, "complex numbers are not supported by asyncscope");
        }
        return Value::real(r);
    }
    default: return Value();
    }
}

// Sequence repetition with the memory budget checked first.
int64_t repeatCount(Interp& in, const Value& n, size_t itemSize, size_t len) {
    if (n.isObj(Kind::Int)) {
        if (n.as<IntObject>()->v < 0) return 0;
        in.raise(types().OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    int64_t k = n.asInt();
    if (k <= 0) return 0;
    in.checkAllocation(double(k) * double(len) * double(itemSize));
    return k;
}

bool isSeqRepeatable(const Value& v) {
    return v.isObj(Kind::Str) || v.isObj(Kind::List) || v.isObj(Kind::Tuple) || v.isObj(Kind::Bytes);
}

// Native fast paths for builtin operands; null when they do not apply.
Value nativeBinary(Interp& in, BinOpKind op, const Value& a, const Value& b) {
    bool ai = isIntLike(a), bi = isIntLike(b);
    if (ai && bi) {
        if (a.isBool() && b.isBool()) {
            // bool's own &, | and ^ keep the result a bool.
            if (op == BinOpKind::BitAnd) return Value::boolean(a.asBool() && b.asBool());
            if (op == BinOpKind::BitOr) return Value::boolean(a.asBool() || b.asBool());
            if (op == BinOpKind::BitXor) return Value::boolean(a.asBool() != b.asBool());
        }
        return intOp(in, op, a, b);
    }
    if ((a.isFloat() || ai) && (b.isFloat() || bi)) {
        double x, y;
        toDouble(in, a, x);
        toDouble(in, b, y);
        return floatOp(in, op, x, y);
    }
    if (op == BinOpKind::Add) {
        if (a.isObj(Kind::Str) && b.isObj(Kind::Str)) {
            const std::string& x = asStr(a)->s;
            const std::string& y = asStr(b)->s;
            in.checkAllocation(double(x.size() + y.size()));
            std::string r;
            r.reserve(x.size() + y.size());
            r += x;
            r += y;
            return makeStr(std::move(r));
        }
        if (a.isObj(Kind::List) && b.isObj(Kind::List)) {
            auto& x = a.as<ListObject>()->items;
            auto& y = b.as<ListObject>()->items;
            std::vector<Value> r;
            r.reserve(x.size() + y.size());
            r.insert(r.end(), x.begin(), x.end());
            r.insert(r.end(), y.begin(), y.end());
            return makeList(std::move(r));
        }
        if (a.isObj(Kind::Tuple) && b.isObj(Kind::Tuple)) {
            auto& x = a.as<TupleObject>()->items;
            auto& y = b.as<TupleObject>()->items;
            std::vector<Value> r;
            r.reserve(x.size() + y.size());
            r.insert(r.end(), x.begin(), x.end());
            r.insert(r.end(), y.begin(), y.end());
            return makeTuple(std::move(r));
        }
    }
    if (op == BinOpKind::Mult) {
        const Value* seq = nullptr;
        const Value* n = nullptr;
        if (isSeqRepeatable(a) && isIntLike(b)) seq = &a, n = &b;
        else if (isSeqRepeatable(b) && isIntLike(a)) seq = &b, n = &a;
        if (seq) {
            if (seq->isObj(Kind::Str)) {
                const std::string& s = asStr(*seq)->s;
                int64_t k = repeatCount(in, *n, 1, s.size());
                std::string r;
                r.reserve(s.size() * size_t(k));
                for (int64_t i = 0; i < k; ++i) r += s;
                return makeStr(std::move(r));
            }
            const std::vector<Value>& items =
                seq->isObj(Kind::List) ? seq->as<ListObject>()->items : seq->as<TupleObject>()->items;
            int64_t k = repeatCount(in, *n, sizeof(Value), items.size());
            std::vector<Value> r;
            r.reserve(items.size() * size_t(k));
            for (int64_t i = 0; i < k; ++i) r.insert(r.end(), items.begin(), items.end());
            return seq->isObj(Kind::List) ? makeList(std::move(r)) : makeTuple(std::move(r));
        }
    }
    return Value();
}

[[noreturn]] void binaryTypeError(Interp& in, BinOpKind op, const Value& a, const Value& b, bool inplace) {
    const char* sym = opSymbol(op);
    if (op == BinOpKind::Add && !inplace) {
        if (a.isObj(Kind::Str))
            in.typeError("can only concatenate str (not \"" + Interp::typeName(b) + "\") to str");
        if (a.isObj(Kind::List))
            in.typeError("can only concatenate list (not \"" + Interp::typeName(b) + "\") to list");
        if (a.isObj(Kind::Tuple))
            in.typeError("can only concatenate tuple (not \"" + Interp::typeName(b) + "\") to tuple");
    }
    if (op == BinOpKind::Add && inplace && a.isObj(Kind::Str))
        in.typeError("can only concatenate str (not \"" + Interp::typeName(b) + "\") to str");
    if (op == BinOpKind::Mult && (isSeqRepeatable(a) || isSeqRepeatable(b)))
        in.typeError("can't multiply sequence by non-int of type '" +
                     Interp::typeName(isSeqRepeatable(a) ? b : a) + "'");
    std::string s = inplace ? (op == BinOpKind::Pow ? std::string("**=") : std::string(sym) + "=") : std::string(sym);
    in.typeError("unsupported operand type(s) for " + s + ": '" + Interp::typeName(a) + "' and '" +
                 Interp::typeName(b) + "'");
}

Value dunderBinary(Interp& in, BinOpKind op, const Value& a, const Value& b) {
    OpNames on = opNames(op);
    ClassObject* ta = Interp::typeOf(a);
    ClassObject* tb = Interp::typeOf(b);
    Value fa = ta->lookup(on.op);
    Value fb = ta == tb ? Value() : tb->lookup(on.rop);
    const Value& ni = types().notImplementedValue;
    if (!fb.isNull() && tb->isSubclassOf(ta) && !fb.is(ta->lookup(on.rop))) {
        Value r = in.call(fb, {b, a});
        if (!r.is(ni)) return r;
        fb = Value();
    }
    if (!fa.isNull()) {
        Value r = in.call(fa, {a, b});
        if (!r.is(ni)) return r;
    }
    if (!fb.isNull()) {
        Value r = in.call(fb, {b, a});
        if (!r.is(ni)) return r;
    }
    return Value();
}

}  // namespace

Value Interp::binaryOp(BinOpKind op, const Value& a, const Value& b) {
    Value r = nativeBinary(*this, op, a, b);
    if (!r.isNull()) return r;
    r = dunderBinary(*this, op, a, b);
    if (!r.isNull()) return r;
    binaryTypeError(*this, op, a, b, false);
}

Value Interp::inplaceOp(BinOpKind op, const Value& a, const Value& b) {
    if (a.isObj(Kind::List) && op == BinOpKind::Add) {
        auto& items = a.as<ListObject>()->items;
        if (b.isObj(Kind::List)) {
            auto& other = b.as<ListObject>()->items;
            if (&other == &items) {
                std::vector<Value> copy = other;
                items.insert(items.end(), copy.begin(), copy.end());
            } else {
                items.insert(items.end(), other.begin(), other.end());
            }
        } else {
            std::vector<Value> more = toVector(b);
            items.insert(items.end(), more.begin(), more.end());
        }
        return a;
    }
    if (a.isObj() && a.obj()->kind() != Kind::Str && a.obj()->kind() != Kind::Tuple) {
        Value f = typeOf(a)->lookup(opNames(op).iop);
        if (!f.isNull()) {
            Value r = call(f, {a, b});
            if (!r.is(types().notImplementedValue)) return r;
        }
    }
    Value r = nativeBinary(*this, op, a, b);
    if (!r.isNull()) return r;
    r = dunderBinary(*this, op, a, b);
    if (!r.isNull()) return r;
    binaryTypeError(*this, op, a, b, true);
}

Value Interp::unaryOp(UnaryOpKind op, const Value& a) {
    switch (op) {
    case UnaryOpKind::Not: return Value::boolean(!truthy(a));
    case UnaryOpKind::USub:
        if (a.isSmallInt() || a.isBool()) {
            if (a.asInt() == std::numeric_limits<int64_t>::min()) return makeInt(-bigOf(a));
            return Value::integer(-a.asInt());
        }
        if (a.isFloat()) return Value::real(-a.asFloat());
        if (a.isObj(Kind::Int)) return makeInt(-a.as<IntObject>()->v);
        break;
    case UnaryOpKind::UAdd:
        if (a.isSmallInt() || a.isBool()) return Value::integer(a.asInt());
        if (a.isFloat() || a.isObj(Kind::Int)) return a;
        break;
    case UnaryOpKind::Invert:
        if (a.isSmallInt() || a.isBool()) return Value::integer(~a.asInt());
        if (a.isObj(Kind::Int)) return makeInt(-a.as<IntObject>()->v - 1);
        break;
    }
    StrObject* name = op == UnaryOpKind::USub ? names().__neg__ : op == UnaryOpKind::UAdd ? names().__pos__ : names().__invert__;
    Value f = typeOf(a)->lookup(name);
    if (!f.isNull()) return call(f, {a});
    const char* sym = op == UnaryOpKind::USub ? "-" : op == UnaryOpKind::UAdd ? "+" : "~";
    typeError(std::string("bad operand type for unary ") + sym + ": '" + typeName(a) + "'");
}

// ---------------------------------------------------------------- comparison

namespace {

// -1, 0, 1 for numbers; false when either operand is not a number.
bool numericCompare(Interp& in, const Value& a, const Value& b, int& out) {
    bool ai = isIntLike(a), bi = isIntLike(b);
    if (ai && bi) {
        if (!a.isObj() && !b.isObj()) {
            out = a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0;
            return true;
        }
        num::BigInt x = bigOf(a), y = bigOf(b);
        out = x < y ? -1 : x > y ? 1 : 0;
        return true;
    }
    if ((a.isFloat() || ai) && (b.isFloat() || bi)) {
        if (a.isFloat() && b.isFloat()) {
            double x = a.asFloat(), y = b.asFloat();
            if (std::isnan(x) || std::isnan(y)) {
                out = 2;  // unordered
                return true;
            }
            out = x < y ? -1 : x > y ? 1 : 0;
            return true;
        }
        // int vs float: exact comparison
        double f = a.isFloat() ? a.asFloat() : b.asFloat();
        const Value& iv = a.isFloat() ? b : a;
        int sign = a.isFloat() ? -1 : 1;  // we compute cmp(int, float) then flip when a is the float
        int c;
        if (std::isnan(f)) {
            out = 2;
            return true;
        }
        if (std::isinf(f)) c = f > 0 ? -1 : 1;
        else {
            double fl = std::floor(f);
            num::BigInt fi = num::doubleToBigInt(fl);
            num::BigInt x = bigOf(iv);
            if (x < fi) c = -1;
            else if (x > fi) c = 1;
            else c = fl == f ? 0 : -1;
        }
        out = c * sign;
        return true;
    }
    return false;
}

bool richCompareResult(CmpOpKind op, int c) {
    if (c == 2) return op == CmpOpKind::NotEq;
    switch (op) {
    case CmpOpKind::Eq: return c == 0;
    case CmpOpKind::NotEq: return c != 0;
    case CmpOpKind::Lt: return c < 0;
    case CmpOpKind::LtE: return c <= 0;
    case CmpOpKind::Gt: return c > 0;
    case CmpOpKind::GtE: return c >= 0;
    default: return false;
    }
}

const char* cmpSymbol(CmpOpKind op) {
    switch (op) {
    case CmpOpKind::Lt: return "<";
    case CmpOpKind::LtE: return "<=";
    case CmpOpKind::Gt: return ">";
    case CmpOpKind::GtE: return ">=";
    case CmpOpKind::Eq: return "==";
    case CmpOpKind::NotEq: return "!=";
    default: return "?";
    }
}

StrObject* cmpName(CmpOpKind op) {
    const Names& n = names();
    switch (op) {
    case CmpOpKind::Lt: return n.__lt__;
    case CmpOpKind::LtE: return n.__le__;
    case CmpOpKind::Gt: return n.__gt__;
    case CmpOpKind::GtE: return n.__ge__;
    case CmpOpKind::Eq: return n.__eq__;
    default: return n.__ne__;
    }
}

CmpOpKind swapped(CmpOpKind op) {
    switch (op) {
    case CmpOpKind::Lt: return CmpOpKind::Gt;
    case CmpOpKind::LtE: return CmpOpKind::GtE;
    case CmpOpKind::Gt: return CmpOpKind::Lt;
    case CmpOpKind::GtE: return CmpOpKind::LtE;
    default: return op;
    }
}

// Compares sequences element by element.
Value compareSequences(Interp& in, CmpOpKind op, const std::vector<Value>& x, const std::vector<Value>& y) {
    size_t n = std::min(x.size(), y.size());
    for (size_t i = 0; i < n && i < x.size() && i < y.size(); ++i) {
        Value xi = x[i], yi = y[i];
        if (xi.is(yi)) continue;
        if (!in.eq(xi, yi)) {
            if (op == CmpOpKind::Eq) return Value::boolean(false);
            if (op == CmpOpKind::NotEq) return Value::boolean(true);
            return in.compare(op, xi, yi);
        }
    }
    size_t lx = x.size(), ly = y.size();
    int c = lx < ly ? -1 : lx > ly ? 1 : 0;
    return Value::boolean(richCompareResult(op, c));
}

Value nativeCompare(Interp& in, CmpOpKind op, const Value& a, const Value& b) {
    int c;
    if (numericCompare(in, a, b, c)) return Value::boolean(richCompareResult(op, c));
    if (a.isObj() && b.isObj()) {
        Kind ka = a.obj()->kind(), kb = b.obj()->kind();
        if (ka == Kind::Str && kb == Kind::Str) {
            int r = asStr(a)->s.compare(asStr(b)->s);
            return Value::boolean(richCompareResult(op, r < 0 ? -1 : r > 0 ? 1 : 0));
        }
        if (ka == kb && (ka == Kind::List || ka == Kind::Tuple) && a.obj()->type()->isBuiltin && b.obj()->type()->isBuiltin) {
            in.checkStack();
            const auto& x = ka == Kind::List ? a.as<ListObject>()->items : a.as<TupleObject>()->items;
            const auto& y = ka == Kind::List ? b.as<ListObject>()->items : b.as<TupleObject>()->items;
            if ((op == CmpOpKind::Eq || op == CmpOpKind::NotEq) && x.size() != y.size())
                return Value::boolean(op == CmpOpKind::NotEq);
            return compareSequences(in, op, x, y);
        }
        if (ka == kb && (ka == Kind::BoundMethod || ka == Kind::Builtin) &&
            (op == CmpOpKind::Eq || op == CmpOpKind::NotEq)) {
            // Methods are equal when they bind the same function to the same object.
            bool same;
            if (ka == Kind::BoundMethod) {
                auto* x = a.as<BoundMethodObject>();
                auto* y = b.as<BoundMethodObject>();
                same = x->self.is(y->self) && in.eq(x->func, y->func);
            } else {
                auto* x = a.as<BuiltinObject>();
                auto* y = b.as<BuiltinObject>();
                same = a.is(b) || (!x->self.isNull() && x->fn == y->fn && x->self.is(y->self));
            }
            return Value::boolean(op == CmpOpKind::Eq ? same : !same);
        }
        if (ka == Kind::Dict && kb == Kind::Dict && (op == CmpOpKind::Eq || op == CmpOpKind::NotEq)) {
            auto* x = a.as<DictObject>();
            auto* y = b.as<DictObject>();
            bool same = x->size() == y->size();
            if (same) {
                in.checkStack();
                for (size_t i = 0; i < x->entries.size() && same; ++i) {
                    auto& e = x->entries[i];
                    if (e.key.isNull()) continue;
                    Value k = e.key, v = e.value;
                    Value w = y->get(in, k);
                    if (w.isNull() || !in.eq(v, w)) same = false;
                }
            }
            return Value::boolean(op == CmpOpKind::Eq ? same : !same);
        }
    }
    return Value();
}

}  // namespace

Value Interp::compare(CmpOpKind op, const Value& a, const Value& b) {
    switch (op) {
    case CmpOpKind::Is: return Value::boolean(a.is(b));
    case CmpOpKind::IsNot: return Value::boolean(!a.is(b));
    case CmpOpKind::In: return Value::boolean(contains(b, a));
    case CmpOpKind::NotIn: return Value::boolean(!contains(b, a));
    default: break;
    }
    Value r = nativeCompare(*this, op, a, b);
    if (!r.isNull()) return r;
    NativeDepth nd(*this, " in comparison");
    ClassObject* ta = typeOf(a);
    ClassObject* tb = typeOf(b);
    const Value& ni = types().notImplementedValue;
    bool reflectedFirst = ta != tb && tb->isSubclassOf(ta);
    StrObject* name = cmpName(op);
    StrObject* rname = cmpName(swapped(op));
    if (reflectedFirst) {
        Value f = tb->lookup(rname);
        if (!f.isNull()) {
            Value res = call(f, {b, a});
            if (!res.is(ni)) return res;
        }
    }
    Value f = ta->lookup(name);
    if (!f.isNull()) {
        Value res = call(f, {a, b});
        if (!res.is(ni)) return res;
    }
    if (!reflectedFirst) {
        Value g = tb->lookup(rname);
        if (!g.isNull()) {
            Value res = call(g, {b, a});
            if (!res.is(ni)) return res;
        }
    }
    if (op == CmpOpKind::Eq) return Value::boolean(a.is(b));
    if (op == CmpOpKind::NotEq) return Value::boolean(!a.is(b));
    typeError(std::string("'") + cmpSymbol(op) + "' not supported between instances of '" + typeName(a) + "' and '" +
              typeName(b) + "'");
}

bool Interp::eq(const Value& a, const Value& b) {
    if (a.is(b)) return !(a.isFloat() && std::isnan(a.asFloat()));
    if (a.isSmallInt() && b.isSmallInt()) return a.asInt() == b.asInt();
    if (a.isObj(Kind::Str) && b.isObj(Kind::Str)) return asStr(a)->s == asStr(b)->s;
    return truthy(compare(CmpOpKind::Eq, a, b));
}

bool Interp::lessThan(const Value& a, const Value& b) {
    if (a.isSmallInt() && b.isSmallInt()) return a.asInt() < b.asInt();
    if (a.isObj(Kind::Str) && b.isObj(Kind::Str)) return asStr(a)->s < asStr(b)->s;
    return truthy(compare(CmpOpKind::Lt, a, b));
}

bool Interp::truthy(const Value& v) {
    switch (v.tag()) {
    case Value::Tag::Null:
    case Value::Tag::None: return false;
    case Value::Tag::Bool:
    case Value::Tag::Int: return v.asInt() != 0;
    case Value::Tag::Float: return v.asFloat() != 0.0;
    case Value::Tag::Obj: break;
    }
    Object* o = v.obj();
    switch (o->kind()) {
    case Kind::Str: return !static_cast<StrObject*>(o)->s.empty();
    case Kind::Int: return true;
    case Kind::List:
        if (o->type()->isBuiltin) return !static_cast<ListObject*>(o)->items.empty();
        break;
    case Kind::Tuple:
        if (o->type()->isBuiltin) return !static_cast<TupleObject*>(o)->items.empty();
        break;
    case Kind::Dict:
        if (o->type()->isBuiltin) return static_cast<DictObject*>(o)->size() > 0;
        break;
    case Kind::Set:
    case Kind::FrozenSet: return static_cast<SetObject*>(o)->size() > 0;
    case Kind::Range: return static_cast<RangeObject*>(o)->length() > 0;
    case Kind::Bytes: return !static_cast<BytesObject*>(o)->b.empty();
    case Kind::Function:
    case Kind::Class:
    case Kind::Module:
    case Kind::Builtin:
    case Kind::BoundMethod: return true;
    default: break;
    }
    ClassObject* t = o->type();
    Value f = t->lookup(names().__bool__);
    if (!f.isNull()) {
        Value r = call(f, {v});
        if (!r.isBool()) typeError("__bool__ should return bool, returned " + typeName(r));
        return r.asBool();
    }
    f = t->lookup(names().__len__);
    if (!f.isNull()) return len(v) != 0;
    return true;
}

namespace {
// CPython's _Py_HashPointer, of the object's id (see Object::idOf).
int64_t pointerHash(const Object* o) {
    uint64_t p = uint64_t(Object::idOf(o));
    return int64_t((p >> 4) | (p << 60)) & 0x7fffffffffffffff;
}
int64_t nameHash(const char* name) {
    return int64_t(std::hash<std::string_view>()(name)) & 0x7fffffffffffffff;
}
}  // namespace

int64_t Interp::hash(const Value& v) {
    switch (v.tag()) {
    case Value::Tag::Null:
    case Value::Tag::None: return 0x4f3e2d1c;
    case Value::Tag::Bool:
    case Value::Tag::Int: return hashSmallInt(v.asInt());
    case Value::Tag::Float: return num::hashDouble(v.asFloat());
    case Value::Tag::Obj: break;
    }
    Object* o = v.obj();
    switch (o->kind()) {
    case Kind::Str: return static_cast<StrObject*>(o)->hash();
    case Kind::Int: return num::hashInt(static_cast<IntObject*>(o)->v);
    case Kind::Bytes: return num::hashBytes(static_cast<BytesObject*>(o)->b);
    case Kind::Tuple:
        if (o->type()->isBuiltin) {
            auto* t = static_cast<TupleObject*>(o);
            if (t->hashCache != -1) return t->hashCache;
            checkStack();
            std::vector<int64_t> hashes;
            hashes.reserve(t->items.size());
            for (const Value& item : t->items) hashes.push_back(hash(item));
            int64_t h = num::hashTuple(hashes);
            t->hashCache = h;
            return h;
        }
        break;
    case Kind::Class:
    case Kind::Function:
    case Kind::Module: return pointerHash(o);
    case Kind::Builtin: {
        auto* b = static_cast<BuiltinObject*>(o);
        if (b->self.isNull()) return pointerHash(o);
        return (b->self.isObj() ? pointerHash(b->self.obj()) : hash(b->self)) ^ nameHash(b->name);
    }
    case Kind::BoundMethod: {
        // As CPython's method_hash: the object's identity and the function's hash.
        auto* m = static_cast<BoundMethodObject*>(o);
        int64_t h = (m->self.isObj() ? pointerHash(m->self.obj()) : hash(m->self)) ^ hash(m->func);
        return h == -1 ? -2 : h;
    }
    default: break;
    }
    ClassObject* t = o->type();
    Value f = t->lookup(names().__hash__);
    if (f.isNull() || f.isNone()) typeError("unhashable type: '" + t->name + "'");
    Value r = call(f, {v});
    if (r.isSmallInt() || r.isBool()) {
        int64_t h = r.asInt();
        return h == -1 ? -2 : h;
    }
    if (r.isObj(Kind::Int)) return num::hashInt(r.as<IntObject>()->v);
    typeError("__hash__ method should return an integer");
}

// ---------------------------------------------------------------------- text

namespace {
std::vector<const Object*> g_reprActive;

struct ReprGuard {
    const Object* o;
    bool active = false;
    explicit ReprGuard(const Object* obj) : o(obj) {
        for (const Object* p : g_reprActive)
            if (p == o) active = true;
        if (!active) g_reprActive.push_back(o);
    }
    ~ReprGuard() {
        if (!active) g_reprActive.pop_back();
    }
};

std::string addressOf(const Object* p) { return addressText(p); }
}  // namespace

std::string reprSequence(Interp& in, const std::vector<Value>& items, const char* open, const char* close,
                         const Object* owner) {
    ReprGuard g(owner);
    if (owner && g.active) return std::string(open) + "..." + close;
    in.checkStack();
    std::string r = open;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i) r += ", ";
        Value item = items[i];
        r += in.repr(item);
    }
    if (std::string_view(open) == "(" && items.size() == 1) r += ",";
    r += close;
    return r;
}

std::string Interp::repr(const Value& v) {
    switch (v.tag()) {
    case Value::Tag::Null: return "<NULL>";
    case Value::Tag::None: return "None";
    case Value::Tag::Bool: return v.asBool() ? "True" : "False";
    case Value::Tag::Int: return std::to_string(v.asInt());
    case Value::Tag::Float: return num::floatRepr(v.asFloat());
    case Value::Tag::Obj: break;
    }
    Object* o = v.obj();
    ClassObject* t = o->type();
    NativeDepth nd(*this, " while getting the repr of an object");
    if (t->isBuiltin) {
        switch (o->kind()) {
        case Kind::Str: return num::strRepr(static_cast<StrObject*>(o)->s);
        case Kind::Bytes: return num::bytesRepr(static_cast<BytesObject*>(o)->b);
        case Kind::Int: {
            std::string s;
            num::Error err;
            if (!num::intToDecimalString(static_cast<IntObject*>(o)->v, s, err)) valueError(err.message);
            return s;
        }
        case Kind::List: return reprSequence(*this, static_cast<ListObject*>(o)->items, "[", "]", o);
        case Kind::Tuple: return reprSequence(*this, static_cast<TupleObject*>(o)->items, "(", ")", o);
        case Kind::Dict: {
            auto* d = static_cast<DictObject*>(o);
            ReprGuard g(o);
            if (g.active) return "{...}";
            checkStack();
            std::string r = "{";
            bool first = true;
            for (size_t i = 0; i < d->entries.size(); ++i) {
                if (d->entries[i].key.isNull()) continue;
                Value k = d->entries[i].key, val = d->entries[i].value;
                if (!first) r += ", ";
                first = false;
                r += repr(k);
                r += ": ";
                r += repr(val);
            }
            return r + "}";
        }
        case Kind::Set:
        case Kind::FrozenSet: {
            auto* s = static_cast<SetObject*>(o);
            bool frozen = o->kind() == Kind::FrozenSet;
            if (s->size() == 0) return frozen ? "frozenset()" : "set()";
            ReprGuard g(o);
            if (g.active) return std::string(frozen ? "frozenset(...)" : "set(...)");
            std::vector<Value> items;
            s->forEach([&](const Value& k) { items.push_back(k); });
            std::string inner = reprSequence(*this, items, "{", "}", nullptr);
            return frozen ? "frozenset(" + inner + ")" : inner;
        }
        case Kind::Function: {
            auto* f = static_cast<FunctionObject*>(o);
            return "<function " + f->qualname->s + " at " + addressOf(o) + ">";
        }
        case Kind::BoundMethod: {
            auto* m = static_cast<BoundMethodObject*>(o);
            Value qn = getAttrOrNull(m->func, names().__qualname__);
            return "<bound method " + (isStr(qn) ? asStr(qn)->s : std::string("?")) + " of " + repr(m->self) + ">";
        }
        case Kind::Builtin: {
            auto* b = static_cast<BuiltinObject*>(o);
            if (b->self.isNull() && !b->owner) return std::string("<built-in function ") + b->name + ">";
            if (b->self.isNull())
                return std::string("<method '") + b->name + "' of '" + b->owner->name + "' objects>";
            if (b->self.isObj(Kind::Module))
                return std::string("<built-in function ") + b->name + ">";
            return std::string("<built-in method ") + b->name + " of " + typeName(b->self) + " object at " +
                   addressOf(b->self.isObj() ? b->self.obj() : nullptr) + ">";
        }
        case Kind::Class: {
            auto* c = static_cast<ClassObject*>(o);
            std::string mod = c->module;
            Value m = c->dict->getStr(names().__module__);
            if (isStr(m)) mod = asStr(m)->s;
            Value qn = c->dict->getStr(names().__qualname__);
            std::string q = isStr(qn) ? asStr(qn)->s : c->name;
            if (mod == "builtins") return "<class '" + q + "'>";
            return "<class '" + mod + "." + q + "'>";
        }
        case Kind::Module: return "<module '" + static_cast<ModuleObject*>(o)->name + "' (built-in)>";
        case Kind::Singleton: return static_cast<SingletonObject*>(o)->repr;
        case Kind::Cell: return "<cell at " + addressOf(o) + ">";
        case Kind::Super: {
            auto* su = static_cast<SuperObject*>(o);
            std::string start = su->startAfter ? su->startAfter->name : "NULL";
            if (!su->objType) return "<super: <class '" + start + "'>, NULL>";
            return "<super: <class '" + start + "'>, <" + su->objType->name + " object>>";
        }
        default: break;
        }
    }
    Value f = t->lookup(names().__repr__);
    if (!f.isNull()) {
        Value r = call(f, {v});
        if (!isStr(r)) typeError("__repr__ returned non-string (type " + typeName(r) + ")");
        return asStr(r)->s;
    }
    return defaultRepr(v);
}

std::string Interp::defaultRepr(const Value& v) {
    ClassObject* t = typeOf(v);
    std::string mod = t->module;
    Value m = t->dict->getStr(names().__module__);
    if (isStr(m)) mod = asStr(m)->s;
    std::string name = t->name;
    if (mod != "builtins") {
        Value qn = t->dict->getStr(names().__qualname__);
        name = mod + "." + (isStr(qn) ? asStr(qn)->s : t->name);
    }
    return "<" + name + " object at " + addressOf(v.isObj() ? v.obj() : nullptr) + ">";
}

Value Interp::strValue(const Value& v) {
    if (v.isObj(Kind::Str) && v.obj()->type() == types().str) return v;
    ClassObject* t = typeOf(v);
    if (v.isObj() && !(t->isBuiltin && (v.obj()->kind() == Kind::Int || v.obj()->kind() == Kind::List ||
                                        v.obj()->kind() == Kind::Tuple || v.obj()->kind() == Kind::Dict))) {
        // PyObject_Str counts against the recursion limit, also when the
        // type's __str__ is object's (which then takes the repr).
        NativeDepth nd(*this, " while getting the str of an object");
        Value f = t->lookup(names().__str__);
        if (!f.isNull() && !(f.isObj(Kind::Builtin) && f.as<BuiltinObject>()->owner == types().object)) {
            Value r = call(f, {v});
            if (!isStr(r)) typeError("__str__ returned non-string (type " + typeName(r) + ")");
            return r;
        }
        return makeStr(repr(v));
    }
    return makeStr(repr(v));
}

std::string Interp::str(const Value& v) {
    if (v.isObj(Kind::Str)) return asStr(v)->s;
    return asStr(strValue(v))->s;
}

[[noreturn]] void raiseNumError(Interp& in, const num::Error& err) {
    const Types& t = types();
    ClassObject* c = t.ValueError;
    switch (err.type) {
    case num::ExcType::OverflowError: c = t.OverflowError; break;
    case num::ExcType::ZeroDivisionError: c = t.ZeroDivisionError; break;
    case num::ExcType::TypeError: c = t.TypeError; break;
    case num::ExcType::MemoryError: c = t.MemoryError; break;
    default: break;
    }
    in.raise(c, err.message);
}

std::string Interp::format(const Value& v, std::string_view spec) {
    ClassObject* t = typeOf(v);
    const Types& ty = types();
    if (t == ty.str || t == ty.int_ || t == ty.float_ || (t == ty.boolean && !spec.empty())) {
        if (spec.empty()) return str(v);
        std::string out;
        num::Error err;
        bool ok;
        if (t == ty.str) ok = num::formatStr(asStr(v)->s, spec, out, err);
        else if (v.isFloat()) ok = num::formatFloat(v.asFloat(), spec, out, err);
        else if (v.isObj(Kind::Int)) ok = num::formatInt(v.as<IntObject>()->v, spec, out, err, t->name);
        else ok = num::formatInt(v.asInt(), spec, out, err, t->name);
        if (!ok) raiseNumError(*this, err);
        return out;
    }
    Value f = t->lookup(names().__format__);
    Value r = call(f, {v, makeStr(std::string(spec))});
    if (!isStr(r)) typeError("__format__ must return a str, not " + typeName(r));
    return asStr(r)->s;
}

// ---------------------------------------------------------------- iteration

namespace {

// Iterator over an object with only __getitem__ (the old sequence protocol).
class GetItemIterator : public IteratorObject {
public:
    explicit GetItemIterator(Value seq) : IteratorObject(types().seqIterator), m_seq(std::move(seq)) {}
    Value next(Interp& in) override {
        if (m_seq.isNull()) return Value();
        try {
            Value r = in.getItem(m_seq, Value::integer(m_index));
            ++m_index;
            return r;
        } catch (PyException& e) {
            if (in.isInstance(e.exc, types().IndexError) || in.isInstance(e.exc, types().StopIteration)) {
                m_seq = Value();
                return Value();
            }
            throw;
        }
    }

private:
    Value m_seq;
    int64_t m_index = 0;
};

}  // namespace

Value Interp::iter(const Value& v) {
    if (v.isObj()) {
        Object* o = v.obj();
        ClassObject* t = o->type();
        if (t->isBuiltin) {
            switch (o->kind()) {
            case Kind::List:
            case Kind::Tuple:
            case Kind::Str:
            case Kind::Range:
            case Kind::Bytes: return makeSeqIterator(v);
            case Kind::Dict: return makeDictIterator(Ref<DictObject>(v.as<DictObject>()), DictViewObject::Which::Keys);
            case Kind::DictView: {
                auto* dv = v.as<DictViewObject>();
                return makeDictIterator(dv->dict, dv->which);
            }
            case Kind::Set:
            case Kind::FrozenSet: return makeSetIterator(Ref<SetObject>(v.as<SetObject>()));
            case Kind::Iterator: return v;
            case Kind::Generator:
                if (t == types().generator) return v;
                break;
            default: break;
            }
        }
        Value f = t->lookup(names().__iter__);
        if (!f.isNull() && !f.isNone()) {
            Value it = call(f, {v});
            ClassObject* it_t = typeOf(it);
            if (it_t->lookup(names().__next__).isNull() && !(it.isObj(Kind::Iterator)) &&
                !(it.isObj(Kind::Generator) && it_t == types().generator))
                typeError("iter() returned non-iterator of type '" + it_t->name + "'");
            return it;
        }
        if (f.isNull() && !t->lookup(names().__getitem__).isNull() && o->kind() != Kind::Dict)
            return Value(new GetItemIterator(v));
    }
    typeError("'" + typeName(v) + "' object is not iterable");
}

Value Interp::next(const Value& it) {
    if (it.isObj(Kind::Iterator)) return it.as<IteratorObject>()->next(*this);
    if (it.isObj(Kind::Generator) && it.obj()->type() == types().generator) {
        Value out;
        auto* g = it.as<GeneratorObject>();
        switch (g->resume(*this, Value::none(), Value(), out)) {
        case GeneratorObject::Outcome::Yielded: return out;
        case GeneratorObject::Outcome::Returned: return Value();
        case GeneratorObject::Outcome::Raised: throw PyException{out};
        }
    }
    Value f = typeOf(it)->lookup(names().__next__);
    if (f.isNull()) typeError("'" + typeName(it) + "' object is not an iterator");
    try {
        return call(f, {it});
    } catch (PyException& e) {
        if (isInstance(e.exc, types().StopIteration)) return Value();
        throw;
    }
}

std::vector<Value> Interp::toVector(const Value& iterable) {
    if (iterable.isObj(Kind::List) && iterable.obj()->type()->isBuiltin) return iterable.as<ListObject>()->items;
    if (iterable.isObj(Kind::Tuple) && iterable.obj()->type()->isBuiltin) return iterable.as<TupleObject>()->items;
    std::vector<Value> out;
    Value it = iter(iterable);
    for (;;) {
        Value v = next(it);
        if (v.isNull()) break;
        out.push_back(std::move(v));
        if ((out.size() & 0xfff) == 0) step();
    }
    return out;
}

// -------------------------------------------------------------- subscripting

namespace {

int64_t normalizeIndex(Interp& in, const Value& key, int64_t len, const char* what) {
    int64_t i;
    if (key.isSmallInt() || key.isBool()) i = key.asInt();
    else if (key.isObj(Kind::Int)) {
        in.raise(types().IndexError, std::string("cannot fit 'int' into an index-sized integer"));
    } else {
        i = in.toIndex(key);
    }
    if (i < 0) i += len;
    if (i < 0 || i >= len) in.raise(types().IndexError, std::string(what) + " index out of range");
    return i;
}

}  // namespace

Value Interp::getItem(const Value& obj, const Value& key) {
    if (obj.isObj()) {
        Object* o = obj.obj();
        bool builtin = o->type()->isBuiltin;
        bool intKey = key.isSmallInt() || key.isBool();
        switch (o->kind()) {
        case Kind::List:
            if (builtin && intKey) {
                auto& items = static_cast<ListObject*>(o)->items;
                return items[size_t(normalizeIndex(*this, key, int64_t(items.size()), "list"))];
            }
            break;
        case Kind::Tuple:
            if (builtin && intKey) {
                auto& items = static_cast<TupleObject*>(o)->items;
                return items[size_t(normalizeIndex(*this, key, int64_t(items.size()), "tuple"))];
            }
            break;
        case Kind::Dict:
            if (builtin) {
                Value v = static_cast<DictObject*>(o)->get(*this, key);
                if (!v.isNull()) return v;
                raiseValue(newException(types().KeyError, std::vector<Value>{key}));
            } else {
                Value f = o->type()->lookup(names().__getitem__);
                if (f.isObj(Kind::Builtin)) {
                    Value v = static_cast<DictObject*>(o)->get(*this, key);
                    if (!v.isNull()) return v;
                    Value missing = o->type()->lookup(names().__missing__);
                    if (!missing.isNull()) return call(missing, {obj, key});
                    raiseValue(newException(types().KeyError, std::vector<Value>{key}));
                }
            }
            break;
        case Kind::Str:
            if (builtin && intKey) {
                auto* s = static_cast<StrObject*>(o);
                int64_t i = normalizeIndex(*this, key, s->length(), "string");
                if (s->isAscii()) return makeStr(std::string(1, s->s[size_t(i)]));
                size_t pos = 0;
                int64_t cp = 0;
                while (cp < i) {
                    ++pos;
                    while (pos < s->s.size() && (static_cast<unsigned char>(s->s[pos]) & 0xC0) == 0x80) ++pos;
                    ++cp;
                }
                size_t end = pos + 1;
                while (end < s->s.size() && (static_cast<unsigned char>(s->s[end]) & 0xC0) == 0x80) ++end;
                return makeStr(s->s.substr(pos, end - pos));
            }
            break;
        case Kind::Class: {
            Value f = static_cast<ClassObject*>(o)->lookup(names().__class_getitem__);
            if (!f.isNull()) return call(bindDescriptor(*this, f, obj, static_cast<ClassObject*>(o)), {key});
            if (o == types().type || static_cast<ClassObject*>(o)->isBuiltin) return obj;
            typeError("type '" + static_cast<ClassObject*>(o)->name + "' is not subscriptable");
        }
        default: break;
        }
        Value f = o->type()->lookup(names().__getitem__);
        if (!f.isNull()) return call(f, {obj, key});
    }
    typeError("'" + typeName(obj) + "' object is not subscriptable");
}

void Interp::setItem(const Value& obj, const Value& key, const Value& v) {
    if (obj.isObj()) {
        Object* o = obj.obj();
        bool builtin = o->type()->isBuiltin;
        if (o->kind() == Kind::List && builtin && (key.isSmallInt() || key.isBool())) {
            auto& items = static_cast<ListObject*>(o)->items;
            int64_t i = key.asInt();
            if (i < 0) i += int64_t(items.size());
            if (i < 0 || i >= int64_t(items.size())) raise(types().IndexError, "list assignment index out of range");
            items[size_t(i)] = v;
            return;
        }
        if (o->kind() == Kind::Dict && builtin) {
            static_cast<DictObject*>(o)->set(*this, key, v);
            return;
        }
        Value f = o->type()->lookup(names().__setitem__);
        if (!f.isNull()) {
            call(f, {obj, key, v});
            return;
        }
    }
    typeError("'" + typeName(obj) + "' object does not support item assignment");
}

void Interp::delItem(const Value& obj, const Value& key) {
    if (obj.isObj()) {
        Object* o = obj.obj();
        if (o->kind() == Kind::Dict && o->type()->isBuiltin) {
            if (static_cast<DictObject*>(o)->pop(*this, key).isNull())
                raiseValue(newException(types().KeyError, std::vector<Value>{key}));
            return;
        }
        Value f = o->type()->lookup(names().__delitem__);
        if (!f.isNull()) {
            call(f, {obj, key});
            return;
        }
    }
    typeError("'" + typeName(obj) + "' object doesn't support item deletion");
}

bool Interp::contains(const Value& container, const Value& item) {
    if (container.isObj()) {
        Object* o = container.obj();
        bool builtin = o->type()->isBuiltin;
        switch (o->kind()) {
        case Kind::Str:
            if (builtin) {
                if (!isStr(item))
                    typeError("'in <string>' requires string as left operand, not " + typeName(item));
                return asStr(container)->s.find(asStr(item)->s) != std::string::npos;
            }
            break;
        case Kind::List:
        case Kind::Tuple:
            if (builtin) {
                const auto& items = o->kind() == Kind::List ? static_cast<ListObject*>(o)->items
                                                            : static_cast<TupleObject*>(o)->items;
                for (size_t i = 0; i < items.size(); ++i) {
                    Value x = items[i];
                    if (x.is(item) || eq(x, item)) return true;
                }
                return false;
            }
            break;
        case Kind::Dict:
            if (builtin) return static_cast<DictObject*>(o)->contains(*this, item);
            break;
        case Kind::Set:
        case Kind::FrozenSet:
            if (builtin) {
                if (item.isObj(Kind::Set)) {
                    // a set is looked up as the equal frozenset
                    auto* fs = new SetObject(types().frozenset, Kind::FrozenSet);
                    Value keep(fs);
                    item.as<SetObject>()->forEach([&](const Value& k) { fs->add(*this, k); });
                    return static_cast<SetObject*>(o)->contains(*this, keep);
                }
                return static_cast<SetObject*>(o)->contains(*this, item);
            }
            break;
        case Kind::Range: {
            auto* r = static_cast<RangeObject*>(o);
            if (item.isSmallInt() || item.isBool()) {
                int64_t x = item.asInt();
                if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
                return (x - r->start) % r->step == 0;
            }
            break;
        }
        default: break;
        }
        Value f = o->type()->lookup(names().__contains__);
        if (!f.isNull()) return truthy(call(f, {container, item}));
        if (!o->type()->lookup(names().__iter__).isNull() || !o->type()->lookup(names().__getitem__).isNull() ||
            o->kind() == Kind::Iterator || o->kind() == Kind::Generator || o->kind() == Kind::Range ||
            o->kind() == Kind::DictView) {
            Value it = iter(container);
            for (;;) {
                Value x = next(it);
                if (x.isNull()) return false;
                if (x.is(item) || eq(x, item)) return true;
            }
        }
    }
    typeError("argument of type '" + typeName(container) + "' is not iterable");
}

int64_t Interp::len(const Value& v) {
    if (v.isObj()) {
        Object* o = v.obj();
        if (o->type()->isBuiltin) {
            switch (o->kind()) {
            case Kind::Str: return static_cast<StrObject*>(o)->length();
            case Kind::List: return int64_t(static_cast<ListObject*>(o)->items.size());
            case Kind::Tuple: return int64_t(static_cast<TupleObject*>(o)->items.size());
            case Kind::Dict: return static_cast<DictObject*>(o)->size();
            case Kind::Set:
            case Kind::FrozenSet: return static_cast<SetObject*>(o)->size();
            case Kind::Range: return static_cast<RangeObject*>(o)->length();
            case Kind::Bytes: return int64_t(static_cast<BytesObject*>(o)->b.size());
            case Kind::DictView: return static_cast<DictViewObject*>(o)->dict->size();
            default: break;
            }
        }
        Value f = o->type()->lookup(names().__len__);
        if (!f.isNull()) {
            Value r = call(f, {v});
            if (!(r.isSmallInt() || r.isBool() || r.isObj(Kind::Int)))
                typeError("'" + typeName(r) + "' object cannot be interpreted as an integer");
            if (r.isObj(Kind::Int)) raise(types().OverflowError, "cannot fit 'int' into an index-sized integer");
            if (r.asInt() < 0) valueError("__len__() should return >= 0");
            return r.asInt();
        }
    }
    typeError("object of type '" + typeName(v) + "' has no len()");
}

int64_t Interp::toIndex(const Value& v) {
    if (v.isSmallInt() || v.isBool()) return v.asInt();
    if (v.isObj(Kind::Int)) raise(types().OverflowError, "Python int too large to convert to C ssize_t");
    Value f = typeOf(v)->lookup(names().__index__);
    if (!f.isNull() && v.isObj() && !typeOf(v)->isBuiltin) {
        Value r = call(f, {v});
        if (r.isSmallInt() || r.isBool()) return r.asInt();
        typeError("__index__ returned non-int (type " + typeName(r) + ")");
    }
    typeError("'" + typeName(v) + "' object cannot be interpreted as an integer");
}

bool Interp::toBigInt(const Value& v, num::BigInt& out) {
    if (v.isSmallInt() || v.isBool()) {
        out = v.asInt();
        return true;
    }
    if (v.isObj(Kind::Int)) {
        out = v.as<IntObject>()->v;
        return true;
    }
    return false;
}

// -------------------------------------------------------------------- errors

Value Interp::newException(ClassObject* type, std::vector<Value> args) {
    if (type->isBuiltin && type->instanceKind == Kind::Exception && type != types().BaseExceptionGroup &&
        type != types().ExceptionGroup) {
        auto* e = new ExceptionObject(type);
        Value keep(e);
        if (type->isSubclassOf(types().StopIteration) || type->isSubclassOf(types().SystemExit))
            e->value = args.empty() ? Value::none() : args[0];
        e->args = Ref<TupleObject>(new TupleObject(std::move(args)));
        return keep;
    }
    CallArgs a(args.data(), args.size());
    return call(Value(type), a);
}

Value Interp::newException(ClassObject* type, std::string message) {
    std::vector<Value> args;
    args.push_back(makeStr(std::move(message)));
    return newException(type, std::move(args));
}

void Interp::raise(ClassObject* type, std::string message) {
    Value e = message.empty() && type == types().MemoryError ? newException(type, std::vector<Value>{})
                                                               : newException(type, std::move(message));
    raiseValue(e);
}

void Interp::raiseValue(Value exc) {
    attachContext(exc);
    throw PyException{std::move(exc)};
}

void Interp::attachContext(const Value& exc) {
    Value cur = m_handled->current();
    if (cur.isNull() || cur.is(exc) || !exc.isObj(Kind::Exception)) return;
    // Break a cycle the new context would create (CPython does the same).
    Value o = cur;
    while (o.isObj(Kind::Exception)) {
        auto* oe = o.as<ExceptionObject>();
        if (oe->context.is(exc)) {
            oe->context = Value();
            break;
        }
        o = oe->context;
    }
    exc.as<ExceptionObject>()->context = cur;
}

void Interp::addTraceback(const Value& exc, const Frame& frame, const lang::Node* node) {
    if (!exc.isObj(Kind::Exception) || !frame.code) return;
    auto* e = exc.as<ExceptionObject>();
    if (!e->traceback) e->traceback = std::make_shared<std::vector<TracebackEntry>>();
    TracebackEntry te;
    te.code = frame.code;
    te.frameSerial = frame.serial;
    if (node) {
        te.pos = node->pos;
        if (auto* ex = dynamic_cast<const lang::Expr*>(node)) {
            // CPython 3.11 (update_start_location_to_match_attr): an attribute
            // access, or a method call, whose object ends on an earlier line
            // than the attribute name is placed at the attribute name.
            const lang::Attribute* attr = nullptr;
            if (ex->kind == lang::ExprKind::Attribute) {
                attr = static_cast<const lang::Attribute*>(ex);
            } else if (ex->kind == lang::ExprKind::Call) {
                auto* c = static_cast<const lang::Call*>(ex);
                bool methodCall = c->func->kind == lang::ExprKind::Attribute;
                for (const lang::Expr* a : c->args)
                    if (a->kind == lang::ExprKind::Starred) methodCall = false;
                for (const lang::Keyword* k : c->keywords)
                    if (k->arg.empty()) methodCall = false;
                if (methodCall) attr = static_cast<const lang::Attribute*>(c->func);
            }
            if (attr && te.pos.line != attr->pos.endLine) {
                te.pos.line = attr->pos.endLine;
                int len = 0;
                for (unsigned char ch : attr->attr)
                    if ((ch & 0xC0) != 0x80) ++len;
                if (len <= attr->pos.endCol) {
                    te.pos.col = attr->pos.endCol - len;
                } else {
                    te.pos.col = te.pos.endCol = -1;
                }
                te.pos.endLine = std::max(te.pos.line, te.pos.endLine);
                if (te.pos.line == te.pos.endLine) te.pos.endCol = std::max(te.pos.col, te.pos.endCol);
            }
            if (ex->kind == lang::ExprKind::BinOp) {
                auto* b = static_cast<const lang::BinOp*>(ex);
                te.anchorLeft = b->left->pos.endCol;
                te.anchorRight = b->right->pos.col;
                te.isBinOp = b->left->pos.endLine == b->pos.line && b->right->pos.line == b->pos.line;
                if (!te.isBinOp) te.anchorLeft = te.anchorRight = -1;
            } else if (ex->kind == lang::ExprKind::Subscript) {
                auto* s = static_cast<const lang::Subscript*>(ex);
                te.anchorLeft = s->value->pos.endCol;
                te.anchorRight = s->slice->pos.endCol;
            }
        }
    } else {
        te.pos.line = te.pos.endLine = frame.line;
        te.pos.col = te.pos.endCol = -1;
    }
    e->traceback->push_back(te);
}

void Interp::addTracebackOnce(const Value& exc, const Frame& frame, const lang::Node* node) {
    if (!exc.isObj(Kind::Exception)) return;
    auto* e = exc.as<ExceptionObject>();
    if (e->traceback && !e->traceback->empty() && e->traceback->back().frameSerial == frame.serial) return;
    addTraceback(exc, frame, node);
}

// ------------------------------------------------------------------- modules

void Interp::registerModule(const std::string& name, ModuleFactory factory) {
    m_moduleFactories[name] = std::move(factory);
}

Value Interp::importModule(const std::string& name) {
    auto it = m_modules.find(name);
    if (it != m_modules.end()) return Value(it->second);
    auto f = m_moduleFactories.find(name);
    if (f == m_moduleFactories.end()) {
        std::string top = name.substr(0, name.find('.'));
        if (top != name && m_moduleFactories.count(top))
            raise(types().ModuleNotFoundError,
                  "No module named '" + name + "'; '" + top + "' is not a package");
        Value e = newException(types().ModuleNotFoundError, "No module named '" + top + "'");
        e.as<ExceptionObject>()->name = makeStr(top);
        raiseValue(e);
    }
    Ref<ModuleObject> m = f->second(*this);
    m_modules[name] = m;
    return Value(m);
}

}  // namespace ascope::rt
