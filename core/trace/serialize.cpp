#include "trace/serialize.h"

#include <charconv>

namespace ascope::trace {

namespace {

void appendNumber(std::string& r, double v) {
    char buf[64];
    auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    r.append(buf, end);
}

void appendInt(std::string& r, uint64_t v) {
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    r.append(buf, end);
}

void appendQuoted(std::string& r, std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    r += '"';
    size_t plain = 0;  // start of the run of characters copied as they are
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        r.append(s.data() + plain, i - plain);
        plain = i + 1;
        switch (c) {
        case '"': r += "\\\""; break;
        case '\\': r += "\\\\"; break;
        case '\n': r += "\\n"; break;
        case '\r': r += "\\r"; break;
        case '\t': r += "\\t"; break;
        default:
            r += "\\u00";
            r += kHex[c >> 4];
            r += kHex[c & 15];
        }
    }
    r.append(s.data() + plain, s.size() - plain);
    r += '"';
}

// Appends every field not at its default, in the fixed order shared by both
// formats: `open(name)` writes what goes before a value, then the value.
template <class Open>
void appendFields(std::string& r, const Event& e, Open open) {
    auto integer = [&](const char* name, uint64_t v) {
        if (!v) return;
        open(name);
        appendInt(r, v);
    };
    auto text = [&](const char* name, const std::string& v) {
        if (v.empty()) return;
        open(name);
        appendQuoted(r, v);
    };
    integer("task", e.task);
    integer("handle", e.handle);
    integer("future", e.future);
    integer("timer", e.timer);
    integer("frame", e.frame);
    integer("object", e.object);
    text("function", e.function);
    text("file", e.file);
    if (e.line) {
        open("line");
        if (e.line < 0) r += '-';
        appendInt(r, e.line < 0 ? uint64_t(-int64_t(e.line)) : uint64_t(e.line));
    }
    text("label", e.label);
    text("text", e.text);
    text("exc_type", e.excType);
    text("exc_message", e.excMessage);
    if (e.value != 0.0) {
        open("value");
        appendNumber(r, e.value);
    }
    if (e.isStderr) {
        open("stderr");
        r += "true";
    }
}

void appendTextLine(std::string& r, const Event& e) {
    appendInt(r, e.seq);
    r += " t=";
    appendNumber(r, e.time);
    r += ' ';
    r += kindName(e.kind);
    appendFields(r, e, [&](const char* name) {
        r += ' ';
        r += name;
        r += '=';
    });
    if (!e.locals.empty()) {
        r += " locals={";
        for (size_t i = 0; i < e.locals.size(); ++i) {
            if (i) r += ", ";
            r += e.locals[i].first;
            r += ": ";
            appendQuoted(r, e.locals[i].second);
        }
        r += '}';
    }
}

void appendJsonObject(std::string& r, const Event& e) {
    r += "{\"seq\": ";
    appendInt(r, e.seq);
    r += ", \"time\": ";
    appendNumber(r, e.time);
    r += ", \"kind\": ";
    appendQuoted(r, kindName(e.kind));
    appendFields(r, e, [&](const char* name) {
        r += ", \"";
        r += name;
        r += "\": ";
    });
    if (!e.locals.empty()) {
        r += ", \"locals\": [";
        for (size_t k = 0; k < e.locals.size(); ++k) {
            if (k) r += ", ";
            r += '[';
            appendQuoted(r, e.locals[k].first);
            r += ", ";
            appendQuoted(r, e.locals[k].second);
            r += ']';
        }
        r += ']';
    }
    r += '}';
}

// Hands `r` to `sink` once it holds this much, so that a long trace never
// needs its whole text in memory.
constexpr size_t kFlushAt = size_t(1) << 16;

void flush(std::string& r, const TextSink& sink, bool always) {
    if (r.empty() || (!always && r.size() < kFlushAt)) return;
    sink(r);
    r.clear();
}

}  // namespace

std::string formatEvent(const Event& e) {
    std::string r;
    appendTextLine(r, e);
    return r;
}

void writeText(const Trace& trace, const TextSink& sink) {
    std::string r;
    for (const Event& e : trace) {
        appendTextLine(r, e);
        r += '\n';
        flush(r, sink, false);
    }
    flush(r, sink, true);
}

void writeJson(const Trace& trace, const TextSink& sink) {
    std::string r = "[";
    bool first = true;
    for (const Event& e : trace) {
        r += first ? "\n" : ",\n";
        first = false;
        appendJsonObject(r, e);
        flush(r, sink, false);
    }
    r += trace.empty() ? "]\n" : "\n]\n";
    flush(r, sink, true);
}

std::string toText(const Trace& trace) {
    std::string r;
    writeText(trace, [&r](std::string_view chunk) { r += chunk; });
    return r;
}

std::string toJson(const Trace& trace) {
    std::string r;
    writeJson(trace, [&r](std::string_view chunk) { r += chunk; });
    return r;
}

}  // namespace ascope::trace
