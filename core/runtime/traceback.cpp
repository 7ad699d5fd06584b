// Printing exceptions the way CPython 3.11's sys.excepthook does: chained
// exceptions first, "Traceback (most recent call last):", one entry per
// frame with the source line and the caret line under the failing
// expression (`~~~^^^~~~` around binary operators and subscripts), repeated
// recursive frames folded, exception groups drawn as nested boxes.
#include "runtime/interp.h"

#include <set>

namespace ascope::rt {

namespace {

constexpr int kRecursiveCutoff = 3;

std::string stripCopy(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\f\r\n\v");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\f\r\n\v");
    return s.substr(b, e - b + 1);
}

// Character offset of a UTF-8 byte offset within `line`.
int charOffset(const std::string& line, int byteOffset) {
    int n = 0;
    for (int i = 0; i < byteOffset && i < int(line.size()); ++i)
        if ((static_cast<unsigned char>(line[size_t(i)]) & 0xC0) != 0x80) ++n;
    return n;
}

int charLength(const std::string& s) { return charOffset(s, int(s.size())); }

std::string formatEntry(const TracebackEntry& e) {
    const CodeInfo* code = e.code;
    std::string out = "  File \"" + (code->module ? code->module->filename : std::string("<unknown>")) +
                      "\", line " + std::to_string(e.pos.line) + ", in " + code->name + "\n";
    if (!code->module || e.pos.line < 1 || e.pos.line > int(code->module->lines.size())) return out;
    const std::string& line = code->module->lines[size_t(e.pos.line - 1)];
    std::string stripped = stripCopy(line);
    if (stripped.empty()) return out;
    out += "    " + stripped + "\n";
    if (e.pos.col < 0) return out;
    size_t lead = line.find_first_not_of(" \t\f");
    int strippedChars = charOffset(line, int(lead == std::string::npos ? 0 : lead));
    int start = charOffset(line, e.pos.col);
    int end;
    bool singleLine = e.pos.endLine == e.pos.line;
    if (singleLine) {
        end = charOffset(line, e.pos.endCol);
    } else {
        size_t last = line.find_last_not_of(" \t\f\r\n\v");
        end = last == std::string::npos ? 0 : charOffset(line, int(last + 1));
    }
    // Anchors, computed on the segment as CPython does.
    bool haveAnchors = false;
    int leftEnd = 0, rightStart = 0;
    if (singleLine && e.anchorLeft >= 0) {
        std::string seg = line.substr(size_t(e.pos.col), size_t(e.pos.endCol - e.pos.col));
        int segStart = e.pos.col;
        if (e.isBinOp) {
            int lEnd = e.anchorLeft - segStart;
            int rStart = e.anchorRight - segStart;
            if (lEnd >= 0 && rStart >= lEnd && rStart <= int(seg.size())) {
                std::string op = seg.substr(size_t(lEnd), size_t(rStart - lEnd));
                size_t firstNonSpace = op.find_first_not_of(" \t\f\r\n\v");
                int opOffset = firstNonSpace == std::string::npos ? int(op.size()) : int(firstNonSpace);
                int left = lEnd + opOffset;
                int right = left + 1;
                if (opOffset + 1 < int(op.size()) && !std::isspace(static_cast<unsigned char>(op[size_t(opOffset + 1)])))
                    ++right;
                while (left < int(seg.size()) &&
                       (std::isspace(static_cast<unsigned char>(seg[size_t(left)])) || seg[size_t(left)] == ')' ||
                        seg[size_t(left)] == '#')) {
                    ++left;
                    ++right;
                }
                leftEnd = charOffset(seg, left);
                rightStart = charOffset(seg, right);
                haveAnchors = true;
            }
        } else {
            int left = e.anchorLeft - segStart;
            int right = e.anchorRight - segStart + 1;
            if (left >= 0 && right >= 0) {
                while (left < int(seg.size()) && seg[size_t(left)] != '[') ++left;
                while (right < int(seg.size()) && seg[size_t(right)] != ']') ++right;
                if (right < int(seg.size())) ++right;
                leftEnd = charOffset(seg, left);
                rightStart = charOffset(seg, right);
                haveAnchors = true;
            }
        }
    }
    if (end - start < charLength(stripped) || (haveAnchors && rightStart - leftEnd > 0)) {
        out += "    ";
        out += std::string(size_t(std::max(0, start - strippedChars)), ' ');
        if (haveAnchors) {
            out += std::string(size_t(leftEnd), '~');
            out += std::string(size_t(std::max(0, rightStart - leftEnd)), '^');
            out += std::string(size_t(std::max(0, end - start - rightStart)), '~');
        } else {
            out += std::string(size_t(std::max(0, end - start)), '^');
        }
        out += "\n";
    }
    return out;
}

std::string formatTraceback(const std::vector<TracebackEntry>& entries, const std::string& margin) {
    std::string out;
    const CodeInfo* lastCode = nullptr;
    int lastLine = -1;
    int count = 0;
    auto flush = [&]() {
        if (count > kRecursiveCutoff) {
            int more = count - kRecursiveCutoff;
            out += margin + "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") +
                   "]\n";
        }
    };
    for (size_t i = entries.size(); i-- > 0;) {
        const TracebackEntry& e = entries[i];
        if (e.code != lastCode || e.pos.line != lastLine) {
            flush();
            lastCode = e.code;
            lastLine = e.pos.line;
            count = 0;
        }
        if (++count > kRecursiveCutoff) continue;
        std::string entry = formatEntry(e);
        if (margin.empty()) {
            out += entry;
        } else {
            size_t p = 0;
            while (p < entry.size()) {
                size_t nl = entry.find('\n', p);
                out += margin + entry.substr(p, nl - p + 1);
                p = nl + 1;
            }
        }
    }
    flush();
    return out;
}

std::string exceptionLine(Interp& in, const Value& exc) {
    ClassObject* t = Interp::typeOf(exc);
    std::string name = t->qualifiedName();
    std::string text;
    try {
        text = in.str(exc);
    } catch (PyException&) {
        text = "<exception str() failed>";
    }
    std::string out = text.empty() ? name : name + ": " + text;
    out += "\n";
    auto* eo = exc.as<ExceptionObject>();
    if (eo->notes.isObj(Kind::List))
        for (const Value& n : eo->notes.as<ListObject>()->items) out += in.str(n) + "\n";
    return out;
}

void formatOne(Interp& in, const Value& exc, std::string& out, std::set<const Object*>& seen, const std::string& margin,
               int depth);

void formatChain(Interp& in, const Value& exc, std::string& out, std::set<const Object*>& seen,
                 const std::string& margin, int depth) {
    seen.insert(exc.obj());
    auto* e = exc.as<ExceptionObject>();
    if (!e->cause.isNull() && e->cause.isObj(Kind::Exception) && !seen.count(e->cause.obj())) {
        formatChain(in, e->cause, out, seen, margin, depth);
        out += margin + "\n" + margin + "The above exception was the direct cause of the following exception:\n" +
               margin + "\n";
    } else if (!e->suppressContext && !e->context.isNull() && e->context.isObj(Kind::Exception) &&
               !seen.count(e->context.obj())) {
        formatChain(in, e->context, out, seen, margin, depth);
        out += margin + "\n" + margin + "During handling of the above exception, another exception occurred:\n" +
               margin + "\n";
    }
    formatOne(in, exc, out, seen, margin, depth);
}

void formatOne(Interp& in, const Value& exc, std::string& out, std::set<const Object*>& seen, const std::string& margin,
               int depth) {
    auto* e = exc.as<ExceptionObject>();
    bool group = in.isInstance(exc, types().BaseExceptionGroup) && e->groupExceptions;
    std::string m = margin;
    if (group) m = margin + (depth == 0 ? "  | " : "");
    if (e->traceback && !e->traceback->empty()) {
        out += (group ? margin + "  + Exception Group Traceback (most recent call last):\n"
                      : m + "Traceback (most recent call last):\n");
        out += formatTraceback(*e->traceback, group ? margin + "  | " : m);
    } else if (group) {
        out += margin + "  | ExceptionGroup: \n";
    }
    std::string line = exceptionLine(in, exc);
    if (group) {
        std::string gm = margin + "  | ";
        size_t p = 0;
        while (p < line.size()) {
            size_t nl = line.find('\n', p);
            out += gm + line.substr(p, nl - p + 1);
            p = nl + 1;
        }
        const auto& subs = e->groupExceptions->items;
        size_t n = subs.size();
        for (size_t i = 0; i < n && i < 15; ++i) {
            std::string header = (i == 0 ? margin + "  +-+---------------- " : margin + "    +---------------- ") +
                                 std::to_string(i + 1) + " ----------------\n";
            out += header;
            std::string sub;
            std::set<const Object*> subSeen = seen;
            formatChain(in, subs[i], sub, subSeen, margin + "    | ", depth + 1);
            out += sub;
        }
        if (n > 15) {
            out += margin + "    +---------------- ... ----------------\n";
            out += margin + "    | and " + std::to_string(n - 15) + " more exceptions\n";
        }
        out += margin + "    +------------------------------------\n";
        return;
    }
    size_t p = 0;
    while (p < line.size()) {
        size_t nl = line.find('\n', p);
        out += m + line.substr(p, nl - p + 1);
        p = nl + 1;
    }
}

}  // namespace

std::string Interp::formatException(const Value& exc) {
    std::string out;
    if (!exc.isObj(Kind::Exception)) return typeName(exc) + "\n";
    std::set<const Object*> seen;
    formatChain(*this, exc, out, seen, "", 0);
    return out;
}

void Interp::writeUnraisable(const Value& exc, const std::string& where) {
    write(true, "Exception ignored in: " + where + "\n" + formatException(exc));
}

}  // namespace ascope::rt
