#include "export/frame_export.h"

#include "render/render_frame.h"
#include "run_model.h"
#include "render/stage_source.h"
#include "scenario/runner.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace ascope {

namespace {

void complain(const QString &message)
{
    std::fputs(qPrintable(QStringLiteral("asyncscope: ") + message + QLatin1Char('\n')), stderr);
}

} // namespace

bool writeImageAtomically(const QImage &image, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    if (!image.save(&file, "PNG")) {
        file.cancelWriting();
        if (error)
            *error = QStringLiteral("could not encode the image");
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

int exportFrame(const CommandLine &command)
{
    const QByteArray encoded = QFile::encodeName(command.file);
    const std::string path(encoded.constData(), size_t(encoded.size()));
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        complain(QStringLiteral("can't open file '%1': [Errno 2] No such file or directory").arg(command.file));
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();

    trace::Trace trace;
    RunOptions options;
    if (command.maxSteps >= 0)
        options.maxSteps = command.maxSteps;
    if (command.maxMemory >= 0)
        options.memoryLimit = command.maxMemory;
    options.onOutput = [](Stream, std::string_view) {};
    options.trace = &trace;
    options.maxEvents = kAnimatedMaxEvents;   // the run the window would show
    const RunResult result = runSource(path, text.str(), options);

    if (result.error && result.error->syntax) {
        complain(QStringLiteral("export: %1 does not compile, there is nothing to show (line %2: %3)")
                     .arg(command.file)
                     .arg(result.error->line)
                     .arg(QString::fromStdString(result.error->summary)));
        return 2;
    }
    if (trace.empty()) {
        complain(QStringLiteral("export: %1 recorded no event to show").arg(command.file));
        return 2;
    }
    const size_t step = command.at < 0 ? trace.size() - 1 : size_t(command.at);
    if (step >= trace.size()) {
        complain(QStringLiteral("export: --at %1 is past the end: the run has %2 events (0 to %3)")
                     .arg(command.at)
                     .arg(trace.size())
                     .arg(trace.size() - 1));
        return 2;
    }

    StageSource source(trace);
    source.setScenario(text.str(), path);
    FrameOptions frame;
    frame.size = QSize(command.width, command.height);
    frame.language = languageFromCode(command.language);
    frame.theme = Theme::byName(command.theme) ? Theme::byName(command.theme) : &Theme::standard();
    const QImage image = renderFrameImage(source.frame(step, command.progress, frame));

    QString error;
    if (!writeImageAtomically(image, command.output, &error)) {
        complain(QStringLiteral("could not write %1: %2").arg(command.output, error));
        return 1;
    }
    return 0;
}

} // namespace ascope
