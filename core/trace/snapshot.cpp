#include "trace/snapshot.h"

#include <algorithm>

namespace ascope::trace {

std::string_view taskStateName(TaskState s) {
    switch (s) {
    case TaskState::Ready: return "ready";
    case TaskState::Running: return "running";
    case TaskState::Waiting: return "waiting";
    case TaskState::Done: return "done";
    case TaskState::Failed: return "failed";
    case TaskState::Cancelled: return "cancelled";
    }
    return "?";
}

const TaskView* Snapshot::task(uint64_t id) const {
    auto it = std::lower_bound(tasks.begin(), tasks.end(), id, [](const TaskView& t, uint64_t v) { return t.id < v; });
    return it != tasks.end() && it->id == id ? &*it : nullptr;
}

std::string Snapshot::consoleText() const {
    std::string s;
    for (const ConsoleChunk& c : console) s += c.text;
    return s;
}

namespace {

TaskView* findTask(Snapshot& s, uint64_t id) { return const_cast<TaskView*>(std::as_const(s).task(id)); }

template <class V>
void eraseId(std::vector<V>& v, uint64_t id) {
    auto it = std::find_if(v.begin(), v.end(), [id](const V& x) { return x.id == id; });
    if (it != v.end()) v.erase(it);
}

template <class V>
V* findId(std::vector<V>& v, uint64_t id) {
    auto it = std::find_if(v.begin(), v.end(), [id](const V& x) { return x.id == id; });
    return it != v.end() ? &*it : nullptr;
}

// The stack a code event of `task` belongs to: the task's, or the main one.
std::vector<FrameView>& stackOf(Snapshot& s, uint64_t task) {
    if (TaskView* t = findTask(s, task)) return t->stack;
    return s.mainStack;
}

FrameView* findFrame(Snapshot& s, uint64_t task, uint64_t frame) {
    if (FrameView* f = findId(stackOf(s, task), frame)) return f;
    if (FrameView* f = findId(s.mainStack, frame)) return f;
    for (TaskView& t : s.tasks)
        if (FrameView* f = findId(t.stack, frame)) return f;
    return nullptr;
}

void stopWaiting(Snapshot& s, TaskView& t) {
    if (TaskView* awaited = findTask(s, t.awaiting)) {
        auto& by = awaited->awaitedBy;
        by.erase(std::remove(by.begin(), by.end(), t.id), by.end());
    }
    t.awaiting = 0;
    t.awaitingLabel.clear();
}

void finishTask(Snapshot& s, TaskView& t, TaskState state) {
    t.state = state;
    t.cancelRequested = false;
    t.stack.clear();
    if (s.runningTask == t.id) s.runningTask = 0;
}

}  // namespace

void apply(Snapshot& s, const Event& e) {
    ++s.applied;
    s.clock = e.time;
    switch (e.kind) {
    case EventKind::LoopIterationBegin:
        s.iteration = uint64_t(e.value);
        s.phase = LoopPhase::Selecting;
        break;
    case EventKind::LoopIterationEnd:
        s.phase = LoopPhase::Idle;
        s.runningHandle = 0;
        break;
    case EventKind::SelectWait: s.phase = LoopPhase::Selecting; break;
    case EventKind::ClockJump: s.clock = e.value; break;
    case EventKind::HandleScheduled: {
        s.ready.push_back(HandleView{e.handle, e.label, e.task, false});
        TaskView* t = findTask(s, e.task);
        if (t && (t->state == TaskState::Waiting || t->state == TaskState::Ready)) t->state = TaskState::Ready;
        break;
    }
    case EventKind::HandleRun:
        eraseId(s.ready, e.handle);
        s.phase = LoopPhase::Running;
        s.runningHandle = e.handle;
        break;
    case EventKind::HandleSkipped: eraseId(s.ready, e.handle); break;
    case EventKind::HandleCancelled:
        if (HandleView* h = findId(s.ready, e.handle)) h->cancelled = true;
        break;
    case EventKind::TimerAdded: {
        TimerView t{e.timer, e.value, e.label, e.task, false};
        auto at = std::upper_bound(s.timers.begin(), s.timers.end(), t, [](const TimerView& a, const TimerView& b) {
            return a.when < b.when || (a.when == b.when && a.id < b.id);
        });
        s.timers.insert(at, std::move(t));
        break;
    }
    case EventKind::TimerFired:
        if (TimerView* t = findId(s.timers, e.timer)) {
            s.ready.push_back(HandleView{t->id, t->label, t->task, t->cancelled});
            eraseId(s.timers, e.timer);
        }
        break;
    case EventKind::TimerCancelled:
        if (TimerView* t = findId(s.timers, e.timer)) t->cancelled = true;
        if (HandleView* h = findId(s.ready, e.timer)) h->cancelled = true;
        break;
    case EventKind::TimerRemoved: eraseId(s.timers, e.timer); break;
    case EventKind::TaskCreated: {
        TaskView t;
        t.id = e.task;
        t.name = e.label;
        t.coroutine = e.function;
        auto at = std::lower_bound(s.tasks.begin(), s.tasks.end(), e.task,
                                   [](const TaskView& a, uint64_t v) { return a.id < v; });
        if (at == s.tasks.end() || at->id != e.task) s.tasks.insert(at, std::move(t));
        break;
    }
    case EventKind::TaskStarted:
        if (TaskView* t = findTask(s, e.task)) {
            stopWaiting(s, *t);
            t->state = TaskState::Running;
            s.runningTask = e.task;
        }
        break;
    case EventKind::TaskSuspended:
        if (TaskView* t = findTask(s, e.task)) {
            if (s.runningTask == e.task) s.runningTask = 0;
            if (e.future == 0) {
                t->state = TaskState::Ready;
                break;
            }
            t->state = TaskState::Waiting;
            t->awaiting = e.future;
            t->awaitingLabel = e.label;
            if (TaskView* awaited = findTask(s, e.future)) awaited->awaitedBy.push_back(e.task);
        }
        break;
    case EventKind::TaskResumed: break;
    case EventKind::TaskDone:
        if (TaskView* t = findTask(s, e.task)) {
            t->result = e.text;
            finishTask(s, *t, TaskState::Done);
        }
        break;
    case EventKind::TaskFailed:
        if (TaskView* t = findTask(s, e.task)) {
            t->exception = ExceptionView{e.excType, e.excMessage, e.task, 0, 0};
            finishTask(s, *t, TaskState::Failed);
        }
        break;
    case EventKind::TaskCancelled:
        if (TaskView* t = findTask(s, e.task)) finishTask(s, *t, TaskState::Cancelled);
        break;
    case EventKind::FutureCreated:
    case EventKind::FutureDone: break;
    case EventKind::FramePushed:
        stackOf(s, e.task).push_back(FrameView{e.frame, e.function, e.file, e.line, {}});
        break;
    case EventKind::FramePopped: {
        auto& stack = stackOf(s, e.task);
        if (findId(stack, e.frame)) eraseId(stack, e.frame);
        else eraseId(s.mainStack, e.frame);
        break;
    }
    case EventKind::LineExecuted:
        if (FrameView* f = findFrame(s, e.task, e.frame)) {
            f->line = e.line;
            f->locals = e.locals;
        }
        break;
    case EventKind::ExceptionRaised:
        s.inFlight = ExceptionView{e.excType, e.excMessage, e.task, e.frame, e.line};
        break;
    case EventKind::ExceptionPropagated:
        s.inFlight.frame = e.frame;
        if (!e.excType.empty()) {
            s.inFlight.type = e.excType;
            s.inFlight.message = e.excMessage;
        }
        break;
    case EventKind::ExceptionCaught: s.inFlight = ExceptionView{}; break;
    case EventKind::ExceptionStored: s.inFlight = ExceptionView{}; break;
    case EventKind::ExceptionReraised:
        s.inFlight = ExceptionView{e.excType, e.excMessage, e.task, 0, 0};
        break;
    case EventKind::CancelRequested:
        if (TaskView* t = findTask(s, e.task)) t->cancelRequested = true;
        break;
    case EventKind::CancelDelivered:
        if (TaskView* t = findTask(s, e.task)) t->cancelRequested = false;
        s.inFlight = ExceptionView{"CancelledError", e.excMessage, e.task, 0, 0};
        break;
    case EventKind::OutputWritten:
        if (!s.console.empty() && s.console.back().isStderr == e.isStderr) s.console.back().text += e.text;
        else s.console.push_back(ConsoleChunk{e.isStderr, e.text});
        break;
    }
}

Snapshot snapshotAt(const Trace& trace, size_t i) {
    Snapshot s;
    size_t end = std::min(trace.size(), i + 1);
    for (size_t k = 0; k < end; ++k) apply(s, trace[k]);
    return s;
}

TraceIndex::TraceIndex(const Trace& trace, size_t interval) : m_trace(trace), m_interval(std::max<size_t>(interval, 1)) {
    Snapshot s;
    for (size_t k = 0; k < trace.size(); ++k) {
        apply(s, trace[k]);
        if (k % m_interval == 0) m_keyframes.push_back(s);
    }
}

Snapshot TraceIndex::snapshotAt(size_t i) const {
    if (m_trace.empty()) return Snapshot{};
    size_t last = std::min(i, m_trace.size() - 1);
    size_t key = last / m_interval;
    Snapshot s = m_keyframes[key];
    for (size_t k = key * m_interval + 1; k <= last; ++k) apply(s, m_trace[k]);
    return s;
}

}  // namespace ascope::trace
