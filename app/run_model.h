// One run of a scenario and every view of it the window needs.
//
// Why it is built this way: the window never looks at the interpreter. A run
// is executed once, completely, with recording on, and everything shown
// afterwards derives from its trace: keyframed snapshots for the stage and
// the stack inspector, stops for the player, lanes for the timeline, cue
// positions for the narration. All of it is computed here, once per run, and
// kept immutable behind a shared pointer, so the window can keep showing the
// last good run while a new one (or a syntax error) comes in.
#pragma once

#include "player/pacing.h"
#include "render/stage_source.h"
#include "scenario/runner.h"
#include "scenario/scenario_file.h"
#include "trace/navigation.h"
#include "trace/snapshot.h"

#include <QString>

#include <memory>

namespace ascope {

// A run to animate (the window, an exported frame) keeps at most this many
// trace events, then stops with a message: past it, recording would take
// seconds and hundreds of megabytes, and nobody steps through it. About two
// thirds of a second and 25 MB of trace; course scenarios make under 1,000.
constexpr size_t kAnimatedMaxEvents = 2'000'000;

struct RunLimits
{
    int64_t maxSteps = -1;    // negative: the runner's default
    int64_t maxMemory = -1;
    size_t maxEvents = kAnimatedMaxEvents;   // 0: no limit
};

class RunModel
{
public:
    // Runs `source` as `fileName` and indexes its trace.
    static std::shared_ptr<const RunModel> run(const QString &fileName, const std::string &source,
                                               const RunLimits &limits, const Pacing::Duration &duration);

    RunModel(const RunModel &) = delete;
    RunModel &operator=(const RunModel &) = delete;

    const std::string &fileName() const { return m_fileName; }
    const std::string &source() const { return m_source; }
    const RunResult &result() const { return m_result; }
    const trace::Trace &trace() const { return m_trace; }
    const trace::TraceIndex &index() const { return *m_index; }
    const trace::StopIndex &stops() const { return m_stops; }
    const trace::Timeline &timeline() const { return m_timeline; }
    const Pacing &pacing() const { return m_pacing; }
    // What the stage and the exporter draw from (shares this run's index).
    const StageSource &stageSource() const { return *m_stageSource; }
    const scenario::ScenarioMeta &meta() const { return m_meta; }
    const std::vector<scenario::CueStop> &cueStops() const { return m_cueStops; }
    qint64 runMs() const { return m_runMs; }
    qint64 indexMs() const { return m_indexMs; }

    // A run worth showing: it got past compilation (a runtime error is part
    // of the story; a syntax error leaves nothing to show).
    bool showable() const { return !(m_result.error && m_result.error->syntax); }
    // The state at `position` (-1: before the first event).
    trace::Snapshot snapshotAt(long position) const;
    // The cue showing at `position`, -1 when none.
    long cueAt(size_t position) const { return scenario::currentCue(m_cueStops, position); }

private:
    RunModel() = default;

    std::string m_fileName;
    std::string m_source;
    RunResult m_result;
    trace::Trace m_trace;
    std::unique_ptr<trace::TraceIndex> m_index;
    std::unique_ptr<StageSource> m_stageSource;
    trace::StopIndex m_stops;
    trace::Timeline m_timeline;
    Pacing m_pacing;
    scenario::ScenarioMeta m_meta;
    std::vector<scenario::CueStop> m_cueStops;
    qint64 m_runMs = 0;
    qint64 m_indexMs = 0;
};

} // namespace ascope
