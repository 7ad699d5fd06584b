// Frames of the stage, painted offscreen: golden images, the exporter, and
// the promise that the window's stage shows the exporter's frame.
//
// Golden frames live in tests/app/golden/NAME.png. They are compared with a
// small tolerance (anti-aliasing may differ between FreeType builds), and
// never rewritten silently: regenerate them on purpose with
//     tests/tools/regen_golden.sh BUILD_DIR
// (it runs this program with ASYNCSCOPE_REGEN_GOLDEN=1), then look at them.
#include "export/frame_export.h"
#include "panels/stage_widget.h"
#include "render/render_frame.h"
#include "render/stage_layout.h"
#include "render/stage_source.h"
#include "render/theme.h"
#include "scenario/runner.h"
#include "stage_scenes.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace ascope;

namespace {

QString goldenDir() { return QStringLiteral(ASYNCSCOPE_GOLDEN_DIR); }

StageContext contextFor(const trace::Snapshot &s, QSize size, const Theme *theme, Language language,
                        const std::optional<trace::Event> &event)
{
    static const QStringList lines = QString::fromUtf8(scenes::sceneSource()).split(QLatin1Char('\n'));
    StageContext ctx;
    ctx.theme = theme;
    ctx.size = QSizeF(size);
    ctx.language = language;
    ctx.source = &lines;
    ctx.sourceFile = "scene.py";
    ctx.narrationBand = true;
    if (event)
        ctx.focus = focusOf(*event);
    if (s.runningHandle) {
        ctx.running.id = s.runningHandle;
        ctx.running.task = s.runningTask ? s.runningTask : (s.runningHandle == 3 ? 3 : 0);
        ctx.running.label = ctx.running.task ? "Task-" + std::to_string(ctx.running.task) + ".__step" : "print_later(3)";
    }
    return ctx;
}

FrameInput sceneFrame(const trace::Snapshot &before, const trace::Snapshot &after, std::optional<trace::Event> event,
                      double progress, QSize size, const Theme *theme, Language language)
{
    FrameInput input;
    input.before = layoutStage(before, contextFor(before, size, theme, language, event));
    input.after = layoutStage(after, contextFor(after, size, theme, language, event));
    input.event = event;
    input.progress = progress;
    input.theme = theme;
    input.size = size;
    input.language = language;
    input.title = language == Language::French ? QStringLiteral("Deux tâches qui dorment") : QStringLiteral("Two sleeping tasks");
    input.narration = language == Language::French
        ? QStringLiteral("La tâche se suspend : elle quitte le CPU et attend son timer.")
        : QStringLiteral("The task suspends: it leaves the CPU and waits for its timer.");
    input.eventText = QStringLiteral("step 16 · Task-3.__step leaves READY and runs on the CPU");
    return input;
}

trace::Event handleRun(uint64_t handle, uint64_t task, const std::string &label)
{
    trace::Event e;
    e.kind = trace::EventKind::HandleRun;
    e.handle = handle;
    e.task = task;
    e.label = label;
    return e;
}

// Pixels whose channels differ by more than `threshold`; -1 if the sizes differ.
qint64 differingPixels(const QImage &a, const QImage &b, int threshold)
{
    if (a.size() != b.size())
        return -1;
    const QImage x = a.convertToFormat(QImage::Format_RGB32), y = b.convertToFormat(QImage::Format_RGB32);
    qint64 count = 0;
    for (int row = 0; row < x.height(); ++row) {
        const QRgb *p = reinterpret_cast<const QRgb *>(x.constScanLine(row));
        const QRgb *q = reinterpret_cast<const QRgb *>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col) {
            if (std::abs(qRed(p[col]) - qRed(q[col])) > threshold || std::abs(qGreen(p[col]) - qGreen(q[col])) > threshold
                || std::abs(qBlue(p[col]) - qBlue(q[col])) > threshold)
                ++count;
        }
    }
    return count;
}

std::string readFile(const QString &path)
{
    std::ifstream in(QFile::encodeName(path).constData(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

QString scenarioPath(const char *name) { return QStringLiteral(ASYNCSCOPE_TEST_SCENARIOS_DIR "/") + QLatin1String(name); }

} // namespace

class StageFrameTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void goldenFrames_data();
    void goldenFrames();
    void midGlideDiffersFromBothEnds();
    void exportWritesTheFrameOfThatStep();
    void exportRefusesAStepPastTheEnd();
    void exportReplacesAnExistingFileAtomically();
    void stageWidgetPaintsTheExportedFrame();
    void stageWidgetCachesLayoutsOfOneTransition();
};

void StageFrameTest::initTestCase()
{
    QVERIFY(Theme::loadBundledFonts());
}

void StageFrameTest::goldenFrames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("scene");
    QTest::addColumn<double>("progress");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<int>("language");
    const int fr = int(Language::French), en = int(Language::English);
    QTest::newRow("two_sleepers") << "two_sleepers_1080_fr" << 0 << 1.0 << QSize(1920, 1080) << "standard" << fr;
    QTest::newRow("two_sleepers mid-glide") << "two_sleepers_glide_1080_en" << 0 << 0.5 << QSize(1920, 1080)
                                            << "standard" << en;
    QTest::newRow("two_sleepers laptop") << "two_sleepers_1366x768_fr" << 0 << 1.0 << QSize(1366, 768) << "standard" << fr;
    QTest::newRow("exceptions and cancel") << "exceptions_1080_en" << 1 << 1.0 << QSize(1920, 1080) << "standard" << en;
    QTest::newRow("exceptions projector") << "exceptions_projector_1080_fr" << 1 << 1.0 << QSize(1920, 1080)
                                          << "projector" << fr;
    QTest::newRow("a thousand tasks") << "crowd_1000_1080_en" << 2 << 1.0 << QSize(1920, 1080) << "standard" << en;
}

void StageFrameTest::goldenFrames()
{
    QFETCH(QString, name);
    QFETCH(int, scene);
    QFETCH(double, progress);
    QFETCH(QSize, size);
    QFETCH(QString, theme);
    QFETCH(int, language);
    FrameInput input;
    const Theme *t = Theme::byName(theme);
    const Language lang = Language(language);
    if (scene == 0)
        input = sceneFrame(scenes::twoSleepers(), scenes::twoSleepersTask3Running(), handleRun(3, 3, "Task-3.__step"),
                           progress, size, t, lang);
    else if (scene == 1)
        input = sceneFrame(scenes::exceptionsAndCancel(), scenes::exceptionsAndCancel(), std::nullopt, progress, size, t,
                           lang);
    else
        input = sceneFrame(scenes::crowd(1000), scenes::crowd(1000), std::nullopt, progress, size, t, lang);
    const QImage frame = renderFrameImage(input);
    QCOMPARE(frame.size(), size);

    const QString path = goldenDir() + QLatin1Char('/') + name + QStringLiteral(".png");
    if (qEnvironmentVariableIntValue("ASYNCSCOPE_REGEN_GOLDEN") == 1) {
        QDir().mkpath(goldenDir());
        QVERIFY(writeImageAtomically(frame, path));
        qInfo("regenerated %s", qPrintable(path));
        return;
    }
    QImage golden(path);
    QVERIFY2(!golden.isNull(), qPrintable(QStringLiteral("no golden frame %1; regenerate on purpose with "
                                                         "tests/tools/regen_golden.sh BUILD_DIR").arg(path)));
    const qint64 differing = differingPixels(frame, golden, 48);
    const qint64 allowed = qint64(frame.width()) * frame.height() / 500;   // 0.2 %
    if (differing < 0 || differing > allowed) {
        const QString actual = QDir::current().filePath(name + QStringLiteral(".actual.png"));
        frame.save(actual);
        QFAIL(qPrintable(QStringLiteral("%1 differs from its golden frame in %2 pixels (allowed %3); this run's frame: %4")
                             .arg(name)
                             .arg(differing)
                             .arg(allowed)
                             .arg(actual)));
    }
}

void StageFrameTest::midGlideDiffersFromBothEnds()
{
    const QSize size(960, 540);
    const auto at = [&](double u) {
        return renderFrameImage(sceneFrame(scenes::twoSleepers(), scenes::twoSleepersTask3Running(),
                                           handleRun(3, 3, "Task-3.__step"), u, size, &Theme::standard(),
                                           Language::English));
    };
    const QImage start = at(0.0), mid = at(0.5), end = at(1.0);
    QVERIFY(differingPixels(start, mid, 16) > 1000);
    QVERIFY(differingPixels(mid, end, 16) > 1000);
    // Deterministic: the same input paints the same pixels.
    QCOMPARE(differingPixels(mid, at(0.5), 0), qint64(0));
}

void StageFrameTest::exportWritesTheFrameOfThatStep()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("frame.png"));
    const QString file = scenarioPath("05_two_sleepers.py");
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QLatin1String(name));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ASYNCSCOPE_BINARY),
                  {QStringLiteral("export"), file, QStringLiteral("-o"), out, QStringLiteral("--at"), QStringLiteral("30"),
                   QStringLiteral("--size"), QStringLiteral("1366x768"), QStringLiteral("--lang"), QStringLiteral("en")});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QCOMPARE(process.readAllStandardError(), QByteArray());
    const QImage exported(out);
    QCOMPARE(exported.size(), QSize(1366, 768));

    // The same frame, made in this process from the same run.
    trace::Trace trace;
    RunOptions options;
    options.trace = &trace;
    options.onOutput = [](Stream, std::string_view) {};
    const std::string source = readFile(file);
    const std::string path = QFile::encodeName(file).toStdString();
    runSource(path, source, options);
    QVERIFY(trace.size() > 30);
    StageSource stage(trace);
    stage.setScenario(source, path);
    FrameOptions frame;
    frame.size = QSize(1366, 768);
    frame.language = Language::English;
    const FrameInput input = stage.frame(30, 1.0, frame);
    QCOMPARE(input.title, QStringLiteral("Two sleeping tasks"));
    QVERIFY(input.eventText.startsWith(QStringLiteral("step 30 · ")));
    QCOMPARE(differingPixels(exported, renderFrameImage(input), 0), qint64(0));
}

void StageFrameTest::exportRefusesAStepPastTheEnd()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("frame.png"));
    QProcess process;
    process.start(QStringLiteral(ASYNCSCOPE_BINARY), {QStringLiteral("export"), scenarioPath("05_two_sleepers.py"),
                                                      QStringLiteral("-o"), out, QStringLiteral("--at"),
                                                      QStringLiteral("100000")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("past the end"));
    QVERIFY(!QFile::exists(out));
}

void StageFrameTest::exportReplacesAnExistingFileAtomically()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("frame.png"));
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("not a picture");
    }
    QImage image(64, 32, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(writeImageAtomically(image, out));
    QCOMPARE(QImage(out).size(), QSize(64, 32));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("frame.png")});
    QString error;
    QVERIFY(!writeImageAtomically(image, dir.filePath(QStringLiteral("missing/dir/frame.png")), &error));
    QVERIFY(!error.isEmpty());
}

void StageFrameTest::stageWidgetPaintsTheExportedFrame()
{
    trace::Trace trace;
    RunOptions options;
    options.trace = &trace;
    options.onOutput = [](Stream, std::string_view) {};
    const QString file = scenarioPath("05_two_sleepers.py");
    const std::string source = readFile(file);
    runSource("05_two_sleepers.py", source, options);
    StageSource stage(trace);
    stage.setScenario(source, "05_two_sleepers.py");

    StageWidget widget;
    widget.setSource(&stage);
    widget.setLanguage(Language::French);
    widget.resize(1280, 720);
    widget.setPosition(16, 0.4);
    const QImage shown = widget.grab().toImage();
    FrameOptions frame;
    frame.size = QSize(1280, 720);
    frame.language = Language::French;
    const QImage exported = renderFrameImage(stage.frame(16, 0.4, frame));
    QCOMPARE(shown.size(), exported.size());
    QCOMPARE(differingPixels(shown, exported, 2), qint64(0));
}

void StageFrameTest::stageWidgetCachesLayoutsOfOneTransition()
{
    trace::Trace trace;
    RunOptions options;
    options.trace = &trace;
    options.onOutput = [](Stream, std::string_view) {};
    runSource("05_two_sleepers.py", readFile(scenarioPath("05_two_sleepers.py")), options);
    // From Task-3's creation to Task-2's first step: a glide over many events.
    long created = -1;
    size_t firstStep = 0;
    for (size_t i = 0; i < trace.size(); ++i) {
        const trace::Event e = trace[i];
        if (created < 0 && e.kind == trace::EventKind::TaskCreated && e.task == 3)
            created = long(i);
        if (!firstStep && e.kind == trace::EventKind::HandleRun && e.task == 2)
            firstStep = i;
    }
    QVERIFY(created > 0 && firstStep > size_t(created) + 1);
    StageSource stage(trace);
    StageWidget widget;
    widget.setSource(&stage);
    widget.resize(960, 540);
    widget.setTransition(created, firstStep, 0.25);
    const FrameInput a = widget.currentFrame();
    widget.setTransition(created, firstStep, 0.75);
    const FrameInput b = widget.currentFrame();
    QVERIFY(a.progress < b.progress);
    QCOMPARE(a.event->kind, trace::EventKind::HandleRun);
    // Task-2 glides from READY (where it was after `created`) to the CPU.
    const QRectF readyRegion = a.after.absoluteRect(itemKey(ItemRole::Region, uint64_t(StageRegion::Ready)));
    const QRectF cpuRegion = a.after.absoluteRect(itemKey(ItemRole::Region, uint64_t(StageRegion::Cpu)));
    QVERIFY(readyRegion.contains(a.before.absoluteRect(itemKey(ItemRole::Task, 2))));
    QVERIFY(cpuRegion.contains(a.after.absoluteRect(itemKey(ItemRole::Task, 2))));
    QCOMPARE(a.before.items.size(), b.before.items.size());
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    StageFrameTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "stage_frame_test.moc"
