// Tokens of the Python subset, as CPython 3.11's tokenizer produces them.
//
// Why it looks like this: the parser reproduces CPython's PEG parser,
// including where it reports errors, and CPython's error positions are token
// positions. So a token carries exactly what CPython's `Token` carries (kind,
// start and end line/column, bracket depth) and nothing else; its text stays
// in the source buffer and is addressed by byte offsets, so tokenizing never
// allocates per token.
//
// Kinds: keywords get their own kinds (CPython turns NAME tokens into keyword
// tokens the same way); the soft keywords `match`, `case` and `_` stay Name.
// A character that no CPython token starts with but that the tokenizer lets
// through (`$`, `?`, `!` alone, `<>`) becomes `Op`, which no grammar rule
// accepts.
#pragma once

#include <cstdint>
#include <string_view>

namespace ascope::lang {

enum class TokenKind : uint8_t {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    // Operators and delimiters.
    LPar, RPar, LSqb, RSqb, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar, Amper,
    Less, Greater, Equal, Dot, Percent, LBrace, RBrace, EqEqual, NotEqual, LessEqual,
    GreaterEqual, Tilde, Circumflex, LeftShift, RightShift, DoubleStar, PlusEqual,
    MinEqual, StarEqual, SlashEqual, PercentEqual, AmperEqual, VBarEqual,
    CircumflexEqual, LeftShiftEqual, RightShiftEqual, DoubleStarEqual, DoubleSlash,
    DoubleSlashEqual, At, AtEqual, RArrow, Ellipsis, ColonEqual,
    Op,  // a character CPython tokenizes but no rule accepts
    // Keywords.
    KwFalse, KwNone, KwTrue, KwAnd, KwAs, KwAssert, KwAsync, KwAwait, KwBreak, KwClass,
    KwContinue, KwDef, KwDel, KwElif, KwElse, KwExcept, KwFinally, KwFor, KwFrom,
    KwGlobal, KwIf, KwImport, KwIn, KwIs, KwLambda, KwNonlocal, KwNot, KwOr, KwPass,
    KwRaise, KwReturn, KwTry, KwWhile, KwWith, KwYield,
};

// Whether the kind is one of the keywords (not a soft keyword).
constexpr bool isKeyword(TokenKind k) { return k >= TokenKind::KwFalse; }

// CPython's spelling of a kind: the operator or keyword text ("(", "if"), or
// the token type name for the others ("NAME", "NEWLINE").
std::string_view tokenKindName(TokenKind k);

struct Token {
    TokenKind kind = TokenKind::EndMarker;
    // Bracket depth once this token is read: 1 for an outermost '(' and for
    // what it contains, 0 again for its ')'.
    int16_t level = 0;
    // Start and end position (lines 1-based, columns 0-based UTF-8 bytes, end
    // exclusive). INDENT, DEDENT and ENDMARKER have no extent: col and endCol
    // are -1 and `cursorCol` says where the tokenizer stood after producing
    // them, which is where CPython reports errors located on them.
    int line = 0;
    int col = 0;
    int endLine = 0;
    int endCol = 0;
    int cursorCol = 0;
    // The token's bytes in the lexer's (newline-normalized) buffer.
    uint32_t begin = 0;
    uint32_t end = 0;
};

}  // namespace ascope::lang
