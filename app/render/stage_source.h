// StageSource: a recorded run, ready to be drawn at any position.
//
// Why it is built this way: the window's stage, the exporter and the tests
// must show the same frame for the same position; they all ask this one
// object for it. It holds an index over the trace (keyframed snapshots, its
// own or one shared with the window's run), a directory of every handle the
// run scheduled (a snapshot keeps only the running handle's id; the label
// shown on the CPU comes from here), and the scenario's source, titles and
// narration cues (parsed by the core's scenario module).
// Positions: `step` is an event index as `asyncscope trace` numbers them; the
// frame at (step, progress) plays event `step` from the state before it
// (progress 0) to the state after it (progress 1). The player may also glide
// over several events at once: `transition(from, to, progress)`.
#pragma once

#include "render/render_frame.h"
#include "render/stage_layout.h"
#include "scenario/scenario_file.h"
#include "trace/snapshot.h"
#include "trace/trace.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <unordered_map>
#include <vector>

namespace ascope {

struct FrameOptions
{
    QSize size{1920, 1080};
    Language language = Language::French;
    const Theme *theme = &Theme::standard();
    // The caption band at the bottom: the exporter shows it when the
    // scenario has cues (Auto); a window with its own narration panel may hide it.
    enum class Narration { Auto, Show, Hide } narration = Narration::Auto;
};

class StageSource
{
public:
    // `trace` (and `index`, when given) must outlive this object and not
    // change while it is used; without `index` the source folds its own.
    explicit StageSource(const trace::Trace &trace, const trace::TraceIndex *index = nullptr);

    // The scenario's text (code lines, titles, cues) and the file name its
    // frames carry in the trace (as given to the runner).
    void setScenario(const std::string &source, const std::string &file);

    size_t eventCount() const { return m_trace.size(); }
    const trace::Trace &trace() const { return m_trace; }
    // The state after event `step` (-1: before the first event).
    trace::Snapshot snapshotAt(long step) const;

    // The frame at (`step`, `linearProgress`); progress is eased here with the
    // theme's pacing of the event. A step past the end shows the last event;
    // an empty trace gives a still frame of the empty state.
    FrameInput frame(size_t step, double linearProgress, const FrameOptions &options) const;
    // A glide from the state after `from` (-1: the start) to the state after
    // `to`, about event `to`.
    FrameInput transition(long from, size_t to, double linearProgress, const FrameOptions &options) const;

    // Pieces of frame(), for callers that cache layouts.
    StageContext contextFor(const trace::Snapshot &snapshot, const trace::Event *event, const FrameOptions &options) const;
    QString titleFor(Language language) const;   // the scenario's title, else its file name
    QString narrationAt(size_t step, Language language) const;   // empty: no cue yet
    bool hasNarration() const { return !m_meta.cues.empty(); }

private:
    const trace::Trace &m_trace;
    std::unique_ptr<trace::TraceIndex> m_ownIndex;
    const trace::TraceIndex *m_index = nullptr;
    std::unordered_map<uint64_t, trace::HandleView> m_handles;
    QStringList m_lines;
    std::string m_file;
    scenario::ScenarioMeta m_meta;
    std::vector<scenario::CueStop> m_cueStops;
};

} // namespace ascope
