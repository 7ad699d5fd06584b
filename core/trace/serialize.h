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

#include <functional>
#include <string>
#include <string_view>

namespace ascope::trace {

// One event as a text line, without the newline:
//   `12 t=0.5 handle_run handle=3 task=2 label="Task-2.__step"`
std::string formatEvent(const Event& e);

// Every event, one line each, each ending in "\n" (empty trace: "").
std::string toText(const Trace& trace);

// A JSON array of objects, one event per line; `seq`, `time` and `kind`
// are always present, other fields only when not at their defaults.
std::string toJson(const Trace& trace);

// The same texts handed over piece by piece (a few tens of kilobytes at a
// time, cut between events), so that printing a trace of millions of events
// never holds its whole text.
using TextSink = std::function<void(std::string_view)>;
void writeText(const Trace& trace, const TextSink& sink);
void writeJson(const Trace& trace, const TextSink& sink);

}  // namespace ascope::trace
