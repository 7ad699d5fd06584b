// The builtin type objects, the exception hierarchy and the behaviour of the
// types that belong to the object model itself (object, type, function,
// method, property, super, exceptions).
#include "runtime/builtins.h"
#include "runtime/generator.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <unordered_map>

namespace ascope::rt {

namespace {

Types g_types;
Names g_names;
bool g_booted = false;

struct StrViewHash {
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};
std::unordered_map<std::string_view, StrObject*, StrViewHash>& internTable() {
    static std::unordered_map<std::string_view, StrObject*, StrViewHash> t;
    return t;
}

ClassObject* makeType(const char* name, ClassObject* base, Kind kind, bool baseable = true) {
    auto* c = new ClassObject(g_types.type, name, kind);
    c->pin();
    c->module = "builtins";
    c->isBuiltin = true;
    c->isBaseable = baseable;
    c->mro.push_back(c);
    if (base) {
        c->bases.push_back(Ref<ClassObject>(base));
        for (ClassObject* m : base->mro) c->mro.push_back(m);
    }
    return c;
}

ClassObject* makeExc(const char* name, ClassObject* base) {
    return makeType(name, base, Kind::Exception);
}

void boot();

}  // namespace

const Types& types() {
    if (!g_booted) boot();
    return g_types;
}

const Names& names() {
    if (!g_booted) boot();
    return g_names;
}

StrObject* intern(std::string_view s) {
    auto& t = internTable();
    auto it = t.find(s);
    if (it != t.end()) return it->second;
    auto* o = new StrObject(std::string(s));
    o->pin();
    o->interned = true;
    t.emplace(std::string_view(o->s), o);
    return o;
}

// ------------------------------------------------------------ registration

void defineMethod(ClassObject* cls, const char* name, NativeFn fn) {
    ClassObject::invalidateLookups();
    cls->dict->setStr(intern(name), Value(new BuiltinObject(name, fn, Value(), cls)));
}

void defineClassMethod(ClassObject* cls, const char* name, NativeFn fn) {
    ClassObject::invalidateLookups();
    cls->dict->setStr(intern(name),
                      Value(new ClassMethodObject(Value(new BuiltinObject(name, fn, Value(), cls)))));
}

void defineStaticMethod(ClassObject* cls, const char* name, NativeFn fn) {
    ClassObject::invalidateLookups();
    cls->dict->setStr(intern(name),
                      Value(new StaticMethodObject(Value(new BuiltinObject(name, fn, Value(), cls)))));
}

void defineGetter(ClassObject* cls, const char* name, NativePropertyObject::Getter getter,
                  NativePropertyObject::Setter setter) {
    ClassObject::invalidateLookups();
    cls->dict->setStr(intern(name), Value(new NativePropertyObject(name, getter, setter)));
}

void defineFunction(DictObject* d, const char* name, NativeFn fn) {
    d->setStr(intern(name), Value(new BuiltinObject(name, fn)));
}

void defineValue(DictObject* d, const char* name, Value v) { d->setStr(intern(name), std::move(v)); }

namespace {

// ------------------------------------------------------------------ object

Value objectNew(Interp& in, CallArgs& a) {
    if (a.size() == 0) in.typeError("object.__new__(): not enough arguments");
    if (!a[0].isObj(Kind::Class))
        in.typeError("object.__new__(X): X is not a type object (" + Interp::typeName(a[0]) + ")");
    auto* cls = a[0].as<ClassObject>();
    if (cls->instanceKind == Kind::Exception) return Value(new ExceptionObject(cls));
    return Value(new InstanceObject(cls));
}

Value objectInit(Interp& in, CallArgs& a) { return Value::none(); }

Value objectRepr(Interp& in, CallArgs& a) {
    a.check(in, "__repr__", 1, 1);
    return makeStr(Interp::defaultRepr(a[0]));
}

Value objectStr(Interp& in, CallArgs& a) { return makeStr(in.repr(a[0])); }

Value objectEq(Interp& in, CallArgs& a) {
    a.check(in, "__eq__", 2, 2);
    return a[0].is(a[1]) ? Value::boolean(true) : types().notImplementedValue;
}

Value objectNe(Interp& in, CallArgs& a) {
    a.check(in, "__ne__", 2, 2);
    Value r = in.callMethod(a[0], names().__eq__, {a[1]});
    if (r.is(types().notImplementedValue)) return r;
    return Value::boolean(!in.truthy(r));
}

Value objectNotImplemented(Interp& in, CallArgs& a) { return types().notImplementedValue; }

Value objectHash(Interp& in, CallArgs& a) {
    uint64_t p = uint64_t(Object::idOf(a[0].isObj() ? a[0].obj() : nullptr));
    return Value::integer(int64_t((p >> 4) | (p << 60)) & 0x7fffffffffffffff);
}

Value objectFormat(Interp& in, CallArgs& a) {
    a.check(in, "__format__", 2, 2);
    if (!isStr(a[1])) in.typeError("__format__() argument must be str, not " + Interp::typeName(a[1]));
    if (!asStr(a[1])->s.empty())
        in.typeError("unsupported format string passed to " + Interp::typeOf(a[0])->name + ".__format__");
    return in.strValue(a[0]);
}

Value objectSetattr(Interp& in, CallArgs& a) {
    a.check(in, "__setattr__", 3, 3);
    if (!isStr(a[1])) in.typeError("attribute name must be string, not '" + Interp::typeName(a[1]) + "'");
    in.genericSetAttr(a[0], intern(asStr(a[1])->s), a[2]);
    return Value::none();
}

Value objectGetattribute(Interp& in, CallArgs& a) {
    a.check(in, "__getattribute__", 2, 2);
    if (!isStr(a[1])) in.typeError("attribute name must be string, not '" + Interp::typeName(a[1]) + "'");
    StrObject* name = intern(asStr(a[1])->s);
    Value v = in.genericGetAttr(a[0], name);
    if (!v.isNull()) return v;
    in.attributeMissing(a[0], name);
}

Value objectDelattr(Interp& in, CallArgs& a) {
    a.check(in, "__delattr__", 2, 2);
    if (!isStr(a[1])) in.typeError("attribute name must be string, not '" + Interp::typeName(a[1]) + "'");
    in.genericDelAttr(a[0], intern(asStr(a[1])->s));
    return Value::none();
}

void objectSetDict(Interp& in, const Value& self, const Value& v) {
    if (!v.isObj(Kind::Dict))
        in.typeError("__dict__ must be set to a dictionary, not a '" + Interp::typeName(v) + "'");
    if ((self.isObj(Kind::Instance) || self.isObj(Kind::Exception)) &&
        (self.as<InstanceObject>()->dict || self.as<InstanceObject>()->type()->instancesHaveDict)) {
        self.as<InstanceObject>()->dict = Ref<DictObject>(v.as<DictObject>());
        return;
    }
    if (self.isObj(Kind::Function)) {
        self.as<FunctionObject>()->attrs = Ref<DictObject>(v.as<DictObject>());
        return;
    }
    if (self.isObj(Kind::Instance) || self.isObj(Kind::Exception))
        in.raise(types().AttributeError, "'" + Interp::typeName(self) + "' object has no attribute '__dict__'");
    in.raise(types().AttributeError, "attribute '__dict__' of '" + Interp::typeName(self) + "' objects is not writable");
}

Value noneBool(Interp& in, CallArgs& a) { return Value::boolean(false); }

Value objectInitSubclass(Interp& in, CallArgs& a) {
    std::string cls = a.size() > 0 && a[0].isObj(Kind::Class) ? a[0].as<ClassObject>()->name : "object";
    if (a.kwCount() > 0) in.typeError(cls + ".__init_subclass__() takes no keyword arguments");
    if (a.size() > 1) in.typeError(cls + ".__init_subclass__() takes no arguments (" + std::to_string(a.size() - 1) + " given)");
    return Value::none();
}

Value objectClass(Interp& in, const Value& self) { return Value(Interp::typeOf(self)); }

Value objectDict(Interp& in, const Value& self) {
    if (self.isObj(Kind::Instance) || self.isObj(Kind::Exception)) {
        auto* inst = self.as<InstanceObject>();
        if (!inst->dict) {
            if (!inst->type()->instancesHaveDict)
                in.raise(types().AttributeError, "'" + Interp::typeName(self) + "' object has no attribute '__dict__'");
            inst->dict = Ref<DictObject>(new DictObject());
        }
        return Value(inst->dict);
    }
    if (self.isObj(Kind::Module)) return Value(self.as<ModuleObject>()->dict);
    if (self.isObj(Kind::Class)) return Value(self.as<ClassObject>()->dict);
    if (self.isObj(Kind::Function)) {
        auto* f = self.as<FunctionObject>();
        if (!f->attrs) f->attrs = Ref<DictObject>(new DictObject());
        return Value(f->attrs);
    }
    in.raise(types().AttributeError, "'" + Interp::typeName(self) + "' object has no attribute '__dict__'");
}

// -------------------------------------------------------------------- type

std::vector<ClassObject*> c3Merge(Interp& in, std::vector<std::vector<ClassObject*>> seqs) {
    std::vector<ClassObject*> out;
    for (;;) {
        seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto& s) { return s.empty(); }), seqs.end());
        if (seqs.empty()) return out;
        ClassObject* candidate = nullptr;
        for (auto& s : seqs) {
            ClassObject* head = s.front();
            bool inTail = false;
            for (auto& t : seqs)
                if (std::find(t.begin() + 1, t.end(), head) != t.end()) inTail = true;
            if (!inTail) {
                candidate = head;
                break;
            }
        }
        if (!candidate) {
            std::string names;
            for (auto& s : seqs) names += (names.empty() ? "" : ", ") + s.front()->name;
            in.typeError("Cannot create a consistent method resolution\norder (MRO) for bases " + names);
        }
        out.push_back(candidate);
        for (auto& s : seqs)
            if (!s.empty() && s.front() == candidate) s.erase(s.begin());
    }
}

}  // namespace

// Creates a class the way `type(name, bases, ns)` does.
namespace {

// A __slots__ attribute: a data descriptor over the instance's slot storage
// (CPython's member descriptors), as a property whose accessors are bound to
// the slot name.
Value slotGet(Interp& in, CallArgs& a) {
    StrObject* name = asStr(a[0]);
    if (a[1].isObj(Kind::Instance) || a[1].isObj(Kind::Exception)) {
        auto* inst = a[1].as<InstanceObject>();
        if (inst->slots) {
            Value v = inst->slots->getStr(name);
            if (!v.isNull()) return v;
        }
    }
    in.raise(types().AttributeError, "'" + Interp::typeName(a[1]) + "' object has no attribute '" + name->s + "'");
}

Value slotSet(Interp& in, CallArgs& a) {
    if (a[1].isObj(Kind::Instance) || a[1].isObj(Kind::Exception)) {
        auto* inst = a[1].as<InstanceObject>();
        if (!inst->slots) inst->slots = Ref<DictObject>(new DictObject());
        inst->slots->setStr(asStr(a[0]), a[2]);
    }
    return Value::none();
}

Value slotDelete(Interp& in, CallArgs& a) {
    StrObject* name = asStr(a[0]);
    if (a[1].isObj(Kind::Instance) || a[1].isObj(Kind::Exception)) {
        auto* inst = a[1].as<InstanceObject>();
        if (inst->slots && !inst->slots->pop(in, Value(name)).isNull()) return Value::none();
    }
    in.raise(types().AttributeError, "'" + Interp::typeName(a[1]) + "' object has no attribute '" + name->s + "'");
}

// Reads `__slots__` from a new class's namespace, adds a descriptor per slot
// and tells whether the class's instances have a __dict__.
bool installSlots(Interp& in, ClassObject* cls, const std::vector<ClassObject*>& bases, DictObject* ns) {
    bool baseHasDict = false;
    for (ClassObject* b : bases)
        if (b->instancesHaveDict || b->instanceKind != Kind::Instance) baseHasDict = true;
    Value spec = ns->getStr(names().__slots__);
    if (spec.isNull()) return true;
    std::vector<Value> items = isStr(spec) ? std::vector<Value>{spec} : in.toVector(spec);
    bool addDict = false;
    std::vector<StrObject*> slotNames;
    for (const Value& item : items) {
        if (!isStr(item)) in.typeError("__slots__ items must be strings, not '" + Interp::typeName(item) + "'");
        const std::string& n = asStr(item)->s;
        if (n == "__dict__") {
            if (addDict || baseHasDict) in.typeError("__dict__ slot disallowed: we already got one");
            addDict = true;
            continue;
        }
        if (n == "__weakref__") continue;
        if (!ns->getStr(intern(n)).isNull()) in.valueError("'" + n + "' in __slots__ conflicts with class variable");
        slotNames.push_back(intern(n));
    }
    for (StrObject* n : slotNames) {
        Value self(n);
        Value get(new BuiltinObject("__get__", slotGet, self, cls));
        Value set(new BuiltinObject("__set__", slotSet, self, cls));
        Value del(new BuiltinObject("__delete__", slotDelete, self, cls));
        ns->setStr(n, Value(new PropertyObject(get, set, del, Value::none())));
    }
    return baseHasDict || addDict;
}

}  // namespace

// eval.cpp: what type.__new__ does around creating the class.
void prepareClassNamespace(DictObject* ns);
void initNewClass(Interp& in, const Value& cls, DictObject* ns, const std::vector<StrObject*>& kwNames,
                  const std::vector<Value>& kwValues);

Value buildClass(Interp& in, const std::string& name, std::vector<Value> bases, Ref<DictObject> ns) {
    const Types& t = types();
    std::vector<ClassObject*> baseClasses;
    for (const Value& b : bases) {
        if (!b.isObj(Kind::Class))
            in.typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                         "metaclasses of all its bases");
        auto* bc = b.as<ClassObject>();
        if (!bc->isBaseable) in.typeError("type '" + bc->name + "' is not an acceptable base type");
        if (std::find(baseClasses.begin(), baseClasses.end(), bc) != baseClasses.end())
            in.typeError("duplicate base class " + bc->name);
        baseClasses.push_back(bc);
    }
    if (baseClasses.empty()) baseClasses.push_back(t.object);
    Kind kind = Kind::Instance;
    for (ClassObject* b : baseClasses) {
        if (b->instanceKind == Kind::Exception) kind = Kind::Exception;
        else if (b->instanceKind != Kind::Instance && b->instanceKind != kind)
            kind = b->instanceKind;
    }
    auto* cls = new ClassObject(t.type, name, kind);
    Ref<ClassObject> keep(cls);
    for (ClassObject* b : baseClasses) cls->bases.push_back(Ref<ClassObject>(b));
    std::vector<std::vector<ClassObject*>> seqs;
    for (ClassObject* b : baseClasses) seqs.push_back(b->mro);
    seqs.push_back(baseClasses);
    cls->mro.push_back(cls);
    for (ClassObject* c : c3Merge(in, seqs)) cls->mro.push_back(c);
    for (ClassObject* b : baseClasses)
        if (b->nativeNew && b != t.object) {
            cls->nativeNew = b->nativeNew;
            break;
        }
    cls->instancesHaveDict = installSlots(in, cls, baseClasses, ns.get());
    for (ClassObject* b : baseClasses) b->subclasses.push_back(cls);
    cls->dict = ns;
    ClassObject::invalidateLookups();
    Value mod = ns->getStr(names().__module__);
    cls->module = isStr(mod) ? asStr(mod)->s : "__main__";
    // Functions defining __eq__ without __hash__ become unhashable.
    if (!ns->getStr(names().__eq__).isNull() && ns->getStr(names().__hash__).isNull())
        ns->setStr(names().__hash__, Value::none());
    ClassObject::invalidateLookups();
    return Value(keep);
}

namespace {

Value typeNew(Interp& in, CallArgs& a) {
    // type(x) or type(name, bases, dict)
    if (a.size() == 2 && a.kwCount() == 0) return Value(Interp::typeOf(a[1]));
    if (a.size() != 4) in.typeError("type() takes 1 or 3 arguments");
    if (!isStr(a[1])) in.typeError("type.__new__() argument 1 must be str, not " + Interp::typeName(a[1]));
    if (!a[2].isObj(Kind::Tuple)) in.typeError("type.__new__() argument 2 must be tuple, not " + Interp::typeName(a[2]));
    if (!a[3].isObj(Kind::Dict)) in.typeError("type.__new__() argument 3 must be dict, not " + Interp::typeName(a[3]));
    Ref<DictObject> ns(new DictObject());
    a[3].as<DictObject>()->forEach([&](const Value& k, const Value& v) { ns->set(in, k, v); });
    if (ns->getStr(names().__module__).isNull()) ns->setStr(names().__module__, makeStr("__main__"));
    prepareClassNamespace(ns.get());
    Value cls = buildClass(in, asStr(a[1])->s, a[2].as<TupleObject>()->items, ns);
    std::vector<StrObject*> kwNames;
    std::vector<Value> kwValues;
    for (size_t i = 0; i < a.kwCount(); ++i) {
        kwNames.push_back(a.kwName(i));
        kwValues.push_back(a.kwValue(i));
    }
    initNewClass(in, cls, ns.get(), kwNames, kwValues);
    return cls;
}

Value typeSubclasses(Interp& in, CallArgs& a) {
    a.check(in, "__subclasses__", 1, 1);
    std::vector<Value> items;
    for (ClassObject* c : a[0].as<ClassObject>()->subclasses) items.push_back(Value(c));
    return makeList(std::move(items));
}

Value typeMro(Interp& in, CallArgs& a) {
    std::vector<Value> items;
    for (ClassObject* c : a[0].as<ClassObject>()->mro) items.push_back(Value(c));
    return makeList(std::move(items));
}

Value typeSubclassCheck(Interp& in, CallArgs& a) {
    a.check(in, "__subclasscheck__", 2, 2);
    if (!a[1].isObj(Kind::Class)) in.typeError("issubclass() arg 1 must be a class");
    return Value::boolean(a[1].as<ClassObject>()->isSubclassOf(a[0].as<ClassObject>()));
}

Value typeInstanceCheck(Interp& in, CallArgs& a) {
    a.check(in, "__instancecheck__", 2, 2);
    return Value::boolean(in.isInstance(a[1], a[0].as<ClassObject>()));
}

// ------------------------------------------------------ plain attributes
//
// Many attributes of builtin objects only read or store one Value field of
// the object; these serve them all, given the field (its class is deduced).
// An attribute that checks what it is given, or computes its value, keeps a
// function of its own below.

template <class Field>
struct FieldOwner;
template <class T>
struct FieldOwner<Value T::*> {
    using type = T;
};

// The field as it is (null only where it is never unset).
template <auto Field>
Value fieldGet(Interp&, const Value& self) {
    return self.as<typename FieldOwner<decltype(Field)>::type>()->*Field;
}
// The field, or None while it is unset.
template <auto Field>
Value fieldOrNone(Interp&, const Value& self) {
    const Value& v = self.as<typename FieldOwner<decltype(Field)>::type>()->*Field;
    return v.isNull() ? Value::none() : v;
}
// Stores any value.
template <auto Field>
void fieldSet(Interp&, const Value& self, const Value& v) {
    self.as<typename FieldOwner<decltype(Field)>::type>()->*Field = v;
}
// A read-write attribute over the field: None while unset, stores any value.
template <auto Field>
void defineField(ClassObject* cls, const char* name) {
    defineGetter(cls, name, fieldOrNone<Field>, fieldSet<Field>);
}

// ---------------------------------------------------------------- functions

Value functionGet(Interp& in, CallArgs& a) {
    if (a.size() < 2 || a[1].isNone()) return a[0];
    return Value(new BoundMethodObject(a[0], a[1]));
}

Value functionName(Interp& in, const Value& self) { return Value(self.as<FunctionObject>()->name); }
void functionSetName(Interp& in, const Value& self, const Value& v) {
    if (!isStr(v)) in.typeError("__name__ must be set to a string object");
    self.as<FunctionObject>()->name = Ref<StrObject>(asStr(v));
}
Value functionQualname(Interp& in, const Value& self) { return Value(self.as<FunctionObject>()->qualname); }
void functionSetQualname(Interp& in, const Value& self, const Value& v) {
    if (!isStr(v)) in.typeError("__qualname__ must be set to a string object");
    self.as<FunctionObject>()->qualname = Ref<StrObject>(asStr(v));
}
Value functionAnnotations(Interp& in, const Value& self) {
    auto* f = self.as<FunctionObject>();
    if (f->annotations.isNull()) f->annotations = Value(new DictObject());
    return f->annotations;
}
void functionSetAnnotations(Interp& in, const Value& self, const Value& v) {
    if (!v.isObj(Kind::Dict)) in.typeError("__annotations__ must be set to a dict object");
    self.as<FunctionObject>()->annotations = v;
}
Value functionClosure(Interp& in, const Value& self) {
    auto* f = self.as<FunctionObject>();
    if (f->closure.empty()) return Value::none();
    std::vector<Value> cells;
    for (const auto& c : f->closure) cells.push_back(Value(c));
    return makeTuple(std::move(cells));
}
Value functionGlobals(Interp& in, const Value& self) { return Value(self.as<FunctionObject>()->globals); }
Value cellContents(Interp& in, const Value& self) {
    const Value& v = self.as<CellObject>()->value;
    if (v.isNull()) in.valueError("Cell is empty");
    return v;
}

Value functionDefaults(Interp& in, const Value& self) {
    auto* f = self.as<FunctionObject>();
    if (f->defaults.empty()) return Value::none();
    return makeTuple(f->defaults);
}
Value functionKwdefaults(Interp& in, const Value& self) {
    auto* f = self.as<FunctionObject>();
    if (!f->kwDefaults) return Value::none();
    return Value(f->kwDefaults);
}
Value methodName(Interp& in, const Value& self) {
    return in.getAttr(self.as<BoundMethodObject>()->func, names().__name__);
}
Value methodQualname(Interp& in, const Value& self) {
    return in.getAttr(self.as<BoundMethodObject>()->func, names().__qualname__);
}

Value builtinName(Interp& in, const Value& self) { return makeStr(self.as<BuiltinObject>()->name); }
Value builtinQualname(Interp& in, const Value& self) {
    auto* b = self.as<BuiltinObject>();
    if (b->owner) return makeStr(b->owner->name + "." + b->name);
    return makeStr(b->name);
}
Value builtinSelf(Interp& in, const Value& self) {
    auto* b = self.as<BuiltinObject>();
    return b->self.isNull() ? Value::none() : b->self;
}

// ---------------------------------------------------------------- property

Value propertyNew(Interp& in, CallArgs& a) {
    Value fget = a.size() > 1 ? a[1] : Value::none();
    Value fset = a.size() > 2 ? a[2] : Value::none();
    Value fdel = a.size() > 3 ? a[3] : Value::none();
    Value doc = a.size() > 4 ? a[4] : Value::none();
    if (Value v = a.kw("fget"); !v.isNull()) fget = v;
    if (Value v = a.kw("fset"); !v.isNull()) fset = v;
    if (Value v = a.kw("fdel"); !v.isNull()) fdel = v;
    if (Value v = a.kw("doc"); !v.isNull()) doc = v;
    a.checkKeywordsConsumed(in, "property");
    if (doc.isNone() && !fget.isNone()) {
        Value d = in.getAttrOrNull(fget, names().__doc__);
        if (!d.isNull()) doc = d;
    }
    return Value(new PropertyObject(fget, fset, fdel, doc));
}

Value propertyCopy(const PropertyObject* p, Value g, Value s, Value d) {
    return Value(new PropertyObject(g, s, d, p->doc));
}
Value propertyGetterM(Interp& in, CallArgs& a) {
    auto* p = a[0].as<PropertyObject>();
    return propertyCopy(p, a[1], p->fset, p->fdel);
}
Value propertySetterM(Interp& in, CallArgs& a) {
    auto* p = a[0].as<PropertyObject>();
    return propertyCopy(p, p->fget, a[1], p->fdel);
}
Value propertyDeleterM(Interp& in, CallArgs& a) {
    auto* p = a[0].as<PropertyObject>();
    return propertyCopy(p, p->fget, p->fset, a[1]);
}

Value staticmethodNew(Interp& in, CallArgs& a) {
    a.check(in, "staticmethod", 2, 2);
    return Value(new StaticMethodObject(a[1]));
}
Value classmethodNew(Interp& in, CallArgs& a) {
    a.check(in, "classmethod", 2, 2);
    return Value(new ClassMethodObject(a[1]));
}
Value wrappedFunc(Interp& in, const Value& self) {
    if (self.isObj(Kind::StaticMethod)) return self.as<StaticMethodObject>()->func;
    return self.as<ClassMethodObject>()->func;
}

// ------------------------------------------------------------------- super

Value superNew(Interp& in, CallArgs& a) {
    if (a.size() == 1) {
        Frame* f = in.currentFrame();
        if (!f || !f->code || f->code->type != CodeInfo::Type::Function || f->code->argCount == 0)
            in.raise(types().RuntimeError, "super(): no arguments");
        int ci = -1;
        for (size_t k = 0; k < f->code->freeNames.size(); ++k)
            if (f->code->freeNames[k] == "__class__") ci = int(f->code->cellNames.size() + k);
        if (ci < 0) in.raise(types().RuntimeError, "super(): __class__ cell not found");
        Value cls = f->cells[ci]->value;
        if (cls.isNull() || !cls.isObj(Kind::Class)) in.raise(types().RuntimeError, "super(): empty __class__ cell");
        Value self;
        int firstCell = -1;
        for (size_t k = 0; k < f->code->cellParam.size(); ++k)
            if (f->code->cellParam[k] == 0) firstCell = int(k);
        self = firstCell >= 0 ? f->cells[firstCell]->value : f->fast[0];
        if (self.isNull()) in.raise(types().RuntimeError, "super(): arg[0] deleted");
        ClassObject* objType = self.isObj(Kind::Class) && self.as<ClassObject>()->isSubclassOf(cls.as<ClassObject>())
                                   ? self.as<ClassObject>()
                                   : Interp::typeOf(self);
        return Value(new SuperObject(cls.as<ClassObject>(), self, objType));
    }
    if (a.size() == 3) {
        if (!a[1].isObj(Kind::Class)) in.typeError("super() argument 1 must be a type, not " + Interp::typeName(a[1]));
        auto* cls = a[1].as<ClassObject>();
        ClassObject* objType;
        if (a[2].isObj(Kind::Class) && a[2].as<ClassObject>()->isSubclassOf(cls)) objType = a[2].as<ClassObject>();
        else if (in.isInstance(a[2], cls)) objType = Interp::typeOf(a[2]);
        else in.typeError("super(type, obj): obj must be an instance or subtype of type");
        return Value(new SuperObject(cls, a[2], objType));
    }
    in.typeError("super() takes 0 or 2 arguments");
}

// -------------------------------------------------------------- exceptions

ExceptionObject* exc(const Value& v) { return v.as<ExceptionObject>(); }

void setSpecialFields(Interp& in, ExceptionObject* e) {
    const Types& t = types();
    ClassObject* c = e->type();
    auto& items = e->args->items;
    if (c->isSubclassOf(t.StopIteration) || c->isSubclassOf(t.SystemExit))
        e->value = items.empty() ? Value::none() : (items.size() == 1 || c->isSubclassOf(t.StopIteration) ? items[0] : Value(e->args));
}

// NameError(name=), AttributeError(name=, obj=), ImportError(name=, path=);
// other exceptions take no keyword arguments.
void applyExceptionKeywords(Interp& in, ExceptionObject* e, CallArgs& a) {
    if (a.kwCount() > 0) {
        // NameError(name=), AttributeError(name=, obj=), ImportError(name=, path=).
        const Types& t = types();
        ClassObject* c = e->type();
        const char* base = c->isSubclassOf(t.AttributeError) ? "AttributeError"
                           : c->isSubclassOf(t.NameError)    ? "NameError"
                           : c->isSubclassOf(t.ImportError)  ? "ImportError"
                                                             : nullptr;
        if (!base) in.typeError(c->name + "() takes no keyword arguments");
        for (size_t i = 0; i < a.kwCount(); ++i) {
            const std::string& k = a.kwName(i)->s;
            if (k == "name") e->name = a.kwValue(i);
            else if (k == "obj" && base[0] == 'A') e->obj = a.kwValue(i);
            else if (k == "path" && base[0] == 'I') continue;
            else in.typeError("'" + k + "' is an invalid keyword argument for " + base + "()");
        }
    }
}

// OSError(errno, strerror[, filename[, winerror[, filename2]]]): the fields,
// and `args` cut to (errno, strerror) when a filename is given.
void setOSErrorFields(ExceptionObject* e, const std::vector<Value>& args) {
    size_t n = args.size();
    if (n < 2 || n > 5) {
        e->os.reset();
        return;
    }
    e->os = std::make_unique<ExceptionObject::OSErrorFields>();
    e->os->errnum = args[0];
    e->os->strerror = args[1];
    if (n >= 3 && !args[2].isNone()) {
        e->os->filename = args[2];
        if (n == 5 && !args[4].isNone()) e->os->filename2 = args[4];
        e->args = Ref<TupleObject>(new TupleObject(std::vector<Value>(args.begin(), args.begin() + 2)));
    }
}

// The subclass OSError(errno, ...) really makes (CPython's errno map).
ClassObject* osErrorSubclass(const Value& errnum) {
    const Types& t = types();
    if (!errnum.isSmallInt()) return nullptr;
    switch (errnum.asInt()) {
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS: return t.BlockingIOError;
    case ECHILD: return t.ChildProcessError;
    case EPIPE:
    case ESHUTDOWN: return t.BrokenPipeError;
    case ECONNABORTED: return t.ConnectionAbortedError;
    case ECONNREFUSED: return t.ConnectionRefusedError;
    case ECONNRESET: return t.ConnectionResetError;
    case EEXIST: return t.FileExistsError;
    case ENOENT: return t.FileNotFoundError;
    case EISDIR: return t.IsADirectoryError;
    case ENOTDIR: return t.NotADirectoryError;
    case EINTR: return t.InterruptedError;
    case EACCES:
    case EPERM: return t.PermissionError;
    case ESRCH: return t.ProcessLookupError;
    case ETIMEDOUT: return t.TimeoutError;
    default: return nullptr;
    }
}

Value exceptionNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    if (cls == types().OSError && a.size() >= 3 && a.size() <= 6)
        if (ClassObject* sub = osErrorSubclass(a[1])) cls = sub;
    auto* e = new ExceptionObject(cls);
    Value keep(e);
    e->args = Ref<TupleObject>(new TupleObject(std::vector<Value>(a.data() + 1, a.data() + a.size())));
    applyExceptionKeywords(in, e, a);
    setSpecialFields(in, e);
    if (cls->isSubclassOf(types().OSError)) setOSErrorFields(e, std::vector<Value>(a.data() + 1, a.data() + a.size()));
    return keep;
}

Value exceptionInit(Interp& in, CallArgs& a) {
    auto* e = exc(a[0]);
    applyExceptionKeywords(in, e, a);
    e->args = Ref<TupleObject>(new TupleObject(std::vector<Value>(a.data() + 1, a.data() + a.size())));
    setSpecialFields(in, e);
    if (Interp::typeOf(a[0])->isSubclassOf(types().OSError))
        setOSErrorFields(e, std::vector<Value>(a.data() + 1, a.data() + a.size()));
    return Value::none();
}

template <Value ExceptionObject::OSErrorFields::*Field>
Value osErrorField(Interp& in, const Value& self) {
    auto* e = exc(self);
    if (!e->os || (e->os.get()->*Field).isNull()) return Value::none();
    return e->os.get()->*Field;
}
template <Value ExceptionObject::OSErrorFields::*Field>
void osErrorSetField(Interp& in, const Value& self, const Value& v) {
    auto* e = exc(self);
    if (!e->os) e->os = std::make_unique<ExceptionObject::OSErrorFields>();
    e->os.get()->*Field = v;
}

Value exceptionStr(Interp& in, CallArgs& a) {
    auto* e = exc(a[0]);
    auto& items = e->args->items;
    if (items.empty()) return makeStr("");
    if (items.size() == 1) return in.strValue(items[0]);
    return makeStr(in.repr(Value(e->args)));
}

Value osErrorStr(Interp& in, CallArgs& a) {
    auto* e = exc(a[0]);
    if (e->os) {
        const auto& os = *e->os;
        if (!os.filename.isNull()) {
            std::string r = "[Errno " + in.str(os.errnum) + "] " + in.str(os.strerror) + ": " + in.repr(os.filename);
            if (!os.filename2.isNull()) r += " -> " + in.repr(os.filename2);
            return makeStr(r);
        }
        if (!os.errnum.isNone() && !os.strerror.isNone())
            return makeStr("[Errno " + in.str(os.errnum) + "] " + in.str(os.strerror));
    }
    return exceptionStr(in, a);
}

Value keyErrorStr(Interp& in, CallArgs& a) {
    auto* e = exc(a[0]);
    if (e->args->items.size() == 1) return makeStr(in.repr(e->args->items[0]));
    return exceptionStr(in, a);
}

Value exceptionRepr(Interp& in, CallArgs& a) {
    auto* e = exc(a[0]);
    std::string name = Interp::typeOf(a[0])->name;
    auto& items = e->args->items;
    if (items.size() == 1) return makeStr(name + "(" + in.repr(items[0]) + ")");
    std::string r = in.repr(Value(e->args));
    if (items.empty()) return makeStr(name + "()");
    return makeStr(name + r);
}

Value exceptionNone(Interp& in, const Value& self) { return Value::none(); }

Value exceptionArgs(Interp& in, const Value& self) { return Value(exc(self)->args); }
void exceptionSetArgs(Interp& in, const Value& self, const Value& v) {
    exc(self)->args = Ref<TupleObject>(in.toVector(v).empty() ? new TupleObject() : new TupleObject(in.toVector(v)));
}
Value exceptionTraceback(Interp& in, const Value& self) {
    auto* e = exc(self);
    if (!e->traceback || e->traceback->empty()) return Value::none();
    return Value(new SingletonObject(types().traceback, "<traceback object>"));
}
void exceptionSetTraceback(Interp& in, const Value& self, const Value& v) {
    if (v.isNone()) exc(self)->traceback.reset();
    else if (!v.isObj() || v.obj()->type() != types().traceback)
        in.typeError("__traceback__ must be a traceback or None");
}
void exceptionSetContext(Interp& in, const Value& self, const Value& v) {
    if (!v.isNone() && !in.isInstance(v, types().BaseException))
        in.typeError("exception context must be None or derive from BaseException");
    exc(self)->context = v.isNone() ? Value() : v;
}
void exceptionSetCause(Interp& in, const Value& self, const Value& v) {
    if (!v.isNone() && !in.isInstance(v, types().BaseException))
        in.typeError("exception cause must be None or derive from BaseException");
    exc(self)->cause = v.isNone() ? Value() : v;
    exc(self)->suppressContext = true;
}
Value exceptionSuppress(Interp& in, const Value& self) { return Value::boolean(exc(self)->suppressContext); }
void exceptionSetSuppress(Interp& in, const Value& self, const Value& v) { exc(self)->suppressContext = in.truthy(v); }
Value exceptionNotes(Interp& in, const Value& self) {
    const Value& n = exc(self)->notes;
    if (n.isNull()) in.raise(types().AttributeError, "'" + Interp::typeName(self) + "' object has no attribute '__notes__'");
    return n;
}

Value exceptionWithTraceback(Interp& in, CallArgs& a) {
    a.check(in, "with_traceback", 2, 2);
    if (a[1].isNone()) exc(a[0])->traceback.reset();
    return a[0];
}

Value exceptionAddNote(Interp& in, CallArgs& a) {
    a.check(in, "add_note", 2, 2);
    if (!isStr(a[1])) in.typeError("note must be a str, not '" + Interp::typeName(a[1]) + "'");
    auto* e = exc(a[0]);
    if (e->notes.isNull()) e->notes = makeList({});
    if (!e->notes.isObj(Kind::List)) in.typeError("Cannot add note: __notes__ is not a list");
    e->notes.as<ListObject>()->items.push_back(a[1]);
    return Value::none();
}

// BaseExceptionGroup(message, exceptions)
Value exceptionGroupNew(Interp& in, CallArgs& a) {
    const Types& t = types();
    auto* cls = a[0].as<ClassObject>();
    if (a.size() != 3) in.typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(a.size() - 1) + " given)");
    if (!isStr(a[1])) in.typeError("argument 1 must be str, not " + Interp::typeName(a[1]));
    ClassObject* st = Interp::typeOf(a[2]);
    if (st->isSubclassOf(t.set) || st->isSubclassOf(t.frozenset) || st->isSubclassOf(t.dict) || st->isSubclassOf(t.str) ||
        !(st->isSubclassOf(t.list) || st->isSubclassOf(t.tuple)))
        in.typeError("second argument (exceptions) must be a sequence");
    std::vector<Value> excs = in.toVector(a[2]);
    if (excs.empty()) in.valueError("second argument (exceptions) must be a non-empty sequence");
    bool allExceptions = true;
    for (size_t i = 0; i < excs.size(); ++i) {
        if (!in.isInstance(excs[i], t.BaseException))
            in.valueError("Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
        if (!in.isInstance(excs[i], t.Exception)) allExceptions = false;
    }
    if (cls == t.BaseExceptionGroup) {
        if (allExceptions) cls = t.ExceptionGroup;
    } else if (cls == t.ExceptionGroup) {
        if (!allExceptions) in.typeError("Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (!allExceptions && !cls->isSubclassOf(t.Exception)) {
    } else if (!allExceptions) {
        in.typeError("Cannot nest BaseExceptions in '" + cls->name + "'");
    }
    auto* e = new ExceptionObject(cls);
    Value keep(e);
    e->args = Ref<TupleObject>(new TupleObject({a[1], a[2]}));
    e->groupMessage = a[1];
    e->groupExceptions = Ref<TupleObject>(new TupleObject(std::move(excs)));
    return keep;
}

Value exceptionGroupInit(Interp& in, CallArgs& a) { return Value::none(); }

Value exceptionGroupStr(Interp& in, CallArgs& a) {
    auto* e = exc(a[0]);
    size_t n = e->groupExceptions ? e->groupExceptions->items.size() : 0;
    return makeStr(in.str(e->groupMessage) + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
}
Value exceptionGroupExceptions(Interp& in, const Value& self) { return Value(exc(self)->groupExceptions); }

Value exceptionGroupDerive(Interp& in, CallArgs& a) {
    a.check(in, "derive", 2, 2);
    Value cls(types().BaseExceptionGroup);
    return in.call(cls, {exc(a[0])->groupMessage, a[1]});
}

// Splits a group by `matcher` (a type, tuple of types, or predicate).
bool groupMatches(Interp& in, const Value& e, const Value& matcher) {
    if (matcher.isObj(Kind::Class)) return in.isInstance(e, matcher.as<ClassObject>());
    if (matcher.isObj(Kind::Tuple)) {
        for (const Value& m : matcher.as<TupleObject>()->items)
            if (m.isObj(Kind::Class) && in.isInstance(e, m.as<ClassObject>())) return true;
        return false;
    }
    return in.truthy(in.call(matcher, {e}));
}

Value deriveWith(Interp& in, const Value& group, std::vector<Value> excs) {
    Value r = in.callMethod(group, intern("derive"), {makeList(std::move(excs))});
    auto* src = exc(group);
    auto* dst = exc(r);
    dst->traceback = src->traceback;
    dst->cause = src->cause;
    dst->context = src->context;
    dst->notes = src->notes;
    return r;
}

void splitGroup(Interp& in, const Value& e, const Value& matcher, Value& match, Value& rest) {
    if (groupMatches(in, e, matcher)) {
        match = e;
        rest = Value();
        return;
    }
    if (!in.isInstance(e, types().BaseExceptionGroup)) {
        match = Value();
        rest = e;
        return;
    }
    std::vector<Value> m, r;
    for (const Value& sub : exc(e)->groupExceptions->items) {
        Value sm, sr;
        splitGroup(in, sub, matcher, sm, sr);
        if (!sm.isNull()) m.push_back(sm);
        if (!sr.isNull()) r.push_back(sr);
    }
    match = m.empty() ? Value() : deriveWith(in, e, std::move(m));
    rest = r.empty() ? Value() : deriveWith(in, e, std::move(r));
}

Value exceptionGroupSplit(Interp& in, CallArgs& a) {
    a.check(in, "split", 2, 2);
    Value m, r;
    splitGroup(in, a[0], a[1], m, r);
    return makeTuple({m.isNull() ? Value::none() : m, r.isNull() ? Value::none() : r});
}

Value exceptionGroupSubgroup(Interp& in, CallArgs& a) {
    a.check(in, "subgroup", 2, 2);
    Value m, r;
    splitGroup(in, a[0], a[1], m, r);
    return m.isNull() ? Value::none() : m;
}

// Used by the `except*` machinery in eval.cpp.
}  // namespace

void splitExceptionGroup(Interp& in, const Value& e, const Value& matcher, Value& match, Value& rest) {
    splitGroup(in, e, matcher, match, rest);
}

Value deriveExceptionGroup(Interp& in, const Value& group, std::vector<Value> excs) {
    return deriveWith(in, group, std::move(excs));
}

namespace {

Value singletonRepr(Interp& in, CallArgs& a) { return makeStr(a[0].as<SingletonObject>()->repr); }

Value noneNew(Interp& in, CallArgs& a) {
    if (a.size() > 1) in.typeError("NoneType takes no arguments");
    return Value::none();
}

Value objectNewChecked(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    if (cls == types().object && (a.size() > 1 || a.kwCount() > 0)) in.typeError("object() takes no arguments");
    return objectNew(in, a);
}

void boot() {
    g_booted = true;
    Types& t = g_types;
    // The metatype and the first classes exist before the str and dict types
    // their own dicts need, so their types are fixed up afterwards.
    t.type = new ClassObject(nullptr, "type", Kind::Class);
    setObjectType(t.type, t.type);
    t.type->pin();
    t.type->module = "builtins";
    t.type->isBuiltin = true;
    t.type->mro.push_back(t.type);
    t.object = makeType("object", nullptr, Kind::Instance);
    t.type->bases.push_back(Ref<ClassObject>(t.object));
    t.type->mro.push_back(t.object);
    t.dict = makeType("dict", t.object, Kind::Dict);
    t.str = makeType("str", t.object, Kind::Str);
    for (ClassObject* c : {t.type, t.object, t.dict, t.str}) setObjectType(c->dict.get(), t.dict);

    t.none = makeType("NoneType", t.object, Kind::Singleton, false);
    t.notImplemented = makeType("NotImplementedType", t.object, Kind::Singleton, false);
    t.ellipsis = makeType("ellipsis", t.object, Kind::Singleton, false);
    t.int_ = makeType("int", t.object, Kind::Int);
    t.boolean = makeType("bool", t.int_, Kind::Int, false);
    t.float_ = makeType("float", t.object, Kind::Int);
    t.bytes = makeType("bytes", t.object, Kind::Bytes);
    t.tuple = makeType("tuple", t.object, Kind::Tuple);
    t.list = makeType("list", t.object, Kind::List);
    t.set = makeType("set", t.object, Kind::Set);
    t.frozenset = makeType("frozenset", t.object, Kind::FrozenSet);
    t.range = makeType("range", t.object, Kind::Range, false);
    t.slice = makeType("slice", t.object, Kind::Slice, false);
    t.function = makeType("function", t.object, Kind::Function, false);
    t.builtinFunction = makeType("builtin_function_or_method", t.object, Kind::Builtin, false);
    t.method = makeType("method", t.object, Kind::BoundMethod, false);
    t.cell = makeType("cell", t.object, Kind::Cell, false);
    t.module = makeType("module", t.object, Kind::Module);
    t.property = makeType("property", t.object, Kind::Property);
    t.nativeProperty = makeType("getset_descriptor", t.object, Kind::Property, false);
    t.staticmethod = makeType("staticmethod", t.object, Kind::StaticMethod);
    t.classmethod = makeType("classmethod", t.object, Kind::ClassMethod);
    t.super = makeType("super", t.object, Kind::Super);
    t.generator = makeType("generator", t.object, Kind::Generator, false);
    t.coroutine = makeType("coroutine", t.object, Kind::Generator, false);
    t.asyncGenerator = makeType("async_generator", t.object, Kind::Generator, false);
    t.dictKeys = makeType("dict_keys", t.object, Kind::DictView, false);
    t.dictValues = makeType("dict_values", t.object, Kind::DictView, false);
    t.dictItems = makeType("dict_items", t.object, Kind::DictView, false);
    t.listIterator = makeType("list_iterator", t.object, Kind::Iterator, false);
    t.tupleIterator = makeType("tuple_iterator", t.object, Kind::Iterator, false);
    t.strIterator = makeType("str_ascii_iterator", t.object, Kind::Iterator, false);
    t.rangeIterator = makeType("range_iterator", t.object, Kind::Iterator, false);
    t.dictKeyIterator = makeType("dict_keyiterator", t.object, Kind::Iterator, false);
    t.dictValueIterator = makeType("dict_valueiterator", t.object, Kind::Iterator, false);
    t.dictItemIterator = makeType("dict_itemiterator", t.object, Kind::Iterator, false);
    t.setIterator = makeType("set_iterator", t.object, Kind::Iterator, false);
    t.enumerate = makeType("enumerate", t.object, Kind::Iterator);
    t.zip = makeType("zip", t.object, Kind::Iterator);
    t.map = makeType("map", t.object, Kind::Iterator);
    t.filter = makeType("filter", t.object, Kind::Iterator);
    t.reversed = makeType("reversed", t.object, Kind::Iterator);
    t.callIterator = makeType("callable_iterator", t.object, Kind::Iterator, false);
    t.seqIterator = makeType("iterator", t.object, Kind::Iterator, false);
    t.traceback = makeType("traceback", t.object, Kind::Singleton, false);
    t.code = makeType("code", t.object, Kind::Singleton, false);
    t.frame = makeType("frame", t.object, Kind::Singleton, false);

    t.BaseException = makeExc("BaseException", t.object);
    t.Exception = makeExc("Exception", t.BaseException);
    t.GeneratorExit = makeExc("GeneratorExit", t.BaseException);
    t.KeyboardInterrupt = makeExc("KeyboardInterrupt", t.BaseException);
    t.SystemExit = makeExc("SystemExit", t.BaseException);
    t.BaseExceptionGroup = makeExc("BaseExceptionGroup", t.BaseException);
    t.ExceptionGroup = makeExc("ExceptionGroup", t.BaseExceptionGroup);
    t.ExceptionGroup->bases.push_back(Ref<ClassObject>(t.Exception));
    t.ExceptionGroup->mro = {t.ExceptionGroup, t.BaseExceptionGroup, t.Exception, t.BaseException, t.object};
    t.ArithmeticError = makeExc("ArithmeticError", t.Exception);
    t.ZeroDivisionError = makeExc("ZeroDivisionError", t.ArithmeticError);
    t.OverflowError = makeExc("OverflowError", t.ArithmeticError);
    t.FloatingPointError = makeExc("FloatingPointError", t.ArithmeticError);
    t.AssertionError = makeExc("AssertionError", t.Exception);
    t.AttributeError = makeExc("AttributeError", t.Exception);
    t.BufferError = makeExc("BufferError", t.Exception);
    t.EOFError = makeExc("EOFError", t.Exception);
    t.ImportError = makeExc("ImportError", t.Exception);
    t.ModuleNotFoundError = makeExc("ModuleNotFoundError", t.ImportError);
    t.LookupError = makeExc("LookupError", t.Exception);
    t.IndexError = makeExc("IndexError", t.LookupError);
    t.KeyError = makeExc("KeyError", t.LookupError);
    t.MemoryError = makeExc("MemoryError", t.Exception);
    t.NameError = makeExc("NameError", t.Exception);
    t.UnboundLocalError = makeExc("UnboundLocalError", t.NameError);
    t.OSError = makeExc("OSError", t.Exception);
    t.TimeoutError = makeExc("TimeoutError", t.OSError);
    t.ConnectionError = makeExc("ConnectionError", t.OSError);
    t.BrokenPipeError = makeExc("BrokenPipeError", t.ConnectionError);
    t.ConnectionResetError = makeExc("ConnectionResetError", t.ConnectionError);
    t.ConnectionRefusedError = makeExc("ConnectionRefusedError", t.ConnectionError);
    t.FileNotFoundError = makeExc("FileNotFoundError", t.OSError);
    t.PermissionError = makeExc("PermissionError", t.OSError);
    t.InterruptedError = makeExc("InterruptedError", t.OSError);
    t.BlockingIOError = makeExc("BlockingIOError", t.OSError);
    t.ChildProcessError = makeExc("ChildProcessError", t.OSError);
    t.ConnectionAbortedError = makeExc("ConnectionAbortedError", t.ConnectionError);
    t.FileExistsError = makeExc("FileExistsError", t.OSError);
    t.IsADirectoryError = makeExc("IsADirectoryError", t.OSError);
    t.NotADirectoryError = makeExc("NotADirectoryError", t.OSError);
    t.ProcessLookupError = makeExc("ProcessLookupError", t.OSError);
    t.ReferenceError = makeExc("ReferenceError", t.Exception);
    t.RuntimeError = makeExc("RuntimeError", t.Exception);
    t.NotImplementedError = makeExc("NotImplementedError", t.RuntimeError);
    t.RecursionError = makeExc("RecursionError", t.RuntimeError);
    t.StopIteration = makeExc("StopIteration", t.Exception);
    t.StopAsyncIteration = makeExc("StopAsyncIteration", t.Exception);
    t.SyntaxError = makeExc("SyntaxError", t.Exception);
    t.IndentationError = makeExc("IndentationError", t.SyntaxError);
    t.TabError = makeExc("TabError", t.IndentationError);
    t.SystemError = makeExc("SystemError", t.Exception);
    t.TypeError = makeExc("TypeError", t.Exception);
    t.ValueError = makeExc("ValueError", t.Exception);
    t.UnicodeError = makeExc("UnicodeError", t.ValueError);
    t.UnicodeDecodeError = makeExc("UnicodeDecodeError", t.UnicodeError);
    t.UnicodeEncodeError = makeExc("UnicodeEncodeError", t.UnicodeError);
    t.UnicodeTranslateError = makeExc("UnicodeTranslateError", t.UnicodeError);
    t.Warning = makeExc("Warning", t.Exception);
    t.UserWarning = makeExc("UserWarning", t.Warning);
    t.DeprecationWarning = makeExc("DeprecationWarning", t.Warning);
    t.RuntimeWarning = makeExc("RuntimeWarning", t.Warning);
    t.ResourceWarning = makeExc("ResourceWarning", t.Warning);
    t.BytesWarning = makeExc("BytesWarning", t.Warning);
    t.EncodingWarning = makeExc("EncodingWarning", t.Warning);
    t.FutureWarning = makeExc("FutureWarning", t.Warning);
    t.ImportWarning = makeExc("ImportWarning", t.Warning);
    t.PendingDeprecationWarning = makeExc("PendingDeprecationWarning", t.Warning);
    t.SyntaxWarning = makeExc("SyntaxWarning", t.Warning);
    t.UnicodeWarning = makeExc("UnicodeWarning", t.Warning);

    auto* ni = new SingletonObject(t.notImplemented, "NotImplemented");
    ni->pin();
    t.notImplementedValue = Value(ni);
    auto* el = new SingletonObject(t.ellipsis, "Ellipsis");
    el->pin();
    t.ellipsisValue = Value(el);

    Names& n = g_names;
#define NAME(field, text) n.field = intern(text)
    NAME(__init__, "__init__"); NAME(__new__, "__new__"); NAME(__str__, "__str__"); NAME(__repr__, "__repr__");
    NAME(__eq__, "__eq__"); NAME(__ne__, "__ne__"); NAME(__lt__, "__lt__"); NAME(__le__, "__le__");
    NAME(__gt__, "__gt__"); NAME(__ge__, "__ge__"); NAME(__hash__, "__hash__"); NAME(__len__, "__len__");
    NAME(__iter__, "__iter__"); NAME(__next__, "__next__"); NAME(__getitem__, "__getitem__");
    NAME(__setitem__, "__setitem__"); NAME(__delitem__, "__delitem__"); NAME(__contains__, "__contains__");
    NAME(__call__, "__call__"); NAME(__enter__, "__enter__"); NAME(__exit__, "__exit__");
    NAME(__aenter__, "__aenter__"); NAME(__aexit__, "__aexit__"); NAME(__bool__, "__bool__");
    NAME(__add__, "__add__"); NAME(__radd__, "__radd__"); NAME(__iadd__, "__iadd__");
    NAME(__sub__, "__sub__"); NAME(__rsub__, "__rsub__"); NAME(__isub__, "__isub__");
    NAME(__mul__, "__mul__"); NAME(__rmul__, "__rmul__"); NAME(__imul__, "__imul__");
    NAME(__truediv__, "__truediv__"); NAME(__rtruediv__, "__rtruediv__"); NAME(__itruediv__, "__itruediv__");
    NAME(__floordiv__, "__floordiv__"); NAME(__rfloordiv__, "__rfloordiv__"); NAME(__ifloordiv__, "__ifloordiv__");
    NAME(__mod__, "__mod__"); NAME(__rmod__, "__rmod__"); NAME(__imod__, "__imod__");
    NAME(__pow__, "__pow__"); NAME(__rpow__, "__rpow__"); NAME(__ipow__, "__ipow__");
    NAME(__matmul__, "__matmul__"); NAME(__rmatmul__, "__rmatmul__"); NAME(__imatmul__, "__imatmul__");
    NAME(__lshift__, "__lshift__"); NAME(__rlshift__, "__rlshift__"); NAME(__ilshift__, "__ilshift__");
    NAME(__rshift__, "__rshift__"); NAME(__rrshift__, "__rrshift__"); NAME(__irshift__, "__irshift__");
    NAME(__and__, "__and__"); NAME(__rand__, "__rand__"); NAME(__iand__, "__iand__");
    NAME(__or__, "__or__"); NAME(__ror__, "__ror__"); NAME(__ior__, "__ior__");
    NAME(__xor__, "__xor__"); NAME(__rxor__, "__rxor__"); NAME(__ixor__, "__ixor__");
    NAME(__neg__, "__neg__"); NAME(__pos__, "__pos__"); NAME(__invert__, "__invert__"); NAME(__abs__, "__abs__");
    NAME(__index__, "__index__"); NAME(__int__, "__int__"); NAME(__float__, "__float__");
    NAME(__format__, "__format__"); NAME(__getattr__, "__getattr__"); NAME(__getattribute__, "__getattribute__");
    NAME(__setattr__, "__setattr__"); NAME(__delattr__, "__delattr__"); NAME(__get__, "__get__");
    NAME(__set__, "__set__"); NAME(__delete__, "__delete__"); NAME(__class__, "__class__");
    NAME(__dict__, "__dict__"); NAME(__name__, "__name__"); NAME(__qualname__, "__qualname__");
    NAME(__module__, "__module__"); NAME(__doc__, "__doc__"); NAME(__await__, "__await__");
    NAME(__aiter__, "__aiter__"); NAME(__anext__, "__anext__"); NAME(__del__, "__del__");
    NAME(__init_subclass__, "__init_subclass__"); NAME(__set_name__, "__set_name__");
    NAME(__class_getitem__, "__class_getitem__"); NAME(__reversed__, "__reversed__");
    NAME(__round__, "__round__"); NAME(__trunc__, "__trunc__"); NAME(__floor__, "__floor__");
    NAME(__ceil__, "__ceil__"); NAME(__length_hint__, "__length_hint__"); NAME(__missing__, "__missing__");
    NAME(__main__, "__main__"); NAME(__builtins__, "__builtins__"); NAME(__file__, "__file__");
    NAME(__slots__, "__slots__"); NAME(__bases__, "__bases__"); NAME(__mro__, "__mro__");
    NAME(__traceback__, "__traceback__"); NAME(__context__, "__context__"); NAME(__cause__, "__cause__");
    NAME(__suppress_context__, "__suppress_context__"); NAME(args, "args"); NAME(send, "send");
    NAME(throw_, "throw"); NAME(close, "close"); NAME(__notes__, "__notes__"); NAME(__sizeof__, "__sizeof__");
    NAME(__contains_dummy, "__contains_dummy");
#undef NAME

    installObjectType(t);
    installStrType(t);
    installNumberTypes(t);
    installListTupleTypes(t);
    installDictSetTypes(t);
    installIteratorTypes(t);
    installGeneratorTypes(t);
}

}  // namespace

void installObjectType(const Types& t) {
    t.object->nativeNew = objectNewChecked;
    t.object->instancesHaveDict = false;
    // Builtin types whose constructor CPython 3.11 calls through vectorcall,
    // without a recursion check.
    for (ClassObject* c : {t.type, t.boolean, t.float_, t.str, t.list, t.tuple, t.dict, t.set, t.frozenset,
                           t.range, t.enumerate, t.reversed, t.map, t.filter, t.zip})
        c->callCountsRecursion = false;
    defineMethod(t.object, "__init__", objectInit);
    defineStaticMethod(t.object, "__new__", objectNew);
    defineMethod(t.object, "__repr__", objectRepr);
    defineMethod(t.object, "__str__", objectStr);
    defineMethod(t.object, "__eq__", objectEq);
    defineMethod(t.object, "__ne__", objectNe);
    for (const char* cmp : {"__lt__", "__le__", "__gt__", "__ge__"}) defineMethod(t.object, cmp, objectNotImplemented);
    defineMethod(t.object, "__hash__", objectHash);
    defineMethod(t.object, "__format__", objectFormat);
    defineMethod(t.object, "__setattr__", objectSetattr);
    defineMethod(t.object, "__getattribute__", objectGetattribute);
    defineMethod(t.object, "__delattr__", objectDelattr);
    defineClassMethod(t.object, "__init_subclass__", objectInitSubclass);
    defineGetter(t.object, "__class__", objectClass);
    defineGetter(t.object, "__dict__", objectDict, objectSetDict);

    t.type->nativeNew = typeNew;
    defineMethod(t.type, "mro", typeMro);
    defineMethod(t.type, "__subclasses__", typeSubclasses);
    defineMethod(t.type, "__subclasscheck__", typeSubclassCheck);
    defineMethod(t.type, "__instancecheck__", typeInstanceCheck);

    t.none->nativeNew = noneNew;
    defineMethod(t.none, "__bool__", noneBool);
    defineMethod(t.notImplemented, "__repr__", singletonRepr);
    defineMethod(t.ellipsis, "__repr__", singletonRepr);
    defineMethod(t.traceback, "__repr__", singletonRepr);

    defineMethod(t.function, "__get__", functionGet);
    defineGetter(t.function, "__name__", functionName, functionSetName);
    defineGetter(t.function, "__qualname__", functionQualname, functionSetQualname);
    defineField<&FunctionObject::doc>(t.function, "__doc__");
    defineField<&FunctionObject::module>(t.function, "__module__");
    defineGetter(t.function, "__annotations__", functionAnnotations, functionSetAnnotations);
    defineGetter(t.function, "__closure__", functionClosure);
    defineGetter(t.function, "__globals__", functionGlobals);
    defineGetter(t.cell, "cell_contents", cellContents, fieldSet<&CellObject::value>);
    defineGetter(t.function, "__defaults__", functionDefaults);
    defineGetter(t.function, "__kwdefaults__", functionKwdefaults);
    defineGetter(t.method, "__self__", fieldGet<&BoundMethodObject::self>);
    defineGetter(t.method, "__func__", fieldGet<&BoundMethodObject::func>);
    defineGetter(t.method, "__name__", methodName);
    defineGetter(t.method, "__qualname__", methodQualname);
    defineGetter(t.builtinFunction, "__name__", builtinName);
    defineGetter(t.builtinFunction, "__qualname__", builtinQualname);
    defineGetter(t.builtinFunction, "__self__", builtinSelf);

    t.property->nativeNew = propertyNew;
    defineMethod(t.property, "getter", propertyGetterM);
    defineMethod(t.property, "setter", propertySetterM);
    defineMethod(t.property, "deleter", propertyDeleterM);
    defineGetter(t.property, "fget", fieldGet<&PropertyObject::fget>);
    defineGetter(t.property, "fset", fieldGet<&PropertyObject::fset>);
    defineGetter(t.property, "fdel", fieldGet<&PropertyObject::fdel>);
    defineGetter(t.property, "__doc__", fieldGet<&PropertyObject::doc>);
    t.staticmethod->nativeNew = staticmethodNew;
    t.classmethod->nativeNew = classmethodNew;
    defineGetter(t.staticmethod, "__func__", wrappedFunc);
    defineGetter(t.classmethod, "__func__", wrappedFunc);
    t.super->nativeNew = superNew;

    t.BaseException->nativeNew = exceptionNew;
    defineMethod(t.BaseException, "__init__", exceptionInit);
    defineMethod(t.BaseException, "__str__", exceptionStr);
    defineMethod(t.BaseException, "__repr__", exceptionRepr);
    defineMethod(t.BaseException, "with_traceback", exceptionWithTraceback);
    defineMethod(t.BaseException, "add_note", exceptionAddNote);
    defineGetter(t.BaseException, "args", exceptionArgs, exceptionSetArgs);
    defineGetter(t.BaseException, "__traceback__", exceptionTraceback, exceptionSetTraceback);
    defineGetter(t.BaseException, "__context__", fieldOrNone<&ExceptionObject::context>, exceptionSetContext);
    defineGetter(t.BaseException, "__cause__", fieldOrNone<&ExceptionObject::cause>, exceptionSetCause);
    defineGetter(t.BaseException, "__suppress_context__", exceptionSuppress, exceptionSetSuppress);
    defineGetter(t.BaseException, "__notes__", exceptionNotes);
    defineMethod(t.KeyError, "__str__", keyErrorStr);
    defineField<&ExceptionObject::value>(t.StopIteration, "value");
    defineField<&ExceptionObject::name>(t.NameError, "name");
    defineField<&ExceptionObject::name>(t.AttributeError, "name");
    defineField<&ExceptionObject::obj>(t.AttributeError, "obj");
    defineField<&ExceptionObject::name>(t.ImportError, "name");
    defineGetter(t.ImportError, "path", exceptionNone);
    defineMethod(t.OSError, "__str__", osErrorStr);
    using F = ExceptionObject::OSErrorFields;
    defineGetter(t.OSError, "errno", osErrorField<&F::errnum>, osErrorSetField<&F::errnum>);
    defineGetter(t.OSError, "strerror", osErrorField<&F::strerror>, osErrorSetField<&F::strerror>);
    defineGetter(t.OSError, "filename", osErrorField<&F::filename>, osErrorSetField<&F::filename>);
    defineGetter(t.OSError, "filename2", osErrorField<&F::filename2>, osErrorSetField<&F::filename2>);
    defineField<&ExceptionObject::value>(t.SystemExit, "code");
    t.BaseExceptionGroup->nativeNew = exceptionGroupNew;
    defineMethod(t.BaseExceptionGroup, "__init__", exceptionGroupInit);
    defineMethod(t.BaseExceptionGroup, "__str__", exceptionGroupStr);
    defineMethod(t.BaseExceptionGroup, "derive", exceptionGroupDerive);
    defineMethod(t.BaseExceptionGroup, "split", exceptionGroupSplit);
    defineMethod(t.BaseExceptionGroup, "subgroup", exceptionGroupSubgroup);
    defineGetter(t.BaseExceptionGroup, "message", fieldGet<&ExceptionObject::groupMessage>);
    defineGetter(t.BaseExceptionGroup, "exceptions", exceptionGroupExceptions);
}

}  // namespace ascope::rt
