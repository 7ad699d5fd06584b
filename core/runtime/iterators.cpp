// The native iterator objects: over lists, tuples, strings, ranges, dicts and
// sets, plus enumerate, zip, map, filter, reversed and iter(callable, sentinel).
//
// Why it is built this way: `for` loops run through `IteratorObject::next`,
// a virtual call that returns a value or null at the end, so the hot loop
// never raises or catches StopIteration; `__next__` (for explicit `next()` on
// them from Python) wraps the same call and raises StopIteration only there.
// Each iterator drops its reference to the container once exhausted, as
// CPython does, so a finished iterator never keeps objects alive. The dict
// and set iterators remember the container's size when they started and
// raise CPython's RuntimeError when it changes underneath them.
#include "runtime/builtins.h"

namespace ascope::rt {

void setObjectType(Object* o, ClassObject* t);

namespace {

// Iterator classes that `Types` does not list (CPython has them, and they
// show up in type names and reprs).
struct ExtraTypes {
    ClassObject* listReverseIterator = nullptr;
    ClassObject* strIterator = nullptr;  // non-ASCII strings
    ClassObject* bytesIterator = nullptr;
    ClassObject* dictReverseKeyIterator = nullptr;
    ClassObject* dictReverseValueIterator = nullptr;
    ClassObject* dictReverseItemIterator = nullptr;
};
ExtraTypes g_extra;

ClassObject* makeIteratorType(const char* name) {
    const Types& t = types();
    auto* c = new ClassObject(t.type, name, Kind::Iterator);
    c->pin();
    c->module = "builtins";
    c->isBuiltin = true;
    c->isBaseable = false;
    c->bases.push_back(Ref<ClassObject>(t.object));
    c->mro = {c, t.object};
    return c;
}

// Instances of a user subclass keep their class alive.
ClassObject* holdClass(ClassObject* cls) {
    if (!cls->isBuiltin) cls->incRef();
    return cls;
}

[[noreturn]] void stopIteration(Interp& in) {
    in.raiseValue(in.newException(types().StopIteration, std::vector<Value>{}));
}

// ------------------------------------------------------------ containers

class ListIterator : public IteratorObject {
public:
    explicit ListIterator(Value list) : IteratorObject(types().listIterator), m_list(std::move(list)) {}
    Value next(Interp&) override {
        if (m_list.isNull()) return Value();
        auto& items = m_list.as<ListObject>()->items;
        if (m_index < items.size()) return items[m_index++];
        m_list = Value();
        return Value();
    }
    int64_t remaining() const override {
        if (m_list.isNull()) return 0;
        size_t n = m_list.as<ListObject>()->items.size();
        return m_index < n ? int64_t(n - m_index) : 0;
    }

private:
    Value m_list;
    size_t m_index = 0;
};

class ListReverseIterator : public IteratorObject {
public:
    explicit ListReverseIterator(Value list)
        : IteratorObject(g_extra.listReverseIterator), m_list(std::move(list)),
          m_index(int64_t(m_list.as<ListObject>()->items.size()) - 1) {}
    Value next(Interp&) override {
        if (m_list.isNull()) return Value();
        auto& items = m_list.as<ListObject>()->items;
        if (m_index >= 0 && m_index < int64_t(items.size())) return items[size_t(m_index--)];
        m_index = -1;
        m_list = Value();
        return Value();
    }
    int64_t remaining() const override {
        if (m_list.isNull()) return 0;
        int64_t n = int64_t(m_list.as<ListObject>()->items.size());
        return m_index + 1 > n ? 0 : m_index + 1;
    }

private:
    Value m_list;
    int64_t m_index;
};

class TupleIterator : public IteratorObject {
public:
    explicit TupleIterator(Value tuple) : IteratorObject(types().tupleIterator), m_tuple(std::move(tuple)) {}
    Value next(Interp&) override {
        if (m_tuple.isNull()) return Value();
        auto& items = m_tuple.as<TupleObject>()->items;
        if (m_index < items.size()) return items[m_index++];
        m_tuple = Value();
        return Value();
    }
    int64_t remaining() const override {
        return m_tuple.isNull() ? 0 : int64_t(m_tuple.as<TupleObject>()->items.size() - m_index);
    }

private:
    Value m_tuple;
    size_t m_index = 0;
};

class StrIterator : public IteratorObject {
public:
    explicit StrIterator(Value str)
        : IteratorObject(asStr(str)->isAscii() ? types().strIterator : g_extra.strIterator), m_str(std::move(str)) {}
    Value next(Interp&) override {
        if (m_str.isNull()) return Value();
        const std::string& s = asStr(m_str)->s;
        if (m_pos >= s.size()) {
            m_str = Value();
            return Value();
        }
        size_t start = m_pos;
        unsigned char c = static_cast<unsigned char>(s[m_pos]);
        if (c < 0x80) ++m_pos;
        else num::decodeUtf8(s, m_pos);
        ++m_index;
        return makeStr(s.substr(start, m_pos - start));
    }
    int64_t remaining() const override { return m_str.isNull() ? 0 : asStr(m_str)->length() - m_index; }

private:
    Value m_str;
    size_t m_pos = 0;
    int64_t m_index = 0;
};

class BytesIterator : public IteratorObject {
public:
    explicit BytesIterator(Value bytes) : IteratorObject(g_extra.bytesIterator), m_bytes(std::move(bytes)) {}
    Value next(Interp&) override {
        if (m_bytes.isNull()) return Value();
        const std::string& b = m_bytes.as<BytesObject>()->b;
        if (m_index < b.size()) return Value::integer(static_cast<unsigned char>(b[m_index++]));
        m_bytes = Value();
        return Value();
    }
    int64_t remaining() const override {
        return m_bytes.isNull() ? 0 : int64_t(m_bytes.as<BytesObject>()->b.size() - m_index);
    }

private:
    Value m_bytes;
    size_t m_index = 0;
};

class RangeIterator : public IteratorObject {
public:
    RangeIterator(int64_t start, int64_t step, int64_t len)
        : IteratorObject(types().rangeIterator), m_next(start), m_step(step), m_left(len) {}
    Value next(Interp&) override {
        if (m_left <= 0) return Value();
        --m_left;
        int64_t v = m_next;
        m_next += m_step;
        return Value::integer(v);
    }
    int64_t remaining() const override { return m_left > 0 ? m_left : 0; }

private:
    int64_t m_next, m_step, m_left;
};

// ------------------------------------------------------------ dict and set

class DictIterator : public IteratorObject {
public:
    DictIterator(ClassObject* type, Ref<DictObject> d, DictViewObject::Which which, bool reversed)
        : IteratorObject(type), m_dict(std::move(d)), m_which(which), m_reversed(reversed),
          m_used(m_dict->size()), m_left(m_dict->size()) {
        m_pos = reversed ? int64_t(m_dict->entries.size()) - 1 : 0;
    }
    Value next(Interp& in) override {
        if (!m_dict) return Value();
        DictObject* d = m_dict.get();
        if (m_used != d->size()) {
            m_used = -1;
            in.raise(types().RuntimeError, "dictionary changed size during iteration");
        }
        int64_t n = int64_t(d->entries.size());
        if (m_reversed) {
            if (m_pos >= n) m_pos = n - 1;
            while (m_pos >= 0 && d->entries[size_t(m_pos)].key.isNull()) --m_pos;
            if (m_pos < 0) return finish();
        } else {
            while (m_pos < n && d->entries[size_t(m_pos)].key.isNull()) ++m_pos;
            if (m_pos >= n) return finish();
        }
        if (m_left == 0) {
            m_left = -1;
            in.raise(types().RuntimeError, "dictionary keys changed during iteration");
        }
        const DictObject::Entry& e = d->entries[size_t(m_pos)];
        m_pos += m_reversed ? -1 : 1;
        --m_left;
        switch (m_which) {
        case DictViewObject::Which::Keys: return e.key;
        case DictViewObject::Which::Values: return e.value;
        default: return makeTuple({e.key, e.value});
        }
    }
    int64_t remaining() const override {
        if (!m_dict || m_used != m_dict->size()) return 0;
        return m_left > 0 ? m_left : 0;
    }

private:
    Value finish() {
        m_dict = Ref<DictObject>();
        return Value();
    }
    Ref<DictObject> m_dict;
    DictViewObject::Which m_which;
    bool m_reversed;
    int64_t m_used;
    int64_t m_left;
    int64_t m_pos;
};

class SetIterator : public IteratorObject {
public:
    explicit SetIterator(Ref<SetObject> s)
        : IteratorObject(types().setIterator), m_set(std::move(s)), m_used(m_set->used), m_left(m_set->used) {}
    Value next(Interp& in) override {
        if (!m_set) return Value();
        SetObject* s = m_set.get();
        if (m_used != s->used) {
            m_used = -1;
            in.raise(types().RuntimeError, "Set changed size during iteration");
        }
        size_t n = s->table.size();
        while (m_pos < n && s->table[m_pos].key.isNull()) ++m_pos;
        if (m_pos >= n) {
            m_set = Ref<SetObject>();
            return Value();
        }
        --m_left;
        return s->table[m_pos++].key;
    }
    int64_t remaining() const override {
        if (!m_set || m_used != m_set->used) return 0;
        return m_left > 0 ? m_left : 0;
    }

private:
    Ref<SetObject> m_set;
    int64_t m_used;
    int64_t m_left;
    size_t m_pos = 0;
};

// ------------------------------------------------------------ builtins

class EnumerateIterator : public IteratorObject {
public:
    EnumerateIterator(ClassObject* type, Value it, num::BigInt start)
        : IteratorObject(type), m_it(std::move(it)) {
        int64_t small;
        if (num::fitsInt64(start, small) && small < INT64_MAX) m_index = small;
        else {
            m_big = true;
            m_bigIndex = start;
        }
    }
    Value next(Interp& in) override {
        if (m_it.isNull()) return Value();
        Value v = in.next(m_it);
        if (v.isNull()) return Value();
        Value index;
        if (!m_big) {
            index = Value::integer(m_index);
            if (m_index == INT64_MAX - 1) {
                m_big = true;
                m_bigIndex = num::BigInt(m_index) + 1;
            } else {
                ++m_index;
            }
        } else {
            index = makeInt(m_bigIndex);
            m_bigIndex += 1;
        }
        return makeTuple({index, v});
    }

private:
    Value m_it;
    int64_t m_index = 0;
    bool m_big = false;
    num::BigInt m_bigIndex;
};

class ZipIterator : public IteratorObject {
public:
    ZipIterator(ClassObject* type, std::vector<Value> its, bool strict)
        : IteratorObject(type), m_its(std::move(its)), m_strict(strict) {}
    Value next(Interp& in) override {
        if (m_its.empty()) return Value();
        std::vector<Value> items;
        items.reserve(m_its.size());
        for (size_t i = 0; i < m_its.size(); ++i) {
            Value v = in.next(m_its[i]);
            if (v.isNull()) {
                if (m_strict) strictCheck(in, i);
                return Value();
            }
            items.push_back(std::move(v));
        }
        return makeTuple(std::move(items));
    }

private:
    void strictCheck(Interp& in, size_t i) {
        if (i) {
            const char* plural = i == 1 ? " " : "s 1-";
            in.valueError("zip() argument " + std::to_string(i + 1) + " is shorter than argument" + plural +
                          std::to_string(i));
        }
        for (i = 1; i < m_its.size(); ++i) {
            Value v = in.next(m_its[i]);
            if (!v.isNull()) {
                const char* plural = i == 1 ? " " : "s 1-";
                in.valueError("zip() argument " + std::to_string(i + 1) + " is longer than argument" + plural +
                              std::to_string(i));
            }
        }
    }
    std::vector<Value> m_its;
    bool m_strict;
};

class MapIterator : public IteratorObject {
public:
    MapIterator(ClassObject* type, Value func, std::vector<Value> its)
        : IteratorObject(type), m_func(std::move(func)), m_its(std::move(its)) {}
    Value next(Interp& in) override {
        std::vector<Value> args;
        args.reserve(m_its.size());
        for (const Value& it : m_its) {
            Value v = in.next(it);
            if (v.isNull()) return Value();
            args.push_back(std::move(v));
        }
        CallArgs ca(args.data(), args.size());
        return in.call(m_func, ca);
    }

private:
    Value m_func;
    std::vector<Value> m_its;
};

class FilterIterator : public IteratorObject {
public:
    FilterIterator(ClassObject* type, Value func, Value it)
        : IteratorObject(type), m_func(std::move(func)), m_it(std::move(it)) {}
    Value next(Interp& in) override {
        bool identity = m_func.isNone() || m_func.is(Value(types().boolean));
        for (;;) {
            Value v = in.next(m_it);
            if (v.isNull()) return Value();
            bool keep = identity ? in.truthy(v) : in.truthy(in.call(m_func, {v}));
            if (keep) return v;
        }
    }

private:
    Value m_func;
    Value m_it;
};

// reversed() over the sequence protocol (__len__ and __getitem__).
class ReversedIterator : public IteratorObject {
public:
    ReversedIterator(ClassObject* type, Value seq, int64_t len)
        : IteratorObject(type), m_seq(std::move(seq)), m_index(len - 1) {}
    Value next(Interp& in) override {
        if (m_seq.isNull() || m_index < 0) {
            m_seq = Value();
            return Value();
        }
        if (m_seq.obj()->type()->isBuiltin) {
            if (m_seq.isObj(Kind::Tuple)) {
                auto& items = m_seq.as<TupleObject>()->items;
                return items[size_t(m_index--)];
            }
        }
        try {
            return in.getItem(m_seq, Value::integer(m_index--));
        } catch (PyException& e) {
            if (in.isInstance(e.exc, types().IndexError) || in.isInstance(e.exc, types().StopIteration)) {
                m_seq = Value();
                m_index = -1;
                return Value();
            }
            throw;
        }
    }
    int64_t remaining() const override { return m_seq.isNull() ? 0 : m_index + 1; }

private:
    Value m_seq;
    int64_t m_index;
};

class CallIterator : public IteratorObject {
public:
    CallIterator(Value callable, Value sentinel)
        : IteratorObject(types().callIterator), m_callable(std::move(callable)), m_sentinel(std::move(sentinel)) {}
    Value next(Interp& in) override {
        if (m_callable.isNull()) return Value();
        Value r;
        try {
            r = in.call(m_callable, {});
        } catch (PyException& e) {
            if (in.isInstance(e.exc, types().StopIteration)) {
                m_callable = Value();
                m_sentinel = Value();
                return Value();
            }
            throw;
        }
        if (r.is(m_sentinel) || in.eq(r, m_sentinel)) {
            m_callable = Value();
            m_sentinel = Value();
            return Value();
        }
        return r;
    }

private:
    Value m_callable;
    Value m_sentinel;
};

// ------------------------------------------------------------ methods

IteratorObject* selfIterator(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0 || !a[0].isObj(Kind::Iterator))
        in.typeError(std::string("descriptor '") + name + "' requires an iterator object");
    return a[0].as<IteratorObject>();
}

Value iterIter(Interp& in, CallArgs& a) {
    selfIterator(in, a, "__iter__");
    return a[0];
}

Value iterNext(Interp& in, CallArgs& a) {
    IteratorObject* it = selfIterator(in, a, "__next__");
    Value keep(a[0]);
    Value v = it->next(in);
    if (v.isNull()) stopIteration(in);
    return v;
}

Value iterLengthHint(Interp& in, CallArgs& a) {
    IteratorObject* it = selfIterator(in, a, "__length_hint__");
    int64_t n = it->remaining();
    return Value::integer(n < 0 ? 0 : n);
}

// ------------------------------------------------------------ constructors

Value enumerateNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    Value iterable = a.size() > 1 ? a[1] : Value();
    Value start = a.size() > 2 ? a[2] : Value();
    if (a.size() > 3) in.typeError("enumerate() takes at most 2 arguments (" + std::to_string(a.size() - 1) + " given)");
    for (size_t k = 0; k < a.kwCount(); ++k) {
        const std::string& kn = a.kwName(k)->s;
        if (kn == "iterable" && iterable.isNull()) iterable = a.kwValue(k);
        else if (kn == "start" && start.isNull()) start = a.kwValue(k);
        else if (kn == "iterable" || kn == "start")
            in.typeError("argument for enumerate() given by name ('" + kn + "') and position (" +
                         (kn == "iterable" ? "1" : "2") + ")");
        else in.typeError("'" + kn + "' is an invalid keyword argument for enumerate()");
    }
    if (iterable.isNull()) in.typeError("enumerate() missing required argument 'iterable'");
    num::BigInt s = 0;
    if (!start.isNull()) {
        if (!in.toBigInt(start, s)) {
            Value f = Interp::typeOf(start)->lookup(names().__index__);
            if (f.isNull() || start.isFloat())
                in.typeError("'" + Interp::typeName(start) + "' object cannot be interpreted as an integer");
            if (!in.toBigInt(in.call(f, {start}), s))
                in.typeError("__index__ returned non-int");
        }
    }
    Value it = in.iter(iterable);
    return Value(new EnumerateIterator(holdClass(cls), it, s));
}

Value zipNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    bool strict = false;
    for (size_t k = 0; k < a.kwCount(); ++k) {
        if (a.kwName(k)->s != "strict") in.typeError("'" + a.kwName(k)->s + "' is an invalid keyword argument for zip()");
        strict = in.truthy(a.kwValue(k));
    }
    std::vector<Value> its;
    its.reserve(a.size() - 1);
    for (size_t i = 1; i < a.size(); ++i) its.push_back(in.iter(a[i]));
    return Value(new ZipIterator(holdClass(cls), std::move(its), strict));
}

Value mapNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    if (a.kwCount() && cls == types().map) in.typeError("map() takes no keyword arguments");
    if (a.size() < 3) in.typeError("map() must have at least two arguments.");
    std::vector<Value> its;
    its.reserve(a.size() - 2);
    for (size_t i = 2; i < a.size(); ++i) its.push_back(in.iter(a[i]));
    return Value(new MapIterator(holdClass(cls), a[1], std::move(its)));
}

Value filterNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    if (a.kwCount() && cls == types().filter) in.typeError("filter() takes no keyword arguments");
    if (a.size() != 3) in.typeError("filter expected 2 arguments, got " + std::to_string(a.size() - 1));
    return Value(new FilterIterator(holdClass(cls), a[1], in.iter(a[2])));
}

}  // namespace

Value makeReversedDictIterator(Ref<DictObject> d, DictViewObject::Which which) {
    ClassObject* type = which == DictViewObject::Which::Keys     ? g_extra.dictReverseKeyIterator
                        : which == DictViewObject::Which::Values ? g_extra.dictReverseValueIterator
                                                                 : g_extra.dictReverseItemIterator;
    return Value(new DictIterator(type, std::move(d), which, true));
}

Value makeReversedSeqIterator(const Value& seq) {
    if (seq.isObj(Kind::List)) return Value(new ListReverseIterator(seq));
    if (seq.isObj(Kind::Tuple)) return Value(new ReversedIterator(types().reversed, seq,
                                                                  int64_t(seq.as<TupleObject>()->items.size())));
    return Value(new ReversedIterator(types().reversed, seq, currentInterp()->len(seq)));
}

Value makeCallIterator(const Value& callable, const Value& sentinel) {
    return Value(new CallIterator(callable, sentinel));
}

namespace {

Value reversedNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    if (a.kwCount() && cls == types().reversed) in.typeError("reversed() takes no keyword arguments");
    if (a.size() != 2) in.typeError("reversed expected 1 argument, got " + std::to_string(a.size() - 1));
    const Value& seq = a[1];
    if (cls == types().reversed && seq.isObj() && seq.obj()->type()->isBuiltin) {
        switch (seq.obj()->kind()) {
        case Kind::List: return Value(new ListReverseIterator(seq));
        case Kind::DictView: {
            auto* v = seq.as<DictViewObject>();
            return makeReversedDictIterator(v->dict, v->which);
        }
        case Kind::Dict:
            return makeReversedDictIterator(Ref<DictObject>(seq.as<DictObject>()), DictViewObject::Which::Keys);
        default: break;
        }
    }
    ClassObject* t = Interp::typeOf(seq);
    Value rev = t->lookup(names().__reversed__);
    if (rev.isNone()) in.typeError("'" + t->name + "' object is not reversible");
    if (!rev.isNull()) return in.call(rev, {seq});
    bool sequence = !t->lookup(names().__getitem__).isNull() && !(seq.isObj(Kind::Dict));
    if (!sequence) in.typeError("'" + t->name + "' object is not reversible");
    int64_t n = in.len(seq);
    return Value(new ReversedIterator(holdClass(cls), seq, n));
}

}  // namespace

Value makeSeqIterator(const Value& seq) {
    switch (seq.obj()->kind()) {
    case Kind::List: return Value(new ListIterator(seq));
    case Kind::Tuple: return Value(new TupleIterator(seq));
    case Kind::Str: return Value(new StrIterator(seq));
    case Kind::Bytes: return Value(new BytesIterator(seq));
    case Kind::Range: {
        auto* r = seq.as<RangeObject>();
        return Value(new RangeIterator(r->start, r->step, r->length()));
    }
    default: return currentInterp()->iter(seq);
    }
}

Value makeDictIterator(Ref<DictObject> d, DictViewObject::Which which) {
    const Types& t = types();
    ClassObject* type = which == DictViewObject::Which::Keys     ? t.dictKeyIterator
                        : which == DictViewObject::Which::Values ? t.dictValueIterator
                                                                 : t.dictItemIterator;
    return Value(new DictIterator(type, std::move(d), which, false));
}

Value makeSetIterator(Ref<SetObject> s) { return Value(new SetIterator(std::move(s))); }

void installIteratorTypes(const Types& t) {
    g_extra.listReverseIterator = makeIteratorType("list_reverseiterator");
    g_extra.strIterator = makeIteratorType("str_iterator");
    g_extra.bytesIterator = makeIteratorType("bytes_iterator");
    g_extra.dictReverseKeyIterator = makeIteratorType("dict_reversekeyiterator");
    g_extra.dictReverseValueIterator = makeIteratorType("dict_reversevalueiterator");
    g_extra.dictReverseItemIterator = makeIteratorType("dict_reverseitemiterator");

    for (ClassObject* c : {t.listIterator, t.tupleIterator, t.strIterator, t.rangeIterator, t.dictKeyIterator,
                           t.dictValueIterator, t.dictItemIterator, t.setIterator, t.reversed,
                           g_extra.listReverseIterator, g_extra.strIterator, g_extra.bytesIterator,
                           g_extra.dictReverseKeyIterator, g_extra.dictReverseValueIterator,
                           g_extra.dictReverseItemIterator}) {
        defineMethod(c, "__iter__", iterIter);
        defineMethod(c, "__next__", iterNext);
        defineMethod(c, "__length_hint__", iterLengthHint);
    }
    for (ClassObject* c : {t.enumerate, t.zip, t.map, t.filter, t.callIterator, t.seqIterator}) {
        defineMethod(c, "__iter__", iterIter);
        defineMethod(c, "__next__", iterNext);
    }
    t.enumerate->nativeNew = enumerateNew;
    defineStaticMethod(t.enumerate, "__new__", enumerateNew);
    t.zip->nativeNew = zipNew;
    defineStaticMethod(t.zip, "__new__", zipNew);
    t.map->nativeNew = mapNew;
    defineStaticMethod(t.map, "__new__", mapNew);
    t.filter->nativeNew = filterNew;
    defineStaticMethod(t.filter, "__new__", filterNew);
    t.reversed->nativeNew = reversedNew;
    defineStaticMethod(t.reversed, "__new__", reversedNew);
}

}  // namespace ascope::rt
