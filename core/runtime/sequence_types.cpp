// list, tuple, range and slice: constructors, methods, slicing and sorting.
//
// Why it is built this way: a list is a plain vector of values and a tuple an
// immutable one, so the methods are thin loops over `items`. Two things are
// ports rather than re-inventions, because their observable behaviour is
// part of Python's output:
//  - slicing clamps indices exactly like PySlice_Unpack/AdjustIndices
//    (`sliceIndices`), and slice assignment follows list_ass_slice /
//    list_ass_subscript, including their error messages;
//  - sorting is CPython 3.11's timsort (count_run, binary insertion, the
//    powersort merge policy, galloping merges). Programs see the order in
//    which `<` is called (a TypeError names the operand types in that order,
//    a user `__lt__` may print), and a comparison that raises leaves the list
//    as the same permutation CPython leaves. The list is emptied while it
//    sorts so mutation from a key or `__lt__` is detected ("list modified
//    during sort"), as in CPython.
#include "runtime/builtins.h"

#include <algorithm>

namespace ascope::rt {

void setObjectType(Object* o, ClassObject* t);
// iterators.cpp: list_reverseiterator / reversed over a list, tuple or str.
Value makeReversedSeqIterator(const Value& seq);

namespace {

using lang::CmpOpKind;

// ------------------------------------------------------------ arguments

// Argument Clinic's positional check; `skip` is 1 for methods (self), 0 otherwise.
void posArgs(Interp& in, CallArgs& a, const char* name, int min, int max, int skip = 1) {
    if (a.kwCount()) in.typeError(std::string(name) + "() takes no keyword arguments");
    int n = int(a.size()) - skip;
    auto plural = [](int k) { return k == 1 ? std::string(" argument") : std::string(" arguments"); };
    if (min == max && n != min)
        in.typeError(std::string(name) + " expected " + std::to_string(min) + plural(min) + ", got " + std::to_string(n));
    if (n < min)
        in.typeError(std::string(name) + " expected at least " + std::to_string(min) + plural(min) + ", got " +
                     std::to_string(n));
    if (max >= 0 && n > max)
        in.typeError(std::string(name) + " expected at most " + std::to_string(max) + plural(max) + ", got " +
                     std::to_string(n));
}

bool isIntValue(const Value& v) { return v.isSmallInt() || v.isBool() || v.isObj(Kind::Int); }

bool hasIndex(const Value& v) {
    return isIntValue(v) || (v.isObj() && !Interp::typeOf(v)->lookup(names().__index__).isNull());
}

// An index-sized integer; `errType` receives overflow of big ints.
int64_t indexArg(Interp& in, const Value& v, ClassObject* errType) {
    if (v.isObj(Kind::Int))
        in.raise(errType, "cannot fit 'int' into an index-sized integer");
    return in.toIndex(v);
}

// _PyEval_SliceIndex: huge values clamp.
int64_t clampedIndex(Interp& in, const Value& v) {
    if (v.isSmallInt() || v.isBool()) return v.asInt();
    if (v.isObj(Kind::Int)) return v.as<IntObject>()->v < 0 ? INT64_MIN : INT64_MAX;
    if (!hasIndex(v)) in.typeError("slice indices must be integers or None or have an __index__ method");
    Value r = in.call(Interp::typeOf(v)->lookup(names().__index__), {v});
    if (r.isObj(Kind::Int)) return r.as<IntObject>()->v < 0 ? INT64_MIN : INT64_MAX;
    if (!(r.isSmallInt() || r.isBool())) in.typeError("__index__ returned non-int (type " + Interp::typeName(r) + ")");
    return r.asInt();
}

Value notImplemented() { return types().notImplementedValue; }

ListObject* selfList(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0) in.typeError(std::string("unbound method list.") + name + "() needs an argument");
    if (!a[0].isObj(Kind::List))
        in.typeError(std::string("descriptor '") + name + "' for 'list' objects doesn't apply to a '" +
                     Interp::typeName(a[0]) + "' object");
    return a[0].as<ListObject>();
}

TupleObject* selfTuple(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0) in.typeError(std::string("unbound method tuple.") + name + "() needs an argument");
    if (!a[0].isObj(Kind::Tuple))
        in.typeError(std::string("descriptor '") + name + "' for 'tuple' objects doesn't apply to a '" +
                     Interp::typeName(a[0]) + "' object");
    return a[0].as<TupleObject>();
}

RangeObject* selfRange(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0 || !a[0].isObj(Kind::Range))
        in.typeError(std::string("descriptor '") + name + "' for 'range' objects doesn't apply to a '" +
                     (a.size() ? Interp::typeName(a[0]) : std::string("NoneType")) + "' object");
    return a[0].as<RangeObject>();
}

// Items of a builtin-layout list or tuple, or null.
const std::vector<Value>* seqItems(const Value& v) {
    if (v.isObj(Kind::List)) return &v.as<ListObject>()->items;
    if (v.isObj(Kind::Tuple)) return &v.as<TupleObject>()->items;
    return nullptr;
}

// The items of any iterable, copying lists and tuples.
std::vector<Value> itemsOf(Interp& in, const Value& v) {
    if (const std::vector<Value>* items = seqItems(v)) return *items;
    return in.toVector(v);
}

// ------------------------------------------------------------ comparisons

// list_richcompare / tuplerichcompare on two item vectors.
Value compareItems(Interp& in, CmpOpKind op, const std::vector<Value>& x, const std::vector<Value>& y) {
    if (x.size() != y.size() && (op == CmpOpKind::Eq || op == CmpOpKind::NotEq))
        return Value::boolean(op == CmpOpKind::NotEq);
    in.checkStack();
    size_t i = 0;
    for (; i < x.size() && i < y.size(); ++i) {
        Value a = x[i], b = y[i];
        if (a.is(b)) continue;
        if (!in.eq(a, b)) break;
    }
    if (i >= x.size() || i >= y.size()) {
        size_t lx = x.size(), ly = y.size();
        bool r = false;
        switch (op) {
        case CmpOpKind::Eq: r = lx == ly; break;
        case CmpOpKind::NotEq: r = lx != ly; break;
        case CmpOpKind::Lt: r = lx < ly; break;
        case CmpOpKind::LtE: r = lx <= ly; break;
        case CmpOpKind::Gt: r = lx > ly; break;
        default: r = lx >= ly; break;
        }
        return Value::boolean(r);
    }
    if (op == CmpOpKind::Eq) return Value::boolean(false);
    if (op == CmpOpKind::NotEq) return Value::boolean(true);
    Value a = x[i], b = y[i];
    return in.compare(op, a, b);
}

constexpr CmpOpKind kOps[] = {CmpOpKind::Eq, CmpOpKind::NotEq, CmpOpKind::Lt,
                              CmpOpKind::LtE, CmpOpKind::Gt, CmpOpKind::GtE};
const char* const kOpNames[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};

template <int Op>
Value listCompare(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, kOpNames[Op]);
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    if (!a[1].isObj(Kind::List)) return notImplemented();
    return compareItems(in, kOps[Op], l->items, a[1].as<ListObject>()->items);
}

template <int Op>
Value tupleCompare(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, kOpNames[Op]);
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    if (!a[1].isObj(Kind::Tuple)) return notImplemented();
    return compareItems(in, kOps[Op], t->items, a[1].as<TupleObject>()->items);
}

// ------------------------------------------------------------ timsort

// CPython's listobject.c merge machinery, keys and values moved in lockstep.
class TimSort {
public:
    TimSort(Interp& in, Value* keys, Value* values, int64_t n) : m_in(in), m_keys(keys), m_values(values), m_n(n) {
        chooseCompare();
    }

    void run() {
        int64_t remaining = m_n;
        if (remaining < 2) return;
        int64_t minrun = computeMinrun(remaining);
        Slice lo{m_keys, m_values};
        do {
            bool descending = false;
            int64_t n = countRun(lo.keys, lo.keys + remaining, descending);
            if (descending) reverseSlice(lo, n);
            if (n < minrun) {
                int64_t force = remaining <= minrun ? remaining : minrun;
                binarySort(lo, force, n);
                n = force;
            }
            foundNewRun(n);
            m_pending.push_back(Run{lo, n, 0});
            lo.advance(n);
            remaining -= n;
        } while (remaining);
        forceCollapse();
    }

private:
    struct Slice {
        Value* keys;
        Value* values;
        void advance(int64_t n) {
            keys += n;
            if (values) values += n;
        }
    };
    struct Run {
        Slice base;
        int64_t len;
        int power;
    };
    enum class Cmp { Generic, SmallInt, Str, Float };

    static constexpr int kMinGallop = 7;

    bool lt(const Value& x, const Value& y) {
        switch (m_cmp) {
        case Cmp::SmallInt:
            if (x.isSmallInt() && y.isSmallInt()) return x.asInt() < y.asInt();
            break;
        case Cmp::Str:
            if (x.isObj(Kind::Str) && y.isObj(Kind::Str)) return asStr(x)->s < asStr(y)->s;
            break;
        case Cmp::Float:
            if (x.isFloat() && y.isFloat()) return x.asFloat() < y.asFloat();
            break;
        default: break;
        }
        return m_in.lessThan(x, y);
    }

    void chooseCompare() {
        if (m_n < 2) return;
        const Value& first = m_keys[0];
        Cmp c = first.isSmallInt() ? Cmp::SmallInt
                : (first.isObj(Kind::Str) && first.obj()->type() == types().str) ? Cmp::Str
                : first.isFloat() ? Cmp::Float
                                  : Cmp::Generic;
        if (c == Cmp::Generic) return;
        for (int64_t i = 0; i < m_n; ++i) {
            const Value& k = m_keys[i];
            bool same = c == Cmp::SmallInt ? k.isSmallInt()
                        : c == Cmp::Str    ? (k.isObj(Kind::Str) && k.obj()->type() == types().str)
                                           : k.isFloat();
            if (!same) return;
        }
        m_cmp = c;
    }

    static int64_t computeMinrun(int64_t n) {
        int64_t r = 0;
        while (n >= 64) {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    static void reverseRange(Value* lo, Value* hi) {
        --hi;
        while (lo < hi) {
            std::swap(*lo, *hi);
            ++lo;
            --hi;
        }
    }

    static void reverseSlice(Slice s, int64_t n) {
        reverseRange(s.keys, s.keys + n);
        if (s.values) reverseRange(s.values, s.values + n);
    }

    // count_run of CPython 3.11: an ascending run, or a strictly descending one.
    int64_t countRun(Value* lo, Value* hi, bool& descending) {
        descending = false;
        ++lo;
        if (lo == hi) return 1;
        int64_t n = 2;
        if (lt(*lo, *(lo - 1))) {
            descending = true;
            for (lo = lo + 1; lo < hi; ++lo, ++n)
                if (!lt(*lo, *(lo - 1))) break;
        } else {
            for (lo = lo + 1; lo < hi; ++lo, ++n)
                if (lt(*lo, *(lo - 1))) break;
        }
        return n;
    }

    // Stable binary insertion sort of s[0:n] where s[0:ok] is sorted.
    void binarySort(Slice s, int64_t n, int64_t ok) {
        Value* a = s.keys;
        if (ok == 0) ++ok;
        for (; ok < n; ++ok) {
            int64_t l = 0, r = ok;
            const Value& pivot = a[ok];
            do {
                int64_t m = l + ((r - l) >> 1);
                if (lt(pivot, a[m])) r = m;
                else l = m + 1;
            } while (l < r);
            Value p = std::move(a[ok]);
            for (int64_t m = ok; m > l; --m) a[m] = std::move(a[m - 1]);
            a[l] = std::move(p);
            if (s.values) {
                Value* v = s.values;
                Value pv = std::move(v[ok]);
                for (int64_t m = ok; m > l; --m) v[m] = std::move(v[m - 1]);
                v[l] = std::move(pv);
            }
        }
    }

    int64_t gallopLeft(const Value& key, Value* a, int64_t n, int64_t hint) {
        a += hint;
        int64_t lastofs = 0, ofs = 1;
        if (lt(*a, key)) {
            int64_t maxofs = n - hint;
            while (ofs < maxofs) {
                if (lt(a[ofs], key)) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if (ofs > maxofs) ofs = maxofs;
            lastofs += hint;
            ofs += hint;
        } else {
            int64_t maxofs = hint + 1;
            while (ofs < maxofs) {
                if (lt(*(a - ofs), key)) break;
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if (ofs > maxofs) ofs = maxofs;
            int64_t k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        }
        a -= hint;
        ++lastofs;
        while (lastofs < ofs) {
            int64_t m = lastofs + ((ofs - lastofs) >> 1);
            if (lt(a[m], key)) lastofs = m + 1;
            else ofs = m;
        }
        return ofs;
    }

    int64_t gallopRight(const Value& key, Value* a, int64_t n, int64_t hint) {
        a += hint;
        int64_t lastofs = 0, ofs = 1;
        if (lt(key, *a)) {
            int64_t maxofs = hint + 1;
            while (ofs < maxofs) {
                if (lt(key, *(a - ofs))) {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            if (ofs > maxofs) ofs = maxofs;
            int64_t k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        } else {
            int64_t maxofs = n - hint;
            while (ofs < maxofs) {
                if (lt(key, a[ofs])) break;
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            if (ofs > maxofs) ofs = maxofs;
            lastofs += hint;
            ofs += hint;
        }
        a -= hint;
        ++lastofs;
        while (lastofs < ofs) {
            int64_t m = lastofs + ((ofs - lastofs) >> 1);
            if (lt(key, a[m])) ofs = m;
            else lastofs = m + 1;
        }
        return ofs;
    }

    void ensureTemp(int64_t need) {
        if (int64_t(m_tmpKeys.size()) < need) {
            m_tmpKeys.resize(size_t(need));
            if (m_values) m_tmpValues.resize(size_t(need));
        }
    }

    // Moves n items from src to dst (non-overlapping, or dst before src).
    static void moveForward(Slice dst, Slice src, int64_t n) {
        std::move(src.keys, src.keys + n, dst.keys);
        if (dst.values) std::move(src.values, src.values + n, dst.values);
    }
    // Moves n items from src to dst where dst lies after src (overlap allowed).
    static void moveBackward(Slice dst, Slice src, int64_t n) {
        std::move_backward(src.keys, src.keys + n, dst.keys + n);
        if (dst.values) std::move_backward(src.values, src.values + n, dst.values + n);
    }
    static void moveOne(Slice dst, Slice src) {
        *dst.keys = std::move(*src.keys);
        if (dst.values) *dst.values = std::move(*src.values);
    }

    Slice tempSlice() { return Slice{m_tmpKeys.data(), m_values ? m_tmpValues.data() : nullptr}; }

    void mergeLo(Slice ssa, int64_t na, Slice ssb, int64_t nb) {
        ensureTemp(na);
        Slice tmp = tempSlice();
        moveForward(tmp, ssa, na);
        Slice dest = ssa;
        ssa = tmp;
        try {
            moveOne(dest, ssb);
            dest.advance(1);
            ssb.advance(1);
            --nb;
            if (nb == 0) goto Succeed;
            if (na == 1) goto CopyB;
            {
                int64_t minGallop = m_minGallop;
                for (;;) {
                    int64_t acount = 0, bcount = 0;
                    for (;;) {
                        if (lt(*ssb.keys, *ssa.keys)) {
                            moveOne(dest, ssb);
                            dest.advance(1);
                            ssb.advance(1);
                            ++bcount;
                            acount = 0;
                            --nb;
                            if (nb == 0) goto Succeed;
                            if (bcount >= minGallop) break;
                        } else {
                            moveOne(dest, ssa);
                            dest.advance(1);
                            ssa.advance(1);
                            ++acount;
                            bcount = 0;
                            --na;
                            if (na == 1) goto CopyB;
                            if (acount >= minGallop) break;
                        }
                    }
                    ++minGallop;
                    do {
                        minGallop -= minGallop > 1;
                        m_minGallop = minGallop;
                        int64_t k = gallopRight(*ssb.keys, ssa.keys, na, 0);
                        acount = k;
                        if (k) {
                            moveForward(dest, ssa, k);
                            dest.advance(k);
                            ssa.advance(k);
                            na -= k;
                            if (na == 1) goto CopyB;
                            if (na == 0) goto Succeed;
                        }
                        moveOne(dest, ssb);
                        dest.advance(1);
                        ssb.advance(1);
                        --nb;
                        if (nb == 0) goto Succeed;
                        k = gallopLeft(*ssa.keys, ssb.keys, nb, 0);
                        bcount = k;
                        if (k) {
                            moveForward(dest, ssb, k);
                            dest.advance(k);
                            ssb.advance(k);
                            nb -= k;
                            if (nb == 0) goto Succeed;
                        }
                        moveOne(dest, ssa);
                        dest.advance(1);
                        ssa.advance(1);
                        --na;
                        if (na == 1) goto CopyB;
                    } while (acount >= kMinGallop || bcount >= kMinGallop);
                    ++minGallop;
                    m_minGallop = minGallop;
                }
            }
        } catch (...) {
            if (na) moveForward(dest, ssa, na);
            throw;
        }
    Succeed:
        if (na) moveForward(dest, ssa, na);
        return;
    CopyB:
        moveForward(dest, ssb, nb);
        {
            Slice last = dest;
            last.advance(nb);
            moveOne(last, ssa);
        }
    }

    void mergeHi(Slice ssa, int64_t na, Slice ssb, int64_t nb) {
        ensureTemp(nb);
        Slice dest = ssb;
        dest.advance(nb - 1);
        Slice baseb = tempSlice();
        moveForward(baseb, ssb, nb);
        Slice basea = ssa;
        ssb = baseb;
        ssb.advance(nb - 1);
        ssa.advance(na - 1);
        try {
            moveOne(dest, ssa);
            dest.advance(-1);
            ssa.advance(-1);
            --na;
            if (na == 0) goto Succeed;
            if (nb == 1) goto CopyA;
            {
                int64_t minGallop = m_minGallop;
                for (;;) {
                    int64_t acount = 0, bcount = 0;
                    for (;;) {
                        if (lt(*ssb.keys, *ssa.keys)) {
                            moveOne(dest, ssa);
                            dest.advance(-1);
                            ssa.advance(-1);
                            ++acount;
                            bcount = 0;
                            --na;
                            if (na == 0) goto Succeed;
                            if (acount >= minGallop) break;
                        } else {
                            moveOne(dest, ssb);
                            dest.advance(-1);
                            ssb.advance(-1);
                            ++bcount;
                            acount = 0;
                            --nb;
                            if (nb == 1) goto CopyA;
                            if (bcount >= minGallop) break;
                        }
                    }
                    ++minGallop;
                    do {
                        minGallop -= minGallop > 1;
                        m_minGallop = minGallop;
                        int64_t k = gallopRight(*ssb.keys, basea.keys, na, na - 1);
                        k = na - k;
                        acount = k;
                        if (k) {
                            dest.advance(-k);
                            ssa.advance(-k);
                            Slice d1 = dest, s1 = ssa;
                            d1.advance(1);
                            s1.advance(1);
                            moveBackward(d1, s1, k);
                            na -= k;
                            if (na == 0) goto Succeed;
                        }
                        moveOne(dest, ssb);
                        dest.advance(-1);
                        ssb.advance(-1);
                        --nb;
                        if (nb == 1) goto CopyA;
                        k = gallopLeft(*ssa.keys, baseb.keys, nb, nb - 1);
                        k = nb - k;
                        bcount = k;
                        if (k) {
                            dest.advance(-k);
                            ssb.advance(-k);
                            Slice d1 = dest, s1 = ssb;
                            d1.advance(1);
                            s1.advance(1);
                            moveForward(d1, s1, k);
                            nb -= k;
                            if (nb == 1) goto CopyA;
                            if (nb == 0) goto Succeed;
                        }
                        moveOne(dest, ssa);
                        dest.advance(-1);
                        ssa.advance(-1);
                        --na;
                        if (na == 0) goto Succeed;
                    } while (acount >= kMinGallop || bcount >= kMinGallop);
                    ++minGallop;
                    m_minGallop = minGallop;
                }
            }
        } catch (...) {
            if (nb) {
                Slice d = dest;
                d.advance(-(nb - 1));
                moveForward(d, baseb, nb);
            }
            throw;
        }
    Succeed:
        if (nb) {
            Slice d = dest;
            d.advance(-(nb - 1));
            moveForward(d, baseb, nb);
        }
        return;
    CopyA: {
        Slice d = dest, s = ssa;
        d.advance(1 - na);
        s.advance(1 - na);
        moveBackward(d, s, na);
        dest.advance(-na);
        ssa.advance(-na);
        moveOne(dest, ssb);
    }
    }

    void mergeAt(size_t i) {
        Slice ssa = m_pending[i].base;
        int64_t na = m_pending[i].len;
        Slice ssb = m_pending[i + 1].base;
        int64_t nb = m_pending[i + 1].len;
        m_pending[i].len = na + nb;
        if (i == m_pending.size() - 3) m_pending[i + 1] = m_pending[i + 2];
        m_pending.pop_back();
        int64_t k = gallopRight(*ssb.keys, ssa.keys, na, 0);
        ssa.advance(k);
        na -= k;
        if (na == 0) return;
        nb = gallopLeft(ssa.keys[na - 1], ssb.keys, nb, nb - 1);
        if (nb <= 0) return;
        if (na <= nb) mergeLo(ssa, na, ssb, nb);
        else mergeHi(ssa, na, ssb, nb);
    }

    static int powerLoop(int64_t s1, int64_t n1, int64_t n2, int64_t n) {
        int result = 0;
        int64_t a = 2 * s1 + n1;
        int64_t b = a + n1 + n2;
        for (;;) {
            ++result;
            if (a >= n) {
                a -= n;
                b -= n;
            } else if (b >= n) {
                break;
            }
            a <<= 1;
            b <<= 1;
        }
        return result;
    }

    void foundNewRun(int64_t n2) {
        if (m_pending.empty()) return;
        int64_t s1 = m_pending.back().base.keys - m_keys;
        int64_t n1 = m_pending.back().len;
        int power = powerLoop(s1, n1, n2, m_n);
        while (m_pending.size() > 1 && m_pending[m_pending.size() - 2].power > power)
            mergeAt(m_pending.size() - 2);
        m_pending.back().power = power;
    }

    void forceCollapse() {
        while (m_pending.size() > 1) {
            size_t n = m_pending.size() - 2;
            if (n > 0 && m_pending[n - 1].len < m_pending[n + 1].len) --n;
            mergeAt(n);
        }
    }

    Interp& m_in;
    Value* m_keys;
    Value* m_values;
    int64_t m_n;
    Cmp m_cmp = Cmp::Generic;
    int64_t m_minGallop = kMinGallop;
    std::vector<Run> m_pending;
    std::vector<Value> m_tmpKeys, m_tmpValues;
};

}  // namespace

void sortValues(Interp& in, std::vector<Value>& items, const Value& key, bool reverse) {
    size_t n = items.size();
    std::vector<Value> keys;
    bool hasKey = !key.isNull() && !key.isNone();
    if (hasKey) {
        keys.reserve(n);
        for (size_t i = 0; i < n; ++i) keys.push_back(in.call(key, {items[i]}));
    }
    if (n < 2) return;
    if (reverse) {
        if (hasKey) std::reverse(keys.begin(), keys.end());
        std::reverse(items.begin(), items.end());
    }
    try {
        if (hasKey) TimSort(in, keys.data(), items.data(), int64_t(n)).run();
        else TimSort(in, items.data(), nullptr, int64_t(n)).run();
    } catch (...) {
        if (reverse) std::reverse(items.begin(), items.end());
        throw;
    }
    if (reverse) std::reverse(items.begin(), items.end());
}

void sliceIndices(Interp& in, const SliceObject* s, int64_t length, int64_t& start, int64_t& stop, int64_t& step,
                  int64_t& count) {
    constexpr int64_t kMax = INT64_MAX;
    if (s->step.isNone() || s->step.isNull()) {
        step = 1;
    } else {
        step = clampedIndex(in, s->step);
        if (step == 0) in.valueError("slice step cannot be zero");
        if (step < -kMax) step = -kMax;
    }
    if (s->start.isNone() || s->start.isNull()) start = step < 0 ? kMax : 0;
    else start = clampedIndex(in, s->start);
    if (s->stop.isNone() || s->stop.isNull()) stop = step < 0 ? INT64_MIN : kMax;
    else stop = clampedIndex(in, s->stop);
    if (start < 0) {
        start = start < -length ? (step < 0 ? -1 : 0) : start + length;
    } else if (start >= length) {
        start = step < 0 ? length - 1 : length;
    }
    if (stop < 0) {
        stop = stop < -length ? (step < 0 ? -1 : 0) : stop + length;
    } else if (stop >= length) {
        stop = step < 0 ? length - 1 : length;
    }
    count = 0;
    if (step < 0) {
        if (stop < start) count = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        count = (stop - start - 1) / step + 1;
    }
}

namespace {

// ------------------------------------------------------------ shared

std::vector<Value> sliceOf(Interp& in, const std::vector<Value>& items, const SliceObject* s) {
    int64_t start, stop, step, count;
    sliceIndices(in, s, int64_t(items.size()), start, stop, step, count);
    std::vector<Value> r;
    if (count <= 0) return r;
    if (step == 1) return std::vector<Value>(items.begin() + start, items.begin() + start + count);
    r.reserve(size_t(count));
    for (int64_t i = 0, p = start; i < count; ++i, p += step) r.push_back(items[size_t(p)]);
    return r;
}

// Repetition with the memory budget checked first; `n` is any int.
std::vector<Value> repeatItems(Interp& in, const std::vector<Value>& items, const Value& nv) {
    int64_t n;
    if (nv.isObj(Kind::Int)) {
        if (nv.as<IntObject>()->v < 0 || items.empty()) return {};
        in.raise(types().OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    n = in.toIndex(nv);
    std::vector<Value> r;
    if (n <= 0 || items.empty()) return r;
    in.checkAllocation(double(n) * double(items.size()) * double(sizeof(Value)));
    r.reserve(items.size() * size_t(n));
    for (int64_t i = 0; i < n; ++i) r.insert(r.end(), items.begin(), items.end());
    return r;
}

int64_t countIn(Interp& in, const std::vector<Value>& items, const Value& x) {
    int64_t n = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        Value v = items[i];
        if (v.is(x) || in.eq(v, x)) ++n;
    }
    return n;
}

// list.index / tuple.index start and stop arguments.
void indexBounds(Interp& in, CallArgs& a, int64_t size, int64_t& start, int64_t& stop) {
    start = 0;
    stop = INT64_MAX;
    if (a.size() > 2) start = clampedIndex(in, a[2]);
    if (a.size() > 3) stop = clampedIndex(in, a[3]);
    if (start < 0) {
        start += size;
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += size;
        if (stop < 0) stop = 0;
    }
}

Value makeListOfType(ClassObject* cls, std::vector<Value> items) {
    auto* l = new ListObject(std::move(items));
    if (cls != types().list) {
        setObjectType(l, cls);
        cls->incRef();
    }
    return Value(l);
}

// ------------------------------------------------------------ list

Value listNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    if (cls != types().list) return makeListOfType(cls, {});
    if (a.kwCount()) in.typeError("list() takes no keyword arguments");
    posArgs(in, a, "list", 0, 1);
    if (a.size() == 1) return makeList({});
    return makeList(itemsOf(in, a[1]));
}

Value listInit(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__init__");
    if (a.kwCount()) in.typeError("list() takes no keyword arguments");
    posArgs(in, a, "list", 0, 1);
    l->items.clear();
    if (a.size() > 1) l->items = itemsOf(in, a[1]);
    return Value::none();
}

Value listAppend(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "append");
    oneArg(in, a, "list.append");
    l->items.push_back(a[1]);
    return Value::none();
}

void extendList(Interp& in, ListObject* l, const Value& v) {
    if (const std::vector<Value>* items = seqItems(v)) {
        if (items == &l->items) {
            std::vector<Value> copy = *items;
            l->items.insert(l->items.end(), copy.begin(), copy.end());
        } else {
            l->items.insert(l->items.end(), items->begin(), items->end());
        }
        return;
    }
    Value it = in.iter(v);
    for (;;) {
        Value x = in.next(it);
        if (x.isNull()) break;
        l->items.push_back(std::move(x));
        if ((l->items.size() & 0xfff) == 0) in.step();
    }
}

Value listExtend(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "extend");
    oneArg(in, a, "list.extend");
    extendList(in, l, a[1]);
    return Value::none();
}

Value listInsert(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "insert");
    posArgs(in, a, "insert", 2, 2);
    int64_t i = clampedIndex(in, a[1]);
    int64_t n = int64_t(l->items.size());
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    l->items.insert(l->items.begin() + i, a[2]);
    return Value::none();
}

Value listRemove(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "remove");
    oneArg(in, a, "list.remove");
    for (size_t i = 0; i < l->items.size(); ++i) {
        Value v = l->items[i];
        if (v.is(a[1]) || in.eq(v, a[1])) {
            if (i < l->items.size()) l->items.erase(l->items.begin() + int64_t(i));
            return Value::none();
        }
    }
    in.valueError("list.remove(x): x not in list");
}

Value listPop(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "pop");
    posArgs(in, a, "pop", 0, 1);
    int64_t i = a.size() > 1 ? indexArg(in, a[1], types().IndexError) : -1;
    if (l->items.empty()) in.raise(types().IndexError, "pop from empty list");
    int64_t n = int64_t(l->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) in.raise(types().IndexError, "pop index out of range");
    Value v = std::move(l->items[size_t(i)]);
    l->items.erase(l->items.begin() + i);
    return v;
}

Value listClear(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "clear");
    noArgs(in, a, "list.clear");
    std::vector<Value> old;
    old.swap(l->items);
    return Value::none();
}

Value listIndex(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "index");
    posArgs(in, a, "index", 1, 3);
    int64_t start, stop;
    indexBounds(in, a, int64_t(l->items.size()), start, stop);
    for (int64_t i = start; i < stop && i < int64_t(l->items.size()); ++i) {
        Value v = l->items[size_t(i)];
        if (v.is(a[1]) || in.eq(v, a[1])) return Value::integer(i);
    }
    in.valueError(in.repr(a[1]) + " is not in list");
}

Value listCount(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "count");
    oneArg(in, a, "list.count");
    return Value::integer(countIn(in, l->items, a[1]));
}

Value listSort(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "sort");
    if (a.size() > 1) in.typeError("sort() takes no positional arguments");
    Value key, reverse;
    for (size_t k = 0; k < a.kwCount(); ++k) {
        const std::string& kn = a.kwName(k)->s;
        if (kn == "key") key = a.kwValue(k);
        else if (kn == "reverse") reverse = a.kwValue(k);
        else in.typeError("'" + kn + "' is an invalid keyword argument for sort()");
    }
    bool rev = false;
    if (!reverse.isNull()) {
        if (reverse.isFloat()) in.typeError("'float' object cannot be interpreted as an integer");
        rev = in.truthy(reverse);
    }
    Value keep(a[0]);
    std::vector<Value> saved;
    saved.swap(l->items);
    try {
        sortValues(in, saved, key, rev);
    } catch (...) {
        std::vector<Value> mutated;
        mutated.swap(l->items);
        l->items.swap(saved);
        throw;
    }
    bool modified = l->items.capacity() != 0;
    std::vector<Value> mutated;
    mutated.swap(l->items);
    l->items.swap(saved);
    if (modified) in.valueError("list modified during sort");
    return Value::none();
}

Value listReverse(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "reverse");
    noArgs(in, a, "list.reverse");
    std::reverse(l->items.begin(), l->items.end());
    return Value::none();
}

Value listCopy(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "copy");
    noArgs(in, a, "list.copy");
    return makeList(l->items);
}

Value listLen(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__len__");
    noArgs(in, a, "list.__len__");
    return Value::integer(int64_t(l->items.size()));
}

Value listContains(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__contains__");
    oneArg(in, a, "list.__contains__");
    for (size_t i = 0; i < l->items.size(); ++i) {
        Value v = l->items[i];
        if (v.is(a[1]) || in.eq(v, a[1])) return Value::boolean(true);
    }
    return Value::boolean(false);
}

Value listGetitem(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__getitem__");
    oneArg(in, a, "list.__getitem__");
    const Value& key = a[1];
    if (key.isObj(Kind::Slice)) return makeList(sliceOf(in, l->items, key.as<SliceObject>()));
    if (!hasIndex(key)) in.typeError("list indices must be integers or slices, not " + Interp::typeName(key));
    int64_t i = indexArg(in, key, types().IndexError);
    int64_t n = int64_t(l->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) in.raise(types().IndexError, "list index out of range");
    return l->items[size_t(i)];
}

// PySequence_Fast: the items of an iterable; a TypeError from iter() becomes `message`.
std::vector<Value> sequenceFast(Interp& in, const Value& v, const char* message) {
    Value it;
    try {
        it = in.iter(v);
    } catch (PyException& e) {
        if (in.isInstance(e.exc, types().TypeError)) in.typeError(message);
        throw;
    }
    std::vector<Value> out;
    for (;;) {
        Value x = in.next(it);
        if (x.isNull()) return out;
        out.push_back(std::move(x));
    }
}

// list_ass_slice: replaces items[lo:hi] with `v` (null: deletes).
void assignSlice(Interp& in, ListObject* l, int64_t lo, int64_t hi, const Value& v) {
    std::vector<Value> repl;
    if (!v.isNull()) {
        if (const std::vector<Value>* items = seqItems(v)) {
            repl = *items;
        } else {
            repl = sequenceFast(in, v, "can only assign an iterable");
        }
    }
    int64_t n = int64_t(l->items.size());
    if (lo < 0) lo = 0;
    else if (lo > n) lo = n;
    if (hi < lo) hi = lo;
    else if (hi > n) hi = n;
    std::vector<Value> removed(std::make_move_iterator(l->items.begin() + lo),
                               std::make_move_iterator(l->items.begin() + hi));
    l->items.erase(l->items.begin() + lo, l->items.begin() + hi);
    l->items.insert(l->items.begin() + lo, std::make_move_iterator(repl.begin()), std::make_move_iterator(repl.end()));
}

void listAssignSubscript(Interp& in, ListObject* l, const Value& key, const Value& v) {
    if (key.isObj(Kind::Slice)) {
        int64_t start, stop, step, count;
        sliceIndices(in, key.as<SliceObject>(), int64_t(l->items.size()), start, stop, step, count);
        if (step == 1) {
            assignSlice(in, l, start, stop, v);
            return;
        }
        if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
        if (v.isNull()) {
            if (count <= 0) return;
            std::vector<Value> removed;
            removed.reserve(size_t(count));
            std::vector<bool> drop(l->items.size(), false);
            for (int64_t i = 0, p = start; i < count; ++i, p += step) drop[size_t(p)] = true;
            std::vector<Value> kept;
            kept.reserve(l->items.size() - size_t(count));
            for (size_t i = 0; i < l->items.size(); ++i) {
                if (drop[i]) removed.push_back(std::move(l->items[i]));
                else kept.push_back(std::move(l->items[i]));
            }
            l->items.swap(kept);
            return;
        }
        std::vector<Value> seq;
        if (const std::vector<Value>* items = seqItems(v)) {
            seq = *items;
        } else {
            seq = sequenceFast(in, v, "must assign iterable to extended slice");
        }
        if (int64_t(seq.size()) != count)
            in.valueError("attempt to assign sequence of size " + std::to_string(seq.size()) +
                          " to extended slice of size " + std::to_string(count));
        std::vector<Value> old;
        old.reserve(size_t(count));
        for (int64_t i = 0, p = start; i < count; ++i, p += step) {
            old.push_back(std::move(l->items[size_t(p)]));
            l->items[size_t(p)] = std::move(seq[size_t(i)]);
        }
        return;
    }
    if (!hasIndex(key)) in.typeError("list indices must be integers or slices, not " + Interp::typeName(key));
    int64_t i = indexArg(in, key, types().IndexError);
    int64_t n = int64_t(l->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) in.raise(types().IndexError, "list assignment index out of range");
    if (v.isNull()) {
        Value old = std::move(l->items[size_t(i)]);
        l->items.erase(l->items.begin() + i);
        return;
    }
    Value old = std::move(l->items[size_t(i)]);
    l->items[size_t(i)] = v;
}

Value listSetitem(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__setitem__");
    posArgs(in, a, "__setitem__", 2, 2);
    listAssignSubscript(in, l, a[1], a[2]);
    return Value::none();
}

Value listDelitem(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__delitem__");
    oneArg(in, a, "list.__delitem__");
    listAssignSubscript(in, l, a[1], Value());
    return Value::none();
}

Value listIter(Interp& in, CallArgs& a) {
    selfList(in, a, "__iter__");
    noArgs(in, a, "list.__iter__");
    return makeSeqIterator(a[0]);
}

Value listReversed(Interp& in, CallArgs& a) {
    selfList(in, a, "__reversed__");
    noArgs(in, a, "list.__reversed__");
    return makeReversedSeqIterator(a[0]);
}

Value listAdd(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__add__");
    oneArg(in, a, "list.__add__");
    if (!a[1].isObj(Kind::List))
        in.typeError("can only concatenate list (not \"" + Interp::typeName(a[1]) + "\") to list");
    const auto& o = a[1].as<ListObject>()->items;
    std::vector<Value> r;
    r.reserve(l->items.size() + o.size());
    r.insert(r.end(), l->items.begin(), l->items.end());
    r.insert(r.end(), o.begin(), o.end());
    return makeList(std::move(r));
}

Value listIadd(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__iadd__");
    oneArg(in, a, "list.__iadd__");
    extendList(in, l, a[1]);
    return a[0];
}

Value listMul(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__mul__");
    oneArg(in, a, "list.__mul__");
    if (!hasIndex(a[1])) return notImplemented();
    return makeList(repeatItems(in, l->items, a[1]));
}

Value listImul(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__imul__");
    oneArg(in, a, "list.__imul__");
    if (!hasIndex(a[1])) return notImplemented();
    std::vector<Value> r = repeatItems(in, l->items, a[1]);
    l->items.swap(r);
    return a[0];
}

Value listRepr(Interp& in, CallArgs& a) {
    ListObject* l = selfList(in, a, "__repr__");
    noArgs(in, a, "list.__repr__");
    return makeStr(reprSequence(in, l->items, "[", "]", l));
}

// ------------------------------------------------------------ tuple

Value tupleNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    Value iterable;
    if (a.size() > 2) in.typeError("tuple expected at most 1 argument, got " + std::to_string(a.size() - 1));
    if (a.size() == 2) iterable = a[1];
    for (size_t k = 0; k < a.kwCount(); ++k) {
        if (cls == types().tuple || a.kwName(k)->s != "iterable")
            in.typeError("tuple() takes no keyword arguments");
        iterable = a.kwValue(k);
    }
    if (cls == types().tuple) {
        if (iterable.isNull()) return makeTuple({});
        if (iterable.isObj(Kind::Tuple) && iterable.obj()->type() == types().tuple) return iterable;
        return makeTuple(itemsOf(in, iterable));
    }
    auto* t = new TupleObject(iterable.isNull() ? std::vector<Value>{} : itemsOf(in, iterable));
    setObjectType(t, cls);
    cls->incRef();
    return Value(t);
}

Value tupleCount(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "count");
    oneArg(in, a, "tuple.count");
    return Value::integer(countIn(in, t->items, a[1]));
}

Value tupleIndex(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "index");
    posArgs(in, a, "index", 1, 3);
    int64_t start, stop;
    indexBounds(in, a, int64_t(t->items.size()), start, stop);
    for (int64_t i = start; i < stop && i < int64_t(t->items.size()); ++i) {
        Value v = t->items[size_t(i)];
        if (v.is(a[1]) || in.eq(v, a[1])) return Value::integer(i);
    }
    in.valueError("tuple.index(x): x not in tuple");
}

Value tupleLen(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "__len__");
    noArgs(in, a, "tuple.__len__");
    return Value::integer(int64_t(t->items.size()));
}

Value tupleGetitem(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "__getitem__");
    oneArg(in, a, "tuple.__getitem__");
    const Value& key = a[1];
    if (key.isObj(Kind::Slice)) {
        const SliceObject* s = key.as<SliceObject>();
        int64_t start, stop, step, count;
        sliceIndices(in, s, int64_t(t->items.size()), start, stop, step, count);
        if (count == int64_t(t->items.size()) && step == 1 && a[0].obj()->type() == types().tuple) return a[0];
        return makeTuple(sliceOf(in, t->items, s));
    }
    if (!hasIndex(key)) in.typeError("tuple indices must be integers or slices, not " + Interp::typeName(key));
    int64_t i = indexArg(in, key, types().IndexError);
    int64_t n = int64_t(t->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) in.raise(types().IndexError, "tuple index out of range");
    return t->items[size_t(i)];
}

Value tupleContains(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "__contains__");
    oneArg(in, a, "tuple.__contains__");
    for (size_t i = 0; i < t->items.size(); ++i) {
        Value v = t->items[i];
        if (v.is(a[1]) || in.eq(v, a[1])) return Value::boolean(true);
    }
    return Value::boolean(false);
}

Value tupleHash(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "__hash__");
    noArgs(in, a, "tuple.__hash__");
    if (t->hashCache != -1) return Value::integer(t->hashCache);
    in.checkStack();
    num::TupleHasher h;
    for (const Value& item : t->items) h.add(in.hash(item));
    t->hashCache = h.finish();
    return Value::integer(t->hashCache);
}

Value tupleAdd(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "__add__");
    oneArg(in, a, "tuple.__add__");
    if (!a[1].isObj(Kind::Tuple))
        in.typeError("can only concatenate tuple (not \"" + Interp::typeName(a[1]) + "\") to tuple");
    const auto& o = a[1].as<TupleObject>()->items;
    std::vector<Value> r;
    r.reserve(t->items.size() + o.size());
    r.insert(r.end(), t->items.begin(), t->items.end());
    r.insert(r.end(), o.begin(), o.end());
    return makeTuple(std::move(r));
}

Value tupleMul(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "__mul__");
    oneArg(in, a, "tuple.__mul__");
    if (!hasIndex(a[1])) return notImplemented();
    return makeTuple(repeatItems(in, t->items, a[1]));
}

Value tupleIter(Interp& in, CallArgs& a) {
    selfTuple(in, a, "__iter__");
    noArgs(in, a, "tuple.__iter__");
    return makeSeqIterator(a[0]);
}

Value tupleRepr(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "__repr__");
    noArgs(in, a, "tuple.__repr__");
    return makeStr(reprSequence(in, t->items, "(", ")", t));
}

Value tupleGetnewargs(Interp& in, CallArgs& a) {
    TupleObject* t = selfTuple(in, a, "__getnewargs__");
    noArgs(in, a, "tuple.__getnewargs__");
    return makeTuple({makeTuple(t->items)});
}

// ------------------------------------------------------------ range

int64_t rangeArg(Interp& in, const Value& v) {
    if (v.isObj(Kind::Int)) in.raise(types().OverflowError, "Python int too large to convert to C ssize_t");
    return in.toIndex(v);
}

Value rangeNew(Interp& in, CallArgs& a) {
    if (a.kwCount()) in.typeError("range() takes no keyword arguments");
    posArgs(in, a, "range", 1, 3);
    int64_t start = 0, stop, step = 1;
    if (a.size() == 2) {
        stop = rangeArg(in, a[1]);
    } else {
        start = rangeArg(in, a[1]);
        stop = rangeArg(in, a[2]);
        if (a.size() == 4) {
            step = rangeArg(in, a[3]);
            if (step == 0) in.valueError("range() arg 3 must not be zero");
        }
    }
    return Value(new RangeObject(start, stop, step));
}

Value rangeStart(Interp&, const Value& self) { return Value::integer(self.as<RangeObject>()->start); }
Value rangeStop(Interp&, const Value& self) { return Value::integer(self.as<RangeObject>()->stop); }
Value rangeStep(Interp&, const Value& self) { return Value::integer(self.as<RangeObject>()->step); }

// Position of `x` in r, or -1; x must be an int.
int64_t rangeIndexOf(const RangeObject* r, int64_t x) {
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
    int64_t d = x - r->start;
    if (d % r->step != 0) return -1;
    return d / r->step;
}

bool rangeContainsValue(Interp& in, const Value& self, const Value& x) {
    auto* r = self.as<RangeObject>();
    if (x.isSmallInt() || x.isBool()) return rangeIndexOf(r, x.asInt()) >= 0;
    if (x.isObj(Kind::Int)) return false;
    Value it = in.iter(self);
    for (;;) {
        Value v = in.next(it);
        if (v.isNull()) return false;
        if (in.eq(v, x)) return true;
    }
}

Value rangeContains(Interp& in, CallArgs& a) {
    selfRange(in, a, "__contains__");
    oneArg(in, a, "range.__contains__");
    return Value::boolean(rangeContainsValue(in, a[0], a[1]));
}

Value rangeIndex(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "index");
    oneArg(in, a, "range.index");
    const Value& x = a[1];
    if (x.isSmallInt() || x.isBool()) {
        int64_t i = rangeIndexOf(r, x.asInt());
        if (i >= 0) return Value::integer(i);
        in.valueError(in.repr(x) + " is not in range");
    }
    int64_t n = r->length();
    for (int64_t i = 0; i < n; ++i)
        if (in.eq(Value::integer(r->at(i)), x)) return Value::integer(i);
    in.valueError("sequence.index(x): x not in sequence");
}

Value rangeCount(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "count");
    oneArg(in, a, "range.count");
    const Value& x = a[1];
    if (x.isSmallInt() || x.isBool()) return Value::integer(rangeIndexOf(r, x.asInt()) >= 0 ? 1 : 0);
    int64_t n = r->length(), c = 0;
    for (int64_t i = 0; i < n; ++i)
        if (in.eq(Value::integer(r->at(i)), x)) ++c;
    return Value::integer(c);
}

Value rangeLen(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "__len__");
    noArgs(in, a, "range.__len__");
    return Value::integer(r->length());
}

Value rangeBool(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "__bool__");
    noArgs(in, a, "range.__bool__");
    return Value::boolean(r->length() > 0);
}

Value rangeGetitem(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "__getitem__");
    oneArg(in, a, "range.__getitem__");
    const Value& key = a[1];
    int64_t len = r->length();
    if (key.isObj(Kind::Slice)) {
        int64_t start, stop, step, count;
        sliceIndices(in, key.as<SliceObject>(), len, start, stop, step, count);
        return Value(new RangeObject(r->start + start * r->step, r->start + stop * r->step, step * r->step));
    }
    if (!hasIndex(key)) in.typeError("range indices must be integers or slices, not " + Interp::typeName(key));
    if (key.isObj(Kind::Int)) in.raise(types().IndexError, "range object index out of range");
    int64_t i = in.toIndex(key);
    if (i < 0) i += len;
    if (i < 0 || i >= len) in.raise(types().IndexError, "range object index out of range");
    return Value::integer(r->at(i));
}

Value rangeIter(Interp& in, CallArgs& a) {
    selfRange(in, a, "__iter__");
    noArgs(in, a, "range.__iter__");
    return makeSeqIterator(a[0]);
}

Value rangeReversed(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "__reversed__");
    noArgs(in, a, "range.__reversed__");
    int64_t n = r->length();
    Value rev(new RangeObject(r->start + (n - 1) * r->step, r->start - r->step, -r->step));
    if (n == 0) rev = Value(new RangeObject(0, 0, 1));
    return makeSeqIterator(rev);
}

bool rangesEqual(const RangeObject* x, const RangeObject* y) {
    if (x == y) return true;
    int64_t n = x->length();
    if (n != y->length()) return false;
    if (n == 0) return true;
    if (x->start != y->start) return false;
    if (n == 1) return true;
    return x->step == y->step;
}

Value rangeEq(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "__eq__");
    oneArg(in, a, "range.__eq__");
    if (!a[1].isObj(Kind::Range)) return notImplemented();
    return Value::boolean(rangesEqual(r, a[1].as<RangeObject>()));
}

Value rangeNe(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "__ne__");
    oneArg(in, a, "range.__ne__");
    if (!a[1].isObj(Kind::Range)) return notImplemented();
    return Value::boolean(!rangesEqual(r, a[1].as<RangeObject>()));
}

Value rangeHash(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "__hash__");
    noArgs(in, a, "range.__hash__");
    int64_t n = r->length();
    num::TupleHasher h;
    h.add(in.hash(Value::integer(n)));
    if (n == 0) {
        h.add(in.hash(Value::none()));
        h.add(in.hash(Value::none()));
    } else {
        h.add(in.hash(Value::integer(r->start)));
        h.add(n == 1 ? in.hash(Value::none()) : in.hash(Value::integer(r->step)));
    }
    return Value::integer(h.finish());
}

Value rangeRepr(Interp& in, CallArgs& a) {
    RangeObject* r = selfRange(in, a, "__repr__");
    noArgs(in, a, "range.__repr__");
    std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
    if (r->step != 1) s += ", " + std::to_string(r->step);
    return makeStr(s + ")");
}

// ------------------------------------------------------------ slice

SliceObject* selfSlice(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0 || !a[0].isObj(Kind::Slice))
        in.typeError(std::string("descriptor '") + name + "' for 'slice' objects doesn't apply to a '" +
                     (a.size() ? Interp::typeName(a[0]) : std::string("NoneType")) + "' object");
    return a[0].as<SliceObject>();
}

Value sliceNew(Interp& in, CallArgs& a) {
    if (a.kwCount()) in.typeError("slice() takes no keyword arguments");
    posArgs(in, a, "slice", 1, 3);
    if (a.size() == 2) return Value(new SliceObject(Value::none(), a[1], Value::none()));
    return Value(new SliceObject(a[1], a[2], a.size() == 4 ? a[3] : Value::none()));
}

Value sliceStart(Interp&, const Value& self) { return self.as<SliceObject>()->start; }
Value sliceStop(Interp&, const Value& self) { return self.as<SliceObject>()->stop; }
Value sliceStep(Interp&, const Value& self) { return self.as<SliceObject>()->step; }

Value sliceIndicesMethod(Interp& in, CallArgs& a) {
    SliceObject* s = selfSlice(in, a, "indices");
    oneArg(in, a, "slice.indices");
    if (!hasIndex(a[1])) in.typeError("'" + Interp::typeName(a[1]) + "' object cannot be interpreted as an integer");
    int64_t length = indexArg(in, a[1], types().OverflowError);
    if (length < 0) in.valueError("length should not be negative");
    int64_t start, stop, step, count;
    sliceIndices(in, s, length, start, stop, step, count);
    return makeTuple({Value::integer(start), Value::integer(stop), Value::integer(step)});
}

Value sliceRepr(Interp& in, CallArgs& a) {
    SliceObject* s = selfSlice(in, a, "__repr__");
    noArgs(in, a, "slice.__repr__");
    return makeStr("slice(" + in.repr(s->start) + ", " + in.repr(s->stop) + ", " + in.repr(s->step) + ")");
}

template <int Op>
Value sliceCompare(Interp& in, CallArgs& a) {
    SliceObject* s = selfSlice(in, a, kOpNames[Op]);
    oneArg(in, a, kOpNames[Op]);
    if (!a[1].isObj(Kind::Slice)) return notImplemented();
    SliceObject* o = a[1].as<SliceObject>();
    return compareItems(in, kOps[Op], {s->start, s->stop, s->step}, {o->start, o->stop, o->step});
}

}  // namespace

void installListTupleTypes(const Types& t) {
    ClassObject* l = t.list;
    l->nativeNew = listNew;
    defineStaticMethod(l, "__new__", listNew);
    defineMethod(l, "__init__", listInit);
    defineMethod(l, "append", listAppend);
    defineMethod(l, "extend", listExtend);
    defineMethod(l, "insert", listInsert);
    defineMethod(l, "remove", listRemove);
    defineMethod(l, "pop", listPop);
    defineMethod(l, "clear", listClear);
    defineMethod(l, "index", listIndex);
    defineMethod(l, "count", listCount);
    defineMethod(l, "sort", listSort);
    defineMethod(l, "reverse", listReverse);
    defineMethod(l, "copy", listCopy);
    defineMethod(l, "__len__", listLen);
    defineMethod(l, "__contains__", listContains);
    defineMethod(l, "__getitem__", listGetitem);
    defineMethod(l, "__setitem__", listSetitem);
    defineMethod(l, "__delitem__", listDelitem);
    defineMethod(l, "__iter__", listIter);
    defineMethod(l, "__reversed__", listReversed);
    defineMethod(l, "__add__", listAdd);
    defineMethod(l, "__iadd__", listIadd);
    defineMethod(l, "__mul__", listMul);
    defineMethod(l, "__rmul__", listMul);
    defineMethod(l, "__imul__", listImul);
    defineMethod(l, "__repr__", listRepr);
    defineMethod(l, "__eq__", listCompare<0>);
    defineMethod(l, "__ne__", listCompare<1>);
    defineMethod(l, "__lt__", listCompare<2>);
    defineMethod(l, "__le__", listCompare<3>);
    defineMethod(l, "__gt__", listCompare<4>);
    defineMethod(l, "__ge__", listCompare<5>);
    defineValue(l->dict.get(), "__hash__", Value::none());

    ClassObject* tu = t.tuple;
    tu->nativeNew = tupleNew;
    defineStaticMethod(tu, "__new__", tupleNew);
    defineMethod(tu, "count", tupleCount);
    defineMethod(tu, "index", tupleIndex);
    defineMethod(tu, "__len__", tupleLen);
    defineMethod(tu, "__getitem__", tupleGetitem);
    defineMethod(tu, "__contains__", tupleContains);
    defineMethod(tu, "__hash__", tupleHash);
    defineMethod(tu, "__add__", tupleAdd);
    defineMethod(tu, "__mul__", tupleMul);
    defineMethod(tu, "__rmul__", tupleMul);
    defineMethod(tu, "__iter__", tupleIter);
    defineMethod(tu, "__repr__", tupleRepr);
    defineMethod(tu, "__getnewargs__", tupleGetnewargs);
    defineMethod(tu, "__eq__", tupleCompare<0>);
    defineMethod(tu, "__ne__", tupleCompare<1>);
    defineMethod(tu, "__lt__", tupleCompare<2>);
    defineMethod(tu, "__le__", tupleCompare<3>);
    defineMethod(tu, "__gt__", tupleCompare<4>);
    defineMethod(tu, "__ge__", tupleCompare<5>);

    ClassObject* r = t.range;
    r->nativeNew = rangeNew;
    defineStaticMethod(r, "__new__", rangeNew);
    defineGetter(r, "start", rangeStart);
    defineGetter(r, "stop", rangeStop);
    defineGetter(r, "step", rangeStep);
    defineMethod(r, "index", rangeIndex);
    defineMethod(r, "count", rangeCount);
    defineMethod(r, "__len__", rangeLen);
    defineMethod(r, "__bool__", rangeBool);
    defineMethod(r, "__getitem__", rangeGetitem);
    defineMethod(r, "__contains__", rangeContains);
    defineMethod(r, "__iter__", rangeIter);
    defineMethod(r, "__reversed__", rangeReversed);
    defineMethod(r, "__eq__", rangeEq);
    defineMethod(r, "__ne__", rangeNe);
    defineMethod(r, "__hash__", rangeHash);
    defineMethod(r, "__repr__", rangeRepr);

    ClassObject* s = t.slice;
    s->nativeNew = sliceNew;
    defineStaticMethod(s, "__new__", sliceNew);
    defineGetter(s, "start", sliceStart);
    defineGetter(s, "stop", sliceStop);
    defineGetter(s, "step", sliceStep);
    defineMethod(s, "indices", sliceIndicesMethod);
    defineMethod(s, "__repr__", sliceRepr);
    defineMethod(s, "__eq__", sliceCompare<0>);
    defineMethod(s, "__ne__", sliceCompare<1>);
    defineMethod(s, "__lt__", sliceCompare<2>);
    defineMethod(s, "__le__", sliceCompare<3>);
    defineMethod(s, "__gt__", sliceCompare<4>);
    defineMethod(s, "__ge__", sliceCompare<5>);
    defineValue(s->dict.get(), "__hash__", Value::none());
}

}  // namespace ascope::rt
