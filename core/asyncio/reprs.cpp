// The text asyncio shows for its objects: repr() of futures, tasks and
// handles, the callbacks in them and in "Exception in callback ..." messages.
//
// Why it is built this way: CPython builds these strings in
// base_futures._future_repr_info, base_tasks._task_repr_info,
// coroutines._format_coroutine, events.Handle._repr_info and
// format_helpers._format_callback_source, with reprlib limiting the size of
// results and arguments. Programs print them (and asyncio's own messages
// embed them), so they are ported piece by piece: same fields, same order,
// same truncation.
#include "asyncio/asyncio.h"

#include "runtime/builtins.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace ascope::aio {

using namespace rt;

namespace {

std::string address(const rt::Object* p) { return rt::addressText(p); }

std::set<NativeFn>& partialFns() {
    static std::set<NativeFn> s;
    return s;
}

// ------------------------------------------------------------------ reprlib

constexpr int kMaxLevel = 6, kMaxTuple = 6, kMaxList = 6, kMaxDict = 4, kMaxSet = 6, kMaxFrozenset = 6,
              kMaxDeque = 6, kMaxString = 30, kMaxLong = 40, kMaxOther = 30;
const char* const kFill = "...";

// Code-point boundaries of a UTF-8 string.
std::vector<size_t> codePoints(const std::string& s) {
    std::vector<size_t> starts;
    for (size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
    return starts;
}

// s[:i] + fillvalue + s[len(s)-j:] on code points.
std::string elide(const std::string& s, int maxlen) {
    std::vector<size_t> cp = codePoints(s);
    if (int(cp.size()) <= maxlen) return s;
    int i = std::max(0, (maxlen - 3) / 2);
    int j = std::max(0, maxlen - 3 - i);
    std::string head = s.substr(0, cp.size() > size_t(i) ? cp[i] : s.size());
    std::string tail = j == 0 ? std::string() : s.substr(cp[cp.size() - j]);
    return head + kFill + tail;
}

std::string repr1(Interp& in, const Value& x, int level);

std::vector<Value> possiblySorted(Interp& in, const Value& x) {
    Value sorted = in.builtinsDict()->getStr(intern("sorted"));
    Value out;
    try {
        out = in.call(sorted, {x});
    } catch (PyException& e) {
        if (!in.isInstance(e.exc, types().Exception)) throw;
        return in.toVector(x);
    }
    return in.toVector(out);
}

std::string reprIterable(Interp& in, const std::vector<Value>& items, int64_t n, int level, const std::string& left,
                         std::string right, int maxiter, const char* trail = "") {
    std::string s;
    if (level <= 0 && n) {
        s = kFill;
    } else {
        int newlevel = level - 1;
        size_t count = std::min(items.size(), size_t(maxiter));
        for (size_t k = 0; k < count; ++k) {
            if (k) s += ", ";
            s += repr1(in, items[k], newlevel);
        }
        if (n > maxiter) s += count ? std::string(", ") + kFill : std::string(kFill);
        if (n == 1 && *trail) right = trail + right;
    }
    return left + s + right;
}

std::string reprInstance(Interp& in, const Value& x) {
    std::string s;
    try {
        s = in.repr(x);
    } catch (PyException& e) {
        if (!in.isInstance(e.exc, types().Exception)) throw;
        return "<" + Interp::typeOf(x)->name + " instance at " + address(x.isObj() ? x.obj() : nullptr) + ">";
    }
    return elide(s, kMaxOther);
}

std::string repr1(Interp& in, const Value& x, int level) {
    std::string typeName = Interp::typeOf(x)->name;
    std::replace(typeName.begin(), typeName.end(), ' ', '_');
    if (typeName == "tuple") {
        std::vector<Value> items = in.toVector(x);
        return reprIterable(in, items, int64_t(items.size()), level, "(", ")", kMaxTuple, ",");
    }
    if (typeName == "list") {
        std::vector<Value> items = in.toVector(x);
        return reprIterable(in, items, int64_t(items.size()), level, "[", "]", kMaxList);
    }
    if (typeName == "deque") {
        std::vector<Value> items = in.toVector(x);
        return reprIterable(in, items, int64_t(items.size()), level, "deque([", "])", kMaxDeque);
    }
    if (typeName == "set" || typeName == "frozenset") {
        int64_t n = in.len(x);
        bool frozen = typeName == "frozenset";
        if (n == 0) return frozen ? "frozenset()" : "set()";
        std::vector<Value> items = possiblySorted(in, x);
        return frozen ? reprIterable(in, items, n, level, "frozenset({", "})", kMaxFrozenset)
                      : reprIterable(in, items, n, level, "{", "}", kMaxSet);
    }
    if (typeName == "dict") {
        int64_t n = in.len(x);
        if (n == 0) return "{}";
        if (level <= 0) return std::string("{") + kFill + "}";
        int newlevel = level - 1;
        std::vector<Value> keys = possiblySorted(in, x);
        std::string s;
        size_t count = std::min(keys.size(), size_t(kMaxDict));
        for (size_t k = 0; k < count; ++k) {
            if (k) s += ", ";
            s += repr1(in, keys[k], newlevel) + ": " + repr1(in, in.getItem(x, keys[k]), newlevel);
        }
        if (n > kMaxDict) s += std::string(", ") + kFill;
        return "{" + s + "}";
    }
    if (typeName == "str") {
        std::string text = isStr(x) ? asStr(x)->s : in.str(x);
        std::vector<size_t> cp = codePoints(text);
        auto slice = [&](size_t from, size_t to) {  // code points [from, to)
            size_t b = from < cp.size() ? cp[from] : text.size();
            size_t e = to < cp.size() ? cp[to] : text.size();
            return text.substr(b, e - b);
        };
        std::string s = in.repr(makeStr(slice(0, kMaxString)));
        if (codePoints(s).size() > size_t(kMaxString)) {
            int i = std::max(0, (kMaxString - 3) / 2);
            int j = std::max(0, kMaxString - 3 - i);
            std::string r = in.repr(makeStr(slice(0, i) + slice(cp.size() - std::min(cp.size(), size_t(j)), cp.size())));
            std::vector<size_t> rcp = codePoints(r);
            std::string head = r.substr(0, rcp.size() > size_t(i) ? rcp[i] : r.size());
            std::string tail = j == 0 || rcp.size() < size_t(j) ? std::string() : r.substr(rcp[rcp.size() - j]);
            s = head + kFill + tail;
        }
        return s;
    }
    if (typeName == "int") return elide(in.repr(x), kMaxLong);
    return reprInstance(in, x);
}

// reprlib.recursive_repr(): a repr that comes back to an object whose repr
// is being built gives '...'.
class RecursionGuard {
public:
    explicit RecursionGuard(const void* key) : m_key(key) { m_entered = running().insert(key).second; }
    ~RecursionGuard() {
        if (m_entered) running().erase(m_key);
    }
    bool recursive() const { return !m_entered; }

private:
    static std::set<const void*>& running() {
        static std::set<const void*> s;
        return s;
    }
    const void* m_key;
    bool m_entered;
};

// ------------------------------------------------------------ format_helpers

// _format_args_and_kwargs(args, None)
std::string formatArgs(Interp& in, const std::vector<Value>& args) {
    std::string s = "(";
    for (size_t i = 0; i < args.size(); ++i) {
        if (i) s += ", ";
        s += reprlibRepr(in, args[i]);
    }
    return s + ")";
}

std::string qualnameOf(Interp& in, const Value& func) {
    if (func.isObj(Kind::Builtin)) {
        auto* b = func.as<BuiltinObject>();
        std::string_view name = b->name;
        if (b->self.isObj(Kind::Native)) {
            if (dynamic_cast<TaskObject*>(b->self.obj()) && (name == "task_wakeup" || name == "task_step"))
                return std::string("Task.") + b->name;
            // Future's own methods (set_result...), not callbacks bound to a future
            if (dynamic_cast<FutureObject*>(b->self.obj()) && name.find('.') == std::string_view::npos)
                return std::string("Future.") + b->name;
        }
    }
    Value qn = in.getAttrOrNull(func, names().__qualname__);
    if (!qn.isNull() && in.truthy(qn)) return in.str(qn);
    Value n = in.getAttrOrNull(func, names().__name__);
    if (!n.isNull() && in.truthy(n)) return in.str(n);
    return in.repr(func);
}

bool isPartialStyle(const Value& func) {
    return func.isObj(Kind::Builtin) && !func.as<BuiltinObject>()->self.isNull() &&
           partialFns().count(func.as<BuiltinObject>()->fn);
}

bool isTaskStep(const Value& func) {
    if (!func.isObj(Kind::Builtin)) return false;
    auto* b = func.as<BuiltinObject>();
    return std::string_view(b->name) == "task_step" && b->self.isObj(Kind::Native) &&
           dynamic_cast<TaskObject*>(b->self.obj());
}

// _format_callback(func, args, None, suffix)
std::string formatCallback(Interp& in, const Value& func, const std::vector<Value>& args, const std::string& suffix) {
    if (isPartialStyle(func)) {
        // functools.partial(f, bound): f's name with the partial's own arguments first
        auto* b = func.as<BuiltinObject>();
        return formatCallback(in, Value(), {b->self}, formatArgs(in, args) + suffix).insert(0, b->name);
    }
    if (func.isNull()) return formatArgs(in, args) + suffix;  // continuation of a partial
    // A task's step is a TaskStepMethWrapper object, called without arguments.
    if (isTaskStep(func)) return "<TaskStepMethWrapper object at " + address(func.obj()) + ">()" + suffix;
    return qualnameOf(in, func) + formatArgs(in, args) + suffix;
}

}  // namespace

void markPartialCallback(NativeFn fn) { partialFns().insert(fn); }

std::string reprlibRepr(Interp& in, const Value& x) { return repr1(in, x, kMaxLevel); }

std::string formatCallbackSource(Interp& in, const Value& func, const std::vector<Value>& args) {
    std::string s = formatCallback(in, func, args, "");
    // _get_function_source: plain Python functions only (a bound method is not one).
    if (func.isObj(Kind::Function)) {
        CodeInfo* code = func.as<FunctionObject>()->code;
        if (code->module) s += " at " + code->module->filename + ":" + std::to_string(code->firstLine);
    }
    return s;
}

std::string coroutineRepr(Interp& in, const Value& coro) {
    if (!coro.isObj(Kind::Generator)) return in.repr(coro);
    auto* g = coro.as<GeneratorObject>();
    // coroutines._format_coroutine: no __name__, no code, no cr_running.
    switch (g->builtinAwaitable) {
    case GeneratorObject::BuiltinAwaitable::AsyncGeneratorAsend: return "<async_generator_asend without __name__>()";
    case GeneratorObject::BuiltinAwaitable::AsyncGeneratorAthrow: return "<async_generator_athrow without __name__>()";
    case GeneratorObject::BuiltinAwaitable::None: break;
    }
    std::string name = (g->qualname && !g->qualname->s.empty() ? g->qualname->s : g->name->s) + "()";
    if (g->isNative() || !g->func) {
        // CPython's are Python coroutines: running while they have a frame.
        return name + (g->state == GeneratorObject::State::Finished ? " done" : " running");
    }
    CodeInfo* code = g->func->code;
    std::string file = code->module ? code->module->filename : "<empty co_filename>";
    if (g->state == GeneratorObject::State::Finished)
        return name + " done, defined at " + file + ":" + std::to_string(code->firstLine);
    int line = g->state == GeneratorObject::State::Created || g->frame.line == 0 ? code->firstLine : g->frame.line;
    return name + " running at " + file + ":" + std::to_string(line);
}

std::string futureReprText(Interp& in, const Value& v) {
    auto* f = static_cast<FutureObject*>(v.obj());
    RecursionGuard guard(f);
    if (guard.recursive()) return "...";
    // base_futures._future_repr_info
    std::vector<std::string> info;
    std::string st = f->stateName();
    std::transform(st.begin(), st.end(), st.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    info.push_back(st);
    if (f->state == FutureObject::State::Finished) {
        if (!f->exception.isNull()) info.push_back("exception=" + in.repr(f->exception));
        else info.push_back("result=" + reprlibRepr(in, f->result));
    }
    if (!f->callbacks.empty()) {
        std::vector<Value> cbs = f->callbacks;  // a callback's repr may run code
        auto one = [&](const Value& cb) { return formatCallbackSource(in, cb, {}); };
        std::string s;
        if (cbs.size() == 1) s = one(cbs[0]);
        else if (cbs.size() == 2) s = one(cbs[0]) + ", " + one(cbs[1]);
        else s = one(cbs[0]) + ", <" + std::to_string(cbs.size() - 2) + " more>, " + one(cbs.back());
        info.push_back("cb=[" + s + "]");
    }
    if (auto* t = dynamic_cast<TaskObject*>(f)) {
        // base_tasks._task_repr_info
        if (t->numCancelsRequested > 0 && !t->done()) info[0] = "cancelling";
        info.insert(info.begin() + 1, "name=" + in.repr(t->name));
        info.insert(info.begin() + 2, "coro=<" + coroutineRepr(in, t->coro) + ">");
        if (!t->futWaiter.isNull() && !t->futWaiter.isNone())
            info.insert(info.begin() + 3, "wait_for=" + in.repr(t->futWaiter));
    }
    std::string s = "<" + Interp::typeOf(v)->name;
    for (auto& part : info) s += " " + part;
    return s + ">";
}

std::string handleReprText(Interp& in, const Value& v) {
    auto* h = static_cast<HandleObject*>(v.obj());
    // events.Handle._repr_info / TimerHandle._repr_info
    std::vector<std::string> info;
    info.push_back(Interp::typeOf(v)->name);
    if (h->cancelled) info.push_back("cancelled");
    if (!h->callback.isNull()) info.push_back(formatCallbackSource(in, h->callback, h->args));
    if (auto* th = dynamic_cast<TimerHandleObject*>(h)) {
        std::string when = th->whenValue.isNull() ? in.repr(Value::real(th->when)) : in.repr(th->whenValue);
        info.insert(info.begin() + (h->cancelled ? 2 : 1), "when=" + when);
    }
    std::string s = "<";
    for (size_t i = 0; i < info.size(); ++i) s += (i ? " " : "") + info[i];
    return s + ">";
}

}  // namespace ascope::aio
