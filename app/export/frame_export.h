// `asyncscope export FILE.py -o OUT.png --at STEP`: one frame of the stage,
// headless.
//
// Why it is built this way: a frame must be exactly what the window shows at
// that position, on a machine without a display. So the scenario runs once
// with recording on, a StageSource (the stage widget's own source of frames)
// gives the frame, and renderFrame paints it into a QImage; the fonts are the
// program's own, and the caller provides a QGuiApplication on the offscreen
// platform. The file is written atomically (a temporary file, then a
// rename), so a reader never sees half an image.
#pragma once

#include "command_line.h"

#include <QImage>
#include <QString>

namespace ascope {

// Runs `command.file` and writes its frame to `command.output`; returns the
// exit status (0 written, 2 bad input such as a step past the end or an
// unreadable file, 1 the image could not be written). Messages go to stderr.
int exportFrame(const CommandLine &command);

// Writes `image` as PNG to `path` atomically; false (and `error` set) on failure.
bool writeImageAtomically(const QImage &image, const QString &path, QString *error = nullptr);

} // namespace ascope
