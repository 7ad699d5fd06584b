// Stage geometry: what the stage shows, as plain rectangles, texts and arrows.
//
// Why it is built this way: the layout (a pure function of one snapshot) and
// the painter (which knows nothing of asyncio) meet on this value. Every item
// carries a stable key made of what it shows and that thing's id in the trace
// (task 3, handle 7, timer 4, frame 12...), so that two geometries — the state
// before an event and the state after it — can be matched item by item: an
// item found in both glides from its old place to its new one, an item found
// in one only fades in or out. Children are placed relative to their parent
// (a frame row inside a task card), so they travel with it. Coordinates are
// "stage pixels" of a frame whose height is about 1080 (see `scale`).
#pragma once

#include "render/theme.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

namespace ascope {

// What an item is; the first part of its key.
enum class ItemRole : uint8_t {
    None,
    Region,         // a region's backdrop; id = StageRegion
    RegionLabel,    // its label
    HeaderText,     // fixed texts of the header; id = which
    Counter,        // the clock or the iteration counter; id = which
    Phase,          // the loop's phase chip
    PhaseText,
    Handle,         // a handle in READY or on the CPU; id = handle id
    HandleText,
    Task,           // a task's card, or its chip once finished; id = task id (0: code outside tasks)
    TaskStripe,     // the task-colour stripe on its left
    TaskTitle,      // its name
    TaskSubtitle,   // its coroutine
    TaskState,      // its state badge
    TaskStateText,
    TaskNote,       // result, exception or "waits on" line
    CancelMark,     // the orange cancel-requested badge
    CancelMarkText,
    Frame,          // one frame row of a task's stack; id = frame id
    FrameCode,      // the source line under a frame row; id = frame id
    FrameLocals,    // the locals of a frame; id = frame id
    MoreFrames,     // "… 3 outer frames"; id = task id
    Awaited,        // the pill naming what a waiting task awaits; id = the waiting task
    AwaitedText,
    Timer,          // a timer on the time axis; id = timer id
    TimerText,
    TimerStem,      // the line from a timer chip down to its deadline
    TimerGroup,     // "+12" timers too close to be shown one by one; id = bucket
    TimerGroupText,
    AxisTick,       // a tick of the time axis; id = its time in ms
    AxisTickText,
    AxisLine,
    Now,            // the "now" marker on the axis
    Group,          // "+940 waiting on timers"; id = StageGroup
    GroupText,
    Exception,      // the exception token; id 0
    ExceptionText,
    Note,           // a free text of a region ("nothing ready"); id = StageRegion
    Primitive,      // a Queue, Lock, Event... in WAITING; id = its trace id
    PrimitiveText,  // its texts; part 0: name, 1: state, 2: waiters
    PrimitiveItem,  // an item in a queue; id = primitiveItemId(queue, serial)
    PrimitiveItemText,
    PrimitiveSlot,  // a free place of a bounded queue; id = the queue, part = the place
    PrimitiveHolder,// a task holding a lock or semaphore; id = primitiveItemId(primitive, task)
    PrimitiveHolderText,
    MorePrimitives, // "+3 primitives"; id 0
};

// The id of something inside a primitive (a queue's item, a lock's holder).
constexpr uint64_t primitiveItemId(uint64_t primitive, uint64_t inner)
{
    return ((primitive & 0xffff) << 32) | (inner & 0xffffffffull);
}

// Fixed regions of the stage.
enum class StageRegion : uint64_t {
    Header = 1,
    Cpu,
    Ready,
    ReadyLane,   // the row of handles inside READY
    Waiting,
    Timers,
    Done,
    Narration,
};

// Groups of tasks shown as one chip when they do not fit.
enum class StageGroup : uint64_t {
    Ready = 1,
    WaitingOnTimers,
    WaitingOnTasks,
    WaitingOnFutures,
    Done,
    Handles,      // handles of READY that do not fit in its lane
};

// Keys pack (role, id, part); two items of one geometry never share a key.
using ItemKey = uint64_t;
constexpr ItemKey itemKey(ItemRole role, uint64_t id, unsigned part = 0)
{
    return (uint64_t(role) << 56) | (uint64_t(part & 0xff) << 48) | (id & 0xffffffffffffull);
}
constexpr ItemRole keyRole(ItemKey key) { return ItemRole(key >> 56); }
constexpr uint64_t keyId(ItemKey key) { return key & 0xffffffffffffull; }

struct StageItem
{
    enum class Shape : uint8_t {
        Box,      // rounded rectangle: fill, stroke
        Text,     // one line of text, elided to the rect's width, vertically centred
        Counter,  // a number whose digits roll when it changes (clock, iteration)
        Line,     // a straight line from the rect's top-left to its bottom-right
        Marker,   // a downward triangle filling the rect
    };

    ItemKey key = 0;
    ItemKey parent = 0;          // the item it moves with (0: the stage); placed before it
    Shape shape = Shape::Box;
    QRectF rect;                 // relative to the parent's top-left (absolute when parent is 0)
    QColor fill;                 // Box, Marker: inside (invalid: none)
    QColor stroke;               // Box: border; Line: the line; Text, Counter: the text colour
    double strokeWidth = 0;
    double radius = 0;
    bool dashed = false;         // Box border or Line dashed
    bool strike = false;         // Text struck through (a cancelled handle or timer)
    StageFont font = StageFont::Body;
    bool bold = false;
    int align = 0x0001;          // Qt::AlignLeft, AlignHCenter (0x4) or AlignRight (0x2)
    QString text;
    double value = 0;            // Counter: the number shown
    double fromValue = 0;        // Counter: the number it rolls from (set when interpolating)
    int decimals = 0;            // Counter
    double roll = 1;             // Counter: how far from fromValue to value (0..1)
    int z = 0;                   // drawing order (then list order)
    bool focus = false;          // what the current event is about: drawn with a halo
    double opacity = 1;
    QRectF clip;                 // set by interpolation: the parent's rectangle when the item
                                 // spills out of it mid-glide (null: no clipping)
};

// An arrow between two items, attached to their (interpolated) rectangles.
struct StageArrow
{
    enum class Kind : uint8_t {
        Flow,     // the ready queue feeding the CPU
        Awaits,   // a waiting task to the task it awaits
        WokenBy,  // what a task awaits to what will wake it (a timer, a lock's holder)
        Waits,    // a waiting task's "awaits" pill to the primitive or the tasks it waits for
    };
    ItemKey key = 0;
    ItemKey from = 0;
    ItemKey to = 0;
    Kind kind = Kind::Awaits;
    QColor colour;
    double width = 2;
    bool dashed = false;
    bool under = false;          // drawn beneath the cards (seen where it crosses the gaps)
    double opacity = 1;
};

struct StageGeometry
{
    QSizeF size;                 // stage pixels
    double scale = 1;            // device pixels per stage pixel
    QColor background;
    QRectF titleRect;            // where the scenario title goes (header, left)
    QRectF eventRect;            // where "what just happened" goes (header, second line)
    QRectF narrationRect;        // the caption band; empty when there is none
    std::vector<StageItem> items;   // parents before their children
    std::vector<StageArrow> arrows;

    // Facts the layout decided, for tests and the window.
    int shownTasks = 0;          // task cards or chips on the stage
    int groupedTasks = 0;        // tasks only counted in a group chip

    const StageItem *find(ItemKey key) const;
    // The item's rectangle in stage pixels (parents resolved); null rect when unknown.
    QRectF absoluteRect(ItemKey key) const;
};

// The state between `before` and `after` at `progress` (0: before, 1: after;
// already eased): items of both glide, items of one fade; the result has
// absolute rectangles only (every parent is 0). progress <= 0 gives `before`,
// progress >= 1 gives `after`, resolved the same way.
StageGeometry interpolateGeometry(const StageGeometry &before, const StageGeometry &after, double progress);

} // namespace ascope
