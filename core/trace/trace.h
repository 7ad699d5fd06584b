// The trace: the append-only record of one run.
//
// Why it is built this way: the runtime must be able to report events
// without knowing who listens or paying anything when nobody does, so it
// talks to the abstract `Recorder` through a nullable pointer
// (`Interp::recorder`). `TraceRecorder` is the one implementation: it numbers
// the events, stamps them with the virtual clock (read through a callback, so
// that code which does not know the clock, like the evaluator, can still
// record) and attributes code events to the task whose step is running. A
// `Trace` itself is plain data, copyable and comparable, and never changes
// once the run is over.
#pragma once

#include "trace/event.h"

#include <functional>
#include <vector>

namespace ascope::trace {

class Trace {
public:
    // Appends `event` as is (its seq, time and task are kept).
    void append(Event event) { m_events.push_back(std::move(event)); }

    size_t size() const { return m_events.size(); }
    bool empty() const { return m_events.empty(); }
    const Event& operator[](size_t i) const { return m_events[i]; }
    const std::vector<Event>& events() const { return m_events; }

    bool operator==(const Trace&) const = default;

private:
    std::vector<Event> m_events;
};

// What the runtime calls. Every method is cheap to skip: callers test the
// pointer first.
class Recorder {
public:
    virtual ~Recorder() = default;
    // Records one event; `seq` and `time` are filled in by the recorder, and
    // `task` too for frame, line, exception and output events left at 0.
    virtual void record(Event event) = 0;
};

class TraceRecorder final : public Recorder {
public:
    // Appends to `trace`; `clock` returns the current loop time (null: 0.0).
    explicit TraceRecorder(Trace& trace, std::function<double()> clock = {});

    void record(Event event) override;

    // The task whose step is running, as learnt from the events (0: none).
    uint64_t runningTask() const { return m_runningTask; }

private:
    Trace& m_trace;
    std::function<double()> m_clock;
    uint64_t m_runningTask = 0;
};

}  // namespace ascope::trace
