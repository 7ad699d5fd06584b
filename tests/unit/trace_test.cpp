// The trace module: the fold, keyframe seeking and serialisation.
#include "scenario/runner.h"
#include "trace/serialize.h"
#include "trace/snapshot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>

using namespace ascope::trace;

namespace {

Event make(EventKind kind) {
    Event e;
    e.kind = kind;
    return e;
}

// Records a small but complete story: two tasks, a timer, a sleep(0),
// output, a failure and a cancellation, in the order the loop produces it.
Trace storyTrace() {
    Trace trace;
    double clock = 0.0;
    TraceRecorder rec(trace, [&clock] { return clock; });
    auto ev = [&](EventKind k, auto&& fill) {
        Event e = make(k);
        fill(e);
        rec.record(std::move(e));
    };
    auto none = [](Event&) {};
    ev(EventKind::FramePushed, [](Event& e) { e.frame = 1; e.function = "<module>"; e.file = "s.py"; e.line = 1; });
    ev(EventKind::TaskCreated, [](Event& e) { e.task = 1; e.label = "Task-1"; e.function = "main"; });
    ev(EventKind::HandleScheduled, [](Event& e) { e.handle = 1; e.task = 1; e.label = "Task-1.__step"; });
    ev(EventKind::LoopIterationBegin, [](Event& e) { e.value = 1; });
    ev(EventKind::SelectWait, none);
    ev(EventKind::HandleRun, [](Event& e) { e.handle = 1; e.task = 1; e.label = "Task-1.__step"; });
    ev(EventKind::TaskStarted, [](Event& e) { e.task = 1; });
    ev(EventKind::FramePushed, [](Event& e) { e.frame = 2; e.function = "main"; e.file = "s.py"; e.line = 3; });
    ev(EventKind::LineExecuted, [](Event& e) { e.frame = 2; e.line = 4; e.locals = {{"x", "1"}}; });
    ev(EventKind::TaskCreated, [](Event& e) { e.task = 2; e.label = "Task-2"; e.function = "child"; });
    ev(EventKind::HandleScheduled, [](Event& e) { e.handle = 2; e.task = 2; e.label = "Task-2.__step"; });
    ev(EventKind::TaskSuspended, [](Event& e) { e.task = 1; e.future = 2; e.label = "Task-2"; });
    ev(EventKind::LoopIterationEnd, [](Event& e) { e.value = 1; });
    ev(EventKind::LoopIterationBegin, [](Event& e) { e.value = 2; });
    ev(EventKind::HandleRun, [](Event& e) { e.handle = 2; e.task = 2; e.label = "Task-2.__step"; });
    ev(EventKind::TaskStarted, [](Event& e) { e.task = 2; });
    ev(EventKind::OutputWritten, [](Event& e) { e.text = "hello\n"; });
    ev(EventKind::TimerAdded, [](Event& e) { e.timer = e.handle = 3; e.value = 1.5; e.label = "print_later(3)"; });
    ev(EventKind::TimerAdded, [](Event& e) { e.timer = e.handle = 4; e.value = 0.5; e.label = "Future.set_result"; e.task = 2; });
    ev(EventKind::FutureCreated, [](Event& e) { e.future = 5; e.label = "Future"; });
    ev(EventKind::TaskSuspended, [](Event& e) { e.task = 2; e.future = 5; e.label = "Future"; });
    ev(EventKind::LoopIterationEnd, [](Event& e) { e.value = 2; });
    ev(EventKind::LoopIterationBegin, [](Event& e) { e.value = 3; });
    ev(EventKind::SelectWait, [](Event& e) { e.value = 0.5; });
    ev(EventKind::ClockJump, [](Event& e) { e.value = 0.5; });
    clock = 0.5;
    ev(EventKind::TimerFired, [](Event& e) { e.timer = e.handle = 4; });
    ev(EventKind::CancelRequested, [](Event& e) { e.task = 2; });
    ev(EventKind::HandleRun, [](Event& e) { e.handle = 4; e.label = "Future.set_result"; });
    ev(EventKind::CancelDelivered, [](Event& e) { e.task = 2; });
    ev(EventKind::TaskStarted, [](Event& e) { e.task = 2; });
    ev(EventKind::OutputWritten, [](Event& e) { e.text = "oops\n"; e.isStderr = true; });
    ev(EventKind::TaskCancelled, [](Event& e) { e.task = 2; });
    ev(EventKind::HandleScheduled, [](Event& e) { e.handle = 6; e.task = 1; e.label = "Task-1.__wakeup"; });
    ev(EventKind::LoopIterationEnd, [](Event& e) { e.value = 3; });
    return trace;
}

// A long pseudo-random but consistent trace: tasks, handles and timers come
// and go, frames push and pop, output accumulates.
Trace generatedTrace(size_t count) {
    Trace trace;
    double clock = 0.0;
    TraceRecorder rec(trace, [&clock] { return clock; });
    uint64_t seed = 12345;
    auto rnd = [&seed](uint64_t n) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return (seed >> 33) % n;
    };
    uint64_t nextId = 0, nextFrame = 0;
    std::vector<uint64_t> tasks, handles, timers, frames;
    while (trace.size() < count) {
        Event e;
        switch (rnd(10)) {
        case 0:
            e.kind = EventKind::TaskCreated;
            e.task = ++nextId;
            e.label = "Task-" + std::to_string(e.task);
            tasks.push_back(e.task);
            break;
        case 1:
            e.kind = EventKind::HandleScheduled;
            e.handle = ++nextId;
            e.task = tasks.empty() ? 0 : tasks[rnd(tasks.size())];
            e.label = "cb(" + std::to_string(e.handle) + ")";
            handles.push_back(e.handle);
            break;
        case 2:
            if (handles.empty()) continue;
            e.kind = EventKind::HandleRun;
            e.handle = handles.front();
            handles.erase(handles.begin());
            break;
        case 3:
            e.kind = EventKind::TimerAdded;
            e.timer = e.handle = ++nextId;
            e.value = clock + double(rnd(8)) / 4;
            timers.push_back(e.timer);
            break;
        case 4:
            if (timers.empty()) continue;
            e.kind = rnd(2) ? EventKind::TimerFired : EventKind::TimerCancelled;
            e.timer = e.handle = timers[rnd(timers.size())];
            break;
        case 5:
            if (tasks.empty()) continue;
            e.kind = EventKind(int(EventKind::TaskStarted) + rnd(6));
            e.task = tasks[rnd(tasks.size())];
            e.future = rnd(3) ? tasks[rnd(tasks.size())] : 0;
            break;
        case 6:
            e.kind = EventKind::FramePushed;
            e.frame = ++nextFrame;
            e.function = "f" + std::to_string(rnd(5));
            e.line = int(rnd(40)) + 1;
            frames.push_back(e.frame);
            break;
        case 7:
            if (frames.empty()) continue;
            e.kind = rnd(3) ? EventKind::LineExecuted : EventKind::FramePopped;
            e.frame = frames.back();
            e.line = int(rnd(40)) + 1;
            e.locals = {{"i", std::to_string(rnd(100))}};
            if (e.kind == EventKind::FramePopped) frames.pop_back();
            break;
        case 8:
            e.kind = EventKind::ClockJump;
            e.value = clock + 0.25;
            break;
        default:
            e.kind = EventKind::OutputWritten;
            e.text = "line " + std::to_string(trace.size()) + "\n";
            e.isStderr = rnd(4) == 0;
            break;
        }
        bool jump = e.kind == EventKind::ClockJump;
        double to = e.value;
        rec.record(std::move(e));
        if (jump) clock = to;
    }
    return trace;
}

}  // namespace

TEST(TraceRecorder, numbers_events_and_stamps_the_clock) {
    Trace t = storyTrace();
    for (size_t i = 0; i < t.size(); ++i) EXPECT_EQ(t[i].seq, i);
    EXPECT_EQ(t[t.size() - 1].time, 0.5);
    EXPECT_EQ(t[24].kind, EventKind::ClockJump);
    EXPECT_EQ(t[24].time, 0.0);
}

TEST(TraceRecorder, attributes_code_events_to_the_running_task) {
    Trace t = storyTrace();
    EXPECT_EQ(t[0].task, 0u);  // module frame: no task
    EXPECT_EQ(t[7].task, 1u);  // main()'s frame, pushed during Task-1's step
    EXPECT_EQ(t[8].task, 1u);
}

TEST(Snapshot, initial_state_is_empty) {
    Snapshot s;
    EXPECT_EQ(s.phase, LoopPhase::Idle);
    EXPECT_TRUE(s.tasks.empty());
    EXPECT_EQ(snapshotAt(Trace{}, 0), s);
}

TEST(Snapshot, ready_queue_keeps_schedule_order_until_run) {
    Trace t = storyTrace();
    Snapshot s = snapshotAt(t, 10);
    ASSERT_EQ(s.ready.size(), 1u);
    EXPECT_EQ(s.ready[0].label, "Task-2.__step");
    EXPECT_EQ(s.task(2)->state, TaskState::Ready);
    EXPECT_EQ(s.task(1)->state, TaskState::Running);
}

TEST(Snapshot, task_waiting_on_task_is_listed_as_its_awaiter) {
    Snapshot s = snapshotAt(storyTrace(), 11);
    EXPECT_EQ(s.task(1)->state, TaskState::Waiting);
    EXPECT_EQ(s.task(1)->awaiting, 2u);
    EXPECT_EQ(s.task(2)->awaitedBy, std::vector<uint64_t>{1});
    EXPECT_EQ(s.runningTask, 0u);
}

TEST(Snapshot, timers_are_in_deadline_order) {
    Snapshot s = snapshotAt(storyTrace(), 19);
    ASSERT_EQ(s.timers.size(), 2u);
    EXPECT_EQ(s.timers[0].when, 0.5);
    EXPECT_EQ(s.timers[1].label, "print_later(3)");
}

TEST(Snapshot, clock_jumps_and_due_timer_moves_to_ready_queue) {
    Snapshot s = snapshotAt(storyTrace(), 25);
    EXPECT_EQ(s.clock, 0.5);
    ASSERT_EQ(s.timers.size(), 1u);
    ASSERT_EQ(s.ready.size(), 1u);
    EXPECT_EQ(s.ready[0].id, 4u);
    EXPECT_EQ(s.phase, LoopPhase::Selecting);
    EXPECT_EQ(s.iteration, 3u);
}

TEST(Snapshot, frames_carry_current_line_and_locals) {
    Snapshot s = snapshotAt(storyTrace(), 8);
    ASSERT_EQ(s.mainStack.size(), 1u);
    const TaskView* main = s.task(1);
    ASSERT_EQ(main->stack.size(), 1u);
    EXPECT_EQ(main->stack[0].line, 4);
    EXPECT_EQ(main->stack[0].locals[0].second, "1");
}

TEST(Snapshot, cancellation_is_requested_then_delivered_then_final) {
    Trace t = storyTrace();
    EXPECT_TRUE(snapshotAt(t, 26).task(2)->cancelRequested);
    Snapshot delivered = snapshotAt(t, 28);
    EXPECT_FALSE(delivered.task(2)->cancelRequested);
    EXPECT_EQ(delivered.inFlight.type, "CancelledError");
    Snapshot end = snapshotAt(t, t.size());
    EXPECT_EQ(end.task(2)->state, TaskState::Cancelled);
    EXPECT_EQ(end.task(1)->state, TaskState::Ready);
    EXPECT_TRUE(end.task(2)->awaitedBy.size() == 1);
}

TEST(Snapshot, console_merges_writes_per_stream_in_order) {
    Snapshot s = snapshotAt(storyTrace(), 1000);
    ASSERT_EQ(s.console.size(), 2u);
    EXPECT_FALSE(s.console[0].isStderr);
    EXPECT_TRUE(s.console[1].isStderr);
    EXPECT_EQ(s.consoleText(), "hello\noops\n");
}

TEST(TraceIndex, seeking_equals_folding_from_the_start_at_every_position) {
    Trace t = generatedTrace(1500);
    for (size_t interval : {1u, 7u, 64u, 256u}) {
        TraceIndex index(t, interval);
        Snapshot folded;
        for (size_t i = 0; i < t.size(); ++i) {
            apply(folded, t[i]);
            ASSERT_EQ(index.snapshotAt(i), folded) << "interval " << interval << " position " << i;
        }
        EXPECT_EQ(index.snapshotAt(t.size() + 10), folded);
    }
}

TEST(TraceIndex, seeking_backward_matches_seeking_forward) {
    Trace t = generatedTrace(800);
    TraceIndex index(t, 50);
    for (size_t i = t.size(); i-- > 0;) ASSERT_EQ(index.snapshotAt(i), snapshotAt(t, i)) << i;
}

TEST(TraceIndex, empty_trace_gives_the_initial_state) {
    Trace t;
    TraceIndex index(t, 16);
    EXPECT_EQ(index.snapshotAt(0), Snapshot{});
    EXPECT_EQ(index.keyframeCount(), 0u);
}

TEST(TraceStorage, every_field_survives_encoding) {
    Trace t;
    Event a = make(EventKind::TimerAdded);
    a.seq = 0;
    a.time = 1.25;
    a.task = 7;
    a.handle = 1ull << 40;
    a.future = 3;
    a.timer = 1ull << 40;
    a.frame = 99;
    a.function = "f";
    a.file = "s.py";
    a.line = 123456;
    a.label = "print_later(3)";
    a.text = std::string("with\0nul and é", 14);
    a.excType = "ValueError";
    a.excMessage = "bad";
    a.value = -2.5;
    a.isStderr = true;
    a.object = 1ull << 33;
    a.locals = {{"x", "1"}, {"y", ""}};
    Event b = make(EventKind::LineExecuted);
    b.seq = 41;  // not its index: kept
    b.time = 1.25;
    b.value = 3.0;
    Event c = make(EventKind::ClockJump);
    c.seq = 2;
    c.time = -0.0;
    c.value = 1e300;
    for (const Event& e : {a, b, c}) t.append(e);
    ASSERT_EQ(t.size(), 3u);
    EXPECT_EQ(t[0], a);
    EXPECT_EQ(t[1], b);
    EXPECT_EQ(t[2], c);
    EXPECT_TRUE(std::signbit(t[2].time));
    EXPECT_EQ(t.kind(1), EventKind::LineExecuted);
}

TEST(TraceStorage, labels_with_numbers_survive_encoding) {
    Trace t;
    std::vector<std::string> labels = {"Task-12.__step", "<Future #345>", "print_later(0.5)", "f(007, 1e-05)",
                                       std::string("x\x01y3"), "a1b2c3d4e5f6g7", "n99999999999999999999",
                                       "18446744073709551615", "0", "Task-12.__step", "über 42 €"};
    for (const std::string& l : labels) {
        Event e = make(EventKind::HandleScheduled);
        e.seq = t.size();
        e.label = l;
        t.append(e);
    }
    for (size_t i = 0; i < labels.size(); ++i) EXPECT_EQ(t[i].label, labels[i]);
    // One template serves every task's step.
    Trace many;
    for (int i = 0; i < 1000; ++i) {
        Event e = make(EventKind::HandleScheduled);
        e.seq = many.size();
        e.label = "Task-" + std::to_string(i) + ".__step";
        many.append(e);
    }
    EXPECT_LT(many.strings().size(), 3u);
    EXPECT_EQ(many[777].label, "Task-777.__step");
}

TEST(TraceStorage, a_label_given_as_template_and_number_is_stored_as_its_text) {
    struct Case {
        std::string_view labelTemplate;
        uint64_t number;
        std::string text;
    };
    for (const Case& c : {Case{"Task-\x01.__step", 12, "Task-12.__step"}, Case{"<Future #\x01>", 0, "<Future #0>"},
                          Case{"Future", 0, "Future"},
                          Case{"Task-\x01.__wakeup", 999999999999999999ull, "Task-999999999999999999.__wakeup"}}) {
        Trace asText, asTemplate;
        EventView text;
        text.kind = EventKind::HandleScheduled;
        text.label = c.text;
        asText.append(text);
        EventView templated;
        templated.kind = EventKind::HandleScheduled;
        templated.labelTemplate = c.labelTemplate;
        templated.labelNumber = c.number;
        asTemplate.append(templated);
        EXPECT_EQ(asTemplate[0].label, c.text);
        EXPECT_TRUE(asTemplate == asText);
        EXPECT_EQ(asTemplate.byteSize(), asText.byteSize());
        EXPECT_EQ(asTemplate.strings().size(), asText.strings().size());
    }
}

TEST(TraceStorage, random_and_sequential_access_agree) {
    Trace t = generatedTrace(3000);
    std::vector<Event> seq(t.begin(), t.end());
    ASSERT_EQ(seq.size(), t.size());
    // Backward, forward, and jumping around: each decodes the same event.
    for (size_t i = t.size(); i-- > 0;) ASSERT_EQ(t[i], seq[i]) << i;
    for (size_t i = 0; i < t.size(); ++i) ASSERT_EQ(t.at(i), seq[i]) << i;
    for (size_t i = 0; i < t.size(); i += 97) ASSERT_EQ(*t.from(i), seq[i]) << i;
    // A copy is equal and decodes on its own.
    Trace copy = t;
    EXPECT_EQ(copy, t);
    EXPECT_EQ(copy[1234], seq[1234]);
    Trace moved = std::move(copy);
    EXPECT_EQ(moved[2999], seq[2999]);
    EXPECT_TRUE(copy.empty());
}

TEST(TraceStorage, events_take_a_few_bytes_each) {
    Trace t = generatedTrace(200000);
    // This synthetic trace is mostly unique labels and output text; real
    // traces are smaller still (see bench/).
    EXPECT_LT(t.byteSize(), t.size() * sizeof(Event) / 8) << "bytes per event: " << double(t.byteSize()) / double(t.size());
}

TEST(TraceRecorder, stores_only_what_changed_in_a_frames_locals) {
    Trace t;
    TraceRecorder rec(t);
    auto line = [&](uint64_t frame, std::vector<LocalView> locals) {
        EventView e;
        e.kind = EventKind::LineExecuted;
        e.frame = frame;
        e.line = 1;
        e.locals = locals.data();
        e.localCount = locals.size();
        rec.record(e);
    };
    using L = std::vector<std::pair<std::string, std::string>>;
    line(1, {{"a", ""}, {"b", "2"}});
    line(1, {{"a", ""}, {"b", "2"}});
    line(1, {{"a", "1"}, {"b", "2"}});   // `a` bound before `b`: `b` moves after it
    line(1, {{"a", "1"}, {"b", "3"}});
    line(1, {{"a", ""}, {"b", "3"}});    // `del a`
    line(2, {{"x", "0"}});
    EXPECT_EQ(t[0].locals, (L{{"b", "2"}}));
    EXPECT_EQ(t[1].locals, L{});
    EXPECT_EQ(t[2].locals, (L{{"b", ""}, {"a", "1"}, {"b", "2"}}));
    EXPECT_EQ(t[3].locals, (L{{"b", "3"}}));
    EXPECT_EQ(t[4].locals, (L{{"a", ""}}));
    EXPECT_EQ(t[5].locals, (L{{"x", "0"}}));
    // The fold rebuilds each full list in slot order.
    Trace withFrames;
    Event push = make(EventKind::FramePushed);
    push.frame = 1;
    withFrames.append(push);
    for (size_t i = 0; i < 5; ++i) withFrames.append(t[i]);
    Snapshot s = snapshotAt(withFrames, 3);
    EXPECT_EQ(s.mainStack[0].locals, (L{{"a", "1"}, {"b", "2"}}));
    s = snapshotAt(withFrames, 5);
    EXPECT_EQ(s.mainStack[0].locals, (L{{"b", "3"}}));
    // A popped frame starts again from nothing.
    Event pop = make(EventKind::FramePopped);
    pop.frame = 1;
    rec.record(pop);
    line(1, {{"b", "3"}});
    EXPECT_EQ(t[t.size() - 1].locals, (L{{"b", "3"}}));
}

TEST(TraceIndex, keyframes_stay_within_the_memory_budget) {
    // A state that grows big (thousands of tasks with stacks and locals).
    Trace t;
    TraceRecorder rec(t);
    for (uint64_t id = 1; id <= 3000; ++id) {
        Event c = make(EventKind::TaskCreated);
        c.task = id;
        c.label = "Task-" + std::to_string(id) + " with a long enough name";
        rec.record(c);
        Event p = make(EventKind::FramePushed);
        p.task = id;
        p.frame = id;
        p.function = "worker_function_name";
        rec.record(p);
        Event l = make(EventKind::LineExecuted);
        l.task = id;
        l.frame = id;
        l.line = 3;
        l.locals = {{"a_local", std::string(40, 'x')}, {"another", std::to_string(id)}};
        rec.record(l);
    }
    for (int i = 0; i < 20000; ++i) {
        Event l = make(EventKind::LineExecuted);
        l.task = 1 + uint64_t(i) % 3000;
        l.frame = l.task;
        l.line = 4 + i % 3;
        l.locals = {{"a_local", std::string(40, 'x')}, {"another", std::to_string(i)}};
        rec.record(l);
    }
    size_t budget = size_t(4) << 20;
    TraceIndex index(t, 16, budget);
    EXPECT_LE(index.keyframeBytes(), budget);
    EXPECT_GT(index.keyframeCount(), 2u);
    // Far fewer keyframes than a fixed interval of 16 would take.
    EXPECT_LT(index.keyframeCount(), t.size() / 16 / 4);
    // And still exact everywhere, in any order.
    Snapshot folded;
    std::vector<size_t> probes;
    for (size_t i = 0; i < t.size(); i += 1999) probes.push_back(i);
    for (size_t k = 0; k < index.keyframeCount(); ++k) probes.push_back(index.keyframePosition(k));
    std::sort(probes.begin(), probes.end());
    size_t applied = 0;
    for (size_t p : probes) {
        for (; applied <= p; ++applied) apply(folded, t[applied]);
        ASSERT_EQ(index.snapshotAt(p), folded) << p;
    }
    for (size_t j = probes.size(); j-- > 0;) ASSERT_EQ(index.snapshotAt(probes[j]), snapshotAt(t, probes[j]));
}

TEST(Serialize, text_has_one_line_per_event_with_fixed_field_order) {
    Trace t = storyTrace();
    std::string text = toText(t);
    EXPECT_EQ(size_t(std::count(text.begin(), text.end(), '\n')), t.size());
    EXPECT_EQ(formatEvent(t[5]), "5 t=0 handle_run task=1 handle=1 label=\"Task-1.__step\"");
    EXPECT_EQ(formatEvent(t[16]), "16 t=0 output_written task=2 text=\"hello\\n\"");
}

TEST(Serialize, same_trace_gives_identical_text_and_json) {
    EXPECT_EQ(toText(generatedTrace(500)), toText(generatedTrace(500)));
    EXPECT_EQ(toJson(generatedTrace(500)), toJson(generatedTrace(500)));
    EXPECT_EQ(toJson(Trace{}), "[]\n");
}

TEST(Serialize, kind_names_round_trip) {
    for (int k = 0; k < kEventKindCount; ++k) {
        EventKind back;
        ASSERT_TRUE(kindFromName(kindName(EventKind(k)), back));
        EXPECT_EQ(int(back), k);
    }
}

TEST(TraceFile, same_file_traced_twice_gives_identical_text) {
    std::string path = testing::TempDir() + "trace_twice.py";
    std::ofstream(path) << "import asyncio\n"
                           "async def child(d):\n"
                           "    await asyncio.sleep(d)\n"
                           "    print('woke', d)\n"
                           "async def main():\n"
                           "    t = asyncio.create_task(child(0.5))\n"
                           "    await asyncio.sleep(0)\n"
                           "    await t\n"
                           "asyncio.run(main())\n";
    std::string first = ascope::traceFile(path, false);
    EXPECT_EQ(first, ascope::traceFile(path, false));
    EXPECT_EQ(ascope::traceFile(path, true), ascope::traceFile(path, true));
    EXPECT_NE(first.find("task_created task=2 future=2 function=\"child\" label=\"Task-2\""), std::string::npos);
    EXPECT_NE(first.find("clock_jump value=0.5"), std::string::npos);
    EXPECT_NE(first.find("output_written task=2 text=\"woke 0.5\\n\""), std::string::npos);
    std::remove(path.c_str());
}

// ---------------------------------------------------------------------------
// Real runs: what the evaluator records, and what the fold makes of it.

namespace {

struct RecordedTrace {
    Trace trace;
    std::string output;
};

RecordedTrace runTraced(const std::string& source) {
    RecordedTrace r;
    ascope::RunOptions options;
    options.trace = &r.trace;
    ascope::RunResult result = ascope::runSource("scenario.py", source, options);
    r.output = result.stdoutText() + result.stderrText();
    return r;
}

// The first position at or after `from` whose event satisfies `p` (trace.size() if none).
template <class P>
size_t find(const Trace& t, P p, size_t from = 0) {
    size_t i = from;
    for (auto it = t.from(from); i < t.size(); ++it, ++i)
        if (p(*it)) return i;
    return t.size();
}

std::vector<std::string> stackFunctions(const std::vector<FrameView>& stack) {
    std::vector<std::string> r;
    for (const FrameView& f : stack) r.push_back(f.function + ":" + std::to_string(f.line));
    return r;
}

std::string local(const FrameView& f, const std::string& name) {
    for (const auto& [n, v] : f.locals)
        if (n == name) return v;
    return "<unbound>";
}

}  // namespace

TEST(RecordedRun, suspended_task_keeps_its_await_chain_with_lines_and_locals) {
    RecordedTrace r = runTraced("import asyncio\n"                        // 1
                      "async def inner(n):\n"                   // 2
                      "    label = 'inner'\n"                   // 3
                      "    await asyncio.sleep(n)\n"            // 4
                      "async def child():\n"                    // 5
                      "    x = [1, 2, 3]\n"                     // 6
                      "    await inner(2)\n"                    // 7
                      "async def main():\n"                     // 8
                      "    t = asyncio.create_task(child())\n"  // 9
                      "    await t\n"                           // 10
                      "asyncio.run(main())\n");                 // 11
    size_t suspended = find(r.trace, [](const Event& e) { return e.kind == EventKind::TaskSuspended && e.task == 2; });
    ASSERT_LT(suspended, r.trace.size());
    Snapshot s = snapshotAt(r.trace, suspended);
    const TaskView* child = s.task(2);
    ASSERT_NE(child, nullptr);
    EXPECT_EQ(child->state, TaskState::Waiting);
    EXPECT_EQ(stackFunctions(child->stack), (std::vector<std::string>{"child:7", "inner:4"}));
    EXPECT_EQ(local(child->stack[0], "x"), "[1, 2, 3]");
    EXPECT_EQ(local(child->stack[1], "n"), "2");
    EXPECT_EQ(local(child->stack[1], "label"), "'inner'");
    EXPECT_EQ(child->stack[0].file, "scenario.py");
    // Task-1 waits on Task-2 in main(), and the module waits in asyncio.run.
    EXPECT_EQ(stackFunctions(s.task(1)->stack), (std::vector<std::string>{"main:10"}));
    EXPECT_EQ(local(s.task(1)->stack[0], "t"), "<Task Task-2>");
    EXPECT_EQ(stackFunctions(s.mainStack), (std::vector<std::string>{"<module>:11"}));
    EXPECT_TRUE(s.mainStack[0].locals.empty());
    // Frames survive the suspension: still there when the clock jumps.
    size_t jump = find(r.trace, [](const Event& e) { return e.kind == EventKind::ClockJump; }, suspended);
    ASSERT_LT(jump, r.trace.size());
    EXPECT_EQ(snapshotAt(r.trace, jump).task(2)->stack.size(), 2u);
    // Everything unwinds by the end.
    Snapshot end = snapshotAt(r.trace, r.trace.size());
    EXPECT_TRUE(end.task(2)->stack.empty());
    EXPECT_TRUE(end.mainStack.empty());
}

TEST(RecordedRun, captured_and_inherited_variables_show_their_values) {
    RecordedTrace r = runTraced("def outer():\n"              // 1
                                "    a = 1\n"                 // 2
                                "    def middle():\n"         // 3
                                "        b = 2\n"             // 4
                                "        def inner():\n"      // 5
                                "            return a + b\n"  // 6
                                "        return inner()\n"    // 7
                                "    return middle()\n"       // 8
                                "print(outer())\n");          // 9
    EXPECT_EQ(r.output, "3\n");
    auto atLine = [&](int line) {
        size_t i = find(r.trace, [line](const Event& e) { return e.kind == EventKind::LineExecuted && e.line == line; });
        EXPECT_LT(i, r.trace.size());
        return snapshotAt(r.trace, i + 1);
    };
    // middle() at `return inner()`: its own cell b, the inherited a.
    Snapshot s = atLine(7);
    ASSERT_GE(s.mainStack.size(), 3u);
    EXPECT_EQ(stackFunctions(s.mainStack)[2], "outer.<locals>.middle:7");
    EXPECT_EQ(local(s.mainStack[1], "a"), "1");
    EXPECT_EQ(local(s.mainStack[2], "b"), "2");
    EXPECT_EQ(local(s.mainStack[2], "a"), "1");
    // inner() sees both through its free cells.
    s = atLine(6);
    EXPECT_EQ(local(s.mainStack.back(), "a"), "1");
    EXPECT_EQ(local(s.mainStack.back(), "b"), "2");
}

TEST(RecordedRun, exception_travels_frame_by_frame_through_a_finally) {
    RecordedTrace r = runTraced("import asyncio\n"                   // 1
                      "def a():\n"                         // 2
                      "    raise ValueError('boom')\n"     // 3
                      "def b():\n"                         // 4
                      "    try:\n"                         // 5
                      "        a()\n"                      // 6
                      "    finally:\n"                     // 7
                      "        cleanup = True\n"           // 8
                      "async def child():\n"               // 9
                      "    try:\n"                         // 10
                      "        b()\n"                      // 11
                      "    except ValueError as e:\n"      // 12
                      "        print('caught', e)\n"       // 13
                      "asyncio.run(child())\n");           // 14
    EXPECT_EQ(r.output, "caught boom\n");
    size_t raised = find(r.trace, [](const Event& e) { return e.kind == EventKind::ExceptionRaised; });
    ASSERT_LT(raised, r.trace.size());
    Event ev = r.trace[raised];
    EXPECT_EQ(ev.excType, "ValueError");
    EXPECT_EQ(ev.excMessage, "boom");
    EXPECT_EQ(ev.line, 3);
    Snapshot s = snapshotAt(r.trace, raised);
    const TaskView* task = s.task(1);
    ASSERT_EQ(stackFunctions(task->stack), (std::vector<std::string>{"child:11", "b:6", "a:3"}));
    EXPECT_EQ(s.inFlight.frame, task->stack[2].id);
    EXPECT_EQ(s.inFlight.line, 3);
    EXPECT_EQ(s.inFlight.task, 1u);
    // It leaves a(): a is popped and the exception is in b().
    size_t leftA = find(r.trace, [](const Event& e) { return e.kind == EventKind::ExceptionPropagated; }, raised);
    ASSERT_LT(leftA + 1, r.trace.size());
    EXPECT_EQ(r.trace[leftA].frame, task->stack[2].id);
    EXPECT_EQ(r.trace.kind(leftA + 1), EventKind::FramePopped);
    Snapshot inB = snapshotAt(r.trace, leftA + 1);
    EXPECT_EQ(stackFunctions(inB.task(1)->stack), (std::vector<std::string>{"child:11", "b:6"}));
    EXPECT_EQ(inB.inFlight.frame, task->stack[1].id);
    // b's finally runs with the exception still in flight.
    size_t finallyLine = find(r.trace, [](const Event& e) { return e.kind == EventKind::LineExecuted && e.line == 8; }, leftA);
    ASSERT_LT(finallyLine, r.trace.size());
    Snapshot inFinally = snapshotAt(r.trace, finallyLine);
    EXPECT_EQ(inFinally.inFlight.type, "ValueError");
    EXPECT_EQ(inFinally.inFlight.frame, task->stack[1].id);
    // Then it leaves b() and child() catches it at line 12.
    size_t caught = find(r.trace, [](const Event& e) { return e.kind == EventKind::ExceptionCaught; }, finallyLine);
    ASSERT_LT(caught, r.trace.size());
    EXPECT_EQ(r.trace[caught].line, 12);
    EXPECT_EQ(r.trace[caught].frame, task->stack[0].id);
    Snapshot after = snapshotAt(r.trace, caught);
    EXPECT_TRUE(after.inFlight.type.empty());
    EXPECT_EQ(stackFunctions(after.task(1)->stack), (std::vector<std::string>{"child:11"}));
    // Exactly one raise, two frames left, one catch: no spurious events.
    size_t raises = 0, leaves = 0, catches = 0;
    for (const Event& e : r.trace) {
        raises += e.kind == EventKind::ExceptionRaised;
        leaves += e.kind == EventKind::ExceptionPropagated;
        catches += e.kind == EventKind::ExceptionCaught;
    }
    EXPECT_EQ(raises, 1u);
    EXPECT_EQ(leaves, 2u);
    EXPECT_EQ(catches, 1u);
}

TEST(RecordedRun, exception_lands_in_task_then_in_its_awaiter) {
    RecordedTrace r = runTraced("import asyncio\n"                  // 1
                      "async def child():\n"              // 2
                      "    await asyncio.sleep(1)\n"      // 3
                      "    raise KeyError('k')\n"         // 4
                      "async def main():\n"               // 5
                      "    t = asyncio.create_task(child())\n"  // 6
                      "    try:\n"                        // 7
                      "        await t\n"                 // 8
                      "    except KeyError:\n"            // 9
                      "        pass\n"                    // 10
                      "asyncio.run(main())\n");           // 11
    size_t failed = find(r.trace, [](const Event& e) { return e.kind == EventKind::TaskFailed; });
    ASSERT_LT(failed, r.trace.size());
    Snapshot s = snapshotAt(r.trace, failed);
    EXPECT_EQ(s.task(2)->state, TaskState::Failed);
    EXPECT_EQ(s.task(2)->exception.type, "KeyError");
    EXPECT_EQ(s.task(2)->exception.message, "'k'");
    size_t reraised = find(r.trace, [](const Event& e) { return e.kind == EventKind::ExceptionReraised; }, failed);
    ASSERT_LT(reraised, r.trace.size());
    EXPECT_EQ(r.trace[reraised].task, 1u);
    EXPECT_EQ(r.trace[reraised].future, 2u);
    // Thrown into main() at its await, line 8, then caught at line 9.
    size_t raised = find(r.trace, [](const Event& e) { return e.kind == EventKind::ExceptionRaised && e.task == 1; }, reraised);
    ASSERT_LT(raised, r.trace.size());
    EXPECT_EQ(r.trace[raised].line, 8);
    size_t caught = find(r.trace, [](const Event& e) { return e.kind == EventKind::ExceptionCaught; }, raised);
    ASSERT_LT(caught, r.trace.size());
    EXPECT_EQ(r.trace[caught].line, 9);
}

TEST(RecordedRun, cancellation_is_delivered_at_the_suspended_await) {
    RecordedTrace r = runTraced("import asyncio\n"                       // 1
                      "async def sleeper():\n"                 // 2
                      "    try:\n"                             // 3
                      "        await asyncio.sleep(10)\n"      // 4
                      "    finally:\n"                         // 5
                      "        print('cleanup')\n"             // 6
                      "async def main():\n"                    // 7
                      "    t = asyncio.create_task(sleeper())\n"  // 8
                      "    await asyncio.sleep(0)\n"           // 9
                      "    t.cancel()\n"                       // 10
                      "    try:\n"                             // 11
                      "        await t\n"                      // 12
                      "    except asyncio.CancelledError:\n"   // 13
                      "        print('cancelled')\n"           // 14
                      "asyncio.run(main())\n");                // 15
    EXPECT_EQ(r.output, "cleanup\ncancelled\n");
    size_t requested = find(r.trace, [](const Event& e) { return e.kind == EventKind::CancelRequested; });
    ASSERT_LT(requested, r.trace.size());
    EXPECT_EQ(r.trace[requested].task, 2u);
    EXPECT_EQ(r.trace[requested].line, 4);
    EXPECT_TRUE(snapshotAt(r.trace, requested).task(2)->cancelRequested);
    size_t delivered = find(r.trace, [](const Event& e) { return e.kind == EventKind::CancelDelivered; }, requested);
    ASSERT_LT(delivered, r.trace.size());
    Event d = r.trace[delivered];
    EXPECT_EQ(d.task, 2u);
    EXPECT_EQ(d.line, 4);
    Snapshot s = snapshotAt(r.trace, delivered);
    EXPECT_FALSE(s.task(2)->cancelRequested);
    EXPECT_EQ(s.inFlight.type, "CancelledError");
    EXPECT_EQ(s.inFlight.task, 2u);
    ASSERT_EQ(s.task(2)->stack.size(), 1u);
    EXPECT_EQ(s.inFlight.frame, s.task(2)->stack[0].id);
    EXPECT_EQ(s.inFlight.line, 4);
    // The finally runs with it in flight; the task ends cancelled; main()
    // gets a CancelledError it did not ask for: a re-raise, not a delivery.
    size_t cleanup = find(r.trace, [](const Event& e) { return e.kind == EventKind::LineExecuted && e.line == 6; }, delivered);
    ASSERT_LT(cleanup, r.trace.size());
    EXPECT_EQ(snapshotAt(r.trace, cleanup).inFlight.type, "CancelledError");
    size_t deliveries = 0;
    for (const Event& e : r.trace) deliveries += e.kind == EventKind::CancelDelivered;
    EXPECT_EQ(deliveries, 1u);
    size_t reraised = find(r.trace, [](const Event& e) { return e.kind == EventKind::ExceptionReraised; }, delivered);
    ASSERT_LT(reraised, r.trace.size());
    EXPECT_EQ(r.trace[reraised].task, 1u);
    EXPECT_EQ(r.trace[reraised].excType, "CancelledError");
    EXPECT_EQ(snapshotAt(r.trace, r.trace.size()).task(2)->state, TaskState::Cancelled);
}

TEST(RecordedRun, generator_frames_leave_the_stack_when_they_yield) {
    RecordedTrace r = runTraced("def gen():\n"           // 1
                      "    yield 1\n"          // 2
                      "    yield 2\n"          // 3
                      "def main():\n"          // 4
                      "    for v in gen():\n"  // 5
                      "        w = v\n"        // 6
                      "main()\n");             // 7
    // Whenever main's body line 6 runs, gen() is not on the stack.
    for (size_t i = 0; i < r.trace.size(); ++i) {
        if (r.trace.kind(i) != EventKind::LineExecuted || r.trace[i].line != 6) continue;
        Snapshot s = snapshotAt(r.trace, i);
        EXPECT_EQ(stackFunctions(s.mainStack), (std::vector<std::string>{"<module>:7", "main:6"})) << i;
    }
    // And while it runs, it is on top of main, back at the line it yielded from.
    size_t second = find(r.trace, [](const Event& e) { return e.kind == EventKind::LineExecuted && e.line == 3; });
    ASSERT_LT(second, r.trace.size());
    EXPECT_EQ(stackFunctions(snapshotAt(r.trace, second).mainStack),
              (std::vector<std::string>{"<module>:7", "main:5", "gen:3"}));
}

TEST(RecordedRun, recording_runs_no_user_code) {
    RecordedTrace r = runTraced("class Loud:\n"
                      "    def __repr__(self):\n"
                      "        print('repr called')\n"
                      "        return 'Loud'\n"
                      "    def __eq__(self, other):\n"
                      "        print('eq called')\n"
                      "        return True\n"
                      "    __hash__ = None\n"
                      "class Odd(Exception):\n"
                      "    def __str__(self):\n"
                      "        print('str called')\n"
                      "        return 'odd'\n"
                      "def f():\n"
                      "    x = Loud()\n"
                      "    items = [Loud(), 'a' * 200, {1: (2,)}]\n"
                      "    try:\n"
                      "        raise Odd(1)\n"
                      "    except Odd:\n"
                      "        pass\n"
                      "f()\n");
    EXPECT_EQ(r.output, "");
    size_t line = find(r.trace, [](const Event& e) { return e.kind == EventKind::LineExecuted && e.line == 16; });
    ASSERT_LT(line, r.trace.size());
    Snapshot s = snapshotAt(r.trace, line);
    const FrameView& f = s.mainStack.back();
    EXPECT_EQ(local(f, "x"), "<Loud object>");
    std::string items = local(f, "items");
    EXPECT_EQ(items.rfind("[<Loud object>, 'aaaa", 0), 0u) << items;
    EXPECT_LE(items.size(), 84u);
    EXPECT_EQ(items.substr(items.size() - 3), "…");
    size_t raised = find(r.trace, [](const Event& e) { return e.kind == EventKind::ExceptionRaised; });
    ASSERT_LT(raised, r.trace.size());
    EXPECT_EQ(r.trace[raised].excType, "Odd");
    EXPECT_EQ(r.trace[raised].excMessage, "");
}

TEST(RecordedRun, time_sleep_jumps_the_clock) {
    RecordedTrace r = runTraced("import time\n"
                      "time.sleep(1.5)\n"
                      "print(time.monotonic())\n");
    EXPECT_EQ(r.output, "1.5\n");
    size_t jump = find(r.trace, [](const Event& e) { return e.kind == EventKind::ClockJump; });
    ASSERT_LT(jump, r.trace.size());
    EXPECT_EQ(r.trace[jump].value, 1.5);
    EXPECT_EQ(r.trace[jump].time, 0.0);
    EXPECT_EQ(snapshotAt(r.trace, jump).clock, 1.5);
}

namespace {

const char* kRichScenario =
    "import asyncio\n"
    "def squares(n):\n"
    "    for i in range(n):\n"
    "        yield i * i\n"
    "async def worker(name, q):\n"
    "    total = 0\n"
    "    while True:\n"
    "        item = await q.get()\n"
    "        if item is None:\n"
    "            break\n"
    "        total += sum(squares(item))\n"
    "        q.task_done()\n"
    "    if total > 50:\n"
    "        raise RuntimeError(name + ' overflow')\n"
    "    return total\n"
    "async def main():\n"
    "    q = asyncio.Queue()\n"
    "    tasks = [asyncio.create_task(worker(f'w{i}', q)) for i in range(3)]\n"
    "    for item in range(8):\n"
    "        await q.put(item)\n"
    "        await asyncio.sleep(0.1)\n"
    "    for _ in tasks:\n"
    "        await q.put(None)\n"
    "    results = await asyncio.gather(*tasks, return_exceptions=True)\n"
    "    print(results)\n"
    "    slow = asyncio.create_task(asyncio.sleep(5))\n"
    "    await asyncio.sleep(1)\n"
    "    slow.cancel()\n"
    "    try:\n"
    "        await slow\n"
    "    except asyncio.CancelledError:\n"
    "        print('slow cancelled')\n"
    "asyncio.run(main())\n";

}  // namespace

TEST(RecordedRun, seeking_backward_gives_the_state_folded_from_the_start) {
    RecordedTrace r = runTraced(kRichScenario);
    ASSERT_GT(r.trace.size(), 500u);
    for (size_t interval : {1u, 16u, 256u}) {
        TraceIndex index(r.trace, interval);
        // Backward over the whole trace, then a few jumps forward.
        Snapshot folded;
        std::vector<Snapshot> all;
        all.reserve(r.trace.size());
        for (const Event& e : r.trace) {
            apply(folded, e);
            all.push_back(folded);
        }
        for (size_t i = r.trace.size(); i-- > 0;) ASSERT_EQ(index.snapshotAt(i), all[i]) << "interval " << interval << " at " << i;
        for (size_t i = 0; i < r.trace.size(); i += 37) ASSERT_EQ(index.snapshotAt(i), all[i]) << i;
    }
}

TEST(RecordedRun, same_program_gives_byte_identical_traces) {
    RecordedTrace a = runTraced(kRichScenario);
    RecordedTrace b = runTraced(kRichScenario);
    // What python3 vloop.py prints for it.
    EXPECT_EQ(a.output, "[RuntimeError('w0 overflow'), 31, RuntimeError('w2 overflow')]\nslow cancelled\n");
    EXPECT_EQ(toText(a.trace), toText(b.trace));
    EXPECT_EQ(toJson(a.trace), toJson(b.trace));
    std::string text = toText(a.trace);
    EXPECT_NE(text.find("frame_pushed"), std::string::npos);
    EXPECT_NE(text.find("line_executed"), std::string::npos);
    EXPECT_NE(text.find("exception_raised"), std::string::npos);
    EXPECT_NE(text.find("cancel_delivered"), std::string::npos);
}

TEST(RecordedRun, every_frame_event_names_a_frame_on_its_tasks_stack) {
    const char* programs[] = {
        kRichScenario,
        // A pending task collected after its loop closed: its coroutine is
        // closed then, outside any task, and its finally runs in its frame.
        "import asyncio\n"
        "async def worker():\n"
        "    try:\n"
        "        await asyncio.sleep(10)\n"
        "    finally:\n"
        "        print('finally')\n"
        "loop = asyncio.new_event_loop()\n"
        "t = loop.create_task(worker())\n"
        "loop.call_later(1, loop.stop)\n"
        "loop.run_forever()\n"
        "loop.close()\n"
        "del t\n",
        // Async generators: their own yields leave the stack, their awaits do not.
        "import asyncio\n"
        "async def ticks(n):\n"
        "    for i in range(n):\n"
        "        await asyncio.sleep(0.5)\n"
        "        yield i\n"
        "async def main():\n"
        "    async for t in ticks(3):\n"
        "        print(t)\n"
        "asyncio.run(main())\n",
    };
    for (const char* program : programs) {
        RecordedTrace r = runTraced(program);
        Snapshot s;
        for (const Event& e : r.trace) {
            if (e.kind == EventKind::FramePopped || e.kind == EventKind::LineExecuted) {
                const std::vector<FrameView>& stack = s.task(e.task) ? s.task(e.task)->stack : s.mainStack;
                ASSERT_FALSE(stack.empty()) << formatEvent(e);
                if (e.kind == EventKind::LineExecuted) EXPECT_EQ(stack.back().id, e.frame) << formatEvent(e);
                EXPECT_TRUE(std::any_of(stack.begin(), stack.end(), [&](const FrameView& f) { return f.id == e.frame; }))
                    << formatEvent(e);
            }
            apply(s, e);
        }
        EXPECT_TRUE(s.mainStack.empty());
        for (const TaskView& t : s.tasks) EXPECT_TRUE(t.stack.empty()) << t.name;
    }
}

TEST(RecordedRun, captured_variables_show_their_own_values) {
    // Variables captured by an inner scope live in cells; each shows its own value.
    RecordedTrace r = runTraced("class Connection: pass\n"                                  // 1
                                "class Lock: pass\n"                                        // 2
                                "def main():\n"                                             // 3
                                "    connection, lock = Connection(), Lock()\n"             // 4
                                "    pairs = list((n, connection, lock) for n in 'ab')\n"   // 5
                                "    return pairs\n"                                        // 6
                                "main()\n");                                                // 7
    size_t line6 = find(r.trace, [](const Event& e) { return e.kind == EventKind::LineExecuted && e.line == 6; });
    ASSERT_LT(line6, r.trace.size());
    Snapshot s = snapshotAt(r.trace, line6);
    ASSERT_EQ(s.mainStack.size(), 2u);
    EXPECT_EQ(local(s.mainStack[1], "connection"), "<Connection object>");
    EXPECT_EQ(local(s.mainStack[1], "lock"), "<Lock object>");
}

TEST(RecordedRun, a_queue_its_items_and_waiters_are_in_the_snapshot) {
    RecordedTrace r = runTraced("import asyncio\n"                                      // 1
                                "async def consumer(q):\n"                              // 2
                                "    item = await q.get()\n"                            // 3
                                "    q.task_done()\n"                                   // 4
                                "async def main():\n"                                   // 5
                                "    q = asyncio.Queue(maxsize=2)\n"                    // 6
                                "    c = asyncio.create_task(consumer(q))\n"            // 7
                                "    await asyncio.sleep(0)\n"                          // 8
                                "    await q.put('a')\n"                                // 9
                                "    await q.put('b')\n"                                // 10
                                "    await q.put('c')\n"                                // 11
                                "    await asyncio.gather(c, q.get())\n"                // 12
                                "asyncio.run(main())\n");                               // 13
    // The consumer waits on the queue's get().
    size_t waits = find(r.trace, [](const Event& e) { return e.kind == EventKind::TaskSuspended && e.task == 2; });
    ASSERT_LT(waits, r.trace.size());
    Snapshot s = snapshotAt(r.trace, waits);
    ASSERT_EQ(s.primitives.size(), 1u);
    const PrimitiveView q = s.primitives[0];
    EXPECT_EQ(q.type, "Queue");
    EXPECT_EQ(q.capacity, 2);
    EXPECT_EQ(s.task(2)->awaitingObject, q.id);
    EXPECT_EQ(s.task(2)->awaitingLabel, "Queue.get()");
    // put('a') wakes the consumer, which does not run before main yields:
    // 'a' and 'b' fill the queue and main waits on put() with 'c'.
    size_t full = find(r.trace, [](const Event& e) { return e.kind == EventKind::TaskSuspended && e.task == 1 &&
                                                              e.label == "Queue.put()"; });
    ASSERT_LT(full, r.trace.size());
    s = snapshotAt(r.trace, full);
    const PrimitiveView* p = s.primitive(q.id);
    ASSERT_NE(p, nullptr);
    std::vector<std::string> items;
    for (const auto& item : p->items) items.push_back(item.repr);
    EXPECT_EQ(items, (std::vector<std::string>{"'a'", "'b'"}));
    EXPECT_EQ(p->state, 2);
    EXPECT_EQ(p->unfinished, 2);
    EXPECT_EQ(p->lastOperation, "put");
    // gather() waits for the consumer's task.
    size_t gathered = find(r.trace, [](const Event& e) { return e.kind == EventKind::TaskSuspended && e.task == 1 &&
                                                                 e.label == "gather()"; });
    ASSERT_LT(gathered, r.trace.size());
    s = snapshotAt(r.trace, gathered);
    EXPECT_EQ(s.task(1)->awaitingTasks.size(), 2u);   // the consumer and q.get()'s task
    EXPECT_EQ(r.output, "");
}

TEST(RecordedRun, a_lock_knows_its_holder_and_sleep_names_its_delay) {
    RecordedTrace r = runTraced("import asyncio\n"                                   // 1
                                "async def worker(lock, d):\n"                       // 2
                                "    async with lock:\n"                             // 3
                                "        await asyncio.sleep(d)\n"                   // 4
                                "async def main():\n"                                // 5
                                "    lock = asyncio.Lock()\n"                        // 6
                                "    await asyncio.gather(worker(lock, 1), worker(lock, 2))\n"  // 7
                                "asyncio.run(main())\n");                            // 8
    size_t blocked = find(r.trace, [](const Event& e) { return e.kind == EventKind::TaskSuspended &&
                                                                e.label == "Lock.acquire()"; });
    ASSERT_LT(blocked, r.trace.size());
    Snapshot s = snapshotAt(r.trace, blocked);
    ASSERT_EQ(s.primitives.size(), 1u);
    EXPECT_EQ(s.primitives[0].type, "Lock");
    EXPECT_EQ(s.primitives[0].state, 1);
    EXPECT_EQ(s.primitives[0].holders, (std::vector<uint64_t>{2}));
    const TaskView* holder = s.task(2);
    ASSERT_NE(holder, nullptr);
    EXPECT_EQ(holder->awaitingLabel, "sleep(1)");
    // main waits in gather() for both workers.
    EXPECT_EQ(s.task(1)->awaitingLabel, "gather()");
    EXPECT_EQ(s.task(1)->awaitingTasks, (std::vector<uint64_t>{2, 3}));
    // Released at the end.
    Snapshot end = snapshotAt(r.trace, r.trace.size());
    EXPECT_EQ(end.primitives[0].state, 0);
    EXPECT_TRUE(end.primitives[0].holders.empty());
}

TEST(RecordedRun, an_exception_nobody_retrieves_is_marked_on_its_task) {
    RecordedTrace r = runTraced("import asyncio\n"                              // 1
                                "async def fail():\n"                           // 2
                                "    raise ValueError('lost')\n"                // 3
                                "async def main():\n"                           // 4
                                "    t = asyncio.create_task(fail())\n"         // 5
                                "    await asyncio.sleep(0.1)\n"                // 6
                                "    del t\n"                                   // 7
                                "    await asyncio.sleep(0.1)\n"                // 8
                                "asyncio.run(main())\n");                       // 9
    size_t at = find(r.trace, [](const Event& e) { return e.kind == EventKind::ExceptionUnretrieved; });
    ASSERT_LT(at, r.trace.size());
    const Event e = r.trace[at];
    EXPECT_EQ(e.task, 2u);
    EXPECT_EQ(e.future, 2u);
    EXPECT_EQ(e.excType, "ValueError");
    EXPECT_EQ(e.excMessage, "lost");
    EXPECT_FALSE(snapshotAt(r.trace, at - 1).task(2)->unretrieved);
    const Snapshot s = snapshotAt(r.trace, at);
    EXPECT_EQ(s.task(2)->state, TaskState::Failed);
    EXPECT_TRUE(s.task(2)->unretrieved);
    // asyncio's own report follows on stderr.
    EXPECT_NE(r.output.find("Task exception was never retrieved"), std::string::npos);
    size_t report = find(r.trace, [](const Event& e) { return e.kind == EventKind::OutputWritten && e.isStderr; }, at);
    EXPECT_LT(report, r.trace.size());
}

TEST(RecordedRun, a_run_too_long_to_animate_stops_at_the_event_budget) {
    Trace trace;
    ascope::RunOptions options;
    options.trace = &trace;
    options.maxEvents = 5000;
    ascope::RunResult result = ascope::runSource("spin.py",
                                                 "import asyncio\n"
                                                 "async def spin():\n"
                                                 "    while True:\n"
                                                 "        await asyncio.sleep(0)\n"
                                                 "asyncio.run(spin())\n",
                                                 options);
    EXPECT_EQ(result.exitCode, 4);
    ASSERT_TRUE(result.error.has_value());
    EXPECT_NE(result.error->summary.find("5000 trace events"), std::string::npos) << result.error->summary;
    // Checked every few statements: it stops soon after the budget.
    EXPECT_GE(trace.size(), 5000u);
    EXPECT_LT(trace.size(), 5000u + 5000u);
    // The message is the run's last output, in the trace too.
    EXPECT_EQ(trace[trace.size() - 1].kind, EventKind::OutputWritten);
    // Without a budget the same run goes on (here until its step budget).
    Trace unlimited;
    options.trace = &unlimited;
    options.maxEvents = 0;
    options.maxSteps = 20000;
    result = ascope::runSource("spin.py", "n = 0\nwhile True:\n    n += 1\n", options);
    EXPECT_EQ(result.exitCode, 4);
    EXPECT_NE(result.error->summary.find("20000 steps"), std::string::npos) << result.error->summary;
}

TEST(RecordedRun, a_sleep_future_is_labelled_with_its_delay_as_python_writes_it) {
    // Expected texts are Python's repr() of each delay.
    RecordedTrace r = runTraced("import asyncio\n"
                                "async def main():\n"
                                "    for d in (0.345, 1.0, 0.0001, 1e-05, 2.5e-07, 0.1 + 0.2, 100.0, 3, 0.05, 123456789012345.0):\n"
                                "        await asyncio.sleep(d)\n"
                                "asyncio.run(main())\n");
    std::vector<std::string> labels;
    for (const Event& e : r.trace)
        if (e.kind == EventKind::TaskSuspended) labels.push_back(e.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"sleep(0.345)", "sleep(1.0)", "sleep(0.0001)", "sleep(1e-05)",
                                                "sleep(2.5e-07)", "sleep(0.30000000000000004)", "sleep(100.0)",
                                                "sleep(3)", "sleep(0.05)", "sleep(123456789012345.0)"}));
}
