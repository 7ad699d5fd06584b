// Running a scenario file headless: the one entry point the app, the command
// line and the tests use to execute Python source.
//
// Why it is shaped this way: the interpreter is deterministic and runs a file
// once, completely; everything a caller needs afterwards (the text written to
// stdout and stderr in write order, the exit status) comes back in one value.
// Output is also streamed through `RunOptions::onOutput` so that the command
// line can write it as it happens, unbuffered, like CPython does.
#pragma once

#include "trace/trace.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ascope {

enum class Stream { Stdout, Stderr };

struct OutputChunk {
    Stream stream = Stream::Stdout;
    std::string text;
};

struct RunOptions {
    // Statements executed before the run is stopped as runaway (0: no limit).
    // The default stops an endless loop within about ten seconds.
    int64_t maxSteps = 400'000'000;
    // Bytes that containers, strings and integers may hold at once before a
    // MemoryError is raised (0: no limit).
    int64_t memoryLimit = int64_t(2) << 30;
    // Called for every piece of text the program writes, in write order.
    std::function<void(Stream, std::string_view)> onOutput;
    // When set, every event of the run is appended to it (null: no recording).
    trace::Trace* trace = nullptr;
    // With `trace`: events recorded before the run is stopped as too long to
    // animate (0: no limit). The window sets it; `asyncscope run` does not.
    size_t maxEvents = 0;
};

// Where and why a run stopped on an error, for an editor to mark the line.
struct RunError {
    bool syntax = false;   // the source did not compile (nothing ran)
    int line = 0;          // 1-based line in the scenario (innermost traceback entry); 0: unknown
    std::string summary;   // the last line of the report: "ValueError: boom", "SyntaxError: expected ':'"
};

struct RunResult {
    int exitCode = 0;  // 0 success, 1 uncaught exception, n for SystemExit(n), 3 deadlock, 4 step budget exhausted
    std::optional<RunError> error;     // set when the run ended on a syntax error or an uncaught exception
    std::vector<OutputChunk> output;   // stdout and stderr, in the order they were written
    std::string stdoutText() const;    // the stdout chunks, concatenated
    std::string stderrText() const;    // the stderr chunks, concatenated
};

// Runs `source` as the __main__ module; `filename` is what tracebacks show.
RunResult runSource(const std::string& filename, std::string_view source, const RunOptions& options = {});

// Reads `path` and runs it; a file that cannot be read is reported on stderr
// the way CPython reports it ("can't open file ...") with exit status 2.
RunResult runFile(const std::string& path, const RunOptions& options = {});

// Runs `path` with recording on and returns its trace as text, one line per
// event (`json`: as a JSON array), for `asyncscope trace FILE.py [--json]`.
// The program's own output is not echoed; it is in the trace. An error
// reported before the program starts (unreadable file, syntax error) becomes
// the trace's only events.
std::string traceFile(const std::string& path, bool json);
// The same text handed to `sink` piece by piece as it is written.
void traceFile(const std::string& path, bool json, const std::function<void(std::string_view)>& sink);

}  // namespace ascope
