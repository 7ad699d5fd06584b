// Values and reference-counted objects.
//
// Why it is built this way: asyncio's own messages ("coroutine ... was never
// awaited", "Task exception was never retrieved") are printed when CPython
// frees an object, so object lifetime must follow CPython's reference counts
// exactly; a tracing collector would print them at the wrong moment. Every
// heap object therefore carries an intrusive count and dies the instant the
// last `Value` or `Ref` holding it goes away.
//
// The common scalars (None, bool, small int, float) live inline in a 16-byte
// `Value` and never touch the heap, which is what keeps arithmetic loops fast.
// Integers that do not fit in 64 bits are `IntObject`s holding a big integer;
// arithmetic normalises results back to the inline form whenever they fit, so
// an int has exactly one representation for each value.
//
// Objects are shared by one interpreter at a time: counts are not atomic.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

namespace ascope::rt {

class ClassObject;

// What native layout an object has; lets hot paths dispatch with a switch
// instead of a dynamic_cast. User subclasses keep the kind of their builtin base.
enum class Kind : uint8_t {
    Str, Bytes, Int, Tuple, List, Dict, Set, FrozenSet, Range, Slice,
    Function, BoundMethod, Builtin, Class, Instance, Exception, Module, Cell,
    Generator, Property, StaticMethod, ClassMethod, Super, Iterator, DictView,
    Singleton, Native
};

class Object {
public:
    Object(ClassObject* type, Kind kind) : m_type(type), m_kind(kind) {
        const uint64_t serial = s_nextSerial++;
        m_serialLo = uint32_t(serial);
        m_serialHi = uint16_t(serial >> 32);
    }
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;
    virtual ~Object() = default;

    ClassObject* type() const { return m_type; }
    Kind kind() const { return m_kind; }
    int64_t refCount() const { return m_refs; }

    void incRef() { ++m_refs; }
    void decRef() {
        if (--m_refs == 0) release(this);
    }

    // Runs just before the object is freed (generator close, asyncio's
    // "never retrieved" reports); the object may be resurrected by it.
    virtual void finalize() {}
    // Whether finalize() does anything, so plain objects skip the resurrection dance.
    virtual bool hasFinalizer() const { return false; }

    // Objects that CPython never frees (builtin types, singletons) are pinned.
    void pin() { m_refs += int64_t(1) << 40; }

    // Identity. Every object gets a creation number; id() and the default
    // hash derive from it instead of the address, so that a run prints the
    // same reprs, iterates sets of objects in the same order and records
    // the same trace every time (addresses change with ASLR and with the
    // allocator's history). Numbers of objects created during a run count
    // from that run's start (`beginRun`), so a re-run in the same process
    // (the window) is identical too; older objects (builtin types) keep
    // theirs, in a separate range, so ids stay unique.
    uint64_t serial() const { return (uint64_t(m_serialHi) << 32) | m_serialLo; }
    static void beginRun() { s_runBase = s_nextSerial; }
    // id(): shaped like a CPython address (16-byte aligned, in the 0x7f.. range).
    static int64_t idOf(const Object* o) {
        if (!o) return 0;
        const uint64_t s = o->serial();
        return s >= s_runBase ? int64_t(0x7f0000000000ull + (s - s_runBase) * 16)
                              : int64_t(0x550000000000ull + s * 16);
    }

protected:
    // Called when the count reaches zero: runs the finalizer hook of the
    // object's kind (generator close, never-awaited warning...) and deletes it,
    // deferring deletion of nested garbage so long chains cannot overflow the
    // C stack (CPython's "trashcan").
    static void release(Object* o);
    friend void setObjectType(Object*, ClassObject*);

    int64_t m_refs = 0;
    ClassObject* m_type;
    Kind m_kind;
    // 48 bits of creation number in what would be padding after m_kind.
    uint16_t m_serialHi = 0;
    uint32_t m_serialLo = 0;
    static inline uint64_t s_nextSerial = 1;
    static inline uint64_t s_runBase = 1;
};

// How a repr shows an object's identity ("0x7f0000000a30"): its id in hex.
std::string addressText(const Object* o);

// An owning, typed pointer to an object (nullptr allowed).
template <typename T>
class Ref {
public:
    Ref() = default;
    Ref(std::nullptr_t) {}
    Ref(T* p) : m_p(p) {
        if (m_p) m_p->incRef();
    }
    Ref(const Ref& o) : m_p(o.m_p) {
        if (m_p) m_p->incRef();
    }
    Ref(Ref&& o) noexcept : m_p(o.m_p) { o.m_p = nullptr; }
    template <typename U>
    Ref(const Ref<U>& o) : m_p(o.get()) {
        if (m_p) m_p->incRef();
    }
    ~Ref() {
        if (m_p) m_p->decRef();
    }
    Ref& operator=(Ref o) noexcept {
        std::swap(m_p, o.m_p);
        return *this;
    }
    T* get() const { return m_p; }
    T* operator->() const { return m_p; }
    T& operator*() const { return *m_p; }
    explicit operator bool() const { return m_p != nullptr; }
    bool operator==(const Ref& o) const { return m_p == o.m_p; }
    // Gives up ownership without decrementing.
    T* release() {
        T* p = m_p;
        m_p = nullptr;
        return p;
    }

private:
    T* m_p = nullptr;
};

// A Python value: an inline scalar or a counted reference to an object.
// A default-constructed Value is "no value" (null), distinct from None; it
// marks unbound locals, missing dict slots and "no result".
class Value {
public:
    enum class Tag : uint8_t { Null, None, Bool, Int, Float, Obj };

    Value() = default;
    Value(Object* o) : m_tag(o ? Tag::Obj : Tag::Null) {
        m_u.o = o;
        if (o) o->incRef();
    }
    template <typename T>
    Value(const Ref<T>& r) : Value(static_cast<Object*>(r.get())) {}
    Value(const Value& v) : m_tag(v.m_tag), m_u(v.m_u) {
        if (m_tag == Tag::Obj) m_u.o->incRef();
    }
    Value(Value&& v) noexcept : m_tag(v.m_tag), m_u(v.m_u) { v.m_tag = Tag::Null; }
    ~Value() {
        if (m_tag == Tag::Obj) m_u.o->decRef();
    }
    Value& operator=(const Value& v) {
        // read v first: it may be *this (x = x) or live inside the old value
        Tag tag = v.m_tag;
        auto u = v.m_u;
        if (tag == Tag::Obj) u.o->incRef();
        Value old(std::move(*this));
        m_tag = tag;
        m_u = u;
        return *this;
    }
    Value& operator=(Value&& v) noexcept {
        if (this != &v) {
            Value old(std::move(*this));
            m_tag = v.m_tag;
            m_u = v.m_u;
            v.m_tag = Tag::Null;
        }
        return *this;
    }

    static Value none() { return Value(Tag::None); }
    static Value boolean(bool b) {
        Value v(Tag::Bool);
        v.m_u.i = b;
        return v;
    }
    static Value integer(int64_t i) {
        Value v(Tag::Int);
        v.m_u.i = i;
        return v;
    }
    static Value real(double d) {
        Value v(Tag::Float);
        v.m_u.f = d;
        return v;
    }

    Tag tag() const { return m_tag; }
    bool isNull() const { return m_tag == Tag::Null; }
    bool isNone() const { return m_tag == Tag::None; }
    bool isBool() const { return m_tag == Tag::Bool; }
    bool isSmallInt() const { return m_tag == Tag::Int; }
    bool isFloat() const { return m_tag == Tag::Float; }
    bool isObj() const { return m_tag == Tag::Obj; }
    bool isObj(Kind k) const { return m_tag == Tag::Obj && m_u.o->kind() == k; }

    bool asBool() const { return m_u.i != 0; }
    int64_t asInt() const { return m_u.i; }  // Int or Bool
    double asFloat() const { return m_u.f; }
    Object* obj() const { return m_u.o; }
    template <typename T>
    T* as() const { return static_cast<T*>(m_u.o); }

    // The bits of a value without ownership, for caches whose entries are
    // kept alive elsewhere; fromRaw() takes a new reference.
    struct Raw {
        Tag tag = Tag::Null;
        int64_t bits = 0;
    };
    Raw raw() const { return Raw{m_tag, m_u.i}; }
    static Value fromRaw(const Raw& r) {
        Value v(r.tag);
        v.m_u.i = r.bits;
        if (r.tag == Tag::Obj) v.m_u.o->incRef();
        return v;
    }

    // Identity, as Python's `is`.
    bool is(const Value& o) const {
        if (m_tag != o.m_tag) return false;
        switch (m_tag) {
        case Tag::Null:
        case Tag::None: return true;
        case Tag::Float: return std::memcmp(&m_u.f, &o.m_u.f, sizeof(double)) == 0;
        case Tag::Obj: return m_u.o == o.m_u.o;
        default: return m_u.i == o.m_u.i;
        }
    }

private:
    explicit Value(Tag t) : m_tag(t) { m_u.i = 0; }
    Tag m_tag = Tag::Null;
    union U {
        int64_t i;
        double f;
        Object* o;
    } m_u{0};
};

}  // namespace ascope::rt
