// Snapshots built by hand for the stage tests and the render benchmark:
// the stage is a pure function of a snapshot, so its tests do not depend on
// what the interpreter records today.
#pragma once

#include "trace/snapshot.h"

#include <algorithm>
#include <string>
#include <vector>

namespace ascope::scenes {

inline trace::FrameView frame(uint64_t id, const std::string &function, int line,
                              std::vector<std::pair<std::string, std::string>> locals = {})
{
    trace::FrameView f;
    f.id = id;
    f.function = function;
    f.file = "scene.py";
    f.line = line;
    f.locals = std::move(locals);
    return f;
}

inline trace::TaskView task(uint64_t id, trace::TaskState state, const std::string &coroutine,
                            std::vector<trace::FrameView> stack = {})
{
    trace::TaskView t;
    t.id = id;
    t.name = "Task-" + std::to_string(id);
    t.coroutine = coroutine;
    t.state = state;
    t.stack = std::move(stack);
    return t;
}

inline void wait(trace::TaskView &t, uint64_t future, const std::string &label)
{
    t.state = trace::TaskState::Waiting;
    t.awaiting = future;
    t.awaitingLabel = label;
}

inline trace::TimerView sleepTimer(uint64_t id, double when, uint64_t future)
{
    trace::TimerView t;
    t.id = id;
    t.when = when;
    t.label = "_set_result_unless_cancelled(<Future #" + std::to_string(future) + ">, None)";
    return t;
}

// The source the scenes' frames point into (line numbers matter).
inline const char *sceneSource()
{
    return "import asyncio\n"                                            // 1
           "\n"                                                          // 2
           "async def sleeper(name, delay):\n"                           // 3
           "    print(name, 'goes to sleep')\n"                          // 4
           "    await asyncio.sleep(delay)\n"                            // 5
           "    return name\n"                                           // 6
           "\n"                                                          // 7
           "async def main():\n"                                         // 8
           "    slow = asyncio.create_task(sleeper('slow', 2))\n"        // 9
           "    fast = asyncio.create_task(sleeper('fast', 1))\n"        // 10
           "    names = await asyncio.gather(slow, fast)\n"              // 11
           "    print(names)\n"                                          // 12
           "\n"                                                          // 13
           "async def fetch(url):\n"                                     // 14
           "    raise ValueError(f'cannot decode {url!r}')\n"            // 15
           "\n"                                                          // 16
           "asyncio.run(main())\n";                                      // 17
}

// two_sleepers after Task-2 suspended: Task-1 awaits the gather future,
// Task-2 sleeps until 2.0, Task-3 is about to run (its step is in READY).
inline trace::Snapshot twoSleepers()
{
    using S = trace::TaskState;
    trace::Snapshot s;
    s.phase = trace::LoopPhase::Running;
    s.iteration = 2;
    s.clock = 0.0;
    trace::TaskView main = task(1, S::Waiting, "main", {frame(1, "main", 11)});
    wait(main, 4, "<Future #4>");
    trace::TaskView slow = task(2, S::Waiting, "sleeper", {frame(2, "sleeper", 5, {{"name", "'slow'"}, {"delay", "2"}})});
    wait(slow, 5, "<Future #5>");
    trace::TaskView fast = task(3, S::Ready, "sleeper");
    s.tasks = {main, slow, fast};
    s.ready = {trace::HandleView{3, "Task-3.__step", 3, false}};
    s.timers = {sleepTimer(4, 2.0, 5)};
    s.runningHandle = 2;
    return s;
}

// The same a moment later: Task-3's step runs on the CPU.
inline trace::Snapshot twoSleepersTask3Running()
{
    trace::Snapshot s = twoSleepers();
    s.ready.clear();
    s.tasks[2].state = trace::TaskState::Running;
    s.tasks[2].stack = {frame(3, "sleeper", 4, {{"name", "'fast'"}, {"delay", "1"}})};
    s.runningTask = 3;
    s.runningHandle = 3;
    return s;
}

// An exception in flight in a nested await chain, a cancel requested, and
// finished tasks of every kind.
inline trace::Snapshot exceptionsAndCancel()
{
    using S = trace::TaskState;
    trace::Snapshot s;
    s.phase = trace::LoopPhase::Running;
    s.iteration = 7;
    s.clock = 0.5;
    trace::TaskView main = task(1, S::Waiting, "main", {frame(1, "main", 11)});
    wait(main, 2, "<Task Task-2>");
    trace::TaskView failing = task(2, S::Running, "sleeper", {frame(2, "sleeper", 5), frame(5, "fetch", 15)});
    trace::TaskView victim = task(3, S::Waiting, "sleeper", {frame(3, "sleeper", 5)});
    wait(victim, 7, "<Future #7>");
    victim.cancelRequested = true;
    trace::TaskView done = task(4, S::Done, "sleeper");
    done.result = "'fast'";
    trace::TaskView failed = task(5, S::Failed, "fetch");
    failed.exception = trace::ExceptionView{"ValueError", "cannot decode 'page 1'", 5, 0, 15};
    trace::TaskView cancelled = task(6, S::Cancelled, "sleeper");
    s.tasks = {main, failing, victim, done, failed, cancelled};
    main.awaitedBy = {};
    s.tasks[1].awaitedBy = {1};
    s.timers = {sleepTimer(8, 10.0, 7)};
    s.timers[0].cancelled = false;
    s.runningTask = 2;
    s.runningHandle = 9;
    s.inFlight = trace::ExceptionView{"ValueError", "cannot decode 'page 2'", 2, 5, 15};
    s.ready = {trace::HandleView{10, "print_later(3)", 0, false}, trace::HandleView{11, "Task-7.__wakeup", 7, true}};
    return s;
}

// Primitives: producers and consumers around a bounded Queue holding two
// items, a Lock held by one task with another waiting, an Event nobody set,
// and `extraLocks` more locks (to crowd the column). Task 1 runs main(),
// which waits in gather() for tasks 2 and 3.
inline trace::Snapshot primitives(int extraLocks = 0)
{
    using S = trace::TaskState;
    trace::Snapshot s;
    s.phase = trace::LoopPhase::Selecting;
    s.iteration = 12;
    s.clock = 2.0;
    trace::PrimitiveView queue;
    queue.id = 1;
    queue.type = "Queue";
    queue.kind = trace::PrimitiveKind::Queue;
    queue.capacity = 2;
    queue.state = 2;
    queue.items = {{1, "'job1'"}, {2, "'job2'"}};
    queue.puts = 2;
    queue.unfinished = 2;
    trace::PrimitiveView lock;
    lock.id = 2;
    lock.type = "Lock";
    lock.kind = trace::PrimitiveKind::Lock;
    lock.state = 1;
    lock.holders = {4};
    trace::PrimitiveView event;
    event.id = 3;
    event.type = "Event";
    event.kind = trace::PrimitiveKind::Event;
    s.primitives = {queue, lock, event};
    for (int k = 0; k < extraLocks; ++k) {
        trace::PrimitiveView more;
        more.id = uint64_t(10 + k);
        more.type = "Lock";
        more.kind = trace::PrimitiveKind::Lock;
        more.ordinal = 2 + k;
        s.primitives.push_back(more);
    }
    trace::TaskView main = task(1, S::Waiting, "main", {frame(1, "main", 11)});
    wait(main, 50, "gather()");
    main.awaitingTasks = {2, 3};
    trace::TaskView producer = task(2, S::Waiting, "producer", {frame(2, "sleeper", 5)});
    wait(producer, 51, "Queue.put()");
    producer.awaitingObject = 1;
    trace::TaskView other = task(3, S::Waiting, "producer", {frame(3, "sleeper", 5)});
    wait(other, 52, "Queue.put()");
    other.awaitingObject = 1;
    trace::TaskView holder = task(4, S::Waiting, "session", {frame(4, "sleeper", 5)});
    wait(holder, 53, "sleep(1.0)");
    trace::TaskView blocked = task(5, S::Waiting, "session", {frame(5, "sleeper", 5)});
    wait(blocked, 54, "Lock.acquire()");
    blocked.awaitingObject = 2;
    s.tasks = {main, producer, other, holder, blocked};
    s.timers.push_back(sleepTimer(7, 3.0, 53));
    return s;
}

// `n` tasks alive: one running, a few ready, most sleeping on timers spread
// over ten seconds, some done. Ids 1..n; frames two deep.
inline trace::Snapshot crowd(int n)
{
    using S = trace::TaskState;
    trace::Snapshot s;
    s.phase = trace::LoopPhase::Running;
    s.iteration = 40;
    s.clock = 1.25;
    uint64_t frameId = 1;
    uint64_t future = 100000;
    uint64_t timer = 200000;
    for (int i = 1; i <= n; ++i) {
        trace::TaskView t = task(uint64_t(i), S::Waiting, "sleeper",
                                 {frame(frameId, "main", 11), frame(frameId + 1, "sleeper", 5, {{"delay", std::to_string(i)}})});
        frameId += 2;
        if (i == 1) {
            t.state = S::Running;
            s.runningTask = 1;
            s.runningHandle = 1;
        } else if (i <= 6) {
            t.state = S::Ready;
            s.ready.push_back(trace::HandleView{uint64_t(i) + 300000, "Task-" + std::to_string(i) + ".__wakeup",
                                                uint64_t(i), false});
        } else if (i % 10 == 0) {
            t.state = S::Done;
            t.stack.clear();
            t.result = "'page " + std::to_string(i) + "'";
        } else {
            ++future;
            wait(t, future, "<Future #" + std::to_string(future) + ">");
            s.timers.push_back(sleepTimer(++timer, 1.25 + 0.1 * double(i % 100), future));
        }
        s.tasks.push_back(std::move(t));
    }
    std::sort(s.timers.begin(), s.timers.end(), [](const trace::TimerView &a, const trace::TimerView &b) {
        return a.when < b.when || (a.when == b.when && a.id < b.id);
    });
    return s;
}

} // namespace ascope::scenes
