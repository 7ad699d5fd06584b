// Printing exceptions the way CPython 3.11's sys.excepthook does: chained
// exceptions first, "Traceback (most recent call last):", one entry per
// frame with the source line and the caret line under the failing
// expression (`~~~^^^~~~` around binary operators and subscripts), repeated
// recursive frames folded, exception groups drawn as nested boxes.
#include "runtime/traceback.h"

#include <algorithm>
#include <cstdint>
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

// ---- "Did you mean" (CPython 3.11's Python/suggestions.c)

constexpr size_t kMaxCandidateItems = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitutionCost(char a, char b) {
    if ((a & 31) != (b & 31)) return kMoveCost;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a = char(a + ('a' - 'A'));
    if ('A' <= b && b <= 'Z') b = char(b + ('a' - 'A'));
    return a == b ? kCaseCost : kMoveCost;
}

// Levenshtein distance with CPython's costs (case flips are cheap); any
// result above `maxCost` is reported as maxCost + 1.
size_t levenshtein(std::string_view a, std::string_view b, size_t maxCost) {
    while (!a.empty() && !b.empty() && a.front() == b.front()) a.remove_prefix(1), b.remove_prefix(1);
    while (!a.empty() && !b.empty() && a.back() == b.back()) a.remove_suffix(1), b.remove_suffix(1);
    if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return maxCost + 1;
    if (b.size() < a.size()) std::swap(a, b);
    if ((b.size() - a.size()) * kMoveCost > maxCost) return maxCost + 1;
    size_t buffer[kMaxStringSize];
    size_t tmp = kMoveCost;
    for (size_t i = 0; i < a.size(); ++i) {
        buffer[i] = tmp;
        tmp += kMoveCost;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < b.size(); ++bi) {
        char code = b[bi];
        size_t distance = result = bi * kMoveCost;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < a.size(); ++i) {
            size_t substitute = distance + substitutionCost(code, a[i]);
            distance = buffer[i];
            size_t insertDelete = std::min(result, distance) + kMoveCost;
            result = std::min(insertDelete, substitute);
            buffer[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > maxCost) return maxCost + 1;
    }
    return result;
}

// The closest of `candidates` to `name`, or "" when none is close enough.
std::string closestName(const std::vector<std::string>& candidates, const std::string& name) {
    if (candidates.size() >= kMaxCandidateItems) return "";
    size_t best = SIZE_MAX;
    const std::string* suggestion = nullptr;
    for (const std::string& item : candidates) {
        if (item == name) continue;
        size_t maxDistance = (name.size() + item.size() + 3) * kMoveCost / 6;
        maxDistance = std::min(maxDistance, best - 1);
        size_t d = levenshtein(name, item, maxDistance);
        if (d > maxDistance) continue;
        if (!suggestion || d < best) {
            suggestion = &item;
            best = d;
        }
    }
    return suggestion ? *suggestion : "";
}

std::vector<std::string> strKeys(const DictObject* d) {
    std::vector<std::string> out;
    d->forEach([&](const Value& k, const Value&) {
        if (isStr(k)) out.push_back(asStr(k)->s);
    });
    return out;
}

// What CPython's excepthook adds after the message of an AttributeError or
// NameError (exactly those types): the closest existing name.
std::string suggestionFor(Interp& in, const Value& exc) {
    auto* e = exc.as<ExceptionObject>();
    ClassObject* t = e->type();
    if (!isStr(e->name) || e->name.obj()->type() != types().str) return "";
    const std::string& name = asStr(e->name)->s;
    if (t == types().AttributeError) {
        if (e->obj.isNull()) return "";
        Value dir = in.builtinsDict()->getStr(intern("dir"));
        if (dir.isNull()) return "";
        std::vector<std::string> names;
        bool failed = false;
        try {
            Value listing = in.call(dir, {e->obj});
            if (!listing.isObj(Kind::List)) return "";
            for (const Value& v : listing.as<ListObject>()->items)
                if (isStr(v)) names.push_back(asStr(v)->s);
        } catch (PyException&) {
            failed = true;
        }
        return failed ? "" : closestName(names, name);
    }
    if (t == types().NameError) {
        if (!e->traceback || e->traceback->empty()) return "";
        const CodeInfo* code = e->traceback->back().code;
        std::vector<std::string> locals = code->varNames;
        for (size_t i = 0; i < code->cellNames.size(); ++i)
            if (std::find(locals.begin(), locals.end(), code->cellNames[i]) == locals.end())
                locals.push_back(code->cellNames[i]);
        std::string s = closestName(locals, name);
        if (!s.empty()) return s;
        if (in.mainModule()) {
            s = closestName(strKeys(in.mainModule()->dict.get()), name);
            if (!s.empty()) return s;
        }
        return closestName(strKeys(in.builtinsDict()), name);
    }
    return "";
}

// "Type: message" as CPython's print_exception_message writes it, then the
// "Did you mean" suggestion. No newline.
std::string exceptionLine(Interp& in, const Value& exc) {
    std::string out = formatExceptionOnly(in, exc);
    std::string suggestion = suggestionFor(in, exc);
    if (!suggestion.empty()) out += ". Did you mean: '" + suggestion + "'?";
    return out;
}

// The state of CPython 3.11's exception printer (pythonrun.c): exceptions
// already printed, the nesting depth inside exception groups (each level
// indents by two and draws a "| " margin) and whether a group's closing line
// is still owed.
struct PrintContext {
    std::set<const Object*> seen;
    int depth = 0;
    bool needClose = false;
    std::string indent() const { return std::string(size_t(2 * depth), ' '); }
    std::string indentedMargin() const { return indent() + (depth ? "| " : ""); }
};

constexpr size_t kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

void printRecursive(Interp& in, const Value& exc, std::string& out, PrintContext& ctx);

void printChained(Interp& in, const Value& exc, std::string& out, PrintContext& ctx, const char* message) {
    bool needClose = ctx.needClose;
    printRecursive(in, exc, out, ctx);
    ctx.needClose = needClose;
    std::string m = ctx.indentedMargin();
    out += m + "\n" + m + message + m + "\n";
}

void printCauseAndContext(Interp& in, const Value& exc, std::string& out, PrintContext& ctx) {
    ctx.seen.insert(exc.obj());
    auto* e = exc.as<ExceptionObject>();
    if (e->cause.isObj(Kind::Exception)) {
        if (!ctx.seen.count(e->cause.obj()))
            printChained(in, e->cause, out, ctx, "The above exception was the direct cause of the following exception:\n");
        return;
    }
    if (e->suppressContext) return;
    if (e->context.isObj(Kind::Exception) && !ctx.seen.count(e->context.obj()))
        printChained(in, e->context, out, ctx, "During handling of the above exception, another exception occurred:\n");
}

void printException(Interp& in, const Value& exc, std::string& out, PrintContext& ctx, bool group) {
    auto* e = exc.as<ExceptionObject>();
    std::string indent = ctx.indent();
    std::string margin = ctx.indentedMargin();
    if (e->traceback && !e->traceback->empty()) {
        std::string headerMargin = ctx.depth ? "| " : "";
        if (group && ctx.depth == 1) headerMargin = "+ ";
        out += indent + headerMargin +
               (group ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n");
        out += formatTraceback(*e->traceback, margin);
    }
    out += margin + exceptionLine(in, exc) + "\n";
    if (e->notes.isObj(Kind::List)) {
        std::vector<Value> notes = e->notes.as<ListObject>()->items;
        for (const Value& n : notes) {
            std::string text;
            bool failed = false;
            try {
                text = in.str(n);
            } catch (PyException&) {
                failed = true;
            }
            if (failed) {
                out += "<note str() failed>\n";
                continue;
            }
            size_t p = 0;
            do {
                size_t nl = text.find('\n', p);
                size_t end = nl == std::string::npos ? text.size() : nl + 1;
                out += margin + text.substr(p, end - p);
                p = end;
            } while (p < text.size());
            out += "\n";
        }
    }
}

void printGroup(Interp& in, const Value& exc, std::string& out, PrintContext& ctx) {
    if (ctx.depth > kMaxGroupDepth) {
        out += ctx.indentedMargin() + "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n";
        return;
    }
    if (ctx.depth == 0) ctx.depth = 1;
    printException(in, exc, out, ctx, true);
    std::vector<Value> subs = exc.as<ExceptionObject>()->groupExceptions->items;
    size_t n = subs.size() <= kMaxGroupWidth ? subs.size() : kMaxGroupWidth + 1;
    ctx.needClose = false;
    for (size_t i = 0; i < n; ++i) {
        bool last = i + 1 == n;
        if (last) ctx.needClose = true;
        bool truncated = i >= kMaxGroupWidth;
        out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " +
               (truncated ? std::string("...") : std::to_string(i + 1)) + " ----------------\n";
        ++ctx.depth;
        if (!truncated) {
            printRecursive(in, subs[i], out, ctx);
        } else {
            size_t remaining = subs.size() - kMaxGroupWidth;
            out += ctx.indentedMargin() + "and " + std::to_string(remaining) + " more exception" +
                   (remaining > 1 ? "s" : "") + "\n";
        }
        if (last && ctx.needClose) {
            out += ctx.indent() + "+------------------------------------\n";
            ctx.needClose = false;
        }
        --ctx.depth;
    }
    if (ctx.depth == 1) ctx.depth = 0;
}

void printRecursive(Interp& in, const Value& exc, std::string& out, PrintContext& ctx) {
    if (!exc.isObj(Kind::Exception)) {
        out += ctx.indentedMargin() + "TypeError: print_exception(): Exception expected for value, " +
               Interp::typeName(exc) + " found\n";
        return;
    }
    printCauseAndContext(in, exc, out, ctx);
    auto* e = exc.as<ExceptionObject>();
    if (in.isInstance(exc, types().BaseExceptionGroup) && e->groupExceptions) printGroup(in, exc, out, ctx);
    else printException(in, exc, out, ctx, false);
}

}  // namespace

std::string formatFrameSummary(const CodeInfo* code, int line) {
    // An entry without a column: formatEntry stops after the source line.
    TracebackEntry e;
    e.code = code;
    e.pos.line = e.pos.endLine = line;
    e.pos.col = e.pos.endCol = -1;
    return formatEntry(e);
}

std::string exceptionTypeName(const Value& exc) {
    ClassObject* t = Interp::typeOf(exc);
    std::string module = t->module;
    Value m = t->dict->getStr(names().__module__);
    if (isStr(m)) module = asStr(m)->s;
    Value qn = t->dict->getStr(names().__qualname__);
    std::string name = isStr(qn) ? asStr(qn)->s : t->name;
    if (module != "builtins" && module != "__main__") name = module + "." + name;
    return name;
}

std::string formatExceptionOnly(Interp& in, const Value& exc) {
    std::string name = exceptionTypeName(exc);
    std::string text;
    try {
        text = in.str(exc);
    } catch (PyException&) {
        return name + ": <exception str() failed>";
    }
    return text.empty() ? name : name + ": " + text;
}

std::string Interp::formatException(const Value& exc) {
    std::string out;
    if (!exc.isObj(Kind::Exception)) return typeName(exc) + "\n";
    PrintContext ctx;
    printRecursive(*this, exc, out, ctx);
    return out;
}

// CPython's default unraisable hook (write_unraisable_exc_file): the
// traceback and "Type: message" only, without chained exceptions, notes or
// suggestions; an exception that was never raised gets the current frame.
void Interp::writeUnraisable(const Value& exc, const std::string& where) {
    std::string out = "Exception ignored in: " + where + "\n";
    if (!exc.isObj(Kind::Exception)) {
        write(true, out + typeName(exc) + "\n");
        return;
    }
    auto* e = exc.as<ExceptionObject>();
    if ((!e->traceback || e->traceback->empty()) && m_frame) addTraceback(exc, *m_frame, m_frame->cur);
    if (e->traceback && !e->traceback->empty()) {
        out += "Traceback (most recent call last):\n";
        out += formatTraceback(*e->traceback, "");
    }
    // Unlike format_exception_only, ": " is written even when str() is empty.
    std::string name = exceptionTypeName(exc);
    std::string text;
    bool failed = false;
    try {
        text = str(exc);
    } catch (PyException&) {
        failed = true;
    }
    out += name + ": " + (failed ? std::string("<exception str() failed>") : text) + "\n";
    write(true, out);
}

}  // namespace ascope::rt
