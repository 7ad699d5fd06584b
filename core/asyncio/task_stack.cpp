// Task.get_stack() and Task.print_stack(): a port of CPython 3.11's
// base_tasks._task_get_stack and _task_print_stack.
//
// Why it is built this way: the frames CPython shows are those of the task's
// coroutine object: its own frame while it is suspended (a suspended
// coroutine's frame has no f_back), the whole chain of callers while it runs,
// and once it has finished with an exception, the frames of that exception's
// traceback. The same choice is made from the interpreter's frames and
// traceback entries, and printed as traceback.print_list prints them.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"
#include "runtime/traceback.h"

#include <algorithm>
#include <cstdio>

namespace ascope::aio {

using namespace rt;

namespace {

// One frame of a task's stack, as base_tasks._task_get_stack finds it.
struct StackStep {
    const CodeInfo* code = nullptr;
    int line = 0;
    const Frame* frame = nullptr;  // a frame of the coroutine's chain (its locals); null for a traceback entry
    bool own = false;              // the coroutine's own frame, which get_stack() shows live
};

// base_tasks._task_get_stack(task, limit), limit < 0: no limit; most recent
// call last. get_stack() and print_stack() both walk it, so that they count
// the limit alike: every frame counts, also one without code (not shown).
std::vector<StackStep> taskStack(TaskObject* t, int64_t limit) {
    auto withinLimit = [&limit] {
        if (limit < 0) return true;
        if (limit == 0) return false;
        --limit;
        return true;
    };
    std::vector<StackStep> steps;
    GeneratorObject* g = t->coro.isObj(Kind::Generator) ? t->coro.as<GeneratorObject>() : nullptr;
    bool hasFrame = g && !g->isNative() && g->func && g->state != GeneratorObject::State::Finished;
    if (hasFrame) {
        // cr_frame, then f_back while running (a suspended coroutine has none)
        bool own = true;
        for (const Frame* f = &g->frame; f && withinLimit();
             f = g->state == GeneratorObject::State::Running ? f->back : nullptr) {
            if (f->code) steps.push_back({f->code, f->line ? f->line : f->code->firstLine, f, own});
            own = false;
        }
        std::reverse(steps.begin(), steps.end());
    } else if (t->state == FutureObject::State::Finished && !t->exception.isNull() &&
               t->exception.isObj(Kind::Exception)) {
        auto* e = t->exception.as<ExceptionObject>();
        // tb_frame, tb_next...: the outermost first (the traceback keeps its
        // entries innermost first, as they were added while it unwound).
        if (e->traceback)
            for (auto it = e->traceback->rbegin(); it != e->traceback->rend(); ++it) {
                if (!withinLimit()) break;
                if (it->code) steps.push_back({it->code, it->pos.line});
            }
    }
    return steps;
}

// The `limit` argument: None (or absent) is no limit, a negative one is 0.
int64_t limitArg(Interp& in, const Value& v) {
    if (v.isNull() || v.isNone()) return -1;
    int64_t n = in.toIndex(v);
    return n < 0 ? 0 : n;
}

// The task a get_stack()/print_stack() call is made on, after its keywords
// were taken: no other argument, and self must be a Task.
TaskObject* selfTask(Interp& in, CallArgs& a, const std::string& method) {
    a.checkKeywordsConsumed(in, method.c_str());
    if (a.size() > 1)
        in.typeError(method + "() takes 1 positional argument but " + std::to_string(a.size()) + " were given");
    if (!isFuture(a[0]) || !dynamic_cast<TaskObject*>(a[0].obj()))
        in.typeError("descriptor '" + method + "' requires a Task");
    return static_cast<TaskObject*>(a[0].obj());
}

// ------------------------------------------------------ frame and code objects
//
// What get_stack() returns: a frame of the task's coroutine reads the live
// coroutine (its line and locals as they are when asked, like CPython's frame
// objects); the frames of callers and of a traceback are snapshots.

std::string hexAddress(const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", p);
    return buf;
}

ClassObject* makeNativeClass(const char* name) {
    auto* k = new ClassObject(types().type, name, Kind::Native);
    k->pin();
    k->module = "builtins";
    k->isBuiltin = true;
    k->mro.push_back(k);
    k->bases.push_back(Ref<ClassObject>(types().object));
    k->mro.push_back(types().object);
    return k;
}

class CodeView : public NativeObject {
public:
    CodeView(ClassObject* c, const CodeInfo* code) : NativeObject(c), code(code) {}
    const CodeInfo* code;
    std::string filename() const { return code->module ? code->module->filename : std::string("<unknown>"); }
};

class FrameView : public NativeObject {
public:
    explicit FrameView(ClassObject* c) : NativeObject(c) {}
    Ref<GeneratorObject> gen;       // live: the coroutine's own frame
    const CodeInfo* code = nullptr;  // snapshot
    int line = 0;
    Value locals;                    // snapshot of the locals (a dict), or null
    int lineNow() const {
        if (gen) return gen->frame.line ? gen->frame.line : gen->func->code->firstLine;
        return line;
    }
    const CodeInfo* codeNow() const { return gen ? gen->func->code : code; }
};

// f_locals: fast locals in co_varnames order, then cells, then free variables.
Value localsOf(Interp& in, const CodeInfo* code, const Value* fast, const Ref<CellObject>* cells) {
    Ref<DictObject> d(new DictObject());
    std::vector<std::string> seen;
    for (size_t i = 0; i < code->varNames.size(); ++i) {
        Value v = fast ? fast[i] : Value();
        if (v.isNull()) {
            for (size_t c = 0; c < code->cellNames.size(); ++c)
                if (code->cellNames[c] == code->varNames[i] && cells && cells[c]) v = cells[c]->value;
        }
        if (!v.isNull()) d->setStr(intern(code->varNames[i]), v);
        seen.push_back(code->varNames[i]);
    }
    size_t ncells = code->cellNames.size();
    for (size_t c = 0; c < ncells + code->freeNames.size(); ++c) {
        const std::string& name = c < ncells ? code->cellNames[c] : code->freeNames[c - ncells];
        if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
        if (cells && cells[c] && !cells[c]->value.isNull()) d->setStr(intern(name), cells[c]->value);
    }
    return Value(d);
}

ClassObject* codeClass();
ClassObject* frameClass();

Value codeValue(const CodeInfo* code) { return Value(new CodeView(codeClass(), code)); }
CodeView* codeOf(const Value& v) { return static_cast<CodeView*>(v.obj()); }
FrameView* frameOf(const Value& v) { return static_cast<FrameView*>(v.obj()); }

ClassObject* codeClass() {
    static ClassObject* c = [] {
        ClassObject* k = makeNativeClass("code");
        defineGetter(k, "co_name", [](Interp&, const Value& v) { return makeStr(codeOf(v)->code->name); });
        defineGetter(k, "co_qualname", [](Interp&, const Value& v) { return makeStr(codeOf(v)->code->qualname); });
        defineGetter(k, "co_filename", [](Interp&, const Value& v) { return makeStr(codeOf(v)->filename()); });
        defineGetter(k, "co_firstlineno",
                     [](Interp&, const Value& v) { return Value::integer(codeOf(v)->code->firstLine); });
        defineMethod(k, "__repr__", [](Interp&, CallArgs& a) {
            CodeView* cv = codeOf(a[0]);
            return makeStr("<code object " + cv->code->name + " at " + hexAddress(cv) + ", file \"" + cv->filename() +
                           "\", line " + std::to_string(cv->code->firstLine) + ">");
        });
        return k;
    }();
    return c;
}

ClassObject* frameClass() {
    static ClassObject* c = [] {
        ClassObject* k = makeNativeClass("frame");
        defineGetter(k, "f_lineno", [](Interp&, const Value& v) { return Value::integer(frameOf(v)->lineNow()); });
        defineGetter(k, "f_code", [](Interp&, const Value& v) { return codeValue(frameOf(v)->codeNow()); });
        defineGetter(k, "f_back", [](Interp&, const Value&) { return Value::none(); });
        defineGetter(k, "f_locals", [](Interp& in, const Value& v) {
            FrameView* f = frameOf(v);
            if (f->gen) {
                GeneratorObject* g = f->gen.get();
                if (g->state == GeneratorObject::State::Finished) return Value(Ref<DictObject>(new DictObject()));
                return localsOf(in, g->func->code, g->fast.get(), g->cells.get());
            }
            return f->locals.isNull() ? Value(Ref<DictObject>(new DictObject())) : f->locals;
        });
        defineMethod(k, "__repr__", [](Interp&, CallArgs& a) {
            FrameView* f = frameOf(a[0]);
            const CodeInfo* code = f->codeNow();
            std::string file = code->module ? code->module->filename : std::string("<unknown>");
            return makeStr("<frame at " + hexAddress(f) + ", file '" + file + "', line " + std::to_string(f->lineNow()) +
                           ", code " + code->name + ">");
        });
        return k;
    }();
    return c;
}

// base_tasks._task_get_stack(task, limit) as frame objects.
Value taskGetStack(Interp& in, CallArgs& a) {
    Value limit = a.kw("limit");
    TaskObject* t = selfTask(in, a, "get_stack");
    std::vector<Value> frames;
    for (const StackStep& s : taskStack(t, limitArg(in, limit))) {
        auto* fv = new FrameView(frameClass());
        Value keep(fv);
        if (s.own) {
            fv->gen = Ref<GeneratorObject>(t->coro.as<GeneratorObject>());
        } else {
            fv->code = s.code;
            fv->line = s.line;
            if (s.frame && (s.frame->fast || s.frame->cells))
                fv->locals = localsOf(in, s.code, s.frame->fast, s.frame->cells);
        }
        frames.push_back(keep);
    }
    return makeList(std::move(frames));
}

Value taskPrintStack(Interp& in, CallArgs& a) {
    Value limit = a.kw("limit");
    Value file = a.kw("file");
    TaskObject* t = selfTask(in, a, "print_stack");
    // print(..., file=file) writes the text, then the end.
    auto write = [&](const std::string& s) {
        if (file.isNull() || file.isNone()) {
            if (!s.empty()) in.write(true, s);
        }
        else in.callMethod(file, intern("write"), {makeStr(s)});
    };
    std::vector<StackStep> frames = taskStack(t, limitArg(in, limit));
    Value exc = t->exception;
    std::string repr = in.repr(a[0]);
    if (frames.empty()) write("No stack for " + repr);
    else if (!exc.isNull()) write("Traceback for " + repr + " (most recent call last):");
    else write("Stack for " + repr + " (most recent call last):");
    write("\n");
    // traceback.print_list(extracted_list, file=file)
    for (const StackStep& s : frames) {
        write(formatFrameSummary(s.code, s.line));
        write("");  // print(item, file=file, end="") still writes the empty end
    }
    if (!exc.isNull()) {
        write(formatExceptionOnly(in, exc) + "\n");
        write("");
    }
    return Value::none();
}

}  // namespace

void installTaskStack(ClassObject* task) {
    defineMethod(task, "print_stack", taskPrintStack);
    defineMethod(task, "get_stack", taskGetStack);
}

}  // namespace ascope::aio
