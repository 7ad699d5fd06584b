// render_bench: how long the stage takes to draw one 1920×1080 frame.
//
// Not a timed test (timings depend on the machine and its load): a program
// that prints a table. For 5, 100 and 1,000 live tasks it measures, over
// many frames, (a) a whole frame from two snapshots — both layouts, the
// interpolation and the painting, what a seek or an exported frame costs —
// and (b) a frame of an event already laid out — interpolation and painting
// only, what the stage widget does 60 times a second while an event plays.
// Goal: median of (a) <= 8 ms with 1,000 tasks. Wall-clock times suffer
// from other work on the machine; the CPU column (all threads of the
// process: Qt fills large areas on a thread pool) is the steadier measure.
//
// A second table measures what an edit costs in the window, per course
// scenario: the run with recording and its index (RunModel::run), then the
// frame at the position kept (the middle of the run). Goal: ~100 ms.
//
//   render_bench [--frames N] [--tasks N] [--png DIR] [--scenarios DIR]
//   (--tasks: only that row; DIR: also write the frames looked at;
//    --scenarios: where the course scenarios are, default the source tree's)
#include "run_model.h"
#include "render/render_frame.h"
#include "render/stage_layout.h"
#include "render/theme.h"
#include "stage_scenes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <string>
#include <vector>

using namespace ascope;

namespace {

double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Stats
{
    double median = 0, p90 = 0, best = 0;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    Stats s;
    s.median = ms[ms.size() / 2];
    s.p90 = ms[std::min(ms.size() - 1, ms.size() * 9 / 10)];
    s.best = ms.front();
    return s;
}

StageContext context(const trace::Snapshot &s, const trace::Event &event)
{
    static const QStringList lines = QString::fromUtf8(scenes::sceneSource()).split(QLatin1Char('\n'));
    StageContext ctx;
    ctx.size = QSizeF(1920, 1080);
    ctx.language = Language::English;
    ctx.source = &lines;
    ctx.sourceFile = "scene.py";
    ctx.focus = focusOf(event);
    ctx.running = trace::HandleView{s.runningHandle, "Task-2.__wakeup", 2, false};
    return ctx;
}

// An edit in the window: run and index the scenario, then draw the frame at
// the kept position. Median of 9 per scenario.
void rerunTable(const QString &dir)
{
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return;
    std::printf("\nEdit and re-run, per course scenario (milliseconds, median of 9; 1920x1080)\n\n");
    std::printf("| scenario                         | events | run + index | frame | total |\n");
    std::printf("|:---------------------------------|-------:|------------:|------:|------:|\n");
    const Theme &theme = Theme::standard();
    auto duration = [&theme](const trace::Event &e) { return theme.pacing(e.kind).seconds * 1000.0; };
    for (const QString &name : files) {
        QFile file(dir + QLatin1Char('/') + name);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const std::string source = file.readAll().toStdString();
        std::vector<double> runs, draws, totals;
        size_t events = 0;
        for (int k = 0; k < 9; ++k) {
            QElapsedTimer timer;
            timer.start();
            std::shared_ptr<const RunModel> run = RunModel::run(name, source, RunLimits{}, duration);
            const double ran = double(timer.nsecsElapsed()) / 1e6;
            events = run->trace().size();
            FrameOptions options;
            const FrameInput input = run->stageSource().frame(events / 2, 1.0, options);
            QImage image(1920, 1080, QImage::Format_RGB32);
            QPainter painter(&image);
            renderFrame(painter, input);
            painter.end();
            const double total = double(timer.nsecsElapsed()) / 1e6;
            runs.push_back(ran);
            draws.push_back(total - ran);
            totals.push_back(total);
        }
        std::printf("| %-32s | %6zu | %11.1f | %5.1f | %5.1f |\n", qPrintable(name), events, stats(runs).median,
                    stats(draws).median, stats(totals).median);
    }
}

} // namespace

int main(int argc, char **argv)
{
    int frames = 300;
    int onlyTasks = 0;
    QString pngDir;
    QString scenarioDir = QStringLiteral(ASYNCSCOPE_SOURCE_DIR "/scenarios");
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--frames") && i + 1 < argc)
            frames = std::max(5, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--tasks") && i + 1 < argc)
            onlyTasks = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--png") && i + 1 < argc)
            pngDir = QString::fromLocal8Bit(argv[++i]);
        else if (!std::strcmp(argv[i], "--scenarios") && i + 1 < argc)
            scenarioDir = QString::fromLocal8Bit(argv[++i]);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    Theme::loadBundledFonts();

    std::printf("Stage frame at 1920x1080, %d frames per row (milliseconds)\n\n", frames);
    std::printf("| tasks | whole frame median | p90   | best  | CPU median | laid-out frame median | p90   | cards shown | grouped |\n");
    std::printf("|------:|-------------------:|------:|------:|-----------:|----------------------:|------:|------------:|--------:|\n");
    for (int n : {5, 100, 1000}) {
        if (onlyTasks && n != onlyTasks)
            continue;
        // The event: Task-1 suspends and Task-2's wake-up runs.
        const trace::Snapshot before = scenes::crowd(n);
        trace::Snapshot after = before;
        after.tasks[0].state = trace::TaskState::Waiting;
        after.tasks[0].awaiting = 999999;
        after.tasks[0].awaitingLabel = "<Future #999999>";
        after.tasks[1].state = trace::TaskState::Running;
        after.runningTask = 2;
        after.runningHandle = after.ready.front().id;
        after.ready.erase(after.ready.begin());
        trace::Event event;
        event.kind = trace::EventKind::HandleRun;
        event.handle = after.runningHandle;
        event.task = 2;
        event.label = "Task-2.__wakeup";

        QImage image(1920, 1080, QImage::Format_RGB32);
        std::vector<double> whole, wholeCpu, laidOut;
        FrameInput input;
        input.size = image.size();
        input.language = Language::English;
        input.title = QStringLiteral("Render benchmark");
        input.eventText = QStringLiteral("step 1 · Task-2.__wakeup leaves READY and runs on the CPU");
        input.event = event;
        for (int f = -10; f < frames; ++f) {
            QElapsedTimer timer;
            const double cpu0 = cpuMs();
            timer.start();
            input.before = layoutStage(before, context(before, event));
            input.after = layoutStage(after, context(after, event));
            input.progress = double((f + 10) % 61) / 60.0;
            {
                QPainter painter(&image);
                renderFrame(painter, input);
            }
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (f >= 0) {
                whole.push_back(ms);
                wholeCpu.push_back(cpuMs() - cpu0);
            }
        }
        for (int f = -10; f < frames; ++f) {
            input.progress = double((f + 10) % 61) / 60.0;
            QElapsedTimer timer;
            timer.start();
            {
                QPainter painter(&image);
                renderFrame(painter, input);
            }
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (f >= 0)
                laidOut.push_back(ms);
        }
        if (!pngDir.isEmpty()) {
            input.progress = 0.5;
            QImage mid(1920, 1080, QImage::Format_RGB32);
            QPainter painter(&mid);
            renderFrame(painter, input);
            painter.end();
            mid.save(pngDir + QStringLiteral("/render_bench_%1.png").arg(n));
        }
        const Stats a = stats(whole), c = stats(wholeCpu), b = stats(laidOut);
        std::printf("| %5d | %18.2f | %5.2f | %5.2f | %10.2f | %21.2f | %5.2f | %11d | %7d |\n", n, a.median, a.p90,
                    a.best, c.median, b.median, b.p90, input.after.shownTasks, input.after.groupedTasks);
    }
    if (onlyTasks == 0)
        rerunTable(scenarioDir);
    return 0;
}
