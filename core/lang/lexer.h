// The tokenizer: source text to tokens, a line-by-line port of CPython 3.11's
// Parser/tokenizer.c (INDENT/DEDENT with the tab/space consistency rules,
// implicit line joining inside brackets, backslash continuation, comments,
// number and string literal scanning, identifier validation).
//
// Why it is built this way: CPython's tokenizer runs lazily, one token ahead
// of the parser, and *when* it meets an error decides which error a user sees
// (an unterminated string later in the file beats a generic "invalid
// syntax"; an inconsistent dedent does not). Tokenizing is independent of
// parsing, so we tokenize the whole file up front, stop at the first error,
// and record at which token index CPython's tokenizer would have raised it;
// the parser raises it when it asks for that token. Every error also keeps
// the bracket state CPython consults afterwards.
//
// The source is read the way `python3 FILE.py` reads it: a UTF-8 BOM or a
// coding declaration on line 1 or 2 (utf-8 or latin-1) is honoured, "\r\n"
// and "\r" become "\n", a missing final newline is added, and each physical
// line is checked for NUL bytes and invalid UTF-8 when the tokenizer first
// reaches it.
#pragma once

#include "lang/diagnostic.h"
#include "lang/token.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ascope::lang {

// A tokenizer error, raised when the parser asks for token `TokenStream::
// tokens.size()`.
struct LexError {
    SyntaxError error;
    // True when CPython's tokenizer raised the exception itself; false for the
    // errors pegen builds afterwards from the tokenizer's state (end of file,
    // bad dedent, tab/space mix, too deep, bad continuation). Only the former
    // replace a parser error when CPython tokenizes the rest of the file.
    bool raisedByTokenizer = false;
    // Brackets open at that moment, and the innermost one.
    int openBrackets = 0;
    char innermostBracket = 0;
    int innermostLine = 0;
    int innermostCol = 0;  // 0-based byte column
};

// A warning of the tokenizer, issued when the parser reads token `tokenIndex`.
struct LexWarning {
    int tokenIndex = 0;
    SyntaxWarning warning;  // its text is left empty
};

// The tokenized source and everything needed to report errors against it.
class TokenStream {
public:
    std::string filename;
    std::string buffer;                 // the decoded, newline-normalized source
    std::vector<uint32_t> lineStarts;   // byte offset in `buffer` of each line's start
    std::vector<Token> tokens;          // every token before the first error
    std::optional<LexError> error;      // the tokenizer error, if any
    std::vector<LexWarning> warnings;   // in token order
    int firstLine = 1;                  // number of the first line
    bool fileInput = true;              // a script file (not an f-string expression)
    bool hasBom = false;
    bool encodingDeclared = false;      // a BOM or a coding declaration: CPython converts
                                        // parser error columns to characters
    bool lastLineHasNewline = true;     // whether the file itself ended with a newline

    int lineCount() const { return int(lineStarts.size()); }
    // Line `line` (numbered from firstLine) without its newline; empty if out of range.
    std::string_view lineText(int line) const;
    std::string_view tokenText(const Token& t) const {
        return std::string_view(buffer).substr(t.begin, t.end - t.begin);
    }

    // A SyntaxError as CPython's parser raises it (_PyPegen_raise_error_known_
    // location): `col` and `endCol` are 1-based byte offsets (0 or less means
    // "none"), converted to characters when the file declares an encoding;
    // the text is the file's line as CPython re-reads it (only the last 999
    // bytes of a longer line). The compiler's errors keep byte columns
    // (`convertColumns` false).
    SyntaxError parserError(std::string type, std::string message, int line, int col, int endLine,
                            int endCol, bool convertColumns = true) const;
};

struct LexOptions {
    std::string filename;      // used in the "Non-UTF-8 code" message
    bool fileInput = true;     // false: a string (no BOM, coding, NUL or UTF-8 checks)
    int firstLine = 1;         // number given to the first line
    int firstLineColShift = 0; // added to columns of tokens on the first line
};

// Tokenizes `source`. Never fails: errors are recorded in the result.
TokenStream tokenize(std::string_view source, const LexOptions& options);

// Count of Unicode characters in a UTF-8 byte range (invalid bytes count one each).
int utf8CharCount(std::string_view bytes);

// Identifier characters, as str.isidentifier() decides them (Unicode 14.0).
bool isXidStart(char32_t c);
bool isXidContinue(char32_t c);
// str.isprintable() for one character.
bool isPrintable(char32_t c);

}  // namespace ascope::lang
