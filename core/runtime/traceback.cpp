// Printing exceptions the way CPython 3.11's sys.excepthook does: chained
// exceptions first, "Traceback (most recent call last):", one entry per
// frame with the source line and the caret line under the failing
// expression (`~~~^^^~~~` around binary operators and subscripts), repeated
// recursive frames folded, exception groups drawn as nested boxes.
#include "runtime/interp.h"

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
    std::string suggestion = suggestionFor(in, exc);
    if (!suggestion.empty()) out += ". Did you mean: '" + suggestion + "'?";
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
