// StagePainter: replays a resolved stage geometry on a QPainter.
//
// Why it is built this way: the painter knows neither asyncio nor the
// trace, only boxes, texts, counters, lines and arrows with absolute
// rectangles in stage pixels (what interpolateGeometry returns); so whatever
// the layout decides, the window, the exporter and the frame tests paint it
// the same way. The caller sets the stage-to-device scale on the painter.
#pragma once

#include "render/stage_geometry.h"
#include "render/theme.h"

class QPainter;

namespace ascope {

// Paints `geometry` (every parent 0). `pulse` (0..1) is how strongly the
// halo of focused items glows on top of its resting level.
void paintStage(QPainter &painter, const StageGeometry &geometry, const Theme &theme, double pulse);

// The digits of an odometer rolling from `from` to `to`, `roll` of the way
// (0..1), with `decimals` decimals: for each digit column, right to left,
// the digit shown and how far (0..1) it has turned towards the next one.
// Columns of leading zeros that are not turning are left out. Pure; used by
// the painter and its tests.
struct OdometerColumn
{
    int digit = 0;
    double turn = 0;
};
std::vector<OdometerColumn> odometer(double from, double to, double roll, int decimals);

} // namespace ascope
