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

#include <algorithm>
#include <cstdio>

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
    a.checkKeywordsConsumed(in, "get_stack");
    if (a.size() > 1) in.typeError("get_stack() takes 1 positional argument but " + std::to_string(a.size()) + " were given");
    if (!isFuture(a[0]) || !dynamic_cast<TaskObject*>(a[0].obj())) in.typeError("descriptor 'get_stack' requires a Task");
    auto* t = static_cast<TaskObject*>(a[0].obj());
    int64_t n = limit.isNull() || limit.isNone() ? -1 : std::max<int64_t>(0, in.toIndex(limit));
    std::vector<Value> frames;
    GeneratorObject* g = t->coro.isObj(Kind::Generator) ? t->coro.as<GeneratorObject>() : nullptr;
    bool hasFrame = g && !g->isNative() && g->func && g->state != GeneratorObject::State::Finished;
    if (hasFrame) {
        const Frame* f = &g->frame;
        bool first = true;
        while (f) {
            if (n >= 0) {
                if (n <= 0) break;
                --n;
            }
            if (f->code) {
                auto* fv = new FrameView(frameClass());
                Value keep(fv);
                if (first) {
                    fv->gen = Ref<GeneratorObject>(g);
                } else {
                    fv->code = f->code;
                    fv->line = f->line ? f->line : f->code->firstLine;
                    if (f->fast || f->cells) fv->locals = localsOf(in, f->code, f->fast, f->cells);
                }
                frames.push_back(keep);
            }
            first = false;
            f = g->state == GeneratorObject::State::Running ? f->back : nullptr;
        }
        std::reverse(frames.begin(), frames.end());
    } else if (t->state == FutureObject::State::Finished && !t->exception.isNull() &&
               t->exception.isObj(Kind::Exception)) {
        auto* e = t->exception.as<ExceptionObject>();
        if (e->traceback)
            for (const TracebackEntry& te : *e->traceback) {
                if (n >= 0) {
                    if (n <= 0) break;
                    --n;
                }
                if (!te.code) continue;
                auto* fv = new FrameView(frameClass());
                Value keep(fv);
                fv->code = te.code;
                fv->line = te.pos.line;
                frames.push_back(keep);
            }
    }
    return makeList(std::move(frames));
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

void installTaskStack(ClassObject* task) {
    defineMethod(task, "print_stack", taskPrintStack);
    defineMethod(task, "get_stack", taskGetStack);
}

}  // namespace ascope::aio
