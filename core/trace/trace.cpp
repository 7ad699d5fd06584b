#include "trace/trace.h"

#include <array>

namespace ascope::trace {

namespace {

constexpr std::array<std::string_view, kEventKindCount> kKindNames = {
    "loop_iteration_begin", "loop_iteration_end", "select_wait",     "clock_jump",
    "handle_scheduled",     "handle_run",         "handle_skipped",  "handle_cancelled",
    "timer_added",          "timer_fired",        "timer_cancelled", "timer_removed",
    "task_created",         "task_started",       "task_suspended",  "task_resumed",
    "task_done",            "task_failed",        "task_cancelled",  "future_created",
    "future_done",          "frame_pushed",       "frame_popped",    "line_executed",
    "exception_raised",     "exception_propagated", "exception_caught", "exception_stored",
    "exception_reraised",   "cancel_requested",   "cancel_delivered", "output_written",
};

// Code events (and output) belong to the task running when they happen.
bool isCodeEvent(EventKind k) {
    switch (k) {
    case EventKind::FramePushed:
    case EventKind::FramePopped:
    case EventKind::LineExecuted:
    case EventKind::ExceptionRaised:
    case EventKind::ExceptionPropagated:
    case EventKind::ExceptionCaught:
    case EventKind::OutputWritten:
        return true;
    default:
        return false;
    }
}

}  // namespace

std::string_view kindName(EventKind kind) { return kKindNames[size_t(kind)]; }

bool kindFromName(std::string_view name, EventKind& kind) {
    for (size_t i = 0; i < kKindNames.size(); ++i) {
        if (kKindNames[i] == name) {
            kind = EventKind(i);
            return true;
        }
    }
    return false;
}

TraceRecorder::TraceRecorder(Trace& trace, std::function<double()> clock)
    : m_trace(trace), m_clock(std::move(clock)) {}

void TraceRecorder::record(Event event) {
    event.seq = m_trace.size();
    event.time = m_clock ? m_clock() : 0.0;
    if (isCodeEvent(event.kind) && event.task == 0) event.task = m_runningTask;
    switch (event.kind) {
    case EventKind::TaskStarted: m_runningTask = event.task; break;
    case EventKind::TaskSuspended:
    case EventKind::TaskDone:
    case EventKind::TaskFailed:
    case EventKind::TaskCancelled:
        if (m_runningTask == event.task) m_runningTask = 0;
        break;
    default: break;
    }
    m_trace.append(std::move(event));
}

}  // namespace ascope::trace
