// The str type: constructor, methods, str.format and printf-style `%`.
//
// Why it is built this way: strings are UTF-8 (`StrObject::s`), while Python
// counts, indexes and pads in code points. Most programs only ever hold ASCII
// text, so every method first takes a byte-level fast path when the string is
// ASCII (its cached code-point length equals its byte length) and otherwise
// walks code points with the UTF-8 helpers of numeric.h. Searching never needs
// decoding at all: UTF-8 is self-synchronising, so a byte match of a valid
// needle is always a code-point match; only the positions reported back to
// Python are converted.
//
// Character classes beyond ASCII (isalpha, isupper, ...) follow the C.UTF-8
// locale's wide-character tables, which track the Unicode database closely
// enough for the letters and digits programs print; numeric.h supplies the
// properties CPython-exact output depends on (whitespace, printability,
// decimal digits, case mappings).
#include "runtime/builtins.h"

#include <algorithm>
#include <cctype>
#include <clocale>
#include <cstdio>
#include <cwctype>
#include <locale.h>
#include <wctype.h>

namespace ascope::rt {

void setObjectType(Object* o, ClassObject* t);

namespace {

using num::decodeUtf8;

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

// ------------------------------------------------------------ arguments



// Argument Clinic's positional check: "replace expected at least 2 arguments, got 0".
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

// The older getargs style: "find() takes at least 1 argument (0 given)".
void rangeArgs(Interp& in, CallArgs& a, const char* name, int min, int max) {
    if (a.kwCount()) in.typeError(std::string(name) + "() takes no keyword arguments");
    int n = int(a.size()) - 1;
    auto plural = [](int k) { return k == 1 ? std::string(" argument") : std::string(" arguments"); };
    if (n < min)
        in.typeError(std::string(name) + "() takes at least " + std::to_string(min) + plural(min) + " (" +
                     std::to_string(n) + " given)");
    if (n > max)
        in.typeError(std::string(name) + "() takes at most " + std::to_string(max) + plural(max) + " (" +
                     std::to_string(n) + " given)");
}

// Positional-or-keyword parameters (after self) as Argument Clinic parses
// them; `out` receives null for parameters not given.
void parseArgs(Interp& in, CallArgs& a, const char* name, std::initializer_list<const char*> params, Value* out) {
    size_t np = params.size();
    size_t given = a.size() - 1;
    if (given > np)
        in.typeError(std::string(name) + "() takes at most " + std::to_string(np) + " argument" +
                     (np == 1 ? "" : "s") + " (" + std::to_string(given) + " given)");
    for (size_t i = 0; i < given; ++i) out[i] = a[i + 1];
    for (size_t k = 0; k < a.kwCount(); ++k) {
        const std::string& kn = a.kwName(k)->s;
        size_t i = 0;
        for (const char* p : params) {
            if (kn == p) break;
            ++i;
        }
        if (i == np) in.typeError("'" + kn + "' is an invalid keyword argument for " + name + "()");
        if (i < given)
            in.typeError(std::string("argument for ") + name + "() given by name ('" + kn + "') and position (" +
                         std::to_string(i + 1) + ")");
        out[i] = a.kwValue(k);
    }
}

// ------------------------------------------------------------ self / values

StrObject* selfStr(Interp& in, CallArgs& a, const char* name) {
    if (a.size() == 0)
        in.typeError(std::string("unbound method str.") + name + "() needs an argument");
    if (!isStr(a[0]))
        in.typeError(std::string("descriptor '") + name + "' for 'str' objects doesn't apply to a '" +
                     Interp::typeName(a[0]) + "' object");
    return asStr(a[0]);
}

// A str argument, or TypeError "must be str, not int".
const std::string& strArg(Interp& in, const Value& v) {
    if (!isStr(v)) in.typeError("must be str, not " + Interp::typeName(v));
    return asStr(v)->s;
}

bool isIntValue(const Value& v) { return v.isSmallInt() || v.isBool() || v.isObj(Kind::Int); }

// _PyEval_SliceIndex: None keeps `dflt`; huge ints clamp.
int64_t sliceIndexArg(Interp& in, const Value& v, int64_t dflt) {
    if (v.isNull() || v.isNone()) return dflt;
    if (v.isSmallInt() || v.isBool()) return v.asInt();
    if (v.isObj(Kind::Int)) return v.as<IntObject>()->v < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    if (v.isObj() && !Interp::typeOf(v)->lookup(names().__index__).isNull()) return in.toIndex(v);
    in.typeError("slice indices must be integers or None or have an __index__ method");
}

// __index__ of a size argument ("'str' object cannot be interpreted as an integer").
int64_t sizeArg(Interp& in, const Value& v) {
    if (v.isObj(Kind::Int))
        in.raise(types().OverflowError, "Python int too large to convert to C ssize_t");
    return in.toIndex(v);
}

Value newStr(std::string s) { return makeStr(std::move(s)); }

// ------------------------------------------------------------ code points

bool isAsciiStr(const StrObject* s) { return s->isAscii(); }

// CPython's ADJUST_INDICES over a sequence of `len` code points.
void adjustIndices(int64_t& start, int64_t& end, int64_t len) {
    if (end > len) end = len;
    else if (end < 0) {
        end += len;
        if (end < 0) end = 0;
    }
    if (start < 0) {
        start += len;
        if (start < 0) start = 0;
    }
}

// Byte offset of code point `i` (0 <= i <= length).
size_t byteOffset(const StrObject* s, int64_t i) {
    if (isAsciiStr(s)) return size_t(i);
    return num::codePointOffset(s->s, size_t(i));
}

// Code-point index of byte offset `b` (a code-point boundary).
int64_t cpIndex(const StrObject* s, size_t b) {
    if (isAsciiStr(s)) return int64_t(b);
    int64_t n = 0;
    for (size_t i = 0; i < b; ++i)
        if ((static_cast<unsigned char>(s->s[i]) & 0xC0) != 0x80) ++n;
    return n;
}

int64_t cpCount(std::string_view s) {
    int64_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// ------------------------------------------------------------ character classes

locale_t utf8Locale() {
    static locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t(0));
    return loc;
}

bool cpIsSpace(char32_t c) { return num::isSpace(c); }

bool cpIsAlpha(char32_t c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    locale_t l = utf8Locale();
    return l && iswalpha_l(wint_t(c), l) && num::decimalValue(c) < 0;
}

bool cpIsDecimal(char32_t c) {
    if (c < 128) return c >= '0' && c <= '9';
    return num::decimalValue(c) >= 0;
}

// Digits that are not decimal: superscripts, subscripts, circled digits.
bool cpIsDigit(char32_t c) {
    if (cpIsDecimal(c)) return true;
    return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x2070 && c <= 0x2079 && c != 0x2071 && c != 0x2072 &&
                                                   c != 0x2073) ||
           (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247C) ||
           (c >= 0x2488 && c <= 0x2490) || c == 0x24EA || (c >= 0x24F5 && c <= 0x24FD) || c == 0x24FF ||
           (c >= 0x2776 && c <= 0x277E) || (c >= 0x2780 && c <= 0x2788) || (c >= 0x278A && c <= 0x2792) ||
           (c >= 0x1369 && c <= 0x1371);
}

// Numeric characters: digits plus vulgar fractions, Roman numerals, CJK numerals.
bool cpIsNumeric(char32_t c) {
    if (cpIsDigit(c)) return true;
    if (c >= 0xBC && c <= 0xBE) return true;
    if (c >= 0x2150 && c <= 0x2189) return true;
    if (c >= 0x2469 && c <= 0x2473) return true;
    if (c >= 0x247D && c <= 0x2487) return true;
    if (c >= 0x2491 && c <= 0x249B) return true;
    if (c >= 0x24EB && c <= 0x24F4) return true;
    if (c == 0x24FE) return true;
    if (c >= 0x277F && c <= 0x2793) return true;
    if (c >= 0x3021 && c <= 0x3029) return true;
    if (c >= 0x3038 && c <= 0x303A) return true;
    switch (c) {
    case 0x3007: case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D: case 0x4E03:
    case 0x516B: case 0x4E5D: case 0x5341: case 0x767E: case 0x5343: case 0x4E07: case 0x5104: case 0x96F6:
        return true;
    default: return false;
    }
}

// Title-case letters (ǅ ǈ ǋ ǲ and the Greek ones with prosgegrammeni).
bool cpIsTitle(char32_t c) {
    return c == 0x1C5 || c == 0x1C8 || c == 0x1CB || c == 0x1F2 || (c >= 0x1F88 && c <= 0x1F8F) ||
           (c >= 0x1F98 && c <= 0x1F9F) || (c >= 0x1FA8 && c <= 0x1FAF) || c == 0x1FBC || c == 0x1FCC ||
           c == 0x1FFC;
}

bool cpIsUpper(char32_t c) {
    if (c < 128) return c >= 'A' && c <= 'Z';
    locale_t l = utf8Locale();
    return l && iswupper_l(wint_t(c), l) && !cpIsTitle(c);
}

bool cpIsLower(char32_t c) {
    if (c < 128) return c >= 'a' && c <= 'z';
    locale_t l = utf8Locale();
    if (l && iswlower_l(wint_t(c), l) && !cpIsTitle(c)) return true;
    return c == 0xAA || c == 0xBA;
}

bool cpIsCased(char32_t c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return num::isCased(c) || cpIsUpper(c) || cpIsLower(c) || cpIsTitle(c);
}

bool cpIsAlnum(char32_t c) { return cpIsAlpha(c) || cpIsDecimal(c) || cpIsDigit(c) || cpIsNumeric(c); }

std::string upperOf(char32_t c) {
    if (c < 128) return std::string(1, char(c >= 'a' && c <= 'z' ? c - 32 : c));
    return num::toUpper(num::encodeUtf8(c));
}

std::string lowerOf(char32_t c) {
    if (c < 128) return std::string(1, char(c >= 'A' && c <= 'Z' ? c + 32 : c));
    return num::toLower(num::encodeUtf8(c));
}

// Title case of one character: upper case except for the characters whose
// title form differs (the Latin digraphs and ß).
std::string titleOf(char32_t c) {
    switch (c) {
    case 0xDF: return "Ss";
    case 0x1C4: case 0x1C5: case 0x1C6: return "\u01C5";
    case 0x1C7: case 0x1C8: case 0x1C9: return "\u01C8";
    case 0x1CA: case 0x1CB: case 0x1CC: return "\u01CB";
    case 0x1F1: case 0x1F2: case 0x1F3: return "\u01F2";
    case 0xFB00: return "Ff";
    case 0xFB01: return "Fi";
    case 0xFB02: return "Fl";
    case 0xFB03: return "Ffi";
    case 0xFB04: return "Ffl";
    default: return upperOf(c);
    }
}

// ------------------------------------------------------------ constructor

Value makeStrOfType(ClassObject* cls, std::string s) {
    auto* o = new StrObject(std::move(s));
    if (cls != types().str) {
        setObjectType(o, cls);
        cls->incRef();
    }
    return Value(o);
}

std::string decodeBytes(Interp& in, const Value& obj, const Value& encoding, const Value& errors) {
    if (!obj.isObj(Kind::Bytes))
        in.typeError("decoding to str: need a bytes-like object, " + Interp::typeName(obj) + " found");
    std::string enc = "utf-8";
    if (!encoding.isNull()) {
        if (!isStr(encoding))
            in.typeError("str() argument 'encoding' must be str, not " + Interp::typeName(encoding));
        enc = asStr(encoding)->s;
    }
    std::string norm;
    for (char c : enc) norm += (c == '_' || c == ' ') ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
    const std::string& b = obj.as<BytesObject>()->b;
    bool ignore = isStr(errors) && asStr(errors)->s == "ignore";
    bool replace = isStr(errors) && asStr(errors)->s == "replace";
    if (norm == "utf-8" || norm == "utf8") {
        if (num::validateUtf8(b)) return b;
        std::string out;
        size_t i = 0;
        while (i < b.size()) {
            size_t start = i;
            unsigned char c = static_cast<unsigned char>(b[i]);
            size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
            if (len && i + len <= b.size() && num::validateUtf8(std::string_view(b).substr(i, len))) {
                out.append(b, i, len);
                i += len;
                continue;
            }
            if (ignore) {
                ++i;
                continue;
            }
            if (replace) {
                num::appendUtf8(out, num::kReplacementChar);
                ++i;
                continue;
            }
            char buf[8];
            std::snprintf(buf, sizeof buf, "0x%02x", c);
            const char* reason = len == 0 ? "invalid start byte" : i + len > b.size() ? "unexpected end of data"
                                                                                    : "invalid continuation byte";
            in.raise(types().UnicodeDecodeError, "'utf-8' codec can't decode byte " + std::string(buf) +
                                                     " in position " + std::to_string(start) + ": " + reason);
        }
        return out;
    }
    if (norm == "ascii" || norm == "us-ascii") {
        std::string out;
        for (size_t i = 0; i < b.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(b[i]);
            if (c < 0x80) out += char(c);
            else if (replace) num::appendUtf8(out, num::kReplacementChar);
            else if (!ignore) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "0x%02x", c);
                in.raise(types().UnicodeDecodeError, "'ascii' codec can't decode byte " + std::string(buf) +
                                                         " in position " + std::to_string(i) +
                                                         ": ordinal not in range(128)");
            }
        }
        return out;
    }
    if (norm == "latin-1" || norm == "latin1" || norm == "iso-8859-1" || norm == "iso8859-1") {
        std::string out;
        for (unsigned char c : b) num::appendUtf8(out, c);
        return out;
    }
    in.raise(types().LookupError, "unknown encoding: " + enc);
}

Value strNew(Interp& in, CallArgs& a) {
    auto* cls = a[0].as<ClassObject>();
    if (a.size() > 4)
        in.typeError("str() takes at most 3 arguments (" + std::to_string(a.size() - 1) + " given)");
    Value obj = a.size() > 1 ? a[1] : Value();
    Value encoding = a.size() > 2 ? a[2] : Value();
    Value errors = a.size() > 3 ? a[3] : Value();
    for (size_t k = 0; k < a.kwCount(); ++k) {
        const std::string& kn = a.kwName(k)->s;
        Value* slot = kn == "object" ? &obj : kn == "encoding" ? &encoding : kn == "errors" ? &errors : nullptr;
        if (!slot) in.typeError("'" + kn + "' is an invalid keyword argument for str()");
        *slot = a.kwValue(k);
    }
    if (obj.isNull()) return makeStrOfType(cls, std::string());
    if (!encoding.isNull() || !errors.isNull()) return makeStrOfType(cls, decodeBytes(in, obj, encoding, errors));
    if (cls == types().str) return in.strValue(obj);
    return makeStrOfType(cls, in.str(obj));
}

// ------------------------------------------------------------ case

Value strUpper(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "upper");
    noArgs(in, a, "str.upper");
    if (isAsciiStr(s)) {
        std::string r = s->s;
        for (char& c : r)
            if (c >= 'a' && c <= 'z') c -= 32;
        return newStr(std::move(r));
    }
    return newStr(num::toUpper(s->s));
}

Value strLower(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "lower");
    noArgs(in, a, "str.lower");
    if (isAsciiStr(s)) {
        std::string r = s->s;
        for (char& c : r)
            if (c >= 'A' && c <= 'Z') c += 32;
        return newStr(std::move(r));
    }
    return newStr(num::toLower(s->s));
}

Value strCasefold(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "casefold");
    noArgs(in, a, "str.casefold");
    std::string low = isAsciiStr(s) ? s->s : num::toLower(s->s);
    if (isAsciiStr(s)) {
        for (char& c : low)
            if (c >= 'A' && c <= 'Z') c += 32;
        return newStr(std::move(low));
    }
    std::string r;
    size_t pos = 0;
    while (pos < low.size()) {
        char32_t c = decodeUtf8(low, pos);
        if (c == 0xDF) r += "ss";
        else if (c == 0x3C2) num::appendUtf8(r, 0x3C3);
        else num::appendUtf8(r, c);
    }
    return newStr(std::move(r));
}

Value strSwapcase(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "swapcase");
    noArgs(in, a, "str.swapcase");
    std::string r;
    r.reserve(s->s.size());
    if (isAsciiStr(s)) {
        for (char c : s->s) r += (c >= 'a' && c <= 'z') ? char(c - 32) : (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
        return newStr(std::move(r));
    }
    size_t pos = 0;
    while (pos < s->s.size()) {
        char32_t c = decodeUtf8(s->s, pos);
        if (cpIsUpper(c)) r += lowerOf(c);
        else if (cpIsLower(c)) r += upperOf(c);
        else num::appendUtf8(r, c);
    }
    return newStr(std::move(r));
}

Value strCapitalize(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "capitalize");
    noArgs(in, a, "str.capitalize");
    std::string r;
    r.reserve(s->s.size());
    size_t pos = 0;
    bool first = true;
    while (pos < s->s.size()) {
        char32_t c = decodeUtf8(s->s, pos);
        r += first ? titleOf(c) : lowerOf(c);
        first = false;
    }
    return newStr(std::move(r));
}

Value strTitle(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "title");
    noArgs(in, a, "str.title");
    std::string r;
    r.reserve(s->s.size());
    bool previousCased = false;
    size_t pos = 0;
    while (pos < s->s.size()) {
        char32_t c = decodeUtf8(s->s, pos);
        if (previousCased) r += lowerOf(c);
        else r += titleOf(c);
        previousCased = cpIsCased(c);
    }
    return newStr(std::move(r));
}

// ------------------------------------------------------------ predicates

template <typename Pred>
Value allChars(Interp& in, CallArgs& a, const char* name, const char* qual, Pred pred) {
    StrObject* s = selfStr(in, a, name);
    noArgs(in, a, qual);
    if (s->s.empty()) return Value::boolean(false);
    size_t pos = 0;
    while (pos < s->s.size())
        if (!pred(decodeUtf8(s->s, pos))) return Value::boolean(false);
    return Value::boolean(true);
}

Value strIsdigit(Interp& in, CallArgs& a) { return allChars(in, a, "isdigit", "str.isdigit", cpIsDigit); }
Value strIsdecimal(Interp& in, CallArgs& a) { return allChars(in, a, "isdecimal", "str.isdecimal", cpIsDecimal); }
Value strIsnumeric(Interp& in, CallArgs& a) { return allChars(in, a, "isnumeric", "str.isnumeric", cpIsNumeric); }
Value strIsalpha(Interp& in, CallArgs& a) { return allChars(in, a, "isalpha", "str.isalpha", cpIsAlpha); }
Value strIsalnum(Interp& in, CallArgs& a) { return allChars(in, a, "isalnum", "str.isalnum", cpIsAlnum); }
Value strIsspace(Interp& in, CallArgs& a) { return allChars(in, a, "isspace", "str.isspace", cpIsSpace); }

Value strIsprintable(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "isprintable");
    noArgs(in, a, "str.isprintable");
    size_t pos = 0;
    while (pos < s->s.size())
        if (!num::isPrintable(decodeUtf8(s->s, pos))) return Value::boolean(false);
    return Value::boolean(true);
}

Value strIsascii(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "isascii");
    noArgs(in, a, "str.isascii");
    return Value::boolean(isAsciiStr(s));
}

Value strIsupper(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "isupper");
    noArgs(in, a, "str.isupper");
    bool cased = false;
    size_t pos = 0;
    while (pos < s->s.size()) {
        char32_t c = decodeUtf8(s->s, pos);
        if (cpIsLower(c) || cpIsTitle(c)) return Value::boolean(false);
        if (cpIsUpper(c)) cased = true;
    }
    return Value::boolean(cased);
}

Value strIslower(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "islower");
    noArgs(in, a, "str.islower");
    bool cased = false;
    size_t pos = 0;
    while (pos < s->s.size()) {
        char32_t c = decodeUtf8(s->s, pos);
        if (cpIsUpper(c) || cpIsTitle(c)) return Value::boolean(false);
        if (cpIsLower(c)) cased = true;
    }
    return Value::boolean(cased);
}

Value strIstitle(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "istitle");
    noArgs(in, a, "str.istitle");
    bool cased = false, previousCased = false;
    size_t pos = 0;
    while (pos < s->s.size()) {
        char32_t c = decodeUtf8(s->s, pos);
        if (cpIsUpper(c) || cpIsTitle(c)) {
            if (previousCased) return Value::boolean(false);
            previousCased = cased = true;
        } else if (cpIsLower(c)) {
            if (!previousCased) return Value::boolean(false);
            previousCased = cased = true;
        } else {
            previousCased = false;
        }
    }
    return Value::boolean(cased);
}

bool isIdentifierText(std::string_view s) {
    if (s.empty()) return false;
    size_t pos = 0;
    bool first = true;
    while (pos < s.size()) {
        char32_t c = decodeUtf8(s, pos);
        bool ok = c == '_' || cpIsAlpha(c) || (!first && (cpIsDecimal(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F)));
        if (!ok) return false;
        first = false;
    }
    return true;
}

Value strIsidentifier(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "isidentifier");
    noArgs(in, a, "str.isidentifier");
    return Value::boolean(isIdentifierText(s->s));
}

// ------------------------------------------------------------ strip

// The set of characters to strip: null means whitespace.
struct StripSet {
    const std::string* chars = nullptr;
    bool asciiChars = true;
    bool has(char32_t c) const {
        if (!chars) return cpIsSpace(c);
        if (c < 128 && asciiChars) return chars->find(char(c)) != std::string::npos;
        size_t pos = 0;
        while (pos < chars->size())
            if (decodeUtf8(*chars, pos) == c) return true;
        return false;
    }
};

Value doStrip(Interp& in, CallArgs& a, const char* name, bool left, bool right) {
    StrObject* s = selfStr(in, a, name);
    posArgs(in, a, name, 0, 1);
    StripSet set;
    if (a.size() > 1 && !a[1].isNone()) {
        if (!isStr(a[1])) in.typeError(std::string(name) + " arg must be None or str");
        set.chars = &asStr(a[1])->s;
        set.asciiChars = num::isAscii(*set.chars);
    }
    const std::string& t = s->s;
    size_t b = 0, e = t.size();
    if (isAsciiStr(s)) {
        if (left)
            while (b < e && set.has(static_cast<unsigned char>(t[b]))) ++b;
        if (right)
            while (e > b && set.has(static_cast<unsigned char>(t[e - 1]))) --e;
    } else {
        if (left) {
            while (b < e) {
                size_t p = b;
                char32_t c = decodeUtf8(t, p);
                if (!set.has(c)) break;
                b = p;
            }
        }
        if (right) {
            while (e > b) {
                size_t p = e - 1;
                while (p > b && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
                size_t q = p;
                char32_t c = decodeUtf8(t, q);
                if (!set.has(c)) break;
                e = p;
            }
        }
    }
    if (b == 0 && e == t.size() && a[0].obj()->type() == types().str) return a[0];
    return newStr(t.substr(b, e - b));
}

Value strStrip(Interp& in, CallArgs& a) { return doStrip(in, a, "strip", true, true); }
Value strLstrip(Interp& in, CallArgs& a) { return doStrip(in, a, "lstrip", true, false); }
Value strRstrip(Interp& in, CallArgs& a) { return doStrip(in, a, "rstrip", false, true); }

// ------------------------------------------------------------ split / join

int64_t maxsplitArg(Interp& in, const Value& v) {
    if (v.isNull()) return -1;
    return sizeArg(in, v);
}

// Whitespace split from the left; maxsplit < 0: unlimited.
void splitWhitespace(const std::string& t, int64_t maxsplit, std::vector<Value>& out) {
    size_t n = t.size(), i = 0;
    auto spaceAt = [&](size_t p, size_t& next) {
        unsigned char c = static_cast<unsigned char>(t[p]);
        if (c < 0x80) {
            next = p + 1;
            return num::isSpace(c);
        }
        next = p;
        return num::isSpace(decodeUtf8(t, next));
    };
    size_t next;
    while (i < n) {
        while (i < n && spaceAt(i, next)) i = next;
        if (i >= n) break;
        if (maxsplit == 0) {
            out.push_back(newStr(t.substr(i)));
            return;
        }
        size_t j = i;
        while (j < n && !spaceAt(j, next)) j = next;
        out.push_back(newStr(t.substr(i, j - i)));
        if (maxsplit > 0) --maxsplit;
        i = j;
    }
}

void rsplitWhitespace(const std::string& t, int64_t maxsplit, std::vector<Value>& out) {
    auto prevStart = [&](size_t e) {
        size_t p = e - 1;
        while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
        return p;
    };
    auto spaceBefore = [&](size_t e, size_t& start) {
        start = prevStart(e);
        size_t q = start;
        return num::isSpace(decodeUtf8(t, q));
    };
    size_t e = t.size(), start;
    while (e > 0) {
        while (e > 0 && spaceBefore(e, start)) e = start;
        if (e == 0) break;
        if (maxsplit == 0) {
            out.push_back(newStr(t.substr(0, e)));
            break;
        }
        size_t b = e;
        while (b > 0 && !spaceBefore(b, start)) b = start;
        out.push_back(newStr(t.substr(b, e - b)));
        if (maxsplit > 0) --maxsplit;
        e = b;
    }
    std::reverse(out.begin(), out.end());
}

Value doSplit(Interp& in, CallArgs& a, const char* name, bool fromRight) {
    StrObject* s = selfStr(in, a, name);
    Value args[2];
    parseArgs(in, a, name, {"sep", "maxsplit"}, args);
    int64_t maxsplit = maxsplitArg(in, args[1]);
    std::vector<Value> out;
    const std::string& t = s->s;
    if (args[0].isNull() || args[0].isNone()) {
        if (fromRight) rsplitWhitespace(t, maxsplit, out);
        else splitWhitespace(t, maxsplit, out);
        return makeList(std::move(out));
    }
    if (!isStr(args[0])) in.typeError("must be str or None, not " + Interp::typeName(args[0]));
    const std::string& sep = asStr(args[0])->s;
    if (sep.empty()) in.valueError("empty separator");
    if (!fromRight) {
        size_t i = 0;
        while (maxsplit != 0) {
            size_t j = t.find(sep, i);
            if (j == std::string::npos) break;
            out.push_back(newStr(t.substr(i, j - i)));
            i = j + sep.size();
            if (maxsplit > 0) --maxsplit;
        }
        out.push_back(newStr(t.substr(i)));
    } else {
        size_t e = t.size();
        while (maxsplit != 0 && e >= sep.size()) {
            size_t j = t.rfind(sep, e - sep.size());
            if (j == std::string::npos) break;
            out.push_back(newStr(t.substr(j + sep.size(), e - j - sep.size())));
            e = j;
            if (maxsplit > 0) --maxsplit;
        }
        out.push_back(newStr(t.substr(0, e)));
        std::reverse(out.begin(), out.end());
    }
    return makeList(std::move(out));
}

Value strSplit(Interp& in, CallArgs& a) { return doSplit(in, a, "split", false); }
Value strRsplit(Interp& in, CallArgs& a) { return doSplit(in, a, "rsplit", true); }

Value strSplitlines(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "splitlines");
    Value args[1];
    parseArgs(in, a, "splitlines", {"keepends"}, args);
    bool keep = !args[0].isNull() && in.truthy(args[0]);
    const std::string& t = s->s;
    std::vector<Value> out;
    size_t i = 0, n = t.size();
    while (i < n) {
        size_t j = i, eol = 0, next = 0;
        for (;;) {
            if (j >= n) {
                eol = next = n;
                break;
            }
            size_t p = j;
            char32_t c = decodeUtf8(t, p);
            bool brk = c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E ||
                       c == 0x85 || c == 0x2028 || c == 0x2029;
            if (brk) {
                eol = j;
                next = p;
                if (c == '\r' && p < n && t[p] == '\n') next = p + 1;
                break;
            }
            j = p;
        }
        out.push_back(newStr(t.substr(i, (keep ? next : eol) - i)));
        i = next;
    }
    return makeList(std::move(out));
}

Value strJoin(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "join");
    oneArg(in, a, "str.join");
    const Value& iterable = a[1];
    std::vector<Value> holder;
    const std::vector<Value>* items;
    if ((iterable.isObj(Kind::List) || iterable.isObj(Kind::Tuple)) && iterable.obj()->type()->isBuiltin) {
        items = iterable.isObj(Kind::List) ? &iterable.as<ListObject>()->items : &iterable.as<TupleObject>()->items;
    } else {
        Value it;
        try {
            it = in.iter(iterable);
        } catch (PyException& e) {
            if (in.isInstance(e.exc, types().TypeError)) in.typeError("can only join an iterable");
            throw;
        }
        for (;;) {
            Value v = in.next(it);
            if (v.isNull()) break;
            holder.push_back(std::move(v));
        }
        items = &holder;
    }
    size_t total = 0;
    for (size_t i = 0; i < items->size(); ++i) {
        const Value& v = (*items)[i];
        if (!isStr(v))
            in.typeError("sequence item " + std::to_string(i) + ": expected str instance, " + Interp::typeName(v) +
                         " found");
        total += asStr(v)->s.size();
    }
    if (items->size() == 1 && (*items)[0].obj()->type() == types().str) return (*items)[0];
    total += s->s.size() * (items->empty() ? 0 : items->size() - 1);
    in.checkAllocation(double(total));
    std::string r;
    r.reserve(total);
    for (size_t i = 0; i < items->size(); ++i) {
        if (i) r += s->s;
        r += asStr((*items)[i])->s;
    }
    return newStr(std::move(r));
}

// ------------------------------------------------------------ search

// Resolves (sub, start, end) arguments to a byte range of `s`; false when
// the range is empty in the way that makes every search fail.
struct SearchRange {
    int64_t start = 0, end = 0;  // code points
    size_t bstart = 0, bend = 0;  // bytes
};

SearchRange searchRange(Interp& in, StrObject* s, CallArgs& a, size_t firstIndex) {
    SearchRange r;
    int64_t len = s->length();
    r.start = a.size() > firstIndex ? sliceIndexArg(in, a[firstIndex], 0) : 0;
    r.end = a.size() > firstIndex + 1 ? sliceIndexArg(in, a[firstIndex + 1], INT64_MAX / 2) : INT64_MAX / 2;
    adjustIndices(r.start, r.end, len);
    if (r.start <= len && r.start <= r.end) {
        r.bstart = byteOffset(s, r.start);
        r.bend = byteOffset(s, r.end);
    }
    return r;
}

// Position (code points) of sub in s[start:end], or -1.
int64_t findIn(Interp& in, CallArgs& a, const char* name, bool reverse) {
    StrObject* s = selfStr(in, a, name);
    rangeArgs(in, a, name, 1, 3);
    const std::string& sub = strArg(in, a[1]);
    SearchRange r = searchRange(in, s, a, 2);
    int64_t len = s->length();
    if (r.start > len || r.end < r.start) return -1;
    if (int64_t(cpCount(sub)) > r.end - r.start) return -1;
    std::string_view hay(s->s.data() + r.bstart, r.bend - r.bstart);
    size_t p = reverse ? hay.rfind(sub) : hay.find(sub);
    if (p == std::string_view::npos) return -1;
    return cpIndex(s, r.bstart + p);
}

Value strFind(Interp& in, CallArgs& a) { return Value::integer(findIn(in, a, "find", false)); }
Value strRfind(Interp& in, CallArgs& a) { return Value::integer(findIn(in, a, "rfind", true)); }

Value strIndex(Interp& in, CallArgs& a) {
    int64_t r = findIn(in, a, "index", false);
    if (r < 0) in.valueError("substring not found");
    return Value::integer(r);
}

Value strRindex(Interp& in, CallArgs& a) {
    int64_t r = findIn(in, a, "rindex", true);
    if (r < 0) in.valueError("substring not found");
    return Value::integer(r);
}

Value strCount(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "count");
    rangeArgs(in, a, "count", 1, 3);
    const std::string& sub = strArg(in, a[1]);
    SearchRange r = searchRange(in, s, a, 2);
    int64_t len = s->length();
    if (r.start > len || r.end < r.start) return Value::integer(0);
    if (sub.empty()) return Value::integer(r.end - r.start + 1);
    std::string_view hay(s->s.data() + r.bstart, r.bend - r.bstart);
    int64_t n = 0;
    size_t p = 0;
    while ((p = hay.find(sub, p)) != std::string_view::npos) {
        ++n;
        p += sub.size();
    }
    return Value::integer(n);
}

// startswith / endswith with a str or a tuple of str.
Value tailMatch(Interp& in, CallArgs& a, const char* name, bool atEnd) {
    StrObject* s = selfStr(in, a, name);
    rangeArgs(in, a, name, 1, 3);
    SearchRange r = searchRange(in, s, a, 2);
    int64_t len = s->length();
    auto match = [&](const std::string& sub) {
        int64_t slen = cpCount(sub);
        if (r.start > len) return false;
        if (r.end - r.start < slen) return false;
        if (slen == 0) return true;
        std::string_view hay(s->s.data() + r.bstart, r.bend - r.bstart);
        if (sub.size() > hay.size()) return false;
        return atEnd ? hay.substr(hay.size() - sub.size()) == sub : hay.substr(0, sub.size()) == sub;
    };
    const Value& p = a[1];
    if (p.isObj(Kind::Tuple)) {
        for (const Value& item : p.as<TupleObject>()->items) {
            if (!isStr(item))
                in.typeError(std::string("tuple for ") + name + " must only contain str, not " + Interp::typeName(item));
            if (match(asStr(item)->s)) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    if (!isStr(p))
        in.typeError(std::string(name) + " first arg must be str or a tuple of str, not " + Interp::typeName(p));
    return Value::boolean(match(asStr(p)->s));
}

Value strStartswith(Interp& in, CallArgs& a) { return tailMatch(in, a, "startswith", false); }
Value strEndswith(Interp& in, CallArgs& a) { return tailMatch(in, a, "endswith", true); }

Value strPartition(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "partition");
    oneArg(in, a, "str.partition");
    const std::string& sep = strArg(in, a[1]);
    if (sep.empty()) in.valueError("empty separator");
    size_t p = s->s.find(sep);
    if (p == std::string::npos) return makeTuple({a[0].obj()->type() == types().str ? a[0] : newStr(s->s),
                                                  newStr(""), newStr("")});
    return makeTuple({newStr(s->s.substr(0, p)), a[1], newStr(s->s.substr(p + sep.size()))});
}

Value strRpartition(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "rpartition");
    oneArg(in, a, "str.rpartition");
    const std::string& sep = strArg(in, a[1]);
    if (sep.empty()) in.valueError("empty separator");
    size_t p = s->s.rfind(sep);
    if (p == std::string::npos) return makeTuple({newStr(""), newStr(""),
                                                  a[0].obj()->type() == types().str ? a[0] : newStr(s->s)});
    return makeTuple({newStr(s->s.substr(0, p)), a[1], newStr(s->s.substr(p + sep.size()))});
}

Value strReplace(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "replace");
    posArgs(in, a, "replace", 2, 3);
    if (!isStr(a[1])) in.typeError("replace() argument 1 must be str, not " + Interp::typeName(a[1]));
    if (!isStr(a[2])) in.typeError("replace() argument 2 must be str, not " + Interp::typeName(a[2]));
    const std::string& from = asStr(a[1])->s;
    const std::string& to = asStr(a[2])->s;
    int64_t count = a.size() > 3 ? sizeArg(in, a[3]) : -1;
    const std::string& t = s->s;
    std::string r;
    if (from.empty()) {
        int64_t len = s->length();
        int64_t inserts = count < 0 || count > len + 1 ? len + 1 : count;
        in.checkAllocation(double(t.size()) + double(inserts) * double(to.size()));
        r.reserve(t.size() + size_t(inserts) * to.size());
        size_t pos = 0;
        int64_t done = 0;
        while (done < inserts) {
            r += to;
            ++done;
            if (pos >= t.size()) break;
            size_t p = pos;
            decodeUtf8(t, p);
            r.append(t, pos, p - pos);
            pos = p;
        }
        r.append(t, pos, std::string::npos);
        return newStr(std::move(r));
    }
    size_t i = 0;
    int64_t done = 0;
    size_t p = t.find(from);
    if (p == std::string::npos || count == 0) return a[0].obj()->type() == types().str ? a[0] : newStr(t);
    while (p != std::string::npos && (count < 0 || done < count)) {
        r.append(t, i, p - i);
        r += to;
        i = p + from.size();
        ++done;
        if ((done & 0xffff) == 0) in.checkAllocation(double(r.size()));
        p = t.find(from, i);
    }
    r.append(t, i, std::string::npos);
    return newStr(std::move(r));
}

Value strRemoveprefix(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "removeprefix");
    oneArg(in, a, "str.removeprefix");
    if (!isStr(a[1])) in.typeError("removeprefix() argument must be str, not " + Interp::typeName(a[1]));
    const std::string& p = asStr(a[1])->s;
    if (!p.empty() && s->s.compare(0, p.size(), p) == 0 && s->s.size() >= p.size()) return newStr(s->s.substr(p.size()));
    return a[0].obj()->type() == types().str ? a[0] : newStr(s->s);
}

Value strRemovesuffix(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "removesuffix");
    oneArg(in, a, "str.removesuffix");
    if (!isStr(a[1])) in.typeError("removesuffix() argument must be str, not " + Interp::typeName(a[1]));
    const std::string& p = asStr(a[1])->s;
    if (!p.empty() && s->s.size() >= p.size() && s->s.compare(s->s.size() - p.size(), p.size(), p) == 0)
        return newStr(s->s.substr(0, s->s.size() - p.size()));
    return a[0].obj()->type() == types().str ? a[0] : newStr(s->s);
}

// ------------------------------------------------------------ padding

std::string fillChar(Interp& in, CallArgs& a, size_t index) {
    if (a.size() <= index) return " ";
    const Value& f = a[index];
    if (!isStr(f))
        in.typeError(std::string("The fill character must be a unicode character, not ") + Interp::typeName(f));
    if (asStr(f)->length() != 1) in.typeError("The fill character must be exactly one character long");
    return asStr(f)->s;
}

std::string repeatFill(const std::string& fill, int64_t n) {
    std::string r;
    if (n <= 0) return r;
    r.reserve(fill.size() * size_t(n));
    for (int64_t i = 0; i < n; ++i) r += fill;
    return r;
}

Value pad(Interp& in, CallArgs& a, const char* name, int where) {
    StrObject* s = selfStr(in, a, name);
    posArgs(in, a, name, 1, 2);
    int64_t width = sizeArg(in, a[1]);
    std::string fill = fillChar(in, a, 2);
    int64_t len = s->length();
    if (width <= len) return a[0].obj()->type() == types().str ? a[0] : newStr(s->s);
    in.checkAllocation(double(width) * double(fill.size()));
    int64_t marg = width - len;
    int64_t left = where < 0 ? 0 : where > 0 ? marg : marg / 2 + (marg & width & 1);
    return newStr(repeatFill(fill, left) + s->s + repeatFill(fill, marg - left));
}

Value strLjust(Interp& in, CallArgs& a) { return pad(in, a, "ljust", -1); }
Value strRjust(Interp& in, CallArgs& a) { return pad(in, a, "rjust", 1); }
Value strCenter(Interp& in, CallArgs& a) { return pad(in, a, "center", 0); }

Value strZfill(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "zfill");
    oneArg(in, a, "str.zfill");
    int64_t width = sizeArg(in, a[1]);
    int64_t len = s->length();
    if (width <= len) return a[0].obj()->type() == types().str ? a[0] : newStr(s->s);
    in.checkAllocation(double(width));
    std::string r = repeatFill("0", width - len) + s->s;
    size_t fillEnd = size_t(width - len);
    if (!s->s.empty() && (s->s[0] == '+' || s->s[0] == '-')) {
        r[0] = s->s[0];
        r[fillEnd] = '0';
    }
    return newStr(std::move(r));
}

Value strExpandtabs(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "expandtabs");
    Value args[1];
    parseArgs(in, a, "expandtabs", {"tabsize"}, args);
    int64_t tabsize = args[0].isNull() ? 8 : sizeArg(in, args[0]);
    std::string r;
    r.reserve(s->s.size());
    int64_t col = 0;
    size_t pos = 0;
    while (pos < s->s.size()) {
        size_t p = pos;
        char32_t c = decodeUtf8(s->s, p);
        if (c == '\t') {
            if (tabsize > 0) {
                int64_t n = tabsize - col % tabsize;
                in.checkAllocation(double(r.size() + size_t(n)));
                r.append(size_t(n), ' ');
                col += n;
            }
        } else {
            r.append(s->s, pos, p - pos);
            ++col;
            if (c == '\n' || c == '\r') col = 0;
        }
        pos = p;
    }
    return newStr(std::move(r));
}

// ------------------------------------------------------------ encode / translate

Value strEncode(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "encode");
    Value args[2];
    parseArgs(in, a, "encode", {"encoding", "errors"}, args);
    std::string enc = "utf-8";
    if (!args[0].isNull()) {
        if (!isStr(args[0]))
            in.typeError("encode() argument 'encoding' must be str, not " + Interp::typeName(args[0]));
        enc = asStr(args[0])->s;
    }
    std::string errors = "strict";
    if (!args[1].isNull()) {
        if (!isStr(args[1])) in.typeError("encode() argument 'errors' must be str, not " + Interp::typeName(args[1]));
        errors = asStr(args[1])->s;
    }
    std::string norm;
    for (char c : enc) norm += (c == '_' || c == ' ') ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
    auto fail = [&](const char* codec, char32_t c, size_t index, const char* reason) {
        std::string esc = num::asciiRepr(num::encodeUtf8(c));
        in.raise(types().UnicodeEncodeError, std::string("'") + codec + "' codec can't encode character " + esc +
                                                 " in position " + std::to_string(index) + ": " + reason);
    };
    const std::string& t = s->s;
    if (norm == "utf-8" || norm == "utf8") {
        std::string out;
        out.reserve(t.size());
        size_t pos = 0, index = 0;
        while (pos < t.size()) {
            size_t p = pos;
            char32_t c = decodeUtf8(t, p);
            if (c >= 0xD800 && c <= 0xDFFF) {
                if (errors == "ignore") {
                } else if (errors == "replace") {
                    out += '?';
                } else {
                    fail("utf-8", c, index, "surrogates not allowed");
                }
            } else {
                out.append(t, pos, p - pos);
            }
            pos = p;
            ++index;
        }
        return Value(new BytesObject(std::move(out)));
    }
    int limit = 0;
    const char* codec = nullptr;
    if (norm == "ascii" || norm == "us-ascii") limit = 128, codec = "ascii";
    else if (norm == "latin-1" || norm == "latin1" || norm == "iso-8859-1" || norm == "iso8859-1" || norm == "l1")
        limit = 256, codec = "latin-1";
    if (!codec) in.raise(types().LookupError, "unknown encoding: " + enc);
    std::string out;
    size_t pos = 0, index = 0;
    while (pos < t.size()) {
        char32_t c = decodeUtf8(t, pos);
        if (c < char32_t(limit)) out += char(c);
        else if (errors == "ignore") {
        } else if (errors == "replace") out += '?';
        else fail(codec, c, index, limit == 128 ? "ordinal not in range(128)" : "ordinal not in range(256)");
        ++index;
    }
    return Value(new BytesObject(std::move(out)));
}

Value strMaketrans(Interp& in, CallArgs& a) {
    // Static method: the arguments start at index 0.
    if (a.kwCount()) in.typeError("maketrans() takes no keyword arguments");
    if (a.size() < 1 || a.size() > 3)
        in.typeError(std::string("maketrans() takes ") + (a.size() < 1 ? "at least 1 argument" : "at most 3 arguments") +
                     " (" + std::to_string(a.size()) + " given)");
    Ref<DictObject> d(new DictObject());
    if (a.size() == 1) {
        if (!a[0].isObj(Kind::Dict))
            in.typeError("if you give only one argument to maketrans it must be a dict");
        auto* src = a[0].as<DictObject>();
        std::vector<std::pair<Value, Value>> items;
        src->forEach([&](const Value& k, const Value& v) { items.emplace_back(k, v); });
        for (auto& [k, v] : items) {
            if (isStr(k)) {
                if (asStr(k)->length() != 1)
                    in.valueError("string keys in translate table must be of length 1");
                d->set(in, Value::integer(num::codePointAt(asStr(k)->s, 0)), v);
            } else if (isIntValue(k)) {
                d->set(in, k, v);
            } else {
                in.typeError("keys in translate table must be strings or integers");
            }
        }
        return Value(d);
    }
    if (!isStr(a[0])) in.typeError("maketrans() argument 1 must be str, not " + Interp::typeName(a[0]));
    if (!isStr(a[1])) in.typeError("maketrans() argument 2 must be str, not " + Interp::typeName(a[1]));
    std::u32string x = num::toUtf32(asStr(a[0])->s), y = num::toUtf32(asStr(a[1])->s);
    if (x.size() != y.size()) in.valueError("the first two maketrans arguments must have equal length");
    for (size_t i = 0; i < x.size(); ++i) d->set(in, Value::integer(x[i]), Value::integer(y[i]));
    if (a.size() == 3) {
        if (!isStr(a[2])) in.typeError("maketrans() argument 3 must be str, not " + Interp::typeName(a[2]));
        for (char32_t c : num::toUtf32(asStr(a[2])->s)) d->set(in, Value::integer(c), Value::none());
    }
    return Value(d);
}

Value strTranslate(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "translate");
    oneArg(in, a, "str.translate");
    const Value& table = a[1];
    std::string r;
    r.reserve(s->s.size());
    size_t pos = 0;
    while (pos < s->s.size()) {
        size_t start = pos;
        char32_t c = decodeUtf8(s->s, pos);
        Value m;
        try {
            m = in.getItem(table, Value::integer(c));
        } catch (PyException& e) {
            if (!in.isInstance(e.exc, types().LookupError)) throw;
            r.append(s->s, start, pos - start);
            continue;
        }
        if (m.isNone()) continue;
        if (m.isSmallInt() || m.isBool()) {
            int64_t v = m.asInt();
            if (v < 0 || v > 0x10FFFF) in.valueError("character mapping must be in range(0x110000)");
            num::appendUtf8(r, char32_t(v));
        } else if (m.isObj(Kind::Int)) {
            in.valueError("character mapping must be in range(0x110000)");
        } else if (isStr(m)) {
            r += asStr(m)->s;
        } else {
            in.typeError("character mapping must return integer, None or str");
        }
    }
    return newStr(std::move(r));
}

// ------------------------------------------------------------ ascii()

// PyObject_ASCII's escaping of a repr: non-ASCII code points become \x, \u or \U escapes.
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
        char32_t c = decodeUtf8(text, pos);
        char buf[16];
        if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
        else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
        else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
        r += buf;
    }
    return r;
}

// ------------------------------------------------------------ str.format

struct AutoNumber {
    enum State { Init, Auto, Manual } state = Init;
    int64_t next = 0;
};

struct FormatContext {
    const Value* args = nullptr;  // positional arguments, or null for format_map
    size_t nargs = 0;
    bool hasArgs = false;
    Value kwargs;  // mapping or null
};

// get_integer(): -1 when not all decimal digits (or empty).
int64_t fieldInteger(Interp& in, std::string_view s) {
    if (s.empty()) return -1;
    int64_t acc = 0;
    size_t pos = 0;
    while (pos < s.size()) {
        int d = num::decimalValue(decodeUtf8(s, pos));
        if (d < 0) return -1;
        if (acc > (INT64_MAX - d) / 10) in.valueError("Too many decimal digits in format string");
        acc = acc * 10 + d;
    }
    return acc;
}

Value fieldObject(Interp& in, std::string_view field, FormatContext& ctx, AutoNumber& an) {
    size_t i = 0;
    while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
    std::string_view first = field.substr(0, i);
    int64_t index = fieldInteger(in, first);
    bool empty = first.empty();
    bool numeric = empty || index != -1;
    if (an.state == AutoNumber::Init && numeric) an.state = empty ? AutoNumber::Auto : AutoNumber::Manual;
    if (numeric) {
        if (an.state == AutoNumber::Manual && empty)
            in.valueError("cannot switch from manual field specification to automatic field numbering");
        if (an.state != AutoNumber::Manual && !empty)
            in.valueError("cannot switch from automatic field numbering to manual field specification");
    }
    if (empty) index = an.next++;
    Value obj;
    if (index == -1) {
        Value key = newStr(std::string(first));
        if (ctx.kwargs.isNull()) in.raiseValue(in.newException(types().KeyError, std::vector<Value>{key}));
        obj = in.getItem(ctx.kwargs, key);
    } else {
        if (!ctx.hasArgs) in.valueError("Format string contains positional fields");
        if (size_t(index) >= ctx.nargs)
            in.raise(types().IndexError,
                     "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
        obj = ctx.args[index];
    }
    while (i < field.size()) {
        char c = field[i++];
        std::string_view name;
        bool attr = c == '.';
        if (attr) {
            size_t s = i;
            while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
            name = field.substr(s, i - s);
        } else if (c == '[') {
            size_t s = i;
            while (i < field.size() && field[i] != ']') ++i;
            if (i >= field.size()) in.valueError("Missing ']' in format string");
            name = field.substr(s, i - s);
            ++i;
        } else {
            in.valueError("Only '.' or '[' may follow ']' in format field specifier");
        }
        if (name.empty()) in.valueError("Empty attribute in format string");
        if (attr) {
            obj = in.getAttr(obj, intern(name));
        } else {
            int64_t idx = fieldInteger(in, name);
            obj = idx == -1 ? in.getItem(obj, newStr(std::string(name))) : in.getItem(obj, Value::integer(idx));
        }
    }
    return obj;
}

std::string buildFormat(Interp& in, std::string_view fmt, FormatContext& ctx, int depth, AutoNumber& an);

void outputMarkup(Interp& in, std::string& out, std::string_view field, std::string_view spec, bool expand,
                  char32_t conversion, FormatContext& ctx, int depth, AutoNumber& an) {
    Value obj = fieldObject(in, field, ctx, an);
    if (conversion) {
        switch (conversion) {
        case 'r': obj = newStr(in.repr(obj)); break;
        case 's': obj = in.strValue(obj); break;
        case 'a': obj = newStr(asciiEscape(in.repr(obj))); break;
        default: {
            char buf[48];
            if (conversion > 32 && conversion < 127)
                std::snprintf(buf, sizeof buf, "Unknown conversion specifier %c", char(conversion));
            else
                std::snprintf(buf, sizeof buf, "Unknown conversion specifier \\x%x", unsigned(conversion));
            in.valueError(buf);
        }
        }
    }
    std::string expanded;
    if (expand) {
        expanded = buildFormat(in, spec, ctx, depth - 1, an);
        spec = expanded;
    }
    out += in.format(obj, spec);
}

std::string buildFormat(Interp& in, std::string_view fmt, FormatContext& ctx, int depth, AutoNumber& an) {
    if (depth <= 0) in.valueError("Max string recursion exceeded");
    std::string out;
    out.reserve(fmt.size() + 16);
    size_t i = 0, n = fmt.size();
    while (i < n) {
        size_t start = i;
        char c = 0;
        bool markup = false;
        while (i < n) {
            c = fmt[i++];
            if (c == '{' || c == '}') {
                markup = true;
                break;
            }
        }
        bool atEnd = i >= n;
        size_t len = i - start;
        if (markup && c == '}' && (atEnd || fmt[i] != '}')) in.valueError("Single '}' encountered in format string");
        if (markup && atEnd && c == '{') in.valueError("Single '{' encountered in format string");
        if (markup && !atEnd) {
            if (fmt[i] == c) {
                ++i;
                markup = false;
            } else {
                --len;
            }
        }
        out.append(fmt.substr(start, len));
        if (!markup) continue;
        // parse_field
        size_t fstart = i;
        char32_t last = 0;
        while (i < n) {
            last = static_cast<unsigned char>(fmt[i++]);
            if (last == '{') in.valueError("unexpected '{' in field name");
            if (last == '[') {
                while (i < n && fmt[i] != ']') ++i;
                continue;
            }
            if (last == '}' || last == ':' || last == '!') break;
            last = 0;
        }
        if (last == 0 && i >= n) in.valueError("expected '}' before end of string");
        std::string_view field = fmt.substr(fstart, i - 1 - fstart);
        char32_t conversion = 0;
        std::string_view spec;
        bool expand = false;
        if (last == '!' || last == ':') {
            bool specFollows = true;
            if (last == '!') {
                if (i >= n) in.valueError("end of string while looking for conversion specifier");
                size_t p = i;
                conversion = decodeUtf8(fmt, p);
                i = p;
                if (i < n) {
                    char d = fmt[i++];
                    if (d == '}') specFollows = false;
                    else if (d != ':') in.valueError("expected ':' after conversion specifier");
                }
            }
            if (specFollows) {
                size_t sstart = i;
                int count = 1;
                bool closed = false;
                while (i < n) {
                    char d = fmt[i++];
                    if (d == '{') {
                        expand = true;
                        ++count;
                    } else if (d == '}') {
                        if (--count == 0) {
                            spec = fmt.substr(sstart, i - 1 - sstart);
                            closed = true;
                            break;
                        }
                    }
                }
                if (!closed) in.valueError("unmatched '{' in format spec");
            }
        } else if (last != '}') {
            in.valueError("expected '}' before end of string");
        }
        outputMarkup(in, out, field, spec, expand, conversion, ctx, depth, an);
    }
    return out;
}

Value strFormat(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "format");
    FormatContext ctx;
    ctx.args = a.data() + 1;
    ctx.nargs = a.size() - 1;
    ctx.hasArgs = true;
    if (a.kwCount()) {
        Ref<DictObject> d(new DictObject());
        for (size_t k = 0; k < a.kwCount(); ++k) d->setStr(a.kwName(k), a.kwValue(k));
        ctx.kwargs = Value(d);
    }
    AutoNumber an;
    return newStr(buildFormat(in, s->s, ctx, 2, an));
}

Value strFormatMap(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "format_map");
    oneArg(in, a, "str.format_map");
    FormatContext ctx;
    ctx.kwargs = a[1];
    AutoNumber an;
    return newStr(buildFormat(in, s->s, ctx, 2, an));
}

Value strDunderFormat(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__format__");
    oneArg(in, a, "str.__format__");
    if (!isStr(a[1])) in.typeError("argument to __format__ must be str, not " + Interp::typeName(a[1]));
    const std::string& spec = asStr(a[1])->s;
    if (spec.empty()) return in.strValue(a[0]);
    std::string out;
    num::Error err;
    if (!num::formatStr(s->s, spec, out, err)) raiseNum(in, err);
    return newStr(std::move(out));
}

// ------------------------------------------------------------ printf-style %

struct PercentArgs {
    Value args;
    bool isTuple = false;
    int64_t arglen = -1, argidx = -2;
    Value dict;

    Value next(Interp& in) {
        if (argidx < arglen) {
            int64_t i = argidx++;
            if (arglen < 0) return args;
            return args.as<TupleObject>()->items[size_t(i)];
        }
        in.typeError("not enough arguments for format string");
    }
};

// Whether CPython's PyMapping_Check holds (a __getitem__ on the type).
bool isMappingLike(const Value& v) {
    if (!v.isObj()) return false;
    Kind k = v.obj()->kind();
    if (k == Kind::Dict || k == Kind::List || k == Kind::Range || k == Kind::Bytes) return true;
    return !Interp::typeOf(v)->lookup(names().__getitem__).isNull();
}

bool isRealNumber(const Value& v) {
    if (v.isFloat() || isIntValue(v)) return true;
    ClassObject* t = Interp::typeOf(v);
    return !t->lookup(names().__index__).isNull() || !t->lookup(names().__int__).isNull() ||
           !t->lookup(names().__float__).isNull();
}

void percentInt(Interp& in, const Value& v, const num::PercentSpec& spec, std::string& out) {
    num::BigInt value;
    char32_t conv = spec.conversion;
    if (!in.toBigInt(v, value)) {
        if (!isRealNumber(v)) in.typeError(num::percentTypeErrorMessage(conv, Interp::typeName(v)));
        if (conv == 'o' || conv == 'x' || conv == 'X') {
            Value f = Interp::typeOf(v)->lookup(names().__index__);
            if (f.isNull()) in.typeError(num::percentTypeErrorMessage(conv, Interp::typeName(v)));
            Value r = in.call(f, {v});
            if (!in.toBigInt(r, value)) in.typeError("__index__ returned non-int (type " + Interp::typeName(r) + ")");
        } else {
            Value r = in.call(Value(types().int_), {v});
            in.toBigInt(r, value);
        }
    }
    num::Error err;
    if (!num::percentFormatInt(value, spec, out, err)) raiseNum(in, err);
}

double floatOf(Interp& in, const Value& v) {
    if (v.isFloat()) return v.asFloat();
    if (v.isSmallInt() || v.isBool()) return double(v.asInt());
    if (v.isObj(Kind::Int)) {
        bool overflow = false;
        double d = num::bigIntToDouble(v.as<IntObject>()->v, overflow);
        if (overflow) in.raise(types().OverflowError, std::string(num::kMsgIntTooLargeForFloat));
        return d;
    }
    Value f = Interp::typeOf(v)->lookup(names().__float__);
    if (!f.isNull()) {
        Value r = in.call(f, {v});
        if (!r.isFloat()) in.typeError(Interp::typeName(v) + ".__float__ returned non-float (type " + Interp::typeName(r) + ")");
        return r.asFloat();
    }
    Value ix = Interp::typeOf(v)->lookup(names().__index__);
    if (!ix.isNull()) return floatOf(in, in.call(ix, {v}));
    in.typeError("must be real number, not " + Interp::typeName(v));
}

std::string percentFormat(Interp& in, const std::string& fmt, const Value& argsValue) {
    std::vector<num::PercentPiece> pieces = num::parsePercentFormat(fmt);
    PercentArgs pa;
    pa.args = argsValue;
    if (argsValue.isObj(Kind::Tuple)) {
        pa.isTuple = true;
        pa.arglen = int64_t(argsValue.as<TupleObject>()->items.size());
        pa.argidx = 0;
    }
    if (!pa.isTuple && !isStr(argsValue) && isMappingLike(argsValue)) pa.dict = argsValue;
    std::string out;
    out.reserve(fmt.size() + 16);
    for (num::PercentPiece& piece : pieces) {
        if (piece.isLiteral) {
            out += piece.literal;
            continue;
        }
        num::PercentSpec& spec = piece.spec;
        if (spec.hasKey) {
            if (pa.dict.isNull()) in.typeError("format requires a mapping");
            if (spec.error == num::PercentParseError::IncompleteKey)
                in.valueError(std::string(num::percentParseErrorMessage(spec.error)));
            pa.args = in.getItem(pa.dict, newStr(spec.key));
            pa.arglen = -1;
            pa.argidx = -2;
        }
        if (spec.widthFromArg) {
            Value w = pa.next(in);
            if (w.isObj(Kind::Int)) in.raise(types().OverflowError, "Python int too large to convert to C ssize_t");
            if (!(w.isSmallInt() || w.isBool())) in.typeError("* wants int");
            num::applyStarWidth(spec, w.asInt());
        }
        if (spec.error == num::PercentParseError::WidthTooBig)
            in.valueError(std::string(num::percentParseErrorMessage(spec.error)));
        if (spec.precisionFromArg) {
            Value p = pa.next(in);
            if (p.isObj(Kind::Int) || ((p.isSmallInt() || p.isBool()) && (p.asInt() > INT32_MAX || p.asInt() < INT32_MIN)))
                in.raise(types().OverflowError, "Python int too large to convert to C int");
            if (!(p.isSmallInt() || p.isBool())) in.typeError("* wants int");
            num::applyStarPrecision(spec, p.asInt());
        }
        if (spec.error == num::PercentParseError::PrecisionTooBig || spec.error == num::PercentParseError::Incomplete)
            in.valueError(std::string(num::percentParseErrorMessage(spec.error)));
        Value v = pa.next(in);
        if (!num::isPercentConversion(spec.conversion)) in.valueError(num::percentUnsupportedMessage(spec));
        auto text = [&](std::string_view t) {
            num::Error err;
            if (!num::percentFormatText(t, spec, out, err)) raiseNum(in, err);
        };
        switch (spec.conversion) {
        case 's': text(isStr(v) && v.obj()->type() == types().str ? asStr(v)->s : asStr(in.strValue(v))->s); break;
        case 'r': text(in.repr(v)); break;
        case 'a': text(asciiEscape(in.repr(v))); break;
        case 'c': {
            std::string ch;
            if (isStr(v)) {
                if (asStr(v)->length() != 1) in.typeError("%c requires int or char");
                ch = asStr(v)->s;
            } else {
                num::BigInt iv;
                if (!in.toBigInt(v, iv)) {
                    Value f = Interp::typeOf(v)->lookup(names().__index__);
                    if (f.isNull() || v.isFloat()) in.typeError("%c requires int or char");
                    in.toBigInt(in.call(f, {v}), iv);
                }
                char32_t cp;
                num::Error err;
                if (!num::percentCharFromInt(iv, cp, err)) raiseNum(in, err);
                ch = num::encodeUtf8(cp);
            }
            text(ch);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': percentInt(in, v, spec, out); break;
        default: {
            double d = floatOf(in, v);
            num::Error err;
            if (!num::percentFormatFloat(d, spec, out, err)) raiseNum(in, err);
            break;
        }
        }
    }
    if (pa.argidx < pa.arglen && pa.dict.isNull())
        in.typeError("not all arguments converted during string formatting");
    return out;
}

Value strMod(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__mod__");
    oneArg(in, a, "str.__mod__");
    return newStr(percentFormat(in, s->s, a[1]));
}

Value strRmod(Interp& in, CallArgs& a) {
    selfStr(in, a, "__rmod__");
    oneArg(in, a, "str.__rmod__");
    return types().notImplementedValue;
}

// ------------------------------------------------------------ sequence protocol

Value strLen(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__len__");
    noArgs(in, a, "str.__len__");
    return Value::integer(s->length());
}

Value strContains(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__contains__");
    oneArg(in, a, "str.__contains__");
    if (!isStr(a[1])) in.typeError("'in <string>' requires string as left operand, not " + Interp::typeName(a[1]));
    return Value::boolean(s->s.find(asStr(a[1])->s) != std::string::npos);
}

Value strSlice(Interp& in, StrObject* s, const SliceObject* slice) {
    int64_t start, stop, step, count;
    sliceIndices(in, slice, s->length(), start, stop, step, count);
    if (count <= 0) return newStr("");
    const std::string& t = s->s;
    if (isAsciiStr(s)) {
        if (step == 1) return newStr(t.substr(size_t(start), size_t(count)));
        std::string r;
        r.reserve(size_t(count));
        for (int64_t i = 0, p = start; i < count; ++i, p += step) r += t[size_t(p)];
        return newStr(std::move(r));
    }
    if (step == 1) {
        size_t b = num::codePointOffset(t, size_t(start));
        size_t e = b;
        for (int64_t i = 0; i < count; ++i) decodeUtf8(t, e);
        return newStr(t.substr(b, e - b));
    }
    std::u32string cps = num::toUtf32(t);
    std::string r;
    for (int64_t i = 0, p = start; i < count; ++i, p += step) num::appendUtf8(r, cps[size_t(p)]);
    return newStr(std::move(r));
}

Value strGetitem(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__getitem__");
    oneArg(in, a, "str.__getitem__");
    const Value& key = a[1];
    if (key.isObj(Kind::Slice)) return strSlice(in, s, key.as<SliceObject>());
    if (!isIntValue(key) && (key.isObj() ? Interp::typeOf(key)->lookup(names().__index__).isNull() : true))
        in.typeError("string indices must be integers, not '" + Interp::typeName(key) + "'");
    if (key.isObj(Kind::Int)) in.raise(types().IndexError, "cannot fit 'int' into an index-sized integer");
    int64_t i = in.toIndex(key);
    int64_t len = s->length();
    if (i < 0) i += len;
    if (i < 0 || i >= len) in.raise(types().IndexError, "string index out of range");
    if (isAsciiStr(s)) return newStr(std::string(1, s->s[size_t(i)]));
    size_t b = num::codePointOffset(s->s, size_t(i)), e = b;
    decodeUtf8(s->s, e);
    return newStr(s->s.substr(b, e - b));
}

Value strAdd(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__add__");
    oneArg(in, a, "str.__add__");
    if (!isStr(a[1])) in.typeError("can only concatenate str (not \"" + Interp::typeName(a[1]) + "\") to str");
    const std::string& o = asStr(a[1])->s;
    std::string r;
    r.reserve(s->s.size() + o.size());
    r += s->s;
    r += o;
    return newStr(std::move(r));
}

Value strMul(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__mul__");
    oneArg(in, a, "str.__mul__");
    // The operator reports "can't multiply sequence by non-int" when this declines.
    if (!isIntValue(a[1]) && (!a[1].isObj() || Interp::typeOf(a[1])->lookup(names().__index__).isNull()))
        return types().notImplementedValue;
    if (a[1].isObj(Kind::Int)) {
        if (a[1].as<IntObject>()->v < 0) return newStr("");
        in.raise(types().OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    int64_t n = in.toIndex(a[1]);
    if (n <= 0 || s->s.empty()) return newStr("");
    in.checkAllocation(double(n) * double(s->s.size()));
    std::string r;
    r.reserve(s->s.size() * size_t(n));
    for (int64_t i = 0; i < n; ++i) r += s->s;
    return newStr(std::move(r));
}

Value strIter(Interp& in, CallArgs& a) {
    selfStr(in, a, "__iter__");
    noArgs(in, a, "str.__iter__");
    return makeSeqIterator(a[0]);
}

Value strHash(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__hash__");
    noArgs(in, a, "str.__hash__");
    return Value::integer(s->hash());
}

Value strRepr(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__repr__");
    noArgs(in, a, "str.__repr__");
    return newStr(num::strRepr(s->s));
}

Value strStr(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__str__");
    noArgs(in, a, "str.__str__");
    if (a[0].obj()->type() == types().str) return a[0];
    return newStr(s->s);
}

template <int Op>
Value strCompare(Interp& in, CallArgs& a) {
    static const char* const kNames[] = {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"};
    StrObject* s = selfStr(in, a, kNames[Op]);
    if (a.size() != 2)
        in.typeError(std::string("expected 1 argument, got ") + std::to_string(a.size() - 1));
    if (!isStr(a[1])) return types().notImplementedValue;
    int c = s->s.compare(asStr(a[1])->s);
    bool r = false;
    switch (Op) {
    case 0: r = c == 0; break;
    case 1: r = c != 0; break;
    case 2: r = c < 0; break;
    case 3: r = c <= 0; break;
    case 4: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return Value::boolean(r);
}

Value strGetnewargs(Interp& in, CallArgs& a) {
    StrObject* s = selfStr(in, a, "__getnewargs__");
    noArgs(in, a, "str.__getnewargs__");
    return makeTuple({newStr(s->s)});
}

}  // namespace

void installStrType(const Types& t) {
    ClassObject* c = t.str;
    c->nativeNew = strNew;
    defineStaticMethod(c, "__new__", strNew);
    defineMethod(c, "upper", strUpper);
    defineMethod(c, "lower", strLower);
    defineMethod(c, "casefold", strCasefold);
    defineMethod(c, "swapcase", strSwapcase);
    defineMethod(c, "capitalize", strCapitalize);
    defineMethod(c, "title", strTitle);
    defineMethod(c, "isdigit", strIsdigit);
    defineMethod(c, "isdecimal", strIsdecimal);
    defineMethod(c, "isnumeric", strIsnumeric);
    defineMethod(c, "isalpha", strIsalpha);
    defineMethod(c, "isalnum", strIsalnum);
    defineMethod(c, "isspace", strIsspace);
    defineMethod(c, "isupper", strIsupper);
    defineMethod(c, "islower", strIslower);
    defineMethod(c, "istitle", strIstitle);
    defineMethod(c, "isidentifier", strIsidentifier);
    defineMethod(c, "isprintable", strIsprintable);
    defineMethod(c, "isascii", strIsascii);
    defineMethod(c, "strip", strStrip);
    defineMethod(c, "lstrip", strLstrip);
    defineMethod(c, "rstrip", strRstrip);
    defineMethod(c, "split", strSplit);
    defineMethod(c, "rsplit", strRsplit);
    defineMethod(c, "splitlines", strSplitlines);
    defineMethod(c, "join", strJoin);
    defineMethod(c, "find", strFind);
    defineMethod(c, "rfind", strRfind);
    defineMethod(c, "index", strIndex);
    defineMethod(c, "rindex", strRindex);
    defineMethod(c, "count", strCount);
    defineMethod(c, "startswith", strStartswith);
    defineMethod(c, "endswith", strEndswith);
    defineMethod(c, "partition", strPartition);
    defineMethod(c, "rpartition", strRpartition);
    defineMethod(c, "replace", strReplace);
    defineMethod(c, "removeprefix", strRemoveprefix);
    defineMethod(c, "removesuffix", strRemovesuffix);
    defineMethod(c, "ljust", strLjust);
    defineMethod(c, "rjust", strRjust);
    defineMethod(c, "center", strCenter);
    defineMethod(c, "zfill", strZfill);
    defineMethod(c, "expandtabs", strExpandtabs);
    defineMethod(c, "encode", strEncode);
    defineStaticMethod(c, "maketrans", strMaketrans);
    defineMethod(c, "translate", strTranslate);
    defineMethod(c, "format", strFormat);
    defineMethod(c, "format_map", strFormatMap);
    defineMethod(c, "__format__", strDunderFormat);
    defineMethod(c, "__mod__", strMod);
    defineMethod(c, "__rmod__", strRmod);
    defineMethod(c, "__len__", strLen);
    defineMethod(c, "__contains__", strContains);
    defineMethod(c, "__getitem__", strGetitem);
    defineMethod(c, "__add__", strAdd);
    defineMethod(c, "__mul__", strMul);
    defineMethod(c, "__rmul__", strMul);
    defineMethod(c, "__iter__", strIter);
    defineMethod(c, "__hash__", strHash);
    defineMethod(c, "__repr__", strRepr);
    defineMethod(c, "__str__", strStr);
    defineMethod(c, "__getnewargs__", strGetnewargs);
    defineMethod(c, "__eq__", strCompare<0>);
    defineMethod(c, "__ne__", strCompare<1>);
    defineMethod(c, "__lt__", strCompare<2>);
    defineMethod(c, "__le__", strCompare<3>);
    defineMethod(c, "__gt__", strCompare<4>);
    defineMethod(c, "__ge__", strCompare<5>);
}

}  // namespace ascope::rt
