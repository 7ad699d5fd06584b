// What the user asked for on the command line.
//
// Why it is built this way: the command decides which kind of application
// object may be created — `asyncscope run` must work with no display at all,
// so it gets a QCoreApplication, and only the window gets a QApplication. The
// command line is therefore parsed first, from the raw arguments, by a pure
// function that needs no application object and that tests can call.
//
//   asyncscope [options]                 the window, on the first course scenario
//   asyncscope [options] FILE.py         the window, on FILE.py
//   asyncscope run [options] FILE.py     headless: exactly what python3 FILE.py prints
//   asyncscope trace [--json] FILE.py    headless: the recorded event trace, as text or JSON
//   asyncscope export FILE.py -o OUT.png --at STEP [--size WxH] [--lang fr|en] [--progress P]
//                                        headless: the stage's frame at that step, as a PNG
//
// Everything after FILE.py belongs to the scenario (its sys.argv), which is
// not supported yet: such arguments are rejected, never taken as options.
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>

namespace ascope {

struct CommandLine
{
    enum class Mode {
        Window,    // open the window (on `file` if given)
        Run,       // run `file` headless
        Trace,     // print the event trace of `file` (text, or JSON with `json`)
        Export,    // write the stage's frame of `file` at `at` to `output`
        Help,      // print `message` (the usage) on stdout, exit 0
        Version,   // print `message` on stdout, exit 0
        Error,     // print `message` (one line) on stderr, exit 2
    };

    Mode mode = Mode::Window;
    QString file;
    int64_t maxSteps = -1;    // -1: the default
    int64_t maxMemory = -1;   // bytes; -1: the default
    QString screenshot;       // Window: save a PNG of the window after the first run, then quit
    bool json = false;        // Trace: JSON instead of one line per event
    bool record = false;      // Run: record the trace in memory as the window does, then discard it
    // Export:
    QString output;           // the image to write (.png)
    int64_t at = -1;          // the event index (as `trace` numbers them); -1: the last event
    int width = 1920;         // frame size in pixels
    int height = 1080;
    QString language = QStringLiteral("fr");   // "fr" or "en"
    double progress = 1.0;    // how far event `at` has played, 0..1 (1: its end state)
    QString theme = QStringLiteral("standard");  // "standard" or "projector"
    QString message;
};

// `arguments` includes the program name first, as QCoreApplication::arguments().
CommandLine parseCommandLine(const QStringList &arguments);

// The text of `asyncscope --help`.
QString usageText();

// Parses a byte count: digits, optionally followed by K, M or G (powers of
// 1024, case-insensitive, an optional trailing "B" or "iB"). Returns -1 for
// anything else, including an empty string and values that overflow.
int64_t parseByteCount(const QString &text);

} // namespace ascope
