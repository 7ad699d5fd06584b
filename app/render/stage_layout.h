// StageLayout: one snapshot of a run → the geometry of the stage.
//
// Why it is built this way: the stage is a pure function of the state, so
// that stepping back shows exactly the earlier picture, a frame exported
// headless is the one the window shows, and tests can check the geometry
// without painting anything. The layout knows asyncio only through the
// trace's Snapshot; the painter knows nothing of either.
//
// The stage, top to bottom (stage pixels of a 1080-high frame):
//   header    title · loop.time() · iteration · phase, and what just happened
//   CPU | READY   the running handle and its task's card on the CPU, then the
//                 ready deque front first (the front is next to the CPU) and
//                 the cards of ready tasks
//   WAITING   cards of suspended tasks, each naming what it awaits, with an
//             arrow to the task it awaits or to the timer that will wake it
//   TIMERS    the timer heap on a time axis starting at `now`
//   DONE      finished tasks as chips: ✓ result, ✗ exception, ⊘ cancelled
//   narration the lecturer's caption (optional band)
// A task keeps one key wherever it is, so its card glides between regions.
// What does not fit is counted in group chips ("+940 waiting on timers");
// text is never made smaller than the theme's minimum for that, and what the
// current event is about (`StageFocus`) is always among what is shown.
#pragma once

#include "render/stage_geometry.h"
#include "render/theme.h"
#include "scenario_catalog.h"
#include "trace/snapshot.h"

#include <QSizeF>
#include <QStringList>

#include <optional>
#include <vector>

namespace ascope {

// What the current event is about: kept visible and outlined.
struct StageFocus
{
    std::optional<trace::EventKind> kind;   // the event's kind (none: no event)
    std::vector<uint64_t> tasks;            // tasks it concerns
    uint64_t handle = 0;
    uint64_t timer = 0;
    uint64_t future = 0;
    uint64_t frame = 0;
    uint64_t object = 0;                    // a primitive
};

// The focus of `event`. Pure; an event naming nothing gives an empty focus
// (apart from its kind).
StageFocus focusOf(const trace::Event &event);

struct StageContext
{
    const Theme *theme = &Theme::standard();
    Language language = Language::French;
    QSizeF size{1920, 1080};          // device pixels of the whole frame
    bool narrationBand = true;        // reserve the caption band at the bottom
    StageFocus focus;
    // The handle running on the CPU as the trace described it when it was
    // scheduled (the snapshot keeps only its id); id 0: unknown or none.
    trace::HandleView running;
    // The scenario's source, to show the code of each frame's current line
    // (frames of other files show no code); may be null.
    const QStringList *source = nullptr;
    std::string sourceFile;           // the file name frames of the scenario carry
};

// The stage scale for a frame of `size` device pixels: 1 at 1920×1080,
// proportional to the smaller of width/1920 and height/1080, never below
// kMinStageScale (a smaller widget gets a smaller stage, with more grouping,
// rather than unreadable text).
constexpr double kMinStageScale = 0.6;
double stageScale(const QSizeF &size);

// The geometry of `snapshot`. Total: an empty snapshot gives the empty regions.
StageGeometry layoutStage(const trace::Snapshot &snapshot, const StageContext &context);

// Labels of the stage in `language` ("PRÊTES", "waiting"...).
QString stageText(const char *english, Language language);
QString taskStateLabel(trace::TaskState state, Language language);

// "Queue" for the first Queue of a run, "Queue 2" for the second...
QString primitiveName(const trace::PrimitiveView &primitive);

// "Future #5" for "<Future #5>", "Task-2" for "<Task Task-2>"; other labels unchanged.
QString prettyFutureLabel(const std::string &label);

} // namespace ascope
