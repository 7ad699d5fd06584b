#include "scenario/scenario_file.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace ascope::scenario {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// "# key[lang]: value" or "# key: value" -> (key, lang, value); false otherwise.
bool parseKeyLine(std::string_view comment, std::string& key, std::string& lang, std::string& value) {
    if (comment.empty() || comment.front() != '#') return false;
    std::string_view body = trim(comment.substr(1));
    size_t colon = body.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    std::string_view head = body.substr(0, colon);
    lang.clear();
    if (head.back() == ']') {
        size_t open = head.find('[');
        if (open == std::string_view::npos || open == 0) return false;
        lang = std::string(head.substr(open + 1, head.size() - open - 2));
        head = head.substr(0, open);
        if (lang.empty()) return false;
    }
    for (char c : head)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    key = std::string(head);
    value = std::string(trim(body.substr(colon + 1)));
    return true;
}

std::string pick(const std::map<std::string, std::string>& texts, std::string_view language) {
    if (auto it = texts.find(std::string(language)); it != texts.end()) return it->second;
    for (const char* other : {"fr", "en"})
        if (auto it = texts.find(other); it != texts.end()) return it->second;
    return texts.empty() ? std::string() : texts.begin()->second;
}

}  // namespace

std::string Cue::in(std::string_view language) const { return pick(text, language); }
std::string ScenarioMeta::title(std::string_view language) const { return pick(titles, language); }

ScenarioMeta parseScenarioMeta(std::string_view source) {
    ScenarioMeta meta;
    bool leading = true;
    bool inCue = false;            // the previous line was a cue comment
    std::vector<size_t> waiting;   // cues not yet attached to a statement
    int lineNo = 0;
    size_t pos = 0;
    if (source.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
    while (pos <= source.size()) {
        size_t end = source.find('\n', pos);
        if (end == std::string_view::npos) end = source.size();
        std::string_view raw = source.substr(pos, end - pos);
        ++lineNo;
        std::string_view line = trim(raw);
        if (line.empty()) {
            inCue = false;
        } else if (line.front() == '#') {
            std::string key, lang, value;
            bool keyed = parseKeyLine(line, key, lang, value);
            if (keyed && key == "cue" && !lang.empty()) {
                if (!inCue || meta.cues.back().text.count(lang)) {
                    meta.cues.push_back(Cue{lineNo, 0, {}});
                    waiting.push_back(meta.cues.size() - 1);
                }
                meta.cues.back().text.emplace(lang, value);
                inCue = true;
            } else {
                inCue = false;
                if (leading && keyed) {
                    if (key == "title" && !lang.empty()) meta.titles.emplace(lang, value);
                    else if (key == "video" && lang.empty() && meta.video.empty()) meta.video = value;
                }
            }
        } else {
            leading = false;
            inCue = false;
            for (size_t i : waiting) meta.cues[i].line = lineNo;
            waiting.clear();
        }
        if (end == source.size()) break;
        pos = end + 1;
    }
    return meta;
}

std::vector<CueStop> cueStops(const trace::Trace& trace, const std::vector<Cue>& cues, std::string_view file) {
    std::vector<CueStop> stops;
    std::vector<bool> shown(cues.size(), false);
    size_t left = 0;
    for (const Cue& c : cues) left += c.line > 0;
    std::unordered_set<uint64_t> foreign;  // frames of other files than `file`
    for (size_t i = 0; i < trace.size() && left > 0; ++i) {
        const trace::Event& e = trace[i];
        if (e.kind == trace::EventKind::FramePushed && !file.empty() && e.file != file) foreign.insert(e.frame);
        if (e.kind != trace::EventKind::LineExecuted || foreign.count(e.frame)) continue;
        for (size_t c = 0; c < cues.size(); ++c) {
            if (shown[c] || cues[c].line != e.line) continue;
            shown[c] = true;
            --left;
            stops.push_back(CueStop{i, c});
        }
    }
    return stops;
}

long currentCue(const std::vector<CueStop>& stops, size_t position) {
    auto it = std::upper_bound(stops.begin(), stops.end(), position,
                               [](size_t p, const CueStop& s) { return p < s.event; });
    if (it == stops.begin()) return -1;
    return long(std::prev(it)->cue);
}

}  // namespace ascope::scenario
