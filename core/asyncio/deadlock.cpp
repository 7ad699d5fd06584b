// The deadlock report: what each task still pending waits for, and where.
//
// Why it exists: when nothing is ready and no timer is pending, CPython's
// loop blocks forever in select(); asyncscope stops the run instead (exit 3)
// and, so the user can see why, lists every pending task of the loop with the
// line it is suspended at (the innermost frame of its await chain), the
// awaitable it waits for, and any circle of tasks waiting for each other.
// Only state is read: no Python code runs while the report is built.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

#include <set>

namespace ascope::aio {

using namespace rt;

namespace {

std::string taskLabel(const TaskObject* t) { return isStr(t->name) ? asStr(t->name)->s : std::string("Task"); }

TaskObject* asTask(const Value& v) {
    return v.isObj(Kind::Native) ? dynamic_cast<TaskObject*>(v.obj()) : nullptr;
}

FutureObject* asFuture(const Value& v) {
    return v.isObj(Kind::Native) ? dynamic_cast<FutureObject*>(v.obj()) : nullptr;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

// "at deadlock.py:7 in worker: await ev.wait()"
std::string whereSuspended(const TaskObject* t) {
    if (!t->coro.isObj(Kind::Generator)) return "";
    auto* g = t->coro.as<GeneratorObject>();
    const Frame* f = g->suspendedFrame();
    if (!f || !f->code) f = g->isNative() ? nullptr : &g->frame;
    if (!f || !f->code) return "";
    const lang::Module* m = f->code->module;
    std::string s = "at " + (m ? m->filename : std::string("?")) + ":" + std::to_string(f->line) + " in " +
                    f->code->name;
    if (m && f->line >= 1 && size_t(f->line) <= m->lines.size()) {
        std::string src = trim(m->lines[f->line - 1]);
        if (!src.empty()) s += ": " + src;
    }
    return s;
}

// What the task's current await is blocked on.
std::string waitsFor(const TaskObject* t) {
    const Value& w = t->futWaiter;
    if (TaskObject* other = asTask(w)) return "Task " + taskLabel(other);
    FutureObject* f = asFuture(w);
    if (!f) return "nothing (it was never woken up)";
    if (auto* g = dynamic_cast<GatheringFuture*>(f)) {
        std::string s = "gather(";
        bool first = true;
        for (const Value& c : g->children) {
            FutureObject* cf = asFuture(c);
            if (!cf || cf->done()) continue;
            s += (first ? "" : ", ") + (asTask(c) ? "Task " + taskLabel(asTask(c)) : std::string("a Future"));
            first = false;
        }
        return s + ")";
    }
    if (f->traceObject) return std::string("the Future of ") + f->traceOrigin;   // a primitive's waiter
    return "a Future no callback or timer will complete";
}

}  // namespace

std::string deadlockDetails(Interp& in, EventLoopObject* loop) {
    std::vector<TaskObject*> pending;
    for (auto& [id, t] : state(in).liveTasks)
        if (t->loop.get() == loop && !t->done()) pending.push_back(t);
    if (pending.empty()) return "";
    std::string out = std::to_string(pending.size()) + (pending.size() == 1 ? " task waits" : " tasks wait") +
                      " and nothing can wake " + (pending.size() == 1 ? "it" : "them") + ":\n";
    for (TaskObject* t : pending) {
        std::string coro = t->coro.isObj(Kind::Generator) ? t->coro.as<GeneratorObject>()->qualname->s : "?";
        out += "  " + taskLabel(t) + " (" + coro + ")";
        std::string where = whereSuspended(t);
        if (!where.empty()) out += " " + where;
        out += "\n      waits for " + waitsFor(t) + "\n";
    }
    // Circles of tasks awaiting each other.
    std::set<const TaskObject*> reported;
    for (TaskObject* start : pending) {
        std::vector<const TaskObject*> path;
        const TaskObject* cur = start;
        std::set<const TaskObject*> seen;
        while (cur && !seen.count(cur)) {
            seen.insert(cur);
            path.push_back(cur);
            cur = asTask(cur->futWaiter);
        }
        if (cur != start || reported.count(start)) continue;
        std::string s = "  circular wait: ";
        for (const TaskObject* p : path) {
            s += taskLabel(p) + " -> ";
            reported.insert(p);
        }
        out += s + taskLabel(start) + "\n";
    }
    return out;
}

}  // namespace ascope::aio
