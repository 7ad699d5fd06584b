// Text and JSON forms of a trace.
//
// Why it is built this way: a trace is compared byte for byte (same scenario
// → same text, the determinism rule of DESIGN §1) and read by people, so the
// text form has one line per event, fields in a fixed order, only the fields
// that differ from their defaults, numbers in their shortest round-trip form
// and strings quoted with JSON escapes. The JSON form carries the same
// fields under the same names for other tools.
#pragma once

#include "trace/trace.h"

#include <string>

namespace ascope::trace {

// One event as a text line, without the newline:
//   `12 t=0.5 handle_run handle=3 task=2 label="Task-2.__step"`
std::string formatEvent(const Event& e);

// Every event, one line each, each ending in "\n" (empty trace: "").
std::string toText(const Trace& trace);

// A JSON array of objects, one event per line; `seq`, `time` and `kind`
// are always present, other fields only when not at their defaults.
std::string toJson(const Trace& trace);

}  // namespace ascope::trace
