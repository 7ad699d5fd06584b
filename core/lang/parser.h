// The parser: tokens to the AST of ast.h, and every syntax error CPython 3.11
// would report, with its exact message and location.
//
// Why it is built this way: CPython's error messages are not a property of
// the language but of its parser. CPython parses with a PEG grammar
// (Grammar/python.gram) in two passes: a plain pass and, when it fails, a
// second pass in which the `invalid_*` rules produce the specialised
// messages ("expected ':'", "Perhaps you forgot a comma?"); a generic
// "invalid syntax" points at the furthest token the first pass looked at,
// and a tokenizer error anywhere later in the file may take precedence.
// Reproducing the messages therefore means reproducing that machinery, so
// this is a hand-written port of the grammar, rule by rule and alternative by
// alternative (same order, same lookaheads, same memoized rules, same
// left-recursive rules grown iteratively), with the two passes, the
// "furthest token" bookkeeping and CPython's recursion limit (a MemoryError
// past 6000 nested rules, counted like pegen counts them). F-string
// replacement fields are parsed by a nested parser on the parenthesized
// expression, as CPython 3.11 does.
//
// After a successful parse, the checks CPython makes later in compilation
// run in CPython's order: the AST optimizer's depth limit (RecursionError
// past 3000 nested nodes), then the symbol table's errors ("duplicate
// argument", `global`/`nonlocal` misuse, assignment expressions in
// comprehensions), then the compiler's ("'return' outside function",
// "'break' outside loop", "'await' outside async function", starred targets,
// ...), with the SyntaxWarnings the tokenizer and the compiler issue on the
// way. Name resolution itself is left to the runtime.
//
// Not supported: `match` statements (reported as a SyntaxError), `\N{...}`
// escapes (reported as a SyntaxError), NFKC normalization of non-ASCII
// identifiers.
#pragma once

#include "lang/ast.h"
#include "lang/diagnostic.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ascope::lang {

// Parses a whole module from the bytes of a script file. On failure returns
// nullptr and fills *error (when error is not null). Never throws, never
// crashes, never recurses without bound: input nested too deeply gives
// CPython's error ("too many nested parentheses", MemoryError,
// RecursionError) instead of a stack overflow. The deepest input it accepts
// needs about 2 MB of stack (3 MB is plenty; threads get 8 MB by default).
// The module's `lines` hold the source lines without their newlines.
std::unique_ptr<Module> parseModule(std::string_view source, const std::string& filename,
                                    SyntaxError* error);

// The same, also returning the SyntaxWarnings CPython prints while compiling
// the file, in its order (they come before the program's output or its
// syntax error; print them with formatSyntaxWarning).
std::unique_ptr<Module> parseModule(std::string_view source, const std::string& filename,
                                    SyntaxError* error, std::vector<SyntaxWarning>* warnings);

}  // namespace ascope::lang
