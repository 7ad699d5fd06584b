#include "trace/navigation.h"

#include <algorithm>
#include <unordered_map>

namespace ascope::trace {

StopIndex::StopIndex(const Trace& trace, std::vector<size_t> cueStops) : m_size(trace.size()), m_cues(std::move(cueStops)) {
    std::sort(m_cues.begin(), m_cues.end());
    m_cues.erase(std::unique(m_cues.begin(), m_cues.end()), m_cues.end());
    for (size_t i = 0; i < trace.size(); ++i) {
        EventKind k = trace[i].kind;
        if (k == EventKind::LineExecuted) m_lines.push_back(i);
        else if (k == EventKind::LoopIterationBegin) m_iterations.push_back(i);
    }
}

const std::vector<size_t>& StopIndex::stops(Granularity g) const {
    static const std::vector<size_t> none;
    switch (g) {
    case Granularity::Line: return m_lines;
    case Granularity::Iteration: return m_iterations;
    case Granularity::Cue: return m_cues;
    case Granularity::Event: break;
    }
    return none;
}

size_t StopIndex::next(size_t position, Granularity g) const {
    if (m_size == 0) return position;
    size_t last = m_size - 1;
    if (g == Granularity::Event) return std::min(position + 1, last);
    const auto& v = stops(g);
    auto it = std::upper_bound(v.begin(), v.end(), position);
    return it == v.end() ? last : std::min(*it, last);
}

size_t StopIndex::previous(size_t position, Granularity g) const {
    if (position == 0) return 0;
    if (m_size > 0) position = std::min(position, m_size);  // past the end: as from one past the last
    if (g == Granularity::Event) return position - 1;
    const auto& v = stops(g);
    auto it = std::lower_bound(v.begin(), v.end(), position);
    return it == v.begin() ? 0 : *std::prev(it);
}

bool StopIndex::isStop(size_t position, Granularity g) const {
    if (g == Granularity::Event) return position < m_size;
    const auto& v = stops(g);
    return std::binary_search(v.begin(), v.end(), position);
}

std::string_view laneStateName(LaneState s) {
    switch (s) {
    case LaneState::Ready: return "ready";
    case LaneState::Running: return "running";
    case LaneState::Waiting: return "waiting";
    case LaneState::Selecting: return "selecting";
    case LaneState::Idle: return "idle";
    }
    return "?";
}

namespace {

// Moves `lane` into `state` from event `at` on (a no-op when already there).
void enter(Lane& lane, LaneState state, size_t at) {
    if (!lane.segments.empty()) {
        Segment& last = lane.segments.back();
        if (last.end == SIZE_MAX) {
            if (last.state == state) return;
            last.end = at;
            if (last.end == last.begin) lane.segments.pop_back();
        }
    }
    // An empty segment dropped: continue the one before when it has this state.
    if (!lane.segments.empty() && lane.segments.back().end == at && lane.segments.back().state == state) {
        lane.segments.back().end = SIZE_MAX;
        return;
    }
    lane.segments.push_back(Segment{at, SIZE_MAX, state});
}

void close(Lane& lane, size_t at) {
    if (!lane.segments.empty() && lane.segments.back().end == SIZE_MAX) {
        lane.segments.back().end = at;
        if (lane.segments.back().begin == at) lane.segments.pop_back();
    }
}

}  // namespace

Timeline buildTimeline(const Trace& trace) {
    Timeline tl;
    tl.loop.name = "loop";
    tl.clock.reserve(trace.size());
    std::unordered_map<uint64_t, size_t> lane;  // task id -> index in tl.tasks
    auto find = [&](uint64_t task) -> Lane* {
        auto it = lane.find(task);
        return it == lane.end() ? nullptr : &tl.tasks[it->second];
    };
    auto finish = [&](Lane* l, size_t i, TaskState outcome) {
        if (!l || l->ended != SIZE_MAX) return;
        close(*l, i);
        l->ended = i;
        l->outcome = outcome;
    };
    for (size_t i = 0; i < trace.size(); ++i) {
        const Event& e = trace[i];
        tl.clock.push_back(e.kind == EventKind::ClockJump ? e.value : e.time);
        switch (e.kind) {
        case EventKind::LoopIterationBegin:
        case EventKind::SelectWait: enter(tl.loop, LaneState::Selecting, i); break;
        case EventKind::HandleRun: enter(tl.loop, LaneState::Running, i); break;
        case EventKind::LoopIterationEnd: enter(tl.loop, LaneState::Idle, i); break;
        case EventKind::TaskCreated:
            if (!find(e.task)) {
                lane.emplace(e.task, tl.tasks.size());
                Lane l;
                l.task = e.task;
                l.name = e.label;
                l.created = i;
                enter(l, LaneState::Ready, i);
                tl.tasks.push_back(std::move(l));
            }
            break;
        case EventKind::HandleScheduled:
            // As the snapshot: a wake-up makes a waiting task ready; a running
            // task that schedules its own next step stays running until it yields.
            if (Lane* l = find(e.task); l && l->ended == SIZE_MAX && !l->segments.empty() &&
                                        l->segments.back().state != LaneState::Running)
                enter(*l, LaneState::Ready, i);
            break;
        case EventKind::TaskStarted:
            if (Lane* l = find(e.task); l && l->ended == SIZE_MAX) enter(*l, LaneState::Running, i);
            break;
        case EventKind::TaskSuspended:
            if (Lane* l = find(e.task); l && l->ended == SIZE_MAX)
                enter(*l, e.future == 0 ? LaneState::Ready : LaneState::Waiting, i);
            break;
        case EventKind::TaskDone: finish(find(e.task), i, TaskState::Done); break;
        case EventKind::TaskFailed: finish(find(e.task), i, TaskState::Failed); break;
        case EventKind::TaskCancelled: finish(find(e.task), i, TaskState::Cancelled); break;
        default: break;
        }
    }
    size_t n = trace.size();
    close(tl.loop, n);
    for (Lane& l : tl.tasks) close(l, n);
    return tl;
}

bool laneStateAt(const Lane& lane, size_t position, LaneState& state) {
    auto it = std::upper_bound(lane.segments.begin(), lane.segments.end(), position,
                               [](size_t p, const Segment& s) { return p < s.begin; });
    if (it == lane.segments.begin()) return false;
    --it;
    if (position >= it->end) return false;
    state = it->state;
    return true;
}

}  // namespace ascope::trace
