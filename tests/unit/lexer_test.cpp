// Tests of lang/lexer: the tokens CPython 3.11's tokenizer produces, with
// their positions, and the errors it raises. Expected positions and error
// attributes were read from python3 3.11.7 (the tokenize module for token
// boundaries, compile() for SyntaxError.lineno/offset/end_offset/text).
#include "lang/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

using namespace ascope::lang;
using namespace std::literals;

namespace {

TokenStream lex(std::string_view source) {
    LexOptions options;
    options.filename = "t.py";
    return tokenize(source, options);
}

// "KIND text line:col-endLine:endCol" for every token.
std::vector<std::string> tokens(std::string_view source) {
    const TokenStream ts = lex(source);
    std::vector<std::string> out;
    for (const Token& t : ts.tokens) {
        std::string s(tokenKindName(t.kind));
        if (t.kind == TokenKind::Name || t.kind == TokenKind::Number || t.kind == TokenKind::String ||
            t.kind == TokenKind::Op)
            s += " " + std::string(ts.tokenText(t));
        s += " " + std::to_string(t.line) + ":" + std::to_string(t.col) + "-" + std::to_string(t.endLine) + ":" +
             std::to_string(t.endCol);
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> kinds(std::string_view source) {
    const TokenStream ts = lex(source);
    std::vector<std::string> out;
    for (const Token& t : ts.tokens) out.emplace_back(tokenKindName(t.kind));
    return out;
}

using Strings = std::vector<std::string>;

// --------------------------------------------------------------- tokens

TEST(Tokens, simpleStatement) {
    EXPECT_EQ(tokens("x = 1\n"), (Strings{"NAME x 1:0-1:1", "= 1:2-1:3", "NUMBER 1 1:4-1:5", "NEWLINE 1:5-1:5",
                                          "ENDMARKER 1:-1-1:-1"}));
    EXPECT_FALSE(lex("x = 1\n").error);
}

TEST(Tokens, positionsAreLinesAndByteColumns) {
    EXPECT_EQ(tokens("caf\xc3\xa9 = 'x'\n"),
              (Strings{"NAME caf\xc3\xa9 1:0-1:5", "= 1:6-1:7", "STRING 'x' 1:8-1:11", "NEWLINE 1:11-1:11",
                       "ENDMARKER 1:-1-1:-1"}));
}

TEST(Tokens, newlineTokenIsEmptyAtTheLineEnd) {
    EXPECT_EQ(tokens("pass\n")[1], "NEWLINE 1:4-1:4");
}

TEST(Tokens, newlineAfterCommentStartsAtTheHash) {
    // CPython's NEWLINE token after a comment spans the comment ("expected ':'" carets show it).
    EXPECT_EQ(tokens("if x  # c\n    pass\n")[2], "NEWLINE 1:6-1:9");
}

TEST(Tokens, indentAndDedentAroundBlocks) {
    EXPECT_EQ(kinds("if x:\n    y\n    if z:\n        w\nv\n"),
              (Strings{"if", "NAME", ":", "NEWLINE", "INDENT", "NAME", "NEWLINE", "if", "NAME", ":", "NEWLINE",
                       "INDENT", "NAME", "NEWLINE", "DEDENT", "DEDENT", "NAME", "NEWLINE", "ENDMARKER"}));
}

TEST(Tokens, dedentsAtEndOfFile) {
    EXPECT_EQ(kinds("if x:\n    if y:\n        z\n"),
              (Strings{"if", "NAME", ":", "NEWLINE", "INDENT", "if", "NAME", ":", "NEWLINE", "INDENT", "NAME",
                       "NEWLINE", "DEDENT", "DEDENT", "ENDMARKER"}));
}

TEST(Tokens, blankAndCommentLinesProduceNothing) {
    EXPECT_EQ(kinds("\n# comment\n   \n\t# indented comment\nx\n\n"), (Strings{"NAME", "NEWLINE", "ENDMARKER"}));
}

TEST(Tokens, bracketsJoinLines) {
    const TokenStream ts = lex("x = (1,\n     2)\n");
    EXPECT_EQ(kinds("x = (1,\n     2)\n"),
              (Strings{"NAME", "=", "(", "NUMBER", ",", "NUMBER", ")", "NEWLINE", "ENDMARKER"}));
    EXPECT_EQ(ts.tokens[2].level, 1);  // '(' once read
    EXPECT_EQ(ts.tokens[5].level, 1);
    EXPECT_EQ(ts.tokens[6].level, 0);  // ')'
    EXPECT_EQ(ts.tokens[5].line, 2);
}

TEST(Tokens, backslashJoinsLines) {
    EXPECT_EQ(tokens("x = 1 + \\\n    2\n"),
              (Strings{"NAME x 1:0-1:1", "= 1:2-1:3", "NUMBER 1 1:4-1:5", "+ 1:6-1:7", "NUMBER 2 2:4-2:5",
                       "NEWLINE 2:5-2:5", "ENDMARKER 2:-1-2:-1"}));
}

TEST(Tokens, numberForms) {
    for (std::string_view n : {"0", "00", "0_0", "7", "1_000", "0x1F", "0X_ff", "0o17", "0b1010", "1.5", ".5", "5.",
                               "1e10", "1E-5", "1.5e+3", "3j", "1.5J", "0777j", "1_0.0_1e1_0"}) {
        const std::string source = std::string(n) + "\n";
        EXPECT_EQ(kinds(source), (Strings{"NUMBER", "NEWLINE", "ENDMARKER"})) << n;
        EXPECT_EQ(lex(source).tokenText(lex(source).tokens[0]), n);
    }
}

TEST(Tokens, numberFollowedByKeywordIsTwoTokensAndAWarning) {
    const TokenStream ts = lex("x = 1if y else 2\n");
    EXPECT_EQ(kinds("x = 1if y else 2\n"),
              (Strings{"NAME", "=", "NUMBER", "if", "NAME", "else", "NUMBER", "NEWLINE", "ENDMARKER"}));
    ASSERT_EQ(ts.warnings.size(), 1u);
    EXPECT_EQ(ts.warnings[0].tokenIndex, 2);
    EXPECT_EQ(ts.warnings[0].warning.message, "invalid decimal literal");
    EXPECT_EQ(ts.warnings[0].warning.line, 1);
}

TEST(Tokens, stringPrefixes) {
    for (std::string_view s : {"'a'", "\"a\"", "r'a'", "R'a'", "b'a'", "B'a'", "rb'a'", "bR'a'", "Rb'a'", "f'a'",
                               "rf'a'", "Fr'a'", "u'a'", "U'a'", "'''a'''", "\"\"\"a\"\"\"", "''", "'\\''"}) {
        const std::string source = std::string(s) + "\n";
        EXPECT_EQ(kinds(source), (Strings{"STRING", "NEWLINE", "ENDMARKER"})) << s;
    }
    // ur'' and bu'' are not prefixes: a name, then a string.
    EXPECT_EQ(kinds("ur'a'\n"), (Strings{"NAME", "STRING", "NEWLINE", "ENDMARKER"}));
    EXPECT_EQ(kinds("bu'a'\n"), (Strings{"NAME", "STRING", "NEWLINE", "ENDMARKER"}));
}

TEST(Tokens, tripleQuotedStringSpansLines) {
    EXPECT_EQ(tokens("s = '''a\nb''' + x\n"),
              (Strings{"NAME s 1:0-1:1", "= 1:2-1:3", "STRING '''a\nb''' 1:4-2:4", "+ 2:5-2:6", "NAME x 2:7-2:8",
                       "NEWLINE 2:8-2:8", "ENDMARKER 2:-1-2:-1"}));
}

TEST(Tokens, operatorsTakeTheLongestMatch) {
    EXPECT_EQ(kinds("**= //= >>= <<= -> := ... != <= >= == ** // << >> @= %= &= |= ^= += -= *= /=\n"),
              (Strings{"**=", "//=", ">>=", "<<=", "->", ":=", "...", "!=", "<=", ">=", "==", "**", "//", "<<", ">>",
                       "@=", "%=", "&=", "|=", "^=", "+=", "-=", "*=", "/=", "NEWLINE", "ENDMARKER"}));
    EXPECT_EQ(kinds("a..b\n"), (Strings{"NAME", ".", ".", "NAME", "NEWLINE", "ENDMARKER"}));
}

TEST(Tokens, charactersNoRuleAcceptsAreOp) {
    EXPECT_EQ(kinds("$ ? ! <>\n"), (Strings{"OP", "OP", "OP", "OP", "NEWLINE", "ENDMARKER"}));
}

TEST(Tokens, keywordsAndSoftKeywords) {
    EXPECT_EQ(kinds("async await lambda None match case _\n"),
              (Strings{"async", "await", "lambda", "None", "NAME", "NAME", "NAME", "NEWLINE", "ENDMARKER"}));
    EXPECT_TRUE(isKeyword(TokenKind::KwYield));
    EXPECT_FALSE(isKeyword(TokenKind::Name));
}

TEST(Tokens, nonAsciiIdentifiers) {
    EXPECT_EQ(kinds("\xc3\xa9t\xc3\xa9 = \xe5\x8f\x98\xe9\x87\x8f\n"),
              (Strings{"NAME", "=", "NAME", "NEWLINE", "ENDMARKER"}));
}

TEST(Tokens, crlfAndMissingFinalNewline) {
    EXPECT_EQ(kinds("x\r\ny\rz"),
              (Strings{"NAME", "NEWLINE", "NAME", "NEWLINE", "NAME", "NEWLINE", "ENDMARKER"}));
    const TokenStream ts = lex("x\r\ny\rz");
    EXPECT_EQ(ts.lineText(3), "z");
    EXPECT_FALSE(ts.lastLineHasNewline);
}

TEST(Tokens, bomIsSkipped) {
    const TokenStream ts = lex("\xef\xbb\xbfx = 1\n");
    EXPECT_TRUE(ts.hasBom);
    EXPECT_EQ(ts.tokens[0].col, 0);
}

TEST(Tokens, markerTokensRecordTheCursor) {
    // "unexpected indent" is reported where the tokenizer stands: after the indentation.
    const TokenStream ts = lex("x = 1\n  y = 2\n");
    ASSERT_EQ(ts.tokens[4].kind, TokenKind::Indent);
    EXPECT_EQ(ts.tokens[4].col, -1);
    EXPECT_EQ(ts.tokens[4].cursorCol, 2);
}

TEST(Tokens, fstringExpressionColumnsAreShifted) {
    LexOptions options;
    options.fileInput = false;
    options.firstLine = 3;
    options.firstLineColShift = 10;
    const TokenStream ts = tokenize("(a +\nb)", options);
    EXPECT_EQ(ts.tokens[1].line, 3);
    EXPECT_EQ(ts.tokens[1].col, 11);
    EXPECT_EQ(ts.tokens[3].line, 4);
    EXPECT_EQ(ts.tokens[3].col, 0);
}

// --------------------------------------------------------------- errors

struct ExpectedError {
    std::string_view type;
    std::string_view message;
    int line, offset, endLine, endOffset;
    std::string_view text;
};

void expectError(std::string_view source, const ExpectedError& x, bool raisedByTokenizer) {
    const TokenStream ts = lex(source);
    ASSERT_TRUE(ts.error) << source;
    const SyntaxError& e = ts.error->error;
    EXPECT_EQ(e.type, x.type) << source;
    EXPECT_EQ(e.message, x.message) << source;
    EXPECT_EQ(e.line, x.line) << source;
    EXPECT_EQ(e.offset, x.offset) << source;
    EXPECT_EQ(e.endLine, x.endLine) << source;
    EXPECT_EQ(e.endOffset, x.endOffset) << source;
    EXPECT_EQ(e.text, x.text) << source;
    EXPECT_EQ(ts.error->raisedByTokenizer, raisedByTokenizer) << source;
}

TEST(TokenizerErrors, unterminatedString) {
    expectError("s = 'abc\n", {"SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5, "s = 'abc"},
                true);
}

TEST(TokenizerErrors, unterminatedTripleQuotedString) {
    expectError("s = '''abc\n\nx\n",
                {"SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5,
                 "s = '''abc"},
                true);
}

TEST(TokenizerErrors, invalidNumberLiterals) {
    expectError("x = 1abc\n", {"SyntaxError", "invalid decimal literal", 1, 5, 1, 5, "x = 1abc"}, true);
    expectError("x = 0777\n",
                {"SyntaxError",
                 "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1,
                 5, 1, 6, "x = 0777"},
                true);
    expectError("x = 0xg\n", {"SyntaxError", "invalid hexadecimal literal", 1, 6, 1, 6, "x = 0xg"}, true);
    expectError("x = 0o8\n", {"SyntaxError", "invalid digit '8' in octal literal", 1, 7, 1, 7, "x = 0o8"}, true);
    expectError("x = 1__0\n", {"SyntaxError", "invalid decimal literal", 1, 6, 1, 6, "x = 1__0"}, true);
}

TEST(TokenizerErrors, invalidCharacters) {
    expectError("x = 1 \xe2\x82\xac\n",
                {"SyntaxError", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 7, 1, 7, "x = 1 \xe2\x82\xac"}, true);
    expectError("x = 1\xc2\xa0+ 2\n",
                {"SyntaxError", "invalid non-printable character U+00A0", 1, 6, 1, 6, "x = 1\xc2\xa0+ 2"}, true);
    expectError("x = \x01\n", {"SyntaxError", "invalid non-printable character U+0001", 1, 5, 1, 5, "x = \x01"}, true);
}

TEST(TokenizerErrors, brackets) {
    expectError("x = 1)\n", {"SyntaxError", "unmatched ')'", 1, 6, 1, 6, "x = 1)"}, true);
    expectError("x = [1, 2)\n",
                {"SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 10, 1, 10,
                 "x = [1, 2)"},
                true);
    expectError("x = [\n  1,\n  2)\n",
                {"SyntaxError", "closing parenthesis ')' does not match opening parenthesis '[' on line 1", 3, 4, 3,
                 4, "  2)"},
                true);
    expectError("x = (1,\n",
                {"SyntaxError", "'(' was never closed", 1, 5, 1, 0, "x = (1,"}, false);
}

TEST(TokenizerErrors, bracketStateIsKeptForTheParser) {
    const TokenStream ts = lex("f(a,\n  [b\n");
    ASSERT_TRUE(ts.error);
    EXPECT_EQ(ts.error->openBrackets, 2);
    EXPECT_EQ(ts.error->innermostBracket, '[');
    EXPECT_EQ(ts.error->innermostLine, 2);
    EXPECT_EQ(ts.error->innermostCol, 2);
}

TEST(TokenizerErrors, indentation) {
    expectError("if x:\n        a\n    b\n",
                {"IndentationError", "unindent does not match any outer indentation level", 3, 6, 3, -1, "    b"},
                false);
    expectError("if x:\n\ta\n        b\n",
                {"TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0, "        b"}, false);
}

TEST(TokenizerErrors, tooManyIndentationLevels) {
    std::string source;
    for (int i = 0; i < 100; ++i) source += std::string(size_t(i), ' ') + "if x:\n";
    const TokenStream ts = lex(source + std::string(100, ' ') + "pass\n");
    ASSERT_TRUE(ts.error);
    EXPECT_EQ(ts.error->error.type, "IndentationError");
    EXPECT_EQ(ts.error->error.message, "too many levels of indentation");
    EXPECT_EQ(ts.error->error.line, 101);
}

TEST(TokenizerErrors, tooManyNestedParentheses) {
    const std::string source = "x = " + std::string(201, '(') + "\n";
    expectError(source, {"SyntaxError", "too many nested parentheses", 1, 205, 1, 205, source.substr(0, 205)}, true);
}

TEST(TokenizerErrors, lineContinuation) {
    expectError("x = \\ 1\n",
                {"SyntaxError", "unexpected character after line continuation character", 1, 6, 1, 0, "x = \\ 1"},
                false);
    expectError("x = \\\n", {"SyntaxError", "unexpected EOF while parsing", 1, 6, 1, -1, "x = \\"}, false);
}

TEST(TokenizerErrors, nulByteStopsAtItsLine) {
    const TokenStream ts = lex("print(1)\nx = 1\0 + 2\n"sv);
    ASSERT_TRUE(ts.error);
    EXPECT_EQ(ts.error->error.message, "source code cannot contain null bytes");
    EXPECT_EQ(ts.error->error.line, 2);
    EXPECT_EQ(ts.error->error.offset, 0);
    EXPECT_EQ(ts.error->error.text, "x = 1");
    EXPECT_EQ(ts.tokens.size(), 5u);  // print ( 1 ) NEWLINE: the tokens before the line
}

TEST(TokenizerErrors, invalidUtf8StopsAtItsLine) {
    const TokenStream ts = lex("x = 1\ny = '\xe9'\n");
    ASSERT_TRUE(ts.error);
    EXPECT_EQ(ts.error->error.line, 0);
    EXPECT_EQ(ts.error->error.message,
              "Non-UTF-8 code starting with '\\xe9' in file t.py on line 2, but no encoding declared; see "
              "https://peps.python.org/pep-0263/ for details");
    EXPECT_EQ(ts.tokens.size(), 4u);
}

TEST(TokenizerErrors, overlongUtf8IsInvalid) {
    const TokenStream ts = lex("\xc0\x80 = 1\n");
    ASSERT_TRUE(ts.error);
    EXPECT_NE(ts.error->error.message.find("'\\xc0'"), std::string::npos);
}

TEST(TokenizerErrors, tokensBeforeTheErrorAreKept) {
    const TokenStream ts = lex("a = 1\nb = 'x\n");
    ASSERT_TRUE(ts.error);
    EXPECT_EQ(kinds("a = 1\nb = 'x\n"), (Strings{"NAME", "=", "NUMBER", "NEWLINE", "NAME", "="}));
}

// ------------------------------------------------------------- Unicode

TEST(Unicode, identifierCharacterClasses) {
    EXPECT_TRUE(isXidStart(U'\u00e9'));
    EXPECT_TRUE(isXidStart(U'\u53d8'));
    EXPECT_FALSE(isXidStart(U'\u20ac'));
    EXPECT_FALSE(isXidStart(U'\u0301'));   // combining mark: continues, cannot start
    EXPECT_TRUE(isXidContinue(U'\u0301'));
    EXPECT_TRUE(isXidContinue(U'\u0663'));  // Arabic-Indic digit three
    EXPECT_TRUE(isPrintable(U'\u20ac'));
    EXPECT_FALSE(isPrintable(U'\u00a0'));
    EXPECT_FALSE(isPrintable(U'\u200b'));
    EXPECT_EQ(utf8CharCount("a\xc3\xa9\xe2\x82\xac"), 3);
}

}  // namespace
