// The look of asyncscope: fonts, colours, sizes and pacing, in one place.
//
// Why it is built this way: everything that draws (the code view, the
// console, the stage, the exporter and the frame tests) takes its fonts,
// colours and sizes from the theme, and the fonts come from the program's own
// resources (DejaVu Sans and Sans Mono), never from the machine, so that a
// frame looks the same everywhere. The stage is designed for a 1920×1080
// frame: its sizes are "stage pixels" of that frame (the renderer scales
// them to the real size), and no stage text is smaller than
// `StageSizes::minTextPx`. Pacing lives here too — how long each kind of
// trace event lasts on screen and how its motion eases — so that a lecturer
// tunes the rhythm of a video in one place. `projector()` is the
// high-contrast, larger variant for rooms where a projector washes colours out.
#pragma once

#include "trace/event.h"

#include <QColor>
#include <QEasingCurve>
#include <QFont>
#include <QString>

#include <array>
#include <cstdint>

namespace ascope {

// The stage's text styles.
enum class StageFont {
    Title,      // scenario title in the header
    Header,     // clock, iteration, phase
    Section,    // region labels: READY, CPU, WAITING...
    CardTitle,  // a task's name on its card
    Body,       // ordinary stage text
    Code,       // a line of Python on a card
    Chip,       // handles, timers, done tasks
    Narration,  // the caption at the bottom
};

struct StagePalette
{
    QColor background;        // the whole stage
    QColor region;            // a region's backdrop (READY lane, WAITING area...)
    QColor regionBorder;
    QColor text;              // main text
    QColor mutedText;         // secondary text; still >= 4.5:1 contrast on `region`
    QColor sectionLabel;
    QColor cpuFill;           // the CPU box
    QColor cpuBorder;
    QColor handleFill;        // a plain callback in READY
    QColor handleBorder;
    QColor cardFill;          // a task card's body (its header takes the task colour)
    QColor cardBorder;
    QColor codeText;          // a source line on a card
    QColor axis;              // the timer axis and its ticks
    QColor cancelledItem;     // a cancelled handle or timer, still in its queue
    QColor exception;         // the exception token and failed marks (red)
    QColor exceptionText;     // text on `exception`
    QColor cancel;            // the cancel-requested mark (orange)
    QColor cancelText;        // text on `cancel`
    QColor done;              // a task that returned (mark of the done chip)
    QColor highlight;         // outline of what the current event is about
    QColor arrow;             // "awaits" and "wakes" arrows
    QColor narrationFill;     // the caption band
    QColor narrationText;
    std::array<QColor, 6> tasks;  // Okabe–Ito, colour-blind safe; task k gets tasks[(k - 1) % 6]

    QColor taskColour(uint64_t taskId) const;
    // Black or white, whichever reads better on `fill`.
    static QColor textOn(const QColor &fill);
};

// Sizes in stage pixels of a 1920×1080 frame.
struct StageSizes
{
    double titlePx = 28;
    double headerPx = 24;
    double sectionPx = 18;
    double cardTitlePx = 20;
    double bodyPx = 18;
    double codePx = 20;
    double chipPx = 18;
    double narrationPx = 26;
    double minTextPx = 18;    // nothing on the stage is smaller
    double margin = 20;       // around the stage and inside regions
    double gap = 14;          // between neighbours
    double radius = 10;       // corner radius of cards and chips
    double line = 2;          // ordinary stroke width
    double focusLine = 4;     // outline of what the current event is about
    double cardWidth = 360;   // a task card outside the CPU
};

// How an event plays: its share of presentation time and its easing.
struct EventPacing
{
    double seconds = 0.4;     // at speed 1×
    QEasingCurve::Type easing = QEasingCurve::InOutCubic;
};

class Theme
{
public:
    // Registers the bundled fonts with QFontDatabase. Call once, after the
    // QGuiApplication exists and before any widget is created; returns false
    // (and warns) if a font could not be loaded, in which case the system's
    // fallback fonts are used. Calling it again does nothing.
    static bool loadBundledFonts();

    static const Theme &standard();
    // High contrast and larger text, for projected lectures.
    static const Theme &projector();
    // "standard" or "projector"; null for any other name.
    static const Theme *byName(const QString &name);

    QString name;

    QFont uiFont() const;
    QFont codeFont() const;
    // A stage font at its size in stage pixels.
    QFont stageFont(StageFont role) const;
    double stageFontPx(StageFont role) const;

    // Pacing of one event kind; `ease` maps linear progress (clamped to
    // 0..1) through that kind's easing curve.
    EventPacing pacing(trace::EventKind kind) const;
    double ease(trace::EventKind kind, double linearProgress) const;

    // Code view and console.
    QColor text;
    QColor background;
    QColor currentLine;
    QColor lineNumber;
    QColor lineNumberBackground;
    QColor keyword;
    QColor builtin;
    QColor string;
    QColor number;
    QColor comment;
    QColor metadataComment;   // "# title[fr]: ...", "# cue[en]: ..." lines
    QColor decorator;
    QColor definitionName;    // the name after def / class
    QColor stderrText;
    QColor consoleNote;       // what the console says itself (not program output)

    // The stage.
    StagePalette stage;
    StageSizes sizes;
    // Pacing by family of events (see pacing()).
    EventPacing linePacing{0.25, QEasingCurve::OutCubic};         // a line executes
    EventPacing handlePacing{0.8, QEasingCurve::InOutCubic};      // a handle goes from READY to the CPU
    EventPacing movePacing{0.6, QEasingCurve::InOutCubic};        // a card or handle changes place
    EventPacing clockPacing{1.4, QEasingCurve::InOutQuad};        // the clock jumps
    EventPacing exceptionPacing{0.7, QEasingCurve::InOutCubic};   // an exception moves
    EventPacing quietPacing{0.15, QEasingCurve::Linear};          // bookkeeping with little to see
    EventPacing instantPacing{0.0, QEasingCurve::Linear};         // nothing changes on the stage

    static constexpr const char *kUiFamily = "DejaVu Sans";
    static constexpr const char *kCodeFamily = "DejaVu Sans Mono";
    static constexpr int kUiPointSize = 10;
    static constexpr int kCodePointSize = 11;
};

} // namespace ascope
