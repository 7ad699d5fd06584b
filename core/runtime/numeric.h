// Numeric and text-formatting primitives with CPython 3.11 semantics.
//
// Why it is built this way: programs run by asyncscope must print exactly
// what CPython 3.11 prints, so every conversion between numbers and text,
// every hash that decides set/dict iteration order and every error message
// here is a port of the corresponding CPython algorithm, checked against the
// real interpreter (the expected values in tests/unit/numeric_test.cpp were
// produced by python3 3.11.7, never written by hand).
//
// The module deliberately knows nothing about the interpreter's object model:
// it works on plain `double`, `int64_t`, `BigInt` and UTF-8 `std::string`s,
// so it can be tested in isolation and reused by any part of the runtime.
// Where CPython's behaviour depends on objects (type names in messages,
// fetching `%` arguments, the hash of a NaN), the function takes the missing
// piece as a parameter or reports a structured error the caller finishes.
//
// Errors are returned, never thrown: a function that can fail returns `bool`
// (or a status enum) and fills an `Error` with the Python exception type and
// CPython's exact message. Nothing here throws except std::bad_alloc (and
// Boost's std::overflow_error if a documented non-zero-divisor precondition
// is violated).
//
// Floating-point text conversions use std::to_chars / std::from_chars, which
// are correctly rounded like CPython's dtoa.c; CPython's layout rules
// (format_float_short, formatter_unicode.c, PyUnicode_Format) are then
// re-applied on top of the digit strings. Big integers are Boost's cpp_int;
// its right shift and double conversion are not Python-exact, so those are
// implemented here.
//
// Formatting functions (format*, percentFormat*) append to their `out`
// string and leave it untouched when they fail; conversions that produce a
// whole string (intToDecimalString, parse*) assign it.
//
// Strings are UTF-8. Lone surrogates (U+D800..U+DFFF, legal in Python str)
// may appear encoded as 3-byte sequences ("WTF-8"); all functions taking
// text accept them, only validateUtf8() rejects them unless asked not to.
// Every width/precision/index counts code points, never bytes.
#pragma once

#include <boost/multiprecision/cpp_int.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ascope::num {

using BigInt = boost::multiprecision::cpp_int;

// ===========================================================================
// Errors
// ===========================================================================

// The Python exception class an operation failed with.
enum class ExcType : uint8_t {
    None,
    ValueError,
    OverflowError,
    ZeroDivisionError,
    TypeError,
    MemoryError,
};

// A failure: exception class plus CPython's exact message.
struct Error {
    ExcType type = ExcType::None;
    std::string message;

    bool isSet() const { return type != ExcType::None; }
    // Records the error; always returns false so callers can `return err.set(...)`.
    bool set(ExcType t, std::string msg)
    {
        type = t;
        message = std::move(msg);
        return false;
    }
    void clear()
    {
        type = ExcType::None;
        message.clear();
    }
};

// sys.get_int_max_str_digits() default of CPython 3.11. 0 means "no limit".
inline constexpr int kDefaultMaxStrDigits = 4300;
// Formatting refuses (MemoryError, empty message) to build a result longer
// than this many code points; CPython would try and fail with MemoryError.
inline constexpr int64_t kMaxFormattedLength = int64_t(1) << 30;

// Messages shared with the interpreter.
inline constexpr std::string_view kMsgIntDivisionByZero = "integer division or modulo by zero";
inline constexpr std::string_view kMsgIntModuloByZero = "integer modulo by zero";
inline constexpr std::string_view kMsgDivisionByZero = "division by zero";
inline constexpr std::string_view kMsgFloatDivisionByZero = "float division by zero";
inline constexpr std::string_view kMsgFloatFloorDivisionByZero = "float floor division by zero";
inline constexpr std::string_view kMsgFloatModulo = "float modulo";
inline constexpr std::string_view kMsgFloatDivmod = "float divmod()";
inline constexpr std::string_view kMsgNegativeShiftCount = "negative shift count";
inline constexpr std::string_view kMsgIntTooLargeForFloat = "int too large to convert to float";
inline constexpr std::string_view kMsgIntDivisionTooLarge = "integer division result too large for a float";
inline constexpr std::string_view kMsgFloatInfinityToInt = "cannot convert float infinity to integer";
inline constexpr std::string_view kMsgFloatNanToInt = "cannot convert float NaN to integer";
inline constexpr std::string_view kMsgZeroToNegativePower = "0.0 cannot be raised to a negative power";
inline constexpr std::string_view kMsgMathRange = "(34, 'Numerical result out of range')";
inline constexpr std::string_view kMsgPowModZero = "pow() 3rd argument cannot be 0";
inline constexpr std::string_view kMsgNotInvertible = "base is not invertible for the given modulus";
inline constexpr std::string_view kMsgRoundedTooLarge = "rounded value too large to represent";

// ===========================================================================
// Float repr
// ===========================================================================

// repr(x) == str(x) for a Python float: shortest round-trip digits, fixed
// notation when 1e-4 <= |x| < 1e16 (always with a ".0" or fraction),
// otherwise "1e+16" / "1.5e-05" style. inf -> "inf", -inf -> "-inf",
// any NaN -> "nan" (sign ignored), -0.0 -> "-0.0". Total.
std::string floatRepr(double x);

// ===========================================================================
// format() / str.format / f-string format-spec mini-language
// ===========================================================================

// Which __format__ is being run; it decides the default type and alignment
// (int: 'd' and '>', float: none and '>', str: 's' and '<').
enum class FormatTarget : uint8_t { Int, Float, Str };

// A parsed format spec, CPython's InternalFormatSpec (3.11).
struct FormatSpec {
    char32_t fill = U' ';
    char align = '>';        // '<' '>' '=' '^' (already defaulted)
    char sign = '\0';        // '+', '-', ' ' or '\0' when absent
    bool noNegZero = false;  // 'z'
    bool alternate = false;  // '#'
    int64_t width = -1;      // -1: not given
    char grouping = '\0';    // ',' or '_' or '\0'
    int groupSize = 0;       // digits per group: 3, or 4 for '_' with b/o/x/X
    int64_t precision = -1;  // -1: not given
    char32_t type = '\0';    // presentation type, '\0' for float's "none"
};

// Parses `spec` (the part after ':') like CPython's
// parse_internal_render_format_spec for the given target. An empty spec
// parses to the defaults. On failure returns false with a ValueError such as
// "Invalid format specifier '5.2.3' for object of type 'int'",
// "Format specifier missing precision", "Cannot specify ',' with 's'.",
// "Cannot specify both ',' and '_'.", "Too many decimal digits in format
// string". `typeName` is the Python type name used in messages.
bool parseFormatSpec(std::string_view spec, FormatTarget target, std::string_view typeName,
                     FormatSpec& out, Error& error);

// int.__format__ with a parsed spec (parsed with FormatTarget::Int). Types
// b c d o x X n (n = d in the C locale) and e E f F g G % (converted to float
// first: OverflowError "int too large to convert to float"). Errors are
// CPython's: "Unknown format code 'z' for object of type 'int'", "Precision
// not allowed in integer format specifier", "Negative zero coercion (z) not
// allowed in integer format specifier", "Sign not allowed with integer format
// specifier 'c'", "Alternate form (#) not allowed with integer format
// specifier 'c'", OverflowError "%c arg not in range(0x110000)", and the
// 4300-digit limit for decimal output (maxStrDigits <= 0: no limit).
bool formatInt(const BigInt& value, const FormatSpec& spec, std::string& out, Error& error,
               std::string_view typeName = "int", int maxStrDigits = kDefaultMaxStrDigits);
// Same for a machine integer (no BigInt allocation on the common path).
bool formatInt(int64_t value, const FormatSpec& spec, std::string& out, Error& error,
               std::string_view typeName = "int", int maxStrDigits = kDefaultMaxStrDigits);
// Parse + format in one call: format(value, spec). Empty spec gives str(value)
// (the caller handles subclasses with their own __str__, e.g. bool).
bool formatInt(const BigInt& value, std::string_view spec, std::string& out, Error& error,
               std::string_view typeName = "int", int maxStrDigits = kDefaultMaxStrDigits);
bool formatInt(int64_t value, std::string_view spec, std::string& out, Error& error,
               std::string_view typeName = "int", int maxStrDigits = kDefaultMaxStrDigits);

// float.__format__ with a parsed spec (FormatTarget::Float). Types e E f F g
// G n % and none (like 'g' with at least one digit after the point; plain
// repr when no precision). ValueError "precision too big" above INT_MAX.
bool formatFloat(double value, const FormatSpec& spec, std::string& out, Error& error,
                 std::string_view typeName = "float");
// format(value, spec); empty spec gives repr(value).
bool formatFloat(double value, std::string_view spec, std::string& out, Error& error,
                 std::string_view typeName = "float");

// str.__format__ with a parsed spec (FormatTarget::Str): type 's' only.
// Width and precision count code points. Errors: "Sign not allowed in string
// format specifier" ("Space not allowed ..." for ' '), "Negative zero
// coercion (z) not allowed in string format specifier", "Alternate form (#)
// not allowed in string format specifier", "'=' alignment not allowed in
// string format specifier".
bool formatStr(std::string_view utf8, const FormatSpec& spec, std::string& out, Error& error,
               std::string_view typeName = "str");
bool formatStr(std::string_view utf8, std::string_view spec, std::string& out, Error& error,
               std::string_view typeName = "str");

// ===========================================================================
// printf-style formatting: str % args
// ===========================================================================
//
// parsePercentFormat() splits a format string into literal pieces and
// conversion specs. The interpreter then walks the pieces and, for each
// conversion, performs these steps in this order (it is CPython's order, which
// decides which error wins):
//   1. if spec.hasKey: args must be a mapping, else TypeError "format requires
//      a mapping"; then if spec.error == IncompleteKey raise it; then the
//      current argument becomes args[key] (KeyError propagates).
//   2. if spec.widthFromArg: fetch the next argument ("not enough arguments
//      for format string"); not an int -> TypeError "* wants int"; apply with
//      applyStarWidth().
//   3. if spec.error == WidthTooBig raise it.
//   4. if spec.precisionFromArg: same as 2, apply with applyStarPrecision().
//   5. if spec.error is PrecisionTooBig or Incomplete raise it.
//   6. fetch the value argument ("not enough arguments for format string").
//   7. if !isPercentConversion(spec.conversion): ValueError
//      percentUnsupportedMessage(spec).
//   8. convert the value and call percentFormatInt / percentFormatFloat /
//      percentFormatText.
// After the last piece: a tuple with unused items, or a non-tuple non-mapping
// argument that was never consumed -> TypeError "not all arguments converted
// during string formatting".

enum class PercentParseError : uint8_t {
    None,
    IncompleteKey,    // ValueError "incomplete format key"
    WidthTooBig,      // ValueError "width too big"
    PrecisionTooBig,  // ValueError "precision too big"
    Incomplete,       // ValueError "incomplete format"
};

struct PercentSpec {
    bool hasKey = false;
    std::string key;  // UTF-8, for %(key)s
    bool leftAlign = false;  // '-'
    bool forceSign = false;  // '+'
    bool blankSign = false;  // ' '
    bool alternate = false;  // '#'
    bool zeroPad = false;    // '0'
    bool widthFromArg = false;      // '*'
    bool precisionFromArg = false;  // '.*'
    int64_t width = -1;      // -1: not given
    int64_t precision = -1;  // -1: not given
    char32_t conversion = 0;     // the conversion character, unvalidated
    size_t conversionIndex = 0;  // its code-point index in the format string
    PercentParseError error = PercentParseError::None;
};

struct PercentPiece {
    bool isLiteral = true;
    std::string literal;  // when isLiteral ("%%" already folded to "%")
    PercentSpec spec;     // when !isLiteral
};

// Splits `format`. Parsing stops at the first malformed conversion, which is
// returned as the last piece with spec.error set (fields parsed before the
// error, e.g. widthFromArg, are kept so the interpreter can fetch them first).
// Adjacent literal text is merged. Empty format -> no pieces.
std::vector<PercentPiece> parsePercentFormat(std::string_view format);

// Message for a PercentParseError (all are ValueError); "" for None.
std::string_view percentParseErrorMessage(PercentParseError error);
// True for s r a d i u o x X e E f F g G c.
bool isPercentConversion(char32_t conversion);
// "unsupported format character 'z' (0x7a) at index 3".
std::string percentUnsupportedMessage(const PercentSpec& spec);
// "%d format: a real number is required, not str" (d i u e f g ...) or
// "%x format: an integer is required, not float" (o x X). For 'c' the message
// is always "%c requires int or char".
std::string percentTypeErrorMessage(char32_t conversion, std::string_view typeName);

// A '*' width argument: negative means left-align with the absolute value.
// (The caller converts the int like PyLong_AsSsize_t: OverflowError "Python
// int too large to convert to C ssize_t".)
void applyStarWidth(PercentSpec& spec, int64_t width);
// A '*' precision argument: negative means 0. (The caller converts the int
// like _PyLong_AsInt: OverflowError "Python int too large to convert to C int".)
void applyStarPrecision(PercentSpec& spec, int64_t precision);

// %d %i %u %o %x %X of an int (the caller has already applied int() for
// d/i/u or __index__ for o/x/X). Decimal output obeys maxStrDigits;
// OverflowError "precision too large" above INT_MAX - 3. Widths or
// precisions above kMaxFormattedLength fail with MemoryError (all three
// percentFormat* functions).
bool percentFormatInt(const BigInt& value, const PercentSpec& spec, std::string& out,
                      Error& error, int maxStrDigits = kDefaultMaxStrDigits);
// %e %E %f %F %g %G of a float.
bool percentFormatFloat(double value, const PercentSpec& spec, std::string& out, Error& error);
// %s %r %a (text = str()/repr()/ascii() of the value; truncated to the
// precision) and %c (text = the single character).
bool percentFormatText(std::string_view utf8, const PercentSpec& spec, std::string& out, Error& error);
// Same without the MemoryError guard on absurd widths. Total.
void percentFormatText(std::string_view utf8, const PercentSpec& spec, std::string& out);
// The %c character of an int: OverflowError "%c arg not in range(0x110000)".
bool percentCharFromInt(const BigInt& value, char32_t& out, Error& error);

// ===========================================================================
// Integer arithmetic with Python semantics
// ===========================================================================
//
// Division by zero is a precondition violation everywhere below (the caller
// raises ZeroDivisionError with the message that fits the operator:
// kMsgIntDivisionByZero for //, divmod(), kMsgIntModuloByZero for %).

// 64-bit fast paths: return false when the exact result does not fit in
// int64_t (the caller then redoes the operation on BigInt).
bool checkedAdd(int64_t a, int64_t b, int64_t& out);
bool checkedSub(int64_t a, int64_t b, int64_t& out);
bool checkedMul(int64_t a, int64_t b, int64_t& out);
bool checkedNeg(int64_t a, int64_t& out);
// a // b (floor). b != 0. Fails only for INT64_MIN // -1.
bool checkedFloorDiv(int64_t a, int64_t b, int64_t& out);
// a % b with the sign of b. b != 0. Always fits.
int64_t floorMod(int64_t a, int64_t b);
// a ** b for b >= 0 (b < 0 is the caller's float path). False on overflow.
bool checkedPow(int64_t base, int64_t exp, int64_t& out);
// a << n for n >= 0. False when the result does not fit.
bool checkedShiftLeft(int64_t a, int64_t n, int64_t& out);
// a >> n for n >= 0 (floor: -1 >> 100 == -1). Total.
int64_t shiftRight(int64_t a, int64_t n);

// floor(a / b), a - b*floor(a/b) (sign of b), both at once. b != 0.
BigInt floorDiv(const BigInt& a, const BigInt& b);
BigInt floorMod(const BigInt& a, const BigInt& b);
void floorDivMod(const BigInt& a, const BigInt& b, BigInt& quotient, BigInt& remainder);

// Result of operations that may produce unbounded integers.
enum class BigStatus : uint8_t {
    Ok,
    NegativeExponent,  // powInt: b < 0, the caller computes float(a) ** float(b)
    NegativeShift,     // shifts: ValueError kMsgNegativeShiftCount
    TooLarge,          // result would exceed maxBits (caller: MemoryError/OverflowError)
};
inline constexpr uint64_t kNoBitLimit = UINT64_MAX;

// Upper bound of bitLength(base ** exp): exact for 0/1/-1 bases, otherwise
// bitLength(|base|) * exp, saturating at UINT64_MAX; 1 when exp <= 0.
uint64_t estimatePowBits(const BigInt& base, const BigInt& exp);
// Upper bound of bitLength(a << n) (n >= 0): bitLength(a) + n, 0 for a == 0,
// saturating.
uint64_t estimateShiftBits(const BigInt& a, const BigInt& n);

// base ** exp. exp < 0 -> NegativeExponent; estimatePowBits() > maxBits ->
// TooLarge (nothing is computed). 0 ** 0 == 1.
BigStatus powInt(const BigInt& base, const BigInt& exp, BigInt& out, uint64_t maxBits = kNoBitLimit);
// pow(base, exp, mod) like CPython's long_pow: result has the sign of mod
// (in (mod, 0] for mod < 0); mod == +-1 -> 0; exp < 0 uses the modular
// inverse. Errors (ValueError): kMsgPowModZero, kMsgNotInvertible.
bool powModInt(const BigInt& base, const BigInt& exp, const BigInt& mod, BigInt& out, Error& error);

// a << n, a >> n (floor). n < 0 -> NegativeShift. Left shift whose
// estimateShiftBits() > maxBits -> TooLarge. Right shift by any amount is fine.
BigStatus shiftLeft(const BigInt& a, const BigInt& n, BigInt& out, uint64_t maxBits = kNoBitLimit);
BigStatus shiftRight(const BigInt& a, const BigInt& n, BigInt& out);

// Two's-complement bitwise operators on arbitrarily large (also negative)
// integers, exactly like Python's & | ^ ~.
BigInt bitAnd(const BigInt& a, const BigInt& b);
BigInt bitOr(const BigInt& a, const BigInt& b);
BigInt bitXor(const BigInt& a, const BigInt& b);
BigInt bitInvert(const BigInt& a);  // -a - 1
// int.bit_length(): bits of |a|, 0 for 0. int.bit_count(): ones in |a|.
uint64_t bitLength(const BigInt& a);
uint64_t bitLength(int64_t a);
uint64_t bitCount(const BigInt& a);

// True when a fits in int64_t (then stores it in out).
bool fitsInt64(const BigInt& a, int64_t& out);

// ===========================================================================
// Conversions
// ===========================================================================

// float(a): correctly rounded, ties to even, like int.__float__. Sets
// overflow (and returns +-inf) when |a| rounds to 2**1024 or more; the caller
// raises OverflowError kMsgIntTooLargeForFloat.
double bigIntToDouble(const BigInt& a, bool& overflow);
// a / b correctly rounded like long_true_divide (also subnormal results).
// b == 0: ZeroDivisionError kMsgDivisionByZero; too large: OverflowError
// kMsgIntDivisionTooLarge. 0 / negative is -0.0 like CPython.
bool trueDivide(const BigInt& a, const BigInt& b, double& out, Error& error);
bool trueDivide(int64_t a, int64_t b, double& out, Error& error);
// int(x) for finite x (truncation toward zero). inf/NaN are the caller's
// errors (kMsgFloatInfinityToInt: OverflowError, kMsgFloatNanToInt:
// ValueError); they return 0 here.
BigInt doubleToBigInt(double x);
// Like doubleToBigInt with the errors reported.
bool doubleToInt(double x, BigInt& out, Error& error);

// bin/oct/hex digits of a: base 2, 8, 10 or 16, lowercase, "-" for negative,
// with the "0b"/"0o"/"0x" prefix after the sign when withPrefix (bin(), oct(),
// hex()). No digit limit. Other bases: precondition violation (returns "").
std::string intToBaseString(const BigInt& a, int base, bool withPrefix = false);
// str(a) / repr(a). Fails with ValueError "Exceeds the limit (4300 digits)
// for integer string conversion; use sys.set_int_max_str_digits() to increase
// the limit" when |a| has more than maxStrDigits decimal digits (<= 0: no
// limit). The check is made before converting.
bool intToDecimalString(const BigInt& a, std::string& out, Error& error,
                        int maxStrDigits = kDefaultMaxStrDigits);
std::string int64ToString(int64_t a);

// int(text, base) with Python's rules: surrounding whitespace (Unicode
// whitespace when `unicode`), optional sign, single underscores between
// digits (and one right after a base prefix), base 0 infers 0b/0o/0x/decimal
// and rejects non-zero numbers with leading zeros, base 2..36 accept the
// matching prefix for 2/8/16; Unicode decimal digits (e.g. U+0661) count as
// digits when `unicode` (str input; pass false for bytes). Returns false with:
// ValueError "int() base must be >= 2 and <= 36, or 0" for a bad base;
// ValueError "invalid literal for int() with base 10: '12a'" (repr of the
// text, truncated to 200 code points); ValueError "Exceeds the limit (4300
// digits) for integer string conversion: value has 5000 digits; use
// sys.set_int_max_str_digits() to increase the limit" for non-power-of-two
// bases (maxStrDigits <= 0: no limit).
bool parseInt(std::string_view text, int base, BigInt& out, Error& error, bool unicode = true,
              int maxStrDigits = kDefaultMaxStrDigits);
// float(text): whitespace, underscores between digits, optional sign, decimal
// or exponent notation, inf/infinity/nan in any case; correctly rounded;
// overflow gives +-inf and underflow +-0.0 like CPython. On failure ValueError
// "could not convert string to float: 'x'".
bool parseFloat(std::string_view text, double& out, Error& error, bool unicode = true);

// ===========================================================================
// Float arithmetic with Python semantics
// ===========================================================================

// a // b, a % b (sign of b, signed zeros as CPython), divmod(a, b).
// b == 0: ZeroDivisionError kMsgFloatFloorDivisionByZero / kMsgFloatModulo /
// kMsgFloatDivmod.
bool floatFloorDiv(double a, double b, double& out, Error& error);
bool floatMod(double a, double b, double& out, Error& error);
bool floatDivMod(double a, double b, double& quotient, double& remainder, Error& error);
// a / b; b == 0: ZeroDivisionError kMsgFloatDivisionByZero.
bool floatTrueDivide(double a, double b, double& out, Error& error);

enum class FloatPowStatus : uint8_t {
    Ok,
    ZeroToNegative,  // ZeroDivisionError kMsgZeroToNegativePower
    Complex,         // negative base, fractional exponent: Python returns a complex
    Overflow,        // OverflowError kMsgMathRange
};
// float ** float exactly like float_pow (special cases for 0, 1, inf, nan).
FloatPowStatus floatPow(double base, double exp, double& out);

// round(x): nearest int, ties to even. inf/nan -> errors as doubleToInt.
bool roundToInt(double x, BigInt& out, Error& error);
// round(x, ndigits) like double_round (correctly rounded through decimal).
// inf/nan return themselves. OverflowError kMsgRoundedTooLarge.
bool roundDouble(double x, int64_t ndigits, double& out, Error& error);
// round(n, ndigits) for ints: ndigits >= 0 returns n; otherwise rounds to a
// multiple of 10**-ndigits, ties to even.
BigInt roundInt(const BigInt& n, int64_t ndigits);
// math.floor / math.ceil / math.trunc of a float as an int; inf/nan errors.
bool floorToInt(double x, BigInt& out, Error& error);
bool ceilToInt(double x, BigInt& out, Error& error);
bool truncToInt(double x, BigInt& out, Error& error);
// float.is_integer(): finite and integral.
bool floatIsInteger(double x);

// ===========================================================================
// Hashing (CPython 3.11, 64-bit, PYTHONHASHSEED=0)
// ===========================================================================

inline constexpr int64_t kHashModulus = (int64_t(1) << 61) - 1;
inline constexpr int64_t kHashInf = 314159;

// hash(int): sign(a) * (|a| mod 2**61-1), -1 -> -2.
int64_t hashInt(const BigInt& a);
int64_t hashInt(int64_t a);
// hash(float): integral values hash like the equal int, +-inf -> +-314159.
// NaN: CPython 3.11 hashes a NaN by object identity; this returns hashNan()
// and the caller may use hashPointer(address of the float object) instead.
int64_t hashDouble(double x);
int64_t hashNan();
// _Py_HashPointer: identity hash of an address (object.__hash__).
int64_t hashPointer(uintptr_t address);
// hash(str) with PYTHONHASHSEED=0: SipHash-1-3, zero key, over the string's
// latin-1 / UCS-2 / UCS-4 (little-endian) canonical form. "" -> 0, -1 -> -2.
int64_t hashString(std::string_view utf8);
// hash(bytes): same SipHash over the raw bytes.
int64_t hashBytes(std::string_view bytes);
// hash(tuple): xxHash-based tuplehash. Feed each item's hash, then finish().
class TupleHasher {
public:
    void add(int64_t itemHash);
    int64_t finish() const;  // -1 -> 1546275796
private:
    uint64_t m_acc = 2870177450012600261ULL;  // XXPRIME_5
    uint64_t m_length = 0;
};
int64_t hashTuple(std::span<const int64_t> itemHashes);
// hash(frozenset) from the items' hashes (order independent).
int64_t hashFrozenSet(std::span<const int64_t> itemHashes);

// ===========================================================================
// UTF-8 and Unicode text helpers
// ===========================================================================

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at byte `pos` and advances `pos` past it.
// Accepts encoded surrogates. Malformed input yields U+FFFD and advances by
// one byte; pos >= size() yields 0 without advancing.
char32_t decodeUtf8(std::string_view s, size_t& pos);
// Appends the encoding of cp (surrogates encoded as 3 bytes; > U+10FFFF
// becomes U+FFFD).
void appendUtf8(std::string& out, char32_t cp);
std::string encodeUtf8(char32_t cp);
std::u32string toUtf32(std::string_view s);
std::string fromUtf32(std::u32string_view s);
// Strict validation: rejects truncated/overlong sequences, > U+10FFFF and,
// unless allowSurrogates, U+D800..U+DFFF.
bool validateUtf8(std::string_view s, bool allowSurrogates = false);
// Number of code points (input assumed valid).
size_t countCodePoints(std::string_view s);
bool isAscii(std::string_view s);
// Byte offset of code point `index`; index == count gives s.size();
// index > count gives std::string_view::npos.
size_t codePointOffset(std::string_view s, size_t index);
// The code point at `index` (precondition: index < count).
char32_t codePointAt(std::string_view s, size_t index);
// Largest code point (0 for "").
char32_t maxCodePoint(std::string_view s);

// Unicode properties as CPython 3.11 (Unicode 14.0.0) sees them.
bool isPrintable(char32_t cp);     // str.isprintable()
bool isSpace(char32_t cp);         // str.isspace()
int decimalValue(char32_t cp);     // unicodedata.decimal(), -1 if none
bool isCased(char32_t cp);         // Lowercase | Uppercase | Lt
bool isCaseIgnorable(char32_t cp);

// str.upper() / str.lower(): full Unicode mappings (ß -> "SS", İ -> "i̇")
// and the final-sigma rule of lower().
std::string toUpper(std::string_view s);
std::string toLower(std::string_view s);

// repr(str): single quotes unless the text has ' and no ", escapes \\ \t \n
// \r and the quote, \xNN / \uNNNN / \UNNNNNNNN for non-printables.
std::string strRepr(std::string_view s);
// ascii(str): like strRepr but every non-ASCII code point is escaped.
std::string asciiRepr(std::string_view s);
// repr(bytes): b'...' with \xNN for bytes < 0x20 or >= 0x7f.
std::string bytesRepr(std::string_view bytes);

}  // namespace ascope::num
