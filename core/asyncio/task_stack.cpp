// Task.print_stack(): a port of CPython 3.11's base_tasks._task_get_stack
// and _task_print_stack.
//
// Why it is built this way: the frames CPython shows are those of the task's
// coroutine object: its own frame while it is suspended (a suspended
// coroutine's frame has no f_back), the whole chain of callers while it runs,
// and once it has finished with an exception, the frames of that exception's
// traceback. The same choice is made from the interpreter's frames and
// traceback entries, and printed as traceback.print_list prints them.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

#include <algorithm>

namespace ascope::aio {

using namespace rt;

namespace {

struct StackEntry {
    std::string filename;
    int line = 0;
    std::string name;
    const lang::Module* module = nullptr;
};

StackEntry entryOf(const CodeInfo* code, int line) {
    StackEntry e;
    e.filename = code->module ? code->module->filename : std::string("<unknown>");
    e.line = line;
    e.name = code->name;
    e.module = code->module;
    return e;
}

// base_tasks._task_get_stack(task, limit); limit < 0: no limit.
std::vector<StackEntry> taskStack(TaskObject* t, int64_t limit) {
    std::vector<StackEntry> frames;
    GeneratorObject* g = t->coro.isObj(Kind::Generator) ? t->coro.as<GeneratorObject>() : nullptr;
    bool hasFrame = g && !g->isNative() && g->func && g->state != GeneratorObject::State::Finished;
    if (hasFrame) {
        // cr_frame, then f_back while running (a suspended coroutine has none)
        const Frame* f = &g->frame;
        while (f) {
            if (limit >= 0) {
                if (limit <= 0) break;
                --limit;
            }
            if (f->code) {
                int line = f->line ? f->line : f->code->firstLine;
                frames.push_back(entryOf(f->code, line));
            }
            f = g->state == GeneratorObject::State::Running ? f->back : nullptr;
        }
        std::reverse(frames.begin(), frames.end());
    } else if (t->state == FutureObject::State::Finished && !t->exception.isNull() &&
               t->exception.isObj(Kind::Exception)) {
        auto* e = t->exception.as<ExceptionObject>();
        if (e->traceback)
            for (const TracebackEntry& te : *e->traceback) {
                if (limit >= 0) {
                    if (limit <= 0) break;
                    --limit;
                }
                if (te.code) frames.push_back(entryOf(te.code, te.pos.line));
            }
    }
    return frames;
}

std::string strip(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\f\r\n\v");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\f\r\n\v");
    return s.substr(b, e - b + 1);
}

// traceback.format_exception_only(type(exc), exc), one string.
std::string exceptionOnly(Interp& in, const Value& exc) {
    ClassObject* t = Interp::typeOf(exc);
    std::string module = t->module;
    Value m = t->dict->getStr(names().__module__);
    if (isStr(m)) module = asStr(m)->s;
    Value qn = t->dict->getStr(names().__qualname__);
    std::string name = isStr(qn) ? asStr(qn)->s : t->name;
    if (module != "builtins" && module != "__main__") name = module + "." + name;
    std::string text;
    try {
        text = in.str(exc);
    } catch (PyException&) {
        text = "<exception str() failed>";
    }
    return (text.empty() ? name : name + ": " + text) + "\n";
}

int64_t limitArg(Interp& in, const Value& v) {
    if (v.isNull() || v.isNone()) return -1;
    int64_t n = in.toIndex(v);
    return n < 0 ? 0 : n;
}

Value taskPrintStack(Interp& in, CallArgs& a) {
    Value limit = a.kw("limit");
    Value file = a.kw("file");
    a.checkKeywordsConsumed(in, "print_stack");
    if (a.size() > 1) in.typeError("print_stack() takes 1 positional argument but " + std::to_string(a.size()) + " were given");
    if (!isFuture(a[0]) || !dynamic_cast<TaskObject*>(a[0].obj())) in.typeError("descriptor 'print_stack' requires a Task");
    auto* t = static_cast<TaskObject*>(a[0].obj());
    // print(..., file=file) writes the text, then the end.
    auto write = [&](const std::string& s) {
        if (file.isNull() || file.isNone()) {
            if (!s.empty()) in.write(true, s);
        }
        else in.callMethod(file, intern("write"), {makeStr(s)});
    };
    std::vector<StackEntry> frames = taskStack(t, limitArg(in, limit));
    Value exc = t->exception;
    std::string repr = in.repr(a[0]);
    if (frames.empty()) write("No stack for " + repr);
    else if (!exc.isNull()) write("Traceback for " + repr + " (most recent call last):");
    else write("Stack for " + repr + " (most recent call last):");
    write("\n");
    // traceback.print_list(extracted_list, file=file)
    for (const StackEntry& e : frames) {
        std::string s = "  File \"" + e.filename + "\", line " + std::to_string(e.line) + ", in " + e.name + "\n";
        if (e.module && e.line >= 1 && size_t(e.line) <= e.module->lines.size()) {
            std::string src = strip(e.module->lines[size_t(e.line - 1)]);
            if (!src.empty()) s += "    " + src + "\n";
        }
        write(s);
        write("");  // print(item, file=file, end="") still writes the empty end
    }
    if (!exc.isNull()) {
        write(exceptionOnly(in, exc));
        write("");
    }
    return Value::none();
}

}  // namespace

void installTaskStack(ClassObject* task) { defineMethod(task, "print_stack", taskPrintStack); }

}  // namespace ascope::aio
