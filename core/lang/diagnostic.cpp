#include "lang/diagnostic.h"

namespace ascope::lang {

namespace {

// CPython's print_error_text (Python/pythonrun.c, 3.11), on `text` as CPython
// holds it (with its trailing newline when it has one).
void printErrorText(std::string& out, long offset, long endOffset, const std::string& fullText) {
    const size_t caretRepetitions =
        (endOffset > 0 && endOffset > offset) ? size_t(endOffset - offset) : 1;
    const char* text = fullText.c_str();

    offset--;  // 1-based to 0-based
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    long len = long(std::char_traits<char>::length(text));
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {  // skip past newlines embedded in the text
        const char* nl = std::char_traits<char>::find(text, size_t(len) + 1, '\n');
        if (!nl) break;
        long inl = long(nl - text);
        if (inl >= offset) break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    out += "    ";
    out += text;
    if (text[len] != '\n') out += '\n';
    if (offset < 0) return;
    out += "    ";
    out.append(size_t(offset), ' ');
    out.append(caretRepetitions, '^');
    out += '\n';
}

}  // namespace

std::string formatSyntaxError(const SyntaxError& e, const std::string& filename) {
    std::string out;
    const bool located = e.line > 0 && (e.type == "SyntaxError" || e.type == "IndentationError" ||
                                        e.type == "TabError");
    if (located) {
        out += "  File \"" + filename + "\", line " + std::to_string(e.line) + "\n";
        if (e.hasText || !e.text.empty()) {
            // Subclasses of SyntaxError are printed without their end position.
            const bool plain = e.type == "SyntaxError";
            long endLine = plain ? e.endLine : e.line;
            long endOffset = plain ? e.endOffset : -1;
            if (endLine == 0) endLine = e.line;
            std::string text = e.text;
            if (e.textHasNewline) text += '\n';
            // The text stops at an embedded NUL, as CPython's C string would.
            text = text.substr(0, text.find('\0'));
            const long lineSize = long(text.size());
            if (endLine > e.line) endOffset = lineSize;
            if (endOffset > lineSize + 1) endOffset = lineSize + 1;
            printErrorText(out, e.offset, endOffset, text);
        }
    }
    out += e.type;
    if (!e.message.empty()) out += ": " + e.message;
    out += '\n';
    return out;
}

std::string formatSyntaxWarning(const SyntaxWarning& w, const std::string& filename) {
    std::string out = filename + ":" + std::to_string(w.line) + ": SyntaxWarning: " + w.message + "\n";
    if (!w.text.empty()) out += "  " + w.text + "\n";
    return out;
}

}  // namespace ascope::lang
