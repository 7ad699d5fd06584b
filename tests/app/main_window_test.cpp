// The window and the command line, tested offscreen (QT_QPA_PLATFORM=offscreen).
#include "command_line.h"
#include "main_window.h"
#include "panels/code_view.h"
#include "panels/console_view.h"
#include "panels/narration_view.h"
#include "panels/python_highlighter.h"
#include "panels/scenario_browser.h"
#include "panels/stack_inspector.h"
#include "panels/stage_widget.h"
#include "panels/timeline_view.h"
#include "player/player.h"
#include "player/run_scheduler.h"
#include "recovery_store.h"
#include "render/theme.h"
#include "scenario_catalog.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTreeWidget>

using namespace ascope;

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void commandLine_data();
    void commandLine();
    void byteCount_data();
    void byteCount();

    void scenarioHeader_data();
    void scenarioHeader();
    void catalogListsCourseScenariosInCourseOrder();

    void highlighterTellsStringsFromComments();

    void opensFirstCourseScenarioOnFirstStart();
    void reopensLastScenario();
    void runShowsScenarioOutputInConsole();
    void consoleShowsStderrInRedAfterStdout();
    void editRerunsOnceAfterEditsSettle();
    void saveWritesFileAndClearsModified();
    void unsavedEditsAreKeptBeforeEveryRun();
    void languageSwitchRetitlesBrowserAndPersists();

    void openedScenarioStartsAtTheBeginning();
    void keysStepThePlayerAndPanelsFollow();
    void narrationFollowsCuesInTheChosenLanguage();
    void timelineDragSeeks();
    void syntaxErrorKeepsTheLastGoodRun();
    void runtimeErrorIsMarkedAtItsLine();
    void editKeepsThePosition();
    void playerSettingsPersist();
    void grabsTheWindowAfterSteps();
    void clickingATaskOnTheStageSelectsIt();
    void endlessLoopStopsWithAMessageAndStaysShown();

private:
    QString copyToTemp(const QString &source);

    QTemporaryDir m_temp;
};

namespace {

QString scenarioPath(const char *name)
{
    return QStringLiteral(ASYNCSCOPE_TEST_SCENARIOS_DIR "/") + QLatin1String(name);
}

QString testData(const char *name)
{
    return QStringLiteral(ASYNCSCOPE_TEST_DATA_DIR "/") + QLatin1String(name);
}

// The console shows what was written up to the position: go to the end.
ConsoleView *consoleAtEnd(MainWindow &window)
{
    window.player()->goToEnd();
    window.player()->advance(10'000);
    return window.consoleView();
}

void typeAtEnd(CodeView *view, const QString &text)
{
    QTextCursor cursor = view->textCursor();
    cursor.movePosition(QTextCursor::End);
    view->setTextCursor(cursor);
    view->insertPlainText(text);
}

} // namespace

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("asyncscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("asyncscope-tests"));
    qputenv("ASYNCSCOPE_SCENARIOS", ASYNCSCOPE_TEST_SCENARIOS_DIR);
    QVERIFY(Theme::loadBundledFonts());
    QVERIFY(m_temp.isValid());
}

void MainWindowTest::init()
{
    QSettings().clear();
}

QString MainWindowTest::copyToTemp(const QString &source)
{
    static int counter = 0;
    const QString target = m_temp.filePath(QStringLiteral("%1_%2").arg(++counter).arg(QFileInfo(source).fileName()));
    if (!QFile::copy(source, target))
        return {};
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    return target;
}

void MainWindowTest::commandLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("maxSteps");
    QTest::addColumn<QString>("messageStart");

    using Mode = CommandLine::Mode;
    const QString hello = testData("hello.py");
    QTest::newRow("no arguments opens the window") << QStringList{} << int(Mode::Window) << "" << qint64(-1) << "";
    QTest::newRow("a file opens the window on it") << QStringList{hello} << int(Mode::Window) << hello << qint64(-1) << "";
    QTest::newRow("run a file") << QStringList{"run", hello} << int(Mode::Run) << hello << qint64(-1) << "";
    QTest::newRow("run with a step budget") << QStringList{"run", "--max-steps", "1000", hello} << int(Mode::Run) << hello
                                            << qint64(1000) << "";
    QTest::newRow("run with --max-steps=N") << QStringList{"run", "--max-steps=5", hello} << int(Mode::Run) << hello
                                            << qint64(5) << "";
    QTest::newRow("run of a missing file is the runner's business")
        << QStringList{"run", "/nonexistent.py"} << int(Mode::Run) << "/nonexistent.py" << qint64(-1) << "";
    QTest::newRow("arguments after the file are the scenario's")
        << QStringList{"run", hello, "--max-steps", "5"} << int(Mode::Error) << hello << qint64(-1)
        << "asyncscope: arguments for the scenario are not supported yet";
    QTest::newRow("run without a file") << QStringList{"run"} << int(Mode::Error) << "" << qint64(-1)
                                        << "asyncscope: run: which file?";
    QTest::newRow("unknown option") << QStringList{"--bogus"} << int(Mode::Error) << "" << qint64(-1)
                                    << "asyncscope: Unknown option 'bogus'";
    QTest::newRow("missing file for the window") << QStringList{"/nonexistent/x.py"} << int(Mode::Error) << "" << qint64(-1)
                                                 << "asyncscope: can't open file '/nonexistent/x.py': [Errno 2]";
    QTest::newRow("unknown command") << QStringList{"frobnicate"} << int(Mode::Error) << "" << qint64(-1)
                                     << "asyncscope: 'frobnicate' is neither a command";
    QTest::newRow("export without a file") << QStringList{"export"} << int(Mode::Error) << "" << qint64(-1)
                                           << "asyncscope: export: which file?";
    QTest::newRow("export a frame") << QStringList{"export", hello, "-o", "/tmp/f.png", "--at", "3"} << int(Mode::Export)
                                    << hello << qint64(-1) << "";
    QTest::newRow("export options before the file")
        << QStringList{"export", "--size", "1366x768", "--lang", "en", "--progress", "0.5", "-o", "f.png", hello}
        << int(Mode::Export) << hello << qint64(-1) << "";
    QTest::newRow("export needs an output") << QStringList{"export", hello} << int(Mode::Error) << "" << qint64(-1)
                                            << "asyncscope: export: where to?";
    QTest::newRow("export writes PNG only") << QStringList{"export", "-o", "f.mp4", hello} << int(Mode::Error) << ""
                                            << qint64(-1) << "asyncscope: export: only PNG frames";
    QTest::newRow("export size must be WxH") << QStringList{"export", "--size", "big", "-o", "f.png", hello}
                                             << int(Mode::Error) << "" << qint64(-1) << "asyncscope: --size needs";
    QTest::newRow("export progress within 0..1") << QStringList{"export", "--progress", "2", "-o", "f.png", hello}
                                                 << int(Mode::Error) << "" << qint64(-1) << "asyncscope: --progress needs";
    QTest::newRow("export language fr or en") << QStringList{"export", "--lang", "de", "-o", "f.png", hello}
                                              << int(Mode::Error) << "" << qint64(-1) << "asyncscope: --lang needs";
    QTest::newRow("export step is a number") << QStringList{"export", "--at", "x", "-o", "f.png", hello}
                                             << int(Mode::Error) << "" << qint64(-1) << "asyncscope: --at needs";
    QTest::newRow("export options outside export") << QStringList{"run", "--at", "3", hello} << int(Mode::Error) << ""
                                                   << qint64(-1) << "asyncscope: --at is for the export command";
    QTest::newRow("negative step budget") << QStringList{"run", "--max-steps", "-3", hello} << int(Mode::Error) << ""
                                          << qint64(-1) << "asyncscope: --max-steps needs";
    QTest::newRow("trace as json") << QStringList{"trace", "--json", hello} << int(Mode::Trace) << hello << qint64(-1)
                                   << "";
    QTest::newRow("trace without a file") << QStringList{"trace"} << int(Mode::Error) << "" << qint64(-1)
                                          << "asyncscope: trace: which file?";
    QTest::newRow("json outside trace") << QStringList{"run", "--json", hello} << int(Mode::Error) << "" << qint64(-1)
                                        << "asyncscope: --json is for the trace command";
    QTest::newRow("help") << QStringList{"--help"} << int(Mode::Help) << "" << qint64(-1) << "Usage:";
    QTest::newRow("help after run") << QStringList{"run", "-h"} << int(Mode::Help) << "" << qint64(-1) << "Usage:";
    QTest::newRow("version") << QStringList{"--version"} << int(Mode::Version) << "" << qint64(-1) << "asyncscope ";
}

void MainWindowTest::commandLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, mode);
    QFETCH(QString, file);
    QFETCH(qint64, maxSteps);
    QFETCH(QString, messageStart);

    const CommandLine command = parseCommandLine(QStringList{"asyncscope"} + arguments);
    QCOMPARE(int(command.mode), mode);
    if (messageStart.isEmpty())
        QVERIFY2(command.message.isEmpty(), qPrintable(command.message));
    else
        QVERIFY2(command.message.startsWith(messageStart), qPrintable(command.message));
    if (command.mode != CommandLine::Mode::Error) {
        QCOMPARE(command.file, file);
        QCOMPARE(qint64(command.maxSteps), maxSteps);
    } else {
        QVERIFY2(!command.message.contains(QLatin1Char('\n')), "an error is one line");
    }
}

void MainWindowTest::byteCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("plain") << "1000" << qint64(1000);
    QTest::newRow("zero") << "0" << qint64(0);
    QTest::newRow("kilo") << "4K" << qint64(4096);
    QTest::newRow("mega, lower case, B") << "512mb" << qint64(512) * 1024 * 1024;
    QTest::newRow("giga, MiB style") << "2GiB" << (qint64(2) << 30);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("negative") << "-5" << qint64(-1);
    QTest::newRow("tera is not a unit") << "2T" << qint64(-1);
    QTest::newRow("words") << "lots" << qint64(-1);
    QTest::newRow("overflow") << "99999999999999999999" << qint64(-1);
    QTest::newRow("overflow after the unit") << "9999999999999G" << qint64(-1);
}

void MainWindowTest::byteCount()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(qint64(parseByteCount(text)), bytes);
}

void MainWindowTest::scenarioHeader_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("french");
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("video");

    QTest::newRow("complete") << "# title[fr]: Deux tâches\n# title[en]: Two tasks\n# video: V2\nimport asyncio\n"
                              << "Deux tâches" << "Two tasks" << "V2";
    QTest::newRow("blank lines and comments in the block")
        << "\n# A scenario.\n#\n# video:  V4b \n\n# title[en]:  Spaced  \nx = 1\n" << "" << "Spaced" << "V4b";
    QTest::newRow("metadata after the first statement is ignored")
        << "x = 1\n# title[fr]: Trop tard\n" << "" << "" << "";
    QTest::newRow("first value wins") << "# video: V1\n# video: V2\n" << "" << "" << "V1";
    QTest::newRow("CRLF line ends") << "# title[fr]: Titre\r\n# video: V6\r\n" << "Titre" << "" << "V6";
    QTest::newRow("empty file") << "" << "" << "" << "";
}

void MainWindowTest::scenarioHeader()
{
    QFETCH(QString, source);
    QFETCH(QString, french);
    QFETCH(QString, english);
    QFETCH(QString, video);

    const ScenarioHeader header = parseScenarioHeader(source);
    QCOMPARE(header.titles.value(QStringLiteral("fr")), french);
    QCOMPARE(header.titles.value(QStringLiteral("en")), english);
    QCOMPARE(header.video, video);
}

void MainWindowTest::catalogListsCourseScenariosInCourseOrder()
{
    const ScenarioCatalog catalog = ScenarioCatalog::scan(QStringLiteral(ASYNCSCOPE_TEST_SCENARIOS_DIR));
    QVERIFY(catalog.scenarios().size() >= 6);
    QCOMPARE(catalog.scenarios().first().fileName, QStringLiteral("01_cpu_vs_io.py"));
    int previous = 0;
    for (const ScenarioInfo &info : catalog.scenarios()) {
        QVERIFY2(info.courseNumber > previous, qPrintable(info.fileName));
        previous = info.courseNumber;
        QVERIFY2(!info.header.titles.value(QStringLiteral("fr")).isEmpty(), qPrintable(info.fileName));
        QVERIFY2(!info.header.titles.value(QStringLiteral("en")).isEmpty(), qPrintable(info.fileName));
        QVERIFY2(info.header.video.startsWith(QLatin1Char('V')), qPrintable(info.fileName));
        QVERIFY2(videoTitle(info.header.video, Language::English) != info.header.video, qPrintable(info.fileName));
    }
    QVERIFY(catalog.find(scenarioPath("05_two_sleepers.py")));
    QVERIFY(!catalog.find(testData("hello.py")));
}

void MainWindowTest::highlighterTellsStringsFromComments()
{
    QTextDocument document;
    document.setPlainText(QStringLiteral("print('# not a comment')  # it's a comment\n"
                                         "text = \"\"\"starts here\n"
                                         "# still the string\"\"\"\n"
                                         "# cue[en]: narration\n"));
    PythonHighlighter highlighter(&document);
    highlighter.rehighlight();
    const Theme &theme = Theme::standard();
    auto colourAt = [&document](int line, int column) {
        const QTextBlock block = document.findBlockByNumber(line);
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (column >= range.start && column < range.start + range.length)
                return range.format.foreground().color();
        }
        return QColor();
    };
    QCOMPARE(colourAt(0, 0), theme.builtin);          // print
    QCOMPARE(colourAt(0, 8), theme.string);           // # inside the string
    QCOMPARE(colourAt(0, 28), theme.comment);         // the real comment, with a quote in it
    QCOMPARE(colourAt(1, 10), theme.string);          // triple-quoted string ...
    QCOMPARE(colourAt(2, 2), theme.string);           // ... across lines
    QCOMPARE(colourAt(3, 2), theme.metadataComment);  // a narration cue
}

void MainWindowTest::opensFirstCourseScenarioOnFirstStart()
{
    MainWindow window;
    window.scheduler()->setAutoRun(false);
    window.openStartupScenario();
    QCOMPARE(QFileInfo(window.filePath()).fileName(), QStringLiteral("01_cpu_vs_io.py"));
    QVERIFY(window.codeView()->toPlainText().startsWith(QStringLiteral("# title[fr]:")));
    QVERIFY(!window.isModified());
    QVERIFY(window.browser()->currentItem());
    QVERIFY(window.browser()->currentItem()->text(0).startsWith(QStringLiteral("01  ")));
}

void MainWindowTest::reopensLastScenario()
{
    {
        MainWindow window;
        window.scheduler()->setAutoRun(false);
        QVERIFY(window.openScenario(scenarioPath("05_two_sleepers.py")));
        window.close();
    }
    MainWindow window;
    window.scheduler()->setAutoRun(false);
    window.openStartupScenario();
    QCOMPARE(QFileInfo(window.filePath()).fileName(), QStringLiteral("05_two_sleepers.py"));
}

void MainWindowTest::runShowsScenarioOutputInConsole()
{
    MainWindow window;
    window.show();
    QSignalSpy finished(&window, &MainWindow::runFinished);
    QVERIFY(window.openScenario(scenarioPath("13_mini_loop.py")));   // opening runs it
    QCOMPARE(finished.size(), 1);
    QCOMPARE(window.lastExitCode(), 0);
    const QString out = consoleAtEnd(window)->streamText(Stream::Stdout);
    QVERIFY2(out.startsWith(QStringLiteral("1.0 B woke up after 1 s\n")), qPrintable(out));
    QVERIFY2(out.endsWith(QStringLiteral("5.0 loop: B slept 5 s\n")), qPrintable(out));
    QVERIFY(window.consoleView()->toPlainText().contains(QStringLiteral("3.0 loop: A slept 3 s")));
    QVERIFY(window.consoleView()->streamText(Stream::Stderr).isEmpty());
}

void MainWindowTest::consoleShowsStderrInRedAfterStdout()
{
    MainWindow window;
    QVERIFY(window.openScenario(testData("fails.py")));
    QCOMPARE(window.lastExitCode(), 1);
    QCOMPARE(consoleAtEnd(window)->streamText(Stream::Stdout), QStringLiteral("before the error\n"));
    const QString err = window.consoleView()->streamText(Stream::Stderr);
    QVERIFY2(err.startsWith(QStringLiteral("Traceback (most recent call last):\n")), qPrintable(err));
    QVERIFY2(err.endsWith(QStringLiteral("ValueError: shown in red\n")), qPrintable(err));

    QTextDocument *document = window.consoleView()->document();
    QCOMPARE(document->firstBlock().text(), QStringLiteral("before the error"));
    const QTextBlock last = document->find(QStringLiteral("ValueError: shown in red")).block();
    QVERIFY(last.isValid());
    QCOMPARE(last.begin().fragment().charFormat().foreground().color(), Theme::standard().stderrText);
    QVERIFY(document->firstBlock().begin().fragment().charFormat().foreground().color() != Theme::standard().stderrText);
}

void MainWindowTest::editRerunsOnceAfterEditsSettle()
{
    const QString path = copyToTemp(testData("hello.py"));
    QVERIFY(!path.isEmpty());
    MainWindow window;
    window.setInteractive(false);
    QVERIFY(window.openScenario(path));
    QCOMPARE(window.runCount(), 1);

    typeAtEnd(window.codeView(), QStringLiteral("print('edited"));
    typeAtEnd(window.codeView(), QStringLiteral(" once')"));
    typeAtEnd(window.codeView(), QStringLiteral("\n"));
    QVERIFY(window.isModified());
    QCOMPARE(window.runCount(), 1);   // not on every keystroke
    QTRY_COMPARE_WITH_TIMEOUT(window.runCount(), 2, 5000);
    QTest::qWait(RunScheduler::kSettleDelayMs * 2);
    QCOMPARE(window.runCount(), 2);   // once for the three edits
    QVERIFY(consoleAtEnd(window)->streamText(Stream::Stdout).endsWith(QStringLiteral("edited once\n")));
    QVERIFY(window.isModified());     // running does not save
}

void MainWindowTest::saveWritesFileAndClearsModified()
{
    const QString path = copyToTemp(testData("hello.py"));
    MainWindow window;
    window.scheduler()->setAutoRun(false);
    QVERIFY(window.openScenario(path));
    typeAtEnd(window.codeView(), QStringLiteral("print('saved')\n"));
    QVERIFY(window.isModified());
    QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));
    QVERIFY(window.save());
    QVERIFY(!window.isModified());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().endsWith("print('saved')\n"));
    QVERIFY(!RecoveryStore().find(window.filePath()));
}

void MainWindowTest::unsavedEditsAreKeptBeforeEveryRun()
{
    const QString path = copyToTemp(testData("hello.py"));
    MainWindow window;
    window.setInteractive(false);
    window.scheduler()->setAutoRun(false);
    QVERIFY(window.openScenario(path));
    typeAtEnd(window.codeView(), QStringLiteral("print('not saved yet')\n"));
    window.runScenario();
    const std::optional<QString> kept = RecoveryStore().find(window.filePath());
    QVERIFY(kept);
    QCOMPARE(*kept, window.codeView()->toPlainText());
    RecoveryStore().discard(window.filePath());
}

void MainWindowTest::languageSwitchRetitlesBrowserAndPersists()
{
    MainWindow window;
    window.scheduler()->setAutoRun(false);
    window.setLanguage(Language::French);
    QTreeWidgetItem *firstVideo = window.browser()->topLevelItem(0);
    QVERIFY(firstVideo);
    QVERIFY2(firstVideo->text(0).startsWith(QStringLiteral("Vidéo 1")), qPrintable(firstVideo->text(0)));
    QVERIFY(firstVideo->child(0)->text(0).contains(QStringLiteral("CPU ou entrées-sorties")));

    window.setLanguage(Language::English);
    firstVideo = window.browser()->topLevelItem(0);
    QVERIFY2(firstVideo->text(0).startsWith(QStringLiteral("Video 1")), qPrintable(firstVideo->text(0)));
    QVERIFY(firstVideo->child(0)->text(0).contains(QStringLiteral("CPU-bound or I/O-bound")));
    QCOMPARE(QSettings().value(QStringLiteral("language")).toString(), QStringLiteral("en"));

    MainWindow reopened;
    QCOMPARE(reopened.language(), Language::English);
}


void MainWindowTest::openedScenarioStartsAtTheBeginning()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenarioPath("05_two_sleepers.py")));
    QVERIFY(window.shownRun());
    QVERIFY(window.shownRun()->trace().size() > 50);
    QCOMPARE(window.player()->position(), size_t(0));
    QVERIFY(window.consoleView()->toPlainText().isEmpty());   // nothing written yet at the start
    QCOMPARE(window.stage()->step(), size_t(0));
    QCOMPARE(window.timelineView()->timeline().tasks.size(), window.shownRun()->timeline().tasks.size());
}

void MainWindowTest::keysStepThePlayerAndPanelsFollow()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openScenario(scenarioPath("05_two_sleepers.py")));
    window.stage()->setFocus();
    const auto run = window.shownRun();
    const trace::StopIndex &stops = run->stops();

    window.setStepGranularity(trace::Granularity::Iteration);
    QTest::keyClick(window.stage(), Qt::Key_Right);
    const size_t first = window.player()->position();
    QCOMPARE(first, stops.next(0, trace::Granularity::Iteration));
    QCOMPARE(run->trace()[first].kind, trace::EventKind::LoopIterationBegin);
    QTest::keyClick(window.stage(), Qt::Key_Right);
    QTest::keyClick(window.stage(), Qt::Key_Right);
    const size_t third = window.player()->position();
    QVERIFY(third > first);
    // The stage glides to the player's position; the panels show its state.
    QCOMPARE(window.stage()->step(), third);
    const trace::Snapshot snapshot = run->snapshotAt(long(third));
    QCOMPARE(window.stackInspector()->shownTask(), snapshot.task(snapshot.runningTask) ? snapshot.runningTask : 0);
    QCOMPARE(window.consoleView()->streamText(Stream::Stdout), QString::fromStdString(snapshot.consoleText()));
    // Back twice returns to the first stop, exactly.
    QTest::keyClick(window.stage(), Qt::Key_Left);
    QTest::keyClick(window.stage(), Qt::Key_Left);
    QCOMPARE(window.player()->position(), first);
    // Shift steps by event, End and Home jump.
    QTest::keyClick(window.stage(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(window.player()->position(), first + 1);
    QTest::keyClick(window.stage(), Qt::Key_End);
    QCOMPARE(window.player()->position(), run->trace().size() - 1);
    QVERIFY(window.consoleView()->streamText(Stream::Stdout).endsWith(QStringLiteral("in 2 s rather than 3\n")));
    QTest::keyClick(window.stage(), Qt::Key_Home);
    QCOMPARE(window.player()->position(), size_t(0));
    // Space plays; Space again pauses on a whole snapshot.
    QTest::keyClick(window.stage(), Qt::Key_Space);
    QVERIFY(window.player()->isPlaying());
    QTest::qWait(100);
    QTest::keyClick(window.stage(), Qt::Key_Space);
    QVERIFY(!window.player()->isPlaying());
    QCOMPARE(window.player()->progress(), 1.0);
    // In the editor, the arrows move the cursor and do not step.
    const size_t before = window.player()->position();
    window.codeView()->setFocus();
    QTest::keyClick(window.codeView(), Qt::Key_Right);
    QCOMPARE(window.player()->position(), before);
}

void MainWindowTest::narrationFollowsCuesInTheChosenLanguage()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setLanguage(Language::French);
    QVERIFY(window.openScenario(scenarioPath("05_two_sleepers.py")));
    window.stage()->setFocus();
    QVERIFY(window.shownRun()->cueStops().size() >= 2);
    QVERIFY(window.narrationView()->text().isEmpty());
    QTest::keyClick(window.stage(), Qt::Key_PageDown);   // what a presentation clicker sends
    const auto &stop = window.shownRun()->cueStops().front();
    QCOMPARE(window.player()->position(), stop.event);
    QCOMPARE(window.narrationView()->text(),
             QString::fromStdString(window.shownRun()->meta().cues[stop.cue].in("fr")));
    QVERIFY(window.narrationView()->text().startsWith(QStringLiteral("Créer une tâche")));
    window.setLanguage(Language::English);
    QVERIFY(window.narrationView()->text().startsWith(QStringLiteral("Creating a task")));
    // The code view marks the running task's line: the cue's statement.
    const auto &markers = window.codeView()->lineMarkers();
    const bool marked = std::any_of(markers.begin(), markers.end(), [&](const CodeView::LineMarker &m) {
        return m.running && m.line == window.shownRun()->meta().cues[stop.cue].line;
    });
    QVERIFY(marked);
    QTest::keyClick(window.stage(), Qt::Key_PageUp);
    QCOMPARE(window.player()->position(), size_t(0));
    QVERIFY(window.narrationView()->text().isEmpty());
}

void MainWindowTest::timelineDragSeeks()
{
    MainWindow window;
    window.resize(1600, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openScenario(scenarioPath("05_two_sleepers.py")));
    TimelineView *timeline = window.timelineView();
    const size_t n = window.shownRun()->trace().size();
    const int y = timeline->height() / 2;
    const int xMid = int(timeline->xOf(double(n / 2)));
    QTest::mousePress(timeline, Qt::LeftButton, {}, QPoint(xMid, y));
    QCOMPARE(window.player()->position(), timeline->positionAt(xMid));
    QTest::mouseMove(timeline, QPoint(int(timeline->xOf(double(n - 1))), y));
    QTest::mouseRelease(timeline, Qt::LeftButton, {}, QPoint(int(timeline->xOf(double(n - 1))), y));
    QCOMPARE(window.player()->position(), n - 1);
    QCOMPARE(window.player()->progress(), 1.0);   // seeking shows the state at once
}

void MainWindowTest::syntaxErrorKeepsTheLastGoodRun()
{
    const QString path = copyToTemp(testData("hello.py"));
    MainWindow window;
    window.setInteractive(false);
    window.scheduler()->setAutoRun(false);
    QVERIFY(window.openScenario(path));
    window.runScenario();
    const auto good = window.shownRun();
    QVERIFY(good && good->showable());
    typeAtEnd(window.codeView(), QStringLiteral("def broken(:\n"));
    window.runScenario();
    QCOMPARE(window.lastExitCode(), 1);
    QCOMPARE(window.shownRun(), good);   // the stage still shows the run that compiled
    QCOMPARE(window.codeView()->errorLine(), 3);
    QVERIFY(window.consoleView()->streamText(Stream::Stderr).contains(QStringLiteral("SyntaxError")));
    QVERIFY(window.codeView()->toPlainText().endsWith(QStringLiteral("def broken(:\n")));   // the text is kept
    // Fixing it runs again and clears the mark.
    QTextCursor cursor = window.codeView()->textCursor();
    cursor.movePosition(QTextCursor::End);
    cursor.movePosition(QTextCursor::PreviousBlock, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    window.codeView()->setTextCursor(cursor);
    window.runScenario();
    QCOMPARE(window.lastExitCode(), 0);
    QVERIFY(window.shownRun() != good);
    QCOMPARE(window.codeView()->errorLine(), 0);
}

void MainWindowTest::runtimeErrorIsMarkedAtItsLine()
{
    MainWindow window;
    QVERIFY(window.openScenario(testData("fails.py")));
    QCOMPARE(window.codeView()->errorLine(), 2);
    // A runtime error is part of the story: its run is shown.
    QVERIFY(window.shownRun() && window.shownRun()->showable());
    QCOMPARE(window.shownRun()->result().error->summary, std::string("ValueError: shown in red"));
}

void MainWindowTest::editKeepsThePosition()
{
    const QString path = copyToTemp(scenarioPath("05_two_sleepers.py"));
    MainWindow window;
    window.setInteractive(false);
    window.scheduler()->setAutoRun(false);
    QVERIFY(window.openScenario(path));
    window.runScenario();
    window.player()->seek(30);
    typeAtEnd(window.codeView(), QStringLiteral("print('one more line')\n"));
    window.runScenario();
    QCOMPARE(window.player()->position(), size_t(30));
    // Opening another file starts at its beginning.
    QVERIFY(window.openScenario(scenarioPath("13_mini_loop.py")));
    QCOMPARE(window.player()->position(), size_t(0));
}

void MainWindowTest::playerSettingsPersist()
{
    {
        MainWindow window;
        window.scheduler()->setAutoRun(false);
        window.player()->setSpeed(2.0);
        window.setStepGranularity(trace::Granularity::Cue);
        window.close();
    }
    MainWindow reopened;
    QCOMPARE(reopened.player()->speed(), 2.0);
    QCOMPARE(reopened.stepGranularity(), trace::Granularity::Cue);
}

void MainWindowTest::grabsTheWindowAfterSteps()
{
    MainWindow window;
    window.resize(1600, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openScenario(scenarioPath("05_two_sleepers.py")));
    window.stage()->setFocus();
    for (int i = 0; i < 6; ++i)
        QTest::keyClick(window.stage(), Qt::Key_Right);
    window.player()->advance(10'000);
    const QImage shot = window.grab().toImage();
    QCOMPARE(shot.size(), window.size() * window.devicePixelRatio());
    // The stage painted something: more than a couple of colours in its area.
    const QImage stage = window.stage()->grab().toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < stage.height(); y += 7)
        for (int x = 0; x < stage.width(); x += 7)
            colours.insert(stage.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
    const QString out = QDir(QStringLiteral(ASYNCSCOPE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("window_after_steps.png"));
    QVERIFY(shot.save(out));
}

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"


void MainWindowTest::clickingATaskOnTheStageSelectsIt()
{
    MainWindow window;
    window.resize(1600, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openScenario(scenarioPath("05_two_sleepers.py")));
    const auto run = window.shownRun();
    // A position where two tasks wait on their timers.
    size_t position = 0;
    for (size_t i = 0; i < run->trace().size(); ++i) {
        const trace::Snapshot s = run->snapshotAt(long(i));
        int waiting = 0;
        for (const trace::TaskView &t : s.tasks)
            waiting += t.state == trace::TaskState::Waiting ? 1 : 0;
        if (waiting >= 2) {
            position = i;
            break;
        }
    }
    QVERIFY(position > 0);
    window.player()->seek(position);
    QTRY_COMPARE(window.stage()->step(), position);
    const FrameInput frame = window.stage()->currentFrame();
    const StageGeometry &g = frame.after;
    const trace::Snapshot s = run->snapshotAt(long(position));
    for (const trace::TaskView &t : s.tasks) {
        if (t.state != trace::TaskState::Waiting)
            continue;
        const QRectF card = g.absoluteRect(itemKey(ItemRole::Task, t.id));
        QVERIFY(!card.isNull());
        // A click on the card's title row, in widget pixels.
        const QPoint at = QPointF((card.left() + 40) * g.scale, (card.top() + 20) * g.scale).toPoint();
        QCOMPARE(window.stage()->taskAt(at), t.id);
        QTest::mouseClick(window.stage(), Qt::LeftButton, Qt::NoModifier, at);
        QCOMPARE(window.stackInspector()->shownTask(), t.id);
    }
    // Empty stage space selects nothing new.
    QCOMPARE(window.stage()->taskAt(QPointF(2, 2)), uint64_t(0));
}

void MainWindowTest::endlessLoopStopsWithAMessageAndStaysShown()
{
    MainWindow window;
    window.setInteractive(false);
    QVERIFY(window.openScenario(testData("spins_forever.py")));
    const auto run = window.shownRun();
    QVERIFY(run && run->showable());
    // Stopped at the event budget, not after tens of millions of steps.
    QCOMPARE(run->result().exitCode, 4);
    QVERIFY(run->trace().size() >= kAnimatedMaxEvents);
    QVERIFY(run->trace().size() < kAnimatedMaxEvents + 100000);
    QVERIFY2(run->result().error->summary.find("cannot be animated") != std::string::npos,
             run->result().error->summary.c_str());
    // What was recorded can be stepped through.
    window.player()->seek(run->trace().size() - 1);
    QVERIFY(window.consoleView()->streamText(Stream::Stderr).contains(QStringLiteral("cannot be animated")));
}
