// Pieces of CPython 3.11's exception printer (traceback.cpp) that other
// printers reuse, so that Task.print_stack() and the unraisable hook write
// frames and exception lines exactly as sys.excepthook does.
#pragma once

#include "runtime/interp.h"

namespace ascope::rt {

// One frame as traceback.format_list writes a frame summary without
// columns: `  File "f.py", line 3, in name` and the stripped source line.
std::string formatFrameSummary(const CodeInfo* code, int line);

// The name an exception's type is printed under: its __qualname__, prefixed
// by its __module__ unless that is builtins or __main__.
std::string exceptionTypeName(const Value& exc);

// "Type: message" as traceback.format_exception_only writes it, without the
// newline or a "Did you mean" suggestion; a failing str() is reported in
// place of the message.
std::string formatExceptionOnly(Interp& in, const Value& exc);

}  // namespace ascope::rt
