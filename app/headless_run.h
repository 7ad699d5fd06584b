// `asyncscope run FILE.py`: the conformance interface.
//
// Why it is built this way: it must print exactly what `python3 FILE.py`
// prints, so the output goes out as the interpreter writes it, chunk by chunk,
// to the real stdout and stderr with a flush after each chunk: when both
// streams go to one file (2>&1) their interleaving is the write order. It
// uses nothing from Qt's GUI, so it works with no display.
#pragma once

#include "command_line.h"

namespace ascope {

// Runs `command.file` and returns the exit status to give the process.
int runHeadless(const CommandLine &command);

} // namespace ascope
