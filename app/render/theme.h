// The look of asyncscope: fonts and colours, in one place.
//
// Why it is built this way: everything that draws text (the code view, the
// console, and later the stage, the exporter and the frame tests) takes its
// fonts and colours from the theme, and the fonts come from the program's own
// resources (DejaVu Sans and Sans Mono), never from the machine, so that a
// frame looks the same everywhere. Sizes, per-event durations and the
// projector variant join this class with the animated stage.
#pragma once

#include <QColor>
#include <QFont>
#include <QString>

namespace ascope {

class Theme
{
public:
    // Registers the bundled fonts with QFontDatabase. Call once, after the
    // QGuiApplication exists and before any widget is created; returns false
    // (and warns) if a font could not be loaded, in which case the system's
    // fallback fonts are used.
    static bool loadBundledFonts();

    static const Theme &standard();

    QFont uiFont() const;
    QFont codeFont() const;

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

    static constexpr const char *kUiFamily = "DejaVu Sans";
    static constexpr const char *kCodeFamily = "DejaVu Sans Mono";
    static constexpr int kUiPointSize = 10;
    static constexpr int kCodePointSize = 11;
};

} // namespace ascope
