// Scenario metadata and cues, player stops and timeline lanes.
#include "scenario/runner.h"
#include "scenario/scenario_file.h"
#include "trace/navigation.h"
#include "trace/snapshot.h"

#include <gtest/gtest.h>

using namespace ascope;
using namespace ascope::trace;

namespace {

const char* kScenario = R"(# title[fr]: Deux tâches
# title[en]: Two tasks
# video: V2
# title[en]: ignored, given twice
#
import asyncio

async def sleeper(delay):
    # cue[fr]: La tâche se suspend.
    # cue[en]: The task suspends.
    await asyncio.sleep(delay)
    return delay

async def main():
    # cue[en]: English only.

    # cue[fr]: Deux tâches.
    # cue[en]: Two tasks.
    a = asyncio.create_task(sleeper(2))
    b = asyncio.create_task(sleeper(1))
    # cue[fr]: main attend.
    # cue[fr]: Une autre indication, sur la même ligne.
    print(await asyncio.gather(a, b))

asyncio.run(main())
# cue[en]: nothing follows this one
)";

Trace run(const char* source) {
    Trace trace;
    RunOptions options;
    options.trace = &trace;
    options.onOutput = [](Stream, std::string_view) {};
    runSource("scenario.py", source, options);
    return trace;
}

}  // namespace

TEST(ScenarioMeta, ReadsTitlesVideoAndCues) {
    scenario::ScenarioMeta meta = scenario::parseScenarioMeta(kScenario);
    EXPECT_EQ(meta.title("fr"), "Deux tâches");
    EXPECT_EQ(meta.title("en"), "Two tasks");
    EXPECT_EQ(meta.title("de"), "Deux tâches");  // French first: the course's language
    EXPECT_EQ(meta.video, "V2");
    ASSERT_EQ(meta.cues.size(), 6u);
    EXPECT_EQ(meta.cues[0].commentLine, 9);
    EXPECT_EQ(meta.cues[0].line, 11);  // the await
    EXPECT_EQ(meta.cues[0].in("fr"), "La tâche se suspend.");
    EXPECT_EQ(meta.cues[0].in("en"), "The task suspends.");
    EXPECT_EQ(meta.cues[1].in("fr"), "English only.");  // falls back to the other language
    EXPECT_EQ(meta.cues[1].line, 19);                   // a blank line does not detach it
    EXPECT_EQ(meta.cues[2].line, 19);
    EXPECT_EQ(meta.cues[2].in("en"), "Two tasks.");
    // A second French line starts a new cue on the same statement.
    EXPECT_EQ(meta.cues[3].line, 23);
    EXPECT_EQ(meta.cues[4].line, 23);
    EXPECT_EQ(meta.cues[4].in("fr"), "Une autre indication, sur la même ligne.");
    EXPECT_EQ(meta.cues[5].line, 0);  // no statement after it
}

TEST(ScenarioMeta, MalformedLinesAreIgnored) {
    scenario::ScenarioMeta meta = scenario::parseScenarioMeta(
        "# title[]: x\n# title[fr] no colon\n#: empty key\n# cue: no language\n# ti tle[en]: spaced\nx = 1\n");
    EXPECT_TRUE(meta.titles.empty());
    EXPECT_TRUE(meta.cues.empty());
    EXPECT_EQ(meta.title("fr"), "");
    EXPECT_TRUE(scenario::parseScenarioMeta("").cues.empty());
    // Metadata after the first statement is not metadata.
    EXPECT_TRUE(scenario::parseScenarioMeta("x = 1\n# title[fr]: late\n").titles.empty());
}

TEST(CueStops, SynthesisedTrace) {
    Trace t;
    auto push = [&](EventKind k, uint64_t frame, int line, const char* file = "") {
        Event e;
        e.seq = t.size();
        e.kind = k;
        e.frame = frame;
        e.line = line;
        e.file = file;
        t.append(e);
    };
    push(EventKind::FramePushed, 1, 1, "s.py");
    push(EventKind::FramePushed, 2, 1, "other.py");
    push(EventKind::LineExecuted, 2, 5);  // other file: not a cue stop
    push(EventKind::LineExecuted, 1, 3);
    push(EventKind::LineExecuted, 1, 5);
    push(EventKind::LineExecuted, 1, 5);  // only the first time
    std::vector<scenario::Cue> cues{{1, 5, {{"en", "five"}}}, {2, 3, {{"en", "three"}}}, {3, 9, {{"en", "never"}}}};
    auto stops = scenario::cueStops(t, cues, "s.py");
    ASSERT_EQ(stops.size(), 2u);
    EXPECT_EQ(stops[0], (scenario::CueStop{3, 1}));
    EXPECT_EQ(stops[1], (scenario::CueStop{4, 0}));
    EXPECT_EQ(scenario::currentCue(stops, 0), -1);
    EXPECT_EQ(scenario::currentCue(stops, 3), 1);
    EXPECT_EQ(scenario::currentCue(stops, 4), 0);
    EXPECT_EQ(scenario::currentCue(stops, 100), 0);
}

TEST(StopIndex, ForwardThenBackReturnsToTheStop) {
    Trace trace = run(kScenario);
    ASSERT_GT(trace.size(), 20u);
    std::vector<size_t> cues{3, 10, 17};
    StopIndex index(trace, cues);
    EXPECT_FALSE(index.stops(Granularity::Iteration).empty());
    for (Granularity g : {Granularity::Event, Granularity::Line, Granularity::Iteration, Granularity::Cue}) {
        size_t last = trace.size() - 1;
        // Walk forward from the start to the end, then back; the two walks
        // visit the same stops in opposite orders.
        std::vector<size_t> forward{0};
        for (size_t p = 0; p != last;) forward.push_back(p = index.next(p, g));
        std::vector<size_t> backward{last};
        for (size_t p = last; p != 0;) backward.push_back(p = index.previous(p, g));
        std::reverse(backward.begin(), backward.end());
        EXPECT_EQ(forward, backward) << int(g);
        for (size_t i = 1; i + 1 < forward.size(); ++i) EXPECT_TRUE(index.isStop(forward[i], g));
        if (g == Granularity::Cue) EXPECT_EQ(forward, (std::vector<size_t>{0, 3, 10, 17, last}));
        if (g == Granularity::Event) EXPECT_EQ(forward.size(), trace.size());
    }
    for (size_t s : index.stops(Granularity::Iteration)) EXPECT_EQ(trace[s].kind, EventKind::LoopIterationBegin);
    EXPECT_EQ(index.next(trace.size() - 1, Granularity::Line), trace.size() - 1);
    EXPECT_EQ(index.previous(0, Granularity::Iteration), 0u);
    EXPECT_EQ(StopIndex().next(0, Granularity::Event), 0u);
}

// Under the playhead the timeline and the stage must tell the same story:
// every lane's state at every position is the task's state in the snapshot.
TEST(Timeline, AgreesWithSnapshotsEverywhere) {
    Trace trace = run(kScenario);
    Timeline tl = buildTimeline(trace);
    // main, two sleepers, and asyncio.run's shutdown_asyncgens and
    // shutdown_default_executor, which CPython runs as tasks too.
    ASSERT_EQ(tl.tasks.size(), 5u);
    EXPECT_EQ(tl.tasks[0].name, "Task-1");
    EXPECT_EQ(tl.tasks[4].name, "Task-5");
    EXPECT_EQ(tl.clock.size(), trace.size());
    Snapshot s;
    size_t running = 0, waiting = 0;
    for (size_t i = 0; i < trace.size(); ++i) {
        apply(s, trace[i]);
        for (const Lane& lane : tl.tasks) {
            LaneState state;
            const TaskView* t = s.task(lane.task);
            bool inLane = laneStateAt(lane, i, state);
            if (!t) {
                EXPECT_FALSE(inLane) << i;
                continue;
            }
            switch (t->state) {
            case TaskState::Ready: EXPECT_TRUE(inLane && state == LaneState::Ready) << i << " " << lane.name; break;
            case TaskState::Running:
                ++running;
                EXPECT_TRUE(inLane && state == LaneState::Running) << i << " " << lane.name;
                break;
            case TaskState::Waiting:
                ++waiting;
                EXPECT_TRUE(inLane && state == LaneState::Waiting) << i << " " << lane.name;
                break;
            default: EXPECT_FALSE(inLane) << i << " " << lane.name; break;
            }
        }
        LaneState loop;
        bool inLoop = laneStateAt(tl.loop, i, loop);
        if (s.phase == LoopPhase::Running) EXPECT_TRUE(inLoop && loop == LaneState::Running) << i;
        if (s.phase == LoopPhase::Selecting) EXPECT_TRUE(inLoop && loop == LaneState::Selecting) << i;
    }
    EXPECT_GT(running, 0u);
    EXPECT_GT(waiting, 0u);
    for (const Lane& lane : tl.tasks) {
        EXPECT_EQ(lane.outcome, TaskState::Done);
        for (size_t k = 1; k < lane.segments.size(); ++k) {
            EXPECT_EQ(lane.segments[k - 1].end, lane.segments[k].begin);
            EXPECT_NE(lane.segments[k - 1].state, lane.segments[k].state);
        }
    }
}
