// Compile-time diagnostics: a SyntaxError exactly as CPython 3.11 raises it,
// and the text CPython writes to stderr when one stops a script.
//
// Why it is built this way: a scenario with a syntax error must print what
// `python3 FILE.py` prints, byte for byte, caret included. CPython computes the
// caret from the exception's attributes (offset, end_offset, text) with some
// quirks (offsets in bytes or in characters depending on who raised the
// error, one caret only for IndentationError, clipping to the line), so the
// error carries those attributes verbatim and formatting replays CPython's
// printing code (Python/pythonrun.c, print_exception and print_error_text).
#pragma once

#include <string>

namespace ascope::lang {

struct SyntaxError {
    // "SyntaxError", "IndentationError" or "TabError"; also "RecursionError"
    // and "MemoryError" for input nested too deeply to compile, which CPython
    // reports without a location.
    std::string type = "SyntaxError";
    std::string message;  // e.g. "expected ':'"; empty for MemoryError
    // CPython's lineno: 1-based; 0 when the error is not attached to a line
    // (then only "Type: message" is printed).
    int line = 0;
    // CPython's offset and end_offset, 1-based. Like CPython, errors found by
    // the tokenizer count characters, errors found by the parser or compiler
    // count UTF-8 bytes (unless the file declares its encoding). 0 or less:
    // no caret.
    int offset = 0;
    int endLine = 0, endOffset = 0;  // CPython's end_lineno / end_offset (0 if none)
    // The offending source line (without newline), as CPython has it: for a
    // parser error the file's line (its last 999 bytes when longer), for a
    // tokenizer error the tokenizer's line, for an f-string expression the
    // parenthesized expression CPython re-parsed.
    std::string text;
    bool hasText = false;        // CPython's text is not None even though `text` is empty
    bool textHasNewline = true;  // CPython's text ends with "\n" (it shifts caret clipping)
};

// A compile-time warning (CPython's SyntaxWarning: "invalid decimal literal"
// for `1if`, "\"is\" with a literal", "assertion is always true"...). CPython
// prints each one to stderr when it meets it, before running the program or
// reporting its syntax error.
struct SyntaxWarning {
    std::string message;
    int line = 0;
    std::string text;  // the source line, stripped of surrounding whitespace
};

// The exact text CPython 3.11 writes to stderr for a warning, e.g.
//   w.py:1: SyntaxWarning: "is" with a literal. Did you mean "=="?\n  x = 1 is 1\n
std::string formatSyntaxWarning(const SyntaxWarning& w, const std::string& filename);

// The exact text CPython 3.11 writes to stderr when this error stops the main
// script, e.g.
//   File "903_syntax_error.py", line 10\n    if total == 6\n                 ^\nSyntaxError: expected ':'\n
// `filename` is shown as given.
std::string formatSyntaxError(const SyntaxError& e, const std::string& filename);

}  // namespace ascope::lang
