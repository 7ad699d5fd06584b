// Python warnings as CPython's default filters show them: once per
// (category, message, line), as "file:line: Category: message" followed by
// the source line.
#include "runtime/interp.h"

#include <set>

namespace ascope::rt {

namespace {
struct WarningRegistry {
    std::set<std::string> shown;
};

std::string stripped(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\f");
    if (b == std::string::npos) return "";
    size_t e = s.find_last_not_of(" \t\f\r\n");
    return s.substr(b, e - b + 1);
}
}  // namespace

void Interp::warn(ClassObject* category, const std::string& message, bool fromDeallocation) {
    auto& slot = extension("warnings");
    if (!slot) slot = std::make_shared<WarningRegistry>();
    auto* reg = static_cast<WarningRegistry*>(slot.get());
    Frame* f = currentFrame();
    std::string file = "sys";
    int line = 1;
    std::string source;
    if (f && f->code && f->code->module) {
        file = f->code->module->filename;
        line = f->line;
        if (line >= 1 && line <= int(f->code->module->lines.size()))
            source = stripped(f->code->module->lines[size_t(line - 1)]);
    }
    std::string key = category->name + "\n" + message + "\n" + file + "\n" + std::to_string(line);
    if (!reg->shown.insert(key).second) return;
    std::string text = file + ":" + std::to_string(line) + ": " + category->name + ": " + message + "\n";
    if (!source.empty()) text += "  " + source + "\n";
    if (fromDeallocation) text += category->name + ": Enable tracemalloc to get the object allocation traceback\n";
    write(true, text);
}

}  // namespace ascope::rt
