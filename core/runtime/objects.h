// The concrete object layouts of the runtime.
//
// Why it is built this way: each builtin type has one C++ struct with the data
// CPython keeps for it (a list is a vector of values, a dict an ordered hash
// table, a function a code pointer plus defaults and closure cells). Behaviour
// (methods, operators) lives in the interpreter and the builtin modules, not
// here, so that these structs stay plain data that the trace and the
// inspector can read without running code.
#pragma once

#include "lang/ast.h"
#include "runtime/numeric.h"
#include "runtime/object.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ascope::rt {

class Interp;
class DictObject;
class StrObject;
struct CodeInfo;

// ------------------------------------------------------------------- classes

class CallArgs;
using NativeFn = Value (*)(Interp&, CallArgs&);

class ClassObject : public Object {
public:
    ClassObject(ClassObject* meta, std::string name, Kind instanceKind);
    ~ClassObject() override;

    std::string name;
    std::string module;                     // "builtins" for builtin types, "__main__"...
    std::vector<Ref<ClassObject>> bases;
    std::vector<ClassObject*> mro;          // this class first; `object` last
    std::vector<ClassObject*> subclasses;   // live classes created with this one as a base, oldest first
    Ref<DictObject> dict;
    Kind instanceKind;                      // layout of instances
    bool isBuiltin = false;                 // builtin types refuse new attributes
    bool isBaseable = true;                 // may be subclassed
    // Whether instances get a __dict__: false for `object` and for classes
    // whose every class in the MRO defines __slots__ without "__dict__".
    bool instancesHaveDict = true;
    // Whether calling the class counts against the recursion limit: CPython
    // builtin types with a vectorcall constructor (list, str, map...) do not.
    bool callCountsRecursion = true;
    // Builtin types construct instances natively: `int("3")`, `list(it)`.
    NativeFn nativeNew = nullptr;
    // Bumped whenever this class's dict changes after creation.
    uint64_t version = 0;
    // Lookups are cached process-wide; any class creation, destruction or
    // change of a class dict calls this to drop every cached result.
    static void invalidateLookups();

    // Looks `name` up along the MRO; null when absent.
    Value lookup(StrObject* name) const;
    bool isSubclassOf(const ClassObject* other) const;
    std::string qualifiedName() const;  // "Foo", or "module.Foo" outside builtins/__main__
};

// ------------------------------------------------------------------- scalars

class StrObject : public Object {
public:
    StrObject(std::string s);
    std::string s;                 // UTF-8
    mutable int64_t hashCache = -1;
    mutable int64_t cpLength = -1; // length in code points, computed on demand
    bool interned = false;

    int64_t length() const;        // code points
    bool isAscii() const { return length() == int64_t(s.size()); }
    int64_t hash() const;
};

class BytesObject : public Object {
public:
    explicit BytesObject(std::string b);
    std::string b;
};

// An int that does not fit in 64 bits (never holds a value that fits).
class IntObject : public Object {
public:
    explicit IntObject(num::BigInt v);
    num::BigInt v;
};

// ---------------------------------------------------------------- containers

class TupleObject : public Object {
public:
    TupleObject();
    explicit TupleObject(std::vector<Value> items);
    ~TupleObject() override;  // releases the items last to first, as CPython
    std::vector<Value> items;
    mutable int64_t hashCache = -1;
};

class ListObject : public Object {
public:
    ListObject();
    explicit ListObject(std::vector<Value> items);
    ~ListObject() override;  // releases the items last to first, as CPython
    std::vector<Value> items;
};

// Insertion-ordered hash table, CPython's compact dict: entries in insertion
// order plus an index table probed the way CPython probes.
class DictObject : public Object {
public:
    DictObject();
    struct Entry {
        int64_t hash;
        Value key;    // null for a deleted entry
        Value value;
    };
    std::vector<Entry> entries;
    std::vector<int32_t> index;  // -1 empty, -2 dummy, else entry index
    int64_t used = 0;
    // Changes on every insertion or deletion (never on a value update); unique
    // across all dicts, so (version) alone identifies a dict's key layout.
    uint64_t version;

    // All of these may run Python code (__hash__, __eq__) and may throw.
    Value get(Interp& in, const Value& key);                      // null when absent
    Value getStr(StrObject* key);                                 // exact str keys, no Python code
    int64_t findStr(StrObject* key);                              // entry index, or -1
    void set(Interp& in, const Value& key, Value value);
    void setStr(StrObject* key, Value value);
    bool remove(Interp& in, const Value& key);                    // false when absent
    Value pop(Interp& in, const Value& key);                      // null when absent
    bool contains(Interp& in, const Value& key) { return !get(in, key).isNull(); }
    void clear();
    int64_t size() const { return used; }

    // Iteration helpers: visit live entries in order.
    template <typename F>
    void forEach(F f) const {
        for (const auto& e : entries)
            if (!e.key.isNull()) f(e.key, e.value);
    }

private:
    friend class Interp;
    int64_t lookup(Interp* in, const Value& key, int64_t hash);  // entry index or -1
    void insertIndex(int64_t hash, int32_t entryIndex);
    void resize(size_t minSize);
    void compact();
};

// CPython's set table, reproduced probe for probe, so iteration order matches.
class SetObject : public Object {
public:
    SetObject(ClassObject* type, Kind kind);  // set or frozenset
    struct Entry {
        Value key;       // null: unused; see `dummy`
        int64_t hash = 0;
        bool dummy = false;
    };
    std::vector<Entry> table;
    int64_t fill = 0;  // active + dummy
    int64_t used = 0;  // active
    int64_t mask = 7;
    int64_t finger = 0;  // for pop()
    mutable int64_t hashCache = -1;  // frozenset only

    bool add(Interp& in, const Value& key);                  // true when inserted
    bool contains(Interp& in, const Value& key);
    bool discard(Interp& in, const Value& key);              // true when removed
    void clear();
    int64_t size() const { return used; }
    template <typename F>
    void forEach(F f) const {
        for (const auto& e : table)
            if (!e.key.isNull()) f(e.key);
    }
    void addHashed(Interp& in, const Value& key, int64_t hash);
    // CPython's set_merge with another set: one resize up front, then a table
    // copy or clean inserts in the other table's order when this one is empty.
    void mergeFrom(Interp& in, const SetObject& other);
    void insertClean(const Value& key, int64_t hash);
    void resize(int64_t minUsed);

private:
    int64_t find(Interp& in, const Value& key, int64_t hash);  // table index or -1
};

class RangeObject : public Object {
public:
    RangeObject(int64_t start, int64_t stop, int64_t step);
    int64_t start, stop, step;
    int64_t length() const;
    int64_t at(int64_t i) const { return start + i * step; }
};

class SliceObject : public Object {
public:
    SliceObject(Value start, Value stop, Value step);
    Value start, stop, step;
};

// ---------------------------------------------------------------- functions

class CellObject : public Object {
public:
    CellObject();
    explicit CellObject(Value v);
    Value value;  // null when empty
};

class FunctionObject : public Object {
public:
    FunctionObject(CodeInfo* code, Ref<DictObject> globals);
    CodeInfo* code;
    Ref<DictObject> globals;
    Ref<StrObject> name;
    Ref<StrObject> qualname;
    std::vector<Value> defaults;       // for the last params
    Ref<DictObject> kwDefaults;        // may be null
    std::vector<Ref<CellObject>> closure;
    Ref<DictObject> attrs;             // function __dict__, created on demand
    Value module;                      // __module__
    Value doc;
    Value annotations;                 // __annotations__ dict; null until set or read
};

class BoundMethodObject : public Object {
public:
    BoundMethodObject(Value func, Value self);
    Value func;
    Value self;
};

// A function implemented in C++, optionally bound to `self`.
class BuiltinObject : public Object {
public:
    BuiltinObject(const char* name, NativeFn fn, Value self = Value(), ClassObject* owner = nullptr);
    const char* name;
    NativeFn fn;
    Value self;               // for bound builtin methods (`[].append`), else null
    ClassObject* owner;       // the type that defines it (for reprs), or null
    // Whether calling it counts against the recursion limit, as CPython's
    // METH_O/METH_NOARGS/METH_VARARGS entry points do (its METH_FASTCALL
    // builtins, `getattr`, `sorted`, `print`..., do not).
    bool countsRecursion = true;
};

class PropertyObject : public Object {
public:
    PropertyObject(Value fget, Value fset, Value fdel, Value doc);
    Value fget, fset, fdel, doc;
};

// Getter/setter of a builtin attribute (`e.args`, `f.__name__`), a data descriptor.
class NativePropertyObject : public Object {
public:
    using Getter = Value (*)(Interp&, const Value& self);
    using Setter = void (*)(Interp&, const Value& self, const Value& v);
    NativePropertyObject(const char* name, Getter g, Setter s);
    const char* name;
    Getter getter;
    Setter setter;
};

class StaticMethodObject : public Object {
public:
    explicit StaticMethodObject(Value f);
    Value func;
};

class ClassMethodObject : public Object {
public:
    explicit ClassMethodObject(Value f);
    Value func;
};

class SuperObject : public Object {
public:
    SuperObject(ClassObject* type, Value obj, ClassObject* objType);
    Ref<ClassObject> startAfter;  // look in the MRO of objType after this class
    Value obj;
    Ref<ClassObject> objType;
};

// ---------------------------------------------------------------- instances

class InstanceObject : public Object {
public:
    InstanceObject(ClassObject* type, Kind kind = Kind::Instance);
    Ref<DictObject> dict;   // created on first attribute store
    Ref<DictObject> slots;  // values of __slots__ attributes, created on first store

    // A class defining __del__ has it called when the last reference dies,
    // once: an object resurrected by its __del__ is not finalized again.
    bool hasFinalizer() const override;
    void finalize() override;
    bool finalized = false;
};

// One line of a traceback, innermost last while an exception travels outward.
struct TracebackEntry {
    const CodeInfo* code = nullptr;  // function name and file
    lang::Pos pos;                    // the expression or statement that was running
    int anchorLeft = -1;              // carets: end of the primary part (byte column), or -1
    int anchorRight = -1;             // carets: start of the trailing primary part
    bool isBinOp = false;             // anchors come from a binary operator (else a subscript)
    uint64_t frameSerial = 0;         // which frame activation added it
};

class ExceptionObject : public InstanceObject {
public:
    explicit ExceptionObject(ClassObject* type);
    Ref<TupleObject> args;
    std::shared_ptr<std::vector<TracebackEntry>> traceback;  // null: never raised
    Value context;   // __context__ (null or exception)
    Value cause;     // __cause__
    bool suppressContext = false;
    Value value;     // StopIteration.value / SystemExit.code (as Python exposes it)
    Value notes;     // __notes__ list, or null
    Ref<TupleObject> groupExceptions;  // ExceptionGroup sub-exceptions
    uint64_t traceId = 0;  // its identity in the trace being recorded (runtime/tracing.cpp); 0: none yet
    Value groupMessage;
    Value name;      // NameError.name, AttributeError.name, ImportError.name (null: None)
    Value obj;       // AttributeError.obj (null: None)
    // OSError's errno, strerror, filename, filename2 (each null: None), set
    // when it was constructed with 2 to 5 arguments.
    struct OSErrorFields {
        Value errnum, strerror, filename, filename2;
    };
    std::unique_ptr<OSErrorFields> os;
    // Objects CPython's traceback would keep alive through the frames of
    // library functions we implement natively (their arguments and locals).
    std::vector<Value> frameRefs;
};

class ModuleObject : public Object {
public:
    ModuleObject(std::string name);
    std::string name;
    Ref<DictObject> dict;
};

// NotImplemented, Ellipsis.
class SingletonObject : public Object {
public:
    SingletonObject(ClassObject* type, const char* repr);
    const char* repr;
};

// Base of native iterators (list_iterator, range_iterator, zip, map...).
class IteratorObject : public Object {
public:
    IteratorObject(ClassObject* type) : Object(type, Kind::Iterator) {}
    // The next item, or null when exhausted. May throw a Python exception.
    virtual Value next(Interp& in) = 0;
    // Items left, when cheaply known (for __length_hint__); -1 otherwise.
    virtual int64_t remaining() const { return -1; }
    // `send()` as `yield from`/`await` drives it: the next item, or, when
    // `returned` is set, the iterator's return value (StopIteration.value).
    // Iterators without a send() method of their own take only None (plain
    // next()); anything else raises AttributeError as CPython's `yield from`
    // does when it calls the missing `send`.
    virtual Value send(Interp& in, const Value& sent, bool& returned);
};

// dict.keys() / values() / items().
class DictViewObject : public Object {
public:
    enum class Which { Keys, Values, Items };
    DictViewObject(ClassObject* type, Ref<DictObject> d, Which w);
    Ref<DictObject> dict;
    Which which;
};

// Values of the native classes of modules (asyncio objects, ...): the module
// subclasses it and the interpreter asks it for attributes before the
// generic lookup.
class NativeObject : public Object {
public:
    NativeObject(ClassObject* type) : Object(type, Kind::Native) {}
    Ref<DictObject> dict;  // user attributes, created on demand
};

// Helpers to make values.
Value makeStr(std::string s);
Value makeTuple(std::vector<Value> items);
Value makeList(std::vector<Value> items);
Value makeInt(const num::BigInt& v);  // normalises to an inline int when it fits
inline bool isStr(const Value& v) { return v.isObj(Kind::Str); }
inline StrObject* asStr(const Value& v) { return v.as<StrObject>(); }

}  // namespace ascope::rt
