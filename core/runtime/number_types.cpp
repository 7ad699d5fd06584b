// int, bool and float: constructors, methods and the explicit dunder methods.
//
// Why it is built this way: arithmetic on numbers never comes here -- the
// interpreter's binaryOp/compare fast paths handle inline ints, big ints and
// floats directly. These methods exist for what programs call by name
// (`(5).bit_length()`, `int.__add__(a, b)`, `x.__round__(2)`, `float.hex`)
// and for user subclasses that reach the builtin behaviour through the MRO.
// Each dunder therefore checks that both operands are of the kinds the
// CPython slot accepts and returns NotImplemented otherwise, before handing
// the work to the same protocol entry points the evaluator uses, so there is
// exactly one implementation of each operator. Conversions and formatting
// are numeric.h's CPython ports; this file only routes values and raises.
#include "runtime/builtins.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace ascope::rt {

void setObjectType(Object* o, ClassObject* t);

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

void posArgs(Interp& in, CallArgs& a, const char* name, int min, int max) {
    if (a.kwCount()) in.typeError(std::string(name) + "() takes no keyword arguments");
    int n = int(a.size()) - 1;
    auto plural = [](int k) { return k == 1 ? std::string(" argument") : std::string(" arguments"); };
    if (n < min)
        in.typeError(std::string(name) + " expected at least " + std::to_string(min) + plural(min) + ", got " +
                     std::to_string(n));
    if (n > max)
        in.typeError(std::string(name) + " expected at most " + std::to_string(max) + plural(max) + ", got " +
                     std::to_string(n));
}

Value notImplemented() { return types().notImplementedValue; }

bool isIntValue(const Value& v) { return v.isSmallInt() || v.isBool() || v.isObj(Kind::Int); }

num::BigInt bigOf(const Value& v) {
    if (v.isObj(Kind::Int)) return v.as<IntObject>()->v;
    return num::BigInt(v.asInt());
}

// The plain int value of an int-like (bools and subclass instances become int).
Value plainInt(const Value& v) {
    if (v.isSmallInt()) return v;
    if (v.isBool()) return Value::integer(v.asInt());
    if (v.isObj(Kind::Int) && v.obj()->type() == types().int_) return v;
    return makeInt(bigOf(v));
}

Value selfInt(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0 || !isIntValue(a[0]))
        in.typeError(std::string("descriptor '") + name + "' for 'int' objects doesn't apply to a '" +
                     (a.size() ? Interp::typeName(a[0]) : std::string("NoneType")) + "' object");
    return a[0];
}

double selfFloat(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0 || !a[0].isFloat())
        in.typeError(std::string("descriptor '") + name + "' for 'float' objects doesn't apply to a '" +
                     (a.size() ? Interp::typeName(a[0]) : std::string("NoneType")) + "' object");
    return a[0].asFloat();
}

double toDouble(Interp& in, const Value& v) {
    if (v.isFloat()) return v.asFloat();
    if (v.isSmallInt() || v.isBool()) return double(v.asInt());
    bool overflow = false;
    double d = num::bigIntToDouble(bigOf(v), overflow);
    if (overflow) in.raise(types().OverflowError, std::string(num::kMsgIntTooLargeForFloat));
    return d;
}

// An int of type `cls` (int, or a user subclass of int).
Value intOfType(ClassObject* cls, const num::BigInt& v) {
    if (cls == types().int_) return makeInt(v);
    auto* o = new IntObject(v);
    setObjectType(o, cls);
    cls->incRef();
    return Value(o);
}

// ------------------------------------------------------------ constructors

bool parseText(const Value& v, std::string_view& text, bool& unicode) {
    if (v.isObj(Kind::Str)) {
        text = asStr(v)->s;
        unicode = true;
        return true;
    }
    if (v.isObj(Kind::Bytes)) {
        text = v.as<BytesObject>()->b;
        unicode = false;
        return true;
    }
    return false;
}

// PyNumber_Long.
num::BigInt toInteger(Interp& in, const Value& x) {
    if (isIntValue(x)) return bigOf(x);
    if (x.isFloat()) {
        num::BigInt r;
        num::Error err;
        if (!num::doubleToInt(x.asFloat(), r, err)) raiseNum(in, err);
        return r;
    }
    std::string_view text;
    bool unicode;
    if (parseText(x, text, unicode)) {
        num::BigInt r;
        num::Error err;
        if (!num::parseInt(text, 10, r, err, unicode)) raiseNum(in, err);
        return r;
    }
    ClassObject* t = Interp::typeOf(x);
    for (StrObject* name : {names().__int__, names().__index__, names().__trunc__}) {
        Value f = t->lookup(name);
        if (f.isNull() || f.isNone()) continue;
        Value r = in.call(f, {x});
        if (!isIntValue(r)) {
            if (name == names().__trunc__) return toInteger(in, r);
            in.typeError(std::string(name == names().__int__ ? "__int__" : "__index__") + " returned non-int (type " +
                         Interp::typeName(r) + ")");
        }
        return bigOf(r);
    }
    in.typeError("int() argument must be a string, a bytes-like object or a real number, not '" +
                 Interp::typeName(x) + "'");
}

Value intNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    if (a.size() > 3) in.typeError("int() takes at most 2 arguments (" + std::to_string(a.size() - 1) + " given)");
    Value x = a.size() > 1 ? a[1] : Value();
    Value base = a.size() > 2 ? a[2] : Value();
    for (size_t k = 0; k < a.kwCount(); ++k) {
        if (a.kwName(k)->s != "base") in.typeError("'" + a.kwName(k)->s + "' is an invalid keyword argument for int()");
        if (!base.isNull()) in.typeError("argument for int() given by name ('base') and position (2)");
        base = a.kwValue(k);
    }
    if (x.isNull()) {
        if (!base.isNull()) in.typeError("int() missing string argument");
        return intOfType(cls, 0);
    }
    if (base.isNull()) {
        if (cls == types().int_ && (x.isSmallInt() || (x.isObj(Kind::Int) && x.obj()->type() == types().int_)))
            return x;
        return intOfType(cls, toInteger(in, x));
    }
    int64_t b = in.toIndex(base);
    std::string_view text;
    bool unicode;
    if (!parseText(x, text, unicode)) in.typeError("int() can't convert non-string with explicit base");
    if (b != 0 && (b < 2 || b > 36)) in.valueError("int() base must be >= 2 and <= 36, or 0");
    num::BigInt r;
    num::Error err;
    if (!num::parseInt(text, int(b), r, err, unicode)) raiseNum(in, err);
    return intOfType(cls, r);
}

Value boolNew(Interp& in, CallArgs& a) {
    if (a.kwCount()) in.typeError("bool() takes no keyword arguments");
    if (a.size() > 2) in.typeError("bool expected at most 1 argument, got " + std::to_string(a.size() - 1));
    return Value::boolean(a.size() == 2 && in.truthy(a[1]));
}

// PyNumber_Float.
double toFloat(Interp& in, const Value& x) {
    if (x.isFloat()) return x.asFloat();
    if (isIntValue(x)) return toDouble(in, x);
    std::string_view text;
    bool unicode;
    if (parseText(x, text, unicode)) {
        double d;
        num::Error err;
        if (!num::parseFloat(text, d, err, unicode)) raiseNum(in, err);
        return d;
    }
    ClassObject* t = Interp::typeOf(x);
    Value f = t->lookup(names().__float__);
    if (!f.isNull() && !f.isNone()) {
        Value r = in.call(f, {x});
        if (!r.isFloat())
            in.typeError(t->name + ".__float__ returned non-float (type " + Interp::typeName(r) + ")");
        return r.asFloat();
    }
    Value ix = t->lookup(names().__index__);
    if (!ix.isNull() && !ix.isNone()) {
        Value r = in.call(ix, {x});
        if (!isIntValue(r)) in.typeError("__index__ returned non-int (type " + Interp::typeName(r) + ")");
        return toDouble(in, r);
    }
    in.typeError("float() argument must be a string or a real number, not '" + Interp::typeName(x) + "'");
}

Value floatNew(Interp& in, CallArgs& a) {
    if (a.kwCount()) in.typeError("float() takes no keyword arguments");
    if (a.size() > 2) in.typeError("float expected at most 1 argument, got " + std::to_string(a.size() - 1));
    if (a.size() == 1) return Value::real(0.0);
    return Value::real(toFloat(in, a[1]));
}

// ------------------------------------------------------------ int methods

Value intBitLength(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "bit_length");
    noArgs(in, a, "int.bit_length");
    if (s.isSmallInt() || s.isBool()) return Value::integer(int64_t(num::bitLength(s.asInt())));
    return Value::integer(int64_t(num::bitLength(bigOf(s))));
}

Value intBitCount(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "bit_count");
    noArgs(in, a, "int.bit_count");
    return Value::integer(int64_t(num::bitCount(bigOf(s))));
}

Value intSelfValue(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__int__");
    noArgs(in, a, "int.__int__");
    return plainInt(s);
}

Value intConjugate(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "conjugate");
    noArgs(in, a, "int.conjugate");
    return plainInt(s);
}

Value intGetReal(Interp&, const Value& self) { return plainInt(self); }
Value intGetImag(Interp&, const Value&) { return Value::integer(0); }
Value intGetDenominator(Interp&, const Value&) { return Value::integer(1); }

Value intAsIntegerRatio(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "as_integer_ratio");
    noArgs(in, a, "int.as_integer_ratio");
    return makeTuple({plainInt(s), Value::integer(1)});
}

Value intFloat(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__float__");
    noArgs(in, a, "int.__float__");
    return Value::real(toDouble(in, s));
}

Value intBool(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__bool__");
    noArgs(in, a, "int.__bool__");
    if (s.isSmallInt() || s.isBool()) return Value::boolean(s.asInt() != 0);
    return Value::boolean(bigOf(s) != 0);
}

Value intRound(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__round__");
    posArgs(in, a, "__round__", 0, 1);
    if (a.size() == 1 || a[1].isNone()) return plainInt(s);
    int64_t nd = in.toIndex(a[1]);
    return makeInt(num::roundInt(bigOf(s), nd));
}

Value intHash(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__hash__");
    noArgs(in, a, "int.__hash__");
    return Value::integer(in.hash(plainInt(s)));
}

Value intRepr(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__repr__");
    noArgs(in, a, "int.__repr__");
    if (s.isBool()) return makeStr(s.asBool() ? "True" : "False");
    if (s.isSmallInt()) return makeStr(num::int64ToString(s.asInt()));
    std::string out;
    num::Error err;
    if (!num::intToDecimalString(bigOf(s), out, err)) raiseNum(in, err);
    return makeStr(std::move(out));
}

Value intFormat(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__format__");
    oneArg(in, a, "int.__format__");
    if (!isStr(a[1])) in.typeError("__format__() argument must be str, not " + Interp::typeName(a[1]));
    const std::string& spec = asStr(a[1])->s;
    if (spec.empty()) return in.strValue(s);
    std::string out;
    num::Error err;
    bool ok = s.isObj(Kind::Int) ? num::formatInt(bigOf(s), spec, out, err, Interp::typeName(s))
                                 : num::formatInt(s.asInt(), spec, out, err, Interp::typeName(s));
    if (!ok) raiseNum(in, err);
    return makeStr(std::move(out));
}

Value intToBytes(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "to_bytes");
    Value length, byteorder, isSigned;
    if (a.size() > 3) in.typeError("to_bytes() takes at most 2 positional arguments (" + std::to_string(a.size() - 1) + " given)");
    if (a.size() > 1) length = a[1];
    if (a.size() > 2) byteorder = a[2];
    for (size_t k = 0; k < a.kwCount(); ++k) {
        const std::string& kn = a.kwName(k)->s;
        if (kn == "length") length = a.kwValue(k);
        else if (kn == "byteorder") byteorder = a.kwValue(k);
        else if (kn == "signed") isSigned = a.kwValue(k);
        else in.typeError("to_bytes() got an unexpected keyword argument '" + kn + "'");
    }
    int64_t len = length.isNull() ? 1 : in.toIndex(length);
    if (len < 0) in.valueError("length argument must be non-negative");
    bool little = false;
    if (!byteorder.isNull()) {
        if (!isStr(byteorder))
            in.typeError("to_bytes() argument 'byteorder' must be str, not " + Interp::typeName(byteorder));
        const std::string& bo = asStr(byteorder)->s;
        if (bo == "little") little = true;
        else if (bo != "big") in.valueError("byteorder must be either 'little' or 'big'");
    }
    bool sign = !isSigned.isNull() && in.truthy(isSigned);
    num::BigInt v = bigOf(s);
    if (v < 0 && !sign) in.raise(types().OverflowError, "can't convert negative int to unsigned");
    in.checkAllocation(double(len));
    num::BigInt limit = num::BigInt(1) << size_t(8 * len);
    if (sign) {
        num::BigInt half = limit >> 1;
        if (v >= half || v < -half) in.raise(types().OverflowError, "int too big to convert");
        if (v < 0) v += limit;
    } else if (v >= limit) {
        in.raise(types().OverflowError, "int too big to convert");
    }
    std::string out(size_t(len), '\0');
    for (int64_t i = 0; i < len; ++i) {
        unsigned byte = static_cast<unsigned>(static_cast<unsigned long long>(v & 0xff));
        v >>= 8;
        out[size_t(little ? i : len - 1 - i)] = char(byte);
    }
    return Value(new BytesObject(std::move(out)));
}

Value intFromBytes(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    Value bytes, byteorder, isSigned;
    if (a.size() > 3) in.typeError("from_bytes() takes at most 2 positional arguments (" + std::to_string(a.size() - 1) + " given)");
    if (a.size() > 1) bytes = a[1];
    if (a.size() > 2) byteorder = a[2];
    for (size_t k = 0; k < a.kwCount(); ++k) {
        const std::string& kn = a.kwName(k)->s;
        if (kn == "bytes") bytes = a.kwValue(k);
        else if (kn == "byteorder") byteorder = a.kwValue(k);
        else if (kn == "signed") isSigned = a.kwValue(k);
        else in.typeError("from_bytes() got an unexpected keyword argument '" + kn + "'");
    }
    if (bytes.isNull()) in.typeError("from_bytes() missing required argument 'bytes' (pos 1)");
    bool little = false;
    if (!byteorder.isNull()) {
        if (!isStr(byteorder))
            in.typeError("from_bytes() argument 'byteorder' must be str, not " + Interp::typeName(byteorder));
        const std::string& bo = asStr(byteorder)->s;
        if (bo == "little") little = true;
        else if (bo != "big") in.valueError("byteorder must be either 'little' or 'big'");
    }
    std::string data;
    if (bytes.isObj(Kind::Bytes)) {
        data = bytes.as<BytesObject>()->b;
    } else {
        if (isStr(bytes)) in.typeError("cannot convert 'str' object to bytes");
        for (const Value& v : in.toVector(bytes)) {
            if (!(v.isSmallInt() || v.isBool())) in.typeError("'" + Interp::typeName(v) + "' object cannot be interpreted as an integer");
            if (v.asInt() < 0 || v.asInt() > 255) in.valueError("bytes must be in range(0, 256)");
            data += char(v.asInt());
        }
    }
    num::BigInt v = 0;
    size_t n = data.size();
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = static_cast<unsigned char>(data[little ? n - 1 - i : i]);
        v = (v << 8) | c;
    }
    if (!isSigned.isNull() && in.truthy(isSigned) && n > 0) {
        unsigned char top = static_cast<unsigned char>(data[little ? n - 1 : 0]);
        if (top & 0x80) v -= num::BigInt(1) << (8 * n);
    }
    if (cls == types().int_) return makeInt(v);
    return in.call(Value(cls), {makeInt(v)});
}

// ------------------------------------------------------------ int operators

Value intUnary(Interp& in, CallArgs& a, const char* name, lang::UnaryOpKind op) {
    Value s = selfInt(in, a, name);
    noArgs(in, a, name);
    return in.unaryOp(op, plainInt(s));
}

Value intNeg(Interp& in, CallArgs& a) { return intUnary(in, a, "__neg__", lang::UnaryOpKind::USub); }
Value intPos(Interp& in, CallArgs& a) { return intUnary(in, a, "__pos__", lang::UnaryOpKind::UAdd); }
Value intInvert(Interp& in, CallArgs& a) { return intUnary(in, a, "__invert__", lang::UnaryOpKind::Invert); }

Value intAbs(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__abs__");
    noArgs(in, a, "int.__abs__");
    if (s.isSmallInt() || s.isBool()) {
        int64_t v = s.asInt();
        if (v >= 0) return Value::integer(v);
        if (v != std::numeric_limits<int64_t>::min()) return Value::integer(-v);
    }
    num::BigInt v = bigOf(s);
    return makeInt(v < 0 ? num::BigInt(-v) : v);
}

template <BinOpKind Op, bool Reflected>
Value intBinary(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, Reflected ? "__radd__" : "__add__");
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    if (!isIntValue(a[1])) return notImplemented();
    Value x = plainInt(s), y = plainInt(a[1]);
    return Reflected ? in.binaryOp(Op, y, x) : in.binaryOp(Op, x, y);
}

Value intPow(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__pow__");
    if (a.size() < 2 || a.size() > 3) in.typeError("expected 1 or 2 arguments, got " + std::to_string(a.size() - 1));
    if (!isIntValue(a[1])) return notImplemented();
    if (a.size() == 3 && !a[2].isNone()) {
        if (!isIntValue(a[2])) return notImplemented();
        num::BigInt r;
        num::Error err;
        if (!num::powModInt(bigOf(s), bigOf(a[1]), bigOf(a[2]), r, err)) raiseNum(in, err);
        return makeInt(r);
    }
    return in.binaryOp(BinOpKind::Pow, plainInt(s), plainInt(a[1]));
}

Value intRpow(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__rpow__");
    if (a.size() < 2 || a.size() > 3) in.typeError("expected 1 or 2 arguments, got " + std::to_string(a.size() - 1));
    if (!isIntValue(a[1])) return notImplemented();
    if (a.size() == 3 && !a[2].isNone()) {
        if (!isIntValue(a[2])) return notImplemented();
        num::BigInt r;
        num::Error err;
        if (!num::powModInt(bigOf(a[1]), bigOf(s), bigOf(a[2]), r, err)) raiseNum(in, err);
        return makeInt(r);
    }
    return in.binaryOp(BinOpKind::Pow, plainInt(a[1]), plainInt(s));
}

Value intDivmodValues(Interp& in, const Value& x, const Value& y) {
    return makeTuple({in.binaryOp(BinOpKind::FloorDiv, x, y), in.binaryOp(BinOpKind::Mod, x, y)});
}

Value intDivmod(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__divmod__");
    oneArg(in, a, "int.__divmod__");
    if (!isIntValue(a[1])) return notImplemented();
    return intDivmodValues(in, plainInt(s), plainInt(a[1]));
}

Value intRdivmod(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__rdivmod__");
    oneArg(in, a, "int.__rdivmod__");
    if (!isIntValue(a[1])) return notImplemented();
    return intDivmodValues(in, plainInt(a[1]), plainInt(s));
}

template <CmpOpKind Op>
Value intCompare(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__eq__");
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    if (!isIntValue(a[1])) return notImplemented();
    return in.compare(Op, plainInt(s), plainInt(a[1]));
}

Value intGetnewargs(Interp& in, CallArgs& a) {
    Value s = selfInt(in, a, "__getnewargs__");
    noArgs(in, a, "int.__getnewargs__");
    return makeTuple({plainInt(s)});
}

// ------------------------------------------------------------ float methods

Value floatIsInteger(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "is_integer");
    noArgs(in, a, "float.is_integer");
    return Value::boolean(num::floatIsInteger(x));
}

Value floatAsIntegerRatio(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "as_integer_ratio");
    noArgs(in, a, "float.as_integer_ratio");
    if (std::isinf(x)) in.raise(types().OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(x)) in.valueError("cannot convert NaN to integer ratio");
    int exponent;
    double mant = std::frexp(x, &exponent);
    for (int i = 0; i < 300 && mant != std::floor(mant); ++i) {
        mant *= 2.0;
        --exponent;
    }
    num::BigInt numerator = num::doubleToBigInt(mant);
    num::BigInt denominator = 1;
    if (exponent > 0) numerator <<= exponent;
    else denominator <<= -exponent;
    return makeTuple({makeInt(numerator), makeInt(denominator)});
}

Value floatHex(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "hex");
    noArgs(in, a, "float.hex");
    if (std::isnan(x) || std::isinf(x)) return makeStr(num::floatRepr(x));
    if (x == 0.0) return makeStr(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = std::frexp(std::fabs(x), &e);
    int shift = 1 - std::max(std::numeric_limits<double>::min_exponent - e, 0);
    m = std::ldexp(m, shift);
    e -= shift;
    static const char kHex[] = "0123456789abcdef";
    std::string s;
    s += kHex[int(m)];
    m -= int(m);
    s += '.';
    // 13 hex digits hold the 52 fraction bits.
    for (int i = 0; i < 13; ++i) {
        m *= 16.0;
        int d = int(m);
        m -= d;
        s += kHex[d];
    }
    char esign = e < 0 ? '-' : '+';
    if (e < 0) e = -e;
    return makeStr(std::string(x < 0 ? "-0x" : "0x") + s + "p" + esign + std::to_string(e));
}

Value floatConjugate(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "conjugate");
    noArgs(in, a, "float.conjugate");
    return Value::real(x);
}

Value floatGetReal(Interp&, const Value& self) { return Value::real(self.asFloat()); }
Value floatGetImag(Interp&, const Value&) { return Value::real(0.0); }

Value floatFloat(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__float__");
    noArgs(in, a, "float.__float__");
    return Value::real(x);
}

Value floatToIntWith(Interp& in, CallArgs& a, const char* name, bool (*fn)(double, num::BigInt&, num::Error&)) {
    double x = selfFloat(in, a, name);
    noArgs(in, a, name);
    num::BigInt r;
    num::Error err;
    if (!fn(x, r, err)) raiseNum(in, err);
    return makeInt(r);
}

Value floatInt(Interp& in, CallArgs& a) { return floatToIntWith(in, a, "__int__", num::truncToInt); }
Value floatTrunc(Interp& in, CallArgs& a) { return floatToIntWith(in, a, "__trunc__", num::truncToInt); }
Value floatFloor(Interp& in, CallArgs& a) { return floatToIntWith(in, a, "__floor__", num::floorToInt); }
Value floatCeil(Interp& in, CallArgs& a) { return floatToIntWith(in, a, "__ceil__", num::ceilToInt); }

Value floatRound(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__round__");
    posArgs(in, a, "__round__", 0, 1);
    num::Error err;
    if (a.size() == 1 || a[1].isNone()) {
        num::BigInt r;
        if (!num::roundToInt(x, r, err)) raiseNum(in, err);
        return makeInt(r);
    }
    int64_t nd;
    if (a[1].isObj(Kind::Int)) nd = a[1].as<IntObject>()->v < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    else nd = in.toIndex(a[1]);
    double r;
    if (!num::roundDouble(x, nd, r, err)) raiseNum(in, err);
    return Value::real(r);
}

Value floatBool(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__bool__");
    noArgs(in, a, "float.__bool__");
    return Value::boolean(x != 0.0);
}

Value floatAbs(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__abs__");
    noArgs(in, a, "float.__abs__");
    return Value::real(std::fabs(x));
}

Value floatNeg(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__neg__");
    noArgs(in, a, "float.__neg__");
    return Value::real(-x);
}

Value floatPos(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__pos__");
    noArgs(in, a, "float.__pos__");
    return Value::real(x);
}

Value floatHash(Interp& in, CallArgs& a) {
    selfFloat(in, a, "__hash__");
    noArgs(in, a, "float.__hash__");
    return Value::integer(in.hash(a[0]));
}

Value floatRepr(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__repr__");
    noArgs(in, a, "float.__repr__");
    return makeStr(num::floatRepr(x));
}

Value floatFormat(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__format__");
    oneArg(in, a, "float.__format__");
    if (!isStr(a[1])) in.typeError("__format__() argument must be str, not " + Interp::typeName(a[1]));
    const std::string& spec = asStr(a[1])->s;
    if (spec.empty()) return makeStr(num::floatRepr(x));
    std::string out;
    num::Error err;
    if (!num::formatFloat(x, spec, out, err)) raiseNum(in, err);
    return makeStr(std::move(out));
}

bool isFloatOperand(const Value& v) { return v.isFloat() || isIntValue(v); }

template <BinOpKind Op, bool Reflected>
Value floatBinary(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, Reflected ? "__radd__" : "__add__");
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    if (!isFloatOperand(a[1])) return notImplemented();
    Value y = Value::real(toDouble(in, a[1]));
    return Reflected ? in.binaryOp(Op, y, Value::real(x)) : in.binaryOp(Op, Value::real(x), y);
}

Value floatPow(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__pow__");
    if (a.size() < 2 || a.size() > 3) in.typeError("expected 1 or 2 arguments, got " + std::to_string(a.size() - 1));
    if (a.size() == 3 && !a[2].isNone())
        in.typeError("pow() 3rd argument not allowed unless all arguments are integers");
    if (!isFloatOperand(a[1])) return notImplemented();
    return in.binaryOp(BinOpKind::Pow, Value::real(x), Value::real(toDouble(in, a[1])));
}

Value floatRpow(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__rpow__");
    if (a.size() < 2 || a.size() > 3) in.typeError("expected 1 or 2 arguments, got " + std::to_string(a.size() - 1));
    if (a.size() == 3 && !a[2].isNone())
        in.typeError("pow() 3rd argument not allowed unless all arguments are integers");
    if (!isFloatOperand(a[1])) return notImplemented();
    return in.binaryOp(BinOpKind::Pow, Value::real(toDouble(in, a[1])), Value::real(x));
}

Value floatDivmodValues(Interp& in, double x, double y) {
    double q, r;
    num::Error err;
    if (!num::floatDivMod(x, y, q, r, err)) raiseNum(in, err);
    return makeTuple({Value::real(q), Value::real(r)});
}

Value floatDivmod(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__divmod__");
    oneArg(in, a, "float.__divmod__");
    if (!isFloatOperand(a[1])) return notImplemented();
    return floatDivmodValues(in, x, toDouble(in, a[1]));
}

Value floatRdivmod(Interp& in, CallArgs& a) {
    double x = selfFloat(in, a, "__rdivmod__");
    oneArg(in, a, "float.__rdivmod__");
    if (!isFloatOperand(a[1])) return notImplemented();
    return floatDivmodValues(in, toDouble(in, a[1]), x);
}

template <CmpOpKind Op>
Value floatCompare(Interp& in, CallArgs& a) {
    selfFloat(in, a, "__eq__");
    if (a.size() != 2) in.typeError("expected 1 argument, got " + std::to_string(a.size() - 1));
    if (!isFloatOperand(a[1])) return notImplemented();
    return in.compare(Op, a[0], isIntValue(a[1]) ? plainInt(a[1]) : a[1]);
}

void defineIntOperators(ClassObject* c) {
    defineMethod(c, "__add__", intBinary<BinOpKind::Add, false>);
    defineMethod(c, "__radd__", intBinary<BinOpKind::Add, true>);
    defineMethod(c, "__sub__", intBinary<BinOpKind::Sub, false>);
    defineMethod(c, "__rsub__", intBinary<BinOpKind::Sub, true>);
    defineMethod(c, "__mul__", intBinary<BinOpKind::Mult, false>);
    defineMethod(c, "__rmul__", intBinary<BinOpKind::Mult, true>);
    defineMethod(c, "__truediv__", intBinary<BinOpKind::Div, false>);
    defineMethod(c, "__rtruediv__", intBinary<BinOpKind::Div, true>);
    defineMethod(c, "__floordiv__", intBinary<BinOpKind::FloorDiv, false>);
    defineMethod(c, "__rfloordiv__", intBinary<BinOpKind::FloorDiv, true>);
    defineMethod(c, "__mod__", intBinary<BinOpKind::Mod, false>);
    defineMethod(c, "__rmod__", intBinary<BinOpKind::Mod, true>);
    defineMethod(c, "__lshift__", intBinary<BinOpKind::LShift, false>);
    defineMethod(c, "__rlshift__", intBinary<BinOpKind::LShift, true>);
    defineMethod(c, "__rshift__", intBinary<BinOpKind::RShift, false>);
    defineMethod(c, "__rrshift__", intBinary<BinOpKind::RShift, true>);
    defineMethod(c, "__and__", intBinary<BinOpKind::BitAnd, false>);
    defineMethod(c, "__rand__", intBinary<BinOpKind::BitAnd, true>);
    defineMethod(c, "__or__", intBinary<BinOpKind::BitOr, false>);
    defineMethod(c, "__ror__", intBinary<BinOpKind::BitOr, true>);
    defineMethod(c, "__xor__", intBinary<BinOpKind::BitXor, false>);
    defineMethod(c, "__rxor__", intBinary<BinOpKind::BitXor, true>);
    defineMethod(c, "__pow__", intPow);
    defineMethod(c, "__rpow__", intRpow);
    defineMethod(c, "__divmod__", intDivmod);
    defineMethod(c, "__rdivmod__", intRdivmod);
    defineMethod(c, "__eq__", intCompare<CmpOpKind::Eq>);
    defineMethod(c, "__ne__", intCompare<CmpOpKind::NotEq>);
    defineMethod(c, "__lt__", intCompare<CmpOpKind::Lt>);
    defineMethod(c, "__le__", intCompare<CmpOpKind::LtE>);
    defineMethod(c, "__gt__", intCompare<CmpOpKind::Gt>);
    defineMethod(c, "__ge__", intCompare<CmpOpKind::GtE>);
}

void defineFloatOperators(ClassObject* c) {
    defineMethod(c, "__add__", floatBinary<BinOpKind::Add, false>);
    defineMethod(c, "__radd__", floatBinary<BinOpKind::Add, true>);
    defineMethod(c, "__sub__", floatBinary<BinOpKind::Sub, false>);
    defineMethod(c, "__rsub__", floatBinary<BinOpKind::Sub, true>);
    defineMethod(c, "__mul__", floatBinary<BinOpKind::Mult, false>);
    defineMethod(c, "__rmul__", floatBinary<BinOpKind::Mult, true>);
    defineMethod(c, "__truediv__", floatBinary<BinOpKind::Div, false>);
    defineMethod(c, "__rtruediv__", floatBinary<BinOpKind::Div, true>);
    defineMethod(c, "__floordiv__", floatBinary<BinOpKind::FloorDiv, false>);
    defineMethod(c, "__rfloordiv__", floatBinary<BinOpKind::FloorDiv, true>);
    defineMethod(c, "__mod__", floatBinary<BinOpKind::Mod, false>);
    defineMethod(c, "__rmod__", floatBinary<BinOpKind::Mod, true>);
    defineMethod(c, "__pow__", floatPow);
    defineMethod(c, "__rpow__", floatRpow);
    defineMethod(c, "__divmod__", floatDivmod);
    defineMethod(c, "__rdivmod__", floatRdivmod);
    defineMethod(c, "__eq__", floatCompare<CmpOpKind::Eq>);
    defineMethod(c, "__ne__", floatCompare<CmpOpKind::NotEq>);
    defineMethod(c, "__lt__", floatCompare<CmpOpKind::Lt>);
    defineMethod(c, "__le__", floatCompare<CmpOpKind::LtE>);
    defineMethod(c, "__gt__", floatCompare<CmpOpKind::Gt>);
    defineMethod(c, "__ge__", floatCompare<CmpOpKind::GtE>);
}

}  // namespace

void installNumberTypes(const Types& t) {
    ClassObject* i = t.int_;
    i->nativeNew = intNew;
    defineStaticMethod(i, "__new__", intNew);
    defineMethod(i, "bit_length", intBitLength);
    defineMethod(i, "bit_count", intBitCount);
    defineMethod(i, "to_bytes", intToBytes);
    defineClassMethod(i, "from_bytes", intFromBytes);
    defineMethod(i, "conjugate", intConjugate);
    defineMethod(i, "as_integer_ratio", intAsIntegerRatio);
    defineGetter(i, "real", intGetReal);
    defineGetter(i, "imag", intGetImag);
    defineGetter(i, "numerator", intGetReal);
    defineGetter(i, "denominator", intGetDenominator);
    defineMethod(i, "__index__", intSelfValue);
    defineMethod(i, "__int__", intSelfValue);
    defineMethod(i, "__trunc__", intSelfValue);
    defineMethod(i, "__floor__", intSelfValue);
    defineMethod(i, "__ceil__", intSelfValue);
    defineMethod(i, "__float__", intFloat);
    defineMethod(i, "__bool__", intBool);
    defineMethod(i, "__round__", intRound);
    defineMethod(i, "__hash__", intHash);
    defineMethod(i, "__repr__", intRepr);
    defineMethod(i, "__format__", intFormat);
    defineMethod(i, "__abs__", intAbs);
    defineMethod(i, "__neg__", intNeg);
    defineMethod(i, "__pos__", intPos);
    defineMethod(i, "__invert__", intInvert);
    defineMethod(i, "__getnewargs__", intGetnewargs);
    defineIntOperators(i);

    t.boolean->nativeNew = boolNew;
    defineStaticMethod(t.boolean, "__new__", boolNew);
    defineMethod(t.boolean, "__repr__", intRepr);

    ClassObject* f = t.float_;
    f->nativeNew = floatNew;
    defineStaticMethod(f, "__new__", floatNew);
    defineMethod(f, "is_integer", floatIsInteger);
    defineMethod(f, "as_integer_ratio", floatAsIntegerRatio);
    defineMethod(f, "hex", floatHex);
    defineMethod(f, "conjugate", floatConjugate);
    defineGetter(f, "real", floatGetReal);
    defineGetter(f, "imag", floatGetImag);
    defineMethod(f, "__float__", floatFloat);
    defineMethod(f, "__int__", floatInt);
    defineMethod(f, "__trunc__", floatTrunc);
    defineMethod(f, "__floor__", floatFloor);
    defineMethod(f, "__ceil__", floatCeil);
    defineMethod(f, "__round__", floatRound);
    defineMethod(f, "__bool__", floatBool);
    defineMethod(f, "__abs__", floatAbs);
    defineMethod(f, "__neg__", floatNeg);
    defineMethod(f, "__pos__", floatPos);
    defineMethod(f, "__hash__", floatHash);
    defineMethod(f, "__repr__", floatRepr);
    defineMethod(f, "__format__", floatFormat);
    defineFloatOperators(f);
}

}  // namespace ascope::rt
