// dict, its key/value/item views, set and frozenset.
//
// Why it is built this way: the tables themselves (DictObject, SetObject in
// objects.h) already probe exactly like CPython's; what decides the order a
// program prints a set in is *which* insertions happen in which order and
// when the table is resized. So every set operation here is a transcription
// of its CPython 3.11 counterpart in Objects/setobject.c -- set_merge with
// its up-front resize and exact-copy fast path, set_update_internal's dict
// path, set_intersection iterating the smaller operand, set_difference
// choosing between copy-and-discard and filter, the dummy-pruning resize of
// set_difference_update -- and the dict views' set operators follow
// Objects/dictobject.c (dictviews_to_set, _PyDictView_Intersect,
// dictitems_xor). Error messages are CPython's, checked against python3.
#include "runtime/builtins.h"

#include <algorithm>

namespace ascope::rt {

void setObjectType(Object* o, ClassObject* t);
// iterators.cpp: dict_reversekeyiterator and friends.
Value makeReversedDictIterator(Ref<DictObject> d, DictViewObject::Which which);

namespace {

using lang::CmpOpKind;

// ------------------------------------------------------------ arguments

void posArgs(Interp& in, CallArgs& a, const char* name, int min, int max) {
    if (a.kwCount()) in.typeError(std::string(name) + "() takes no keyword arguments");
    int n = int(a.size()) - 1;
    auto plural = [](int k) { return k == 1 ? std::string(" argument") : std::string(" arguments"); };
    if (min == max && n != min)
        in.typeError(std::string(name) + " expected " + std::to_string(min) + plural(min) + ", got " + std::to_string(n));
    if (n < min)
        in.typeError(std::string(name) + " expected at least " + std::to_string(min) + plural(min) + ", got " +
                     std::to_string(n));
    if (n > max)
        in.typeError(std::string(name) + " expected at most " + std::to_string(max) + plural(max) + ", got " +
                     std::to_string(n));
}

Value notImplemented() { return types().notImplementedValue; }

[[noreturn]] void keyError(Interp& in, const Value& key) {
    in.raiseValue(in.newException(types().KeyError, std::vector<Value>{key}));
}

// ------------------------------------------------------------ dict helpers

DictObject* selfDict(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0) in.typeError(std::string("unbound method dict.") + name + "() needs an argument");
    if (!a[0].isObj(Kind::Dict))
        in.typeError(std::string("descriptor '") + name + "' for 'dict' objects doesn't apply to a '" +
                     Interp::typeName(a[0]) + "' object");
    return a[0].as<DictObject>();
}

Value newDictOfType(ClassObject* cls) {
    auto* d = new DictObject();
    if (cls != types().dict) {
        setObjectType(d, cls);
        cls->incRef();
    }
    return Value(d);
}

// Live entries, copied so Python code run while using them cannot invalidate them.
std::vector<std::pair<Value, Value>> entriesOf(const DictObject* d) {
    std::vector<std::pair<Value, Value>> r;
    r.reserve(size_t(d->size()));
    d->forEach([&](const Value& k, const Value& v) { r.emplace_back(k, v); });
    return r;
}

// PyDict_Merge: from a dict, or from anything with keys() and __getitem__.
void mergeMapping(Interp& in, DictObject* d, const Value& other) {
    if (other.isObj(Kind::Dict) && Interp::typeOf(other)->lookup(names().__iter__).is(types().dict->lookup(names().__iter__))) {
        auto* src = other.as<DictObject>();
        if (src == d) return;
        for (auto& [k, v] : entriesOf(src)) d->set(in, k, v);
        return;
    }
    Value keys = in.callMethod(other, intern("keys"), {});
    Value it = in.iter(keys);
    for (;;) {
        Value k = in.next(it);
        if (k.isNull()) break;
        Value v = in.getItem(other, k);
        d->set(in, k, v);
    }
}

// PyDict_MergeFromSeq2: an iterable of key/value pairs.
void mergeFromPairs(Interp& in, DictObject* d, const Value& seq) {
    Value it = in.iter(seq);
    for (int64_t i = 0;; ++i) {
        Value item = in.next(it);
        if (item.isNull()) break;
        std::vector<Value> pair;
        if (item.isObj(Kind::List) || item.isObj(Kind::Tuple)) {
            pair = item.isObj(Kind::List) ? item.as<ListObject>()->items : item.as<TupleObject>()->items;
        } else {
            ClassObject* t = Interp::typeOf(item);
            if (t->lookup(names().__iter__).isNull() && t->lookup(names().__getitem__).isNull())
                in.typeError("cannot convert dictionary update sequence element #" + std::to_string(i) +
                             " to a sequence");
            pair = in.toVector(item);
        }
        if (pair.size() != 2)
            in.valueError("dictionary update sequence element #" + std::to_string(i) + " has length " +
                          std::to_string(pair.size()) + "; 2 is required");
        d->set(in, pair[0], pair[1]);
    }
}

bool hasKeysMethod(Interp& in, const Value& v) { return !in.getAttrOrNull(v, intern("keys")).isNull(); }

void updateFrom(Interp& in, DictObject* d, const Value& arg) {
    if (arg.isObj(Kind::Dict) || hasKeysMethod(in, arg)) mergeMapping(in, d, arg);
    else mergeFromPairs(in, d, arg);
}

void updateKeywords(Interp& in, DictObject* d, CallArgs& a) {
    for (size_t k = 0; k < a.kwCount(); ++k) d->set(in, Value(a.kwName(k)), a.kwValue(k));
}

// ------------------------------------------------------------ dict

Value dictNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    Value r = newDictOfType(cls);
    if (cls != types().dict) return r;
    if (a.size() > 2) in.typeError("dict expected at most 1 argument, got " + std::to_string(a.size() - 1));
    auto* d = r.as<DictObject>();
    if (a.size() == 2) updateFrom(in, d, a[1]);
    updateKeywords(in, d, a);
    return r;
}

Value dictInit(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__init__");
    if (a.size() > 2) in.typeError("dict expected at most 1 argument, got " + std::to_string(a.size() - 1));
    if (a.size() == 2) updateFrom(in, d, a[1]);
    updateKeywords(in, d, a);
    return Value::none();
}

Value dictFromkeys(Interp& in, CallArgs& a) {
    // Class method: args[0] is the class.
    if (a.kwCount()) in.typeError("fromkeys() takes no keyword arguments");
    if (a.size() < 2 || a.size() > 3)
        in.typeError(std::string("fromkeys expected ") + (a.size() < 2 ? "at least 1 argument" : "at most 2 arguments") +
                     ", got " + std::to_string(a.size() - 1));
    Value value = a.size() == 3 ? a[2] : Value::none();
    Value cls = a[0];
    Value r = cls.is(Value(types().dict)) ? Value(new DictObject()) : in.call(cls, {});
    bool plain = r.isObj(Kind::Dict) && r.obj()->type() == types().dict;
    Value it = in.iter(a[1]);
    for (;;) {
        Value k = in.next(it);
        if (k.isNull()) break;
        if (plain) r.as<DictObject>()->set(in, k, value);
        else in.setItem(r, k, value);
    }
    return r;
}

Value dictGet(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "get");
    posArgs(in, a, "get", 1, 2);
    Value v = d->get(in, a[1]);
    if (!v.isNull()) return v;
    return a.size() > 2 ? a[2] : Value::none();
}

Value dictSetdefault(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "setdefault");
    posArgs(in, a, "setdefault", 1, 2);
    Value v = d->get(in, a[1]);
    if (!v.isNull()) return v;
    Value dflt = a.size() > 2 ? a[2] : Value::none();
    d->set(in, a[1], dflt);
    return dflt;
}

Value dictPop(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "pop");
    posArgs(in, a, "pop", 1, 2);
    Value v = d->pop(in, a[1]);
    if (!v.isNull()) return v;
    if (a.size() > 2) return a[2];
    keyError(in, a[1]);
}

Value dictPopitem(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "popitem");
    noArgs(in, a, "dict.popitem");
    if (d->size() == 0) keyError(in, makeStr("popitem(): dictionary is empty"));
    for (size_t i = d->entries.size(); i-- > 0;) {
        if (d->entries[i].key.isNull()) continue;
        Value k = d->entries[i].key;
        Value v = d->pop(in, k);
        return makeTuple({k, v});
    }
    keyError(in, makeStr("popitem(): dictionary is empty"));
}

Value dictUpdate(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "update");
    if (a.size() > 2) in.typeError("update expected at most 1 argument, got " + std::to_string(a.size() - 1));
    if (a.size() == 2) updateFrom(in, d, a[1]);
    updateKeywords(in, d, a);
    return Value::none();
}

Value dictClear(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "clear");
    noArgs(in, a, "dict.clear");
    d->clear();
    return Value::none();
}

Value dictCopy(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "copy");
    noArgs(in, a, "dict.copy");
    auto* r = new DictObject();
    Value keep(r);
    for (auto& [k, v] : entriesOf(d)) r->set(in, k, v);
    return keep;
}

Value makeView(Interp& in, CallArgs& a, const char* name, const char* qual, DictViewObject::Which w) {
    DictObject* d = selfDict(in, a, name);
    noArgs(in, a, qual);
    const Types& t = types();
    ClassObject* cls = w == DictViewObject::Which::Keys ? t.dictKeys : w == DictViewObject::Which::Values ? t.dictValues
                                                                                                          : t.dictItems;
    return Value(new DictViewObject(cls, Ref<DictObject>(d), w));
}

Value dictKeys(Interp& in, CallArgs& a) { return makeView(in, a, "keys", "dict.keys", DictViewObject::Which::Keys); }
Value dictValues(Interp& in, CallArgs& a) {
    return makeView(in, a, "values", "dict.values", DictViewObject::Which::Values);
}
Value dictItems(Interp& in, CallArgs& a) { return makeView(in, a, "items", "dict.items", DictViewObject::Which::Items); }

Value dictLen(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__len__");
    noArgs(in, a, "dict.__len__");
    return Value::integer(d->size());
}

Value dictGetitem(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__getitem__");
    oneArg(in, a, "dict.__getitem__");
    Value v = d->get(in, a[1]);
    if (!v.isNull()) return v;
    if (a[0].obj()->type() != types().dict) {
        Value missing = Interp::typeOf(a[0])->lookup(names().__missing__);
        if (!missing.isNull()) return in.call(missing, {a[0], a[1]});
    }
    keyError(in, a[1]);
}

Value dictSetitem(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__setitem__");
    posArgs(in, a, "__setitem__", 2, 2);
    d->set(in, a[1], a[2]);
    return Value::none();
}

Value dictDelitem(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__delitem__");
    oneArg(in, a, "dict.__delitem__");
    if (d->pop(in, a[1]).isNull()) keyError(in, a[1]);
    return Value::none();
}

Value dictContains(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__contains__");
    oneArg(in, a, "dict.__contains__");
    return Value::boolean(d->contains(in, a[1]));
}

Value dictIter(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__iter__");
    noArgs(in, a, "dict.__iter__");
    return makeDictIterator(Ref<DictObject>(d), DictViewObject::Which::Keys);
}

Value dictReversed(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__reversed__");
    noArgs(in, a, "dict.__reversed__");
    return makeReversedDictIterator(Ref<DictObject>(d), DictViewObject::Which::Keys);
}

bool dictsEqual(Interp& in, DictObject* x, DictObject* y) {
    if (x == y) return true;
    if (x->size() != y->size()) return false;
    in.checkStack();
    for (auto& [k, v] : entriesOf(x)) {
        Value w = y->get(in, k);
        if (w.isNull()) return false;
        if (!v.is(w) && !in.eq(v, w)) return false;
    }
    return true;
}

Value dictEq(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__eq__");
    oneArg(in, a, "dict.__eq__");
    if (!a[1].isObj(Kind::Dict)) return notImplemented();
    return Value::boolean(dictsEqual(in, d, a[1].as<DictObject>()));
}

Value dictNe(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__ne__");
    oneArg(in, a, "dict.__ne__");
    if (!a[1].isObj(Kind::Dict)) return notImplemented();
    return Value::boolean(!dictsEqual(in, d, a[1].as<DictObject>()));
}

Value dictOr(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__or__");
    oneArg(in, a, "dict.__or__");
    if (!a[1].isObj(Kind::Dict)) return notImplemented();
    auto* r = new DictObject();
    Value keep(r);
    for (auto& [k, v] : entriesOf(d)) r->set(in, k, v);
    mergeMapping(in, r, a[1]);
    return keep;
}

Value dictRor(Interp& in, CallArgs& a) {
    selfDict(in, a, "__ror__");
    oneArg(in, a, "dict.__ror__");
    if (!a[1].isObj(Kind::Dict)) return notImplemented();
    auto* r = new DictObject();
    Value keep(r);
    for (auto& [k, v] : entriesOf(a[1].as<DictObject>())) r->set(in, k, v);
    mergeMapping(in, r, a[0]);
    return keep;
}

Value dictIor(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__ior__");
    oneArg(in, a, "dict.__ior__");
    updateFrom(in, d, a[1]);
    return a[0];
}

Value dictRepr(Interp& in, CallArgs& a) {
    DictObject* d = selfDict(in, a, "__repr__");
    noArgs(in, a, "dict.__repr__");
    if (d->size() == 0) return makeStr("{}");
    std::string r = "{";
    bool first = true;
    for (auto& [k, v] : entriesOf(d)) {
        if (!first) r += ", ";
        first = false;
        r += in.repr(k);
        r += ": ";
        r += in.repr(v);
    }
    return makeStr(r + "}");
}

// ------------------------------------------------------------ set core

bool isAnySet(const Value& v) { return v.isObj(Kind::Set) || v.isObj(Kind::FrozenSet); }
bool isExactDict(const Value& v) { return v.isObj(Kind::Dict) && v.obj()->type() == types().dict; }

SetObject* selfSet(Interp& in, CallArgs& a, const char* name, bool frozenOk = true) {
    if (a.size() == 0) in.typeError(std::string("unbound method set.") + name + "() needs an argument");
    if (!(a[0].isObj(Kind::Set) || (frozenOk && a[0].isObj(Kind::FrozenSet))))
        in.typeError(std::string("descriptor '") + name + "' for '" + (frozenOk ? "frozenset" : "set") +
                     "' objects doesn't apply to a '" + Interp::typeName(a[0]) + "' object");
    return a[0].as<SetObject>();
}

// A new empty set of exactly `cls` (set, frozenset or a subclass).
SetObject* newSetOfType(ClassObject* cls) {
    bool frozen = cls->isSubclassOf(types().frozenset);
    auto* s = new SetObject(frozen ? types().frozenset : types().set, frozen ? Kind::FrozenSet : Kind::Set);
    if (cls != types().set && cls != types().frozenset) {
        setObjectType(s, cls);
        cls->incRef();
    }
    return s;
}

// make_new_set_basetype's type: subclasses produce their builtin base.
ClassObject* baseSetType(const SetObject* so) {
    return so->kind() == Kind::FrozenSet ? types().frozenset : types().set;
}

// set_merge: adds every entry of `other` to `so`, CPython's way.
void setMerge(Interp& in, SetObject* so, SetObject* other) {
    if (other == so || other->used == 0) return;
    if ((so->fill + other->used) * 5 >= so->mask * 3) so->resize((so->used + other->used) * 2);
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= size_t(other->mask); ++i) {
            const SetObject::Entry& e = other->table[i];
            if (!e.key.isNull()) {
                so->table[i].key = e.key;
                so->table[i].hash = e.hash;
                so->table[i].dummy = false;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (const SetObject::Entry& e : other->table)
            if (!e.key.isNull()) so->insertClean(e.key, e.hash);
        return;
    }
    std::vector<std::pair<Value, int64_t>> items;
    items.reserve(size_t(other->used));
    for (const SetObject::Entry& e : other->table)
        if (!e.key.isNull()) items.emplace_back(e.key, e.hash);
    for (auto& [k, h] : items) so->addHashed(in, k, h);
}

// set_update_internal.
void setUpdate(Interp& in, SetObject* so, const Value& other) {
    if (isAnySet(other)) {
        Value keep(other);
        setMerge(in, so, other.as<SetObject>());
        return;
    }
    if (isExactDict(other)) {
        auto* d = other.as<DictObject>();
        int64_t dictsize = d->size();
        if ((so->fill + dictsize) * 5 >= so->mask * 3) so->resize((so->used + dictsize) * 2);
        std::vector<std::pair<Value, int64_t>> items;
        items.reserve(size_t(dictsize));
        for (const auto& e : d->entries)
            if (!e.key.isNull()) items.emplace_back(e.key, e.hash);
        for (auto& [k, h] : items) so->addHashed(in, k, h);
        return;
    }
    Value it = in.iter(other);
    for (;;) {
        Value k = in.next(it);
        if (k.isNull()) break;
        so->add(in, k);
    }
}

// make_new_set(type, iterable).
Value makeNewSet(Interp& in, ClassObject* cls, const Value& iterable) {
    SetObject* s = newSetOfType(cls);
    Value keep(s);
    if (!iterable.isNull()) setUpdate(in, s, iterable);
    return keep;
}

Value setCopyOf(Interp& in, SetObject* so) { return makeNewSet(in, baseSetType(so), Value(so)); }

// A key usable for lookup: a set key is looked up as the equal frozenset.
Value lookupKey(Interp& in, const Value& key) {
    if (!key.isObj(Kind::Set)) return key;
    return makeNewSet(in, types().frozenset, key);
}

bool setContainsKey(Interp& in, SetObject* so, const Value& key) {
    if (key.isObj(Kind::Set)) return so->contains(in, lookupKey(in, key));
    return so->contains(in, key);
}

std::vector<std::pair<Value, int64_t>> liveEntries(const SetObject* s) {
    std::vector<std::pair<Value, int64_t>> r;
    r.reserve(size_t(s->used));
    for (const SetObject::Entry& e : s->table)
        if (!e.key.isNull()) r.emplace_back(e.key, e.hash);
    return r;
}

void swapBodies(SetObject* a, SetObject* b) {
    std::swap(a->table, b->table);
    std::swap(a->fill, b->fill);
    std::swap(a->used, b->used);
    std::swap(a->mask, b->mask);
    std::swap(a->hashCache, b->hashCache);
}

// set_intersection.
Value setIntersection(Interp& in, SetObject* so, const Value& other) {
    if (other.isObj() && other.obj() == so) return setCopyOf(in, so);
    SetObject* result = newSetOfType(baseSetType(so));
    Value keep(result);
    if (isAnySet(other)) {
        SetObject* a = so;
        SetObject* b = other.as<SetObject>();
        if (b->used > a->used) std::swap(a, b);
        Value holdA(a), holdB(b);
        for (auto& [k, h] : liveEntries(b))
            if (a->contains(in, k)) result->addHashed(in, k, h);
        return keep;
    }
    Value it = in.iter(other);
    for (;;) {
        Value k = in.next(it);
        if (k.isNull()) break;
        int64_t h = in.hash(k);
        if (so->contains(in, k)) result->addHashed(in, k, h);
    }
    return keep;
}

// set_difference_update_internal.
void setDifferenceUpdate(Interp& in, SetObject* so, const Value& other) {
    if (other.isObj() && other.obj() == so) {
        so->clear();
        return;
    }
    if (isAnySet(other)) {
        Value hold(other);
        for (auto& [k, h] : liveEntries(other.as<SetObject>())) so->discard(in, k);
    } else {
        Value it = in.iter(other);
        for (;;) {
            Value k = in.next(it);
            if (k.isNull()) break;
            so->discard(in, lookupKey(in, k));
        }
    }
    if (so->fill - so->used <= so->mask / 4) return;
    so->resize(so->used > 50000 ? so->used * 2 : so->used * 4);
}

// set_difference.
Value setDifference(Interp& in, SetObject* so, const Value& other) {
    int64_t otherSize;
    if (isAnySet(other)) otherSize = other.as<SetObject>()->used;
    else if (isExactDict(other)) otherSize = other.as<DictObject>()->size();
    else {
        Value r = setCopyOf(in, so);
        setDifferenceUpdate(in, r.as<SetObject>(), other);
        return r;
    }
    if ((so->used >> 2) > otherSize) {
        Value r = setCopyOf(in, so);
        setDifferenceUpdate(in, r.as<SetObject>(), other);
        return r;
    }
    SetObject* result = newSetOfType(baseSetType(so));
    Value keep(result);
    for (auto& [k, h] : liveEntries(so)) {
        bool found = isExactDict(other) ? other.as<DictObject>()->contains(in, k) : other.as<SetObject>()->contains(in, k);
        if (!found) result->addHashed(in, k, h);
    }
    return keep;
}

// set_symmetric_difference_update.
void setSymmetricDifferenceUpdate(Interp& in, SetObject* so, const Value& other) {
    if (other.isObj() && other.obj() == so) {
        so->clear();
        return;
    }
    if (isExactDict(other)) {
        std::vector<std::pair<Value, int64_t>> items;
        for (const auto& e : other.as<DictObject>()->entries)
            if (!e.key.isNull()) items.emplace_back(e.key, e.hash);
        for (auto& [k, h] : items)
            if (!so->discard(in, k)) so->addHashed(in, k, h);
        return;
    }
    Value otherSet = isAnySet(other) ? other : makeNewSet(in, baseSetType(so), other);
    for (auto& [k, h] : liveEntries(otherSet.as<SetObject>()))
        if (!so->discard(in, k)) so->addHashed(in, k, h);
}

Value setSymmetricDifference(Interp& in, SetObject* so, const Value& other) {
    Value result = makeNewSet(in, baseSetType(so), other);
    setSymmetricDifferenceUpdate(in, result.as<SetObject>(), Value(so));
    return result;
}

bool setIsSubset(Interp& in, SetObject* so, const Value& other) {
    if (!isAnySet(other)) {
        Value tmp = makeNewSet(in, types().set, other);
        return setIsSubset(in, so, tmp);
    }
    SetObject* o = other.as<SetObject>();
    if (so->used > o->used) return false;
    for (auto& [k, h] : liveEntries(so))
        if (!o->contains(in, k)) return false;
    return true;
}

bool setIsSuperset(Interp& in, SetObject* so, const Value& other) {
    if (isAnySet(other)) return setIsSubset(in, other.as<SetObject>(), Value(so));
    Value it = in.iter(other);
    for (;;) {
        Value k = in.next(it);
        if (k.isNull()) return true;
        if (!setContainsKey(in, so, k)) return false;
    }
}

// ------------------------------------------------------------ set methods

Value setNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    bool frozen = cls->isSubclassOf(types().frozenset);
    const char* name = frozen ? "frozenset" : "set";
    if (cls == types().set || cls == types().frozenset) {
        if (a.kwCount()) in.typeError(std::string(name) + "() takes no keyword arguments");
        if (a.size() > 2)
            in.typeError(std::string(name) + " expected at most 1 argument, got " + std::to_string(a.size() - 1));
    }
    Value iterable = a.size() > 1 ? a[1] : Value();
    if (!frozen) return cls == types().set ? makeNewSet(in, cls, iterable) : Value(newSetOfType(cls));
    if (cls == types().frozenset && iterable.isObj(Kind::FrozenSet) && iterable.obj()->type() == types().frozenset)
        return iterable;
    return makeNewSet(in, cls, iterable);
}

Value setInit(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__init__", false);
    if (a.kwCount()) in.typeError("set() takes no keyword arguments");
    if (a.size() > 2) in.typeError("set expected at most 1 argument, got " + std::to_string(a.size() - 1));
    if (s->fill) s->clear();
    if (a.size() == 2) setUpdate(in, s, a[1]);
    return Value::none();
}

Value setAdd(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "add", false);
    oneArg(in, a, "set.add");
    s->add(in, a[1]);
    return Value::none();
}

Value setRemove(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "remove", false);
    oneArg(in, a, "set.remove");
    if (!s->discard(in, lookupKey(in, a[1]))) keyError(in, a[1]);
    return Value::none();
}

Value setDiscard(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "discard", false);
    oneArg(in, a, "set.discard");
    s->discard(in, lookupKey(in, a[1]));
    return Value::none();
}

Value setPop(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "pop", false);
    noArgs(in, a, "set.pop");
    if (s->used == 0) keyError(in, makeStr("pop from an empty set"));
    size_t i = size_t(s->finger & s->mask);
    while (s->table[i].key.isNull()) {
        ++i;
        if (i > size_t(s->mask)) i = 0;
    }
    SetObject::Entry& e = s->table[i];
    Value key = std::move(e.key);
    e.key = Value();
    e.dummy = true;
    e.hash = -1;
    --s->used;
    s->finger = int64_t(i) + 1;
    return key;
}

Value setClear(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "clear", false);
    noArgs(in, a, "set.clear");
    s->clear();
    return Value::none();
}

Value setCopy(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "copy");
    noArgs(in, a, s->kind() == Kind::Set ? "set.copy" : "frozenset.copy");
    if (a[0].obj()->type() == types().frozenset) return a[0];
    return setCopyOf(in, s);
}

Value setUpdateMethod(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "update", false);
    if (a.kwCount()) in.typeError("set.update() takes no keyword arguments");
    for (size_t i = 1; i < a.size(); ++i) setUpdate(in, s, a[i]);
    return Value::none();
}

Value setUnion(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "union");
    if (a.kwCount()) in.typeError("set.union() takes no keyword arguments");
    Value result = setCopyOf(in, s);
    for (size_t i = 1; i < a.size(); ++i) {
        if (a[i].isObj() && a[i].obj() == s) continue;
        setUpdate(in, result.as<SetObject>(), a[i]);
    }
    return result;
}

Value intersectionMulti(Interp& in, CallArgs& a) {
    SetObject* s = a[0].as<SetObject>();
    if (a.size() == 1) return setCopyOf(in, s);
    Value result(s);
    for (size_t i = 1; i < a.size(); ++i) result = setIntersection(in, result.as<SetObject>(), a[i]);
    return result;
}

Value setIntersectionMethod(Interp& in, CallArgs& a) {
    selfSet(in, a, "intersection");
    if (a.kwCount()) in.typeError("set.intersection() takes no keyword arguments");
    return intersectionMulti(in, a);
}

Value setIntersectionUpdate(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "intersection_update", false);
    if (a.kwCount()) in.typeError("set.intersection_update() takes no keyword arguments");
    Value tmp = intersectionMulti(in, a);
    if (tmp.obj() != s) swapBodies(s, tmp.as<SetObject>());
    return Value::none();
}

Value setDifferenceMethod(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "difference");
    if (a.kwCount()) in.typeError("set.difference() takes no keyword arguments");
    if (a.size() == 1) return setCopyOf(in, s);
    Value result = setDifference(in, s, a[1]);
    for (size_t i = 2; i < a.size(); ++i) setDifferenceUpdate(in, result.as<SetObject>(), a[i]);
    return result;
}

Value setDifferenceUpdateMethod(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "difference_update", false);
    if (a.kwCount()) in.typeError("set.difference_update() takes no keyword arguments");
    for (size_t i = 1; i < a.size(); ++i) setDifferenceUpdate(in, s, a[i]);
    return Value::none();
}

Value setSymmetricDifferenceMethod(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "symmetric_difference");
    oneArg(in, a, s->kind() == Kind::Set ? "set.symmetric_difference" : "frozenset.symmetric_difference");
    return setSymmetricDifference(in, s, a[1]);
}

Value setSymmetricDifferenceUpdateMethod(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "symmetric_difference_update", false);
    oneArg(in, a, "set.symmetric_difference_update");
    setSymmetricDifferenceUpdate(in, s, a[1]);
    return Value::none();
}

Value setIssubsetMethod(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "issubset");
    oneArg(in, a, s->kind() == Kind::Set ? "set.issubset" : "frozenset.issubset");
    return Value::boolean(setIsSubset(in, s, a[1]));
}

Value setIssupersetMethod(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "issuperset");
    oneArg(in, a, s->kind() == Kind::Set ? "set.issuperset" : "frozenset.issuperset");
    return Value::boolean(setIsSuperset(in, s, a[1]));
}

Value setIsdisjoint(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "isdisjoint");
    oneArg(in, a, s->kind() == Kind::Set ? "set.isdisjoint" : "frozenset.isdisjoint");
    const Value& other = a[1];
    if (other.isObj() && other.obj() == s) return Value::boolean(s->used == 0);
    if (isAnySet(other)) {
        SetObject* x = s;
        SetObject* y = other.as<SetObject>();
        if (y->used > x->used) std::swap(x, y);
        Value hx(x), hy(y);
        for (auto& [k, h] : liveEntries(y))
            if (x->contains(in, k)) return Value::boolean(false);
        return Value::boolean(true);
    }
    Value it = in.iter(other);
    for (;;) {
        Value k = in.next(it);
        if (k.isNull()) return Value::boolean(true);
        if (setContainsKey(in, s, k)) return Value::boolean(false);
    }
}

Value setLen(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__len__");
    noArgs(in, a, "set.__len__");
    return Value::integer(s->used);
}

Value setContains(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__contains__");
    oneArg(in, a, "set.__contains__");
    return Value::boolean(setContainsKey(in, s, a[1]));
}

Value setIter(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__iter__");
    noArgs(in, a, "set.__iter__");
    return makeSetIterator(Ref<SetObject>(s));
}

Value setRepr(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__repr__");
    noArgs(in, a, "set.__repr__");
    ClassObject* t = s->type();
    if (s->used == 0) return makeStr(t->name + "()");
    std::vector<Value> items;
    items.reserve(size_t(s->used));
    s->forEach([&](const Value& k) { items.push_back(k); });
    std::string inner = reprSequence(in, items, "{", "}", s);
    if (t == types().set) return makeStr(inner);
    return makeStr(t->name + "(" + inner + ")");
}

Value setHash(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__hash__");
    noArgs(in, a, "frozenset.__hash__");
    if (s->hashCache != -1) return Value::integer(s->hashCache);
    std::vector<int64_t> hashes;
    hashes.reserve(size_t(s->used));
    for (const SetObject::Entry& e : s->table)
        if (!e.key.isNull()) hashes.push_back(e.hash);
    s->hashCache = num::hashFrozenSet(hashes);
    return Value::integer(s->hashCache);
}

// Binary operators: both operands must be sets or frozensets.
template <Value (*Op)(Interp&, SetObject*, const Value&)>
Value setBinary(Interp& in, CallArgs& a) {
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    if (!isAnySet(a[0]) || !isAnySet(a[1])) return notImplemented();
    return Op(in, a[0].as<SetObject>(), a[1]);
}

template <Value (*Op)(Interp&, SetObject*, const Value&)>
Value setReflected(Interp& in, CallArgs& a) {
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    if (!isAnySet(a[0]) || !isAnySet(a[1])) return notImplemented();
    return Op(in, a[1].as<SetObject>(), a[0]);
}

Value opOr(Interp& in, SetObject* so, const Value& other) {
    Value result = setCopyOf(in, so);
    if (other.isObj() && other.obj() == so) return result;
    setUpdate(in, result.as<SetObject>(), other);
    return result;
}

Value setIor(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__ior__", false);
    oneArg(in, a, "set.__ior__");
    if (!isAnySet(a[1])) return notImplemented();
    setUpdate(in, s, a[1]);
    return a[0];
}

Value setIand(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__iand__", false);
    oneArg(in, a, "set.__iand__");
    if (!isAnySet(a[1])) return notImplemented();
    Value tmp = setIntersection(in, s, a[1]);
    if (tmp.obj() != s) swapBodies(s, tmp.as<SetObject>());
    return a[0];
}

Value setIsub(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__isub__", false);
    oneArg(in, a, "set.__isub__");
    if (!isAnySet(a[1])) return notImplemented();
    setDifferenceUpdate(in, s, a[1]);
    return a[0];
}

Value setIxor(Interp& in, CallArgs& a) {
    SetObject* s = selfSet(in, a, "__ixor__", false);
    oneArg(in, a, "set.__ixor__");
    if (!isAnySet(a[1])) return notImplemented();
    setSymmetricDifferenceUpdate(in, s, a[1]);
    return a[0];
}

bool setsEqual(Interp& in, SetObject* v, SetObject* w) {
    if (v->used != w->used) return false;
    if (v->hashCache != -1 && w->hashCache != -1 && v->hashCache != w->hashCache) return false;
    return setIsSubset(in, v, Value(w));
}

template <int Op>
Value setCompare(Interp& in, CallArgs& a) {
    static const char* const kNames[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
    SetObject* v = selfSet(in, a, kNames[Op]);
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    if (!isAnySet(a[1])) return notImplemented();
    SetObject* w = a[1].as<SetObject>();
    bool r = false;
    switch (Op) {
    case 0: r = setsEqual(in, v, w); break;
    case 1: r = !setsEqual(in, v, w); break;
    case 2: r = v->used < w->used && setIsSubset(in, v, a[1]); break;
    case 3: r = setIsSubset(in, v, a[1]); break;
    case 4: r = v->used > w->used && setIsSuperset(in, v, a[1]); break;
    default: r = setIsSuperset(in, v, a[1]); break;
    }
    return Value::boolean(r);
}

// ------------------------------------------------------------ dict views

DictViewObject* selfView(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0 || !a[0].isObj(Kind::DictView))
        in.typeError(std::string("descriptor '") + name + "' requires a dict view");
    return a[0].as<DictViewObject>();
}

bool isSetView(const Value& v) {
    return v.isObj(Kind::DictView) && v.as<DictViewObject>()->which != DictViewObject::Which::Values;
}

Value viewLen(Interp& in, CallArgs& a) {
    DictViewObject* v = selfView(in, a, "__len__");
    noArgs(in, a, "__len__");
    return Value::integer(v->dict->size());
}

Value viewIter(Interp& in, CallArgs& a) {
    DictViewObject* v = selfView(in, a, "__iter__");
    noArgs(in, a, "__iter__");
    return makeDictIterator(v->dict, v->which);
}

Value viewReversed(Interp& in, CallArgs& a) {
    DictViewObject* v = selfView(in, a, "__reversed__");
    noArgs(in, a, "__reversed__");
    return makeReversedDictIterator(v->dict, v->which);
}

bool viewContainsValue(Interp& in, DictViewObject* v, const Value& x) {
    switch (v->which) {
    case DictViewObject::Which::Keys: return v->dict->contains(in, x);
    case DictViewObject::Which::Items: {
        if (!x.isObj(Kind::Tuple) || x.as<TupleObject>()->items.size() != 2) return false;
        const auto& kv = x.as<TupleObject>()->items;
        Value found = v->dict->get(in, kv[0]);
        if (found.isNull()) return false;
        return found.is(kv[1]) || in.eq(found, kv[1]);
    }
    default: {
        for (auto& [k, val] : entriesOf(v->dict.get()))
            if (val.is(x) || in.eq(val, x)) return true;
        return false;
    }
    }
}

Value viewContains(Interp& in, CallArgs& a) {
    DictViewObject* v = selfView(in, a, "__contains__");
    oneArg(in, a, "__contains__");
    return Value::boolean(viewContainsValue(in, v, a[1]));
}

Value viewRepr(Interp& in, CallArgs& a) {
    DictViewObject* v = selfView(in, a, "__repr__");
    noArgs(in, a, "__repr__");
    std::vector<Value> items;
    items.reserve(size_t(v->dict->size()));
    for (auto& [k, val] : entriesOf(v->dict.get())) {
        switch (v->which) {
        case DictViewObject::Which::Keys: items.push_back(k); break;
        case DictViewObject::Which::Values: items.push_back(val); break;
        case DictViewObject::Which::Items: items.push_back(makeTuple({k, val})); break;
        }
    }
    return makeStr(v->type()->name + "(" + reprSequence(in, items, "[", "]", v) + ")");
}

// dictviews_to_set: a keys view of an exact dict converts through the dict itself.
Value viewToSet(Interp& in, const Value& x) {
    if (x.isObj(Kind::DictView)) {
        auto* v = x.as<DictViewObject>();
        if (v->which == DictViewObject::Which::Keys && v->dict->type() == types().dict)
            return makeNewSet(in, types().set, Value(v->dict));
    }
    return makeNewSet(in, types().set, x);
}

Value viewSub(Interp& in, const Value& self, const Value& other) {
    Value result = viewToSet(in, self);
    setDifferenceUpdate(in, result.as<SetObject>(), other);
    return result;
}

Value viewOr(Interp& in, const Value& self, const Value& other) {
    Value result = viewToSet(in, self);
    setUpdate(in, result.as<SetObject>(), other);
    return result;
}

Value viewAnd(Interp& in, Value self, Value other) {
    if (!isSetView(self)) std::swap(self, other);
    int64_t lenSelf = self.as<DictViewObject>()->dict->size();
    if (other.isObj(Kind::Set) && other.obj()->type() == types().set && lenSelf <= in.len(other))
        return setIntersection(in, other.as<SetObject>(), self);
    if (isSetView(other) && other.as<DictViewObject>()->dict->size() > lenSelf) std::swap(self, other);
    SetObject* result = newSetOfType(types().set);
    Value keep(result);
    auto* view = self.as<DictViewObject>();
    Value it = in.iter(other);
    for (;;) {
        Value k = in.next(it);
        if (k.isNull()) break;
        if (viewContainsValue(in, view, k)) result->add(in, k);
    }
    return keep;
}

Value itemsXor(Interp& in, DictViewObject* self, DictViewObject* other) {
    auto* temp = new DictObject();
    Value holdTemp(temp);
    for (auto& [k, v] : entriesOf(self->dict.get())) temp->set(in, k, v);
    SetObject* result = newSetOfType(types().set);
    Value keep(result);
    for (auto& [k, v2] : entriesOf(other->dict.get())) {
        Value v1 = temp->get(in, k);
        bool toDelete = !v1.isNull() && (v1.is(v2) || in.eq(v1, v2));
        if (toDelete) temp->remove(in, k);
        else result->add(in, makeTuple({k, v2}));
    }
    Value remaining(new DictViewObject(types().dictItems, Ref<DictObject>(temp), DictViewObject::Which::Items));
    setUpdate(in, result, remaining);
    return keep;
}

Value viewXor(Interp& in, const Value& self, const Value& other) {
    if (self.isObj(Kind::DictView) && other.isObj(Kind::DictView) &&
        self.as<DictViewObject>()->which == DictViewObject::Which::Items &&
        other.as<DictViewObject>()->which == DictViewObject::Which::Items)
        return itemsXor(in, self.as<DictViewObject>(), other.as<DictViewObject>());
    Value result = viewToSet(in, self);
    setSymmetricDifferenceUpdate(in, result.as<SetObject>(), other);
    return result;
}

// The number protocol calls the view's slot with the operands in source
// order, whichever side the view is on.
template <Value (*Op)(Interp&, const Value&, const Value&), bool Reflected>
Value viewBinary(Interp& in, CallArgs& a) {
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    return Reflected ? Op(in, a[1], a[0]) : Op(in, a[0], a[1]);
}

Value viewAndOp(Interp& in, const Value& x, const Value& y) { return viewAnd(in, x, y); }

Value viewIsdisjoint(Interp& in, CallArgs& a) {
    DictViewObject* v = selfView(in, a, "isdisjoint");
    oneArg(in, a, "isdisjoint");
    Value self = a[0], other = a[1];
    if (self.is(other)) return Value::boolean(v->dict->size() == 0);
    if (isAnySet(other) || isSetView(other)) {
        if (in.len(other) > v->dict->size()) std::swap(self, other);
    }
    Value it = in.iter(other);
    for (;;) {
        Value k = in.next(it);
        if (k.isNull()) return Value::boolean(true);
        if (in.contains(self, k)) return Value::boolean(false);
    }
}

// all_contained_in(self, other).
bool allContainedIn(Interp& in, const Value& self, const Value& other) {
    Value it = in.iter(self);
    for (;;) {
        Value k = in.next(it);
        if (k.isNull()) return true;
        if (!in.contains(other, k)) return false;
    }
}

template <int Op>
Value viewCompare(Interp& in, CallArgs& a) {
    static const char* const kNames[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
    selfView(in, a, kNames[Op]);
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    const Value& self = a[0];
    const Value& other = a[1];
    if (!(isAnySet(other) || isSetView(other))) return notImplemented();
    int64_t ls = in.len(self), lo = in.len(other);
    bool ok = false;
    switch (Op) {
    case 0:
    case 1: ok = ls == lo && allContainedIn(in, self, other); break;
    case 2: ok = ls < lo && allContainedIn(in, self, other); break;
    case 3: ok = ls <= lo && allContainedIn(in, self, other); break;
    case 4: ok = ls > lo && allContainedIn(in, other, self); break;
    default: ok = ls >= lo && allContainedIn(in, other, self); break;
    }
    return Value::boolean(Op == 1 ? !ok : ok);
}

void installViewType(ClassObject* c, bool setLike) {
    defineMethod(c, "__len__", viewLen);
    defineMethod(c, "__iter__", viewIter);
    defineMethod(c, "__reversed__", viewReversed);
    defineMethod(c, "__contains__", viewContains);
    defineMethod(c, "__repr__", viewRepr);
    if (!setLike) return;
    defineMethod(c, "__sub__", viewBinary<viewSub, false>);
    defineMethod(c, "__rsub__", viewBinary<viewSub, true>);
    defineMethod(c, "__or__", viewBinary<viewOr, false>);
    defineMethod(c, "__ror__", viewBinary<viewOr, true>);
    defineMethod(c, "__and__", viewBinary<viewAndOp, false>);
    defineMethod(c, "__rand__", viewBinary<viewAndOp, true>);
    defineMethod(c, "__xor__", viewBinary<viewXor, false>);
    defineMethod(c, "__rxor__", viewBinary<viewXor, true>);
    defineMethod(c, "isdisjoint", viewIsdisjoint);
    defineMethod(c, "__eq__", viewCompare<0>);
    defineMethod(c, "__ne__", viewCompare<1>);
    defineMethod(c, "__lt__", viewCompare<2>);
    defineMethod(c, "__le__", viewCompare<3>);
    defineMethod(c, "__gt__", viewCompare<4>);
    defineMethod(c, "__ge__", viewCompare<5>);
    defineValue(c->dict.get(), "__hash__", Value::none());
}

}  // namespace

void installDictSetTypes(const Types& t) {
    ClassObject* d = t.dict;
    d->nativeNew = dictNew;
    defineStaticMethod(d, "__new__", dictNew);
    defineMethod(d, "__init__", dictInit);
    defineClassMethod(d, "fromkeys", dictFromkeys);
    defineMethod(d, "get", dictGet);
    defineMethod(d, "setdefault", dictSetdefault);
    defineMethod(d, "pop", dictPop);
    defineMethod(d, "popitem", dictPopitem);
    defineMethod(d, "update", dictUpdate);
    defineMethod(d, "clear", dictClear);
    defineMethod(d, "copy", dictCopy);
    defineMethod(d, "keys", dictKeys);
    defineMethod(d, "values", dictValues);
    defineMethod(d, "items", dictItems);
    defineMethod(d, "__len__", dictLen);
    defineMethod(d, "__getitem__", dictGetitem);
    defineMethod(d, "__setitem__", dictSetitem);
    defineMethod(d, "__delitem__", dictDelitem);
    defineMethod(d, "__contains__", dictContains);
    defineMethod(d, "__iter__", dictIter);
    defineMethod(d, "__reversed__", dictReversed);
    defineMethod(d, "__eq__", dictEq);
    defineMethod(d, "__ne__", dictNe);
    defineMethod(d, "__or__", dictOr);
    defineMethod(d, "__ror__", dictRor);
    defineMethod(d, "__ior__", dictIor);
    defineMethod(d, "__repr__", dictRepr);
    defineValue(d->dict.get(), "__hash__", Value::none());

    installViewType(t.dictKeys, true);
    installViewType(t.dictItems, true);
    installViewType(t.dictValues, false);

    for (ClassObject* c : {t.set, t.frozenset}) {
        bool mutableSet = c == t.set;
        c->nativeNew = setNew;
        defineStaticMethod(c, "__new__", setNew);
        defineMethod(c, "copy", setCopy);
        defineMethod(c, "union", setUnion);
        defineMethod(c, "intersection", setIntersectionMethod);
        defineMethod(c, "difference", setDifferenceMethod);
        defineMethod(c, "symmetric_difference", setSymmetricDifferenceMethod);
        defineMethod(c, "issubset", setIssubsetMethod);
        defineMethod(c, "issuperset", setIssupersetMethod);
        defineMethod(c, "isdisjoint", setIsdisjoint);
        defineMethod(c, "__len__", setLen);
        defineMethod(c, "__contains__", setContains);
        defineMethod(c, "__iter__", setIter);
        defineMethod(c, "__repr__", setRepr);
        defineMethod(c, "__or__", setBinary<opOr>);
        defineMethod(c, "__ror__", setReflected<opOr>);
        defineMethod(c, "__and__", setBinary<setIntersection>);
        defineMethod(c, "__rand__", setReflected<setIntersection>);
        defineMethod(c, "__sub__", setBinary<setDifference>);
        defineMethod(c, "__rsub__", setReflected<setDifference>);
        defineMethod(c, "__xor__", setBinary<setSymmetricDifference>);
        defineMethod(c, "__rxor__", setReflected<setSymmetricDifference>);
        defineMethod(c, "__eq__", setCompare<0>);
        defineMethod(c, "__ne__", setCompare<1>);
        defineMethod(c, "__lt__", setCompare<2>);
        defineMethod(c, "__le__", setCompare<3>);
        defineMethod(c, "__gt__", setCompare<4>);
        defineMethod(c, "__ge__", setCompare<5>);
        if (mutableSet) {
            defineMethod(c, "__init__", setInit);
            defineMethod(c, "add", setAdd);
            defineMethod(c, "remove", setRemove);
            defineMethod(c, "discard", setDiscard);
            defineMethod(c, "pop", setPop);
            defineMethod(c, "clear", setClear);
            defineMethod(c, "update", setUpdateMethod);
            defineMethod(c, "intersection_update", setIntersectionUpdate);
            defineMethod(c, "difference_update", setDifferenceUpdateMethod);
            defineMethod(c, "symmetric_difference_update", setSymmetricDifferenceUpdateMethod);
            defineMethod(c, "__ior__", setIor);
            defineMethod(c, "__iand__", setIand);
            defineMethod(c, "__isub__", setIsub);
            defineMethod(c, "__ixor__", setIxor);
            defineValue(c->dict.get(), "__hash__", Value::none());
        } else {
            defineMethod(c, "__hash__", setHash);
        }
    }
}

}  // namespace ascope::rt
