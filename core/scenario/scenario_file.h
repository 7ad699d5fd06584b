// What a scenario file says about itself: titles, video, narration cues.
//
// Why it is built this way: a scenario is a plain .py file that CPython runs
// unchanged (DESIGN §5), so everything the course needs beyond the code lives
// in comments: a leading block of `# key[lang]: value` lines (title, video)
// and narration cues, `# cue[fr]: ...` / `# cue[en]: ...` comment lines that
// attach to the next statement and show when that statement first runs. The
// parse is textual and total (a malformed line is ignored, never an error),
// so a half-typed comment in the editor never breaks a run. Finding *when* a
// cue shows needs the trace: `cueStops` maps each cue to the first event
// that executes its line.
#pragma once

#include "trace/trace.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ascope::scenario {

struct Cue {
    int commentLine = 0;                       // 1-based line of the cue's first comment line
    int line = 0;                              // the statement it attaches to (0: none follows)
    std::map<std::string, std::string> text;   // language code ("fr", "en") -> text

    // The text in `language`, else in the other language, else "".
    std::string in(std::string_view language) const;
    bool operator==(const Cue&) const = default;
};

struct ScenarioMeta {
    std::map<std::string, std::string> titles;  // language code -> title (leading block only)
    std::string video;                          // "V2", "" when absent
    std::vector<Cue> cues;                      // in file order

    std::string title(std::string_view language) const;  // same fallback as Cue::in
};

// Reads the leading metadata block (the lines before the first line that is
// neither blank nor a comment; a key given twice keeps its first value) and
// every cue in the file. Consecutive cue comment lines form one cue, one text
// per language; a cue is attached to the next line that is neither blank nor
// a comment. Cue comments inside strings are not recognised as such only if
// they do not start their line after indentation (good enough for scenarios).
ScenarioMeta parseScenarioMeta(std::string_view source);

// When a cue shows: the position (event index) of the first LineExecuted
// event at the cue's line in a frame of `file` (frames are known by their
// FramePushed event).
struct CueStop {
    size_t event = 0;  // index in the trace
    size_t cue = 0;    // index in the cue list
    bool operator==(const CueStop&) const = default;
};
// Cue stops in trace order (cues whose line never runs are left out). An empty
// `file` matches every file.
std::vector<CueStop> cueStops(const trace::Trace& trace, const std::vector<Cue>& cues, std::string_view file = {});

// The cue showing at `position`: the last stop at or before it; -1: none yet.
long currentCue(const std::vector<CueStop>& stops, size_t position);

}  // namespace ascope::scenario
