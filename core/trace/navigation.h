// Where the player stops: positions in a trace by granularity, and the lanes
// of the timeline.
//
// Why it is built this way: stepping and the timeline are views of the trace
// like the stage, so they are pure functions of it, computed once per run and
// shared by the window, the exporter and the tests. A position is an event
// index: the state shown at position i is `snapshotAt(i)`, the state after
// events 0..i. Stops are kept as sorted index lists, so stepping is a binary
// search whatever the trace's length, and "back" is exactly the inverse of
// "forward": from a stop, forward then back returns to it.
#pragma once

#include "trace/snapshot.h"
#include "trace/trace.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ascope::trace {

enum class Granularity : uint8_t {
    Event,      // every event
    Line,       // a statement starts (LineExecuted)
    Iteration,  // a loop iteration begins (LoopIterationBegin)
    Cue,        // a narration cue shows (positions given by the scenario's cues)
};

class StopIndex {
public:
    StopIndex() = default;
    // Indexes `trace`; `cueStops` are the event positions where cues show
    // (sorted, from scenario::cueStops).
    StopIndex(const Trace& trace, std::vector<size_t> cueStops);

    size_t size() const { return m_size; }  // events in the trace
    // The first stop after `position`; the last event when there is none
    // (or `position` itself on an empty trace).
    size_t next(size_t position, Granularity g) const;
    // The last stop before `position`; 0 when there is none.
    size_t previous(size_t position, Granularity g) const;
    bool isStop(size_t position, Granularity g) const;
    const std::vector<size_t>& stops(Granularity g) const;  // Event: empty (every position is one)

private:
    size_t m_size = 0;
    std::vector<size_t> m_lines, m_iterations, m_cues;
};

// ---- the timeline: one lane per task, plus the loop's
enum class LaneState : uint8_t { Ready, Running, Waiting, Selecting, Idle };
std::string_view laneStateName(LaneState s);

// A lane is in `state` at positions begin..end-1: the same rule as the
// snapshots (the state after event i), so the timeline under the playhead
// always agrees with the stage.
struct Segment {
    size_t begin = 0;   // first position of the segment
    size_t end = 0;     // one past its last position
    LaneState state = LaneState::Ready;
    bool operator==(const Segment&) const = default;
};

struct Lane {
    uint64_t task = 0;           // 0: the loop's lane
    std::string name;            // "Task-2", "loop"
    size_t created = 0;          // event index where the lane starts
    size_t ended = SIZE_MAX;     // the event that finished the task; SIZE_MAX: never
    TaskState outcome = TaskState::Ready;  // Done / Failed / Cancelled once ended
    std::vector<Segment> segments;         // in order, not overlapping
    bool operator==(const Lane&) const = default;
};

struct Timeline {
    Lane loop;                   // Running (a handle runs) / Selecting / Idle; nothing before the first iteration
    std::vector<Lane> tasks;     // by creation order
    std::vector<double> clock;   // loop time at each event (for axis labels)
};

Timeline buildTimeline(const Trace& trace);

// The state of `lane` at `position`; false when the lane has no segment there
// (before the task exists, after it ended).
bool laneStateAt(const Lane& lane, size_t position, LaneState& state);

}  // namespace ascope::trace
