// Pacing: how long each event takes on screen, and which (event, progress)
// shows at a given moment of playback.
//
// Why it is built this way: the window's player and the video exporter must
// show the same motion, so neither counts frames on its own. Both map a
// playback time (milliseconds at speed 1) to a position through this one
// schedule: event i occupies [start(i), start(i) + duration(i)); an event
// with no visible change gets duration 0 and is folded into the next one.
// The durations come from the theme (a line step is quick, a handle moving to
// the CPU slower, a clock jump slowest), so pacing is tuned in one place.
#pragma once

#include "trace/trace.h"

#include <functional>
#include <vector>

namespace ascope {

struct PlaybackPoint
{
    size_t position = 0;    // the event being shown (the state after it, at progress 1)
    double progress = 1.0;  // 0..1 through the event's transition (linear; the renderer eases)
    bool operator==(const PlaybackPoint &) const = default;
};

class Pacing
{
public:
    using Duration = std::function<double(const trace::Event &)>;  // milliseconds at speed 1

    Pacing() = default;
    Pacing(const trace::Trace &trace, const Duration &duration);

    size_t size() const { return m_start.empty() ? 0 : m_start.size() - 1; }
    double start(size_t position) const;     // when event `position` begins
    double duration(size_t position) const;  // how long it lasts (0: instantaneous)
    double total() const { return m_start.empty() ? 0.0 : m_start.back(); }

    // What shows at playback time `ms` (clamped to [0, total]). At an event's
    // start its transition begins (progress 0); zero-length events are passed
    // over, so the point is always on an event that lasts, except at the very
    // end (the last event, progress 1).
    PlaybackPoint at(double ms) const;

private:
    std::vector<double> m_start;  // size() + 1 entries; m_start[i + 1] - m_start[i] = duration(i)
};

} // namespace ascope
