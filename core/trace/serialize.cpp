#include "trace/serialize.h"

#include <charconv>
#include <cstdio>

namespace ascope::trace {

namespace {

std::string number(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string quoted(std::string_view s) {
    std::string r = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': r += "\\\""; break;
        case '\\': r += "\\\\"; break;
        case '\n': r += "\\n"; break;
        case '\r': r += "\\r"; break;
        case '\t': r += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                r += buf;
            } else {
                r += char(c);
            }
        }
    }
    return r + "\"";
}

// Calls `out(name, encodedValue)` for every field not at its default, in
// the fixed order shared by both formats. Strings arrive quoted.
template <class Out>
void forEachField(const Event& e, Out out) {
    if (e.task) out("task", std::to_string(e.task));
    if (e.handle) out("handle", std::to_string(e.handle));
    if (e.future) out("future", std::to_string(e.future));
    if (e.timer) out("timer", std::to_string(e.timer));
    if (e.frame) out("frame", std::to_string(e.frame));
    if (!e.function.empty()) out("function", quoted(e.function));
    if (!e.file.empty()) out("file", quoted(e.file));
    if (e.line) out("line", std::to_string(e.line));
    if (!e.label.empty()) out("label", quoted(e.label));
    if (!e.text.empty()) out("text", quoted(e.text));
    if (!e.excType.empty()) out("exc_type", quoted(e.excType));
    if (!e.excMessage.empty()) out("exc_message", quoted(e.excMessage));
    if (e.value != 0.0) out("value", number(e.value));
    if (e.isStderr) out("stderr", "true");
}

}  // namespace

std::string formatEvent(const Event& e) {
    std::string r = std::to_string(e.seq) + " t=" + number(e.time) + " " + std::string(kindName(e.kind));
    forEachField(e, [&](const char* name, const std::string& v) { r += " " + std::string(name) + "=" + v; });
    if (!e.locals.empty()) {
        r += " locals={";
        for (size_t i = 0; i < e.locals.size(); ++i) {
            if (i) r += ", ";
            r += e.locals[i].first + ": " + quoted(e.locals[i].second);
        }
        r += "}";
    }
    return r;
}

std::string toText(const Trace& trace) {
    std::string r;
    for (const Event& e : trace) {
        r += formatEvent(e);
        r += '\n';
    }
    return r;
}

std::string toJson(const Trace& trace) {
    std::string r = "[";
    bool first = true;
    for (const Event& e : trace) {
        r += first ? "\n" : ",\n";
        first = false;
        r += "{\"seq\": " + std::to_string(e.seq) + ", \"time\": " + number(e.time) + ", \"kind\": " +
             quoted(kindName(e.kind));
        forEachField(e, [&](const char* name, const std::string& v) { r += ", " + quoted(name) + ": " + v; });
        if (!e.locals.empty()) {
            r += ", \"locals\": [";
            for (size_t k = 0; k < e.locals.size(); ++k) {
                if (k) r += ", ";
                r += "[" + quoted(e.locals[k].first) + ", " + quoted(e.locals[k].second) + "]";
            }
            r += "]";
        }
        r += "}";
    }
    return r + (trace.empty() ? "]\n" : "\n]\n");
}

}  // namespace ascope::trace
