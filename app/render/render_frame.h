// renderFrame: one frame of the stage, the same for the window, the
// exporter and the tests.
//
// Why it is built this way: a frame is the state before an event, the state
// after it and how far the event has played; everything else (the
// interpolation, the header texts, the caption) follows from those, so one
// function draws it whatever the target (a widget, a QImage for a video or a
// PNG, a frame test) and two targets given the same input show the same frame.
#pragma once

#include "render/stage_geometry.h"
#include "render/theme.h"
#include "scenario_catalog.h"
#include "trace/event.h"

#include <QSize>
#include <QString>

#include <optional>

class QImage;
class QPainter;

namespace ascope {

struct FrameInput
{
    StageGeometry before;                 // layout of the state before the event
    StageGeometry after;                  // layout of the state after it
    std::optional<trace::Event> event;    // the event (none: a still frame of `after`)
    double progress = 1;                  // 0..1, already eased
    const Theme *theme = &Theme::standard();
    QSize size{1920, 1080};               // device pixels
    Language language = Language::French;
    QString title;                        // the scenario's title
    QString narration;                    // the current narration cue (empty: none)
    QString eventText;                    // what the event does, in words (see describeEvent)
};

// Paints the frame on `painter`, whose device is at least `input.size`.
void renderFrame(QPainter &painter, const FrameInput &input);

// The frame as an image of `input.size` (RGB32).
QImage renderFrameImage(const FrameInput &input);

} // namespace ascope
