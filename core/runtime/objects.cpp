#include "runtime/objects.h"

#include "runtime/interp.h"

#include <algorithm>
#include <cassert>

namespace ascope::rt {

// ------------------------------------------------------------------ release

namespace {
int g_releaseDepth = 0;
std::vector<Object*> g_pendingRelease;
}  // namespace

void Object::release(Object* o) {
    if (o->hasFinalizer()) {
        o->m_refs = 1;
        o->finalize();
        if (--o->m_refs > 0) return;  // resurrected
    }
    if (g_releaseDepth > 64) {
        g_pendingRelease.push_back(o);
        return;
    }
    ++g_releaseDepth;
    delete o;
    if (g_releaseDepth == 1) {
        while (!g_pendingRelease.empty()) {
            Object* p = g_pendingRelease.back();
            g_pendingRelease.pop_back();
            delete p;
        }
    }
    --g_releaseDepth;
}

void setObjectType(Object* o, ClassObject* t) { o->m_type = t; }

// ------------------------------------------------------------------ classes

namespace {
uint64_t g_classEpoch = 1;
uint64_t g_dictVersion = 0;

struct LookupCacheEntry {
    const ClassObject* type = nullptr;
    const StrObject* name = nullptr;
    uint64_t epoch = 0;
    Value::Raw value;
};
LookupCacheEntry g_lookupCache[4096];
}  // namespace

void ClassObject::invalidateLookups() { ++g_classEpoch; }

ClassObject::ClassObject(ClassObject* meta, std::string n, Kind k)
    : Object(meta, Kind::Class), name(std::move(n)), dict(new DictObject()), instanceKind(k) {
    if (meta) meta->incRef();
    invalidateLookups();
}

ClassObject::~ClassObject() {
    invalidateLookups();
    for (auto& b : bases) {
        auto& subs = b->subclasses;
        subs.erase(std::remove(subs.begin(), subs.end(), this), subs.end());
    }
    if (m_type) m_type->decRef();
}

Value ClassObject::lookup(StrObject* key) const {
    size_t h = ((reinterpret_cast<uintptr_t>(this) >> 4) ^ (reinterpret_cast<uintptr_t>(key) >> 3)) & 4095;
    LookupCacheEntry& e = g_lookupCache[h];
    if (e.type == this && e.name == key && e.epoch == g_classEpoch) return Value::fromRaw(e.value);
    Value found;
    for (ClassObject* c : mro) {
        found = c->dict->getStr(key);
        if (!found.isNull()) break;
    }
    e.type = this;
    e.name = key;
    e.epoch = g_classEpoch;
    e.value = found.raw();
    return found;
}

bool ClassObject::isSubclassOf(const ClassObject* other) const {
    if (this == other) return true;
    for (ClassObject* c : mro)
        if (c == other) return true;
    return false;
}

std::string ClassObject::qualifiedName() const {
    if (module.empty() || module == "builtins" || module == "__main__") return name;
    return module + "." + name;
}

// ------------------------------------------------------------------ scalars

StrObject::StrObject(std::string str) : Object(types().str, Kind::Str), s(std::move(str)) {}

int64_t StrObject::length() const {
    if (cpLength < 0) {
        int64_t n = 0;
        for (unsigned char c : s)
            if ((c & 0xC0) != 0x80) ++n;
        cpLength = n;
    }
    return cpLength;
}

int64_t StrObject::hash() const {
    if (hashCache == -1) hashCache = num::hashString(s);
    return hashCache;
}

BytesObject::BytesObject(std::string bytes) : Object(types().bytes, Kind::Bytes), b(std::move(bytes)) {}

IntObject::IntObject(num::BigInt value) : Object(types().int_, Kind::Int), v(std::move(value)) {}

TupleObject::TupleObject() : Object(types().tuple, Kind::Tuple) {}
TupleObject::TupleObject(std::vector<Value> i) : Object(types().tuple, Kind::Tuple), items(std::move(i)) {}

ListObject::ListObject() : Object(types().list, Kind::List) {}
ListObject::ListObject(std::vector<Value> i) : Object(types().list, Kind::List), items(std::move(i)) {}

// CPython's list_dealloc and tupledealloc drop their items from the last to
// the first: finalizers (__del__, "never awaited") run in that order.
namespace {
void releaseBackwards(std::vector<Value>& items) {
    for (size_t i = items.size(); i-- > 0;) items[i] = Value();
}
}  // namespace

TupleObject::~TupleObject() { releaseBackwards(items); }
ListObject::~ListObject() { releaseBackwards(items); }

RangeObject::RangeObject(int64_t a, int64_t b, int64_t c)
    : Object(types().range, Kind::Range), start(a), stop(b), step(c) {}

int64_t RangeObject::length() const {
    if (step > 0) {
        if (stop <= start) return 0;
        return int64_t((uint64_t(stop) - uint64_t(start) - 1) / uint64_t(step) + 1);
    }
    if (stop >= start) return 0;
    return int64_t((uint64_t(start) - uint64_t(stop) - 1) / (0 - uint64_t(step)) + 1);
}

SliceObject::SliceObject(Value a, Value b, Value c)
    : Object(types().slice, Kind::Slice), start(std::move(a)), stop(std::move(b)), step(std::move(c)) {}

CellObject::CellObject() : Object(types().cell, Kind::Cell) {}
CellObject::CellObject(Value v) : Object(types().cell, Kind::Cell), value(std::move(v)) {}

FunctionObject::FunctionObject(CodeInfo* c, Ref<DictObject> g)
    : Object(types().function, Kind::Function), code(c), globals(std::move(g)) {}

BoundMethodObject::BoundMethodObject(Value f, Value s)
    : Object(types().method, Kind::BoundMethod), func(std::move(f)), self(std::move(s)) {}

namespace {
// The module-level builtins CPython 3.11 implements as METH_FASTCALL
// functions, whose calls make no recursion check of their own.
bool isFastcallBuiltin(std::string_view n) {
    static const char* const kNames[] = {"breakpoint", "compile", "delattr", "divmod", "eval", "exec", "format",
                                         "getattr", "hasattr", "input", "isinstance", "issubclass", "iter", "next",
                                         "anext", "pow", "print", "round", "setattr", "sorted", "sum"};
    for (const char* k : kNames)
        if (n == k) return true;
    return false;
}
}  // namespace

BuiltinObject::BuiltinObject(const char* n, NativeFn f, Value s, ClassObject* o)
    : Object(types().builtinFunction, Kind::Builtin), name(n), fn(f), self(std::move(s)), owner(o) {
    if (!o && self.isNull() && isFastcallBuiltin(n)) countsRecursion = false;
}

PropertyObject::PropertyObject(Value g, Value s, Value d, Value doc_)
    : Object(types().property, Kind::Property), fget(std::move(g)), fset(std::move(s)),
      fdel(std::move(d)), doc(std::move(doc_)) {}

NativePropertyObject::NativePropertyObject(const char* n, Getter g, Setter s)
    : Object(types().nativeProperty, Kind::Property), name(n), getter(g), setter(s) {}

StaticMethodObject::StaticMethodObject(Value f) : Object(types().staticmethod, Kind::StaticMethod), func(std::move(f)) {}
ClassMethodObject::ClassMethodObject(Value f) : Object(types().classmethod, Kind::ClassMethod), func(std::move(f)) {}

SuperObject::SuperObject(ClassObject* t, Value o, ClassObject* ot)
    : Object(types().super, Kind::Super), startAfter(t), obj(std::move(o)), objType(ot) {}

InstanceObject::InstanceObject(ClassObject* t, Kind k) : Object(t, k) {
    t->incRef();
}

Value IteratorObject::send(Interp& in, const Value& sent, bool& returned) {
    if (!sent.isNone())
        in.raise(types().AttributeError, "'" + type()->name + "' object has no attribute 'send'");
    Value v = next(in);
    returned = v.isNull();
    return returned ? Value::none() : v;
}

bool InstanceObject::hasFinalizer() const {
    const ClassObject* t = type();
    return !finalized && !t->isBuiltin && !t->lookup(names().__del__).isNull();
}

void InstanceObject::finalize() {
    Interp* in = currentInterp();
    if (!in) return;
    Value del = type()->lookup(names().__del__);
    if (del.isNull()) return;
    finalized = true;
    Value self(this);
    Value pending;
    try {
        in->call(del, {self});
    } catch (PyException& e) {
        pending = std::move(e.exc);
    } catch (AbortRun&) {
        return;  // the run is over; the next step reports it
    }
    if (!pending.isNull()) in->writeUnraisable(pending, in->repr(del));
}

ExceptionObject::ExceptionObject(ClassObject* t) : InstanceObject(t, Kind::Exception), args(new TupleObject()) {}

ModuleObject::ModuleObject(std::string n) : Object(types().module, Kind::Module), name(std::move(n)), dict(new DictObject()) {}

SingletonObject::SingletonObject(ClassObject* t, const char* r) : Object(t, Kind::Singleton), repr(r) {}

DictViewObject::DictViewObject(ClassObject* t, Ref<DictObject> d, Which w)
    : Object(t, Kind::DictView), dict(std::move(d)), which(w) {}

Value makeStr(std::string s) { return Value(new StrObject(std::move(s))); }
Value makeTuple(std::vector<Value> items) { return Value(new TupleObject(std::move(items))); }
Value makeList(std::vector<Value> items) { return Value(new ListObject(std::move(items))); }

Value makeInt(const num::BigInt& v) {
    static const num::BigInt kMin = std::numeric_limits<int64_t>::min();
    static const num::BigInt kMax = std::numeric_limits<int64_t>::max();
    if (v >= kMin && v <= kMax) return Value::integer(static_cast<int64_t>(v));
    return Value(new IntObject(v));
}

// --------------------------------------------------------------------- dict

namespace {
constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;

// Fast equality for keys that need no Python code: identical, or both str.
inline int quickEq(const Value& a, const Value& b) {
    if (a.is(b)) return 1;
    if (a.isObj(Kind::Str) && b.isObj(Kind::Str)) return a.as<StrObject>()->s == b.as<StrObject>()->s;
    return -1;  // unknown
}
}  // namespace

DictObject::DictObject() : Object(types().dict, Kind::Dict), version(++g_dictVersion) {}

int64_t DictObject::findStr(StrObject* key) {
    if (index.empty()) return -1;
    int64_t hash = key->hash();
    size_t mask = index.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        int32_t ix = index[i];
        if (ix == kEmpty) return -1;
        if (ix >= 0) {
            const Entry& e = entries[size_t(ix)];
            if (e.hash == hash && e.key.isObj()) {
                Object* k = e.key.obj();
                if (k == key) return ix;
                if (k->kind() == Kind::Str && static_cast<StrObject*>(k)->s == key->s) return ix;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int64_t DictObject::lookup(Interp* in, const Value& key, int64_t hash) {
    if (index.empty()) return -1;
    size_t mask = index.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    for (;;) {
        int32_t ix = index[i];
        if (ix == kEmpty) return -1;
        if (ix >= 0) {
            Entry& e = entries[size_t(ix)];
            if (e.hash == hash) {
                int q = quickEq(e.key, key);
                if (q == 1) return ix;
                if (q < 0 && in) {
                    Value k = e.key;  // keep alive across __eq__
                    uint64_t v = version;
                    bool same = in->eq(k, key);
                    if (v != version) return lookup(in, key, hash);
                    if (same) return ix;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void DictObject::insertIndex(int64_t hash, int32_t entryIndex) {
    size_t mask = index.size() - 1;
    size_t i = size_t(hash) & mask;
    uint64_t perturb = uint64_t(hash);
    while (index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    index[i] = entryIndex;
}

void DictObject::compact() {
    if (int64_t(entries.size()) == used) return;
    std::vector<Entry> live;
    live.reserve(size_t(used));
    for (auto& e : entries)
        if (!e.key.isNull()) live.push_back(std::move(e));
    entries = std::move(live);
}

void DictObject::resize(size_t minSize) {
    compact();
    size_t n = 8;
    while (n < minSize) n <<= 1;
    index.assign(n, kEmpty);
    for (size_t k = 0; k < entries.size(); ++k) insertIndex(entries[k].hash, int32_t(k));
}

Value DictObject::get(Interp& in, const Value& key) {
    int64_t h = in.hash(key);
    int64_t ix = lookup(&in, key, h);
    return ix < 0 ? Value() : entries[size_t(ix)].value;
}

Value DictObject::getStr(StrObject* key) {
    int64_t ix = findStr(key);
    return ix < 0 ? Value() : entries[size_t(ix)].value;
}

void DictObject::set(Interp& in, const Value& key, Value value) {
    int64_t h = in.hash(key);
    int64_t ix = lookup(&in, key, h);
    if (ix >= 0) {
        entries[size_t(ix)].value = std::move(value);
        return;
    }
    if ((entries.size() + 1) * 3 >= index.size() * 2) resize((size_t(used) + 1) * 3);
    entries.push_back(Entry{h, key, std::move(value)});
    insertIndex(h, int32_t(entries.size() - 1));
    ++used;
    version = ++g_dictVersion;
}

void DictObject::setStr(StrObject* key, Value value) {
    Value k(key);
    int64_t h = key->hash();
    int64_t ix = lookup(nullptr, k, h);
    if (ix >= 0) {
        entries[size_t(ix)].value = std::move(value);
        return;
    }
    if ((entries.size() + 1) * 3 >= index.size() * 2) resize((size_t(used) + 1) * 3);
    entries.push_back(Entry{h, k, std::move(value)});
    insertIndex(h, int32_t(entries.size() - 1));
    ++used;
    version = ++g_dictVersion;
}

Value DictObject::pop(Interp& in, const Value& key) {
    int64_t h = in.hash(key);
    int64_t ix = lookup(&in, key, h);
    if (ix < 0) return Value();
    size_t mask = index.size() - 1;
    size_t i = size_t(h) & mask;
    uint64_t perturb = uint64_t(h);
    while (index[i] != ix) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    index[i] = kDummy;
    Entry& e = entries[size_t(ix)];
    Value old = std::move(e.value);
    Value oldKey = std::move(e.key);
    e.key = Value();
    e.value = Value();
    --used;
    version = ++g_dictVersion;
    if (used == 0) {
        entries.clear();
        index.clear();
    } else if (int64_t(entries.size()) > 16 && used * 2 < int64_t(entries.size())) {
        resize(size_t(used) * 3);
    }
    return old;
}

bool DictObject::remove(Interp& in, const Value& key) { return !pop(in, key).isNull(); }

void DictObject::clear() {
    std::vector<Entry> old;
    old.swap(entries);
    index.clear();
    used = 0;
    version = ++g_dictVersion;
}

// ---------------------------------------------------------------------- set

namespace {
constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;
constexpr int64_t kSetMinSize = 8;
}  // namespace

SetObject::SetObject(ClassObject* t, Kind k) : Object(t, k), table(kSetMinSize) {}

void SetObject::insertClean(const Value& key, int64_t hash) {
    auto place = [&](Entry* e) {
        e->key = key;
        e->hash = hash;
        e->dummy = false;
    };
    uint64_t perturb = uint64_t(hash);
    size_t i = size_t(hash) & size_t(mask);
    for (;;) {
        Entry* e = &table[i];
        if (e->key.isNull() && !e->dummy) return place(e);
        if (i + kLinearProbes <= size_t(mask)) {
            for (int j = 0; j < kLinearProbes; ++j) {
                ++e;
                if (e->key.isNull() && !e->dummy) return place(e);
            }
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & size_t(mask);
    }
}

void SetObject::resize(int64_t minUsed) {
    int64_t newSize = kSetMinSize;
    while (newSize <= minUsed) newSize <<= 1;
    std::vector<Entry> old(static_cast<size_t>(newSize));
    old.swap(table);
    mask = newSize - 1;
    fill = used;
    for (auto& e : old)
        if (!e.key.isNull()) insertClean(e.key, e.hash);
}

int64_t SetObject::find(Interp& in, const Value& key, int64_t hash) {
    for (;;) {
        uint64_t perturb = uint64_t(hash);
        size_t i = size_t(hash) & size_t(mask);
        bool restart = false;
        for (;;) {
            Entry* e = &table[i];
            int probes = (i + kLinearProbes <= size_t(mask)) ? kLinearProbes : 0;
            for (;;) {
                if (e->key.isNull() && !e->dummy) return -1;
                if (!e->key.isNull() && e->hash == hash) {
                    int q = quickEq(e->key, key);
                    if (q == 1) return e - table.data();
                    if (q < 0) {
                        Value k = e->key;
                        size_t before = table.size();
                        Entry* base = table.data();
                        bool same = in.eq(k, key);
                        if (table.size() != before || table.data() != base || !e->key.is(k)) {
                            restart = true;
                            break;
                        }
                        if (same) return e - table.data();
                    }
                }
                if (probes-- == 0) break;
                ++e;
            }
            if (restart) break;
            perturb >>= kPerturbShift;
            i = (i * 5 + 1 + perturb) & size_t(mask);
        }
    }
}

void SetObject::addHashed(Interp& in, const Value& key, int64_t hash) {
    for (;;) {
        uint64_t perturb = uint64_t(hash);
        size_t i = size_t(hash) & size_t(mask);
        Entry* freeslot = nullptr;
        bool restart = false;
        for (;;) {
            Entry* e = &table[i];
            int probes = (i + kLinearProbes <= size_t(mask)) ? kLinearProbes : 0;
            for (;;) {
                if (e->key.isNull() && !e->dummy) {
                    if (freeslot) {
                        ++used;
                        freeslot->key = key;
                        freeslot->hash = hash;
                        freeslot->dummy = false;
                        return;
                    }
                    ++fill;
                    ++used;
                    e->key = key;
                    e->hash = hash;
                    if (fill * 5 < mask * 3) return;
                    resize(used > 50000 ? used * 2 : used * 4);
                    return;
                }
                if (!e->key.isNull() && e->hash == hash) {
                    int q = quickEq(e->key, key);
                    if (q == 1) return;
                    if (q < 0) {
                        Value k = e->key;
                        Entry* base = table.data();
                        bool same = in.eq(k, key);
                        if (table.data() != base || !e->key.is(k)) {
                            restart = true;
                            break;
                        }
                        if (same) return;
                    }
                } else if (e->dummy) {
                    freeslot = e;  // CPython 3.11 keeps the last dummy seen
                }
                if (probes-- == 0) break;
                ++e;
            }
            if (restart) break;
            perturb >>= kPerturbShift;
            i = (i * 5 + 1 + perturb) & size_t(mask);
        }
    }
}

void SetObject::mergeFrom(Interp& in, const SetObject& other) {
    if (&other == this || other.used == 0) return;
    if ((fill + other.used) * 5 >= mask * 3) resize((used + other.used) * 2);
    if (fill == 0 && mask == other.mask && other.fill == other.used) {
        for (size_t i = 0; i < table.size(); ++i) table[i] = other.table[i];
        fill = other.fill;
        used = other.used;
        return;
    }
    if (fill == 0) {
        fill = used = other.used;
        for (const Entry& e : other.table)
            if (!e.key.isNull()) insertClean(e.key, e.hash);
        return;
    }
    for (size_t i = 0; i < other.table.size(); ++i) {
        Entry e = other.table[i];
        if (!e.key.isNull()) addHashed(in, e.key, e.hash);
    }
}

bool SetObject::add(Interp& in, const Value& key) {
    int64_t before = used;
    addHashed(in, key, in.hash(key));
    return used != before;
}

bool SetObject::contains(Interp& in, const Value& key) { return find(in, key, in.hash(key)) >= 0; }

bool SetObject::discard(Interp& in, const Value& key) {
    int64_t ix = find(in, key, in.hash(key));
    if (ix < 0) return false;
    Entry& e = table[size_t(ix)];
    Value old = std::move(e.key);
    e.key = Value();
    e.dummy = true;
    e.hash = -1;
    --used;
    return true;
}

void SetObject::clear() {
    std::vector<Entry> old(static_cast<size_t>(kSetMinSize));
    old.swap(table);
    mask = kSetMinSize - 1;
    fill = used = 0;
    finger = 0;
}

}  // namespace ascope::rt
