// The builtin functions: print, len, sorted, min, max, sum, isinstance, ...
//
// Why it is built this way: each function is a thin layer over the object
// protocol in interp.h (len -> Interp::len, repr -> Interp::repr, ...), so a
// builtin behaves exactly like the operation the evaluator performs for the
// same syntax. What lives here is argument handling with CPython's exact
// messages and the few algorithms whose order of operations is observable:
// min/max compare each new item against the current best with `<`/`>` in
// that operand order, sum adds left to right from `start`, sorted is
// list.sort on a fresh list. print assembles one string and writes it once,
// so a line is never split between the program's two output streams.
//
// Deliberately absent: open, eval, exec, input, compile, __import__,
// breakpoint, help, exit and quit -- scenarios run sandboxed, and those names
// must raise NameError exactly as if they did not exist.
#include "runtime/builtins.h"
#include "runtime/generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

namespace ascope::rt {

// iterators.cpp
Value makeCallIterator(const Value& callable, const Value& sentinel);

namespace {

using lang::BinOpKind;
using lang::CmpOpKind;

[[noreturn]] void raiseNum(Interp& in, const num::Error& e) {
    const Types& t = types();
    ClassObject* cls = t.ValueError;
    switch (e.type) {
    case num::ExcType::OverflowError: cls = t.OverflowError; break;
    case num::ExcType::ZeroDivisionError: cls = t.ZeroDivisionError; break;
    case num::ExcType::TypeError: cls = t.TypeError; break;
    case num::ExcType::MemoryError: cls = t.MemoryError; break;
    default: break;
    }
    in.raise(cls, e.message);
}

// METH_O functions: "len() takes exactly one argument (2 given)".
void exactlyOne(Interp& in, CallArgs& a, const char* name) {
    if (a.kwCount()) in.typeError(std::string(name) + "() takes no keyword arguments");
    if (a.size() != 1)
        in.typeError(std::string(name) + "() takes exactly one argument (" + std::to_string(a.size()) + " given)");
}

// _PyArg_CheckPositional: "getattr expected at least 2 arguments, got 1".
void positional(Interp& in, CallArgs& a, const char* name, int min, int max) {
    if (a.kwCount()) in.typeError(std::string(name) + "() takes no keyword arguments");
    int n = int(a.size());
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

// Positional-or-keyword parameters as Argument Clinic parses them.
void parseArgs(Interp& in, CallArgs& a, const char* name, std::initializer_list<const char*> params, size_t required,
               Value* out) {
    size_t np = params.size();
    if (a.size() > np)
        in.typeError(std::string(name) + "() takes at most " + std::to_string(np) + " argument" + (np == 1 ? "" : "s") +
                     " (" + std::to_string(a.size()) + " given)");
    size_t i = 0, used = 0;
    for (const char* p : params) {
        Value byName = a.kw(p);
        if (!byName.isNull()) ++used;
        if (i < a.size()) {
            if (!byName.isNull())
                in.typeError(std::string("argument for ") + name + "() given by name ('" + p + "') and position (" +
                             std::to_string(i + 1) + ")");
            out[i] = a[i];
        } else {
            out[i] = byName;
        }
        if (i < required && out[i].isNull())
            in.typeError(std::string(name) + "() missing required argument '" + p + "' (pos " + std::to_string(i + 1) +
                         ")");
        ++i;
    }
    if (used < a.kwCount()) {
        for (size_t k = 0; k < a.kwCount(); ++k) {
            bool known = false;
            for (const char* p : params) known = known || a.kwName(k)->s == p;
            if (!known) in.typeError("'" + a.kwName(k)->s + "' is an invalid keyword argument for " + name + "()");
        }
    }
}

bool isIntValue(const Value& v) { return v.isSmallInt() || v.isBool() || v.isObj(Kind::Int); }

// PyObject_ASCII's escaping of a repr.
std::string asciiEscape(std::string_view text) {
    std::string r;
    r.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        unsigned char b = static_cast<unsigned char>(text[pos]);
        if (b < 0x80) {
            r += char(b);
            ++pos;
            continue;
        }
        char32_t c = num::decodeUtf8(text, pos);
        char buf[16];
        if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
        else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
        else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
        r += buf;
    }
    return r;
}

const std::string& attrName(Interp& in, const Value& v) {
    if (!isStr(v)) in.typeError("attribute name must be string, not '" + Interp::typeName(v) + "'");
    return asStr(v)->s;
}

// ------------------------------------------------------------ output

Value builtinPrint(Interp& in, CallArgs& a) {
    Value sep, end, file, flush;
    for (size_t k = 0; k < a.kwCount(); ++k) {
        const std::string& kn = a.kwName(k)->s;
        if (kn == "sep") sep = a.kwValue(k);
        else if (kn == "end") end = a.kwValue(k);
        else if (kn == "file") file = a.kwValue(k);
        else if (kn == "flush") flush = a.kwValue(k);
        else in.typeError("'" + kn + "' is an invalid keyword argument for print()");
    }
    if (!sep.isNull() && !sep.isNone() && !isStr(sep))
        in.typeError("sep must be None or a string, not " + Interp::typeName(sep));
    if (!end.isNull() && !end.isNone() && !isStr(end))
        in.typeError("end must be None or a string, not " + Interp::typeName(end));
    std::string sepText = isStr(sep) ? asStr(sep)->s : std::string(" ");
    std::string endText = isStr(end) ? asStr(end)->s : std::string("\n");
    if (file.isNull() || file.isNone()) {
        std::string out;
        for (size_t i = 0; i < a.size(); ++i) {
            if (i) out += sepText;
            const Value& v = a[i];
            if (isStr(v) && v.obj()->type() == types().str) out += asStr(v)->s;
            else out += asStr(in.strValue(v))->s;
        }
        out += endText;
        in.write(false, out);
        return Value::none();
    }
    Value write = in.getAttr(file, intern("write"));
    for (size_t i = 0; i < a.size(); ++i) {
        if (i) in.call(write, {makeStr(sepText)});
        in.call(write, {in.strValue(a[i])});
    }
    in.call(write, {makeStr(endText)});
    if (!flush.isNull() && in.truthy(flush)) in.callMethod(file, intern("flush"), {});
    return Value::none();
}

// ------------------------------------------------------------ object basics

Value builtinLen(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "len");
    return Value::integer(in.len(a[0]));
}

Value builtinRepr(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "repr");
    return makeStr(in.repr(a[0]));
}

Value builtinAscii(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "ascii");
    return makeStr(asciiEscape(in.repr(a[0])));
}

Value builtinHash(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "hash");
    return Value::integer(in.hash(a[0]));
}

Value builtinId(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "id");
    const Value& v = a[0];
    if (v.isObj()) return Value::integer(Object::idOf(v.obj()));
    // Inline values have no address; give each distinct value a stable number.
    uint64_t bits = 0;
    switch (v.tag()) {
    case Value::Tag::None: bits = 1; break;
    case Value::Tag::Bool: bits = 2 + uint64_t(v.asBool()); break;
    case Value::Tag::Float: {
        double d = v.asFloat();
        std::memcpy(&bits, &d, sizeof bits);
        bits = (bits >> 3) | (uint64_t(1) << 62);
        break;
    }
    default: bits = uint64_t(v.asInt()) * 32 + 4; break;
    }
    return Value::integer(int64_t(bits & 0x7fffffffffffffffULL));
}

Value builtinCallable(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "callable");
    const Value& v = a[0];
    if (v.isObj()) {
        switch (v.obj()->kind()) {
        case Kind::Function:
        case Kind::BoundMethod:
        case Kind::Builtin:
        case Kind::Class: return Value::boolean(true);
        default: break;
        }
    }
    Value f = Interp::typeOf(v)->lookup(names().__call__);
    return Value::boolean(!f.isNull() && !f.isNone());
}

// ------------------------------------------------------------ numbers

Value builtinAbs(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "abs");
    const Value& v = a[0];
    if (v.isFloat()) return Value::real(std::fabs(v.asFloat()));
    if ((v.isSmallInt() || v.isBool()) && v.asInt() != INT64_MIN) return Value::integer(v.asInt() < 0 ? -v.asInt() : v.asInt());
    Value f = Interp::typeOf(v)->lookup(names().__abs__);
    if (f.isNull()) in.typeError("bad operand type for abs(): '" + Interp::typeName(v) + "'");
    return in.call(f, {v});
}

Value builtinRound(Interp& in, CallArgs& a) {
    Value args[2];
    parseArgs(in, a, "round", {"number", "ndigits"}, 1, args);
    const Value& number = args[0];
    bool noDigits = args[1].isNull() || args[1].isNone();
    if (noDigits && number.isFloat()) {
        num::BigInt r;
        num::Error err;
        if (!num::roundToInt(number.asFloat(), r, err)) raiseNum(in, err);
        return makeInt(r);
    }
    if (noDigits && (number.isSmallInt() || number.isBool())) return Value::integer(number.asInt());
    Value f = Interp::typeOf(number)->lookup(names().__round__);
    if (f.isNull()) in.typeError("type " + Interp::typeName(number) + " doesn't define __round__ method");
    if (noDigits) return in.call(f, {number});
    return in.call(f, {number, args[1]});
}

// Calls a.__op__(b), then b.__rop__(a) (reflected first for a subclass of a's type).
Value dispatchBinary(Interp& in, const Value& x, const Value& y, StrObject* op, StrObject* rop) {
    ClassObject* tx = Interp::typeOf(x);
    ClassObject* ty = Interp::typeOf(y);
    Value fx = tx->lookup(op);
    Value fy = tx == ty ? Value() : ty->lookup(rop);
    const Value& ni = types().notImplementedValue;
    if (!fy.isNull() && ty->isSubclassOf(tx)) {
        Value r = in.call(fy, {y, x});
        if (!r.is(ni)) return r;
        fy = Value();
    }
    if (!fx.isNull()) {
        Value r = in.call(fx, {x, y});
        if (!r.is(ni)) return r;
    }
    if (!fy.isNull()) {
        Value r = in.call(fy, {y, x});
        if (!r.is(ni)) return r;
    }
    return Value();
}

Value builtinDivmod(Interp& in, CallArgs& a) {
    positional(in, a, "divmod", 2, 2);
    const Value& x = a[0];
    const Value& y = a[1];
    if (isIntValue(x) && isIntValue(y))
        return makeTuple({in.binaryOp(BinOpKind::FloorDiv, x, y), in.binaryOp(BinOpKind::Mod, x, y)});
    Value r = dispatchBinary(in, x, y, intern("__divmod__"), intern("__rdivmod__"));
    if (!r.isNull()) return r;
    in.typeError("unsupported operand type(s) for divmod(): '" + Interp::typeName(x) + "' and '" +
                 Interp::typeName(y) + "'");
}

Value builtinPow(Interp& in, CallArgs& a) {
    Value args[3];
    parseArgs(in, a, "pow", {"base", "exp", "mod"}, 2, args);
    const Value& base = args[0];
    const Value& exp = args[1];
    const Value& mod = args[2];
    if (mod.isNull() || mod.isNone()) return in.binaryOp(BinOpKind::Pow, base, exp);
    if (isIntValue(base) && isIntValue(exp) && isIntValue(mod)) {
        num::BigInt b, e, m, r;
        in.toBigInt(base, b);
        in.toBigInt(exp, e);
        in.toBigInt(mod, m);
        num::Error err;
        if (!num::powModInt(b, e, m, r, err)) raiseNum(in, err);
        return makeInt(r);
    }
    ClassObject* tb = Interp::typeOf(base);
    Value f = tb->lookup(names().__pow__);
    if (!f.isNull() && (base.isFloat() || isIntValue(base)) && (exp.isFloat() || isIntValue(exp)))
        in.typeError("pow() 3rd argument not allowed unless all arguments are integers");
    if (!f.isNull() && !tb->isBuiltin) {
        Value r = in.call(f, {base, exp, mod});
        if (!r.is(types().notImplementedValue)) return r;
    }
    in.typeError("unsupported operand type(s) for ** or pow(): '" + Interp::typeName(base) + "', '" +
                 Interp::typeName(exp) + "', '" + Interp::typeName(mod) + "'");
}

// min() and max(): `op` is Lt for min, Gt for max.
Value minMax(Interp& in, CallArgs& a, const char* name, CmpOpKind op) {
    Value key, dflt;
    for (size_t k = 0; k < a.kwCount(); ++k) {
        const std::string& kn = a.kwName(k)->s;
        if (kn == "key") key = a.kwValue(k);
        else if (kn == "default") dflt = a.kwValue(k);
        else in.typeError("'" + kn + "' is an invalid keyword argument for " + name + "()");
    }
    if (a.size() == 0) in.typeError(std::string(name) + " expected at least 1 argument, got 0");
    bool positionalItems = a.size() > 1;
    if (positionalItems && !dflt.isNull())
        in.typeError(std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    if (key.isNone()) key = Value();
    Value best, bestKey;
    auto consider = [&](const Value& item) {
        Value k = key.isNull() ? item : in.call(key, {item});
        if (best.isNull()) {
            best = item;
            bestKey = k;
            return;
        }
        bool better;
        if (k.isSmallInt() && bestKey.isSmallInt())
            better = op == CmpOpKind::Lt ? k.asInt() < bestKey.asInt() : k.asInt() > bestKey.asInt();
        else
            better = in.truthy(in.compare(op, k, bestKey));
        if (better) {
            best = item;
            bestKey = k;
        }
    };
    if (positionalItems) {
        for (size_t i = 0; i < a.size(); ++i) consider(a[i]);
    } else {
        Value it = in.iter(a[0]);
        for (;;) {
            Value item = in.next(it);
            if (item.isNull()) break;
            consider(item);
        }
    }
    if (best.isNull()) {
        if (!dflt.isNull()) return dflt;
        in.valueError(std::string(name) + "() arg is an empty sequence");
    }
    return best;
}

Value builtinMin(Interp& in, CallArgs& a) { return minMax(in, a, "min", CmpOpKind::Lt); }
Value builtinMax(Interp& in, CallArgs& a) { return minMax(in, a, "max", CmpOpKind::Gt); }

Value builtinSum(Interp& in, CallArgs& a) {
    if (a.size() == 0) in.typeError("sum() takes at least 1 positional argument (0 given)");
    if (a.size() > 2) in.typeError("sum() takes at most 2 arguments (" + std::to_string(a.size()) + " given)");
    Value start = a.size() > 1 ? a[1] : Value();
    for (size_t k = 0; k < a.kwCount(); ++k) {
        if (a.kwName(k)->s != "start")
            in.typeError("'" + a.kwName(k)->s + "' is an invalid keyword argument for sum()");
        if (!start.isNull()) in.typeError("argument for sum() given by name ('start') and position (2)");
        start = a.kwValue(k);
    }
    if (start.isNull()) start = Value::integer(0);
    if (isStr(start)) in.typeError("sum() can't sum strings [use ''.join(seq) instead]");
    if (start.isObj(Kind::Bytes)) in.typeError("sum() can't sum bytes [use b''.join(seq) instead]");
    Value result = start;
    Value it = in.iter(a[0]);
    for (;;) {
        Value item = in.next(it);
        if (item.isNull()) break;
        if (result.isSmallInt() && item.isSmallInt()) {
            int64_t r;
            if (!__builtin_add_overflow(result.asInt(), item.asInt(), &r)) {
                result = Value::integer(r);
                continue;
            }
        } else if (result.isFloat() && item.isFloat()) {
            result = Value::real(result.asFloat() + item.asFloat());
            continue;
        }
        result = in.binaryOp(BinOpKind::Add, result, item);
    }
    return result;
}

Value builtinSorted(Interp& in, CallArgs& a) {
    if (a.size() != 1) in.typeError("sorted expected 1 argument, got " + std::to_string(a.size()));
    Value key, reverse;
    for (size_t k = 0; k < a.kwCount(); ++k) {
        const std::string& kn = a.kwName(k)->s;
        if (kn == "key") key = a.kwValue(k);
        else if (kn == "reverse") reverse = a.kwValue(k);
        else in.typeError("'" + kn + "' is an invalid keyword argument for sort()");
    }
    std::vector<Value> items = in.toVector(a[0]);
    bool rev = false;
    if (!reverse.isNull()) {
        if (reverse.isFloat()) in.typeError("'float' object cannot be interpreted as an integer");
        rev = in.truthy(reverse);
    }
    sortValues(in, items, key, rev);
    return makeList(std::move(items));
}

Value builtinAny(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "any");
    Value it = in.iter(a[0]);
    for (;;) {
        Value v = in.next(it);
        if (v.isNull()) return Value::boolean(false);
        if (in.truthy(v)) return Value::boolean(true);
    }
}

Value builtinAll(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "all");
    Value it = in.iter(a[0]);
    for (;;) {
        Value v = in.next(it);
        if (v.isNull()) return Value::boolean(true);
        if (!in.truthy(v)) return Value::boolean(false);
    }
}

Value builtinChr(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "chr");
    const Value& v = a[0];
    if (v.isObj(Kind::Int)) in.raise(types().OverflowError, "Python int too large to convert to C int");
    int64_t c = in.toIndex(v);
    if (c > INT32_MAX || c < INT32_MIN) in.raise(types().OverflowError, "Python int too large to convert to C int");
    if (c < 0 || c > 0x10FFFF) in.valueError("chr() arg not in range(0x110000)");
    return makeStr(num::encodeUtf8(char32_t(c)));
}

Value builtinOrd(Interp& in, CallArgs& a) {
    exactlyOne(in, a, "ord");
    const Value& v = a[0];
    if (isStr(v)) {
        StrObject* s = asStr(v);
        int64_t n = s->length();
        if (n != 1)
            in.typeError("ord() expected a character, but string of length " + std::to_string(n) + " found");
        return Value::integer(num::codePointAt(s->s, 0));
    }
    if (v.isObj(Kind::Bytes)) {
        const std::string& b = v.as<BytesObject>()->b;
        if (b.size() != 1)
            in.typeError("ord() expected a character, but string of length " + std::to_string(b.size()) + " found");
        return Value::integer(static_cast<unsigned char>(b[0]));
    }
    in.typeError("ord() expected string of length 1, but " + Interp::typeName(v) + " found");
}

Value baseString(Interp& in, CallArgs& a, const char* name, int base) {
    exactlyOne(in, a, name);
    num::BigInt v;
    if (!in.toBigInt(a[0], v)) {
        Value f = Interp::typeOf(a[0])->lookup(names().__index__);
        if (f.isNull() || a[0].isFloat())
            in.typeError("'" + Interp::typeName(a[0]) + "' object cannot be interpreted as an integer");
        Value r = in.call(f, {a[0]});
        if (!in.toBigInt(r, v)) in.typeError("__index__ returned non-int (type " + Interp::typeName(r) + ")");
    }
    return makeStr(num::intToBaseString(v, base, true));
}

Value builtinBin(Interp& in, CallArgs& a) { return baseString(in, a, "bin", 2); }
Value builtinOct(Interp& in, CallArgs& a) { return baseString(in, a, "oct", 8); }
Value builtinHex(Interp& in, CallArgs& a) { return baseString(in, a, "hex", 16); }

Value builtinFormat(Interp& in, CallArgs& a) {
    positional(in, a, "format", 1, 2);
    if (a.size() == 2 && !isStr(a[1]))
        in.typeError("format() argument 2 must be str, not " + Interp::typeName(a[1]));
    return makeStr(in.format(a[0], a.size() == 2 ? std::string_view(asStr(a[1])->s) : std::string_view()));
}

// ------------------------------------------------------------ types

bool isInstanceOf(Interp& in, const Value& obj, const Value& cls, int depth) {
    if (depth > 900) in.recursionError();
    if (cls.isObj(Kind::Class)) {
        auto* c = cls.as<ClassObject>();
        if (Interp::typeOf(obj) == c) return true;
        ClassObject* meta = c->type();
        if (meta != types().type) {
            Value check = meta->lookup(intern("__instancecheck__"));
            if (!check.isNull() && !check.isObj(Kind::Builtin)) return in.truthy(in.call(check, {cls, obj}));
        }
        if (in.isInstance(obj, c)) return true;
        Value klass = in.getAttrOrNull(obj, names().__class__);
        return klass.isObj(Kind::Class) && klass.obj() != Interp::typeOf(obj) && klass.as<ClassObject>()->isSubclassOf(c);
    }
    if (cls.isObj(Kind::Tuple)) {
        Value keep(cls);
        for (const Value& c : cls.as<TupleObject>()->items)
            if (isInstanceOf(in, obj, c, depth + 1)) return true;
        return false;
    }
    in.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
}

Value builtinIsinstance(Interp& in, CallArgs& a) {
    positional(in, a, "isinstance", 2, 2);
    return Value::boolean(isInstanceOf(in, a[0], a[1], 0));
}

bool isSubclassOf(Interp& in, const Value& derived, const Value& cls, int depth) {
    if (depth > 900) in.recursionError();
    if (cls.isObj(Kind::Class)) {
        auto* c = cls.as<ClassObject>();
        ClassObject* meta = c->type();
        if (meta != types().type) {
            Value check = meta->lookup(intern("__subclasscheck__"));
            if (!check.isNull() && !check.isObj(Kind::Builtin)) return in.truthy(in.call(check, {cls, derived}));
        }
        if (!derived.isObj(Kind::Class)) in.typeError("issubclass() arg 1 must be a class");
        return derived.as<ClassObject>()->isSubclassOf(c);
    }
    if (cls.isObj(Kind::Tuple)) {
        Value keep(cls);
        for (const Value& c : cls.as<TupleObject>()->items)
            if (isSubclassOf(in, derived, c, depth + 1)) return true;
        return false;
    }
    if (!derived.isObj(Kind::Class)) in.typeError("issubclass() arg 1 must be a class");
    in.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

Value builtinIssubclass(Interp& in, CallArgs& a) {
    positional(in, a, "issubclass", 2, 2);
    return Value::boolean(isSubclassOf(in, a[0], a[1], 0));
}

// ------------------------------------------------------------ attributes

Value builtinHasattr(Interp& in, CallArgs& a) {
    positional(in, a, "hasattr", 2, 2);
    const std::string& name = attrName(in, a[1]);
    try {
        return Value::boolean(!in.getAttrOrNull(a[0], intern(name)).isNull());
    } catch (PyException& e) {
        if (in.isInstance(e.exc, types().AttributeError)) return Value::boolean(false);
        throw;
    }
}

Value builtinGetattr(Interp& in, CallArgs& a) {
    positional(in, a, "getattr", 2, 3);
    const std::string& name = attrName(in, a[1]);
    if (a.size() == 2) return in.getAttr(a[0], intern(name));
    try {
        Value v = in.getAttrOrNull(a[0], intern(name));
        return v.isNull() ? a[2] : v;
    } catch (PyException& e) {
        if (in.isInstance(e.exc, types().AttributeError)) return a[2];
        throw;
    }
}

Value builtinSetattr(Interp& in, CallArgs& a) {
    positional(in, a, "setattr", 3, 3);
    const std::string& name = attrName(in, a[1]);
    in.setAttr(a[0], intern(name), a[2]);
    return Value::none();
}

Value builtinDelattr(Interp& in, CallArgs& a) {
    positional(in, a, "delattr", 2, 2);
    const std::string& name = attrName(in, a[1]);
    in.delAttr(a[0], intern(name));
    return Value::none();
}

// ------------------------------------------------------------ iteration

Value builtinIter(Interp& in, CallArgs& a) {
    positional(in, a, "iter", 1, 2);
    if (a.size() == 1) return in.iter(a[0]);
    Value callable = in.call(in.builtinsDict()->getStr(intern("callable")), {a[0]});
    if (!in.truthy(callable)) in.typeError("iter(v, w): v must be callable");
    return makeCallIterator(a[0], a[1]);
}

// aiter(async_iterable)
Value builtinAiter(Interp& in, CallArgs& a) {
    positional(in, a, "aiter", 1, 1);
    Value f = Interp::typeOf(a[0])->lookup(intern("__aiter__"));
    if (f.isNull()) in.typeError("'" + Interp::typeName(a[0]) + "' object is not an async iterable");
    Value it = in.call(f, {a[0]});
    if (Interp::typeOf(it)->lookup(intern("__anext__")).isNull())
        in.typeError("aiter() returned not an async iterator of type '" + Interp::typeName(it) + "'");
    return it;
}

// anext(async_iterator[, default]): with a default, an awaitable that turns
// StopAsyncIteration into the default.
Value builtinAnext(Interp& in, CallArgs& a) {
    positional(in, a, "anext", 1, 2);
    Value f = Interp::typeOf(a[0])->lookup(intern("__anext__"));
    if (f.isNull()) in.typeError("'" + Interp::typeName(a[0]) + "' object is not an async iterator");
    Value awaitable = in.call(f, {a[0]});
    if (a.size() == 1) return awaitable;
    Value dflt = a[1];
    return Value(new GeneratorObject("anext_awaitable", "anext_awaitable",
                                     [awaitable, dflt](Interp& in, GeneratorObject& self) -> Value {
                                         Value pending;
                                         Value result;
                                         try {
                                             result = self.awaitFrom(in, awaitable);
                                         } catch (PyException& e) {
                                             pending = e.exc;
                                         }
                                         if (pending.isNull()) return result;
                                         if (in.isInstance(pending, types().StopAsyncIteration)) return dflt;
                                         throw PyException{pending};
                                     }));
}

Value builtinNext(Interp& in, CallArgs& a) {
    positional(in, a, "next", 1, 2);
    const Value& it = a[0];
    bool hasDefault = a.size() == 2;
    if (it.isObj(Kind::Iterator)) {
        Value v = it.as<IteratorObject>()->next(in);
        if (!v.isNull()) return v;
        if (hasDefault) return a[1];
        in.raiseValue(in.newException(types().StopIteration, std::vector<Value>{}));
    }
    if (it.isObj(Kind::Generator) && it.obj()->type() == types().generator) {
        Value keep(it);
        Value out;
        switch (it.as<GeneratorObject>()->resume(in, Value::none(), Value(), out)) {
        case GeneratorObject::Outcome::Yielded: return out;
        case GeneratorObject::Outcome::Raised: throw PyException{out};
        case GeneratorObject::Outcome::Returned: break;
        }
        if (hasDefault) return a[1];
        std::vector<Value> args;
        if (!out.isNull() && !out.isNone()) args.push_back(out);
        in.raiseValue(in.newException(types().StopIteration, std::move(args)));
    }
    Value f = Interp::typeOf(it)->lookup(names().__next__);
    if (f.isNull()) in.typeError("'" + Interp::typeName(it) + "' object is not an iterator");
    if (!hasDefault) return in.call(f, {it});
    try {
        return in.call(f, {it});
    } catch (PyException& e) {
        if (in.isInstance(e.exc, types().StopIteration)) return a[1];
        throw;
    }
}

// ------------------------------------------------------------ namespaces

Value callLocals(Interp& in) {
    Value locals = in.builtinsDict()->getStr(intern("locals"));
    return in.call(locals, {});
}

Value builtinVars(Interp& in, CallArgs& a) {
    positional(in, a, "vars", 0, 1);
    if (a.size() == 0) return callLocals(in);
    Value d;
    try {
        d = in.getAttrOrNull(a[0], names().__dict__);
    } catch (PyException& e) {
        if (!in.isInstance(e.exc, types().AttributeError)) throw;
    }
    if (d.isNull()) in.typeError("vars() argument must have __dict__ attribute");
    return d;
}

void addKeys(std::set<std::string>& out, const DictObject* d) {
    if (!d) return;
    d->forEach([&](const Value& k, const Value&) {
        if (isStr(k)) out.insert(asStr(k)->s);
    });
}

Value builtinDir(Interp& in, CallArgs& a) {
    positional(in, a, "dir", 0, 1);
    std::vector<Value> names;
    if (a.size() == 0) {
        Value locals = callLocals(in);
        if (locals.isObj(Kind::Dict)) names = in.toVector(locals);
    } else {
        const Value& obj = a[0];
        ClassObject* t = Interp::typeOf(obj);
        Value custom = t->lookup(intern("__dir__"));
        if (!custom.isNull() && !custom.isObj(Kind::Builtin)) {
            names = in.toVector(in.call(custom, {obj}));
        } else {
            std::set<std::string> out;
            if (obj.isObj(Kind::Module)) {
                addKeys(out, obj.as<ModuleObject>()->dict.get());
            } else if (obj.isObj(Kind::Class)) {
                for (ClassObject* c : obj.as<ClassObject>()->mro) addKeys(out, c->dict.get());
            } else {
                if (obj.isObj(Kind::Instance) || obj.isObj(Kind::Exception))
                    addKeys(out, obj.as<InstanceObject>()->dict.get());
                else if (obj.isObj(Kind::Native)) addKeys(out, obj.as<NativeObject>()->dict.get());
                else if (obj.isObj(Kind::Function)) addKeys(out, obj.as<FunctionObject>()->attrs.get());
                for (ClassObject* c : t->mro) addKeys(out, c->dict.get());
            }
            for (const std::string& s : out) names.push_back(makeStr(s));
            return makeList(std::move(names));
        }
    }
    sortValues(in, names, Value(), false);
    return makeList(std::move(names));
}

}  // namespace

void installBuiltinFunctions(Interp& in, DictObject* builtins) {
    defineFunction(builtins, "print", builtinPrint);
    defineFunction(builtins, "len", builtinLen);
    defineFunction(builtins, "repr", builtinRepr);
    defineFunction(builtins, "ascii", builtinAscii);
    defineFunction(builtins, "hash", builtinHash);
    defineFunction(builtins, "id", builtinId);
    defineFunction(builtins, "callable", builtinCallable);
    defineFunction(builtins, "abs", builtinAbs);
    defineFunction(builtins, "round", builtinRound);
    defineFunction(builtins, "divmod", builtinDivmod);
    defineFunction(builtins, "pow", builtinPow);
    defineFunction(builtins, "min", builtinMin);
    defineFunction(builtins, "max", builtinMax);
    defineFunction(builtins, "sum", builtinSum);
    defineFunction(builtins, "sorted", builtinSorted);
    defineFunction(builtins, "any", builtinAny);
    defineFunction(builtins, "all", builtinAll);
    defineFunction(builtins, "chr", builtinChr);
    defineFunction(builtins, "ord", builtinOrd);
    defineFunction(builtins, "bin", builtinBin);
    defineFunction(builtins, "oct", builtinOct);
    defineFunction(builtins, "hex", builtinHex);
    defineFunction(builtins, "format", builtinFormat);
    defineFunction(builtins, "isinstance", builtinIsinstance);
    defineFunction(builtins, "issubclass", builtinIssubclass);
    defineFunction(builtins, "hasattr", builtinHasattr);
    defineFunction(builtins, "getattr", builtinGetattr);
    defineFunction(builtins, "setattr", builtinSetattr);
    defineFunction(builtins, "delattr", builtinDelattr);
    defineFunction(builtins, "iter", builtinIter);
    defineFunction(builtins, "next", builtinNext);
    defineFunction(builtins, "aiter", builtinAiter);
    defineFunction(builtins, "anext", builtinAnext);
    defineFunction(builtins, "vars", builtinVars);
    defineFunction(builtins, "dir", builtinDir);
}

}  // namespace ascope::rt
